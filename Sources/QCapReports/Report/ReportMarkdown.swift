import QCapCore

/// `qcap report --format md`: the report as Markdown (the dimension scores as a table instead of the radar chart).
public struct ReportMarkdown {
    public let language: Language
    public init(language: Language = .zh) { self.language = language }

    public func render(_ report: EnterpriseReport) -> String {
        let text = ReportText(language: language)
        let m: (String) -> String = { Markdown.escape($0) }
        let enterprise = report.enterprise
        var out = "# \(m(text.documentTitle))：\(m(enterprise.name))\n\n"
        out += Markdown.table([text.t("项目", "Field"), text.t("内容", "Value")], [
            [text.t("统一社会信用代码", "USCC"), enterprise.id],
            [text.t("行政区划", "Region"), enterprise.region],
            [text.t("行业代码", "Industry"), enterprise.industry],
            [text.t("企业规模", "Size"), text.sizeLabel(enterprise)],
            [text.t("评价期间", "Period"), report.period],
            [text.t("评价基准日", "As of"), report.asOf.description],
            [text.t("数据来源", "Source"), text.source(report)],
        ])
        out += "\n## \(text.t("评价结论", "Summary"))\n\n"
        out += Markdown.table([text.t("评价规则", "Rubric"), text.t("等级", "Level"), text.t("得分", "Score"), text.t("证据覆盖率", "Coverage")],
                              report.sections.map { [$0.result.rubric.title.text(language), text.standing($0.result), text.score($0.result.score),
                                                     text.percent($0.result.coverage)] }, numeric: [2, 3])
        for section in report.sections {
            let result = section.result
            let descriptor = section.descriptor
            out += "\n## \(m(result.rubric.title.text(language)))\n\n"
            out += "\(text.t("等级", "Level")): **\(m(text.standing(result)))** · \(text.t("得分", "score")) \(text.score(result.score)) · "
                + "\(text.t("证据覆盖率", "coverage")) \(text.percent(result.coverage))\n"
            if let shares = text.levelShares(result.levelScores, descriptor: descriptor) { out += "\n\(m(shares))\n" }
            let dimensions = section.dimensions
            if !dimensions.isEmpty {
                out += "\n### \(text.t("各维度得分", "Score by dimension"))\n\n"
                out += Markdown.table([text.t("维度", "Dimension"), text.t("得分", "Score"), text.t("覆盖率", "Coverage")],
                                      dimensions.map { ["\($0.criterion) \($0.title.text(language))", text.score($0.score), text.percent($0.coverage)] },
                                      numeric: [1, 2])
            }
            out += "\n### \(text.t("改进计划：距下一等级的差距", "Improvement plan: the gap to the next level"))\n\n"
            if let gap = result.gap {
                if let next = gap.nextLevel { out += "\(text.t("目标等级", "Target level")): **\(m(next.name.text(language)))** — " }
                out += m(gap.reason.text(language)) + "\n\n"
                if !gap.items.isEmpty {
                    out += Markdown.table(["#", text.t("条款", "Criterion"), text.t("现状", "Now"), text.t("需达到", "Needed"), text.t("要求", "Requirement"), ""],
                                          gap.items.enumerated().map { index, item in
                                              ["\(index + 1)", "\(item.criterion) \(item.title.text(language))", text.current(item, descriptor: descriptor),
                                               text.required(item, descriptor: descriptor), text.text(item.requirement),
                                               [index < gap.liftCount ? text.t("优先", "first") : "", item.mustPass ? text.t("否决项", "must pass") : ""]
                                                .filter { !$0.isEmpty }.joined(separator: ", ")]
                                          })
                }
            } else {
                out += text.t("该评价规则不提供差距分析。", "This rubric gives no gap analysis.") + "\n"
            }
            out += "\n### \(text.t("发现与整改建议", "Findings and remediation"))\n"
            for group in section.findingsByDimension() {
                let shown = group.findings.filter { [.notMet, .partial, .error, .waived].contains($0.outcome) }
                out += "\n#### \(m(group.dimension)) \(m(group.title.text(language)))\n\n"
                if shown.isEmpty {
                    out += text.nothingToList(group.findings) + "\n"
                    continue
                }
                out += Markdown.table([text.t("条款", "Criterion"), text.t("结论", "Outcome"), text.t("说明", "Finding"), text.t("整改建议", "Remediation")],
                                      shown.map { ["\($0.criterion) \(section.title(of: $0.criterion).text(language))", text.outcome($0.outcome),
                                                   $0.message.text(language), text.text(section.remediation(of: $0.criterion))] })
            }
            out += "\n### \(text.t("缺失证据", "Missing evidence"))\n\n"
            let missing = result.findings.filter { $0.outcome == .noEvidence }
            out += missing.isEmpty ? text.t("没有缺失证据的条款。", "No criterion lacks evidence.") + "\n"
                : missing.map { "- **\(m($0.criterion))** \(m(section.title(of: $0.criterion).text(language))) — \(m($0.message.text(language)))\n" }.joined()
            out += "\n### \(text.t("评级规则", "Grading rule"))\n\n\(m(result.model.ruleText(maxRank: descriptor?.maxRank ?? 0).text(language)))\n"
            if result.tailoring != "{}" { out += "\n\(text.t("剪裁", "Tailoring")): `\(result.tailoring)`\n" }
            out += "\n### \(text.t("规则版本与来源", "Rubric version and provenance"))\n\n"
            out += "\(m(result.rubric.id)) · \(text.t("版本", "version")) \(m(result.rubric.version)) · \(text.t("内容哈希", "content hash")) `\(result.rubric.hash.prefix(16))`\n"
            if let provenance = descriptor?.provenance {
                if let statement = provenance.statement { out += "\n\(m(statement.text(language)))\n" }
                if !provenance.basis.isEmpty {
                    out += "\n" + Markdown.table([text.t("内容", "Part"), text.t("依据", "Basis"), text.t("出处与说明", "Source and note")],
                                                 provenance.basis.map { [$0.part.text(language), text.status($0.status),
                                                                         [$0.source ?? "", text.text($0.note)].filter { !$0.isEmpty }.joined(separator: " — ")] })
                }
            }
            for note in result.notes { out += "\n> \(m(note.text(language)))\n" }
        }
        if !report.review.isEmpty {
            out += "\n## \(text.t("需复核事项", "For review"))\n\n" + report.review.map { "- \(m($0.text(language)))\n" }.joined()
        }
        out += "\n---\n\(text.t("评价基准日 \(report.asOf) · 期间 \(m(report.period)) · 由 qcap \(report.qcapVersion) 生成。", "As of \(report.asOf) · period \(m(report.period)) · generated by qcap \(report.qcapVersion)."))\n"
        return out
    }
}
