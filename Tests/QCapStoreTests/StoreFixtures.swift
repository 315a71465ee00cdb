import Foundation
import QCapCore
import QCapStore

/// A six-criterion maturity-gated rubric and evidence for it, for store tests.
enum StoreFixtures {
    static let rubricJSON = #"""
{"id":"demo-capability","version":"1.0.0","title":{"zh":"示例质量管理能力","en":"Demo quality capability"},"factPrefix":"demo","provenance":{"statement":{"zh":"测试用评价规则。","en":"A rubric for tests."},"basis":[{"part":{"zh":"五个等级","en":"Five levels"},"status":"sourced","source":"standards.md §1"},{"part":{"zh":"指标","en":"Indicators"},"status":"drafted"}]},"scale":{"levels":[{"rank":1,"id":"experience","name":{"zh":"经验级","en":"Experience"}},{"rank":2,"id":"inspection","name":{"zh":"检验级","en":"Inspection"}},{"rank":3,"id":"assurance","name":{"zh":"保证级","en":"Assurance"}},{"rank":4,"id":"prevention","name":{"zh":"预防级","en":"Prevention"}},{"rank":5,"id":"excellence","name":{"zh":"卓越级","en":"Excellence"}}]},"scoring":{"model":"maturityGated","threshold":0.8},"parameters":{"nationalTargets":{"value":{"2025":{"inspection":5000,"assurance":500,"prevention":50},"2027":{"inspection":10000,"assurance":1000,"prevention":100,"excellence":10}},"status":"sourced","description":{"zh":"国家目标","en":"National targets"}}},"criteria":[{"id":"D1","title":{"zh":"体系有效性","en":"System effectiveness"},"children":[{"id":"D1.01","title":{"zh":"质量方针","en":"Quality policy"},"mustPass":true,"evidence":{"type":"level","description":{"zh":"质量方针文件","en":"the quality policy"}},"levels":{"1":{"zh":"无方针","en":"No policy"},"2":{"zh":"有方针","en":"A policy"},"3":{"zh":"方针落实","en":"Policy deployed"},"4":{"zh":"方针评审","en":"Policy reviewed"},"5":{"zh":"方针引领","en":"Policy leads"}},"remediation":{"zh":"制定并发布质量方针","en":"Write and publish a quality policy"},"examples":[{"facts":{"demo.D1.01":5},"outcome":"met","level":5},{"facts":{},"outcome":"noEvidence"}]},{"id":"D1.02","title":{"zh":"内部审核","en":"Internal audit"},"evidence":{"type":"level","description":{"zh":"内审记录","en":"internal audit records"}},"remediation":{"zh":"按年度开展内审","en":"Audit yearly"},"examples":[{"facts":{"demo.D1.02":5},"outcome":"met","level":5},{"facts":{},"outcome":"noEvidence"}]}]},{"id":"D2","title":{"zh":"数字化","en":"Digitalization"},"children":[{"id":"D2.01","title":{"zh":"检验数据采集","en":"Inspection data"},"evidence":{"type":"level"},"remediation":{"zh":"采集检验数据","en":"Collect inspection data"},"examples":[{"facts":{"demo.D2.01":5},"outcome":"met","level":5},{"facts":{},"outcome":"noEvidence"}]},{"id":"D2.02","title":{"zh":"追溯","en":"Traceability"},"evidence":{"type":"level"},"examples":[{"facts":{"demo.D2.02":5},"outcome":"met","level":5},{"facts":{},"outcome":"noEvidence"}]}]},{"id":"D3","title":{"zh":"持续成功","en":"Sustained success"},"children":[{"id":"D3.01","title":{"zh":"战略","en":"Strategy"},"evidence":{"type":"level"},"examples":[{"facts":{"demo.D3.01":5},"outcome":"met","level":5},{"facts":{},"outcome":"noEvidence"}]},{"id":"D3.02","title":{"zh":"文化","en":"Culture"},"evidence":{"type":"level"},"examples":[{"facts":{"demo.D3.02":5},"outcome":"met","level":5},{"facts":{},"outcome":"noEvidence"}]}]}]}
"""#

    static func descriptor(version: String = "1.0.0") throws -> RubricDescriptor {
        let json = rubricJSON.replacingOccurrences(of: "\"version\":\"1.0.0\"", with: "\"version\":\"\(version)\"")
        return try RubricLoader.load(data: Data(json.utf8), file: "demo.json")
    }

    static let leaves = ["D1.01", "D1.02", "D2.01", "D2.02", "D3.01", "D3.02"]

    /// An enterprise whose every indicator attains `level`; `missing` names an indicator left without evidence.
    static func run(_ enterprise: Enterprise, level: Int, descriptor: RubricDescriptor, period: String = "2026",
                    asOf: Day = Day(iso: "2026-06-30") ?? .earliest, missing: String? = nil) -> AssessmentRun {
        var evidence = Evidence(enterprise: enterprise)
        for (index, leaf) in leaves.enumerated() where leaf != missing {
            evidence.add(Fact(key: "demo.\(leaf)", value: .number(Double(level)),
                              provenance: Provenance(provider: "questionnaire", file: "evidence/\(enterprise.id).json", line: index + 3, source: .selfAssessment)))
        }
        let result = RubricEngine(descriptor: descriptor).evaluate(evidence, context: AssessmentContext(asOf: asOf))
        return AssessmentRun(enterprise: enterprise, period: period, asOf: asOf, results: [result],
                             review: [LocalizedText(zh: "复核", en: "review")])
    }

    static let alpha = Enterprise(id: "91350602MA2XYZ0001", name: "漳州甲机械有限公司", region: "350602", industry: "C34", size: "中型", products: ["阀门"])
    static let beta = Enterprise(id: "91350603MA2XYZ0002", name: "漳州乙电子有限公司", region: "350603", industry: "C39", size: "小型")

    static func record(period: String = "2026", hash: String = "abc") -> RunRecord {
        RunRecord(created: "2026-06-30T00:00:00Z", who: "tester", asOf: Day(iso: "2026-06-30") ?? .earliest, period: period,
                  inputsHash: hash, qcapVersion: "0.1.0", workspace: "demo", regionCode: "350600", regionName: "漳州市",
                  rubrics: ["demo-capability"])
    }
}

/// A fresh folder under the system's temporary directory, removed by `remove()`.
struct TemporaryFolder {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appending(path: "qcap-store-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    func remove() { try? FileManager.default.removeItem(at: url) }
}
