import QCapCore

/// Labels and formats the report renderers share, in both report languages.
struct ReportText {
    let language: Language

    func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }
    func text(_ value: LocalizedText?) -> String { value?.text(language) ?? "" }

    var documentTitle: String { t("质量管理能力评价报告", "Quality capability assessment report") }

    func score(_ value: Double?) -> String { value.map { AssessmentTable.fixed($0, 1) } ?? "—" }
    func percent(_ share: Double?) -> String { share.map { AssessmentTable.fixed($0 * 100, 0) + "%" } ?? "—" }
    func level(_ level: RubricResult.LevelRef?) -> String { level.map { $0.name.text(language) } ?? t("未定级", "no level") }
    /// The level, or what stands in for it in a rubric without levels (certification's families in force,
    /// excellence's points and band).
    func standing(_ result: RubricResult) -> String { result.level?.name.text(language) ?? result.verdict?.text(language) ?? level(nil) }

    func levelName(_ rank: Int?, descriptor: RubricDescriptor?) -> String {
        guard let rank else { return "—" }
        return descriptor?.level(rank: rank).map { $0.name.text(language) } ?? t("第 \(rank) 级", "level \(rank)")
    }

    func outcome(_ outcome: Outcome) -> String { outcome.label.text(language) }

    func status(_ status: RubricProvenance.Basis.Status) -> String {
        switch status {
        case .sourced: return t("有出处", "sourced")
        case .recollection: return t("通行说法", "recollection")
        case .assumption: return t("本项目假设", "assumption")
        case .drafted: return t("本项目起草", "drafted here")
        case .unknown: return t("未知", "unknown")
        }
    }

    /// "L1 100% · L2 95% · L3 72%": the weighted share attaining each level (maturity-gated rubrics).
    func levelShares(_ scores: [String: Double]?, descriptor: RubricDescriptor?) -> String? {
        levelShareList(scores, descriptor: descriptor)?.joined(separator: " · ")
    }

    func levelShareList(_ scores: [String: Double]?, descriptor: RubricDescriptor?) -> [String]? {
        guard let scores, !scores.isEmpty else { return nil }
        return scores.keys.compactMap(Int.init).sorted().map { rank in
            "\(levelName(rank, descriptor: descriptor)) \(percent(scores[String(rank)]))"
        }
    }

    /// Where the gap item stands now: its level, else its score, else its outcome.
    func current(_ item: Gap.Item, descriptor: RubricDescriptor?) -> String {
        if let level = item.currentLevel { return levelName(level, descriptor: descriptor) }
        if let score = item.currentScore { return percent(score) }
        return outcome(item.outcome)
    }

    /// What the gap item needs: a level, or (for a requirement that belongs to a level) to be met.
    func required(_ item: Gap.Item, descriptor: RubricDescriptor?) -> String {
        item.requiredLevel.map { levelName($0, descriptor: descriptor) } ?? t("符合", "met")
    }

    /// Why a group of findings lists nothing: all met, nothing applicable, or nothing evaluated.
    func nothingToList(_ findings: [Finding]) -> String {
        if findings.allSatisfy({ $0.outcome == .notApplicable }) { return t("本组条款均不适用。", "Nothing in this group applies.") }
        if findings.allSatisfy({ !$0.outcome.isScored && $0.outcome != .waived }) {
            return t("本组没有可评价的条款（见缺失证据）。", "Nothing in this group could be evaluated (see missing evidence).")
        }
        return t("本组已评价的条款均符合要求。", "Every evaluated criterion in this group is met.")
    }

    var coverageNote: String {
        t("得分 0–100；证据覆盖率为适用条款的权重中已取得证据的占比（不适用的条款不计入；无适用条款时为 —）。缺少证据的条款不计为零分，而是降低覆盖率，并列入“缺失证据”。",
          "Scores are 0–100; coverage is the evidenced share of the applicable criteria's weight (criteria that do not apply are left out; — when nothing applies). Missing evidence is not scored as zero: it lowers coverage and is listed under missing evidence.")
    }

    func source(_ report: EnterpriseReport) -> String {
        if report.assessedOnTheFly {
            return t("即时评价（结果库中没有该企业的记录，本次评价未入库）", "assessed on the fly (the store holds no result for this enterprise; not stored)")
        }
        return report.runs.map { run in
            t("结果库第 \(run.id) 次运行（\(run.created)，\(run.who)，输入哈希 \(run.inputsHash.prefix(12))）",
              "stored run \(run.id) (\(run.created), \(run.who), inputs \(run.inputsHash.prefix(12)))")
        }.joined(separator: t("；", "; "))
    }

    func sizeLabel(_ enterprise: Enterprise) -> String { enterprise.size.isEmpty ? "—" : enterprise.size }
}
