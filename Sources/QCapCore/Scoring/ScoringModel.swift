/// The scoring model a result was computed with, and its parameters, as recorded in every result.
public struct ScoringModel: Sendable, Codable, Hashable {
    /// The scoring models of docs/rubric-format.md.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case weightedTree, flat, unweighted, absolute, maturityGated, points
    }
    public var kind: Kind
    public var threshold: Double?
    public var bands: [ScoringSpec.Band]?
    public var maxPoints: Double?

    /// A model with its parameters, as the `scoring` object gives them.
    public init(kind: Kind, threshold: Double? = nil, bands: [ScoringSpec.Band]? = nil, maxPoints: Double? = nil) {
        self.kind = kind
        self.threshold = threshold
        self.bands = bands
        self.maxPoints = maxPoints
    }

    /// The default gate threshold of maturity-gated rubrics (an assumption of the brief; configurable).
    public static let defaultThreshold = 0.8

    /// A sentence stating the rule, for reports ("a report always states the rule it used").
    public func ruleText(maxRank: Int) -> LocalizedText {
        switch kind {
        case .weightedTree:
            return LocalizedText(zh: "加权树：各节点按权重对已评价的下级求加权平均，缺少证据和不适用项不计入分母。",
                                 en: "Weighted tree: each node is the weighted mean of its evaluated children; no-evidence and not-applicable items leave the denominator.")
        case .flat:
            return LocalizedText(zh: "平铺加权：所有已评价的末级条款按自身权重求加权平均。",
                                 en: "Flat: the weighted mean of all evaluated leaf criteria, each with its own weight.")
        case .unweighted:
            return LocalizedText(zh: "等权：所有已评价的末级条款求算术平均。", en: "Unweighted: the plain mean of all evaluated leaf criteria.")
        case .absolute:
            return LocalizedText(zh: "全有或全无：所有已评价条款均符合得 100 分，否则 0 分。",
                                 en: "Absolute: 100 when every evaluated criterion is met, otherwise 0.")
        case .maturityGated:
            let t = (threshold ?? Self.defaultThreshold).formatted
            return LocalizedText(
                zh: "成熟度门槛：企业达到等级 L，当且仅当所有否决项均达到 L，且达到 L 的指标加权占比不低于 \(t)，并且所有更低等级均已达到。",
                en: "Maturity gated: the enterprise holds level L when every must-pass criterion attains L, the weighted share attaining L is at least \(t), and every lower level is held.")
        case .points:
            let max = (maxPoints ?? 0).formatted
            return LocalizedText(zh: "计分制：条款得分率乘以分值后累加，满分 \(max) 分，按分数段定级。",
                                 en: "Points: each item's percentage times its points, summed out of \(max), banded into levels.")
        }
    }
}
