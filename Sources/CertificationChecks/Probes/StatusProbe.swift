import QCapCore

/// The primary certificate's recorded status is 有效 / Active. Each other status fails with its own message. A
/// suspension lasts at most `maxSuspensionMonths` (CNCA): a record still 暂停 after longer than that is stale, and the
/// certificate has probably been withdrawn.
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
        case .known(.suspended):
            return suspended(check, record)
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

    /// A suspension: how long it has lasted when the record says since when (`statusDate`, 状态变更日期), and whether it
    /// has outlasted the longest suspension the rules allow.
    private static func suspended(_ check: CertificationCheck, _ record: CertificateRecord) -> Finding {
        let raw = record.text("status") ?? CertificateStatus.suspended.rawValue
        let message = check.config.message(for: .suspended)
        let months = check.config.maxSuspensionMonths
        switch record.date("statusDate") {
        case .malformed(let text):
            return check.malformed("statusDate", text, expected: DateText.acceptedForms, record: record)
        case .value(let since):
            let end = since.adding(months: months)
            if check.asOf > end {
                return check.finding(.notMet, zh: "证书 \(record.label) 自 \(since) 起暂停，已超过暂停期上限 \(months) 个月（\(end) 届满）：登记记录可能已过时，证书很可能已被撤销，请重新查询登记数据",
                                     en: "certificate \(record.label) has been suspended since \(since), longer than the \(months)-month limit (ended \(end)): the record is stale or the certificate has probably been withdrawn; check the registry again",
                                     record: record, details: ["status": "suspended", "suspendedSince": since.description, "suspension": "stale"])
            }
            return check.finding(.notMet, zh: "证书 \(record.label) 自 \(since) 起暂停，至迟于 \(end) 恢复，否则将被撤销：\(message.zh)",
                                 en: "certificate \(record.label) has been suspended since \(since) and must be restored by \(end) or be withdrawn: \(message.en)",
                                 record: record, details: ["status": "suspended", "suspendedSince": since.description])
        case .missing:
            return check.finding(.notMet, zh: "证书 \(record.label) 状态为“\(raw)”：\(message.zh)暂停期最长 \(months) 个月，暂停开始日期未记录；若已超过，登记记录可能已过时",
                                 en: "certificate \(record.label) is \(raw): \(message.en) A suspension lasts at most \(months) months and its start is not on record; beyond that the record is stale",
                                 record: record, details: ["status": "suspended"])
        }
    }
}
