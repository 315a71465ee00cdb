import Foundation
import QCapCore
import Testing
@testable import QCapStore

@Suite struct ResultStoreTests {
    @Test func newStoreIsMigratedToTheLatestVersionInWALMode() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try ResultStore(url: ResultStore.url(workspace: folder.url))
        #expect(try store.database.userVersion() == StoreSchema.latestVersion)
        #expect(try store.database.journalMode() == "wal")
        #expect(FileManager.default.fileExists(atPath: folder.url.appending(path: ".qcap/results.sqlite").path))
        // Reopening applies nothing twice.
        let again = try ResultStore(url: store.url)
        #expect(try again.database.userVersion() == StoreSchema.latestVersion)
    }

    @Test func migrationsRunStepByStepAndAFailedStepChangesNothing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.url.appending(path: "s.sqlite")
        let v1 = StoreMigration(version: 1, sql: "CREATE TABLE a (x INTEGER);")
        let v2 = StoreMigration(version: 2, sql: "CREATE TABLE b (y INTEGER); INSERT INTO a (x) VALUES (1);")
        let broken = StoreMigration(version: 3, sql: "CREATE TABLE c (z INTEGER); THIS IS NOT SQL;")
        _ = try ResultStore(url: url, migrations: [v1])
        let store = try ResultStore(url: url, migrations: [v1, v2])
        #expect(try store.database.userVersion() == 2)
        #expect(try store.database.query("SELECT x FROM a").map { $0.int("x") } == [1])

        #expect { _ = try ResultStore(url: url, migrations: [v1, v2, broken]) } throws: { error in
            guard let error = error as? StoreError, case .migrationFailed(version: 3, _) = error.problem else { return false }
            return true
        }
        let after = try ResultStore(url: url, migrations: [v1, v2])
        #expect(try after.database.userVersion() == 2)
        #expect(try after.database.query("SELECT count(*) AS n FROM sqlite_master WHERE name = 'c'").first?.int("n") == 0)
    }

    @Test func aStoreFromANewerQCapIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.url.appending(path: "s.sqlite")
        let store = try ResultStore(url: url)
        try store.database.setUserVersion(StoreSchema.latestVersion + 1)
        #expect { _ = try ResultStore(url: url) } throws: { error in
            guard let error = error as? StoreError, case .newerSchema = error.problem else { return false }
            return error.description.contains("newer qcap")
        }
    }

    @Test func aCommittedRunRoundTripsInFull() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let descriptor = try StoreFixtures.descriptor()
        let store = try ResultStore(url: folder.url.appending(path: "s.sqlite"))
        let run = StoreFixtures.run(StoreFixtures.alpha, level: 3, descriptor: descriptor, missing: "D2.02")
        let id = try store.beginRun(StoreFixtures.record())
        try store.add(run, descriptors: [descriptor])
        #expect(try store.commitRun() == id)

        let runs = try store.runs()
        #expect(runs.count == 1)
        // The run reads back as the record it was begun with, numbered and counted by the store.
        var expected = StoreFixtures.record()
        expected.id = id
        expected.enterpriseCount = 1
        #expect(runs == [expected])
        #expect(runs.first?.enterpriseCount == 1)
        #expect(runs.first?.inputsHash == "abc")
        #expect(runs.first?.rubrics == ["demo-capability"])
        let stored = try store.latestResults(enterprise: StoreFixtures.alpha.id)
        let result = try #require(stored.first?.result)
        let original = try #require(run.results.first)
        #expect(stored.first?.enterprise == StoreFixtures.alpha)
        #expect(result.score == original.score)
        #expect(result.level == original.level)
        #expect(result.coverage == original.coverage)
        #expect(result.model == original.model)
        #expect(result.nodes == original.nodes)
        #expect(result.gap?.items.count == original.gap?.items.count)
        #expect(result.gap?.items.map(\.title) == original.gap?.items.map(\.title))
        #expect(result.gap?.items.map(\.requirement) == original.gap?.items.map(\.requirement))
        #expect(result.gap?.items.contains { $0.requirement != nil } == true)
        #expect(result.gap?.reason == original.gap?.reason)
        #expect(result.gap?.liftCount == original.gap?.liftCount)
        // Titles and requirements are restored from the stored rubric, not kept in every row.
        let detail = try #require(try store.database.query("SELECT detail FROM results").first?.string("detail"))
        #expect(!detail.contains("质量方针") && !detail.contains("制定并发布质量方针"))
        #expect(try store.database.query("SELECT count(*) AS n FROM citations").first?.int("n") == 5)
        #expect(result.findings == original.findings)
        #expect(result.findings.contains { $0.outcome == .noEvidence })
        #expect(try store.review(enterprise: StoreFixtures.alpha.id, runID: id) == [LocalizedText(zh: "复核", en: "review")])

        let restored = try #require(try store.descriptor(hash: descriptor.contentHash))
        #expect(restored.id == descriptor.id)
        #expect(restored.contentHash == descriptor.contentHash)
        #expect(restored.leafCount == descriptor.leafCount)
        #expect(restored.parameter("nationalTargets") == descriptor.parameter("nationalTargets"))
    }

    @Test func aRolledBackRunLeavesNothing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let descriptor = try StoreFixtures.descriptor()
        let store = try ResultStore(url: folder.url.appending(path: "s.sqlite"))
        try store.beginRun(StoreFixtures.record())
        try store.add(StoreFixtures.run(StoreFixtures.alpha, level: 3, descriptor: descriptor), descriptors: [descriptor])
        store.rollbackRun()
        #expect(try store.runs().isEmpty)
        #expect(try store.latestResults(period: "2026").isEmpty)
        #expect(try store.descriptor(hash: descriptor.contentHash) == nil)
        // The next run stores its descriptor again.
        try store.beginRun(StoreFixtures.record())
        try store.add(StoreFixtures.run(StoreFixtures.alpha, level: 3, descriptor: descriptor), descriptors: [descriptor])
        try store.commitRun()
        #expect(try store.descriptor(hash: descriptor.contentHash) != nil)
    }

    @Test func aRunNeverCommittedIsGoneAfterTheProcessDies() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.url.appending(path: "s.sqlite")
        let descriptor = try StoreFixtures.descriptor()
        do {
            let store = try ResultStore(url: url)
            try store.beginRun(StoreFixtures.record())
            try store.add(StoreFixtures.run(StoreFixtures.alpha, level: 3, descriptor: descriptor), descriptors: [descriptor])
            store.database.close() // as a killed process would: no COMMIT
        }
        let reopened = try ResultStore(url: url)
        #expect(try reopened.runs().isEmpty)
    }

    @Test func theLatestResultPerEnterpriseAndRubricCountsForAPeriod() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let descriptor = try StoreFixtures.descriptor()
        let store = try ResultStore(url: folder.url.appending(path: "s.sqlite"))
        func record(_ period: String, _ runs: [AssessmentRun]) throws -> Int {
            try store.beginRun(StoreFixtures.record(period: period))
            for run in runs { try store.add(run, descriptors: [descriptor]) }
            return try store.commitRun()
        }
        let first = try record("2025", [StoreFixtures.run(StoreFixtures.alpha, level: 2, descriptor: descriptor, period: "2025"),
                                       StoreFixtures.run(StoreFixtures.beta, level: 2, descriptor: descriptor, period: "2025")])
        let second = try record("2026", [StoreFixtures.run(StoreFixtures.alpha, level: 3, descriptor: descriptor),
                                        StoreFixtures.run(StoreFixtures.beta, level: 3, descriptor: descriptor)])
        // A later run of only one enterprise replaces that enterprise's results, not the others'.
        let third = try record("2026", [StoreFixtures.run(StoreFixtures.alpha, level: 4, descriptor: descriptor)])

        let current = try store.latestResults(period: "2026")
        #expect(current.map(\.enterprise.id) == [StoreFixtures.alpha.id, StoreFixtures.beta.id])
        #expect(current.map(\.runID) == [third, second])
        #expect(current.map { $0.result.level?.rank } == [4, 3])
        #expect(try store.latestResults(period: "2025").map(\.runID) == [first, first])
        #expect(try store.latestRun(period: "2026")?.id == third)
        #expect(try store.latestRun()?.id == third)
        #expect(try store.periods() == ["2025", "2026"])
        #expect(try store.runs(period: "2026").map(\.id) == [second, third])

        #expect(try store.history(enterprise: StoreFixtures.alpha.id).map(\.runID) == [first, second, third])
        #expect(try store.history(enterprise: StoreFixtures.beta.id).map { $0.result.level?.rank } == [2, 3])
        #expect(try store.latestResults(enterprise: StoreFixtures.beta.id).map(\.runID) == [second])
        #expect(try store.latestResults(enterprise: StoreFixtures.beta.id, period: "2025").map(\.runID) == [first])
        #expect(try store.latestResults(enterprise: "91350600000000000X").isEmpty)
    }

    @Test func addingOutsideARunIsAnError() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try ResultStore(url: folder.url.appending(path: "s.sqlite"))
        let descriptor = try StoreFixtures.descriptor()
        #expect(throws: StoreError.self) { try store.add(StoreFixtures.run(StoreFixtures.alpha, level: 1, descriptor: descriptor)) }
        try store.beginRun(StoreFixtures.record())
        #expect(throws: StoreError.self) { try store.beginRun(StoreFixtures.record()) }
        store.rollbackRun()
    }
}

