import QCapCore

/// `qcap region --format md` (and `--list`): every table as GitHub-flavoured Markdown.
public struct RegionMarkdown {
    public let language: Language
    public init(language: Language = .zh) { self.language = language }

    public func render(_ report: RegionReport) -> String {
        let text = RegionText(language: language)
        var out = "# \(Markdown.escape(text.title(report)))\n\n\(Markdown.escape(text.subtitle(report)))\n"
        for table in RegionTables.tables(report) { out += "\n" + render(table) }
        for item in report.omitted { out += "\n> " + Markdown.escape(text.omitted(item)) + "\n" }
        for note in report.notes { out += "\n> " + Markdown.escape(note.text(language)) + "\n" }
        out += "\n" + Markdown.escape(text.footer) + "\n"
        return out
    }

    public func render(_ list: RegionMemberList) -> String {
        "# " + Markdown.escape(list.table.title.text(language)) + "\n\n" + render(list.table, heading: false)
    }

    public func render(_ table: RegionTable, heading: Bool = true) -> String {
        var out = heading ? "## \(Markdown.escape(table.title.text(language)))\n\n" : ""
        let numeric = Set(table.columns.indices.filter { table.columns[$0].numeric })
        out += Markdown.table(table.columns.map { $0.title.text(language) }, table.rows.map { $0.map { $0.text(language) } }, numeric: numeric)
        if let note = table.note { out += "\n" + Markdown.escape(note.text(language)) + "\n" }
        return out
    }
}
