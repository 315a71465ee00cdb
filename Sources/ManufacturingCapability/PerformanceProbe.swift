import QCapCore

/// Grades a quality-performance figure (质量绩效, D4): the level its value reaches under the tailored thresholds,
/// moved by the three-year trend where one is given.
///
/// A declarative `levelThresholds` rule would ignore both the tailored threshold parameters and the trend, so the
/// D4 criteria name this probe; their rule stays in the file as the documented default.
enum PerformanceProbe {
    static let id = "mqc.performance"

    static let probe = Probe<ManufacturingCapabilityRubric>(id: id) { input in evaluate(input) }

    /// The parameter that holds each indicator's thresholds.
    static let thresholdParameters: [String: String] = [
        "D4.01": "fpyThresholds",
        "D4.02": "customerSatisfactionThresholds",
        "D4.03": "qualityLossRateThresholds",
        "D4.04": "onTimeDeliveryThresholds",
        "D4.05": "complaintRateThresholds",
        "D4.06": "spotCheckThresholds",
    ]

    /// Every D4 figure is a fraction (0.985 = 98.5%); a value above 1 is almost always a percentage typed as such.
    static let valueRange: ClosedRange<Double> = 0...1

    static func evaluate(_ input: ProbeInput<ManufacturingCapabilityRubric>) -> Finding {
        let criterion = input.criterion
        let run = input.run
        // `prepareRun` grades every criterion that names this probe; this only guards the lookup.
        guard let indicator = run.indicators[criterion.id] else {
            return input.finding(.error, score: 0, message: LocalizedText(
                zh: "指标 \(criterion.id) 没有等级门槛（参数或规则）", en: "criterion \(criterion.id) has no level thresholds (parameter or rule)"))
        }
        let resolved: Resolution
        switch input.resolveFact() {
        case .value(let value): resolved = value
        case .noEvidence(let finding), .conflict(let finding): return finding
        }
        var cited = resolved.cited
        guard let value = resolved.value.numberValue, value.isFinite, valueRange.contains(value) else {
            return input.finding(.error, score: 0, message: LocalizedText(
                zh: "证据值 \(JSONWriter.write(resolved.value)) 无效（\(resolved.fact.provenance.citation)）：应为 0–1 的小数，例如 0.985 表示 98.5%",
                en: "evidence value \(JSONWriter.write(resolved.value)) is invalid (\(resolved.fact.provenance.citation)): expected a fraction 0–1, e.g. 0.985 for 98.5%"),
                evidence: cited)
        }

        let thresholds = indicator.thresholds
        let trendRule = run.trendRule
        let higherIsBetter = indicator.higherIsBetter
        let baseLevel = thresholds.level(of: value)
        var level = baseLevel
        var message = levelText(value.formatted, rank: baseLevel, descriptor: input.descriptor)
        var details: [String: String] = ["value": value.formatted, "baseLevel": String(baseLevel)]
        if let parameter = indicator.parameter { details["thresholds"] = parameter }

        let trendKey = input.factKey + trendRule.factSuffix
        if trendRule.applies(to: criterion.id) {
            let trend: Resolution?
            switch input.resolveFact(trendKey) {
            case .value(let value): trend = value
            case .noEvidence: trend = nil
            case .conflict(let finding): return finding
            }
            if let trend {
                cited.append(trend.fact.provenance)
                guard let series = numbers(in: trend.value) else {
                    return input.finding(.error, score: 0, message: LocalizedText(
                        zh: "趋势 \(trendKey) = \(JSONWriter.write(trend.value)) 无效（\(trend.fact.provenance.citation)）：应为 0–1 小数组成的数组，由远及近",
                        en: "trend \(trendKey) = \(JSONWriter.write(trend.value)) is invalid (\(trend.fact.provenance.citation)): expected an array of fractions 0–1, oldest first"),
                        evidence: cited)
                }
                let movement = trendRule.movement(of: series, higherIsBetter: higherIsBetter)
                level = trendRule.adjust(baseLevel, by: movement)
                let shown = "[" + series.map(\.formatted).joined(separator: ", ") + "]"
                details["trend"] = shown
                details["trendAdjustment"] = level == baseLevel ? "0" : (level > baseLevel ? "+\(level - baseLevel)" : "\(level - baseLevel)")
                message = joined(message, trendText(movement, shown: shown, from: baseLevel, to: level, rule: trendRule, descriptor: input.descriptor))
            }
        }
        let outcome: Outcome = level >= indicator.metAt ? .met : (level <= 1 ? .notMet : .partial)
        return input.finding(outcome, score: Double(level) / Double(run.maxRank), level: level, message: resolved.noting(message),
                             evidence: cited, details: details)
    }

    /// The values of a trend series, or nil when it is not an array of fractions.
    static func numbers(in value: JSONValue) -> [Double]? {
        guard let items = value.arrayValue else { return nil }
        var result: [Double] = []
        for item in items {
            guard let number = item.numberValue, number.isFinite, valueRange.contains(number) else { return nil }
            result.append(number)
        }
        return result
    }

    static func levelText(_ shown: String, rank: Int, descriptor: RubricDescriptor) -> LocalizedText {
        let name = descriptor.level(rank: rank)?.name ?? LocalizedText("\(rank)")
        return LocalizedText(zh: "\(shown) → 达到\(name.zh)（\(rank)）", en: "\(shown) → attains \(name.en) (\(rank))")
    }

    static func trendText(_ movement: TrendRule.Movement, shown: String, from base: Int, to level: Int, rule: TrendRule,
                          descriptor: RubricDescriptor) -> LocalizedText {
        let name = descriptor.level(rank: level)?.name ?? LocalizedText("\(level)")
        switch movement {
        case .tooShort(let count):
            return LocalizedText(zh: "趋势 \(shown) 只有 \(count) 个数值（需 \(rule.window) 个），不调整",
                                 en: "trend \(shown) has \(count) value(s) (needs \(rule.window)): no adjustment")
        case .mixed:
            return LocalizedText(zh: "趋势 \(shown) 非逐年同向，不调整", en: "trend \(shown) does not move the same way every year: no adjustment")
        case .improving where level == base:
            return LocalizedText(zh: "趋势 \(shown) 逐年改善，已达上限，保持\(name.zh)（\(level)）",
                                 en: "trend \(shown) improved every year; already at the cap, stays \(name.en) (\(level))")
        case .worsening where level == base:
            return LocalizedText(zh: "趋势 \(shown) 逐年变差，已达下限，保持\(name.zh)（\(level)）",
                                 en: "trend \(shown) worsened every year; already at the floor, stays \(name.en) (\(level))")
        case .improving, .worsening:
            let verb = level > base ? LocalizedText(zh: "上调", en: "raised") : LocalizedText(zh: "下调", en: "lowered")
            let way = movement == .improving ? LocalizedText(zh: "逐年改善", en: "improved every year")
                : LocalizedText(zh: "逐年变差", en: "worsened every year")
            return LocalizedText(zh: "趋势 \(shown) \(way.zh)，\(verb.zh)至\(name.zh)（\(level)）",
                                 en: "trend \(shown) \(way.en): \(verb.en) to \(name.en) (\(level))")
        }
    }

    static func joined(_ first: LocalizedText, _ second: LocalizedText) -> LocalizedText {
        LocalizedText(zh: first.zh + "；" + second.zh, en: first.en + "; " + second.en)
    }
}