/// Issue 15 §10 and §11: a result with no applicable criterion keeps its missing coverage, and a verdict (what a
/// rubric without levels shows instead of one) is stored, in the summaries `compare` reads and in the full result.
@Suite struct VerdictAndCoverageStoreTests {
    @Test func noCoverageAndAVerdictRoundTrip() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let descriptor = try StoreFixtures.descriptor()
        let store = try ResultStore(url: folder.url.appending(path: "s.sqlite"))
        var run = StoreFixtures.run(StoreFixtures.alpha, level: 3, descriptor: descriptor)
        run.results[0].coverage = nil
        run.results[0].verdict = LocalizedText(zh: "2/3 有效", en: "2/3 valid")
        var other = StoreFixtures.run(StoreFixtures.beta, level: 2, descriptor: descriptor)
        other.results[0].coverage = 0
        _ = try store.beginRun(StoreFixtures.record())
        try store.add(run, descriptors: [descriptor])
        try store.add(other, descriptors: [descriptor])
        _ = try store.commitRun()

        let summaries = try store.latestResults(period: "2026")
        let alpha = try #require(summaries.first { $0.enterprise.id == StoreFixtures.alpha.id }?.result)
        #expect(alpha.coverage == nil)
        #expect(alpha.verdict == LocalizedText(zh: "2/3 有效", en: "2/3 valid"))
        // Coverage 0 (nothing evidenced) stays 0, apart from nil (nothing applies).
        #expect(summaries.first { $0.enterprise.id == StoreFixtures.beta.id }?.result.coverage == 0)
        let full = try #require(try store.latestResults(enterprise: StoreFixtures.alpha.id).first?.result)
        #expect(full.coverage == nil)
        #expect(full.verdict?.zh == "2/3 有效")
        #expect(try store.regionResults(period: "2026").first { $0.enterprise.id == StoreFixtures.alpha.id }?.coverage == nil)
    }
}
