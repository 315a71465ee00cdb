/// What `qcap init --example` asks of a rubric for one synthetic enterprise.
public struct ExampleRequest: Sendable {
    public var enterprise: Enterprise
    /// The enterprise's latent quality, 0–1: rubrics spread their evidence around it so the region shows a
    /// plausible spread of levels.
    public var quality: Double
    public var asOf: Day
    /// Whether this enterprise also gets on-site ratings (which then win over its self-assessment).
    public var onSite: Bool
    /// How often a fact is deliberately left out (missing evidence must show up as noEvidence, never as zero).
    public var missingRate: Double

    public init(enterprise: Enterprise, quality: Double, asOf: Day, onSite: Bool, missingRate: Double) {
        self.enterprise = enterprise
        self.quality = quality
        self.asOf = asOf
        self.onSite = onSite
        self.missingRate = missingRate
    }
}

/// A rubric's synthetic evidence for one enterprise: facts per source, and rows of extra files (a registry export).
public struct ExampleContribution: Sendable {
    /// Evidence documents: source → facts.
    public var facts: [Provenance.Source: [String: JSONValue]]
    /// Extra table files, by file name: rows to append under `header`.
    public var tables: [String: ExampleTable]

    public init(facts: [Provenance.Source: [String: JSONValue]] = [:], tables: [String: ExampleTable] = [:]) {
        self.facts = facts
        self.tables = tables
    }
}

/// Rows of a synthetic table file, and the workspace source that reads it.
public struct ExampleTable: Sendable {
    public var header: [String]
    public var rows: [[String]]
    /// The provider id that reads the file (added to `qcap.json`'s sources).
    public var provider: String

    public init(header: [String], rows: [[String]], provider: String) {
        self.header = header
        self.rows = rows
        self.provider = provider
    }
}

/// Synthesises evidence from a descriptor alone, so every rubric — including data rubrics added later — gets
/// example data for free. Modules override `Rubric.exampleEvidence` for what a descriptor cannot say (certificates).
public enum GenericExampleSynthesizer {
    /// Facts for every rule criterion of `descriptor` (probe criteria are the module's to synthesise), spread around the enterprise's quality.
    public static func synthesize(_ descriptor: RubricDescriptor, request: ExampleRequest,
                                  random: inout SeededGenerator) -> ExampleContribution {
        var selfFacts: [String: JSONValue] = [:]
        var onSiteFacts: [String: JSONValue] = [:]
        let maxRank = max(descriptor.maxRank, 1)
        for (criterion, _, _) in descriptor.allCriteria() where criterion.isLeaf {
            guard let spec = criterion.evidence, spec.probe == nil else { continue }
            if let applicability = criterion.applicability, selfFacts[applicability.fact] == nil {
                // Most enterprises have the profile a criterion asks for; some do not, which shows notApplicable.
                let applies = random.unit() < 0.85
                selfFacts[applicability.fact] = applies ? firstAllowed(applicability.equals) : .string("other")
            }
            if random.unit() < request.missingRate { continue }
            let key = spec.fact ?? "\(descriptor.factPrefix).\(criterion.id)"
            let quality = min(1, max(0, random.normal(mean: request.quality, deviation: 0.15)))
            guard let value = value(for: spec, criterion: criterion, descriptor: descriptor, quality: quality, maxRank: maxRank) else { continue }
            selfFacts[key] = value
            if request.onSite, spec.type == .level, case .number(let rank) = value {
                // On-site reviewers are stricter than self-assessment about a third of the time.
                let corrected = random.unit() < 0.35 ? max(1, rank - 1) : rank
                onSiteFacts[key] = .number(corrected)
            }
        }
        var facts: [Provenance.Source: [String: JSONValue]] = [.selfAssessment: selfFacts]
        if !onSiteFacts.isEmpty { facts[.onSite] = onSiteFacts }
        return ExampleContribution(facts: facts)
    }

    static func firstAllowed(_ equals: JSONValue) -> JSONValue {
        if case .array(let values) = equals, let first = values.first { return first }
        return equals
    }

    static func value(for spec: EvidenceSpec, criterion: Criterion, descriptor: RubricDescriptor, quality: Double, maxRank: Int) -> JSONValue? {
        switch spec.type {
        case .level:
            return .number(Double(min(maxRank, max(1, Int((quality * Double(maxRank)).rounded(.up))))))
        case .answer:
            guard let set = spec.answerSet.flatMap(descriptor.answerSet) else { return nil }
            // Requirements of higher levels are harder: the answer drops with the level the requirement belongs to.
            let difficulty = criterion.level.map { Double($0 - 1) / Double(maxRank) } ?? 0
            let target = min(1, max(0, quality * 1.25 - difficulty))
            let best = set.options.min { abs($0.score - target) < abs($1.score - target) }
            return best.map { .string($0.value) }
        case .bool:
            return .bool(quality > 0.35)
        case .percentage:
            return .number((quality * 20).rounded() * 5)
        case .number:
            return number(for: spec.rule, quality: quality)
        case .date, .text, .records:
            return nil
        }
    }

    /// A number that lands where the rule would place an enterprise of this quality.
    static func number(for rule: Rule?, quality: Double) -> JSONValue? {
        guard let rule else { return nil }
        let higher = (rule.direction ?? .higher) == .higher
        switch rule.kind {
        case .threshold:
            guard let met = rule.met else { return nil }
            let partial = rule.partial ?? met
            let span = abs(met - partial) + abs(met) * 0.02 + 0.01
            let offset = (quality - 0.6) * 2 * span
            return .number(rounded(higher ? met + offset : met - offset))
        case .levelThresholds:
            let sorted = (rule.thresholds ?? [:]).compactMap { key, value in Int(key).map { ($0, value) } }.sorted { $0.0 < $1.0 }
            guard let first = sorted.first, let last = sorted.last else { return nil }
            let position = quality * Double(sorted.count)
            let low = first.1 - (sorted.count > 1 ? (sorted[1].1 - first.1) : 0.01)
            let points = [low] + sorted.map(\.1)
            let index = min(points.count - 1, max(0, Int(position)))
            let next = index + 1 < points.count ? points[index + 1] : last.1 + (last.1 - low) / Double(points.count)
            let fraction = position - Double(index)
            return .number(rounded(points[index] + (next - points[index]) * fraction * 0.9))
        case .linear:
            let low = rule.min ?? 0, high = rule.max ?? 1
            return .number(rounded(higher ? low + (high - low) * quality : high - (high - low) * quality))
        case .level, .bool:
            return nil
        }
    }

    static func rounded(_ value: Double) -> Double {
        (value * 10_000).rounded() / 10_000
    }
}
