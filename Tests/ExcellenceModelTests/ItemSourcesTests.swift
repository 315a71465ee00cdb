import QCapCore
import Testing
@testable import ExcellenceModel

/// Issue 15 §7: what the item points and numbers rest on, as the provenance states it.
@Suite struct ItemSourcesTests {
    let provenance = rubric.descriptor.provenance

    @Test func theCustomersAndMarketsSplitIsRecollectionFromThe2004Edition() throws {
        let split = try #require(provenance.basis.first { $0.part.en.hasPrefix("Customers and markets 90 points") })
        #expect(split.status == .recollection)
        #expect(split.source?.contains("2004") == true)
    }

    @Test func theResourcesItemPointsAreMarkedUnverified() throws {
        let resources = try #require(provenance.basis.first { $0.part.zh.hasPrefix("资源类目各条目的分值") })
        #expect(resources.status == .unknown)
        #expect(resources.part.en.contains("unverified, high risk"))
        #expect(resources.note?.en.contains("qcap rubrics import TABLE.csv --points excellence") == true)
        // No basis entry calls them recollection any more.
        #expect(!provenance.basis.contains { $0.status == .recollection && $0.part.en.contains("resources 40/15/20/20/15/20") })
    }

    /// Every category opens with an x.x.1 提要 (sourced for 4.1), so the scored items are numbered from x.x.2 — the
    /// official item numbers an evaluator's sheet uses.
    @Test func itemsCarryTheOfficialNumbersFromXX2() {
        for category in rubric.descriptor.criteria {
            let ids = (category.children ?? []).map(\.id)
            let expected = ids.indices.map { "\(category.id).\($0 + 2)" }
            #expect(ids == expected, "\(category.id)")
        }
        #expect(rubric.descriptor.criterion("4.2.2")?.title.zh == "战略制定")
        #expect(rubric.descriptor.criterion("4.7.7")?.title.zh == "领导方面的结果")
        #expect(rubric.descriptor.criterion("4.2.1") == nil)
    }
}
