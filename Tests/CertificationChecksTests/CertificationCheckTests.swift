@testable import CertificationChecks
import QCapCore
import Testing

@Suite struct CertificationCheckTests {
    typealias S = CertificationTestSupport

    static func config(_ parameters: [String: JSONValue] = [:]) throws -> CertificationConfig {
        var values = S.rubric.descriptor.parameters?.mapValues(\.value) ?? [:]
        for (name, value) in parameters { values[name] = value }
        return try CertificationConfig.parse(values)
    }

    /// `value` with the member at `path` replaced.
    static func replacing(_ value: JSONValue, at path: [String], with replacement: JSONValue) -> JSONValue {
        guard let key = path.first, var object = value.objectValue else { return replacement }
        object[key] = replacing(object[key] ?? .null, at: Array(path.dropFirst()), with: replacement)
        return .object(object)
    }

    @Test(arguments: [("有效", CertificateStatus.valid), ("Active", .valid), ("01", .valid), ("暂停", .suspended),
                      ("Suspended", .suspended), ("SUSPENDED", .suspended), ("ｓｕｓｐｅｎｄｅｄ", .suspended), (" 撤销 ", .withdrawn),
                      ("Withdrawn", .withdrawn), ("注销", .cancelled), ("Cancelled", .cancelled), ("过期失效", .expired),
                      ("Expired", .expired), ("Inactive", .inactive), ("Draft", .draft), ("03", .withdrawn)])
    func statusSpellingsNormaliseToOneValue(text: String, status: CertificateStatus) throws {
        #expect(try Self.config().status(of: .string(text)) == .known(status))
    }

    @Test func eachFailingStatusHasItsOwnMessage() throws {
        var messages = Set<String>()
        for text in ["暂停", "撤销", "注销", "过期失效"] {
            let finding = try #require(S.finding("QMS.status", [S.certificate(["status": .string(text)])]))
            #expect(finding.outcome == .notMet)
            messages.insert(finding.message.zh)
        }
        #expect(messages.count == 4)
        let unknown = S.finding("QMS.status", [S.certificate(["status": "待审批"])])
        #expect(unknown?.outcome == .error)
        #expect(unknown?.message.en.contains("test.json:1") == true)
    }

    @Test func aNewStatusSpellingCanBeTailoredIn() {
        let vocabulary = Self.replacing(S.rubric.descriptor.parameter("statusVocabulary") ?? .null, at: ["valid", "aliases"],
                                        with: ["有效", "Active", "正常"])
        #expect(S.finding("QMS.status", [S.certificate(["status": "正常"])], parameters: ["statusVocabulary": vocabulary])?.outcome == .met)
    }

    @Test func theMigrationDeadlineFollowsTheChosenSource() {
        let ohsas = [S.certificate(["standard": "GB/T28001-2011/OHSAS18001:2007", "issueDate": "2021-09-01", "expiryDate": "2024-08-31",
                                    "recertificationCount": 0, "firstIssueDate": "2021-09-01"], family: "OHSMS")]
        // IAF FAQ (default): valid through 2021-09-30.
        #expect(S.finding("OHSMS.edition", ohsas, asOf: "2021-09-20")?.outcome == .partial)
        #expect(S.finding("OHSMS.edition", ohsas, asOf: "2021-10-01")?.outcome == .notMet)
        // The six-month reading: invalid after 2021-09-11.
        let deadlines = Self.replacing(S.rubric.descriptor.parameter("editionDeadlines") ?? .null, at: ["OHSAS 18001", "use"], with: "sixMonths")
        #expect(S.finding("OHSMS.edition", ohsas, asOf: "2021-09-20", parameters: ["editionDeadlines": deadlines])?.outcome == .notMet)
    }

