import Foundation
import Testing
@testable import QCapCore

/// Builds descriptors and evidence for engine tests from compact JSON, so each test states its case in full.
enum TestRubrics {
    static func descriptor(_ json: String) -> RubricDescriptor {
        do {
            return try RubricLoader.decode(data: Data(json.utf8), file: "test.json").0
        } catch {
            Issue.record("test rubric does not decode: \(error)")
            return try! RubricLoader.decode(data: Data(minimal.utf8), file: "minimal.json").0
        }
    }

    static let minimal = #"{"id":"t","version":"1.0.0","title":{"zh":"测试","en":"Test"},"factPrefix":"t","provenance":{"basis":[]},"scoring":{"model":"weightedTree"},"criteria":[{"id":"a","title":{"zh":"a","en":"a"},"evidence":{"type":"bool"}}]}"#

    /// A rubric with the given scoring JSON, optional scale ranks, and criteria JSON.
    static func rubric(scoring: String, levels: Int = 0, criteria: String, extra: String = "") -> RubricDescriptor {
        let scale = levels == 0 ? "" : #","scale":{"levels":["# + (1...levels).map { #"{"rank":\#($0),"id":"l\#($0)","name":{"zh":"\#($0)级","en":"L\#($0)"}}"# }.joined(separator: ",") + "]}"
        return descriptor(#"{"id":"t","version":"1.0.0","title":{"zh":"测试","en":"Test"},"factPrefix":"t","provenance":{"basis":[]}"# + scale
                          + #","scoring":"# + scoring + extra + #","criteria":"# + criteria + "}")
    }

    static func leaf(_ id: String, weight: Double = 1, type: String = "percentage", mustPass: Bool = false, level: Int? = nil) -> String {
        var text = #"{"id":"\#(id)","title":{"zh":"\#(id)","en":"\#(id)"},"weight":\#(weight),"evidence":{"type":"\#(type)"}"#
        if mustPass { text += #","mustPass":true"# }
        if let level { text += #","level":\#(level)"# }
        return text + "}"
    }

    static func node(_ id: String, weight: Double = 1, _ children: [String]) -> String {
        #"{"id":"\#(id)","title":{"zh":"\#(id)","en":"\#(id)"},"weight":\#(weight),"children":["# + children.joined(separator: ",") + "]}"
    }

    static func evidence(_ facts: [String: JSONValue], source: Provenance.Source = .selfAssessment) -> Evidence {
        Evidence(enterprise: Enterprise(id: "91350600K8PBRNYTPB", name: "测试企业"),
                 facts: facts.sorted { $0.key < $1.key }.map { Fact(key: $0.key, value: $0.value, provenance: Provenance(provider: "test", file: "t.json", line: 1, source: source)) })
    }

    static func evaluate(_ descriptor: RubricDescriptor, _ facts: [String: JSONValue], asOf: Day = Day(year: 2026, month: 6, day: 30)!,
                         waivers: [Waiver] = [], tailoring: Tailoring = .none) -> RubricResult {
        RubricEngine(descriptor: descriptor, tailoring: tailoring)
            .evaluate(evidence(facts), context: AssessmentContext(asOf: asOf, waivers: waivers))
    }
}
