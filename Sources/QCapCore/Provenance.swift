/// Where a fact came from: the provider, the file and the place in it, and what kind of source it is.
///
/// Every finding can be traced back to a file and a line, so an evaluator can defend a grade to the enterprise.
public struct Provenance: Sendable, Hashable, Codable {
    /// What kind of source a fact is; the kind decides which value wins when sources disagree.
    public enum Source: String, Sendable, Hashable, Codable, CaseIterable {
        case selfAssessment = "self"
        case survey
        case declared
        case registry
        case assessor
        case onSite = "onsite"
        case roster

        /// Higher wins. On-site review beats every claim; a registry beats what the enterprise declares.
        public var priority: Int {
            switch self {
            case .roster: return 0
            case .selfAssessment: return 1
            case .declared: return 1
            case .survey: return 2
            case .registry: return 3
            case .assessor: return 3
            case .onSite: return 4
            }
        }
    }

    public var provider: String
    public var file: String
    /// 1-based physical line in the file, when the format has lines.
    public var line: Int?
    /// 1-based data row (header excluded) for tables.
    public var row: Int?
    /// The cell in A1 notation (`D17`) when the fact comes from a workbook sheet; `file` then names the sheet too
    /// (`certificates.xlsx[证书]`), and `line` is nil: a sheet has rows, not lines.
    public var cell: String?
    public var source: Source
    /// The assessor who gave a score, for team-scored rubrics.
    public var assessor: String?
    /// The assessment round (individual, consensus, siteVisit) for team-scored rubrics.
    public var round: String?

    /// Where a fact comes from: the provider, the file and line or row, the kind of source, and the assessor and round when known.
    public init(provider: String, file: String, line: Int? = nil, row: Int? = nil, cell: String? = nil, source: Source,
                assessor: String? = nil, round: String? = nil) {
        self.provider = provider
        self.file = file
        self.line = line
        self.row = row
        self.cell = cell
        self.source = source
        self.assessor = assessor
        self.round = round
    }

    /// `evidence/x.json:12`, `certificates.csv:5 row 4`, `certificates.xlsx[证书]!D17`: how reports cite a fact.
    public var citation: String {
        var text = file
        if let line { text += ":\(line)" }
        if let cell {
            // The cell names the row already; a data row number beside it would only confuse.
            text += "!\(cell)"
        } else if let row {
            text += " row \(row)"
        }
        if let assessor { text += " [\(assessor)\(round.map { "/" + $0 } ?? "")]" }
        return text
    }
}
