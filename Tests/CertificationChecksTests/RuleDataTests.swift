@testable import CertificationChecks
import QCapCore
import Testing

/// Issue 15 §1, §3–§6: the rule values checked against public sources.
@Suite struct RuleDataTests {
    typealias S = CertificationTestSupport

    static func config() throws -> CertificationConfig {
        try CertificationConfig.parse(S.rubric.descriptor.parameters?.mapValues(\.value) ?? [:])
    }

    @Test(arguments: ["CNCA-R-2002-001", "CNCA-RF-2002-07", "CNCA-RF-2003-27", "cnca-rf-2003-127"])
    func bothCNCAApprovalFormsAreWellFormed(approval: String) {
        let finding = S.finding("QMS.issuingBody", [S.certificate(["bodyApproval": .string(approval)])])
        #expect(finding?.outcome == .met)
    }

    @Test func anUnfamiliarApprovalNumberIsForReviewNotAFailure() {
        let finding = S.finding("QMS.issuingBody", [S.certificate(["bodyApproval": "CNCA-RF-03-27"])])
        #expect(finding?.outcome == .partial)
        #expect(finding?.details?["review"] == "approvalForm")
        #expect(finding?.message.en.contains("CNCA-R-YYYY-NNN / CNCA-RF-YYYY-NN(N)") == true)
        // On the loaded list of bodies, its form does not matter.
        let bodies: JSONValue = [["approval": "CNCA-RF-03-27", "name": "老认证中心", "status": "valid"]]
        #expect(S.finding("QMS.issuingBody", [S.certificate(["bodyApproval": "CNCA-RF-03-27"])],
                          parameters: ["approvedBodies": bodies])?.outcome == .met)
    }

    @Test func aSuspensionOlderThanSixMonthsIsStale() {
        let stale = S.finding("QMS.status", [S.certificate(["status": "暂停", "statusDate": "2025-12-29"])])
        #expect(stale?.outcome == .notMet)
        #expect(stale?.details?["suspension"] == "stale")
        #expect(stale?.message.en.contains("probably been withdrawn") == true)
        // 2025-12-30 + 6 months = 2026-06-30: still within the limit on the assessment date.
        let recent = S.finding("QMS.status", [S.certificate(["status": "暂停", "statusDate": "2025-12-30"])])
        #expect(recent?.outcome == .notMet)
        #expect(recent?.details?["suspension"] == nil)
        #expect(recent?.details?["suspendedSince"] == "2025-12-30")
        // The limit is a parameter (recollection).
        #expect(S.finding("QMS.status", [S.certificate(["status": "暂停", "statusDate": "2025-12-30"])],
                          parameters: ["maxSuspensionMonths": 3])?.details?["suspension"] == "stale")
        #expect(S.finding("QMS.status", [S.certificate(["status": "暂停", "statusDate": "2025/13/01"])])?.outcome == .error)
    }

    @Test func theOHSASMigrationDatesMatchTheirSources() throws {
        let deadline = S.rubric.descriptor.parameter("editionDeadlines")?["OHSAS 18001"]
        let options = deadline?["options"]?.arrayValue ?? []
        let dates = Dictionary(uniqueKeysWithValues: options.compactMap { option -> (String, String)? in
            guard let id = option["id"]?.stringValue, let date = option["date"]?.stringValue else { return nil }
            return (id, date)
        })
        #expect(dates == ["original": "2021-03-31", "bodyNotices": "2021-03-11", "iafFaq": "2021-09-30", "sixMonths": "2021-09-11"])
        #expect(deadline?["use"]?.stringValue == "iafFaq")
        let original = options.first { $0["id"]?.stringValue == "original" }
        #expect(original?["status"]?.stringValue == "sourced")
        // Picking the original deadline through tailoring makes an OHSAS certificate invalid from 2021-04-01.
        let tailored = S.parameter("editionDeadlines") { value in
            value = CertificationCheckTests.replacing(value, at: ["OHSAS 18001", "use"], with: "original")
        }
        let ohsas = S.certificate(["number": "00125S31234R2M", "standard": "GB/T 28001-2011", "issueDate": "2019-01-10",
                                   "expiryDate": "2022-01-09"], family: "OHSMS")
        #expect(S.finding("OHSMS.edition", [ohsas], asOf: "2021-03-31", parameters: ["editionDeadlines": tailored])?.outcome != .notMet)
        #expect(S.finding("OHSMS.edition", [ohsas], asOf: "2021-04-01", parameters: ["editionDeadlines": tailored])?.outcome == .notMet)
    }

    @Test func transitionDatesAreMarkedSourced() {
        let deadlines = S.rubric.descriptor.parameter("editionDeadlines")
        for (key, date) in [("ISO/TS 16949", "2018-09-14"), ("ISO/IEC 27001:2013", "2025-10-31"), ("ISO 9001:2008", "2018-09-15"),
                            ("ISO 14001:2004", "2018-09-15")] {
            #expect(deadlines?[key]?["date"]?.stringValue == date, "\(key)")
            #expect(deadlines?[key]?["status"]?.stringValue == "sourced", "\(key)")
            let source = deadlines?[key]?["source"]?.stringValue ?? ""
            #expect(source.isEmpty == false, "\(key)")
        }
        func optionDates(_ key: String) -> Set<String> {
            Set((deadlines?[key]?["options"]?.arrayValue ?? []).compactMap { $0["date"]?.stringValue })
        }
        #expect(optionDates("ISO 22000:2005").isSuperset(of: ["2021-12-29", "2021-12-31"]))
        #expect(optionDates("ISO 50001:2011").isSuperset(of: ["2022-02-20", "2022-02-21", "2022-01-31"]))
    }

    @Test func theGACMarkIsAcceptedBesideTheIAFMark() {
        #expect(S.finding("QMS.accreditation", [S.certificate(["accreditation": "GAC MRA"])])?.outcome == .met)
        #expect(S.finding("QMS.accreditation", [S.certificate(["accreditation": "IAF MLA"])])?.outcome == .met)
    }

    @Test(arguments: [("canceled", CertificateStatus.cancelled), ("Pending", .pending), ("hidden", .hidden), ("DELETED", .deleted)])
    func iafCertSearchStatusesAreKnown(text: String, status: CertificateStatus) throws {
        #expect(try Self.config().status(of: .string(text)) == .known(status))
        let finding = S.finding("QMS.status", [S.certificate(["status": .string(text)])])
        #expect(finding?.outcome == .notMet)
        #expect(finding?.details?["status"] == status.rawValue)
    }
}
