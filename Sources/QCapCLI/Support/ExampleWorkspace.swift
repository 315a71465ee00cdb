import Foundation
import QCapCore
import QCapReports

/// Writes a workspace; with enterprises > 0, a synthetic pilot region in Zhangzhou (漳州, 350600).
///
/// Names and codes are fictional (USCCs with valid check characters). Each enterprise gets a latent quality; every
/// rubric turns it into evidence through `Rubric.exampleEvidence`, so a rubric added later gets example data for
/// free. A few facts are left out (noEvidence) and a few self-assessments contradict each other (conflicts).
struct ExampleWorkspace {
    let rubrics: [any Rubric]
    let enterprises: Int
    let seed: UInt64
    let asOf: Day
    let bulk: Bool

    static let districts: [(code: String, name: String)] = [
        ("350602", "芗城区"), ("350603", "龙文区"), ("350604", "龙海区"), ("350605", "长泰区"), ("350622", "云霄县"),
        ("350623", "漳浦县"), ("350624", "诏安县"), ("350626", "东山县"), ("350627", "南靖县"), ("350628", "平和县"), ("350629", "华安县"),
    ]
    static let industries: [(code: String, word: String, products: [String])] = [
        ("C34", "机械", ["阀门", "液压泵", "减速机"]), ("C35", "专用设备", ["食品机械", "包装机械"]), ("C36", "汽车配件", ["汽车制动器", "车灯"]),
        ("C38", "电气", ["电机", "开关柜", "电线电缆"]), ("C39", "电子", ["电源模块", "印制电路板"]), ("C26", "化工", ["涂料", "胶黏剂"]),
        ("C13", "食品", ["罐头", "果蔬制品"]), ("C14", "食品", ["调味品", "饮料"]), ("C19", "鞋业", ["运动鞋", "皮鞋"]),
        ("C21", "家具", ["办公家具", "实木家具"]), ("C29", "塑胶", ["塑料制品", "橡胶密封件"]), ("C33", "金属制品", ["不锈钢制品", "五金件"]),
        ("C27", "医药", ["医用敷料", "原料药"]), ("C30", "建材", ["陶瓷砖", "石材制品"]),
    ]
    static let tradeNames = ["鑫泰", "恒达", "嘉禾", "闽润", "海峰", "榕信", "华泓", "金溪", "九龙", "丹霞", "芗江", "圆山", "东海",
                             "天宝", "南山", "云洲", "诚远", "锦程", "宏图", "瑞丰", "长青", "福兴", "佳鹏", "永盛", "荔香", "水仙", "凯晟", "博远"]
    static let sizes = ["大型", "中型", "小型", "微型"]

