import QCapCore
import Testing

@testable import DigitalMaturity

/// Issue 15 §8: the guide's 三个层面 are viewpoints, not maturity grades; the provenance says the scale is ours.
@Suite struct QMDigitalizationProvenanceTests {
    @Test func theThreeLevelScaleIsMarkedAsDraftedHere() throws {
        let provenance = QMDigitalizationRubric().descriptor.provenance
        let scale = try #require(provenance.basis.first { $0.part.zh.contains("基础级、集成级、智能级") })
        #expect(scale.status == .drafted)
        #expect(scale.note?.en.contains("viewpoints") == true)
        #expect(provenance.statement?.zh.contains("不是成熟度等级") == true)
        #expect(provenance.statement?.en.contains("drafted by this project") == true)
        // No basis entry claims the guide grades scenarios at three levels.
        #expect(!provenance.basis.contains { $0.status == .sourced && $0.part.en.contains("three levels") })
    }
}
