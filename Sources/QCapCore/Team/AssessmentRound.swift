import Foundation

/// The round of a team-scored assessment a score belongs to.
///
/// An evaluation body scores an applicant in rounds: each assessor alone, then the team in a consensus meeting,
/// then after a site visit. Later rounds settle earlier ones, so the round decides which score counts.
public enum AssessmentRound: String, Sendable, CaseIterable, Codable, Comparable {
    case individual
    case consensus
    case siteVisit

    /// Later rounds rank higher: a site-visit score settles the consensus, which settles individual scores.
    public var order: Int {
        switch self {
        case .individual: return 0
        case .consensus: return 1
        case .siteVisit: return 2
        }
    }

    public static func < (lhs: AssessmentRound, rhs: AssessmentRound) -> Bool { lhs.order < rhs.order }

    public var label: LocalizedText {
        switch self {
        case .individual: return LocalizedText(zh: "独立评分", en: "individual")
        case .consensus: return LocalizedText(zh: "共识评分", en: "consensus")
        case .siteVisit: return LocalizedText(zh: "现场评审", en: "site visit")
        }
    }

    /// The spellings accepted in evidence files and CSV columns, as users write them.
    public static let acceptedForms = "individual (独立评分), consensus (共识), siteVisit (现场评审)"

    /// The Chinese spellings exactly as tables write them, looked up before any normalisation (this runs per score).
    static let spellings: [String: AssessmentRound] = [
        "独立": .individual, "独立评分": .individual, "个人": .individual, "个人评分": .individual, "初评": .individual,
        "共识": .consensus, "共识评分": .consensus, "合议": .consensus, "合议评分": .consensus,
        "现场": .siteVisit, "现场评审": .siteVisit, "现场评价": .siteVisit, "现场评分": .siteVisit,
    ]

    /// Reads a round as written in a file; nil or blank means an individual score. Returns nil for an unknown word.
    public init?(parsing text: String?) {
        guard let text else { self = .individual; return }
        // The canonical spellings come first: evidence files written by tools use them, and this runs per score.
        if let exact = AssessmentRound(rawValue: text) ?? Self.spellings[text] { self = exact; return }
        let key = String(String.UnicodeScalarView(text.trimmedWhitespace.lowercased().unicodeScalars.filter { $0 != " " && $0 != "-" && $0 != "_" }))
        switch key {
        case "", "individual", "independent", "独立", "独立评分", "个人", "个人评分", "初评":
            self = .individual
        case "consensus", "共识", "共识评分", "合议", "合议评分":
            self = .consensus
        case "sitevisit", "site", "onsite", "现场", "现场评审", "现场评价", "现场评分":
            self = .siteVisit
        default:
            return nil
        }
    }
}
