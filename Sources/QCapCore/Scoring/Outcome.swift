/// What a criterion check concluded.
///
/// The set follows XCCDF and OpenSSF Scorecard: `notApplicable` and `noEvidence` are not zeros, they leave the
/// denominator and lower coverage; `error` counts as not met; `waived` keeps the raw outcome for the raw score.
public enum Outcome: String, Sendable, Codable, CaseIterable, Hashable {
    case met, partial, notMet, notApplicable, noEvidence, error, waived

    /// Whether the outcome takes part in the score.
    public var isScored: Bool {
        switch self {
        case .met, .partial, .notMet, .error: return true
        case .notApplicable, .noEvidence, .waived: return false
        }
    }

    public var label: LocalizedText {
        switch self {
        case .met: return LocalizedText(zh: "符合", en: "met")
        case .partial: return LocalizedText(zh: "部分符合", en: "partial")
        case .notMet: return LocalizedText(zh: "不符合", en: "not met")
        case .notApplicable: return LocalizedText(zh: "不适用", en: "not applicable")
        case .noEvidence: return LocalizedText(zh: "缺少证据", en: "no evidence")
        case .error: return LocalizedText(zh: "错误", en: "error")
        case .waived: return LocalizedText(zh: "豁免", en: "waived")
        }
    }
}
