/// A node of the criterion tree: a dimension, an indicator or a requirement.
/// Inner nodes have `children`; leaves have `evidence`.
public struct Criterion: Sendable, Codable {
    public var id: String
    public var title: LocalizedText
    public var weight: Double?
    public var mustPass: Bool?
    /// The scale rank this requirement belongs to, for rubrics written per level.
    public var level: Int?
    public var evidence: EvidenceSpec?
    public var applicability: Applicability?
    /// Requirement descriptor per level rank ("1"…"N"), for criteria rated on the whole scale.
    public var levels: [String: LocalizedText]?
    public var remediation: LocalizedText?
    public var examples: [Example]?
    public var children: [Criterion]?

    public var isLeaf: Bool { (children ?? []).isEmpty }
    public var effectiveWeight: Double { weight ?? 1 }

    /// The requirement descriptor of a level rank, for criteria rated on the whole scale.
    public func requirement(atLevel rank: Int) -> LocalizedText? {
        levels?[String(rank)]
    }
}

/// What a leaf criterion needs and how its value becomes an outcome.
public struct EvidenceSpec: Sendable, Codable {
    /// The kind of value the evidence holds; date, text and records need a probe.
    public enum ValueType: String, Sendable, Codable, CaseIterable {
        case level, answer, bool, number, percentage, date, text, records
    }
    public var type: ValueType
    public var fact: String?
    public var answerSet: String?
    public var rule: Rule?
    public var probe: String?
    public var description: LocalizedText?
}

/// How a value becomes an outcome and a score, for the built-in value types.
public struct Rule: Sendable, Codable {
    /// Which rule: see docs/rubric-format.md for each.
    public enum Kind: String, Sendable, Codable {
        case level, bool, threshold, levelThresholds, linear
    }
    /// Whether a higher or a lower number is better.
    public enum Direction: String, Sendable, Codable {
        case higher, lower
    }
    public var kind: Kind
    public var metAt: Int?
    public var expect: Bool?
    public var direction: Direction?
    public var met: Double?
    public var partial: Double?
    public var thresholds: [String: Double]?
    public var min: Double?
    public var max: Double?
}

/// When a criterion applies: if the fact is present and its value is not among `equals`, it is notApplicable.
public struct Applicability: Sendable, Codable {
    public var fact: String
    public var equals: JSONValue

    /// Whether the criterion applies, given the applicability fact's value.
    public func applies(to value: JSONValue) -> Bool {
        if case .array(let allowed) = equals { return allowed.contains(value) }
        return value == equals
    }
}

/// Evidence that must give a stated outcome. Examples run as tests, in `qcap rubrics validate`, and in the docs.
public struct Example: Sendable, Codable {
    public var facts: [String: JSONValue]?
    public var outcome: Outcome
    public var score: Double?
    public var level: Int?
    public var note: LocalizedText?
}