    func write(to root: URL) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: root.appending(path: "evidence"), withIntermediateDirectories: true)
        try manager.createDirectory(at: root.appending(path: "reports"), withIntermediateDirectories: true)
        var random = SeededGenerator(seed: seed, label: "roster")
        var roster = "\u{FEFF}" + CSVWriter.row(["统一社会信用代码", "企业名称", "行政区划", "行业代码", "规模", "主要产品"], neutralizing: false)
        var bulkLines = ""
        var tables: [String: ExampleTable] = [:]
        var usedNames = Set<String>()
        let contexts = rubrics.map { RubricContext(descriptor: $0.descriptor) }
        for index in 0..<enterprises {
            let enterprise = makeEnterprise(index: index, random: &random, used: &usedNames)
            roster += CSVWriter.row([enterprise.id, enterprise.name, enterprise.region, enterprise.industry, enterprise.size,
                                     enterprise.products.joined(separator: "、")], neutralizing: false)
            var quality = SeededGenerator(seed: seed, label: "quality-\(index)")
            let latent = min(0.98, max(0.05, quality.normal(mean: 0.55, deviation: 0.22)))
            let request = ExampleRequest(enterprise: enterprise, quality: latent, asOf: asOf, onSite: quality.unit() < 0.4,
                                         missingRate: quality.unit() < 0.15 ? 0.12 : 0.01)
            var bySource: [Provenance.Source: [String: JSONValue]] = [:]
            for (rubric, context) in zip(rubrics, contexts) {
                var rubricRandom = SeededGenerator(seed: seed, label: "\(rubric.descriptor.id)-\(index)")
                let contribution = rubric.exampleEvidence(for: request, context: context, random: &rubricRandom)
                for (source, facts) in contribution.facts { bySource[source, default: [:]].merge(facts) { first, _ in first } }
                for (file, table) in contribution.tables {
                    tables[file, default: ExampleTable(header: table.header, rows: [], provider: table.provider)].rows += table.rows
                }
            }
            for source in bySource.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
                guard let facts = bySource[source], !facts.isEmpty else { continue }
                let document = Self.document(enterprise: enterprise.id, source: source, facts: facts)
                if bulk {
                    bulkLines += JSONWriter.write(document) + "\n"
                } else {
                    try write(JSONWriter.write(document, style: .pretty) + "\n", to: root.appending(path: "evidence/\(enterprise.id)-\(source.rawValue).json"))
                }
            }
            // About one enterprise in twenty filed a second, contradicting self-assessment: a conflict to settle.
            if quality.unit() < 0.05, let selfFacts = bySource[.selfAssessment],
               let (key, value) = selfFacts.sorted(by: { $0.key < $1.key }).first(where: { $0.value.numberValue != nil }),
               let number = value.numberValue {
                let conflicting = Self.document(enterprise: enterprise.id, source: .selfAssessment, facts: [key: .number(number > 1 ? number - 1 : number + 1)])
                try write(JSONWriter.write(conflicting, style: .pretty) + "\n", to: root.appending(path: "evidence/\(enterprise.id)-self-revised.json"))
            }
        }
        try write(roster, to: root.appending(path: "enterprises.csv"))
        var sources: [JSONValue] = [["provider": "questionnaire", "path": "evidence"]]
        if bulk {
            try write(bulkLines, to: root.appending(path: "evidence.jsonl"))
            sources.append(["provider": "evidence-jsonl", "path": "evidence.jsonl"])
        }
        for file in tables.keys.sorted() {
            guard let table = tables[file] else { continue }
            var text = "\u{FEFF}" + CSVWriter.row(table.header, neutralizing: false)
            for row in table.rows { text += CSVWriter.row(row, neutralizing: false) }
            try write(text, to: root.appending(path: file))
            sources.append(["provider": .string(table.provider), "path": .string(file)])
        }
        let config: JSONValue = [
            "schema": "qcap.workspace/v1",
            "name": .string(enterprises > 0 ? "漳州市质量管理能力评价试点（示例数据）" : "新工作区"),
            "region": ["code": "350600", "name": "漳州市"],
            "period": .string(String(asOf.year)),
            "roster": "enterprises.csv",
            "rubrics": .array(rubrics.map { .string($0.descriptor.id) }),
            "sources": .array(sources),
            "waivers": "waivers.json",
            "tailoring": [:],
        ]
        try write(JSONWriter.write(config, style: .pretty) + "\n", to: root.appending(path: "qcap.json"))
        if !FileManager.default.fileExists(atPath: root.appending(path: "waivers.json").path) {
            try write("{\n  \"waivers\": []\n}\n", to: root.appending(path: "waivers.json"))
        }
    }

    static func document(enterprise: String, source: Provenance.Source, facts: [String: JSONValue]) -> JSONValue {
        .object(JSONObject([
            ("enterprise", .string(enterprise)),
            ("source", .string(source.rawValue)),
            ("facts", .object(JSONObject(facts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }))),
        ]))
    }

    func makeEnterprise(index: Int, random: inout SeededGenerator, used: inout Set<String>) -> Enterprise {
        let district = Self.districts[Int(random.next() % UInt64(Self.districts.count))]
        let industry = Self.industries[Int(random.next() % UInt64(Self.industries.count))]
        var name = ""
        var attempts = 0
        repeat {
            let trade = Self.tradeNames[Int(random.next() % UInt64(Self.tradeNames.count))]
            // Once the short names run out, a number keeps them unique (a large synthetic region).
            let suffix = attempts >= 8 ? "\(index + 1)" : ""
            name = "漳州\(trade)\(suffix)\(industry.word)有限公司"
            attempts += 1
        } while used.contains(name)
        used.insert(name)
        let code = Self.uscc(region: district.code, random: &random)
        let sizeRoll = random.unit()
        let size = Self.sizes[sizeRoll < 0.08 ? 0 : (sizeRoll < 0.35 ? 1 : (sizeRoll < 0.85 ? 2 : 3))]
        let products = Array(industry.products.prefix(1 + Int(random.next() % UInt64(industry.products.count))))
        return Enterprise(id: code, name: name, region: district.code, industry: industry.code, size: size, products: products)
    }

    /// A fictional code: 9 (工商) 1 (企业), the district, a random organization code, and the right check character.
    static func uscc(region: String, random: inout SeededGenerator) -> String {
        var prefix = "91" + region
        for _ in 0..<9 { prefix.append(Character(Unicode.Scalar(USCC.alphabet[Int(random.next() % UInt64(USCC.alphabet.count))]))) }
        return prefix + String(USCC.checkCharacter(forPrefix: prefix) ?? "0")
    }

    func write(_ text: String, to url: URL) throws {
        try Data(text.utf8).write(to: url, options: .atomic)
    }
}
