import QCapCore

/// `qcap report --format html`: one self-contained, printable A4 document per enterprise, with inline CSS and inline
/// SVG charts, no scripts and nothing fetched. Every text that comes from input is escaped.
public struct ReportHTML {
    public let language: Language
    public init(language: Language = .zh) { self.language = language }

    public func render(_ report: EnterpriseReport) -> String {
        let text = ReportText(language: language)
        var body = header(report, text)
        body += summary(report, text)
        for section in report.sections { body += rubricSection(section, text) }
        body += review(report, text)
        body += footer(report, text)
        return HTML.document(title: "\(text.documentTitle) · \(report.enterprise.name)", language: language,
                             css: HTML.baseCSS + Self.css, body: body)
    }

    /// How many shortfalls beyond the lifting set the HTML lists.
    static let extraGapItems = 12

    static let css = """

    header.cover { border-bottom: 3px solid var(--accent); padding-bottom: 2mm; }
    header.cover .kicker { color: var(--accent); font-weight: 600; letter-spacing: 0.05em; margin: 0; }
    .level-big { font-size: 16pt; font-weight: 700; color: var(--accent); }
    .lift-row td { background: #fffaf0; }
    .requirement { color: var(--muted); font-size: 8.5pt; }
    ul.missing { margin: 1mm 0 3mm; padding-left: 5mm; }
    ul.missing li { margin: 0.5mm 0; }
    section.rubric .figures { grid-template-columns: 2fr 3fr; }
    th { white-space: nowrap; }
    table.findings, table.provenance { table-layout: fixed; }
    table.findings th:nth-child(1) { width: 25%; }
    table.findings th:nth-child(2) { width: 11%; }
    table.findings th:nth-child(3) { width: 36%; }
    table.findings th:nth-child(4) { width: 28%; }
    table.provenance th:nth-child(1) { width: 38%; }
    table.provenance th:nth-child(2) { width: 14%; }
    table.provenance th:nth-child(3) { width: 48%; }
    [class^="outcome-"], .status { white-space: nowrap; }
    .cite { overflow-wrap: anywhere; }
    .nowrap { white-space: nowrap; }
    table.gap td:nth-child(3), table.gap td:nth-child(4), table.gap td:nth-child(6) { white-space: nowrap; }
    a { color: inherit; text-decoration: none; }
    """

    func header(_ report: EnterpriseReport, _ text: ReportText) -> String {
        let e = HTML.escape
        let enterprise = report.enterprise
        var html = "<header class=\"cover\">\n<p class=\"kicker\">\(e(text.documentTitle))</p>\n<h1>\(e(enterprise.name))</h1>\n<dl class=\"meta\">\n"
        let fields: [(String, String)] = [
            (text.t("统一社会信用代码", "USCC"), enterprise.id),
            (text.t("行政区划", "Region"), enterprise.region.isEmpty ? "—" : enterprise.region),
            (text.t("行业代码", "Industry"), enterprise.industry.isEmpty ? "—" : enterprise.industry),
            (text.t("企业规模", "Size"), text.sizeLabel(enterprise)),
            (text.t("评价期间", "Period"), report.period),
            (text.t("评价基准日", "As of"), report.asOf.description),
        ]
        for (label, value) in fields { html += "<dt>\(e(label))</dt><dd>\(e(value))</dd>\n" }
        html += "</dl>\n<p class=\"small muted\">\(e(text.t("数据来源：", "Source: ")))\(e(text.source(report)))</p>\n</header>\n"
        return html
    }

    func summary(_ report: EnterpriseReport, _ text: ReportText) -> String {
        let e = HTML.escape
        var html = "<section id=\"summary\">\n<h2>\(e(text.t("评价结论", "Summary")))</h2>\n"
        let rows = report.sections.map { section -> [String] in
            let result = section.result
            let next = result.gap?.nextLevel.map { $0.name.text(language) } ?? (result.level == nil ? "—" : text.t("已达最高等级", "top level held"))
            return ["<a href=\"#rubric-\(e(anchor(result.rubric.id)))\">\(e(result.rubric.title.text(language)))</a>",
                    "<span class=\"badge\(result.level == nil ? " none" : "")\">\(e(text.standing(result)))</span>",
                    e(text.score(result.score)), e(text.percent(result.coverage)), e(next)]
        }
        html += HTML.table(header: [text.t("评价规则", "Rubric"), text.t("等级", "Level"), text.t("得分", "Score"),
                                    text.t("证据覆盖率", "Coverage"), text.t("下一等级", "Next level")], rows: rows, numericColumns: [2, 3])
        html += "<p class=\"small muted\">\(e(text.coverageNote))</p>\n"
        return html + "</section>\n"
    }

