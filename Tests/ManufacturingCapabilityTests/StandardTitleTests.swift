import QCapCore
import Testing

@testable import ManufacturingCapability

/// Issue 15 §9: the standard is known by two titles; the rubric keeps the seed's as an alias.
@Suite struct StandardTitleTests {
    @Test func bothTitlesOfTheStandardAreInTheProvenance() throws {
        let provenance = ManufacturingCapabilityRubric().descriptor.provenance
        for title in ["《制造业企业质量管理能力评估规范》", "《制造业企业质量管理能力提升评估规范》"] {
            #expect(provenance.statement?.zh.contains(title) == true, "\(title)")
            #expect(provenance.statement?.en.contains(title) == true, "\(title)")
        }
        let alias = try #require(provenance.basis.first { $0.part.zh.contains("提升评估规范") })
        #expect(alias.part.en.contains("alias"))
    }
}
