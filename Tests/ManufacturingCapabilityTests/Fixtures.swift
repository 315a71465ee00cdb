import QCapCore
import Testing
@testable import ManufacturingCapability

/// Evidence builders for the hand-computed cases.
///
/// Effective shares (dimension weights 3/2/2/3, indicator weights summing to 10 in each dimension):
///   D1.01, D1.08 0.045; other D1 0.03; each D2 0.025; D3.01, D3.02 0.03; D3.03, D3.05 0.04; other D3 0.02;
///   D4.01, D4.06 0.06; other D4 0.045. They add up to 1.
enum Fixtures {
    static let rubric = ManufacturingCapabilityRubric()
    static let context = AssessmentContext(asOf: ExampleRunner.defaultAsOf)
    static let enterprise = Enterprise(id: "91350600TEST000001", name: "测试企业", region: "350602", industry: "C34")

    static var ratingIDs: [String] {
        rubric.descriptor.allCriteria().filter { $0.criterion.isLeaf && $0.criterion.evidence?.type == .level }.map(\.criterion.id)
    }

    /// The D4 figures that reach level 5 under the default thresholds.
    static let topPerformance: [String: JSONValue] = [
        "mqc.D4.01": 0.995, "mqc.D4.02": 0.9, "mqc.D4.03": 0.008, "mqc.D4.04": 0.98, "mqc.D4.05": 0.002,
        "mqc.D4.06": 1.0, "mqc.D4.06.sampled": true,
    ]

    /// Every rating at `rank` (overridden per criterion id) plus the top D4 figures (overridden per key).
    static func facts(ratings rank: Int = 5, except overrides: [String: Int] = [:], performance: [String: JSONValue] = [:],
                      omitting: Set<String> = []) -> [String: JSONValue] {
        var facts = topPerformance
        for id in ratingIDs { facts["mqc.\(id)"] = .number(Double(overrides[id] ?? rank)) }
        for (key, value) in performance { facts[key] = value }
        for key in omitting { facts[key] = nil }
        return facts
    }

    static func evidence(_ facts: [String: JSONValue], source: Provenance.Source = .selfAssessment) -> Evidence {
        Evidence(enterprise: enterprise, facts: facts.sorted { $0.key < $1.key }.map { key, value in
            Fact(key: key, value: value, provenance: Provenance(provider: "test", file: "test.json", source: source))
        })
    }

    static func evaluate(_ facts: [String: JSONValue], tailoring: Tailoring = .none) -> RubricResult {
        engine(tailoring).evaluate(evidence(facts), context: context)
    }

    /// The engine for a tailoring the test expects to be good input; bad input is recorded as a test failure.
    static func engine(_ tailoring: Tailoring = .none) -> RubricEngine {
        do {
            return try RubricEngine(rubric: rubric, tailoring: tailoring)
        } catch {
            Issue.record("the tailoring is bad input: \(error)")
            return try! RubricEngine(rubric: rubric)
        }
    }

    /// What `qcap assess` would print for a tailoring that is bad input, or "" when it is good input.
    static func problems(_ tailoring: Tailoring) -> String {
        do {
            _ = try RubricEngine(rubric: rubric, context: RubricContext(descriptor: rubric.descriptor, tailoring: tailoring,
                                                                        tailoringFile: "qcap.json"))
            return ""
        } catch {
            return error.description
        }
    }

    static func finding(_ result: RubricResult, _ id: String) -> Finding? {
        result.findings.first { $0.criterion == id }
    }
}
