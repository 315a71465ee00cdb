import QCapCore

/// The certificate carries an accepted accreditation mark (CNAS or another IAF MLA signatory's), or IAF CertSearch
/// shows the body's accreditation active. Unaccredited certification is weaker evidence: a warning, not a failure.
enum AccreditationProbe {
    static let probe = CertificationCheck.probeInForce("cert.accreditation") { check, record in
        guard check.family.accredited else {
            return check.finding(.notApplicable, zh: "\(check.family.name.zh)认证不由认可机构认可，此项不适用",
                                 en: "\(check.family.name.en) certification is outside accreditation, so this check does not apply", record: record)
        }
        let hasMark = record.has("accreditation")
        let status = record.text("accreditationStatus")
        guard hasMark || status != nil else {
            return check.finding(.noEvidence, zh: "证书 \(record.label) 没有认可信息（认可标识或认可状态）",
                                 en: "certificate \(record.label) carries no accreditation data (mark or status)", record: record)
        }
        var problems: [(zh: String, en: String)] = []
        var found: [String] = []
        if let status {
            if check.config.accreditationActiveValues.contains(CertificateText.words(status)) {
                found.append(status)
            } else {
                problems.append(("认证机构的认可状态为 \(status)", "the body's accreditation is \(status)"))
            }
        }
        if hasMark {
            let text = record.text("accreditation") ?? ""
            if let mark = check.config.accreditationMarks.first(where: { CertificateText.containsWord(text, $0) }) {
                found.append(mark)
            } else if text.isEmpty {
                problems.append(("登记数据中没有认可标识", "the registry shows no accreditation mark"))
            } else {
                problems.append(("认可标识“\(text)”不是被承认的认可机构标识", "\"\(text)\" is not a recognised accreditation mark"))
            }
        }
        if problems.isEmpty {
            let list = found.joined(separator: ", ")
            return check.finding(.met, zh: "证书 \(record.label) 获认可（\(list)）", en: "certificate \(record.label) is accredited (\(list))", record: record)
        }
        return check.finding(.partial, zh: "\(problems.map(\.zh).joined(separator: "；"))：未获认可的证书证明力较弱，按提醒计分",
                             en: "\(problems.map(\.en).joined(separator: "; ")): unaccredited certification is weaker evidence, counted as a warning",
                             record: record)
    }
}
