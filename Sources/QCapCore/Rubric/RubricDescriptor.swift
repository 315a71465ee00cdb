/// A rubric as data: everything needed to score, explain and document it. This is the JSON format of
/// `docs/rubric-format.md`; a data-only rubric is nothing but this.
public struct RubricDescriptor: Sendable, Codable {
    public var id: String
    public var version: String
    /// The Swift module that embeds this file and supplies its probes; nil for data rubrics.
    public var module: String?
    public var title: LocalizedText
    /// A label of a few characters for narrow places (the `qcap assess` table); the title when absent.
    public var shortTitle: LocalizedText?
    public var summary: LocalizedText?
    public var factPrefix: String
    public var provenance: RubricProvenance
    public var scale: Scale?
    public var scoring: ScoringSpec
    public var parameters: [String: Parameter]?
    public var answerSets: [AnswerSet]?
    public var criteria: [Criterion]

    /// SHA-256 of the canonical (RFC 8785) JSON of the file: two results are comparable only when it matches.
    /// Set by the loader; not part of the JSON.
    public var contentHash: String = ""

    enum CodingKeys: String, CodingKey {
        case id, version, module, title, shortTitle, summary, factPrefix, provenance, scale, scoring, parameters, answerSets, criteria
    }

    /// The short title, or the title when the rubric has none.
    public var label: LocalizedText { shortTitle ?? title }

    public var levels: [ScaleLevel] { scale?.levels ?? [] }
    public var maxRank: Int { levels.map(\.rank).max() ?? 0 }

    /// The level of a rank (1 is the lowest), or nil when the scale has no such rank.
    public func level(rank: Int) -> ScaleLevel? {
        levels.first { $0.rank == rank }
    }

    /// The answer set an `answer` criterion names, or nil.
    public func answerSet(_ id: String) -> AnswerSet? {
        answerSets?.first { $0.id == id }
    }

    /// The default value of a parameter, before tailoring (probes read the tailored one from `ProbeInput`).
    public func parameter(_ name: String) -> JSONValue? {
        parameters?[name]?.value
    }

    /// Every criterion in depth-first order, with its JSON path in the file (for diagnostics).
    public func allCriteria() -> [(criterion: Criterion, path: String, depth: Int)] {
        var result: [(Criterion, String, Int)] = []
        func walk(_ nodes: [Criterion], _ path: String, _ depth: Int) {
            for (index, node) in nodes.enumerated() {
                let nodePath = JSONPath.appending(index: index, to: path)
                result.append((node, nodePath, depth))
                walk(node.children ?? [], JSONPath.appending(key: "children", to: nodePath), depth + 1)
            }
        }
        walk(criteria, "$.criteria", 0)
        return result
    }

    public var leafCount: Int { allCriteria().filter { $0.criterion.isLeaf }.count }

    /// The criterion with this id, at any depth.
    public func criterion(_ id: String) -> Criterion? {
        allCriteria().first { $0.criterion.id == id }?.criterion
    }
}

/// What parts of a rubric follow a published source and what was drafted here.
public struct RubricProvenance: Sendable, Codable {
    /// One part of the rubric and where it comes from.
    public struct Basis: Sendable, Codable {
        /// sourced (a public document, named in `source`), recollection, assumption, drafted or unknown.
        public enum Status: String, Sendable, Codable, CaseIterable {
            case sourced, recollection, assumption, drafted, unknown
        }
        public var part: LocalizedText
        public var status: Status
        public var source: String?
        /// Bilingual, or one plain string when the note is the same in both languages (a citation, a number).
        public var note: LocalizedText?

        enum CodingKeys: String, CodingKey { case part, status, source, note }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            part = try container.decode(LocalizedText.self, forKey: .part)
            status = try container.decode(Status.self, forKey: .status)
            source = try container.decodeIfPresent(String.self, forKey: .source)
            if let plain = try? container.decodeIfPresent(String.self, forKey: .note) {
                note = LocalizedText(plain)
            } else {
                note = try container.decodeIfPresent(LocalizedText.self, forKey: .note)
            }
        }
    }
    public var statement: LocalizedText?
    public var basis: [Basis]
}

/// The levels of a rubric, low to high.
public struct Scale: Sendable, Codable {
    public var levels: [ScaleLevel]
}

/// One level: its rank (1…N), id, name and optional description.
public struct ScaleLevel: Sendable, Codable, Hashable {
    public var rank: Int
    public var id: String
    public var name: LocalizedText
    public var description: LocalizedText?
}

/// The `scoring` object: the model and its parameters.
public struct ScoringSpec: Sendable, Codable {
    public var model: ScoringModel.Kind
    public var threshold: Double?
    public var bands: [Band]?
    public var maxPoints: Double?

    /// A score from `min` up (0–100, or points) gives `level`.
    public struct Band: Sendable, Codable, Hashable {
        public var min: Double
        public var level: Int
    }
}

/// A named value a probe or rule reads, with where its default comes from.
public struct Parameter: Sendable, Codable {
    public var value: JSONValue
    public var status: RubricProvenance.Basis.Status?
    public var description: LocalizedText?
    public var source: String?
}

/// A named answer scale such as full / most / partial / none (1 / 0.8 / 0.5 / 0).
public struct AnswerSet: Sendable, Codable {
    /// One answer: its value, score 0–1, label and the aliases evidence may use instead.
    public struct Option: Sendable, Codable {
        public var value: String
        public var score: Double
        public var label: LocalizedText
        public var aliases: [String]?
    }
    public var id: String
    public var options: [Option]
    /// Every accepted spelling (value, alias, score as text) → score; built once so scoring a cohort is a lookup.
    private var lookup: [String: Double] = [:]

    enum CodingKeys: String, CodingKey { case id, options }

    public init(id: String, options: [Option]) {
        self.id = id
        self.options = options
        lookup = Self.buildLookup(options)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try container.decode(String.self, forKey: .id), options: try container.decode([Option].self, forKey: .options))
    }

    static func buildLookup(_ options: [Option]) -> [String: Double] {
        var lookup: [String: Double] = [:]
        for option in options {
            lookup[String(option.score)] = lookup[String(option.score)] ?? option.score
            lookup[option.score.formatted] = lookup[option.score.formatted] ?? option.score
            for alias in option.aliases ?? [] where lookup[alias] == nil { lookup[alias] = option.score }
        }
        for option in options { lookup[option.value] = option.score }
        return lookup
    }

    /// The score of an answer given as the value, an alias, or the score itself.
    public func score(of answer: JSONValue) -> Double? {
        switch answer {
        case .number(let number):
            return options.contains { $0.score == number } ? number : nil
        case .string(let text):
            if let score = lookup[text] { return score }
            let trimmed = text.trimmedWhitespace
            return trimmed == text ? nil : lookup[trimmed]
        default:
            return nil
        }
    }

    public var expectedForm: String {
        options.map { "\($0.value) (\($0.score.formatted))" }.joined(separator: ", ")
    }
}

extension Double {
    /// `1`, `0.8`: how scores read in messages.
    public var formatted: String {
        if self == rounded() && abs(self) < 1e15 { return String(Int64(self)) }
        return String(self)
    }
}
