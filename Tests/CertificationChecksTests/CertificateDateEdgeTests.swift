@testable import CertificationChecks
import QCapCore
import Testing

/// The date edges of issue 4: the expiry day itself, the day after, leap years, and a surveillance due exactly 12
/// months after issue. Every expectation is computed by hand.
@Suite struct CertificateDateEdgeTests {
    typealias S = CertificationTestSupport

    @Test func aCertificateIsValidOnItsExpiryDay() {
        let finding = S.finding("QMS.expiry", [S.certificate(["expiryDate": "2026-06-30"])])
        #expect(finding?.outcome == .partial)   // valid, but inside the 90-day warning window
        #expect(finding?.details?["daysLeft"] == "0")
        #expect(S.finding("QMS.presence", [S.certificate(["expiryDate": "2026-06-30"])])?.outcome == .met)
    }

    @Test func aCertificateHasExpiredTheDayAfter() {
        let records = [S.certificate(["expiryDate": "2026-06-30"])]
        #expect(S.finding("QMS.expiry", records, asOf: "2026-07-01")?.outcome == .notMet)
        #expect(S.finding("QMS.presence", records, asOf: "2026-07-01")?.outcome == .notMet)
        // Out of force, the checks of its contents no longer apply.
        #expect(S.finding("QMS.scope", records, asOf: "2026-07-01")?.outcome == .notApplicable)
    }

    @Test func theWarningWindowEndsAfterNinetyDays() {
        #expect(S.finding("QMS.expiry", [S.certificate(["expiryDate": "2026-09-28"])])?.outcome == .partial)  // 90 days
        #expect(S.finding("QMS.expiry", [S.certificate(["expiryDate": "2026-09-29"])])?.outcome == .met)      // 91 days
        #expect(S.finding("QMS.expiry", [S.certificate(["expiryDate": "2026-09-29"])], parameters: ["expiryWarningDays": 120])?.outcome == .partial)
    }

    @Test func aLeapDayCertificateRunsThreeYearsToTheTwentyEighth() {
        let issued = ["issueDate": JSONValue("2024-02-29"), "firstIssueDate": "2024-02-29", "recertificationCount": 0]
        var valid = issued
        valid["expiryDate"] = "2027-02-28"
        var long = issued
        long["expiryDate"] = "2027-03-01"
        #expect(S.finding("QMS.cycle", [S.certificate(valid)])?.outcome == .met)
        #expect(S.finding("QMS.cycle", [S.certificate(long)])?.outcome == .notMet)
        #expect(S.finding("QMS.cycle", [S.certificate(long)])?.details?["latestExpiry"] == "2027-02-28")
    }

    @Test func leapYearExpiryCountsTheTwentyNinth() {
        // 2028 is a leap year: from 2027-12-31 to 2028-03-30 is 31 + 29 + 30 = 90 days.
        let finding = S.finding("QMS.expiry", [S.certificate(["expiryDate": "2028-03-30", "issueDate": "2025-04-01"])], asOf: "2027-12-31")
        #expect(finding?.details?["daysLeft"] == "90")
        #expect(finding?.outcome == .partial)
    }

    @Test func surveillanceDueExactlyTwelveMonthsLaterIsOnTimeThatDay() {
        let records = [S.certificate(["issueDate": "2025-06-30", "expiryDate": "2028-06-29", "surveillanceCount": 0, "lastSurveillance": .null])]
        #expect(S.finding("QMS.surveillance", records, asOf: "2026-06-30")?.outcome == .met)
        let late = S.finding("QMS.surveillance", records, asOf: "2026-07-01")
        #expect(late?.outcome == .notMet)
        #expect(late?.details?["dueBy"] == "2026-06-30")
        #expect(late?.message.en.hasPrefix("surveillance audit overdue since 2026-07-01") == true)
        #expect(late?.message.zh.contains("预计证书将被暂停") == true)
    }

