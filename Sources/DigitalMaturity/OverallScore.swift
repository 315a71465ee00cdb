import QCapCore

/// The CMMM-style overall score of the digital-maturity rubric: the level scores added up (0–5) and banded.
///
/// GB/T 39117 is recalled to add the levels' scores and band the sum (0.8–1.8 → level 1 … 4.8–5 → level 5); the
/// primary text was not available, so the bands and the adding rule are rubric parameters (`overallBands`,
/// `overallScoreRule`). Kept apart from the rubric so the arithmetic can be checked on hand-computed cases.
public enum OverallScore {
    /// Which level scores the overall score adds.
    public enum Rule: String, Sendable, CaseIterable {
        /// Up to and including the first level whose score is below the threshold: higher levels do not count
        /// once a lower one is missed, which keeps the sum close to the gated level.
        case throughFirstMiss
        /// Every level's score.
        case allLevels
    }

    /// One band of the overall score: `min` inclusive, `max` exclusive except for the top band.
    public struct Band: Sendable, Equatable {
        public var min: Double
        public var max: Double
        public var level: Int

        public init(min: Double, max: Double, level: Int) {
            self.min = min
            self.max = max
            self.level = level
        }
    }

    /// Tolerance for comparisons, so 1 + 0.8 reaches a band that starts at 1.8.
    static let epsilon = 1e-9

    /// Adds the level scores ("1": 0.95, …) for ranks 1…`maxRank`. A level with no score (nothing evaluated)
    /// counts 0 and, under `throughFirstMiss`, ends the sum.
    public static func value(levelScores: [String: Double], maxRank: Int, threshold: Double, rule: Rule) -> Double {
        var total = 0.0
        guard maxRank >= 1 else { return 0 }
        for rank in 1...maxRank {
            let score = levelScores[String(rank)] ?? 0
            total += score
            if rule == .throughFirstMiss && score + epsilon < threshold { break }
        }
        return total
    }

    /// The level of `value`: the band with the highest `min` not above it, provided `value` does not pass its `max`.
    /// nil below the lowest band.
    public static func level(of value: Double, bands: [Band]) -> Int? {
        guard let band = bands.filter({ value + epsilon >= $0.min }).max(by: { $0.min < $1.min }) else { return nil }
        let isTop = band.max >= (bands.map(\.max).max() ?? band.max)
        if isTop ? value > band.max + epsilon : value + epsilon >= band.max { return nil }
        return band.level
    }

    /// Reads `overallBands` (`[{"min": 0.8, "max": 1.8, "level": 1}, …]`); nil when it is malformed.
    public static func bands(from value: JSONValue?) -> [Band]? {
        guard let items = value?.arrayValue, !items.isEmpty else { return nil }
        var bands: [Band] = []
        for item in items {
            guard let min = item["min"]?.numberValue, let max = item["max"]?.numberValue, min < max,
                  let level = item["level"]?.numberValue, level == level.rounded(), level >= 1, level <= 1_000 else { return nil }
            bands.append(Band(min: min, max: max, level: Int(level)))
        }
        return bands
    }
}
