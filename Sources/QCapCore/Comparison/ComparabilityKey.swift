/// What must match for two results to be compared: the rubric id, version and content hash, the scoring model with
/// its parameters, and the tailoring. Results that differ in any of them are never ranked, averaged or subtracted
/// together; `differences` says why they were left apart.
public struct ComparabilityKey: Sendable, Hashable {
    public var rubric: String
    public var version: String
    public var hash: String
    public var model: ScoringModel
    public var tailoring: String

    public init(rubric: String, version: String, hash: String, model: ScoringModel, tailoring: String) {
        self.rubric = rubric
        self.version = version
        self.hash = hash
        self.model = model
        self.tailoring = tailoring
    }

    public init(_ result: RubricResult) {
        self.init(rubric: result.rubric.id, version: result.rubric.version, hash: result.rubric.hash, model: result.model,
                  tailoring: result.tailoring)
    }

    /// The reasons `other` cannot be compared with `self`; empty when they can.
    public func differences(from other: ComparabilityKey) -> [LocalizedText] {
        var reasons: [LocalizedText] = []
        if rubric != other.rubric {
            reasons.append(LocalizedText(zh: "评价规则不同（\(rubric) / \(other.rubric)）", en: "different rubrics (\(rubric) / \(other.rubric))"))
        }
        if version != other.version {
            reasons.append(LocalizedText(zh: "规则版本不同（\(version) / \(other.version)）", en: "rubric version differs (\(version) / \(other.version))"))
        }
        if hash != other.hash {
            let mine = String(hash.prefix(12))
            let theirs = String(other.hash.prefix(12))
            reasons.append(LocalizedText(zh: "规则内容哈希不同（\(mine) / \(theirs)）", en: "rubric content hash differs (\(mine) / \(theirs))"))
        }
        if model != other.model {
            reasons.append(LocalizedText(zh: "评分模型或参数不同（\(Self.describe(model)) / \(Self.describe(other.model))）",
                                         en: "scoring model or its parameters differ (\(Self.describe(model)) / \(Self.describe(other.model)))"))
        }
        if tailoring != other.tailoring {
            reasons.append(LocalizedText(zh: "剪裁不同（\(tailoring) / \(other.tailoring)）", en: "tailoring differs (\(tailoring) / \(other.tailoring))"))
        }
        return reasons
    }

    /// `maturityGated(threshold 0.8)`, `points(max 1000)`: a model in a few words.
    public static func describe(_ model: ScoringModel) -> String {
        var parts: [String] = []
        if let threshold = model.threshold { parts.append("threshold \(threshold.formatted)") }
        if let maxPoints = model.maxPoints { parts.append("max \(maxPoints.formatted)") }
        if let bands = model.bands, !bands.isEmpty {
            parts.append("bands " + bands.map { "\($0.min.formatted)→\($0.level)" }.joined(separator: ","))
        }
        return parts.isEmpty ? model.kind.rawValue : "\(model.kind.rawValue)(\(parts.joined(separator: "; ")))"
    }
}
