import Foundation
import QCapCore
import Testing
@testable import QCapStore

@Suite struct RegionQueriesTests {
    /// The region's view reads the aggregate columns of the results that count for a period, as compare does.
    @Test func regionResultsAreTheLatestPerEnterpriseAndRubric() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let descriptor = try StoreFixtures.descriptor()
        let store = try ResultStore(url: folder.url.appending(path: "s.sqlite"))
        func record(_ period: String, _ runs: [AssessmentRun]) throws -> Int {
            try store.beginRun(StoreFixtures.record(period: period))
            for run in runs { try store.add(run, descriptors: [descriptor]) }
            return try store.commitRun()
        }
        _ = try record("2025", [StoreFixtures.run(StoreFixtures.alpha, level: 2, descriptor: descriptor, period: "2025")])
        let second = try record("2026", [StoreFixtures.run(StoreFixtures.alpha, level: 3, descriptor: descriptor),
                                        StoreFixtures.run(StoreFixtures.beta, level: 3, descriptor: descriptor, missing: "D3.02")])
        var renamed = StoreFixtures.alpha
        renamed.name = "漳州甲机械股份有限公司"
        let third = try record("2026", [StoreFixtures.run(renamed, level: 4, descriptor: descriptor)])

        let lines = try store.regionResults(period: "2026")
        #expect(lines.map(\.enterprise.id) == [StoreFixtures.alpha.id, StoreFixtures.beta.id])
        #expect(lines.map(\.runID) == [third, second])
        #expect(lines.map(\.levelRank) == [4, 3])
        #expect(lines.map(\.rubric) == ["demo-capability", "demo-capability"])
        #expect(lines[0].enterprise.name == "漳州甲机械股份有限公司")
        #expect(lines[0].enterprise.region == "350602")
        #expect(lines[0].score == 80)   // every indicator at level 4 of 5
        #expect(lines[0].coverage == 1)
        #expect((lines[1].coverage ?? 1) < 1)
        #expect(try store.regionResults(period: "2025").map(\.levelRank) == [2])
        #expect(try store.regionResults(period: "2024").isEmpty)
    }
}
