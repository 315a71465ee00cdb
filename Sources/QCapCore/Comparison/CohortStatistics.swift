/// Summary statistics of a cohort's scores: n, mean, median, quartiles, min and max.
///
/// Percentiles interpolate linearly between closest ranks (Hyndman & Fan type 7), the definition of Excel's
/// `PERCENTILE.INC`/`QUARTILE.INC` and NumPy's default, so an evaluator can check any figure in a spreadsheet: with the
/// n scores sorted ascending as x₀ … xₙ₋₁, the p-th percentile is at position h = (n − 1)·p, and equals
/// x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋). The median is the 0.5 percentile (the usual median), p25 and p75 the quartiles.
public struct CohortStatistics: Sendable, Codable, Equatable {
    public var n: Int
    public var mean: Double?
    public var median: Double?
    public var p25: Double?
    public var p75: Double?
    public var min: Double?
    public var max: Double?

    public init(_ values: [Double]) {
        let sorted = values.filter(\.isFinite).sorted()
        n = sorted.count
        mean = sorted.isEmpty ? nil : Self.round(sorted.reduce(0, +) / Double(sorted.count))
        median = Self.percentile(sorted, 0.5).map(Self.round)
        p25 = Self.percentile(sorted, 0.25).map(Self.round)
        p75 = Self.percentile(sorted, 0.75).map(Self.round)
        min = sorted.first
        max = sorted.last
    }

    /// The p-th percentile (0 ≤ p ≤ 1) of values sorted ascending, by linear interpolation (type 7); nil when empty.
    public static func percentile(_ sorted: [Double], _ p: Double) -> Double? {
        guard !sorted.isEmpty, p.isFinite else { return nil }
        let clamped = Swift.min(1, Swift.max(0, p))
        let position = Double(sorted.count - 1) * clamped
        let lower = Int(position.rounded(.down))
        let upper = Swift.min(lower + 1, sorted.count - 1)
        let fraction = position - Double(lower)
        return sorted[lower] + fraction * (sorted[upper] - sorted[lower])
    }

    /// Standard competition ranking ("1224"): the highest score ranks 1, equal scores share a rank, and the next
    /// rank skips as many places as were shared. Returns the rank of each value, in input order; nil stays unranked.
    public static func ranks(_ values: [Double?]) -> [Int?] {
        let order = values.indices.filter { values[$0] != nil }.sorted { (values[$0] ?? 0) > (values[$1] ?? 0) }
        var ranks = [Int?](repeating: nil, count: values.count)
        var previous: (value: Double, rank: Int)?
        for (position, index) in order.enumerated() {
            guard let value = values[index] else { continue }
            let rank = previous.map { $0.value == value ? $0.rank : position + 1 } ?? 1
            ranks[index] = rank
            previous = (value, rank)
        }
        return ranks
    }

    /// Six decimals, as the engine rounds scores, so output is the same on every platform.
    public static func round(_ value: Double) -> Double {
        (value * 1_000_000).rounded() / 1_000_000
    }
}
