import QCapCore

/// Finds the fact a survey column (or a key of a per-enterprise survey JSON) names.
///
/// Evaluators' spreadsheets name requirements in several ways, all accepted:
/// - the fact key: `dm.PD.L2`, `qmd.PR.spcShare`, `dm.profile.logistics`;
/// - the criterion id, tried under the source's fact prefixes: `PD.L2`, `QA.TRD.L1`;
/// - either of those followed or preceded by a label: `PD.L2 产品设计·二级`;
/// - the Chinese sub-domain or scenario name with a level: `产品设计-二级`, `产品设计（二级规范级）`, `在线检测 集成级`;
/// - the Chinese or English name of a profile fact or computed indicator: `是否自营物流`, `关键工序SPC覆盖率`.
///
/// The Chinese names cover the built-in digital rubrics (digital-maturity, qm-digitalization); any other rubric is
/// reached through ids. Every resolved key is checked against the fact catalogue, so a rubric that is not registered
/// cannot receive facts by accident.
struct SurveyColumnResolver {
    let catalog: FactCatalog
    /// Fact prefixes a bare criterion id is tried under, in order (`dm`, `qmd`).
    let prefixes: [String]

    enum Resolution: Equatable {
        case fact(String)
        case ambiguous([String])
        case unknown
    }

    func resolve(_ header: String) -> Resolution {
        let trimmed = header.trimmingCharacters(in: .whitespacesAndNewlines.union(["\u{FEFF}"]))
        let direct = resolveID(trimmed)
        if direct != .unknown { return direct }
        for token in trimmed.split(whereSeparator: { Self.separators.contains($0) }).map(String.init) where token.allSatisfy(\.isASCII) {
            let resolution = resolveID(token)
            if resolution != .unknown { return resolution }
        }
        if let key = SurveyVocabulary.key(forName: trimmed), isKnown(key) { return .fact(key) }
        return .unknown
    }

    /// A fact key, or a criterion id under one of the prefixes (as written, then upper-cased: `pd.l2`).
    func resolveID(_ text: String) -> Resolution {
        guard !text.isEmpty else { return .unknown }
        for candidate in [text, text.uppercased()] {
            if isKnown(candidate) { return .fact(candidate) }
            let matches = prefixes.map { "\($0).\(candidate)" }.filter(isKnown)
            if matches.count == 1 { return .fact(matches[0]) }
            if matches.count > 1 { return .ambiguous(matches) }
        }
        return .unknown
    }

    /// Whether a registered rubric reads this key (a criterion fact, a profile fact, or a sub-fact a probe reads).
    func isKnown(_ key: String) -> Bool {
        guard key.contains("."), !key.hasPrefix("enterprise."), !key.hasSuffix(".") else { return false }
        if catalog.entry(key) != nil { return true }
        return catalog.problem(key: key, value: .null) == nil
    }

    static let separators: Set<Character> = [" ", "\u{3000}", "\t", "|", "/", ":", "：", "、", "(", ")", "（", "）", "[", "]", "【", "】", "·", "・", "-", "—", "_", ","]
}

/// The Chinese (and English) names of the built-in digital rubrics' requirements, profile facts and indicators.
enum SurveyVocabulary {
    /// Sub-domains of digital-maturity (GB/T 39116 names, as the rubric uses them).
    static let maturityNames: [(String, String)] = [
        ("组织战略", "OS"), ("人员技能", "SK"), ("数据", "DA"), ("集成", "IN"), ("信息安全", "IS"), ("装备", "EQ"), ("网络", "NW"),
        ("产品设计", "PD"), ("工艺设计", "PR"), ("采购", "PU"), ("计划与调度", "PS"), ("计划调度", "PS"), ("生产作业", "PO"),
        ("设备管理", "MA"), ("仓储配送", "WH"), ("安全环保", "SE"), ("能源管理", "EN"), ("物流", "LO"), ("销售", "SA"),
        ("客户服务", "CS"), ("产品服务", "PSV"),
    ]

    /// Scenarios of qm-digitalization that are answered per level.
    static let digitalizationNames: [(String, String)] = [
        ("设计仿真与数字样机", "DE.SIM"), ("设计仿真", "DE.SIM"), ("数字样机", "DE.SIM"),
        ("可靠性设计与分析", "DE.REL"), ("可靠性设计", "DE.REL"), ("可靠性分析", "DE.REL"),
        ("在线检测", "PR.OLI"), ("工艺过程数字化控制", "PR.DPC"), ("数字化工艺控制", "PR.DPC"), ("工艺过程控制", "PR.DPC"),
        ("检验检测数据管理", "QA.INS"), ("检验数据管理", "QA.INS"), ("全生命周期质量追溯", "QA.TRC"), ("质量追溯", "QA.TRC"),
        ("供应商质量数据", "SC.SQD"), ("业务系统集成erpmeswmsscm", "SC.INT"), ("业务系统集成", "SC.INT"), ("系统集成", "SC.INT"),
        ("人机料法环测数据采集", "DM.ELM"), ("人机料法环测数据", "DM.ELM"), ("人机料法环测", "DM.ELM"),
        ("质量数据治理与应用", "DM.GOV"), ("质量数据治理", "DM.GOV"),
    ]

