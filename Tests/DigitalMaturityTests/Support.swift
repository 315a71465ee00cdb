import QCapCore

@testable import DigitalMaturity

/// Builds evidence from plain key/value pairs, as a survey would supply it.
func evidence(_ facts: [String: JSONValue], source: Provenance.Source = .survey) -> Evidence {
    let provenance = Provenance(provider: "test", file: "test.json", source: source)
    return Evidence(enterprise: Enterprise(id: "91350600MA2XXXXX0X", name: "测试企业"),
                    facts: facts.sorted { $0.key < $1.key }.map { Fact(key: $0.key, value: $0.value, provenance: provenance) })
}

let testDay = Day(year: 2026, month: 6, day: 30) ?? Day.earliest

func assess(_ rubric: any Rubric, _ facts: [String: JSONValue], tailoring: Tailoring = .none) -> RubricResult {
    RubricEngine(rubric: rubric, tailoring: tailoring).evaluate(evidence(facts), context: AssessmentContext(asOf: testDay))
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
