import QCapCore

/// Surveillance audits are kept up: the first within the months the rule allows after the certification or
/// recertification decision, then each within the rule's interval of the one before, until the certificate's expiry
/// (when recertification takes over). The rules are `surveillanceRules`, one per period: each stretch of time is
/// judged by the rule in force on it (CNCA's rules before 2026 allow 15 months between audits, the 2025 rules 12).
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
        let rules = check.config.surveillanceRules
        let start = check.start(of: record, issue: issue).start
        let schedule = SurveillanceSchedule(issue: issue, expiry: expiry, start: start, rules: rules)
        var overdue: [(due: Day, rule: SurveillanceRule)] = []
        var explanation: (zh: String, en: String) = ("", "")
        let dueDates = schedule.dueDates()
        let due = dueDates.prefix { $0.due < check.asOf }.count
        if let count {
            var done = count
            if check.config.surveillanceCountIsTotal, case .value(let recertifications) = record.count("recertificationCount") {
                done -= check.config.surveillancesPerCycle * recertifications
            }
            explanation = ("截至 \(check.asOf) 应完成 \(due) 次监督，记录 \(done) 次", "\(due) due by \(check.asOf), \(done) recorded")
            if done < due { overdue.append(dueDates[max(done, 0)]) }
        }
        if let last {
            let after: (from: Day, start: SurveillanceRule.Start) = last < issue ? (issue, start) : (last, .surveillance)
            if let next = rules.deadline(after: after.from, start: after.start) {
                let sep = explanation.zh.isEmpty ? "" : "；"
                let sepEn = explanation.en.isEmpty ? "" : "; "
                explanation.zh += "\(sep)最近监督 \(last)，下一次应于 \(next.due) 前完成"
                explanation.en += "\(sepEn)last surveillance \(last), next due by \(next.due)"
                if next.due < check.asOf && next.due < expiry { overdue.append(next) }
            }
        }
        if let missed = overdue.min(by: { $0.due < $1.due }) {
            let rule = missed.rule.id
            return check.finding(.notMet,
                                 zh: "监督审核已逾期：应于 \(missed.due) 前完成（规则 \(rule)），自 \(missed.due.adding(days: 1)) 起逾期（\(explanation.zh)）；预计证书将被暂停，暂停期满仍未审核将被撤销",
                                 en: "surveillance audit overdue since \(missed.due.adding(days: 1)) (due by \(missed.due) under rule \(rule); \(explanation.en)): expect suspension, then withdrawal if still not done",
                                 record: record, details: ["dueBy": missed.due.description, "rule": rule])
        }
        return check.finding(.met, zh: "监督审核按期进行（颁证 \(issue)；\(explanation.zh)）",
                             en: "surveillance is on schedule (issued \(issue); \(explanation.en))", record: record)
    }
}

/// The surveillance due dates of one certificate: the first after the certification (or recertification) decision,
/// then each after the one before, every date the latest the rule in force allows, while they fall before the expiry
/// date (recertification replaces the next one). A count of audits below what is due by a day is overdue.
struct SurveillanceSchedule {
    let issue: Day
    let expiry: Day
    let start: SurveillanceRule.Start
    let rules: SurveillanceRules

    /// Due dates in order, at most `limit` of them; a certificate runs a few years, and the bound only guards
    /// against an absurd expiry date in bad input.
    func dueDates(limit: Int = 1_000) -> [(due: Day, rule: SurveillanceRule)] {
        var dates: [(due: Day, rule: SurveillanceRule)] = []
        var from = issue
        var kind = start
        while dates.count < limit, let next = rules.deadline(after: from, start: kind), next.due < expiry, next.due > from {
            dates.append(next)
            (from, kind) = (next.due, .surveillance)
        }
        return dates
    }

    /// The due date of the `number`th surveillance (1-based), nil when it would fall on or after the expiry.
    func dueDate(number: Int) -> Day? {
        guard number >= 1 else { return nil }
        let dates = dueDates(limit: number)
        return dates.count == number ? dates.last?.due : nil
    }

    /// How many surveillance audits fell due before `day` (a due date equal to `day` is not yet overdue).
    func dueCount(before day: Day) -> Int {
        dueDates().prefix { $0.due < day }.count
    }
}
