/// Everything known about one enterprise, from every provider, with provenance.
///
/// Several facts may share a key: a self-assessment and an on-site rating, or several assessors' scores.
/// `resolve` decides which one counts and reports what it overrode or what conflicts, so no source wins silently.
public struct Evidence: Sendable {
    public var enterprise: Enterprise
    private var byKey: [String: [Fact]]

    /// The evidence of one enterprise; facts may repeat a key (several sources).
    public init(enterprise: Enterprise, facts: [Fact] = []) {
        self.enterprise = enterprise
        self.byKey = [:]
        byKey.reserveCapacity(facts.count)
        for fact in facts { add(fact) }
    }

    /// Adds a fact beside any others with its key.
    public mutating func add(_ fact: Fact) {
        byKey[fact.key, default: []].append(fact)
    }

    /// Adds facts beside any others with their keys.
    public mutating func add(contentsOf facts: [Fact]) {
        for fact in facts { add(fact) }
    }

    /// All facts for a key, in the order the providers supplied them.
    public func facts(_ key: String) -> [Fact] {
        byKey[key] ?? []
    }

    public var keys: Dictionary<String, [Fact]>.Keys { byKey.keys }
    public var factCount: Int { byKey.values.reduce(0) { $0 + $1.count } }

    /// The value that counts for a key, or nil when no source supplied it.
    public func resolve(_ key: String) -> Resolution? {
        guard let facts = byKey[key], let first = facts.first else { return nil }
        if facts.count == 1 { return Resolution(fact: first, overridden: [], conflicting: []) }
        let top = facts.map(\.provenance.source.priority).max() ?? 0
        let winners = facts.filter { $0.provenance.source.priority == top }
        let chosen = winners[0]
        let conflicting = winners.dropFirst().filter { $0.value != chosen.value }
        let overridden = facts.filter { $0.provenance.source.priority < top && $0.value != chosen.value }
        return Resolution(fact: chosen, overridden: overridden, conflicting: Array(conflicting))
    }
}

/// The outcome of resolving one fact key across sources.
public struct Resolution: Sendable {
    /// The fact that counts (highest-priority source; the first such when several agree).
    public var fact: Fact
    /// Lower-priority facts with a different value (e.g. a self-assessment the on-site review corrected).
    public var overridden: [Fact]
    /// Facts of the same priority with a different value: a conflict the evaluator must settle.
    public var conflicting: [Fact]

    public var value: FactValue { fact.value }
    public var hasConflict: Bool { !conflicting.isEmpty }
}
