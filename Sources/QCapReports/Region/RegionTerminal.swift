import QCapCore

/// `qcap region` (and `--list`) on a terminal: each table as aligned columns (CJK counted double-width), long labels
/// shortened so a table fits about 110 columns.
public struct RegionTerminal {
    public let language: Language
    public init(language: Language = .zh) { self.language = language }

    /// The widest a text column may be.
    static let labelWidth = 28
    static let lastColumnWidth = 48

    public func render(_ report: RegionReport) -> String {
        let text = RegionText(language: language)
        var out = text.title(report) + "\n" + text.subtitle(report) + "\n"
        for table in RegionTables.tables(report) { out += "\n" + render(table) }
        for item in report.omitted { out += "\n" + wrapped(text.omitted(item)) }
        for note in report.notes { out += "\n" + wrapped(note.text(language)) }
        out += "\n" + wrapped(text.footer)
        return out
    }

    public func render(_ list: RegionMemberList) -> String {
        render(list.table)
    }

    public func render(_ table: RegionTable) -> String {
        var out = table.title.text(language) + "\n"
        var rows = [table.columns.map { $0.title.text(language) }]
        for row in table.rows {
            rows.append(row.enumerated().map { index, cell in
                let value = cell.text(language)
                let numeric = index < table.columns.count && table.columns[index].numeric
                // The last column has the rest of the line (a gap, a list's detail).
                return numeric ? value : DisplayWidth.truncate(value, to: index == row.count - 1 ? Self.lastColumnWidth : Self.labelWidth)
            })
        }
        let count = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: count)
        for row in rows { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], DisplayWidth.of(cell)) } }
        for (number, row) in rows.enumerated() {
            var line = "  "
            for (index, cell) in row.enumerated() {
                let numeric = index < table.columns.count && table.columns[index].numeric
                line += DisplayWidth.pad(cell, to: widths[index], alignment: numeric ? .right : .left) + "  "
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
            if number == 0 { out += "  " + String(repeating: "─", count: max(0, widths.reduce(0, +) + 2 * (widths.count - 1))) + "\n" }
        }
        if let note = table.note { out += wrapped(note.text(language)) }
        return out
    }

    /// A paragraph in lines of at most `noteWidth` columns.
    func wrapped(_ paragraph: String) -> String {
        DisplayWidth.wrap(paragraph, width: Self.noteWidth).map { $0 + "\n" }.joined()
    }

    static let noteWidth = 100
}
