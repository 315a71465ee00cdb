import Foundation
import QCapCore
import QCapReports
import Testing

@testable import QCapCLI

/// `rubrics/schema/rubric.schema.json` is for editors; `scripts/validate-rubric-schema.py` validates every rubric
/// against it in CI (it needs Python's jsonschema). Here: the schema parses, agrees with the Swift vocabulary, and every
/// rubric file has its required top-level keys.
@Suite struct RubricSchemaTests {
    static func schema() throws -> JSONValue {
        try JSONParser.parse(Data(try PackageRoot.read("rubrics/schema/rubric.schema.json").utf8))
    }

    static func strings(_ value: JSONValue?) -> [String] {
        (value?.arrayValue ?? []).compactMap(\.stringValue)
    }

    @Test func schemaParsesAndIsDraft2020() throws {
        let schema = try Self.schema()
        #expect(schema["$schema"]?.stringValue == "https://json-schema.org/draft/2020-12/schema")
        #expect(Set(Self.strings(schema["required"])) == ["id", "version", "title", "factPrefix", "provenance", "scoring", "criteria"])
        let properties = Set(schema["properties"]?.objectValue?.map(\.key) ?? [])
        #expect(properties == ["$schema", "id", "version", "module", "title", "shortTitle", "summary", "factPrefix", "provenance", "scale", "scoring",
                               "parameters", "answerSets", "criteria"])
    }

    @Test func schemaEnumsMatchTheSwiftVocabulary() throws {
        let definitions = try #require(try Self.schema()["$defs"])
        #expect(Self.strings(definitions["outcome"]?["enum"]) == Outcome.allCases.map(\.rawValue))
        #expect(Self.strings(definitions["status"]?["enum"]) == RubricProvenance.Basis.Status.allCases.map(\.rawValue))
        #expect(Self.strings(definitions["scoring"]?["properties"]?["model"]?["enum"]) == ScoringModel.Kind.allCases.map(\.rawValue))
        #expect(Self.strings(definitions["evidence"]?["properties"]?["type"]?["enum"]) == EvidenceSpec.ValueType.allCases.map(\.rawValue))
        #expect(Self.strings(definitions["text"]?["required"]) == ["zh", "en"])
    }

    @Test func everyRubricFileHasTheRequiredKeys() throws {
        let required = Self.strings(try Self.schema()["required"])
        let folder = PackageRoot.url.appending(path: "rubrics")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        for file in files {
            let rubric = try JSONParser.parse(Data(contentsOf: folder.appending(path: file)))
            let missing = required.filter { rubric[$0] == nil }
            #expect(missing.isEmpty, "rubrics/\(file) lacks \(missing)")
        }
    }

    /// Every shipped rubric has a short title that fits a column of the assess table (issue 15 §12).
    @Test func everyShippedRubricHasAShortTitle() throws {
        for rubric in BuiltInRubrics.all.map(\.descriptor) {
            let short = try #require(rubric.shortTitle, "\(rubric.id) has no shortTitle")
            #expect(DisplayWidth.of(short.zh) <= 12, "\(rubric.id): \(short.zh)")
            #expect(DisplayWidth.of(short.en) <= 16, "\(rubric.id): \(short.en)")
        }
    }

    @Test func theScaffoldedRubricHasTheRequiredKeys() throws {
        let required = Self.strings(try Self.schema()["required"])
        let rubric = try JSONParser.parse(Data(RubricScaffold(name: "FoodSafety").rubricJSON.utf8))
        #expect(required.filter { rubric[$0] == nil }.isEmpty)
    }
}
