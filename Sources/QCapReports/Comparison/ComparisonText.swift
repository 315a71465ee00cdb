import QCapCore

/// Labels and number formats the comparison renderers share, in both report languages.
struct ComparisonText {
    let language: Language

    func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    func score(_ value: Double?) -> String { value.map { AssessmentTable.fixed($0, 1) } ?? "—" }

    func level(_ level: Comparison.Level?) -> String { level.map { $0.name.text(language) } ?? "—" }
    /// The cell's level, or its rubric's verdict when the rubric has no levels.
    func standing(_ cell: Comparison.Cell) -> String { cell.level?.name.text(language) ?? cell.verdict?.text(language) ?? "—" }

    func rank(_ rank: Int?) -> String { rank.map(String.init) ?? "—" }

    func percent(_ share: Double?) -> String { share.map { AssessmentTable.fixed($0 * 100, 1) + "%" } ?? "—" }

    /// "+3.5", "-1.0", "0.0"; a plain number, so a spreadsheet can sum it (CSV keeps signed numbers as numbers).
    func signed(_ value: Double?) -> String {
        guard let value else { return "—" }
        let text = AssessmentTable.fixed(value, 1)
        return value > 0 && text != "0.0" ? "+" + text : text
    }

    func levelChange(_ delta: Int?) -> String {
        guard let delta else { return "—" }
        if delta > 0 { return "↑\(delta)" }
        if delta < 0 { return "↓\(-delta)" }
        return "="
    }

    func change(_ change: Comparison.Change?) -> String {
        guard let change else { return "" }
        guard change.comparable else { return t("不可比", "n/c") }
        return "\(signed(change.scoreDelta)) \(levelChange(change.levelDelta))"
    }

    func title(_ comparison: Comparison) -> String {
        t("企业质量管理能力对比", "Enterprise comparison")
    }

    /// "期间 2026（基期 2025）· 漳州市 350600 · 筛选 … · 标杆 …"
    func subtitle(_ comparison: Comparison) -> [String] {
        var parts: [String] = []
        let period = comparison.baselinePeriod.map { t("期间 \(comparison.period)（基期 \($0)）", "period \(comparison.period) (baseline \($0))") }
            ?? t("期间 \(comparison.period)", "period \(comparison.period)")
        parts.append(period)
        let region = [comparison.region.name, comparison.region.code].filter { !$0.isEmpty }.joined(separator: " ")
        if !region.isEmpty { parts.append(t("地区 \(region)", "region \(region)")) }
        if !comparison.filters.isEmpty { parts.append(t("筛选 ", "filters ") + comparison.filters.joined(separator: " AND ")) }
        parts.append(benchmark(comparison.benchmark))
        return parts
    }

    func benchmark(_ benchmark: Comparison.Benchmark) -> String {
        if let id = benchmark.enterprise {
            let name = benchmark.name.map { "\($0) " } ?? ""
            return t("标杆企业 \(name)\(id)", "benchmark \(name)\(id)")
        }
        return t("标杆 前10%（第90百分位）", "benchmark top decile (90th percentile)")
    }

    func enterpriseCount(_ comparison: Comparison) -> String {
        t("\(comparison.rows.count) 家企业", "\(comparison.rows.count) enterprise(s)")
    }

    var statisticsHeader: [String] {
        [t("评价规则", "Rubric"), "n", t("均值", "Mean"), t("中位数", "Median"), "P25", "P75", t("最低", "Min"), t("最高", "Max"), t("标杆", "Benchmark")]
    }

    func statisticsRow(_ statistics: Comparison.Statistics, title: String) -> [String] {
        let s = statistics.scores
        return [title, String(s.n), score(s.mean), score(s.median), score(s.p25), score(s.p75), score(s.min), score(s.max), score(statistics.benchmarkScore)]
    }

    func levelName(_ count: Comparison.LevelCount) -> String {
        count.name?.text(language) ?? t("未定级", "no level")
    }

    var targetHeader: [String] {
        [t("等级", "Level"), t("全国新增目标（家）", "National new-entrant target"), t("本范围新增", "New in cohort"),
         t("其中首次评价", "of which first assessed"), t("占全国数", "Share of national figure")]
    }

