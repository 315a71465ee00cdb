@testable import CertificationChecks
import QCapCore
import Testing

/// Builds evidence for one enterprise and evaluates the certification rubric on it.
enum CertificationTestSupport {
    static let rubric = CertificationRubric()
    static let code = "91350600K8PBRNYTPB"
    static let enterprise = Enterprise(id: code, name: "漳州示例精密机械有限公司", region: "350600", industry: "C3484",
                                       products: ["齿轮", "减速机"])

    static func day(_ text: String) -> Day {
        Day(iso: text) ?? .earliest
    }

    /// A registry QMS certificate that passes every check as of 2026-06-30; `changes` override or (with `.null`)
    /// remove fields.
    static func certificate(_ changes: [String: JSONValue] = [:], family: String = "QMS") -> JSONValue {
        var fields = JSONObject([
            ("number", "00125Q31234R2M"), ("family", .string(family)), ("standard", "GB/T19001-2016/ISO9001:2015"),
            ("status", "有效"), ("issueDate", "2025-03-10"), ("expiryDate", "2028-03-09"), ("firstIssueDate", "2019-03-12"),
            ("body", "示例认证有限公司"), ("bodyApproval", "CNCA-R-2002-001"), ("accreditation", "CNAS"),
            ("scope", "齿轮、减速机的设计和生产"), ("surveillanceCount", 1), ("recertificationCount", 2),
            ("lastSurveillance", "2026-02-20"), ("holderUSCC", .string(code)), ("holderName", "漳州示例精密机械有限公司"),
            ("source", "registry"),
        ])
        for (key, value) in changes { fields[key] = value.isNull ? nil : value }
        return .object(fields)
    }

    static func evidence(_ records: [JSONValue], enterprise: Enterprise = enterprise, extra: [String: JSONValue] = [:]) -> Evidence {
        let provenance = Provenance(provider: "test", file: "test.json", line: 1, source: .registry)
        var facts = [Fact(key: "cert.records", value: .array(records), provenance: provenance)]
        for (key, value) in extra.sorted(by: { $0.key < $1.key }) {
            facts.append(Fact(key: key, value: value, provenance: Provenance(provider: "test", file: "extra.json", source: .selfAssessment)))
        }
        return Evidence(enterprise: enterprise, facts: facts)
    }

    static func result(_ evidence: Evidence, asOf: String = "2026-06-30", parameters: [String: JSONValue] = [:]) -> RubricResult {
        engine(Tailoring(parameters: parameters)).evaluate(evidence, context: AssessmentContext(asOf: day(asOf)))
    }

    /// The engine for a tailoring the test expects to be good input; bad input is recorded as a test failure.
    static func engine(_ tailoring: Tailoring) -> RubricEngine {
        do {
            return try RubricEngine(rubric: rubric, tailoring: tailoring)
        } catch {
            Issue.record("the tailoring is bad input: \(error)")
            return try! RubricEngine(rubric: rubric)
        }
    }

    static func finding(_ criterion: String, _ records: [JSONValue], asOf: String = "2026-06-30",
                        enterprise: Enterprise = enterprise, extra: [String: JSONValue] = [:],
                        parameters: [String: JSONValue] = [:]) -> Finding? {
        result(evidence(records, enterprise: enterprise, extra: extra), asOf: asOf, parameters: parameters)
            .findings.first { $0.criterion == criterion }
    }

    /// A parameter's default value with `change` applied, for tailoring one part of an object parameter.
    static func parameter(_ name: String, _ change: (inout JSONValue) -> Void) -> JSONValue {
        var value = rubric.descriptor.parameter(name) ?? .null
        change(&value)
        return value
    }
}
