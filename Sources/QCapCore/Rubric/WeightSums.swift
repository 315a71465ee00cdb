/// Where a rubric's weights add up to more than a Double holds.
///
/// Each weight is finite (the JSON grammar has no infinity), but a sum need not be: two sibling weights of `1e308`
/// add up to infinity, every normalised share becomes NaN, and so would every score. The validator (on the rubric's
/// own weights) and the tailoring reader (with the workspace's weights in their place) reject such sums, so scores
/// stay finite by construction.
public enum WeightSums {
    /// The JSON path of the first group of sibling criteria (`$.criteria`, `$.criteria[0].children`, …) whose weights
    /// — `replacing` taking the place of the criteria's own, by id — add up to a number that is not finite; for a
    /// points rubric also `$.criteria` when all leaf points together overflow. Nil when every sum is finite.
    public static func overflow(in descriptor: RubricDescriptor, replacing weights: [String: Double] = [:]) -> String? {
        func weight(_ criterion: Criterion) -> Double { weights[criterion.id] ?? criterion.effectiveWeight }
        func check(_ siblings: [Criterion], _ path: String) -> String? {
            if !siblings.reduce(0.0, { $0 + weight($1) }).isFinite { return path }
            for (index, criterion) in siblings.enumerated() {
                if let children = criterion.children, !children.isEmpty,
                   let found = check(children, "\(path)[\(index)].children") { return found }
            }
            return nil
        }
        if let found = check(descriptor.criteria, "$.criteria") { return found }
        if descriptor.scoring.model == .points {
            let total = descriptor.allCriteria().filter { $0.criterion.isLeaf }.reduce(0.0) { $0 + weight($1.criterion) }
            if !total.isFinite { return "$.criteria" }
        }
        return nil
    }
}
