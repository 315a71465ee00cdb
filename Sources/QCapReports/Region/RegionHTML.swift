import QCapCore

/// `qcap region --format html` (and `--list`): one self-contained page (inline CSS and SVG, no scripts, nothing
/// fetched). The site (`qcap site`) renders the same tables with links to its group and enterprise pages.
public struct RegionHTML {
    public let language: Language
    /// Where an enterprise's or a group's page is, for the site; nil on a standalone page (no links).
    public var links: Links?

    public struct Links: Sendable {
        public var enterprise: @Sendable (String) -> String?
        public var group: @Sendable (String) -> String?
        public var chain: @Sendable (String) -> String?
        public init(enterprise: @escaping @Sendable (String) -> String?, group: @escaping @Sendable (String) -> String?,
                    chain: @escaping @Sendable (String) -> String? = { _ in nil }) {
            self.enterprise = enterprise
            self.group = group
            self.chain = chain
        }
    }

    public init(language: Language = .zh, links: Links? = nil) {
        self.language = language
        self.links = links
    }

    public func render(_ report: RegionReport) -> String {
        let text = RegionText(language: language)
        let e = HTML.escape
        var body = "<header>\n<h1>\(e(text.title(report)))</h1>\n<p class=\"muted\">\(e(text.subtitle(report)))</p>\n</header>\n"
        body += sections(report)
        body += "<footer>\(e(text.footer))</footer>\n"
        return HTML.document(title: text.title(report), language: language, css: HTML.baseCSS + Self.css, body: body)
    }

    /// The statistics, level charts, tables and notes of a report, without the page around them.
    public func sections(_ report: RegionReport) -> String {
        let text = RegionText(language: language)
        let e = HTML.escape
        var body = ""
        let charts = levelCharts(report)
        if !charts.isEmpty {
            body += "<section id=\"level-charts\">\n<h2>\(e(text.t("等级分布", "Level distribution")))</h2>\n<div class=\"figures\">\n\(charts)</div>\n</section>\n"
        }
        for table in RegionTables.tables(report) {
            body += "<section id=\"\(e(table.id))\">\n" + render(table) + "</section>\n"
        }
        for item in report.omitted { body += "<p class=\"note\">\(e(text.omitted(item)))</p>\n" }
        for note in report.notes { body += "<p class=\"note\">\(e(note.text(language)))</p>\n" }
        return body
    }

    /// Bars of the whole region's level counts, one chart per graded rubric.
    public func levelCharts(_ report: RegionReport) -> String {
        guard let whole = report.groups.first else { return "" }
        var html = ""
        for rubric in report.rubrics where !rubric.levels.isEmpty {
            let assessed = whole.figures["assessed.\(rubric.id)"] ?? 0
            var bars: [SVGChart.Bar] = rubric.levels.map { level in
                let count = whole.figures["level.\(rubric.id).\(level.id)"] ?? 0
                return SVGChart.Bar(label: level.name.text(language), value: Double(count),
                                    caption: "\(count) · \(RegionTable.percent(assessed > 0 ? Double(count) / Double(assessed) : 0))",
                                    color: ComparisonHTML.levelColors[min(ComparisonHTML.levelColors.count - 1, max(0, level.rank))])
            }
            let none = whole.figures["level.\(rubric.id).none"] ?? 0
            bars.append(SVGChart.Bar(label: language == .zh ? "未定级" : "no level", value: Double(none),
                                     caption: "\(none) · \(RegionTable.percent(assessed > 0 ? Double(none) / Double(assessed) : 0))",
                                     color: ComparisonHTML.levelColors[0]))
            let maximum = Double(bars.map(\.value).max() ?? 0)
            let title = rubric.title.text(language)
            html += "<div>\n<h3>\(HTML.escape(title))</h3>\n" + SVGChart.bars(bars, maximum: maximum, title: title, width: 340) + "\n</div>\n"
        }
        return html
    }

    public func render(_ list: RegionMemberList) -> String {
        let table = list.table
        let body = "<h1>\(HTML.escape(table.title.text(language)))</h1>\n" + render(table, heading: false)
        return HTML.document(title: table.title.text(language), language: language, css: HTML.baseCSS + Self.css, body: body)
    }

    /// One table; enterprise and group cells link to their pages when `links` says where they are.
    public func render(_ table: RegionTable, heading: Bool = true) -> String {
        let e = HTML.escape
        var html = heading ? "<h2>\(e(table.title.text(language)))</h2>\n" : ""
        let numeric = Set(table.columns.indices.filter { table.columns[$0].numeric })
        let rows = table.rows.map { row in row.map(cell) }
        html += HTML.table(header: table.columns.map { $0.title.text(language) }, rows: rows, class: "region", numericColumns: numeric)
        if let note = table.note { html += "<p class=\"small muted\">\(e(note.text(language)))</p>\n" }
        return html
    }

    func cell(_ cell: RegionTable.Cell) -> String {
        let e = HTML.escape
        switch cell {
        case .enterprise(let name, let id):
            if let href = links?.enterprise(id) { return "<a href=\"\(e(href))\">\(e(name))</a>" }
            return e(name)
        case .group(let name, let key):
            if let href = links?.group(key) { return "<a href=\"\(e(href))\">\(e(name.text(language)))</a>" }
            return e(name.text(language))
        case .chain(let name, let id):
            if let href = links?.chain(id) { return "<a href=\"\(e(href))\">\(e(name.text(language)))</a>" }
            return e(name.text(language))
        default:
            return e(cell.text(language))
        }
    }

    static let css = """

    table.region td { font-size: 8.5pt; }
    table.region th { white-space: normal; }
    a { color: var(--accent); }
    nav.crumbs { font-size: 9pt; margin-bottom: 3mm; color: var(--muted); }
    nav.crumbs a { color: var(--accent); }
    nav.pages { margin: 2mm 0 4mm; font-size: 9pt; }
    nav.pages a, nav.pages span { display: inline-block; padding: 0.5mm 2mm; margin: 0 1mm 1mm 0; border: 1px solid var(--line); border-radius: 1mm; }
    nav.pages span.current { background: var(--accent); color: #fff; border-color: var(--accent); }
    ul.links { columns: 3; padding-left: 5mm; }
    """
}
