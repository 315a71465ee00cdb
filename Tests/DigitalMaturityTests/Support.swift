import QCapCore
import Testing

@testable import DigitalMaturity

/// Builds evidence from plain key/value pairs, as a survey would supply it.
func evidence(_ facts: [String: JSONValue], source: Provenance.Source = .survey) -> Evidence {
    let provenance = Provenance(provider: "test", file: "test.json", source: source)
    return Evidence(enterprise: Enterprise(id: "91350600MA2XXXXX0X", name: "测试企业"),
                    facts: facts.sorted { $0.key < $1.key }.map { Fact(key: $0.key, value: $0.value, provenance: provenance) })
}

let testDay = Day(year: 2026, month: 6, day: 30) ?? Day.earliest

func assess(_ rubric: any Rubric, _ facts: [String: JSONValue], tailoring: Tailoring = .none) -> RubricResult {
    engine(rubric, tailoring).evaluate(evidence(facts), context: AssessmentContext(asOf: testDay))
}

/// The engine for a tailoring the test expects to be good input; bad input is recorded as a test failure.
func engine(_ rubric: any Rubric, _ tailoring: Tailoring = .none) -> RubricEngine {
    do {
        return try RubricEngine(rubric: rubric, tailoring: tailoring)
    } catch {
        Issue.record("the tailoring is bad input: \(error)")
        return try! RubricEngine(rubric: rubric)
    }
}

/// What `qcap assess` would print for a tailoring that is bad input, or "" when it is good input.
func problems(_ rubric: any Rubric, _ tailoring: Tailoring) -> String {
    do {
        _ = try RubricEngine(rubric: rubric, context: RubricContext(descriptor: rubric.descriptor, tailoring: tailoring, tailoringFile: "qcap.json"))
        return ""
    } catch {
        return error.description
    }
}

/// The 20 sub-domain codes of digital-maturity, in file order.
let subDomains = ["OS", "SK", "DA", "IN", "IS", "EQ", "NW", "PD", "PR", "PU", "PS", "PO", "MA", "WH", "SE", "EN",
                  "LO", "SA", "CS", "PSV"]

/// Digital-maturity answers: `answer(subDomainIndex, level)` for every sub-domain and level 1–5 (nil leaves it out).
func maturityFacts(_ answer: (Int, Int) -> JSONValue?) -> [String: JSONValue] {
    var facts: [String: JSONValue] = [:]
    for (index, code) in subDomains.enumerated() {
        for level in 1...5 {
            if let value = answer(index, level) { facts["dm.\(code).L\(level)"] = value }
        }
    }
    return facts
}
