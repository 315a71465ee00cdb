import QCapCore
import Testing
@testable import ExcellenceModel

/// Builds evidence the way providers deliver it: one fact per assessor, item and round.
struct TeamSheet {
    var facts: [Fact] = []
    var row = 0

    mutating func score(_ item: String, _ value: JSONValue, assessor: String? = nil, round: String? = nil,
                        source: Provenance.Source = .assessor) {
        row += 1
        facts.append(Fact(key: "pe.\(item)", value: value,
                          provenance: Provenance(provider: "test", file: "scores.csv", line: row + 1, row: row, source: source,
                                                 assessor: assessor, round: round)))
    }

    mutating func note(_ item: String, _ kind: String, _ text: String, assessor: String? = nil, round: String? = nil) {
        facts.append(Fact(key: "pe.\(item).\(kind)", value: .string(text),
                          provenance: Provenance(provider: "test", file: "scores.csv", source: .assessor, assessor: assessor, round: round)))
    }

    var evidence: Evidence { Evidence(enterprise: Enterprise(id: "91350600MA2YTE0T0H", name: "测试企业"), facts: facts) }
}

let rubric = ExcellenceRubric()
let asOf = Day(year: 2026, month: 6, day: 30) ?? Day(daysSinceEpoch: 20634)

/// The shipped parameters, read as the rubric reads them once per run.
let settings = try! ExcellenceSettings(RubricContext(descriptor: rubric.descriptor))

func evaluate(_ sheet: TeamSheet, tailoring: Tailoring = .none, waivers: [Waiver] = [], on day: Day = asOf) -> RubricResult {
    engine(tailoring).evaluate(sheet.evidence, context: AssessmentContext(asOf: day, waivers: waivers))
}

/// The engine for a tailoring the test expects to be good input; bad input is recorded as a test failure.
func engine(_ tailoring: Tailoring = .none) -> RubricEngine {
    do {
        return try RubricEngine(rubric: rubric, tailoring: tailoring)
    } catch {
        Issue.record("the tailoring is bad input: \(error)")
        return try! RubricEngine(rubric: rubric)
    }
}

/// What `qcap assess` would print for a tailoring that is bad input, or "" when it is good input.
func problems(_ tailoring: Tailoring) -> String {
    do {
        _ = try RubricEngine(rubric: rubric, context: RubricContext(descriptor: rubric.descriptor, tailoring: tailoring, tailoringFile: "qcap.json"))
        return ""
    } catch {
        return error.description
    }
}

func finding(_ result: RubricResult, _ item: String) -> Finding? {
    result.findings.first { $0.criterion == item }
}

/// Every item id of the rubric with its points, in order.
let items: [(id: String, points: Double)] = rubric.descriptor.criteria.flatMap { ExcellenceSummary.leaves(of: $0) }.map { ($0.id, $0.effectiveWeight) }
