import QCapCore

/// The outline of an applicant's self-assessment report (自我评价报告), in Markdown.
///
/// Sections follow the seven categories; each item is pre-filled with its score, band descriptor and the
/// strengths (优势) and opportunities for improvement (改进机会) the assessors recorded, and leaves a place for the
/// applicant's own account. Built from a finished result alone, so a stored result can be rendered again later.
public enum SelfAssessmentOutline {
    public static func markdown(result: RubricResult, enterprise: Enterprise, descriptor: RubricDescriptor,
                                parameters: [String: JSONValue]? = nil, language: Language = .zh) -> String {
        let parameters = parameters ?? (descriptor.parameters ?? [:]).mapValues(\.value)
        let settings = ExcellenceSettings(parameters: parameters)
        let summary = ExcellenceSummary(result: result, descriptor: descriptor, parameters: parameters)
        func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }
        func points(_ value: Double) -> String { ExcellenceSummary.rounded(value).formatted }

        var out = "# " + t("自我评价报告（提纲）：", "Self-assessment report (outline): ") + Markdown.escape(enterprise.name.isEmpty ? enterprise.id : enterprise.name) + "\n\n"
        out += "- " + t("统一社会信用代码：", "Unified Social Credit Code: ") + enterprise.id + "\n"
        out += "- " + t("评价准则：", "Criteria: ") + Markdown.escape(descriptor.title.text(language)) + "\n"
        out += "- " + t("评价规则：", "Rubric: ") + "\(descriptor.id) \(descriptor.version)"
        if !descriptor.contentHash.isEmpty { out += " (\(descriptor.contentHash.prefix(12)))" }
        out += "\n"
        out += "- " + t("总分：", "Total: ") + (summary.total.map(points) ?? "—") + "/\(summary.maxPoints.formatted) " + t("分", "points") + "\n\n"
        out += "> " + t("本提纲按七个类目编排，各条目已预填评审组的评分、优势和改进机会。请按条目补充事实和数据：过程条目说明方法、展开、学习和整合；结果条目给出水平、趋势、对比和整合。",
                        "This outline follows the seven categories; each item is pre-filled with the team's score, strengths and opportunities for improvement. Add the facts and data item by item: for process items the approach, deployment, learning and integration; for result items the levels, trends, comparisons and integration.") + "\n\n"
        out += "## " + t("组织概述", "Organizational profile") + "\n\n"
        out += t("（待填写：组织的产品与服务、顾客与市场、竞争环境、关键挑战与优势。）", "(To write: products and services, customers and markets, competitive environment, key challenges and advantages.)") + "\n\n"

        for category in summary.categories {
            out += "## \(category.id) \(Markdown.escape(category.title.text(language)))（\(points(category.points))/\(category.maxPoints.formatted) \(t("分", "points"))）\n\n"
            for item in category.items {
                let kind = settings.kind(of: item.id)
                out += "### \(item.id) \(Markdown.escape(item.title.text(language)))（\(item.maxPoints.formatted) \(t("分", "points"))）\n\n"
                let details = item.finding?.details ?? [:]
                if let finding = item.finding {
                    var line = "- " + t("评分：", "Score: ") + Markdown.escape(finding.message.text(language))
                    if let earned = item.points { line += t("；得 ", "; ") + points(earned) + t(" 分", " points") }
                    out += line + "\n"
                    if finding.outcome == .waived || finding.outcome == .error || finding.outcome == .noEvidence {
                        out += "- " + t("结论：", "Outcome: ") + finding.outcome.label.text(language) + "\n"
                    }
                }
                out += "- " + t("评分维度：", "Scored on: ") + kind.dimensions.text(language) + "\n"
                if let percentage = details[ConsensusProbe.Detail.percentage].flatMap(Double.init),
                   let band = settings.band(of: percentage), let descriptor = band.descriptor(for: kind) {
                    out += "- " + t("所在区间（\(band.label)）：", "Band \(band.label): ") + Markdown.escape(descriptor.text(language)) + "\n"
                }
                if let spread = details[ConsensusProbe.Detail.spread] {
                    out += "- " + t("评审员独立评分：", "Individual scores: ") + Markdown.escape(details[ConsensusProbe.Detail.individualScores] ?? "—")
                        + t("（相差 \(spread) 个百分点）", " (\(spread) points apart)") + "\n"
                }
                out += "\n**" + t("优势", "Strengths") + "**\n\n" + bullets(details[ConsensusProbe.Detail.strengths], empty: t("（评审组未记录）", "(none recorded)")) + "\n"
                out += "**" + t("改进机会", "Opportunities for improvement") + "**\n\n" + bullets(details[ConsensusProbe.Detail.opportunities], empty: t("（评审组未记录）", "(none recorded)")) + "\n"
                out += "**" + t("企业自述", "The applicant's account") + "**\n\n" + t("（待填写）", "(To write.)") + "\n\n"
            }
        }

        if !summary.concepts.isEmpty {
            out += "## " + t("基本理念覆盖", "Coverage of the basic concepts") + "\n\n"
            out += "| " + t("基本理念", "Concept") + " | " + t("得分率", "Percentage") + " | " + t("已评条目", "Items evaluated") + " | " + t("薄弱", "Weak") + " |\n"
            out += "|---|---:|---:|---|\n"
            for concept in summary.concepts {
                let shown = concept.percentage.map { "\(ExcellenceSummary.rounded($0).formatted)%" } ?? "—"
                out += "| \(Markdown.escape(concept.name.text(language))) | \(shown) | \(concept.evaluatedItems)/\(concept.items) | \(concept.weak ? t("是", "yes") : "") |\n"
            }
            out += "\n"
        }
        let notes = result.notes
        if !notes.isEmpty {
            out += "## " + t("评审说明", "Notes from the assessment") + "\n\n"
            for note in notes { out += "- " + Markdown.escape(note.text(language)) + "\n" }
        }
        return out
    }

    static func bullets(_ text: String?, empty: String) -> String {
        guard let text, !text.isEmpty else { return empty + "\n" }
        return text.split(separator: "\n").map { "- " + Markdown.escape(String($0)) + "\n" }.joined()
    }
}