    @Test func anOldEditionIsInvalidAfterItsDeadline() {
        let old = [S.certificate(["standard": "GB/T19001-2008/ISO9001:2008", "issueDate": "2016-01-10", "expiryDate": "2019-01-09",
                                  "recertificationCount": 0, "firstIssueDate": "2016-01-10", "surveillanceCount": 2, "lastSurveillance": .null])]
        #expect(S.finding("QMS.edition", old, asOf: "2018-09-15")?.outcome == .partial)
        #expect(S.finding("QMS.edition", old, asOf: "2018-09-16")?.outcome == .notMet)
    }

    @Test func theIso9001TransitionStartsWhenItsSuccessorIsPublished() {
        let current = [S.certificate()]
        #expect(S.finding("QMS.edition", current)?.outcome == .met)
        let published = Self.replacing(S.rubric.descriptor.parameter("editionDeadlines") ?? .null,
                                       at: ["ISO 9001:2015", "successorPublished"], with: "2026-09-15")
        // Transition ends 2029-09-15; on 2028-10-01 that is 349 days away, inside the 365-day warning.
        let finding = S.finding("QMS.edition", [S.certificate(["issueDate": "2026-03-01", "expiryDate": "2029-02-28"])],
                                asOf: "2028-10-01", parameters: ["editionDeadlines": published])
        #expect(finding?.outcome == .partial)
        #expect(finding?.details?["invalidAfter"] == "2029-09-15")
    }

    @Test func theApprovedBodyListDecidesWhenGiven() {
        let bodies: JSONValue = [["approval": "CNCA-R-2002-001", "name": "示例认证有限公司", "status": "valid"],
                                 ["approval": "CNCA-R-2010-099", "name": "停业认证有限公司", "status": "withdrawn"]]
        #expect(S.finding("QMS.issuingBody", [S.certificate()], parameters: ["approvedBodies": bodies])?.outcome == .met)
        #expect(S.finding("QMS.issuingBody", [S.certificate(["bodyApproval": "CNCA-R-2010-099"])], parameters: ["approvedBodies": bodies])?.outcome == .notMet)
        #expect(S.finding("QMS.issuingBody", [S.certificate(["bodyApproval": "CNCA-R-2011-123"])], parameters: ["approvedBodies": bodies])?.outcome == .partial)
        #expect(S.finding("QMS.issuingBody", [S.certificate(["bodyApproval": .null])], parameters: ["approvedBodies": bodies])?.outcome == .met)
        // A number of no known form is flagged for review, not failed.
        #expect(S.finding("QMS.issuingBody", [S.certificate(["bodyApproval": "CNCA-R-02-1"])])?.outcome == .partial)
    }

    @Test func accreditationMarksAreWholeWords() throws {
        let config = try Self.config()
        #expect(CertificateText.containsWord("CNAS C001-M", "CNAS"))
        #expect(CertificateText.containsWord("中国合格评定国家认可委员会（CNAS）", "CNAS"))
        #expect(CertificateText.containsWord("ukas 0001", "UKAS"))
        #expect(!CertificateText.containsWord("SCNAS", "CNAS"))
        #expect(!config.accreditationMarks.isEmpty)
        #expect(S.finding("QMS.accreditation", [S.certificate(["accreditation": "无"])])?.outcome == .partial)
        #expect(S.finding("IATF16949.presence", [S.certificate(["family": "IATF16949", "standard": "IATF 16949:2016"])])?.outcome == .met)
    }

