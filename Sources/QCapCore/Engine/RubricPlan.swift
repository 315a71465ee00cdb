/// A rubric compiled for evaluation with one tailoring: leaves in order with their effective weights, and the
/// tree shape the weighted models walk. Built once per run, used for every enterprise.
struct RubricPlan: Sendable {
    /// A class so that walking the leaves for every enterprise copies one reference, not a criterion's worth of
    /// strings and arrays. Immutable after the plan is built.
    final class Leaf: Sendable {
        let criterion: Criterion
        let factKey: String
        /// The leaf's own weight after tailoring (points in a points rubric).
        let weight: Double
        /// Product of the weights on the path from the root, normalised so all leaves sum to 1 (or 0 if all zero).
        let share: Double
        let mustPass: Bool
        let excluded: Bool
        /// The scale rank the requirement belongs to (`criterion.level`), read on every gate check.
        let level: Int?

        init(criterion: Criterion, factKey: String, weight: Double, share: Double, mustPass: Bool, excluded: Bool) {
            self.criterion = criterion
            self.factKey = factKey
            self.weight = weight
            self.share = share
            self.mustPass = mustPass
            self.excluded = excluded
            self.level = criterion.level
        }

        func with(share: Double) -> Leaf {
            Leaf(criterion: criterion, factKey: factKey, weight: weight, share: share, mustPass: mustPass, excluded: excluded)
        }
    }

    indirect enum Node: Sendable {
        case leaf(index: Int, weight: Double)
        case inner(criterion: Criterion, depth: Int, weight: Double, children: [Node])

        var weight: Double {
            switch self {
            case .leaf(_, let weight), .inner(_, _, let weight, _): return weight
            }
        }
    }

    var leaves: [Leaf]
    var roots: [Node]

    init(descriptor: RubricDescriptor, tailoring: Tailoring) {
        var leaves: [Leaf] = []
        var rawShares: [Double] = []
        let mustPassOverride = tailoring.mustPass.map(Set.init)
        let excluded = Set(tailoring.exclude)

        func weight(of criterion: Criterion) -> Double {
            tailoring.weights[criterion.id] ?? criterion.effectiveWeight
        }

        func build(_ nodes: [Criterion], depth: Int, pathWeight: Double, excludedAbove: Bool) -> [Node] {
            let siblingTotal = nodes.reduce(0) { $0 + weight(of: $1) }
            return nodes.map { criterion in
                let own = weight(of: criterion)
                let normalised = siblingTotal > 0 ? own / siblingTotal : 0
                let isExcluded = excludedAbove || excluded.contains(criterion.id)
                if criterion.isLeaf {
                    let factKey = criterion.evidence?.fact ?? "\(descriptor.factPrefix).\(criterion.id)"
                    let mustPass = mustPassOverride?.contains(criterion.id) ?? (criterion.mustPass ?? false)
                    leaves.append(Leaf(criterion: criterion, factKey: factKey, weight: own, share: 0,
                                       mustPass: mustPass, excluded: isExcluded))
                    rawShares.append(pathWeight * normalised)
                    return .leaf(index: leaves.count - 1, weight: own)
                }
                let children = build(criterion.children ?? [], depth: depth + 1, pathWeight: pathWeight * normalised,
                                     excludedAbove: isExcluded)
                return .inner(criterion: criterion, depth: depth, weight: own, children: children)
            }
        }
        roots = build(descriptor.criteria, depth: 0, pathWeight: 1, excludedAbove: false)
        let total = rawShares.reduce(0, +)
        self.leaves = leaves.indices.map { leaves[$0].with(share: total > 0 ? rawShares[$0] / total : 0) }
    }
}
