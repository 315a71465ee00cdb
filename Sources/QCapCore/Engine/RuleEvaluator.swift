/// Turns a fact value into a finding with the declarative rules of `docs/rubric-format.md`.
enum RuleEvaluator {
    /// Messages that depend only on the rubric and the value, made once per engine: a cohort of thousands of
    /// enterprises then shares the same strings instead of formatting them again for every criterion.
    struct Messages: Sendable {
        var levels: [Int: LocalizedText] = [:]
        var answers: [String: [Double: LocalizedText]] = [:]
        static let yes = LocalizedText(zh: "是", en: "yes")
        static let no = LocalizedText(zh: "否", en: "no")

        init(descriptor: RubricDescriptor) {
            for level in descriptor.levels {
                levels[level.rank] = LocalizedText(zh: "达到\(level.name.zh)（\(level.rank)）", en: "attains \(level.name.en) (\(level.rank))")
            }
            for set in descriptor.answerSets ?? [] {
                var byScore: [Double: LocalizedText] = [:]
                for option in set.options where byScore[option.score] == nil {
                    byScore[option.score] = LocalizedText(zh: "答复：\(option.label.zh)（\(option.score.formatted)）",
                                                          en: "answer: \(option.label.en) (\(option.score.formatted))")
                }
                answers[set.id] = byScore
            }
        }
    }

    struct Verdict {
        var outcome: Outcome
        var score: Double?
        var level: Int?
        var message: LocalizedText
    }

    static func evaluate(_ value: JSONValue, spec: EvidenceSpec, descriptor: RubricDescriptor, messages: Messages) -> Verdict {
        switch spec.type {
        case .level:
            guard let number = value.numberValue, number == number.rounded(), number >= 1, number <= Double(descriptor.maxRank) else {
                return typeError(value, expected: "a level rank 1–\(descriptor.maxRank)")
            }
            return levelVerdict(Int(number), rule: spec.rule, descriptor: descriptor, shown: nil, cached: messages.levels[Int(number)])
        case .answer:
            guard let setID = spec.answerSet, let set = descriptor.answerSet(setID) else {
                return Verdict(outcome: .error, score: 0, level: nil,
                               message: LocalizedText(zh: "条款未指定有效的答案集", en: "the criterion names no valid answer set"))
            }
            guard let score = set.score(of: value) else {
                return typeError(value, expected: "one of \(set.expectedForm)")
            }
            let message = messages.answers[setID]?[score] ?? LocalizedText(score.formatted)
            return Verdict(outcome: fractionOutcome(score), score: score, level: nil, message: message)
        case .bool:
            guard let flag = value.boolValue else { return typeError(value, expected: "true or false") }
            let expect = spec.rule?.expect ?? true
            let ok = flag == expect
            return Verdict(outcome: ok ? .met : .notMet, score: ok ? 1 : 0, level: nil,
                           message: flag ? Messages.yes : Messages.no)
        case .percentage:
            guard let number = value.numberValue, number >= 0, number <= 100 else {
                return typeError(value, expected: "a percentage 0–100")
            }
            let score = number / 100
            return Verdict(outcome: fractionOutcome(score), score: score, level: nil,
                           message: LocalizedText("\(number.formatted)%"))
        case .number:
            guard let number = value.numberValue else { return typeError(value, expected: "a number") }
            return numberVerdict(number, rule: spec.rule, descriptor: descriptor)
        case .date, .text, .records:
            return Verdict(outcome: .error, score: 0, level: nil,
                           message: LocalizedText(zh: "此类证据需要探针（probe）评价", en: "this evidence type needs a probe"))
        }
    }

    static func fractionOutcome(_ score: Double) -> Outcome {
        score >= 1 ? .met : (score <= 0 ? .notMet : .partial)
    }

    static func levelVerdict(_ rank: Int, rule: Rule?, descriptor: RubricDescriptor, shown: String?, cached: LocalizedText? = nil) -> Verdict {
        let maxRank = max(descriptor.maxRank, 1)
        let metAt = rule?.metAt ?? maxRank
        let outcome: Outcome = rank >= metAt ? .met : (rank <= 1 ? .notMet : .partial)
        let message: LocalizedText
        if shown == nil, let cached {
            message = cached
        } else {
            let name = descriptor.level(rank: rank)?.name ?? LocalizedText("\(rank)")
            let prefix = shown.map { "\($0) → " } ?? ""
            message = LocalizedText(zh: "\(prefix)达到\(name.zh)（\(rank)）", en: "\(prefix)attains \(name.en) (\(rank))")
        }
        return Verdict(outcome: outcome, score: Double(rank) / Double(maxRank), level: rank, message: message)
    }

    static func numberVerdict(_ number: Double, rule: Rule?, descriptor: RubricDescriptor) -> Verdict {
        guard let rule else {
            return Verdict(outcome: .error, score: 0, level: nil,
                           message: LocalizedText(zh: "数值条款缺少规则", en: "a number criterion needs a rule"))
        }
        let higher = (rule.direction ?? .higher) == .higher
        func reaches(_ threshold: Double) -> Bool { higher ? number >= threshold : number <= threshold }
        let shown = number.formatted
        switch rule.kind {
        case .threshold:
            if let met = rule.met, reaches(met) {
                return Verdict(outcome: .met, score: 1, level: nil, message: LocalizedText("\(shown) (\(higher ? "≥" : "≤") \(met.formatted))"))
            }
            if let partial = rule.partial, reaches(partial) {
                return Verdict(outcome: .partial, score: 0.5, level: nil, message: LocalizedText("\(shown) (\(higher ? "≥" : "≤") \(partial.formatted))"))
            }
            return Verdict(outcome: .notMet, score: 0, level: nil, message: LocalizedText("\(shown)"))
        case .levelThresholds:
            var attained = 1
            for (key, threshold) in rule.thresholds ?? [:] {
                if let rank = Int(key), rank > attained, reaches(threshold) { attained = rank }
            }
            return levelVerdict(attained, rule: Rule(kind: .level, metAt: rule.metAt), descriptor: descriptor, shown: shown)
        case .linear:
            let low = rule.min ?? 0
            let high = rule.max ?? 1
            guard high != low else { return Verdict(outcome: .error, score: 0, level: nil, message: LocalizedText("linear rule with min = max")) }
            var score = (number - low) / (high - low)
            if !higher { score = 1 - score }
            score = Swift.min(1, Swift.max(0, score))
            return Verdict(outcome: fractionOutcome(score), score: score, level: nil, message: LocalizedText(shown))
        case .level, .bool:
            return Verdict(outcome: .error, score: 0, level: nil, message: LocalizedText("rule \(rule.kind.rawValue) does not apply to numbers"))
        }
    }

    static func typeError(_ value: JSONValue, expected: String) -> Verdict {
        Verdict(outcome: .error, score: 0, level: nil,
                message: LocalizedText(zh: "证据值 \(JSONWriter.write(value)) 无效：应为 \(expected)",
                                       en: "evidence value \(JSONWriter.write(value)) is invalid: expected \(expected)"))
    }
}
