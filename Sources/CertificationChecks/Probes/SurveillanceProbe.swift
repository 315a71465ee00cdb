import QCapCore

/// Surveillance audits are kept up: the first within `firstSurveillanceMonths` of issue, then at most
/// `surveillanceIntervalMonths` apart, until the certificate's expiry (when recertification takes over).
/// The recorded count (监督次数) is compared with what is due by the assessment date, and the last surveillance
/// date with the next one due after it. A due date is still on time on the day itself.
enum SurveillanceProbe {
    static let probe = CertificationCheck.probeInForce("cert.surveillance") { check, record in
        let issue: Day, expiry: Day
        switch check.cycleDates(of: record, missing: LocalizedText(zh: "证书 \(record.label) 缺少颁证日期或到期日期，无法推算监督审核",
                                                                   en: "certificate \(record.label) lacks its issue or expiry date, so surveillance cannot be scheduled")) {
        case .dates(let first, let last): (issue, expiry) = (first, last)
        case .concluded(let finding): return finding
        }
        var count: Int?
        switch record.count("surveillanceCount") {
        case .malformed(let text): return check.malformed("surveillanceCount", text, expected: "a whole number from 0 to \(CertificateRecord.countLimit)", record: record)
        case .value(let value): count = value
        case .missing: break
        }
        var last: Day?
        switch record.date("lastSurveillance") {
        case .malformed(let text): return check.malformed("lastSurveillance", text, expected: DateText.acceptedForms, record: record)
        case .value(let day): last = day
        case .missing: break
        }
        if count == nil && last == nil {
            return check.finding(.noEvidence, zh: "证书 \(record.label) 既无监督次数也无最近监督日期",
                                 en: "certificate \(record.label) has neither a surveillance count nor a last surveillance date", record: record)
        }
        let schedule = SurveillanceSchedule(issue: issue, expiry: expiry, config: check.config)
        var overdue: [Day] = []
        var explanation: (zh: String, en: String) = ("", "")
        let due = schedule.dueCount(before: check.asOf)
        if let count {
            var done = count
            if check.config.surveillanceCountIsTotal, case .value(let recertifications) = record.count("recertificationCount") {
                done -= check.config.surveillancesPerCycle * recertifications
            }
            explanation = ("截至 \(check.asOf) 应完成 \(due) 次监督，记录 \(done) 次", "\(due) due by \(check.asOf), \(done) recorded")
            if done < due, let missed = schedule.dueDate(number: max(done, 0) + 1) { overdue.append(missed) }
        }
        if let last {
            let next = last < issue ? issue.adding(months: check.config.firstSurveillanceMonths)
                : last.adding(months: check.config.surveillanceIntervalMonths)
            let sep = explanation.zh.isEmpty ? "" : "；"
            let sepEn = explanation.en.isEmpty ? "" : "; "
            explanation.zh += "\(sep)最近监督 \(last)，下一次应于 \(next) 前完成"
            explanation.en += "\(sepEn)last surveillance \(last), next due by \(next)"
            if next < check.asOf && next < expiry { overdue.append(next) }
        }
        if let missed = overdue.min() {
            return check.finding(.notMet,
                                 zh: "监督审核已逾期：应于 \(missed) 前完成，自 \(missed.adding(days: 1)) 起逾期（\(explanation.zh)）；预计证书将被暂停，暂停期满仍未审核将被撤销",
                                 en: "surveillance audit overdue since \(missed.adding(days: 1)) (due by \(missed); \(explanation.en)): expect suspension, then withdrawal if still not done",
                                 record: record, details: ["dueBy": missed.description])
        }
        return check.finding(.met, zh: "监督审核按期进行（颁证 \(issue)；\(explanation.zh)）",
                             en: "surveillance is on schedule (issued \(issue); \(explanation.en))", record: record)
    }
}

/// The surveillance due dates of one certificate: the first `firstSurveillanceMonths` after issue, then every
/// `surveillanceIntervalMonths`, while they fall before the expiry date (recertification replaces the next one).
struct SurveillanceSchedule {
    let issue: Day
    let expiry: Day
    let first: Int
    let interval: Int

    init(issue: Day, expiry: Day, config: CertificationConfig) {
        self.issue = issue
        self.expiry = expiry
        self.first = config.firstSurveillanceMonths
        self.interval = config.surveillanceIntervalMonths
    }

    /// The due date of the `number`th surveillance (1-based), nil when it would fall on or after the expiry.
    func dueDate(number: Int) -> Day? {
        guard number >= 1 else { return nil }
        let (extra, overflow) = (number - 1).multipliedReportingOverflow(by: interval)
        let (months, overflowAgain) = extra.addingReportingOverflow(first)
        guard !overflow, !overflowAgain else { return nil }
        let day = issue.adding(months: months)
        return day < expiry ? day : nil
    }

    /// How many surveillance audits fell due before `day` (a due date equal to `day` is not yet overdue).
    func dueCount(before day: Day) -> Int {
        // A certificate runs a few years; the bound only guards against an absurd expiry date in bad input.
        var count = 0
        while count < 1_000, let due = dueDate(number: count + 1), due < day { count += 1 }
        return count
    }
}
