/// The scoring models' arithmetic over one enterprise's leaf findings.
///
/// Kept apart from evaluation so each model can be checked on hand-computed cases. Leaves whose outcome is not
/// scored (notApplicable, noEvidence, waived in the waived view) are left out of every denominator.
struct Scorer {
    let plan: RubricPlan
    let model: ScoringModel
    let maxRank: Int

    struct LeafScore {
        var score: Double?
        var level: Int?
        var outcome: Outcome
    }

    struct LevelGate {
        var rank: Int
        /// Effective-weighted share attaining the level; nil when no counted leaf was evaluated.
        var share: Double?
        var holds: Bool
        var failingMustPass: [Int]
        var missingMustPass: [Int]
        /// Whether any leaf counts at this level at all.
        var hasLeaves: Bool
    }

    struct Aggregate {
        var score: Double?
        var scaleScore: Double?
        var level: Int?
        var gates: [LevelGate]
    }

    /// Credit of a leaf at level `rank`: nil when the leaf does not count there or was not evaluated.
    func credit(_ leaf: RubricPlan.Leaf, _ value: LeafScore, at rank: Int) -> Double? {
        if let own = leaf.level {
            guard own == rank, let score = value.score else { return nil }
            return score
        }
        guard let score = value.score else { return nil }
        if let attained = value.level { return attained >= rank ? 1 : 0 }
        return score
    }

    func counts(_ leaf: RubricPlan.Leaf, at rank: Int) -> Bool {
        !leaf.excluded && (leaf.level == nil || leaf.level == rank)
    }

    func aggregate(_ values: [LeafScore]) -> Aggregate {
        let indices = plan.leaves.indices.filter { values[$0].score != nil && !plan.leaves[$0].excluded }
        var score: Double?
        var scaleScore: Double?
        switch model.kind {
        case .weightedTree, .maturityGated:
            score = treeScore(plan.roots, values).map { $0 * 100 }
        case .flat:
            score = weightedMean(indices.map { (plan.leaves[$0].weight, values[$0].score ?? 0) }).map { $0 * 100 }
        case .unweighted:
            score = weightedMean(indices.map { (1.0, values[$0].score ?? 0) }).map { $0 * 100 }
        case .absolute:
            score = indices.isEmpty ? nil : (indices.allSatisfy { values[$0].outcome == .met } ? 100 : 0)
        case .points:
            if !indices.isEmpty {
                let points = indices.reduce(0.0) { $0 + plan.leaves[$1].weight * (values[$1].score ?? 0) }
                let maxPoints = model.maxPoints ?? plan.leaves.reduce(0.0) { $0 + $1.weight }
                scaleScore = points
                score = maxPoints > 0 ? points / maxPoints * 100 : nil
            }
        }
        if model.kind == .maturityGated {
            let gates = (1...max(maxRank, 1)).map { gate(at: $0, values) }
            var level: Int?
            for gate in gates {
                guard gate.holds else { break }
                level = gate.rank
            }
            return Aggregate(score: score, scaleScore: scaleScore, level: score == nil ? nil : level, gates: gates)
        }
        let banded = model.kind == .points ? scaleScore : score
        return Aggregate(score: score, scaleScore: scaleScore, level: banded.flatMap(band), gates: [])
    }

    func gate(at rank: Int, _ values: [LeafScore]) -> LevelGate {
        let threshold = model.threshold ?? ScoringModel.defaultThreshold
        var weighted = 0.0
        var total = 0.0
        var hasLeaves = false
        var failing: [Int] = []
        var missing: [Int] = []
        for (index, leaf) in plan.leaves.enumerated() where counts(leaf, at: rank) {
            hasLeaves = true
            let value = values[index]
            if leaf.mustPass && value.outcome == .noEvidence { missing.append(index) }
            guard let credit = credit(leaf, value, at: rank) else { continue }
            weighted += leaf.share * credit
            total += leaf.share
            if leaf.mustPass && credit < (leaf.level == nil ? 1 : threshold) { failing.append(index) }
        }
        let share: Double? = total > 0 ? weighted / total : nil
        // Compare with a small tolerance so that a share of exactly 0.8 computed from weights holds a 0.8 gate.
        let shareHolds = share.map { $0 + 1e-9 >= threshold } ?? !hasLeaves
        let holds = shareHolds && failing.isEmpty && missing.isEmpty && (share != nil || !hasLeaves)
        return LevelGate(rank: rank, share: share, holds: holds, failingMustPass: failing, missingMustPass: missing,
                         hasLeaves: hasLeaves)
    }

    func band(_ value: Double) -> Int? {
        guard let bands = model.bands, !bands.isEmpty else { return nil }
        return bands.filter { value + 1e-9 >= $0.min }.max { $0.min < $1.min }?.level
    }

    /// Weighted mean over a subtree: (score 0–1, total weight of the evaluated part) or nil if nothing counted.
    func treeScore(_ nodes: [RubricPlan.Node], _ values: [LeafScore]) -> Double? {
        var parts: [(Double, Double)] = []
        for node in nodes {
            switch node {
            case .leaf(let index, let weight):
                if !plan.leaves[index].excluded, let score = values[index].score { parts.append((weight, score)) }
            case .inner(_, _, let weight, let children):
                if let score = treeScore(children, values) { parts.append((weight, score)) }
            }
        }
        return weightedMean(parts)
    }

    func weightedMean(_ parts: [(Double, Double)]) -> Double? {
        let total = parts.reduce(0) { $0 + $1.0 }
        guard total > 0 else { return nil }
        return parts.reduce(0) { $0 + $1.0 * $1.1 } / total
    }
}
