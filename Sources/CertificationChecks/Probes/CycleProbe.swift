import QCapCore

/// The validity runs at most `maxValidityYears` from the issue date (ISO/IEC 17021-1). A recertification
/// certificate may run `recertificationAllowanceDays` longer, because its expiry can follow on from the previous
/// cycle's; a recertification decided after the previous certificate expired restarts as an initial certification
/// where the rule in force says so (CNCA 2025), and gets no allowance.
enum CycleProbe {
    static let probe = CertificationCheck.probeInForce("cert.cycle") { check, record in
        let issue: Day, expiry: Day
        switch check.cycleDates(of: record, missing: LocalizedText(zh: "证书 \(record.label) 缺少颁证日期或到期日期",
                                                                   en: "certificate \(record.label) lacks its issue or expiry date")) {
        case .dates(let first, let last): (issue, expiry) = (first, last)
        case .concluded(let finding): return finding
        }
        if expiry < issue {
            return check.finding(.notMet, zh: "证书 \(record.label) 的到期日 \(expiry) 早于颁证日 \(issue)",
                                 en: "certificate \(record.label) expires (\(expiry)) before it was issued (\(issue))", record: record)
        }
        let years = check.config.maxValidityYears
        var limit = issue.adding(years: years)
        let (start, lateAfter) = check.start(of: record, issue: issue)
        let recertified = start == .recertification
        if recertified { limit = limit.adding(days: check.config.recertificationAllowanceDays) }
        var details = ["issueDate": issue.description, "expiryDate": expiry.description, "latestExpiry": limit.description]
        var allowance = recertified ? "（再认证证书另允许 \(check.config.recertificationAllowanceDays) 天）" : ""
        var allowanceEn = recertified ? " (a recertification certificate is allowed \(check.config.recertificationAllowanceDays) days more)" : ""
        if let lateAfter {
            details["restartedAsInitial"] = lateAfter.description
            allowance = "（再认证在上一证书 \(lateAfter) 到期后才完成，按初次认证计，不再延续上一周期的到期日）"
            allowanceEn = " (the recertification was decided after the previous certificate expired on \(lateAfter), so it counts as an initial certification and does not carry the previous cycle's expiry forward)"
        }
        if expiry > limit {
            return check.finding(.notMet, zh: "证书 \(record.label) 有效期 \(issue) 至 \(expiry)，超过 \(years) 年上限\(allowance)，最晚应为 \(limit)",
                                 en: "certificate \(record.label) runs from \(issue) to \(expiry), beyond the \(years)-year maximum\(allowanceEn); the latest expiry is \(limit)",
                                 record: record, details: details)
        }
        return check.finding(.met, zh: "证书 \(record.label) 有效期 \(issue) 至 \(expiry)，未超过 \(years) 年上限\(allowance)",
                             en: "certificate \(record.label) runs from \(issue) to \(expiry), within the \(years)-year maximum\(allowanceEn)",
                             record: record, details: details)
    }
}
