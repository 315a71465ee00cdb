/// Human-readable text in the two languages reports are handed out in.
///
/// Evaluators hand reports to Chinese factories, and reviewers abroad read the English; every descriptor text
/// therefore carries both, and renderers pick one with `Language`.
public struct LocalizedText: Sendable, Hashable, Codable {
    public var zh: String
    public var en: String

    /// Text in Chinese and English.
    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// The same text in both languages (identifiers, numbers, names).
    public init(_ both: String) {
        self.init(zh: both, en: both)
    }

    /// The text in `language`, or the other one when it is empty.
    public func text(_ language: Language) -> String {
        switch language {
        case .zh: return zh.isEmpty ? en : zh
        case .en: return en.isEmpty ? zh : en
        }
    }
}

/// The report language: Chinese by default, because the people who read the reports are Chinese factory managers.
public enum Language: String, Sendable, CaseIterable, Codable {
    case zh, en
}
