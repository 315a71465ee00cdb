import QCapCore

/// The surveillance rule of one period (`surveillanceRules` in the rubric): CNCA's rules changed on 2026-01-01, and
/// each stretch of time is judged by the rule in force on it.
struct SurveillanceRule: Sendable, Equatable {
    /// What the audit being scheduled follows.
    enum Start: Sendable, Equatable {
        /// The decision of an initial certification (or of a recertification that restarted as initial).
        case initialCertification
        /// The decision of a recertification.
        case recertification
        /// A surveillance audit.
        case surveillance
    }

    let id: String
    /// The first day the rule is in force; nil: since always.
    let from: Day?
    /// The last day the rule is in force; nil: still in force.
    let until: Day?
    /// Months from an initial certification decision to the first surveillance.
    let firstMonths: Int
    /// Months from a recertification decision to the first surveillance; nil: only the calendar-year rule (or, without
    /// it, `maxIntervalMonths`) bounds it.
    let firstAfterRecertificationMonths: Int?
    /// The longest gap between two surveillance audits, in months.
    let maxIntervalMonths: Int
    /// Whether every calendar year (but a recertification year) needs a surveillance audit.
    let oncePerCalendarYear: Bool
    /// Whether a recertification decided after the previous certificate expired counts as an initial certification.
    let lateRecertificationRestarts: Bool

    /// Whether the rule is in force on `day`.
    func isInForce(on day: Day) -> Bool {
        if let from, day < from { return false }
        if let until, day > until { return false }
        return true
    }

    /// The last day on which the audit after `day` is on time, by this rule alone.
    func dueDate(after day: Day, start: Start) -> Day {
        switch start {
        case .initialCertification:
            return day.adding(months: firstMonths)
        case .recertification:
            if let months = firstAfterRecertificationMonths { return day.adding(months: months) }
            // The recertification year needs no surveillance; the next calendar year does.
            return oncePerCalendarYear ? Self.endOfNextYear(after: day) : day.adding(months: maxIntervalMonths)
        case .surveillance:
            let interval = day.adding(months: maxIntervalMonths)
            return oncePerCalendarYear ? min(interval, Self.endOfNextYear(after: day)) : interval
        }
    }

    /// 31 December of the year after `day`'s.
    static func endOfNextYear(after day: Day) -> Day {
        Day(year: day.year + 1, month: 12, day: 31) ?? .latest
    }
}

/// The surveillance rules in force over time: consecutive periods, each judged by its own rule.
struct SurveillanceRules: Sendable {
    let rules: [SurveillanceRule]

    /// The rule in force on `day`, if any.
    func rule(on day: Day) -> SurveillanceRule? {
        rules.first { $0.isInForce(on: day) }
    }

    /// When the audit after `day` falls due, and the rule that sets the date: the last day before the first day on
    /// which the rule in force that day counts the audit as late. A gap that starts under one rule and runs into the
    /// next is overdue as soon as the rule in force says so. Nil when no rule in force ever makes it late.
    func deadline(after day: Day, start: SurveillanceRule.Start) -> (due: Day, rule: SurveillanceRule)? {
        var best: (late: Day, rule: SurveillanceRule)?
        for rule in rules {
            // The first day this rule counts the audit as late, if that day lies in the rule's own period.
            var late = rule.dueDate(after: day, start: start).adding(days: 1)
            if let from = rule.from, late < from { late = from }
            if let until = rule.until, late > until { continue }
            if best.map({ late < $0.late }) ?? true { best = (late, rule) }
        }
        guard let best, best.late > .earliest else { return nil }
        return (best.late.adding(days: -1), best.rule)
    }
}
