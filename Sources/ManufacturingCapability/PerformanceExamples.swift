import QCapCore

/// Synthetic quality-performance figures for `qcap init --example`.
///
/// The generic synthesiser skips probe criteria, so the D4 figures, their three-year trends and the spot-check flag
/// are made here: each figure lands in the level band the enterprise's latent quality points to.
enum PerformanceExamples {
    static func add(to contribution: inout ExampleContribution, descriptor: RubricDescriptor, request: ExampleRequest,
                    random: inout SeededGenerator) {
        var declared = contribution.facts[.declared] ?? [:]
        let maxRank = max(descriptor.maxRank, 1)
        for (criterion, _, _) in descriptor.allCriteria() where criterion.isLeaf {
            guard let spec = criterion.evidence, spec.probe == PerformanceProbe.id, let rule = spec.rule,
                  let thresholds = try? LevelThresholds.parse(thresholdObject(rule), higherIsBetter: (rule.direction ?? .higher) == .higher,
                                                              maxRank: maxRank).get() else { continue }
            let key = spec.fact ?? "\(descriptor.factPrefix).\(criterion.id)"
            if let applicability = criterion.applicability {
                // Most enterprises were spot-checked in three years; the rest show notApplicable.
                let sampled = random.unit() < 0.8
                declared[applicability.fact] = sampled ? GenericSample.allowed(applicability.equals) : .bool(false)
                if !sampled { continue }
            }
            if random.unit() < request.missingRate { continue }
            let quality = min(1, max(0, random.normal(mean: request.quality, deviation: 0.12)))
            let value = figure(quality: quality, thresholds: thresholds, random: &random)
            declared[key] = .number(value)
            guard criterion.applicability == nil, random.unit() < 0.5 else { continue }
            declared[key + TrendRule.defaultFactSuffix] = .array(trend(ending: value, thresholds: thresholds, random: &random).map(JSONValue.number))
        }
        contribution.facts[.declared] = declared
    }

    static func thresholdObject(_ rule: Rule) -> JSONValue {
        .object(JSONObject((rule.thresholds ?? [:]).sorted { $0.key < $1.key }.map { ($0.key, JSONValue.number($0.value)) }))
    }

    /// A value inside the level band of `quality` (0–1 spread over the levels), rounded to 4 decimals.
    static func figure(quality: Double, thresholds: LevelThresholds, random: inout SeededGenerator) -> Double {
        let edges = bandEdges(thresholds)
        let bands = edges.count - 1
        guard bands > 0 else { return 0 }
        let position = quality * Double(bands)
        let band = min(bands - 1, max(0, Int(position)))
        let fraction = min(0.95, max(0.05, position - Double(band)))
        return clamp(edges[band] + (edges[band + 1] - edges[band]) * fraction)
    }

    /// Band edges in level order: below level 2 … above level 5, extended by one step at each end.
    static func bandEdges(_ thresholds: LevelThresholds) -> [Double] {
        let values = thresholds.steps.map(\.value)
        guard let first = values.first, let last = values.last else { return [] }
        let firstStep = values.count > 1 ? values[1] - first : (thresholds.higherIsBetter ? 0.05 : -0.01)
        let lastStep = values.count > 1 ? last - values[values.count - 2] : firstStep
        return [first - firstStep] + values + [last + lastStep]
    }

    /// Three annual values ending at `value`: improving, worsening or mixed.
    static func trend(ending value: Double, thresholds: LevelThresholds, random: inout SeededGenerator) -> [Double] {
        let spread = abs((thresholds.steps.last?.value ?? 1) - (thresholds.steps.first?.value ?? 0)) / 6 + 0.0005
        let better: Double = thresholds.higherIsBetter ? 1 : -1
        let pick = random.unit()
        let steps: [Double]
        if pick < 0.45 {
            steps = [2, 1]          // improving: earlier years were worse
        } else if pick < 0.65 {
            steps = [-2, -1]        // worsening: earlier years were better
        } else {
            steps = [1, -0.5]       // mixed
        }
        return steps.map { clamp(value - better * $0 * spread) } + [value]
    }

    static func clamp(_ value: Double) -> Double {
        (min(1, max(0, value)) * 10_000).rounded() / 10_000
    }
}

/// The first allowed value of an applicability condition.
enum GenericSample {
    static func allowed(_ equals: JSONValue) -> JSONValue {
        if case .array(let values) = equals, let first = values.first { return first }
        return equals
    }
}
