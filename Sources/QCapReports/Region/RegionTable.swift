import QCapCore

/// A table of the region's view as every renderer shares it (terminal, Markdown, HTML, the site, and a spreadsheet
/// writer): typed cells, titles in both languages, so a new format renders the same rows without recomputing them.
public struct RegionTable: Sendable {
    public struct Column: Sendable {
        public var title: LocalizedText
        public var numeric: Bool
        public init(_ title: LocalizedText, numeric: Bool = false) {
            self.title = title
            self.numeric = numeric
        }
    }

    public enum Cell: Sendable, Equatable {
        case text(String)
        case label(LocalizedText)
        /// A figure's value; `figure` is its id (the site and spreadsheets may link or annotate it).
        case count(Int, figure: String?)
        /// A count with its share of the figure's denominator, shown "12 · 30.0%".
        case countShare(Int, share: Double?, figure: String?)
        /// 0–1, shown as a percentage.
        case share(Double?)
        case number(Double?, decimals: Int)
        /// An enterprise's name; the site links it to the enterprise's page.
        case enterprise(String, id: String)
        /// A group's name; the site links it to the group's page.
        case group(LocalizedText, key: String)
        /// A quality chain's name; the site links it to the chain's page.
        case chain(LocalizedText, id: String)
        case empty

        /// The cell as plain text.
        public func text(_ language: Language) -> String {
            switch self {
            case .text(let text): return text
            case .label(let text): return text.text(language)
            case .count(let count, _): return String(count)
            case .countShare(let count, let share, _):
                return share.map { "\(count) · \(RegionTable.percent($0))" } ?? String(count)
            case .share(let share): return share.map(RegionTable.percent) ?? "—"
            case .number(let value, let decimals): return value.map { AssessmentTable.fixed($0, decimals) } ?? "—"
            case .enterprise(let name, _): return name
            case .group(let name, _), .chain(let name, _): return name.text(language)
            case .empty: return ""
            }
        }
    }

    public var id: String
    public var title: LocalizedText
    public var columns: [Column]
    public var rows: [[Cell]]
    public var note: LocalizedText?

    public init(id: String, title: LocalizedText, columns: [Column], rows: [[Cell]], note: LocalizedText? = nil) {
        self.id = id
        self.title = title
        self.columns = columns
        self.rows = rows
        self.note = note
    }

    static func percent(_ share: Double) -> String {
        AssessmentTable.fixed(share * 100, 1) + "%"
    }
}
