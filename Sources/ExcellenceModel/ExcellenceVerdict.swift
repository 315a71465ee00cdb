import QCapCore

/// What the excellence result shows where a level would be (it has none): the points and the scoring band the
/// applicant's overall percentage falls in, e.g. `692/1000 分（50–65% 区间）`.
enum ExcellenceVerdict {
    /// Nil when nothing was scored. A percentage between two bands (67.5 %) belongs to the lower one: bands are
    /// 5 % steps, and the next band starts only at its own minimum.
    static func text(points: Double?, maxPoints: Double, bands: [ExcellenceSettings.Band]) -> LocalizedText? {
        guard let points, maxPoints > 0 else { return nil }
        let shown = ExcellenceSummary.rounded(points).formatted + "/" + maxPoints.formatted
        let percentage = points / maxPoints * 100
        guard let band = bands.sorted(by: { $0.min < $1.min }).last(where: { $0.min <= percentage + 1e-9 }) else {
            return LocalizedText(zh: "\(shown) 分", en: "\(shown) points")
        }
        return LocalizedText(zh: "\(shown) 分（\(band.label) 区间）", en: "\(shown) points (band \(band.label))")
    }
}
