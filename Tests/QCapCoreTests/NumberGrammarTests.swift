import Foundation
import Testing
@testable import QCapCore

/// One number grammar for every number written as text, and weights whose sums stay finite, so no score is NaN.
@Suite struct NumberGrammarTests {
    @Test func decimalsAreAccepted() {
        #expect(DecimalNumber.parse("0.45") == 0.45)
        #expect(DecimalNumber.parse(" 60 ") == 60)
        #expect(DecimalNumber.parse("+5") == 5)
        #expect(DecimalNumber.parse("-0.5e-3") == -0.0005)
        #expect(DecimalNumber.parse(".5") == 0.5)
        #expect(DecimalNumber.parse("1E-05") == 0.00001)  // what Excel exports for small numbers
        #expect(DecimalNumber.parse("４５") == 45)        // full-width digits from a Chinese input method
        #expect(DecimalNumber.parse("０．５") == 0.5)
    }

    /// `Double("0x32")` is 50 and `Double("inf")` infinite: neither may reach the arithmetic.
    @Test(arguments: ["0x32", "0X1p3", "inf", "-infinity", "nan", "NaN", "1e400", "-1e309", "1,000", "1.2.3", "e5", "5e", "", "-", "--5", "5 5", "½"])
    func everythingElseIsNotANumber(text: String) {
        #expect(DecimalNumber.parse(text) == nil)
        #expect(DecimalNumber.parse(text, allowingPercent: true) == nil)
    }

    @Test func percentOnlyWhereAllowed() {
        #expect(DecimalNumber.parse("45%") == nil)
        #expect(DecimalNumber.parse("45%", allowingPercent: true)! == (45, true))
        #expect(DecimalNumber.parse("45 ％", allowingPercent: true)! == (45, true))
        #expect(DecimalNumber.parse("0.45", allowingPercent: true)! == (0.45, false))
        #expect(DecimalNumber.parse("%", allowingPercent: true) == nil)
        #expect(DecimalNumber.parse("0x32%", allowingPercent: true) == nil)
    }

    static func rubric(weights: (Double, Double), model: String = "weightedTree") -> String {
        """
        {"id": "huge", "version": "1.0.0", "title": {"zh": "大", "en": "Huge"}, "factPrefix": "h",
         "provenance": {"basis": [{"part": {"zh": "全部", "en": "all"}, "status": "drafted"}]},
         "scoring": {"model": "\(model)"},
         "criteria": [
          {"id": "a", "title": {"zh": "a", "en": "a"}, "weight": \(weights.0), "evidence": {"type": "bool"},
           "examples": [{"facts": {"h.a": true}, "outcome": "met"}]},
          {"id": "b", "title": {"zh": "b", "en": "b"}, "weight": \(weights.1), "evidence": {"type": "bool"},
           "examples": [{"facts": {"h.b": false}, "outcome": "notMet"}]}]}
        """
    }

    @Test func theValidatorRejectsWeightsWhoseSumOverflows() throws {
        do {
            _ = try RubricLoader.load(data: Data(Self.rubric(weights: (1e308, 1e308)).utf8), file: "huge.json")
            Issue.record("expected an error")
        } catch {
            #expect(error.errors.contains { $0.description.contains("huge.json:") && $0.description.contains("$.criteria: the weights here add up to more than the largest number") })
        }
        _ = try RubricLoader.load(data: Data(Self.rubric(weights: (1e307, 1e307)).utf8), file: "large.json")
    }

    @Test func tailoringRejectsWeightsWhoseSumOverflows() throws {
        let descriptor = try RubricLoader.load(data: Data(Self.rubric(weights: (1, 1)).utf8), file: "r.json")
        let tailoring: JSONValue = ["weights": ["a": 1e308, "b": 1e308]]
        do {
            _ = try Tailoring.parse(tailoring, path: "$.tailoring.huge", file: "qcap.json", descriptor: descriptor)
            Issue.record("expected an error")
        } catch {
            #expect(error.errors.first?.description == "qcap.json: $.tailoring.huge.weights: with these weights, the weights of $.criteria in rubric huge add up to more than the largest number (about 1.8e308): every score would be NaN; expected weights of a sensible size (they are relative: 3 and 1 weigh like 0.75 and 0.25)")
        }
        // One huge weight beside the rubric's own is fine: shares are still finite.
        let one = try Tailoring.parse(["weights": ["a": 1e308]], path: "$.tailoring.huge", file: "qcap.json", descriptor: descriptor)
        let engine = RubricEngine(rubric: DeclarativeRubric(descriptor: descriptor), tailoring: one)
        var evidence = Evidence(enterprise: Enterprise(id: "91350600MA2YYYYY1Y", name: "x"))
        evidence.add(contentsOf: [Fact(key: "h.a", value: true, provenance: Provenance(provider: "t", file: "t", source: .selfAssessment)),
                                  Fact(key: "h.b", value: false, provenance: Provenance(provider: "t", file: "t", source: .selfAssessment))])
        let result = engine.evaluate(evidence, context: AssessmentContext(asOf: Day(year: 2026, month: 6, day: 30)!))
        #expect(result.score.map(\.isFinite) == true)
    }
}
