import Foundation
import Testing
import QCapCLI
import QCapCore

/// The one generic test of the rubric format's promise: every rubric's own examples hold — every built-in rubric
/// with its module's probes, and every file in `rubrics/` through the same loader `qcap rubrics validate` uses.
@Suite struct AllRubricExamplesTests {
    @Test(arguments: BuiltInRubrics.all.map(\.descriptor.id))
    func builtInRubricExamplesHold(id: String) throws {
        guard let rubric = BuiltInRubrics.all.first(where: { $0.descriptor.id == id }) else {
            Issue.record("rubric \(id) vanished")
            return
        }
        let failures = try ExampleRunner(rubric: rubric).run()
        #expect(failures.isEmpty, "\(failures.map(\.message).joined(separator: "\n"))")
        let examples = rubric.descriptor.allCriteria().reduce(0) { $0 + ($1.criterion.examples?.count ?? 0) }
        #expect(examples >= rubric.descriptor.leafCount, "every criterion should carry examples")
    }

    @Test func everyRubricFileValidatesWithItsModulesProbes() throws {
        let folder = QCapBinary.packageRoot.appending(path: "rubrics")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(files.count >= 5)
        for name in files {
            let data = try Data(contentsOf: folder.appending(path: name))
            let id = (try? JSONParser.parse(data))?["id"]?.stringValue
            let module = try #require(BuiltInRubrics.all.first { $0.descriptor.id == id }, "rubrics/\(name) is not built in")
            do {
                _ = try RubricLoader.load(data: data, file: "rubrics/\(name)", probes: .module(module))
            } catch {
                Issue.record("rubrics/\(name): \(error)")
            }
        }
    }
}
