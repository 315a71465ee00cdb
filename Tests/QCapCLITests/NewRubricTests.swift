import Foundation
import QCapCore
import Testing

@testable import QCapCLI

/// `qcap-dev new-rubric` on a copy of the real Package.swift. That the scaffold then builds and passes its own tests
/// is proven by scripts/check-plugin-paths.sh, which runs `swift build` and `swift test` on it.
@Suite struct NewRubricTests {
    func run(_ arguments: [String], in folder: TemporaryFolder) throws(CommandFailure) {
        guard case .parsed(let parsed) = ArgumentParser.parse(["new-rubric"] + arguments + ["--package-path", folder.url.path], spec: QCapDev.spec) else {
            throw .usage("arguments did not parse")
        }
        try NewRubricCommand.run(parsed, context: CommandContext(rubrics: [], providers: [], currentDirectory: folder.url))
    }

    func packageCopy() throws -> TemporaryFolder {
        let folder = try TemporaryFolder("new-rubric")
        try folder.write(try PackageRoot.read("Package.swift"), to: "Package.swift")
        try folder.write(try PackageRoot.read(RegistrySource.path), to: RegistrySource.path)
        return folder
    }

    @Test func scaffoldsRegistersAndRegenerates() throws {
        let folder = try packageCopy()
        defer { folder.remove() }
        try run(["FoodSafety"], in: folder)
        for path in ["rubrics/food-safety.json", "Sources/FoodSafety/FoodSafetyRubric.swift", "Sources/FoodSafety/FoodSafetyModule.swift",
                     "Sources/FoodSafety/AuditPolicy.swift", "Sources/FoodSafety/Probes/AuditRecencyProbe.swift",
                     "Tests/FoodSafetyTests/FoodSafetyRubricTests.swift",
                     "Tests/FoodSafetyTests/AuditRecencyProbeTests.swift"] {
            #expect(folder.exists(path), "\(path) was not created")
        }
        let modules = try PackageManifest(text: try folder.read("Package.swift")).rubricModules()
        #expect(modules.contains("FoodSafety"))
        #expect(try folder.read(RegistrySource.path) == RegistrySource.render(modules: modules))
        #expect(try folder.read(RegistrySource.path).contains("import FoodSafety"))
        #expect(try folder.read("Sources/FoodSafety/FoodSafetyRubric.swift").contains("EmbeddedRubrics.foodSafety.descriptor"))
    }

    @Test func theScaffoldedRubricIsValidAndItsRuleExamplesPass() throws {
        let folder = try packageCopy()
        defer { folder.remove() }
        try run(["FoodSafety", "--id", "food-safety-2026"], in: folder)
        let data = Data(try folder.read("rubrics/food-safety-2026.json").utf8)
        // Probes unknown, as at build time: probe ids unchecked, the examples of rule criteria run.
        let descriptor = try RubricLoader.load(data: data, file: "rubrics/food-safety-2026.json", probes: .unknown)
        #expect(descriptor.id == "food-safety-2026")
        #expect(descriptor.module == "FoodSafety")
        let leaves = descriptor.allCriteria().map(\.criterion).filter(\.isLeaf)
        #expect(leaves.contains { $0.evidence?.probe == RubricScaffold.probeID })
        #expect(leaves.contains { $0.evidence?.rule != nil })
        #expect(leaves.allSatisfy { !($0.examples ?? []).isEmpty })
        // With a stand-in probe the full validation passes too, except the probe's own examples, which the
        // scaffold's tests run against the real probe.
        struct StandIn: Rubric {
            let descriptor: RubricDescriptor
            var probes: [Probe<StandIn>] { [Probe(id: RubricScaffold.probeID) { $0.finding(.met, score: 1, message: LocalizedText("stand-in")) }] }
        }
        do throws(InputErrors) {
            _ = try RubricLoader.load(data: data, file: "x.json", probes: .module(StandIn(descriptor: descriptor)))
            Issue.record("a probe that always says met should fail the notMet example")
        } catch {
            #expect(error.errors.allSatisfy { $0.description.contains("$.criteria[0].children[1].examples[") }, "\(error)")
        }
    }

    @Test(arguments: [
        ("foodSafety", "not an UpperCamelCase"),
        ("Food-Safety", "not an UpperCamelCase"),
        ("食品安全", "not an UpperCamelCase"),
        ("QCapCore", "reserved"),
        ("Foundation", "reserved"),
        ("", "not an UpperCamelCase"),
    ])
    func rejectsABadName(_ name: String, _ reason: String) throws {
        let folder = try packageCopy()
        defer { folder.remove() }
        #expect {
            try run([name], in: folder)
        } throws: { error in
            guard case CommandFailure.usage(let message) = error else { return false }
            return message.contains(reason)
        }
        #expect(!folder.exists("rubrics"))
    }

    @Test func rejectsAnExistingModuleOrRubricID() throws {
        let folder = try packageCopy()
        defer { folder.remove() }
        try run(["FoodSafety"], in: folder)
        let before = try folder.read("Package.swift")
        #expect(throws: CommandFailure.self) { try run(["FoodSafety", "--id", "other"], in: folder) }
        #expect(throws: CommandFailure.self) { try run(["FoodHygiene", "--id", "food-safety"], in: folder) }
        #expect(throws: CommandFailure.self) { try run(["FoodHygiene", "--id", "Food_Hygiene"], in: folder) }
        #expect(try folder.read("Package.swift") == before)
    }

    @Test(arguments: [("FoodSafety", "food-safety"), ("ISO9001Checks", "iso9001-checks"), ("CityQMS", "city-qms"),
                      ("QMSAudit", "qms-audit"), ("Excellence", "excellence")])
    func derivesAKebabID(_ name: String, _ id: String) {
        #expect(RubricScaffold.kebabID(for: name) == id)
    }
}