    static let maturityLevels: [String: Int] = levelWords([
        ["一级", "1级", "规划级", "一级规划级", "l1", "level1", "第一级"],
        ["二级", "2级", "规范级", "二级规范级", "l2", "level2", "第二级"],
        ["三级", "3级", "集成级", "三级集成级", "l3", "level3", "第三级"],
        ["四级", "4级", "优化级", "四级优化级", "l4", "level4", "第四级"],
        ["五级", "5级", "引领级", "五级引领级", "l5", "level5", "第五级"],
    ])

    static let digitalizationLevels: [String: Int] = levelWords([
        ["一级", "1级", "基础级", "l1", "level1", "第一级"],
        ["二级", "2级", "集成级", "l2", "level2", "第二级"],
        ["三级", "3级", "智能级", "l3", "level3", "第三级"],
    ])

    /// Profile facts and computed indicators, by compact name (see `compact`).
    static let named: [String: String] = {
        let table: [(String, [String])] = [
            ("dm.profile.processType", ["生产类型", "制造类型", "生产方式", "离散流程类型", "processtype"]),
            ("dm.profile.logistics", ["自营物流", "是否自营物流", "厂外物流", "是否有厂外物流", "logistics"]),
            ("dm.profile.productService", ["提供产品服务", "是否提供产品服务", "产品服务业务", "productservice"]),
            ("qmd.profile.designResponsibility", ["承担产品设计", "是否承担产品设计", "设计职责", "有设计职责", "designresponsibility"]),
            ("qmd.PR.spcShare", ["关键工序spc覆盖率", "spc覆盖率", "关键工序spc比例", "spc应用比例", "spcshare"]),
            ("qmd.QA.traceDepth", ["追溯深度", "质量追溯深度", "追溯层级", "bom追溯深度", "tracedepth"]),
            ("qmd.QA.autoCaptureShare", ["检验数据自动采集率", "检验记录自动采集率", "自动采集率", "autocaptureshare"]),
        ]
        var named: [String: String] = [:]
        for (key, names) in table { for name in names { named[name] = key } }
        return named
    }()

    /// The values `dm.profile.processType` takes, by what a spreadsheet may say.
    static let processTypes: [String: String] = [
        "discrete": "discrete", "离散": "discrete", "离散型": "discrete", "离散制造": "discrete", "离散型制造": "discrete",
        "process": "process", "流程": "process", "流程型": "process", "流程制造": "process", "流程型制造": "process",
        "mixed": "mixed", "混合": "mixed", "混合型": "mixed", "离散+流程": "mixed",
    ]

    /// Profile facts that are yes/no.
    static let booleanProfiles: Set<String> = ["dm.profile.logistics", "dm.profile.productService", "qmd.profile.designResponsibility"]

    static func key(forName header: String) -> String? {
        let full = compact(header)
        let withoutNotes = compact(removingParenthesised(header))
        for text in [full, withoutNotes] {
            if let key = named[text] { return key }
        }
        return leveled(full, names: maturityNames, levels: maturityLevels, prefix: "dm")
            ?? leveled(full, names: digitalizationNames, levels: digitalizationLevels, prefix: "qmd")
    }

    /// `产品设计二级` → `dm.PD.L2`: a name followed by a level word of the same rubric.
    static func leveled(_ text: String, names: [(String, String)], levels: [String: Int], prefix: String) -> String? {
        for (name, code) in names.sorted(by: { $0.0.count > $1.0.count }) where text.hasPrefix(name) {
            if let level = levels[String(text.dropFirst(name.count))] { return "\(prefix).\(code).L\(level)" }
        }
        return nil
    }

    /// Header normalised (ASCII lower case, full-width brackets) with every separator removed.
    static func compact(_ text: String) -> String {
        String(HeaderMap.normalize(text).filter { !SurveyColumnResolver.separators.contains($0) && !$0.isWhitespace })
    }

    static func removingParenthesised(_ text: String) -> String {
        var result = ""
        var depth = 0
        for character in text {
            switch character {
            case "(", "（", "[", "【": depth += 1
            case ")", "）", "]", "】": depth = max(0, depth - 1)
            default: if depth == 0 { result.append(character) }
            }
        }
        return result
    }

    private static func levelWords(_ groups: [[String]]) -> [String: Int] {
        var words: [String: Int] = [:]
        for (index, group) in groups.enumerated() { for word in group { words[word] = index + 1 } }
        return words
    }
}
