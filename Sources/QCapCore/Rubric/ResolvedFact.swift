/// One fact key resolved for a criterion: the value that counts, or the finding to give when no source supplied it
/// or sources of the same rank disagree.
///
/// The engine's declarative rules, every probe that reads a fact (`ProbeInput.resolveFact`) and the scaffold's probe
/// resolve through it, so missing and conflicting evidence read, cite and score the same everywhere.
public enum ResolvedFact: Sendable {
    /// The value that counts; cite `resolution.cited` and append `resolution.noting(_:)` to the message.
    case value(Resolution)
    /// No source supplied the key: a `noEvidence` finding saying what to collect.
    case noEvidence(Finding)
    /// Sources of the same rank disagree: an `error` finding (score 0) listing and citing every value.
    case conflict(Finding)

    /// Resolves `key` in `evidence` for the criterion `criterion`; `missing` says what to collect when it is absent
    /// (built only then).
    public static func resolve(_ key: String, in evidence: Evidence, criterion: String,
                               missing: @autoclosure () -> LocalizedText) -> ResolvedFact {
        guard let resolved = evidence.resolve(key) else { return .noEvidence(noEvidence(criterion: criterion, missing: missing())) }
        guard !resolved.hasConflict else {
            let all = [resolved.fact] + resolved.conflicting
            let listing = all.map { "\(JSONWriter.write($0.value)) (\($0.provenance.citation))" }.joined(separator: " / ")
            return .conflict(Finding(criterion: criterion, outcome: .error, score: 0,
                                     message: LocalizedText(zh: "证据冲突：\(listing)", en: "conflicting evidence: \(listing)"),
                                     evidence: all.map(\.provenance)))
        }
        return .value(resolved)
    }

    /// The finding for evidence nobody supplied: it leaves the score and asks to collect `missing`.
    public static func noEvidence(criterion: String, missing: LocalizedText) -> Finding {
        Finding(criterion: criterion, outcome: .noEvidence, score: nil,
                message: LocalizedText(zh: "缺少证据，请收集：\(missing.zh)", en: "no evidence; collect: \(missing.en)"))
    }

    /// "fact mqc.D1.01": what to collect when a criterion does not describe its evidence.
    public static func describe(_ key: String) -> LocalizedText {
        LocalizedText(zh: "事实 \(key)", en: "fact \(key)")
    }
}

extension Resolution {
    /// The provenance to cite: what the counting fact cites, then the lower-priority facts it overrode.
    public var cited: [Provenance] {
        overridden.isEmpty ? fact.citation : fact.citation + overridden.map(\.provenance)
    }

    /// `message`, followed by which lower-priority values the counting one overrode (when any did), so a corrected
    /// self-assessment never disappears silently.
    public func noting(_ message: LocalizedText) -> LocalizedText {
        guard !overridden.isEmpty else { return message }
        let others = overridden.map { "\(JSONWriter.write($0.value)) (\($0.provenance.source.rawValue), \($0.provenance.citation))" }
            .joined(separator: "; ")
        let winner = fact.provenance.source.rawValue
        return LocalizedText(zh: message.zh + "；\(winner) 取值优先，差异：\(others)", en: message.en + "; \(winner) value wins over \(others)")
    }
}
