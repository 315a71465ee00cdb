import QCapCore

/// Award-readiness thresholds a workspace sets: a minimum total and, optionally, minimum points per category.
///
/// No published award score threshold was found, so the rubric ships none (`readiness` is null) and the kit makes no
/// readiness judgement until a workspace sets them in `qcap.json`:
///
///     "tailoring": {"excellence": {"parameters": {"readiness": {"minTotal": 600, "minPerCategory": {"4.7": 240}}}}}
public struct ReadinessThresholds: Sendable, Equatable {
    /// Points out of the rubric's maximum (1000).
    public var minTotal: Double?
    /// Points per category id (`4.1` … `4.7`).
    public var minPerCategory: [String: Double]

    public init(minTotal: Double?, minPerCategory: [String: Double] = [:]) {
        self.minTotal = minTotal
        self.minPerCategory = minPerCategory
    }

    public struct Problem: Error, Sendable, Equatable {
        public var zh: String
        public var en: String
    }

    public static let expectedForm = "{\"minTotal\": points, \"minPerCategory\": {\"4.1\": points, …}}"

    public static func parse(_ value: JSONValue) -> Result<ReadinessThresholds, Problem> {
        guard let object = value.objectValue else {
            return .failure(Problem(zh: "应为对象 \(expectedForm)", en: "expected an object \(expectedForm)"))
        }
        var thresholds = ReadinessThresholds(minTotal: nil)
        for (key, member) in object {
            switch key {
            case "minTotal":
                guard let number = member.numberValue, number >= 0 else {
                    return .failure(Problem(zh: "minTotal 应为不小于 0 的分数", en: "minTotal must be a number of points ≥ 0"))
                }
                thresholds.minTotal = number
            case "minPerCategory":
                guard let categories = member.objectValue else {
                    return .failure(Problem(zh: "minPerCategory 应为 {类目编号: 分数}", en: "minPerCategory must map category ids to points"))
                }
                for (category, points) in categories {
                    guard let number = points.numberValue, number >= 0 else {
                        return .failure(Problem(zh: "minPerCategory.\(category) 应为不小于 0 的分数", en: "minPerCategory.\(category) must be a number of points ≥ 0"))
                    }
                    thresholds.minPerCategory[category] = number
                }
            default:
                return .failure(Problem(zh: "未知键 \(key)", en: "unknown key \(key); expected minTotal or minPerCategory"))
            }
        }
        if thresholds.minTotal == nil && thresholds.minPerCategory.isEmpty {
            return .failure(Problem(zh: "未设定任何门槛", en: "no threshold is set"))
        }
        return .success(thresholds)
    }

    /// A readiness verdict: ready when every threshold set is reached.
    public struct Judgement: Sendable, Equatable {
        public var ready: Bool
        /// One line per threshold not reached, or naming an unknown category.
        public var shortfalls: [LocalizedText]
    }

    /// Judges points against the thresholds. `categories` maps category id to (title, points earned).
    public func judge(total: Double, categories: [String: (title: LocalizedText, points: Double)]) -> Judgement {
        var shortfalls: [LocalizedText] = []
        if let minTotal, total + 1e-9 < minTotal {
            shortfalls.append(LocalizedText(zh: "总分 \(total.formatted) 分，低于门槛 \(minTotal.formatted) 分（差 \((minTotal - total).formatted) 分）",
                                            en: "total \(total.formatted) points, below the threshold of \(minTotal.formatted) (short by \((minTotal - total).formatted))"))
        }
        for id in minPerCategory.keys.sorted() {
            guard let minimum = minPerCategory[id] else { continue }
            guard let category = categories[id] else {
                shortfalls.append(LocalizedText(zh: "门槛中的类目 \(id) 不存在", en: "the thresholds name category \(id), which does not exist"))
                continue
            }
            if category.points + 1e-9 < minimum {
                shortfalls.append(LocalizedText(
                    zh: "\(id) \(category.title.zh) \(category.points.formatted) 分，低于门槛 \(minimum.formatted) 分",
                    en: "\(id) \(category.title.en) \(category.points.formatted) points, below the threshold of \(minimum.formatted)"))
            }
        }
        return Judgement(ready: shortfalls.isEmpty, shortfalls: shortfalls)
    }
}
