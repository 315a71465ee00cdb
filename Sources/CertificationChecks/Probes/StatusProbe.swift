import QCapCore

/// The primary certificate's recorded status is 有效 / Active. Each other status fails with its own message.
enum StatusProbe {
    static let probe = CertificationCheck.probe("cert.status") { check in
        guard let record = check.primary else {
            return check.finding(.notApplicable, zh: "没有\(check.family.name.zh)证书，状态无从检查",
                                 en: "no \(check.family.name.en) certificate, so there is no status to check")
        }
        switch record.status {
        case .missing:
            return check.finding(.noEvidence, zh: "证书 \(record.label) 未记录证书状态，请从登记数据中补充",
                                 en: "certificate \(record.label) has no status; take it from the registry", record: record)
        case .known(.valid):
            return check.finding(.met, zh: "证书 \(record.label) 状态为“\(record.text("status") ?? "有效")”",
                                 en: "certificate \(record.label) is valid (\(record.text("status") ?? "valid"))", record: record)
        case .known(let status):
            let message = check.config.message(for: status)
            let raw = record.text("status") ?? status.rawValue
            return check.finding(.notMet, zh: "证书 \(record.label) 状态为“\(raw)”：\(message.zh)",
                                 en: "certificate \(record.label) is \(raw): \(message.en)", record: record,
                                 details: ["status": status.rawValue])
        case .unrecognised(let text):
            return check.finding(.error, zh: "证书 \(record.label) 的状态“\(text)”无法识别（\(record.provenance.citation)）；可在参数 statusVocabulary 中补充这一写法",
                                 en: "certificate \(record.label) has an unrecognised status \"\(text)\" (\(record.provenance.citation)); add the spelling to the statusVocabulary parameter",
                                 record: record)
        }
    }
}
