@testable import CertificationChecks
import QCapCore
import Testing

/// Issue 15 §2: each period is judged by the surveillance rule in force on it — CNCA's rules before 2026 (first
/// within 12 months, then once per calendar year and at most 15 months apart) and the 2025 rules from 2026-01-01
/// (12 months, also after a recertification; a late recertification restarts as initial). Every date is computed by
/// hand.
@Suite struct SurveillanceRuleTests {
    typealias S = CertificationTestSupport

    /// An initial certificate issued 2023-02-01 (not a recertification) with one surveillance on `last`.
    static func audited(last: String, issue: String = "2023-02-01", expiry: String = "2026-01-31") -> [JSONValue] {
        [S.certificate(["issueDate": .string(issue), "expiryDate": .string(expiry), "firstIssueDate": .string(issue),
                        "recertificationCount": 0, "surveillanceCount": 1, "lastSurveillance": .string(last)])]
    }

    @Test func aFourteenMonthGapIn2025IsOnTime() {
        // 2024-01-20 + 15 months = 2025-04-20, within 2025 (the calendar-year rule allows until 2025-12-31).
        let records = Self.audited(last: "2024-01-20")
        #expect(S.finding("QMS.surveillance", records, asOf: "2025-03-20")?.outcome == .met)   // 14 months
        #expect(S.finding("QMS.surveillance", records, asOf: "2025-04-20")?.outcome == .met)   // the due day itself
        let late = S.finding("QMS.surveillance", records, asOf: "2025-04-21")
        #expect(late?.outcome == .notMet)
        #expect(late?.details?["dueBy"] == "2025-04-20")
        #expect(late?.details?["rule"] == "cnca-2016")
    }

    @Test func aFourteenMonthGapIn2026IsOverdue() {
        // 2025-01-20 + 12 months = 2026-01-20 under the rule in force from 2026-01-01.
        let records = Self.audited(last: "2025-01-20", issue: "2024-02-01", expiry: "2027-01-31")
        #expect(S.finding("QMS.surveillance", records, asOf: "2026-01-20")?.outcome == .met)
        let late = S.finding("QMS.surveillance", records, asOf: "2026-03-20")   // 14 months
        #expect(late?.outcome == .notMet)
        #expect(late?.details?["dueBy"] == "2026-01-20")
        #expect(late?.details?["rule"] == "cnca-2025")
    }

    @Test func aGapAcrossNewYear2026IsOverdueOnceTheNewRuleSaysSo() {
        // After 2025-06-01 the old rule would allow until 2026-09-01; from 2026-01-01 the new rule allows until 2026-06-01.
        let records = Self.audited(last: "2025-06-01", issue: "2024-06-01", expiry: "2027-05-31")
        #expect(S.finding("QMS.surveillance", records, asOf: "2026-06-01")?.outcome == .met)
        #expect(S.finding("QMS.surveillance", records, asOf: "2026-06-02")?.details?["dueBy"] == "2026-06-01")
        // After 2024-12-20 the old rule needs an audit in 2025 and the new one by 2025-12-20: overdue from 2026-01-01,
        // not (as the 12-month rule alone would say) from 2025-12-21.
        let straddling = Self.audited(last: "2024-12-20", issue: "2023-12-01", expiry: "2026-11-30")
        #expect(S.finding("QMS.surveillance", straddling, asOf: "2025-12-31")?.outcome == .met)
        let late = S.finding("QMS.surveillance", straddling, asOf: "2026-01-01")
        #expect(late?.outcome == .notMet)
        #expect(late?.details?["dueBy"] == "2025-12-31")
    }

    @Test func theCalendarYearRuleBindsBefore2026() {
        // After 2024-10-15: 15 months would be 2026-01-15, but 2025 needs its audit: due by 2025-12-31.
        let records = Self.audited(last: "2024-10-15", issue: "2023-11-01", expiry: "2026-10-31")
        #expect(S.finding("QMS.surveillance", records, asOf: "2025-12-31")?.outcome == .met)
        #expect(S.finding("QMS.surveillance", records, asOf: "2026-01-01")?.details?["dueBy"] == "2025-12-31")
    }