    @Test func surveillanceAfterALeapDayIssueFallsOnTheTwentyEighth() {
        let records = [S.certificate(["issueDate": "2024-02-29", "expiryDate": "2027-02-28", "firstIssueDate": "2024-02-29",
                                      "recertificationCount": 0, "surveillanceCount": 1, "lastSurveillance": .null])]
        // An initial certification: due 2025-02-28 (12 months), then 2026-02-28 (12 months under the rule in force
        // from 2026); one recorded, so the second is overdue from 2026-03-01.
        #expect(S.finding("QMS.surveillance", records, asOf: "2026-02-28")?.outcome == .met)
        let late = S.finding("QMS.surveillance", records, asOf: "2026-03-01")
        #expect(late?.outcome == .notMet)
        #expect(late?.details?["dueBy"] == "2026-02-28")
    }

    @Test func theLastSurveillanceDateSetsTheNextDueDate() {
        let records = [S.certificate(["issueDate": "2024-05-06", "expiryDate": "2027-05-05", "surveillanceCount": .null, "lastSurveillance": "2025-04-20"])]
        #expect(S.finding("QMS.surveillance", records, asOf: "2026-04-20")?.outcome == .met)
        #expect(S.finding("QMS.surveillance", records, asOf: "2026-04-21")?.outcome == .notMet)
    }

    @Test func noSurveillanceIsDueOnceRecertificationTakesOver() {
        // Due dates 2025-03-10 and 2026-03-10; the third would be 2027-03-10, on the expiry day: recertification instead.
        let records = [S.certificate(["issueDate": "2024-03-10", "expiryDate": "2027-03-10", "surveillanceCount": 2, "lastSurveillance": .null])]
        #expect(S.finding("QMS.surveillance", records, asOf: "2027-03-10")?.outcome == .met)
    }

    @Test func aCumulativeSurveillanceCountSubtractsCompletedCycles() {
        // Recertified twice: 2 × 2 audits belong to earlier cycles; 5 recorded leaves 1 for this cycle, which is due.
        let records = [S.certificate(["surveillanceCount": 5, "lastSurveillance": .null])]
        #expect(S.finding("QMS.surveillance", records, parameters: ["surveillanceCountBasis": "total"])?.outcome == .met)
        let short = [S.certificate(["surveillanceCount": 4, "lastSurveillance": .null])]
        #expect(S.finding("QMS.surveillance", short, parameters: ["surveillanceCountBasis": "total"])?.outcome == .notMet)
    }

    @Test func absurdValuesAreErrorsNotTraps() {
        #expect(S.finding("QMS.surveillance", [S.certificate(["surveillanceCount": 1e15])])?.outcome == .error)
        #expect(S.finding("QMS.surveillance", [S.certificate(["surveillanceCount": "两次"])])?.outcome == .error)
        #expect(S.finding("QMS.surveillance", [S.certificate(["expiryDate": "9999-12-31", "surveillanceCount": 0])])?.outcome == .notMet)
        #expect(S.finding("QMS.cycle", [S.certificate(["issueDate": "2025/13/01"])])?.outcome == .error)
        #expect(S.finding("QMS.expiry", [S.certificate(["expiryDate": 20280309])])?.outcome == .error)
    }

    @Test func surveillanceScheduleKeepsMonthEnds() throws {
        let config = try CertificationConfig.load(S.rubric.descriptor.parameters?.mapValues(\.value) ?? [:]).get()
        let schedule = SurveillanceSchedule(issue: S.day("2023-08-31"), expiry: S.day("2026-08-30"), start: .initialCertification,
                                            rules: config.surveillanceRules)
        // 12 months after issue; then (before 2026) at most 15 months, the month's last day: 2024-08-31 + 15 = 2025-11-30;
        // the next, 2026-11-30 at the latest under the 12-month rule, falls after the expiry.
        #expect(schedule.dueDate(number: 1) == S.day("2024-08-31"))
        #expect(schedule.dueDate(number: 2) == S.day("2025-11-30"))
        #expect(schedule.dueDate(number: 3) == nil)
        #expect(schedule.dueCount(before: S.day("2025-11-30")) == 1)
        #expect(schedule.dueCount(before: S.day("2025-12-01")) == 2)
    }
}
