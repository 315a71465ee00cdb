import QCapCore

/// The primary certificate has not expired as of the assessment date, with a warning inside `expiryWarningDays`.
/// The certificate is still valid on its expiry day itself.
enum ExpiryProbe {
    static let probe = CertificationCheck.probe("cert.expiry") { check in
        guard let record = check.primary else {
            return check.finding(.notApplicable, zh: "没有\(check.family.name.zh)证书，到期日无从检查",
                                 en: "no \(check.family.name.en) certificate, so there is no expiry date to check")
        }
        guard record.status.allowsInForce else {
            return check.finding(.notApplicable, zh: "证书 \(record.label) \(record.notInForceReason.zh)，到期日已无意义（见证书状态）",
                                 en: "certificate \(record.label) has \(record.notInForceReason.en), so its expiry date is moot (see the status check)",
                                 record: record)
        }
        let expiry: Day
        switch record.date("expiryDate") {
        case .missing:
            return check.finding(.noEvidence, zh: "证书 \(record.label) 未记录到期日期", en: "certificate \(record.label) has no expiry date", record: record)
        case .malformed(let text):
            return check.malformed("expiryDate", text, expected: DateText.acceptedForms, record: record)
        case .value(let day):
            expiry = day
        }
        let days = Day.days(from: check.asOf, to: expiry)
        let details = ["expiryDate": expiry.description, "daysLeft": String(days)]
        if days < 0 {
            return check.finding(.notMet, zh: "证书 \(record.label) 已于 \(expiry) 到期（已过 \(-days) 天）",
                                 en: "certificate \(record.label) expired on \(expiry) (\(-days) days ago)", record: record, details: details)
        }
        if days <= check.config.expiryWarningDays {
            return check.finding(.partial, zh: "证书 \(record.label) 将于 \(expiry) 到期（还有 \(days) 天）：请在到期前完成再认证",
                                 en: "certificate \(record.label) expires on \(expiry), in \(days) days: complete the recertification before then",
                                 record: record, details: details)
        }
        return check.finding(.met, zh: "证书 \(record.label) 于 \(expiry) 到期，还有 \(days) 天",
                             en: "certificate \(record.label) expires on \(expiry), in \(days) days", record: record, details: details)
    }
}