    func rubricSection(_ section: EnterpriseReport.Section, _ text: ReportText) -> String {
        let e = HTML.escape
        let result = section.result
        let descriptor = section.descriptor
        var html = "<section class=\"rubric\" id=\"rubric-\(e(anchor(result.rubric.id)))\">\n"
        html += "<h2>\(e(result.rubric.title.text(language)))</h2>\n"

        // Level, figures and the radar.
        html += "<div class=\"figures\">\n<div>\n<dl class=\"figure-list\">\n"
        html += "<dt>\(e(text.t("等级", "Level")))</dt><dd><span class=\"level-big\">\(e(text.standing(result)))</span></dd>\n"
        html += "<dt>\(e(text.t("得分", "Score")))</dt><dd>\(e(text.score(result.score)))</dd>\n"
        if let raw = result.rawScore, raw != result.score {
            html += "<dt>\(e(text.t("未计豁免得分", "Score without waivers")))</dt><dd>\(e(text.score(raw)))</dd>\n"
        }
        if let scale = result.scaleScore {
            let maximum = result.scaleMax.map { " / " + AssessmentTable.fixed($0, 0) } ?? ""
            html += "<dt>\(e(text.t("量表得分", "Scale score")))</dt><dd>\(e(AssessmentTable.fixed(scale, 2) + maximum))</dd>\n"
        }
        html += "<dt>\(e(text.t("证据覆盖率", "Evidence coverage")))</dt><dd>\(e(text.percent(result.coverage)))</dd>\n"
        if let shares = text.levelShareList(result.levelScores, descriptor: descriptor) {
            let list = shares.map { "<span class=\"nowrap\">\(e($0))</span>" }.joined(separator: " · ")
            html += "<dt>\(e(text.t("各等级达成占比", "Share attaining each level")))</dt><dd class=\"small\">\(list)</dd>\n"
        }
        html += "</dl>\n</div>\n<div>\n"
        let dimensions = section.dimensions
        if dimensions.isEmpty {
            html += "<p class=\"muted small\">\(e(text.t("该评价规则没有分维度得分。", "This rubric has no dimension scores.")))</p>\n"
        } else {
            html += SVGChart.radar(dimensions.map { SVGChart.Axis(label: $0.title.text(language), value: $0.score) },
                                   title: text.t("各维度得分", "Score by dimension") + " · " + result.rubric.title.text(language),
                                   missing: text.t("无证据", "no evidence"))
            html += "\n"
        }
        html += "</div>\n</div>\n"

        html += improvementPlan(section, text)
        html += findings(section, text)
        html += coverage(section, text)

        // The grading rule, the version and the provenance.
        html += "<h3>\(e(text.t("评级规则", "Grading rule")))</h3>\n"
        html += "<p>\(e(result.model.ruleText(maxRank: descriptor?.maxRank ?? 0).text(language)))</p>\n"
        if result.tailoring != "{}" {
            html += "<p class=\"small\">\(e(text.t("本工作区的剪裁：", "Tailoring in this workspace: ")))<code>\(e(result.tailoring))</code></p>\n"
        }
        html += "<h3>\(e(text.t("规则版本与来源", "Rubric version and provenance")))</h3>\n"
        html += "<p class=\"small\">\(e(result.rubric.id)) · \(e(text.t("版本", "version"))) \(e(result.rubric.version)) · \(e(text.t("内容哈希", "content hash"))) <code>\(e(String(result.rubric.hash.prefix(16))))</code></p>\n"
        if let provenance = descriptor?.provenance {
            if let statement = provenance.statement { html += "<p class=\"small\">\(e(statement.text(language)))</p>\n" }
            if !provenance.basis.isEmpty {
                html += HTML.table(header: [text.t("内容", "Part"), text.t("依据", "Basis"), text.t("出处与说明", "Source and note")],
                                   rows: provenance.basis.map { basis in
                                       [e(basis.part.text(language)), "<span class=\"status\">\(e(text.status(basis.status)))</span>",
                                        e([basis.source ?? "", text.text(basis.note)].filter { !$0.isEmpty }.joined(separator: " — "))]
                                   }, class: "small provenance")
                html += "<p class=\"small muted\">\(e(text.t("“通行说法”与“本项目假设”的内容均为可配置参数，评价机构可按官方文本调整。", "Parts marked recollection or assumption are configurable parameters an evaluation body can set to the official text.")))</p>\n"
            }
        } else {
            html += "<p class=\"small muted\">\(e(text.t("结果库中没有该规则版本的正文，来源说明从略。", "The store does not hold this rubric version's text; provenance is not shown.")))</p>\n"
        }
        if !result.notes.isEmpty {
            html += "<h3>\(e(text.t("说明", "Notes")))</h3>\n" + result.notes.map { "<p class=\"note\">\(e($0.text(language)))</p>\n" }.joined()
        }
        return html + "</section>\n"
    }

