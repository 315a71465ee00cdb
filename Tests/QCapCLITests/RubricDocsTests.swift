import Foundation
import QCapCore
import Testing

@testable import QCapCLI
@testable import QCapReports

@Suite struct RubricDocsTests {
    /// The committed reference must be what `qcap rubrics docs` makes from the registered rubrics.
    @Test func committedDocsAreUpToDate() {
        let folder = PackageRoot.url.appending(path: RubricDocs.defaultFolder)
        let (write, delete) = RubricDocs.changes(RubricDocs.files(for: BuiltInRubrics.all), in: folder)
        #expect(write.isEmpty && delete.isEmpty,
                Comment(rawValue: "\(RubricDocs.staleMessage) (outdated: \(write), no longer generated: \(delete))"))
    }

    static func sampleRubric() throws -> RubricDescriptor {
        let json = RubricScaffold(name: "FoodSafety").rubricJSON
        return try RubricLoader.decode(data: Data(json.utf8), file: "food-safety.json").0
    }

    @Test func aPageShowsEverySectionInBothLanguages() throws {
        let page = RubricMarkdown.page(try Self.sampleRubric())
        #expect(page.hasPrefix(RubricMarkdown.marker))
        for heading in ["# Food Safety 评价细则（草稿） / Food Safety rubric (draft)", "## 等级 Levels", "## 评分规则 Grading rule",
                        "## 参数 Parameters", "## 条款 Criteria", "### C1.1 出厂检验合格率 / Final inspection pass rate",
                        "## 来源与依据 Provenance"] {
            #expect(page.contains(heading + "\n"), "missing \(heading)")
        }
        #expect(page.contains("| 2 | `managed` | 规范级 | Managed |"))
        #expect(page.contains("| `maxAgeDays` | `365` | assumption |"))
        #expect(page.contains("| `food-safety.C1.1` = `0.96` | partial | 0.5 |  |  |"))
        #expect(page.contains("probe `audit-recency`"))
        #expect(page.contains("本细则为草稿，尚无公开出处。\n\nThis rubric is a draft with no published source yet."))
    }

    @Test func outputIsDeterministic() throws {
        let rubric = try Self.sampleRubric()
        let first = RubricDocs.files(for: [DeclarativeRubric(descriptor: rubric)])
        let second = RubricDocs.files(for: [DeclarativeRubric(descriptor: rubric)])
        #expect(first == second)
        #expect(first.keys.sorted() == ["README.md", "food-safety.md"])
        #expect(first["README.md"]?.contains("| [`food-safety`](food-safety.md) | 0.1.0 |") == true)
    }

    @Test func tableCellsCannotBreakTheTable() {
        #expect(RubricMarkdown.cell("a | b\nc") == "a \\| b<br>c")
        #expect(RubricMarkdown.code("x`y") == "``x`y``")
    }

    @Test func theCommandWritesChecksAndRemovesOnlyGeneratedPages() throws {
        let folder = try TemporaryFolder("docs")
        defer { folder.remove() }
        let rubric = DeclarativeRubric(descriptor: try Self.sampleRubric())
        try folder.write("hand-written notes\n", to: "docs/rubrics/notes.md")
        try folder.write(RubricMarkdown.marker + "\nold page\n", to: "docs/rubrics/retired.md")
        let context = CommandContext(rubrics: [rubric], providers: [], currentDirectory: folder.url)
        func run(_ arguments: [String]) throws(CommandFailure) {
            guard case .parsed(let parsed) = ArgumentParser.parse(["rubrics", "docs"] + arguments, spec: CommandTree.spec) else {
                throw .usage("did not parse")
            }
            try CommandTree.dispatch(parsed, context: context)
        }
        #expect(throws: CommandFailure.self) { try run(["--check"]) }
        try run([])
        try run(["--check"])
        #expect(folder.exists("docs/rubrics/food-safety.md"))
        #expect(folder.exists("docs/rubrics/README.md"))
        #expect(folder.exists("docs/rubrics/notes.md"))
        #expect(!folder.exists("docs/rubrics/retired.md"))
    }
}
