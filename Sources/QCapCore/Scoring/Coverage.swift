/// How much of what applies rests on evidence: the evidenced share of the applicable weight.
///
/// A criterion that does not apply (notApplicable, which includes tailored-out criteria) is out of both sides, so a
/// firm with a valid QMS and nothing else required is fully covered. A criterion without evidence (noEvidence) counts
/// in the applicable weight only. Every other outcome (met, partial, notMet, error, waived) is evidenced. When nothing
/// applies there is nothing to cover: the coverage is nil, not 0 or 1.
///
/// This is the one place coverage is computed: for the rubric's result and for each inner node.
public enum Coverage {
    /// The share, 0–1, for leaves given as (weight, outcome); nil when no leaf applies. Weights are the leaves' effective
    /// shares; when every applicable leaf weighs 0, each counts once instead.
    public static func share<Leaves: Sequence>(of leaves: Leaves) -> Double? where Leaves.Element == (weight: Double, outcome: Outcome) {
        var applicable = 0.0, evidenced = 0.0
        var applicableCount = 0, evidencedCount = 0
        for leaf in leaves where leaf.outcome != .notApplicable {
            let evidence = leaf.outcome != .noEvidence
            applicable += leaf.weight
            applicableCount += 1
            if evidence {
                evidenced += leaf.weight
                evidencedCount += 1
            }
        }
        guard applicableCount > 0 else { return nil }
        guard applicable > 0 else { return Double(evidencedCount) / Double(applicableCount) }
        return evidenced / applicable
    }
}