    func improvementPlan(_ section: EnterpriseReport.Section, _ text: ReportText) -> String {
        let e = HTML.escape
        let descriptor = section.descriptor
        var html = "<h3>\(e(text.t("改进计划：距下一等级的差距", "Improvement plan: the gap to the next level")))</h3>\n"
        guard let gap = section.result.gap else {
            return html + "<p class=\"muted\">\(e(text.t("该评价规则不提供差距分析。", "This rubric gives no gap analysis.")))</p>\n"
        }
        if let next = gap.nextLevel {
            html += "<p>\(e(text.t("目标等级：", "Target level: ")))<span class=\"badge\">\(e(next.name.text(language)))</span> — \(e(gap.reason.text(language)))</p>\n"
        } else if gap.items.isEmpty {
            html += "<p>\(e(text.t("没有未达要求的条款。", "No criterion falls short.")))</p>\n"
        } else {
            html += "<p>\(e(gap.reason.text(language)))</p>\n"
        }
        if let needed = gap.scoreNeeded {
            html += "<p>\(e(text.t("还需提高的分数：", "Score still needed: ")))\(e(AssessmentTable.fixed(needed, 1)))</p>\n"
        }
        guard !gap.items.isEmpty else { return html }
        if gap.liftCount > 0 {
            html += "<p class=\"small\">\(e(text.t("标有“优先”的 \(gap.liftCount) 项是按权重计最少、改进后即可提升一个等级的条款组合。", "The \(gap.liftCount) item(s) marked “first” are the smallest set, by weight, whose improvement lifts the enterprise one level.")))</p>\n"
        }
        var rows = ""
        // The lifting set in full, then the other shortfalls up to a page's worth; the JSON output lists every one.
        let shown = max(gap.liftCount, min(gap.items.count, gap.liftCount + Self.extraGapItems))
        for (index, item) in gap.items.prefix(shown).enumerated() {
            let lifting = index < gap.liftCount
            var marks: [String] = []
            if lifting { marks.append("<span class=\"badge lift\">\(e(text.t("优先", "first")))</span>") }
            if item.mustPass { marks.append("<span class=\"badge\">\(e(text.t("否决项", "must pass")))</span>") }
            var criterion = "<strong>\(e(item.criterion))</strong> \(e(item.title.text(language)))"
            if let requirement = item.requirement { criterion += "<br><span class=\"requirement\">\(e(requirement.text(language)))</span>" }
            rows += "<tr\(lifting ? " class=\"lift-row\"" : "")><td class=\"num\">\(index + 1)</td><td>\(criterion)</td>"
            rows += "<td>\(e(text.current(item, descriptor: descriptor)))</td><td>\(e(text.required(item, descriptor: descriptor)))</td>"
            rows += "<td class=\"num\">\(e(text.percent(item.weight)))</td><td>\(marks.joined(separator: " "))</td></tr>\n"
        }
        html += "<table class=\"gap\">\n<thead><tr><th class=\"num\">#</th><th>\(e(text.t("条款与要求", "Criterion and requirement")))</th><th>\(e(text.t("现状", "Now")))</th>"
        html += "<th>\(e(text.t("需达到", "Needed")))</th><th class=\"num\">\(e(text.t("权重", "Weight")))</th><th></th></tr></thead>\n<tbody>\n\(rows)</tbody>\n</table>\n"
        if gap.items.count > shown {
            html += "<p class=\"small muted\">\(e(text.t("另有 \(gap.items.count - shown) 项未达要求的条款未列出（见 --format json 或 md）。", "\(gap.items.count - shown) more criteria fall short (see --format json or md).")))</p>\n"
        }
        return html
    }

    func findings(_ section: EnterpriseReport.Section, _ text: ReportText) -> String {
        let e = HTML.escape
        var html = "<h3>\(e(text.t("发现与整改建议", "Findings and remediation")))</h3>\n"
        for group in section.findingsByDimension() {
            let counts = Dictionary(grouping: group.findings, by: \.outcome).mapValues(\.count)
            let summary = Outcome.allCases.compactMap { outcome in counts[outcome].map { "\(text.outcome(outcome)) \($0)" } }.joined(separator: " · ")
            let heading = group.dimension.isEmpty ? group.title.text(language) : "\(group.dimension) \(group.title.text(language))"
            html += "<h4>\(e(heading)) <span class=\"small muted\">\(e(summary))</span></h4>\n"
            let shown = group.findings.filter { [.notMet, .partial, .error, .waived].contains($0.outcome) }
            if shown.isEmpty {
                html += "<p class=\"small muted\">\(e(text.nothingToList(group.findings)))</p>\n"
                continue
            }
            let rows = shown.map { finding -> [String] in
                let evidence = finding.evidence.prefix(3).map(\.citation).joined(separator: "; ")
                var message = e(finding.message.text(language))
                if !evidence.isEmpty { message += "<br><span class=\"small muted cite\">\(e(evidence))</span>" }
                return ["<strong>\(e(finding.criterion))</strong> \(e(section.title(of: finding.criterion).text(language)))",
                        "<span class=\"outcome-\(finding.outcome.rawValue)\">\(e(text.outcome(finding.outcome)))</span>",
                        message, e(text.text(section.remediation(of: finding.criterion)))]
            }
            html += HTML.table(header: [text.t("条款", "Criterion"), text.t("结论", "Outcome"), text.t("说明与证据", "Finding and evidence"),
                                        text.t("整改建议", "Remediation")], rows: rows, class: "findings")
        }
        return html
    }

    func coverage(_ section: EnterpriseReport.Section, _ text: ReportText) -> String {
        let e = HTML.escape
        let result = section.result
        var html = "<h3>\(e(text.t("证据覆盖与缺失证据", "Evidence coverage and missing evidence")))</h3>\n"
        html += "<p>\(e(text.t("证据覆盖率（按权重）：", "Evidence coverage (by weight): ")))<strong>\(e(text.percent(result.coverage)))</strong></p>\n"
        let nodes = result.nodes.filter { $0.depth <= 1 }
        if !nodes.isEmpty {
            html += HTML.table(header: [text.t("维度 / 指标", "Dimension / indicator"), text.t("得分", "Score"), text.t("覆盖率", "Coverage")],
                               rows: nodes.map { node in
                                   let indent = node.depth > 0 ? "<span class=\"muted\">└ </span>" : ""
                                   return ["\(indent)\(e(node.criterion)) \(e(node.title.text(language)))", e(text.score(node.score)), e(text.percent(node.coverage))]
                               }, class: "small", numericColumns: [1, 2])
        }
        let missing = result.findings.filter { $0.outcome == .noEvidence }
        if missing.isEmpty {
            html += "<p class=\"small muted\">\(e(text.t("没有缺失证据的条款。", "No criterion lacks evidence.")))</p>\n"
        } else {
            html += "<p>\(e(text.t("以下 \(missing.count) 项缺少证据，请收集后重新评价：", "\(missing.count) criterion/criteria lack evidence; collect it and assess again:")))</p>\n<ul class=\"missing\">\n"
            for finding in missing {
                html += "<li><strong>\(e(finding.criterion))</strong> \(e(section.title(of: finding.criterion).text(language))) — \(e(finding.message.text(language)))</li>\n"
            }
            html += "</ul>\n"
        }
        return html
    }

    func review(_ report: EnterpriseReport, _ text: ReportText) -> String {
        guard !report.review.isEmpty else { return "" }
        let e = HTML.escape
        var html = "<section id=\"review\">\n<h2>\(e(text.t("需复核事项", "For review")))</h2>\n"
        for item in report.review { html += "<p class=\"note\">\(e(item.text(language)))</p>\n" }
        return html + "</section>\n"
    }

    func footer(_ report: EnterpriseReport, _ text: ReportText) -> String {
        let e = HTML.escape
        return "<footer>\(e(text.t("评价基准日 \(report.asOf) · 期间 \(report.period) · 由 qcap \(report.qcapVersion) 生成。本报告为自包含文件，不含脚本，不引用网络资源。", "As of \(report.asOf) · period \(report.period) · generated by qcap \(report.qcapVersion). This report is self-contained: no scripts, nothing fetched from the network.")))</footer>\n"
    }

    /// An id-safe anchor for a rubric id (ids are kebab-case already; anything else becomes "-").
    func anchor(_ id: String) -> String {
        String(id.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" })
    }
}
