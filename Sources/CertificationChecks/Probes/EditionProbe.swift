import QCapCore

/// The certificate's standard edition is current, or still inside its transition window (with a warning within
/// `transitionWarningDays` of the end). Deadlines are the rubric's `editionDeadlines`.
enum EditionProbe {
    static let probe = CertificationCheck.probeInForce("cert.edition") { check, record in
        guard let standard = record.text("standard") else {
            return check.finding(.noEvidence, zh: "证书 \(record.label) 未记录认证依据（标准及版本）",
                                 en: "certificate \(record.label) names no standard (认证依据)", record: record)
        }
        guard let edition = check.family.edition(in: standard) else {
            return check.finding(.noEvidence, zh: "认证依据“\(standard)”中未能识别\(check.family.name.zh)标准的版本",
                                 en: "no edition of the \(check.family.name.en) standard is recognised in \"\(standard)\"", record: record)
        }
        guard let lastDay = edition.invalidAfter else {
            return check.finding(.met, zh: "依据 \(edition.id)，为现行版本", en: "issued against \(edition.id), a current edition",
                                 record: record, details: ["edition": edition.id])
        }
        let details = ["edition": edition.id, "invalidAfter": lastDay.description]
        if check.asOf > lastDay {
            return check.finding(.notMet, zh: "依据 \(edition.id)，该版本的证书自 \(lastDay.adding(days: 1)) 起已失效",
                                 en: "issued against \(edition.id), whose certificates are invalid since \(lastDay.adding(days: 1))",
                                 record: record, details: details)
        }
        let days = Day.days(from: check.asOf, to: lastDay)
        if days <= check.config.transitionWarningDays {
            return check.finding(.partial, zh: "依据 \(edition.id)，其换版过渡期至 \(lastDay) 结束（还有 \(days) 天）：请尽快完成换版审核",
                                 en: "issued against \(edition.id), whose transition ends on \(lastDay), in \(days) days: complete the transition audit soon",
                                 record: record, details: details)
        }
        return check.finding(.met, zh: "依据 \(edition.id)，换版过渡期至 \(lastDay)", en: "issued against \(edition.id); its transition runs until \(lastDay)",
                             record: record, details: details)
    }
}