    @Test func holderCodesAreMatchedAndValidated() throws {
        // A code whose first character is a letter (Y = 其他) is well formed; its check character is computed here.
        let prefix = "Y1350600MA2Y8XQ41"
        let code = prefix + String(try #require(USCC.checkCharacter(forPrefix: prefix)))
        let letterFirst = Enterprise(id: code, name: "漳州示例协会")
        #expect(S.finding("QMS.holder", [S.certificate(["holderUSCC": .string(code)])], enterprise: letterFirst)?.outcome == .met)
        #expect(S.finding("QMS.holder", [S.certificate(["holderUSCC": "k8pbrnyt-p"])])?.outcome == .met)
        #expect(S.finding("QMS.holder", [S.certificate(["holderUSCC": "91350602MA2Y8XQ414"])])?.outcome == .notMet)
        let failing = Enterprise(id: "91350203LXG0TEQY7X", name: "某公司")
        let review = S.finding("QMS.holder", [S.certificate(["holderUSCC": "91350203LXG0TEQY7X"])], enterprise: failing)
        #expect(review?.outcome == .partial)
        #expect(review?.message.en.contains("expected F") == true)
    }

    @Test func scopeIsMatchedByKeywordsWithoutWordBreaks() {
        #expect(S.finding("QMS.scope", [S.certificate(["scope": "精密齿轮及减速机的制造"])])?.outcome == .met)
        let partial = S.finding("QMS.scope", [S.certificate(["scope": "齿轮的生产"])])
        #expect(partial?.outcome == .partial)
        #expect(partial?.score == 0.5)
        #expect(partial?.details?["notCovered"] == "减速机")
        let three = Enterprise(id: S.code, name: "x", products: ["齿轮", "减速机", "联轴器"])
        #expect(S.finding("QMS.scope", [S.certificate(["scope": "齿轮、减速机"])], enterprise: three)?.score == 2.0 / 3.0)
        let none = Enterprise(id: S.code, name: "x")
        #expect(S.finding("QMS.scope", [S.certificate()], enterprise: none, extra: ["enterprise.products": "减速机；齿轮"])?.outcome == .met)
    }

    @Test func aDeclaredCertificateTheRegistryWithdrewIsAConflictCitingBoth() throws {
        let registry = Provenance(provider: "cnca-registry", file: "certificates.csv", line: 5, row: 4, source: .registry)
        let questionnaire = Provenance(provider: "questionnaire", file: "evidence/a.json", line: 1, source: .declared)
        let evidence = Evidence(enterprise: S.enterprise, facts: [
            Fact(key: "cert.records", value: .array([S.certificate(["status": "撤销", "source": .null])]), provenance: registry),
            Fact(key: "cert.declared", value: [["number": "00125Q31234R2M", "family": "QMS", "status": "有效"]], provenance: questionnaire),
        ])
        let finding = try #require(S.result(evidence).findings.first { $0.criterion == "QMS.declaredVsRegistry" })
        #expect(finding.outcome == .notMet)
        #expect(finding.evidence == [questionnaire, registry])
        #expect(finding.message.en.contains("certificates.csv:5 row 4") && finding.message.en.contains("evidence/a.json:1"))
    }

    @Test func aRegistrySearchWithoutRowsMeansNoCertificate() {
        let evidence = Evidence(enterprise: S.enterprise, facts: [
            Fact(key: "cert.registryChecked", value: true, provenance: Provenance(provider: "cnca-registry", file: "certificates.csv", source: .registry)),
        ])
        let result = S.result(evidence)
        #expect(result.findings.first { $0.criterion == "QMS.presence" }?.outcome == .notMet)
        #expect(result.findings.first { $0.criterion == "EMS.presence" }?.outcome == .notApplicable)
        #expect(result.score == 0)
    }

    @Test func withoutCertificateDataEveryCheckAsksForIt() {
        let result = S.result(Evidence(enterprise: S.enterprise))
        #expect(result.findings.allSatisfy { $0.outcome == .noEvidence })
        #expect(result.score == nil)
        #expect(result.coverage == 0)
    }

    @Test func anUnusableParameterIsBadInputNamingTheTailoringAndTheParameter() {
        let context = RubricContext(descriptor: S.rubric.descriptor, tailoring: Tailoring(parameters: ["expiryWarningDays": "ninety"]),
                                    tailoringFile: "demo/qcap.json")
        #expect {
            _ = try RubricEngine(rubric: S.rubric, context: context)
        } throws: { error in
            "\(error)".contains("demo/qcap.json: $.tailoring.certification.parameters.expiryWarningDays: parameter expiryWarningDays")
        }
    }

