import Foundation
import QCapCore
import QCapReports

/// A six-criterion maturity-gated rubric with national targets, and results built from it, for renderer tests.
enum ReportFixtures {
    static let rubricJSON = #"""
{"id":"demo-capability","version":"1.0.0","title":{"zh":"示例质量管理能力","en":"Demo quality capability"},"factPrefix":"demo","provenance":{"statement":{"zh":"测试用评价规则。","en":"A rubric for tests."},"basis":[{"part":{"zh":"五个等级","en":"Five levels"},"status":"sourced","source":"standards.md §1"},{"part":{"zh":"指标","en":"Indicators"},"status":"drafted"}]},"scale":{"levels":[{"rank":1,"id":"experience","name":{"zh":"经验级","en":"Experience"}},{"rank":2,"id":"inspection","name":{"zh":"检验级","en":"Inspection"}},{"rank":3,"id":"assurance","name":{"zh":"保证级","en":"Assurance"}},{"rank":4,"id":"prevention","name":{"zh":"预防级","en":"Prevention"}},{"rank":5,"id":"excellence","name":{"zh":"卓越级","en":"Excellence"}}]},"scoring":{"model":"maturityGated","threshold":0.8},"parameters":{"nationalTargets":{"value":{"2025":{"inspection":5000,"assurance":500,"prevention":50},"2027":{"inspection":10000,"assurance":1000,"prevention":100,"excellence":10}},"status":"sourced","description":{"zh":"国家目标","en":"National targets"}}},"criteria":[{"id":"D1","title":{"zh":"体系有效性","en":"System effectiveness"},"children":[{"id":"D1.01","title":{"zh":"质量方针","en":"Quality policy"},"mustPass":true,"evidence":{"type":"level","description":{"zh":"质量方针文件","en":"the quality policy"}},"levels":{"1":{"zh":"无方针","en":"No policy"},"2":{"zh":"有方针","en":"A policy"},"3":{"zh":"方针落实","en":"Policy deployed"},"4":{"zh":"方针评审","en":"Policy reviewed"},"5":{"zh":"方针引领","en":"Policy leads"}},"remediation":{"zh":"制定并发布质量方针","en":"Write and publish a quality policy"},"examples":[{"facts":{"demo.D1.01":5},"outcome":"met","level":5},{"facts":{},"outcome":"noEvidence"}]},{"id":"D1.02","title":{"zh":"内部审核","en":"Internal audit"},"evidence":{"type":"level","description":{"zh":"内审记录","en":"internal audit records"}},"remediation":{"zh":"按年度开展内审","en":"Audit yearly"},"examples":[{"facts":{"demo.D1.02":5},"outcome":"met","level":5},{"facts":{},"outcome":"noEvidence"}]}]},{"id":"D2","title":{"zh":"数字化","en":"Digitalization"},"children":[{"id":"D2.01","title":{"zh":"检验数据采集","en":"Inspection data"},"evidence":{"type":"level"},"remediation":{"zh":"采集检验数据","en":"Collect inspection data"},"examples":[{"facts":{"demo.D2.01":5},"outcome":"met","level":5},{"facts":{},"outcome":"noEvidence"}]},{"id":"D2.02","title":{"zh":"追溯","en":"Traceability"},"evidence":{"type":"level"},"examples":[{"facts":{"demo.D2.02":5},"outcome":"met","level":5},{"facts":{},"outcome":"noEvidence"}]}]},{"id":"D3","title":{"zh":"持续成功","en":"Sustained success"},"children":[{"id":"D3.01","title":{"zh":"战略","en":"Strategy"},"evidence":{"type":"level"},"examples":[{"facts":{"demo.D3.01":5},"outcome":"met","level":5},{"facts":{},"outcome":"noEvidence"}]},{"id":"D3.02","title":{"zh":"文化","en":"Culture"},"evidence":{"type":"level"},"examples":[{"facts":{"demo.D3.02":5},"outcome":"met","level":5},{"facts":{},"outcome":"noEvidence"}]}]}]}
"""#

    static func descriptor(version: String = "1.0.0") throws -> RubricDescriptor {
        let json = rubricJSON.replacingOccurrences(of: "\"version\":\"1.0.0\"", with: "\"version\":\"\(version)\"")
        return try RubricLoader.load(data: Data(json.utf8), file: "demo.json")
    }

    static let leaves = ["D1.01", "D1.02", "D2.01", "D2.02", "D3.01", "D3.02"]

    /// A full result (findings, nodes, gap) for an enterprise whose indicators attain `levels` (nil: no evidence).
    static func result(_ enterprise: Enterprise, levels: [Int?], descriptor: RubricDescriptor) -> RubricResult {
        var evidence = Evidence(enterprise: enterprise)
        for (leaf, level) in zip(leaves, levels) {
            guard let level else { continue }
            evidence.add(Fact(key: "demo.\(leaf)", value: .number(Double(level)),
                              provenance: Provenance(provider: "questionnaire", file: "evidence/\(enterprise.id).json", line: 4, source: .selfAssessment)))
        }
        return RubricEngine(descriptor: descriptor)
            .evaluate(evidence, context: AssessmentContext(asOf: Day(iso: "2026-06-30") ?? .earliest))
    }

    /// A summary result with a given score and level, as the store returns for comparisons.
    static func summary(score: Double?, level: Int?, descriptor: RubricDescriptor, version: String? = nil,
                        tailoring: String = "{}", coverage: Double = 1) -> RubricResult {
        RubricResult.make(
            rubric: .make(id: descriptor.id, version: version ?? descriptor.version,
                          hash: version == nil ? descriptor.contentHash : "other-\(version ?? "")", title: descriptor.title),
            model: ScoringModel(kind: .maturityGated, threshold: 0.8), tailoring: tailoring, score: score, rawScore: score,
            scaleScore: nil, scaleMax: nil,
            level: level.flatMap { rank in descriptor.level(rank: rank).map { .make(rank: rank, id: $0.id, name: $0.name) } },
            coverage: coverage)
    }

    static func enterprise(_ number: Int, region: String = "350602", industry: String = "C34", size: String = "中型",
                           name: String? = nil) -> Enterprise {
        let digits = String(number)
        let id = "91350600" + String(repeating: "0", count: max(0, 10 - digits.count)) + digits
        return Enterprise(id: id, name: name ?? "企业\(number)", region: region, industry: industry, size: size)
    }
}
