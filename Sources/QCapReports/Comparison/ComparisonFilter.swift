import QCapCore

/// One `--where` condition of `qcap compare`. Conditions are ANDed.
///
/// - `region=350602`: GB/T 2260 codes are hierarchical, so trailing `00` pairs are dropped and the rest is a prefix:
///   `region=350600` (漳州市) keeps every district 3506xx, `region=350000` the whole province.
/// - `industry=C34`: a GB/T 4754 prefix (`industry=C3` keeps C30–C39), case-insensitive.
/// - `size=中型` (or `medium`; also 大型/large, 小型/small, 微型/micro): exact, in either language.
/// - `level>=3` (also `>`, `<=`, `<`, `=`, `!=`): the level rank in every compared rubric; `RUBRIC.level>=3` in one.
/// - `score>=60`: the same, on the 0–100 score.
/// `!=` also works for region, industry and size.
public struct ComparisonFilter: Sendable, Equatable, CustomStringConvertible {
    public enum Field: Sendable, Equatable {
        case region, industry, size
        case level(rubric: String?)
        case score(rubric: String?)
    }

    public enum Operator: String, Sendable, CaseIterable {
        // Two-character operators first, so `>=` is not read as `>`.
        case greaterOrEqual = ">=", lessOrEqual = "<=", notEqual = "!=", equal = "=", greater = ">", less = "<"
    }

    public let field: Field
    public let op: Operator
    public let value: String
    public let number: Double?
    public let description: String

    public static let expectedForms = "region=CODE, industry=CODE, size=SIZE, level>=N or score>=X (operators = != > >= < <=; RUBRIC.level>=N for one rubric)"

    /// Parses `KEY=VALUE`, `level>=N` etc.; the error message says what is wrong.
    public static func parse(_ text: String) -> Result<ComparisonFilter, FilterError> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var found: (key: String, op: Operator, value: String)?
        // The operator is the first run of = ! < > characters, two-character operators before one-character ones.
        if let start = trimmed.firstIndex(where: { "=!<>".contains($0) }) {
            let rest = trimmed[start...]
            if let op = Operator.allCases.first(where: { rest.hasPrefix($0.rawValue) }) {
                let key = String(trimmed[..<start]).trimmingCharacters(in: .whitespaces)
                let value = String(rest.dropFirst(op.rawValue.count)).trimmingCharacters(in: .whitespaces)
                found = (key, op, value)
            }
        }
        guard let found, !found.key.isEmpty, !found.value.isEmpty else {
            return .failure(FilterError(message: "cannot read --where '\(text)'; expected \(expectedForms)"))
        }
        let key = found.key.lowercased()
        let field: Field
        var rubric: String?
        var base = key
        if let dot = found.key.lastIndex(of: ".") {
            rubric = String(found.key[..<dot])
            base = String(found.key[found.key.index(after: dot)...]).lowercased()
        }
        switch base {
        case "region" where rubric == nil: field = .region
        case "industry" where rubric == nil: field = .industry
        case "size" where rubric == nil: field = .size
        case "level": field = .level(rubric: rubric)
        case "score": field = .score(rubric: rubric)
        default:
            return .failure(FilterError(message: "unknown --where key '\(found.key)'; expected \(expectedForms)"))
        }
        var number: Double?
        switch field {
        case .region, .industry, .size:
            guard found.op == .equal || found.op == .notEqual else {
                return .failure(FilterError(message: "--where \(found.key) takes = or !=, not \(found.op.rawValue)"))
            }
        case .level, .score:
            guard let value = DecimalNumber.parse(found.value) else {
                return .failure(FilterError(message: "--where \(found.key) expects a number, got '\(found.value)'"))
            }
            number = value
        }
        return .success(ComparisonFilter(field: field, op: found.op, value: found.value, number: number,
                                         description: "\(found.key)\(found.op.rawValue)\(found.value)"))
    }

    public struct FilterError: Error, Sendable, Equatable {
        public let message: String
    }

    /// Whether the enterprise's attributes pass (level and score conditions are checked by `accepts(results:)`).
    public func accepts(_ enterprise: Enterprise) -> Bool {
        let matches: Bool
        switch field {
        case .region: matches = Self.regionMatches(enterprise.region, value)
        case .industry: matches = enterprise.industry.uppercased().hasPrefix(value.uppercased())
        case .size: matches = Self.sizeClass(enterprise.size) == Self.sizeClass(value)
        case .level, .score: return true
        }
        return op == .notEqual ? !matches : matches
    }

    /// Whether the enterprise's results pass a level or score condition. Applies to the results of `rubric` when the
    /// condition names one, else to every compared result; a result without a level (or score) fails it.
    public func accepts(results: [RubricResult]) -> Bool {
        let target: Double?
        switch field {
        case .region, .industry, .size: return true
        case .level(let rubric), .score(let rubric):
            let relevant = rubric.map { id in results.filter { $0.rubric.id == id } } ?? results
            guard !relevant.isEmpty else { return false }
            target = number
            for result in relevant {
                let actual: Double?
                if case .level = field { actual = result.level.map { Double($0.rank) } } else { actual = result.score }
                guard let actual, let target, compare(actual, target) else { return false }
            }
            return true
        }
    }

    public var isResultCondition: Bool {
        switch field {
        case .level, .score: return true
        default: return false
        }
    }

    /// The rubric a level or score condition names, if any.
    public var rubric: String? {
        switch field {
        case .level(let rubric), .score(let rubric): return rubric
        default: return nil
        }
    }

    func compare(_ actual: Double, _ target: Double) -> Bool {
        switch op {
        case .equal: return actual == target
        case .notEqual: return actual != target
        case .greater: return actual > target
        case .greaterOrEqual: return actual >= target
        case .less: return actual < target
        case .lessOrEqual: return actual <= target
        }
    }

    static func regionMatches(_ region: String, _ filter: String) -> Bool {
        var prefix = Substring(filter)
        while prefix.count > 2 && prefix.hasSuffix("00") { prefix = prefix.dropLast(2) }
        return region.hasPrefix(prefix)
    }

    /// 大型/large/L → "large", …; anything else is compared as written (lowercased).
    static func sizeClass(_ text: String) -> String {
        let value = text.trimmingCharacters(in: .whitespaces).lowercased()
        switch value {
        case "大型", "大", "large", "l": return "large"
        case "中型", "中", "medium", "m": return "medium"
        case "小型", "小", "small", "s": return "small"
        case "微型", "微", "micro", "xs": return "micro"
        default: return value
        }
    }
}
