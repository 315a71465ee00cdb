import QCapCore

/// How a three-year trend moves the level of a quality-performance figure (the rubric's `trend` parameter).
///
/// The default: three annual values, oldest first, each strictly better than the year before, lift the level
/// attained from the current value by one (at most 5); each strictly worse lowers it by one (at least 1).
struct TrendRule: Sendable, Equatable {
    static let defaultFactSuffix = ".trend"

    var window = 3
    var factSuffix = TrendRule.defaultFactSuffix
    var oldestFirst = true
    var strict = true
    var improvingStep = 1
    var worseningStep = -1
    var minLevel = 1
    var maxLevel: Int
    /// Criterion ids the rule adjusts; nil adjusts every criterion the probe evaluates.
    var appliesTo: Set<String>?

    enum Movement: Sendable, Equatable {
        case improving, worsening, mixed
        /// Fewer values than the window: no judgement.
        case tooShort(count: Int)
    }

    init(maxLevel: Int) {
        self.maxLevel = maxLevel
    }

    func applies(to criterion: String) -> Bool {
        appliesTo?.contains(criterion) ?? true
    }

    /// The movement of the latest `window` values.
    func movement(of values: [Double], higherIsBetter: Bool) -> Movement {
        guard values.count >= window, window >= 2 else { return .tooShort(count: values.count) }
        let chronological = oldestFirst ? values : values.reversed()
        let recent = Array(chronological.suffix(window))
        var better = 0
        var worse = 0
        var flat = 0
        for (earlier, later) in zip(recent, recent.dropFirst()) {
            if later == earlier {
                flat += 1
            } else if (later > earlier) == higherIsBetter {
                better += 1
            } else {
                worse += 1
            }
        }
        if strict {
            if better == window - 1 { return .improving }
            if worse == window - 1 { return .worsening }
            return .mixed
        }
        if worse == 0 && better > 0 { return .improving }
        if better == 0 && worse > 0 { return .worsening }
        return .mixed
    }

    /// The level after the trend's step, kept within minLevel…maxLevel.
    func adjust(_ level: Int, by movement: Movement) -> Int {
        let step: Int
        switch movement {
        case .improving: step = improvingStep
        case .worsening: step = worseningStep
        case .mixed, .tooShort: return level
        }
        let (sum, overflow) = level.addingReportingOverflow(step)
        let moved = overflow ? (step > 0 ? maxLevel : minLevel) : sum
        return min(maxLevel, max(minLevel, moved))
    }

    /// Reads the `trend` parameter; keys left out keep their defaults.
    static func parse(_ value: JSONValue?, maxRank: Int) -> Result<TrendRule, ParameterProblem> {
        var rule = TrendRule(maxLevel: maxRank)
        guard let value else { return .success(rule) }
        guard case .object(let object) = value else {
            return .failure(ParameterProblem(expected: "an object such as {\"window\": 3, \"improvingStep\": 1}"))
        }
        func integer(_ key: String, _ range: ClosedRange<Int>) -> Result<Int?, ParameterProblem> {
            guard let item = object[key] else { return .success(nil) }
            guard let number = item.intValue, range.contains(number) else {
                return .failure(ParameterProblem(expected: "\(key): an integer \(range.lowerBound)–\(range.upperBound), found \(JSONWriter.write(item))"))
            }
            return .success(number)
        }
        do {
            if let window = try integer("window", 2...50).get() { rule.window = window }
            if let step = try integer("improvingStep", -maxRank...maxRank).get() { rule.improvingStep = step }
            if let step = try integer("worseningStep", -maxRank...maxRank).get() { rule.worseningStep = step }
            if let level = try integer("minLevel", 1...max(maxRank, 1)).get() { rule.minLevel = level }
            if let level = try integer("maxLevel", 1...max(maxRank, 1)).get() { rule.maxLevel = level }
        } catch {
            return .failure(error)
        }
        if rule.minLevel > rule.maxLevel {
            return .failure(ParameterProblem(expected: "minLevel ≤ maxLevel, found \(rule.minLevel) > \(rule.maxLevel)"))
        }
        if let item = object["strict"] {
            guard let flag = item.boolValue else { return .failure(ParameterProblem(expected: "strict: true or false")) }
            rule.strict = flag
        }
        if let item = object["order"] {
            switch item.stringValue {
            case "oldestFirst": rule.oldestFirst = true
            case "newestFirst": rule.oldestFirst = false
            default: return .failure(ParameterProblem(expected: "order: \"oldestFirst\" or \"newestFirst\""))
            }
        }
        if let item = object["factSuffix"] {
            guard let suffix = item.stringValue, suffix.hasPrefix("."), suffix.count > 1 else {
                return .failure(ParameterProblem(expected: "factSuffix: a suffix such as \".trend\""))
            }
            rule.factSuffix = suffix
        }
        if let item = object["appliesTo"] {
            guard let list = item.arrayValue else { return .failure(ParameterProblem(expected: "appliesTo: a list of criterion ids")) }
            var ids = Set<String>()
            for entry in list {
                guard let id = entry.stringValue else { return .failure(ParameterProblem(expected: "appliesTo: criterion id strings")) }
                ids.insert(id)
            }
            rule.appliesTo = ids
        }
        return .success(rule)
    }
}
