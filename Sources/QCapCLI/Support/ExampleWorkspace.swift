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
    /// Data rubrics of the workspace's `rubrics/` folder (file names): the baseline gets copies, so it assesses them too.
    var dataRubricFiles: [String] = []

    /// Which year the files describe: the current period, or the year before it (the baseline kept under
    /// `history/<year>`: the same enterprises a year earlier, most of them a little weaker, a few not yet assessed).
    enum Variant: Equatable {
        case current
        case baseline
    }

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

    /// The example's quality chains (质量强链): id, name, the industries their enterprises come from.
    /// The supplier from outside the region is named after its city (GB/T 2260 prefix) and trade.
    static let chains: [(id: String, name: String, industries: Set<String>, outside: (prefix: String, city: String, trade: String))] = [
        ("ZZ-VALVE", "漳州阀门及流体装备产业链", ["C34", "C33", "C29"], ("91440300", "深圳", "精密部件")),
        ("ZZ-FOOD", "漳州绿色食品产业链", ["C13", "C14", "C35"], ("91350200", "厦门", "包装材料")),
        ("ZZ-ELEC", "漳州电子信息产业链", ["C38", "C39"], ("91441900", "东莞", "电子材料")),
    ]
    /// How many enterprises of the roster a chain takes at most (its 链主 and 链员).
    static let chainSize = 9

    /// The year before the current one, as the baseline's folder and period.
    var baselineYear: Int { asOf.year - 1 }
    var baselineFolder: String { "history/\(baselineYear)" }

    /// Writes the current period's workspace at `root`.
    func write(to root: URL) throws {
        try write(to: root, variant: .current)
    }

    /// Writes the baseline year's workspace under `root/history/<year>` and returns its folder.
    func writeBaseline(under root: URL) throws -> URL {
        let folder = root.appending(path: baselineFolder)
        try write(to: folder, variant: .baseline)
        if !dataRubricFiles.isEmpty {
            try FileManager.default.createDirectory(at: folder.appending(path: "rubrics"), withIntermediateDirectories: true)
            for name in dataRubricFiles {
                let copy = folder.appending(path: "rubrics/\(name)")
                try? FileManager.default.removeItem(at: copy)
                try FileManager.default.copyItem(at: root.appending(path: "rubrics/\(name)"), to: copy)
            }
        }
        return folder
    }

    func write(to root: URL, variant: Variant) throws {
        let manager = FileManager.default
        let asOf = variant == .current ? self.asOf : self.asOf.adding(years: -1)
        try manager.createDirectory(at: root.appending(path: "evidence"), withIntermediateDirectories: true)
        try manager.createDirectory(at: root.appending(path: "reports"), withIntermediateDirectories: true)
        var random = SeededGenerator(seed: seed, label: "roster")
        var roster = "\u{FEFF}" + CSVWriter.row(["统一社会信用代码", "企业名称", "行政区划", "行业代码", "规模", "主要产品"], neutralizing: false)
        var bulkLines = ""
        var tables: [String: ExampleTable] = [:]
        var usedNames = Set<String>()
        let contexts = rubrics.map { RubricContext(descriptor: $0.descriptor) }
        var qualities: [(enterprise: Enterprise, quality: Double)] = []
        for index in 0..<enterprises {
            // Every enterprise is drawn in both variants, so the two years share one roster sequence.
            let enterprise = makeEnterprise(index: index, random: &random, used: &usedNames)
            var quality = SeededGenerator(seed: seed, label: "quality-\(index)")
            var latent = min(0.98, max(0.05, quality.normal(mean: 0.55, deviation: 0.22)))
            qualities.append((enterprise, latent))
            if variant == .baseline {
                // A year earlier: about one enterprise in twelve was not yet assessed; the others were mostly a little
                // weaker, a few stronger (they fell since).
                var history = SeededGenerator(seed: seed, label: "baseline-\(index)")
                if history.unit() < 0.08 { continue }
                latent = min(0.98, max(0.05, latent - history.normal(mean: 0.07, deviation: 0.08)))
                quality = SeededGenerator(seed: seed, label: "baseline-quality-\(index)")
            }
            roster += CSVWriter.row([enterprise.id, enterprise.name, enterprise.region, enterprise.industry, enterprise.size,
                                     enterprise.products.joined(separator: "、")], neutralizing: false)
            let request = ExampleRequest(enterprise: enterprise, quality: latent, asOf: asOf, onSite: quality.unit() < 0.4,
                                         missingRate: quality.unit() < 0.15 ? 0.12 : 0.01)
            var bySource: [Provenance.Source: [String: JSONValue]] = [:]
            for (rubric, context) in zip(rubrics, contexts) {
                let label = variant == .current ? "\(rubric.descriptor.id)-\(index)" : "\(rubric.descriptor.id)-\(index)-baseline"
                var rubricRandom = SeededGenerator(seed: seed, label: label)
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
        let example = enterprises > 0
        var name = example ? "漳州市质量管理能力评价试点（示例数据）" : "新工作区"
        var members: [(String, JSONValue)] = []
        if variant == .baseline {
            name += "（\(asOf.year) 年基期）"
        }
        members += [
            ("schema", "qcap.workspace/v1"),
            ("name", .string(name)),
            ("region", ["code": "350600", "name": "漳州市",
                        "districts": .object(JSONObject(Self.districts.map { ($0.code, .string($0.name)) }))]),
            ("period", .string(String(asOf.year))),
            ("roster", "enterprises.csv"),
            ("rubrics", .array(rubrics.map { .string($0.descriptor.id) })),
            ("sources", .array(sources)),
            ("waivers", "waivers.json"),
        ]
        if variant == .current, example {
            try write(chainsTable(qualities), to: root.appending(path: "chains.csv"))
            members.append(("chains", "chains.csv"))
        }
        members.append(("tailoring", [:]))
        try write(JSONWriter.write(.object(JSONObject(members)), style: .pretty) + "\n", to: root.appending(path: "qcap.json"))
        if !FileManager.default.fileExists(atPath: root.appending(path: "waivers.json").path) {
            try write("{\n  \"waivers\": []\n}\n", to: root.appending(path: "waivers.json"))
        }
    }

    /// The chains: in each, the strongest enterprise of its industries is the 链主, the next ones are 链员 (tier 一级,
    /// then 二级), the city's industry bureau is the 链长单位, and one supplier from outside the region, not on the
    /// roster, shows how a member without evidence looks.
    func chainsTable(_ roster: [(enterprise: Enterprise, quality: Double)]) -> String {
        var text = "\u{FEFF}" + CSVWriter.row(["链编号", "链名称", "统一社会信用代码", "单位名称", "角色", "层级"], neutralizing: false)
        var random = SeededGenerator(seed: seed, label: "chains")
        let bureau = Self.uscc(prefix: "11350600", random: &random)
        for chain in Self.chains {
            let pool = roster.filter { chain.industries.contains($0.enterprise.industry) }.prefix(Self.chainSize)
            guard pool.count >= 3, let master = pool.max(by: { $0.quality < $1.quality }) else { continue }
            text += CSVWriter.row([chain.id, chain.name, bureau, "漳州市工业和信息化局", "链长单位", ""], neutralizing: false)
            text += CSVWriter.row([chain.id, chain.name, master.enterprise.id, master.enterprise.name, "链主", ""], neutralizing: false)
            for (position, member) in pool.filter({ $0.enterprise.id != master.enterprise.id }).enumerated() {
                text += CSVWriter.row([chain.id, chain.name, member.enterprise.id, member.enterprise.name, "链员", position < 4 ? "一级" : "二级"],
                                      neutralizing: false)
            }
            let outside = Self.uscc(prefix: chain.outside.prefix, random: &random)
            let trade = Self.tradeNames[Int(random.next() % UInt64(Self.tradeNames.count))]
            text += CSVWriter.row([chain.id, chain.name, outside, "\(chain.outside.city)\(trade)\(chain.outside.trade)有限公司", "链员", "二级"],
                                  neutralizing: false)
        }
        return text
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
        uscc(prefix: "91" + region, random: &random)
    }

    /// A fictional code with this registration authority, category and division (8 characters), a random
    /// organisation code and the right check character: `11350600…` is a government body of 漳州市.
    static func uscc(prefix: String, random: inout SeededGenerator) -> String {
        var code = prefix
        for _ in 0..<9 { code.append(Character(Unicode.Scalar(USCC.alphabet[Int(random.next() % UInt64(USCC.alphabet.count))]))) }
        return code + String(USCC.checkCharacter(forPrefix: code) ?? "0")
    }

    func write(_ text: String, to url: URL) throws {
        try Data(text.utf8).write(to: url, options: .atomic)
    }
}