    func targetRow(_ level: Comparison.TargetLevel) -> [String] {
        [t("新增\(level.level.name.zh)", "new at \(level.level.name.en)"), AssessmentTable.fixed(level.target, 0),
         level.newEntrants.map(String.init) ?? "—", level.firstAssessed.map(String.init) ?? "—", percent(level.shareOfTarget)]
    }

    func targetTitle(_ target: Comparison.Target, column: Comparison.Column?) -> String {
        let name = column?.title.text(language) ?? target.rubric
        return t("\(name)：国家 \(target.year) 年新增目标（全国数，供参照）", "\(name): the national \(target.year) new-entrant targets (nationwide, for context)")
    }

    /// The QMS-adoption target of a year, which compare does not count (the certificate registry is `qcap region`'s).
    func adoptersLine(_ target: Comparison.Target) -> String? {
        guard let adopters = target.newQMSAdopters else { return nil }
        let count = AssessmentTable.fixed(adopters, 0)
        return t("\(target.year) 年全国新增贯彻实施先进质量管理体系标准企业 \(count) 家（本地区的新增持证企业由 qcap region 按证书登记数据统计）。",
                 "\(target.year): \(count) new enterprises implementing advanced QMS standards nationwide (qcap region counts the region's new QMS holders from the certificate registry).")
    }

    func targetNote(_ comparison: Comparison) -> String {
        guard comparison.baselinePeriod != nil else {
            return t("国家目标来自评价规则参数 nationalTargets（《制造业卓越质量工程实施意见》，工信部联科〔2023〕249号），均为全国“新增”企业数。只给出一个期间时无法统计新增企业：用 --period 基期 --period 本期 比较两个期间。",
                     "The national targets come from the rubric parameter nationalTargets (《制造业卓越质量工程实施意见》, 工信部联科〔2023〕249号) and count new enterprises nationwide. With one period new entrants cannot be counted: give --period BASELINE --period PERIOD.")
        }
        return t("国家目标来自评价规则参数 nationalTargets（《制造业卓越质量工程实施意见》，工信部联科〔2023〕249号），均为全国“新增”企业数，此处仅作背景参照：地区没有法定任务数，占比不表示完成进度。新增：本期达到或超过该等级、而基期低于该等级或未定级的企业，以及本期首次评价即达到该等级的企业（单列）；跨两级上升的在两级均计入，下降的不计入。",
                 "The national targets come from the rubric parameter nationalTargets (《制造业卓越质量工程实施意见》, 工信部联科〔2023〕249号) and count new enterprises nationwide; they are context only: a region has no official quota, so a share is not progress. New entrants: enterprises at or above the level now that were below it (or held no level) in the baseline, and those first assessed now at the level (shown apart); a rise by two steps counts at both levels, a fall nowhere.")
    }

    var leftApartTitle: String { t("未纳入比较的结果（不可比）", "Results left apart (not comparable)") }

    var leftApartHeader: [String] { [t("企业", "Enterprise"), "USCC", t("评价规则", "Rubric"), t("版本", "Version"), t("得分", "Score"), t("原因", "Why")] }

    func reasons(_ reasons: [LocalizedText]) -> String {
        reasons.map { $0.text(language) }.joined(separator: t("；", "; "))
    }

    var definitions: String {
        t("得分 0–100；名次按得分从高到低，同分同名次（1、2、2、4）。中位数与四分位数按线性插值（Excel PERCENTILE.INC）。标杆差距 = 标杆得分 − 企业得分，正数表示落后于标杆。只有评价规则编号、版本、内容哈希、评分模型与剪裁均相同的结果才相互比较。",
          "Scores 0–100; ranks run from the highest score, ties share a rank (1, 2, 2, 4). Median and quartiles interpolate linearly (Excel PERCENTILE.INC). Benchmark gap = benchmark score − the enterprise's score; positive means behind. Only results with the same rubric id, version, content hash, scoring model and tailoring are compared.")
    }
}