    @Test func aFamilyCriterionTheRuleDataLacksIsBadInputInTheRubricFile() throws {
        var families = S.rubric.descriptor.parameter("families")?.arrayValue ?? []
        families.removeAll { $0["id"]?.stringValue == "EMS" }
        var descriptor = S.rubric.descriptor
        descriptor.parameters?["families"]?.value = .array(families)
        #expect {
            _ = try RubricEngine(rubric: S.rubric, context: RubricContext(descriptor: descriptor))
        } throws: { error in
            "\(error)".contains("rubrics/certification.json: $.parameters.families.value: parameter families of rubric certification: criterion EMS.presence names family EMS")
        }
    }

    @Test func familiesAreInferredFromTheStandardTheProjectOrTheNumber() throws {
        let config = try Self.config()
        let provenance = Provenance(provider: "t", file: "t", source: .registry)
        func family(_ fields: [(String, JSONValue)]) -> String? {
            CertificateRecord(fields: JSONObject(fields), provenance: provenance, isRegistry: true, config: config).familyID
        }
        #expect(family([("standard", "YY/T 0287-2017 / ISO 13485:2016")]) == "ISO13485")
        #expect(family([("project", "医疗器械质量管理体系认证")]) == "ISO13485")
        #expect(family([("project", "质量管理体系认证")]) == "QMS")
        #expect(family([("standard", "ISO/TS 16949:2009")]) == "IATF16949")
        #expect(family([("standard", "ＧＢ／Ｔ　２４００１—２０１６")]) == "EMS")
        #expect(family([("number", "00114S26950R7L/3502")]) == "OHSMS")
        #expect(family([("number", "ABC")]) == nil)
    }

    /// QMS fully met (100), EMS withdrawn (status 0; presence not required; the rest not applicable), nothing else
    /// applies: (3 × 100 + 2 × 0) / 5 = 60.
    @Test func familiesAreWeightedIntoTheOverallScore() throws {
        let ems = S.certificate(["number": "00125E31235R1M", "standard": "GB/T24001-2016/ISO14001:2015", "status": "撤销"], family: "EMS")
        let result = S.result(S.evidence([S.certificate(), ems]))
        #expect(result.score == 60)
        #expect(result.nodes.first { $0.criterion == "QMS" }?.score == 100)
        #expect(result.nodes.first { $0.criterion == "EMS" }?.score == 0)
        #expect(result.notes.count == 2)
        #expect(result.notes.first?.zh.hasPrefix("QMS 质量管理体系：证书 00125Q31234R2M（登记数据，test.json:1，2028-03-09 到期）；结论：有效（100 分）") == true)
        #expect(result.notes.last?.en.contains("verdict: missing (0); falling short: Certificate status") == true)
        // No levels: the verdict stands in for one. QMS is required and valid; EMS has a certificate, withdrawn.
        #expect(result.verdict == LocalizedText(zh: "1/2 有效", en: "1/2 valid"))
    }

    @Test func theRegistryCertificateIsPreferredOverTheDeclaredOne() throws {
        let config = try Self.config()
        let registry = Provenance(provider: "r", file: "r.csv", source: .registry)
        let declared = Provenance(provider: "q", file: "q.json", source: .declared)
        let a = CertificateRecord(fields: JSONObject([("number", "A"), ("expiryDate", "2029-01-01")]), provenance: declared, isRegistry: false, config: config)
        let b = CertificateRecord(fields: JSONObject([("number", "B"), ("expiryDate", "2027-01-01")]), provenance: registry, isRegistry: true, config: config)
        let c = CertificateRecord(fields: JSONObject([("number", "C"), ("expiryDate", "2028-01-01")]), provenance: registry, isRegistry: true, config: config)
        let d = CertificateRecord(fields: JSONObject([("number", "D"), ("status", "撤销"), ("expiryDate", "2030-01-01")]), provenance: registry, isRegistry: true, config: config)
        #expect(CertificateEvidence.primary(of: [a, b, c, d], asOf: S.day("2026-06-30"))?.number == "C")
    }
}