    @Test func theFirstSurveillanceAfterARecertificationIsDueWithinTwelveMonthsFrom2026() {
        func recertified(_ issue: String, _ expiry: String) -> [JSONValue] {
            [S.certificate(["issueDate": .string(issue), "expiryDate": .string(expiry), "firstIssueDate": "2018-01-10",
                            "recertificationCount": 2, "surveillanceCount": 0, "lastSurveillance": .null])]
        }
        // 2026 rule: 12 months after the recertification decision.
        let new = recertified("2026-02-01", "2029-01-31")
        #expect(S.finding("QMS.surveillance", new, asOf: "2027-02-01")?.outcome == .met)
        #expect(S.finding("QMS.surveillance", new, asOf: "2027-02-02")?.details?["dueBy"] == "2027-02-01")
        // Before 2026 only the calendar-year rule bounded it: a recertification of 2024-02-01 needed an audit in 2025.
        let old = recertified("2024-02-01", "2027-01-31")
        #expect(S.finding("QMS.surveillance", old, asOf: "2025-02-02")?.outcome == .met)
        #expect(S.finding("QMS.surveillance", old, asOf: "2025-12-31")?.outcome == .met)
        #expect(S.finding("QMS.surveillance", old, asOf: "2026-01-01")?.details?["dueBy"] == "2025-12-31")
    }

    @Test func aLateRecertificationRestartsAsInitialFrom2026() {
        // Recertified after the previous certificate expired: no allowance beyond 3 years from issue.
        let late = [S.certificate(["issueDate": "2026-03-02", "expiryDate": "2029-04-30", "recertificationCount": 1,
                                   "previousExpiryDate": "2026-02-28"])]
        let finding = S.finding("QMS.cycle", late)
        #expect(finding?.outcome == .notMet)
        #expect(finding?.details?["restartedAsInitial"] == "2026-02-28")
        #expect(finding?.details?["latestExpiry"] == "2029-03-02")
        // The previous certificate may come from the registry export instead of previousExpiryDate.
        let previous = S.certificate(["number": "00125Q31234R1M", "status": "过期失效", "issueDate": "2023-03-01",
                                      "expiryDate": "2026-02-28"])
        let current = S.certificate(["issueDate": "2026-03-02", "expiryDate": "2029-04-30", "recertificationCount": 1])
        #expect(S.finding("QMS.cycle", [previous, current])?.details?["restartedAsInitial"] == "2026-02-28")
        // Before 2026 a late recertification kept its allowance; on time it keeps it under both rules.
        let before = [S.certificate(["issueDate": "2025-03-02", "expiryDate": "2028-04-30", "recertificationCount": 1,
                                     "previousExpiryDate": "2025-02-28"])]
        #expect(S.finding("QMS.cycle", before, asOf: "2026-03-01")?.outcome == .met)
        let onTime = [S.certificate(["issueDate": "2026-02-20", "expiryDate": "2029-04-30", "recertificationCount": 1,
                                     "previousExpiryDate": "2026-02-28"])]
        #expect(S.finding("QMS.cycle", onTime)?.outcome == .met)
    }

    @Test func rulesMustFollowOneAnother() throws {
        var rules = S.rubric.descriptor.parameter("surveillanceRules") ?? .null
        guard case .array(var items) = rules, case .object(var second) = items[1] else { Issue.record("shape"); return }
        second["from"] = "2026-02-01"
        items[1] = .object(second)
        rules = .array(items)
        let finding = S.finding("QMS.surveillance", [S.certificate()], parameters: ["surveillanceRules": rules])
        #expect(finding?.outcome == .error)
        #expect(finding?.message.en.contains("surveillanceRules[1]") == true)
    }
}
