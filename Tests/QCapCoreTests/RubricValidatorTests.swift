import Foundation
import Testing
@testable import QCapCore

/// `RubricLoader.load` reports every problem at once, each with file, line and JSON path.
@Suite struct RubricValidatorTests {
    func problems(_ json: String) -> [InputError] {
        do {
            _ = try RubricLoader.load(data: Data(json.utf8), file: "bad.json")
            return []
        } catch {
            return error.errors
        }
    }

    static let broken = """
    {
      "id": "broken",
      "version": "1.0.0",
      "title": {"zh": "坏", "en": "Broken"},
      "factPrefix": "b",
      "provenance": {"basis": [{"part": {"zh": "全部", "en": "all"}, "status": "drafted"}]},
      "scale": {"levels": [{"rank": 1, "id": "one", "name": {"zh": "一", "en": "One"}}, {"rank": 2, "id": "two", "name": {"zh": "二", "en": "Two"}}]},
      "scoring": {"model": "maturityGated"},
      "answerSets": [{"id": "yn", "options": [{"value": "yes", "score": 1, "label": {"zh": "是", "en": "yes"}}]}],
      "criteria": [
        {"id": "a", "title": {"zh": "a", "en": "a"}, "weight": -1, "evidence": {"type": "level"},
         "examples": [{"facts": {"b.a": 2}, "outcome": "met"}]},
        {"id": "a", "title": {"zh": "a2", "en": "a2"}, "level": 7, "evidence": {"type": "answer", "answerSet": "maybe"},
         "examples": [{"facts": {}, "outcome": "noEvidence"}]},
        {"id": "z", "title": {"zh": "z", "en": "z"}, "weight": 0, "children": [
          {"id": "z1", "title": {"zh": "z1", "en": "z1"}, "weight": 0, "evidence": {"type": "level"},
           "examples": [{"facts": {"b.z1": 1}, "outcome": "met", "level": 1}]}]}
      ]
    }
    """

    @Test func everyProblemIsReportedWithItsPathAndLine() {
        let found = problems(Self.broken)
        let text = found.map(\.description)
        #expect(text.contains { $0.contains("$.criteria[0].weight") && $0.contains("negative") && $0.hasPrefix("bad.json:11:") })
        #expect(text.contains { $0.contains("$.criteria[1].id") && $0.contains("duplicate criterion id 'a'") })
        #expect(text.contains { $0.contains("$.criteria[1].level") && $0.contains("out of range") })
        #expect(text.contains { $0.contains("$.criteria[1].evidence.answerSet") && $0.contains("unknown answer set 'maybe'") })
        #expect(text.contains { $0.contains("$.criteria[2].children") && $0.contains("all weights here are zero") })
        #expect(found.count >= 5)
    }

    @Test func failingExamplesAreReported() {
        let json = Self.broken
            .replacingOccurrences(of: #""weight": -1, "#, with: "")
            .replacingOccurrences(of: #"{"id": "a", "title": {"zh": "a2", "en": "a2"}, "level": 7, "evidence": {"type": "answer", "answerSet": "maybe"},"#,
                                  with: #"{"id": "c", "title": {"zh": "c", "en": "c"}, "level": 2, "evidence": {"type": "answer", "answerSet": "yn"},"#)
            .replacingOccurrences(of: #""weight": 0, "children""#, with: #""weight": 1, "children""#)
            .replacingOccurrences(of: #""z1", "title": {"zh": "z1", "en": "z1"}, "weight": 0"#, with: #""z1", "title": {"zh": "z1", "en": "z1"}, "weight": 1"#)
        let found = problems(json)
        // a rated 2 on a 2-level scale is met (ok); z1 rated 1 is notMet, not met as the example claims.
        #expect(found.count == 1)
        #expect(found.first?.description.contains("$.criteria[2].children[0].examples[0]") == true)
        #expect(found.first?.description.contains("outcome is notMet, expected met") == true)
    }

    @Test func truncatedJSONNamesTheLine() {
        let found = problems("{\n  \"id\": \"x\",\n  \"criteria\": [\n")
        #expect(found.count == 1)
        #expect(found.first?.description.hasPrefix("bad.json:4:") == true)
    }

    @Test func aWrongTypeNamesThePath() {
        let json = Self.broken.replacingOccurrences(of: #""version": "1.0.0""#, with: #""version": 1"#)
        #expect(problems(json).first?.description.contains("$.version: wrong type: expected a string") == true)
    }

    @Test func anEmptyFileIsBadInput() {
        #expect(problems("").first?.description == "bad.json: file is empty; expected a rubric JSON object")
    }

    @Test func theContentHashIsTheSHA256OfTheCanonicalJSON() throws {
        let a = try RubricLoader.decode(data: Data(#"{"id":"h","version":"1.0.0","title":{"zh":"h","en":"h"},"factPrefix":"h","provenance":{"basis":[]},"scoring":{"model":"flat"},"criteria":[]}"#.utf8), file: "a").0
        let reordered = try RubricLoader.decode(data: Data(#"{ "version":"1.0.0", "id":"h","title":{"en":"h","zh":"h"},"factPrefix":"h","provenance":{"basis":[]},"scoring":{"model":"flat"},"criteria":[]}"#.utf8), file: "b").0
        #expect(a.contentHash == reordered.contentHash)
        #expect(a.contentHash == SHA256.hex(#"{"criteria":[],"factPrefix":"h","id":"h","provenance":{"basis":[]},"scoring":{"model":"flat"},"title":{"en":"h","zh":"h"},"version":"1.0.0"}"#))
    }
}
