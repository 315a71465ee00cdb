import QCapCore

/// Grades a quality-performance figure (质量绩效, D4): the level its value reaches under the tailored thresholds,
/// moved by the three-year trend where one is given.
///
/// A declarative `levelThresholds` rule would ignore both the tailored threshold parameters and the trend, so the
/// D4 criteria name this probe; their rule stays in the file as the documented default.
enum PerformanceProbe {
    static let id = "mqc.performance"

    static let probe = Probe(id: id) { input in evaluate(input) }

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

    static func evaluate(_ input: ProbeInput) -> Finding {
        let criterion = input.criterion
        let maxRank = max(input.descriptor.maxRank, 1)
        let rule = criterion.evidence?.rule
        let higherIsBetter = (rule?.direction ?? .higher) == .higher

        // Thresholds: the tailored parameter first, the criterion's own rule second.
        let parameterName = thresholdParameters[criterion.id]
        let thresholdSource: JSONValue? = parameterName.flatMap(input.parameter)
            ?? rule?.thresholds.map { thresholds in
                .object(JSONObject(thresholds.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.number($0.value)) }))
            }
        guard let thresholdSource else {
            return input.finding(.error, score: 0, message: LocalizedText(
                zh: "指标 \(criterion.id) 没有等级门槛（参数或规则）", en: "criterion \(criterion.id) has no level thresholds (parameter or rule)"))
        }
        let thresholds: LevelThresholds
        switch LevelThresholds.parse(thresholdSource, higherIsBetter: higherIsBetter, maxRank: maxRank) {
        case .success(let parsed): thresholds = parsed
        case .failure(let problem): return parameterError(input, name: parameterName ?? "thresholds", problem: problem)
        }
        let trendRule: TrendRule
        switch TrendRule.parse(input.parameter("trend"), maxRank: maxRank) {
        case .success(let parsed): trendRule = parsed
        case .failure(let problem): return parameterError(input, name: "trend", problem: problem)
        }

        guard let resolved = input.evidence.resolve(input.factKey) else {
            let what = criterion.evidence?.description ?? LocalizedText(zh: "事实 \(input.factKey)", en: "fact \(input.factKey)")
            return input.finding(.noEvidence, score: nil,
                                 message: LocalizedText(zh: "缺少证据，请收集：\(what.zh)", en: "no evidence; collect: \(what.en)"))
        }
        if resolved.hasConflict {
            let all = [resolved.fact] + resolved.conflicting
            let listing = all.map { "\(JSONWriter.write($0.value)) (\($0.provenance.citation))" }.joined(separator: " / ")
            return input.finding(.error, score: 0, message: LocalizedText(zh: "证据冲突：\(listing)", en: "conflicting evidence: \(listing)"),
                                 evidence: all.map(\.provenance))
        }
        var cited = [resolved.fact.provenance] + resolved.overridden.map(\.provenance)
        guard let value = resolved.value.numberValue, value.isFinite, valueRange.contains(value) else {
            return input.finding(.error, score: 0, message: LocalizedText(
                zh: "证据值 \(JSONWriter.write(resolved.value)) 无效（\(resolved.fact.provenance.citation)）：应为 0–1 的小数，例如 0.985 表示 98.5%",
                en: "evidence value \(JSONWriter.write(resolved.value)) is invalid (\(resolved.fact.provenance.citation)): expected a fraction 0–1, e.g. 0.985 for 98.5%"),
                evidence: cited)
        }

        let baseLevel = thresholds.level(of: value)
        var level = baseLevel
        var message = levelText(value.formatted, rank: baseLevel, descriptor: input.descriptor)
        var details: [String: String] = ["value": value.formatted, "baseLevel": String(baseLevel)]
        if let parameterName { details["thresholds"] = parameterName }

        let trendKey = input.factKey + trendRule.factSuffix
        if trendRule.applies(to: criterion.id), let trend = input.evidence.resolve(trendKey) {
            cited.append(trend.fact.provenance)
            guard let series = numbers(in: trend.value), !trend.hasConflict else {
                let reason = trend.hasConflict ? LocalizedText(zh: "来源相互冲突", en: "sources conflict")
                    : LocalizedText(zh: "应为 0–1 小数组成的数组，由远及近", en: "expected an array of fractions 0–1, oldest first")
                return input.finding(.error, score: 0, message: LocalizedText(
                    zh: "趋势 \(trendKey) = \(JSONWriter.write(trend.value)) 无效（\(trend.fact.provenance.citation)）：\(reason.zh)",
                    en: "trend \(trendKey) = \(JSONWriter.write(trend.value)) is invalid (\(trend.fact.provenance.citation)): \(reason.en)"),
                    evidence: cited)
            }
            let movement = trendRule.movement(of: series, higherIsBetter: higherIsBetter)
            level = trendRule.adjust(baseLevel, by: movement)
            let shown = "[" + series.map(\.formatted).joined(separator: ", ") + "]"
            details["trend"] = shown
            details["trendAdjustment"] = level == baseLevel ? "0" : (level > baseLevel ? "+\(level - baseLevel)" : "\(level - baseLevel)")
            message = joined(message, trendText(movement, shown: shown, from: baseLevel, to: level, rule: trendRule, descriptor: input.descriptor))
        }
        if !resolved.overridden.isEmpty {
            let others = resolved.overridden.map { "\(JSONWriter.write($0.value)) (\($0.provenance.source.rawValue), \($0.provenance.citation))" }
                .joined(separator: "; ")
            let winner = resolved.fact.provenance.source.rawValue
            message = joined(message, LocalizedText(zh: "\(winner) 取值优先，差异：\(others)", en: "\(winner) value wins over \(others)"))
        }
        let metAt = rule?.metAt ?? maxRank
        let outcome: Outcome = level >= metAt ? .met : (level <= 1 ? .notMet : .partial)
        return input.finding(outcome, score: Double(level) / Double(maxRank), level: level, message: message,
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

    static func parameterError(_ input: ProbeInput, name: String, problem: ParameterProblem) -> Finding {
        input.finding(.error, score: 0, message: LocalizedText(
            zh: "参数 \(name) 无效：应为 \(problem.expected)", en: "parameter \(name) is invalid: expected \(problem.expected)"))
    }
}
