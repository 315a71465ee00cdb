/// Everything known about one enterprise, from every provider, with provenance.
///
/// Several facts may share a key: a self-assessment and an on-site rating, or several assessors' scores.
/// `resolve` decides which one counts and reports what it overrode or what conflicts, so no source wins silently.
public struct Evidence: Sendable {
    public var enterprise: Enterprise
    /// Facts in the order supplied, with a per-key chain: `first[key]` is the first fact's index and `next[i]` the
    /// index of the next fact with the same key (-1 at the end). One flat array and one dictionary per enterprise
    /// instead of an array per key: evidence is rebuilt for every enterprise of a large cohort.
    private var all: [Fact] = []
    private var next: [Int32] = []
    private var first: [String: Int32] = [:]
    private var last: [String: Int32] = [:]

    /// The evidence of one enterprise; facts may repeat a key (several sources).
    public init(enterprise: Enterprise, facts: [Fact] = []) {
        self.enterprise = enterprise
        add(contentsOf: facts)
    }

    /// Adds a fact beside any others with its key.
    public mutating func add(_ fact: Fact) {
        let index = Int32(all.count)
        all.append(fact)
        next.append(-1)
        if let tail = last[fact.key] {
            next[Int(tail)] = index
        } else {
            first[fact.key] = index
        }
        last[fact.key] = index
    }

    /// Adds facts beside any others with their keys.
    public mutating func add(contentsOf facts: [Fact]) {
        all.reserveCapacity(all.count + facts.count)
        next.reserveCapacity(next.count + facts.count)
        first.reserveCapacity(first.count + facts.count)
        last.reserveCapacity(last.count + facts.count)
        for fact in facts { add(fact) }
    }

    /// All facts for a key, in the order the providers supplied them.
    public func facts(_ key: String) -> [Fact] {
        var result: [Fact] = []
        var index = first[key] ?? -1
        while index >= 0 {
            result.append(all[Int(index)])
            index = next[Int(index)]
        }
        return result
    }

    public var keys: Dictionary<String, Int32>.Keys { first.keys }
    public var factCount: Int { all.count }

    /// The value that counts for a key, or nil when no source supplied it.
    public func resolve(_ key: String) -> Resolution? {
        guard let head = first[key] else { return nil }
        let chosenFirst = all[Int(head)]
        if next[Int(head)] < 0 { return Resolution(fact: chosenFirst, overridden: [], conflicting: []) }
        let facts = self.facts(key)
        let top = facts.map(\.provenance.source.priority).max() ?? 0
        let winners = facts.filter { $0.provenance.source.priority == top }
        let chosen = winners.first ?? chosenFirst
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
