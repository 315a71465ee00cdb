@testable import CertificationChecks
import QCapCore
import Testing

/// Issue 15 §10 and §11: certification has no levels, so its result carries a verdict — how many of the families
/// that apply are valid — and its coverage counts only what applies.
@Suite struct VerdictTests {
    typealias S = CertificationTestSupport

    @Test func aValidQMSAndNothingElseRequiredIsFullyCovered() {
        // C3484 requires QMS only; the other eight families do not apply and no longer count against coverage.
        let result = S.result(S.evidence([S.certificate()]))
        #expect(result.score == 100)
        #expect(result.coverage == 1)
        #expect(result.verdict == LocalizedText(zh: "1/1 有效", en: "1/1 valid"))
        #expect(result.notes.first?.zh.contains("结论：有效") == true)
    }

    @Test func eachFamilyIsValidFlawedOrMissing() {
        // An automotive maker (C36): QMS and IATF 16949 required. QMS valid, EMS held but expiring (a warning),
        // IATF 16949 missing.
        let automotive = Enterprise(id: S.code, name: S.enterprise.name, region: "350600", industry: "C3670", products: ["齿轮"])
        let ems = S.certificate(["number": "00125E31235R1M", "standard": "GB/T24001-2016/ISO14001:2015", "expiryDate": "2026-08-01"],
                                family: "EMS")
        let result = S.result(S.evidence([S.certificate(), ems], enterprise: automotive))
        #expect(result.verdict == LocalizedText(zh: "1/3 有效", en: "1/3 valid"))
        let notes = result.notes.map(\.zh)
        #expect(notes.contains { $0.hasPrefix("QMS ") && $0.contains("结论：有效") })
        #expect(notes.contains { $0.hasPrefix("EMS ") && $0.contains("结论：有缺陷") })
        #expect(notes.contains { $0.hasPrefix("IATF16949 ") && $0.contains("无证书；结论：缺失") })
    }

    @Test func withoutCertificateEvidenceThereIsNoVerdict() {
        let result = S.result(Evidence(enterprise: S.enterprise))
        #expect(result.verdict == nil)
        #expect(result.coverage == 0)
    }

    @Test func whenNothingIsRequiredAndNothingHeldNothingApplies() {
        // A wholesaler (F5174) with a registry search that found nothing: no family applies.
        let trader = Enterprise(id: S.code, name: S.enterprise.name, region: "350600", industry: "F5174")
        let result = S.result(S.evidence([], enterprise: trader))
        #expect(result.findings.allSatisfy { $0.outcome == .notApplicable })
        #expect(result.coverage == nil)
        #expect(result.verdict == LocalizedText(zh: "无须认证", en: "none required"))
    }
}
