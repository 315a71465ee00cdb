import QCapCore

/// The verdict on each family and on the enterprise, since the rubric has no levels: one line per family for the
/// report — the certificate found, whether it is 有效 (valid), 有缺陷 (flawed) or 缺失 (missing), its score, and the
/// checks that fell short — and a short verdict for the result (`2/3 有效`), shown where a level would be.
enum FamilySummary {
    /// Where a family stands.
    enum State: Equatable {
        /// A certificate in force, every check evaluated met.
        case valid
        /// A certificate in force with a check that is not met, partly met (a warning) or in error.
        case flawed
        /// No certificate in force.
        case missing

        var label: LocalizedText {
            switch self {
            case .valid: return LocalizedText(zh: "有效", en: "valid")
            case .flawed: return LocalizedText(zh: "有缺陷", en: "flawed")
            case .missing: return LocalizedText(zh: "缺失", en: "missing")
            }
        }
    }

    /// One family that applies to the enterprise: it is required, or a certificate of it is on record.
    struct Family {
        let family: CertificationFamily
        let state: State
        let primary: CertificateRecord?
        let score: Double?
        let shortfalls: [LocalizedText]
    }

    /// The families that apply, in the rubric's order. Nil when there is no certificate evidence at all (every check
    /// asks for it): then there is nothing to judge.
    static func families(result: RubricResult, descriptor: RubricDescriptor, certificates: CertificateEvidence, asOf: Day,
                         config: CertificationConfig) -> [Family]? {
        guard certificates.hasData else { return nil }
        let findings = Dictionary(result.findings.map { ($0.criterion, $0) }, uniquingKeysWith: { first, _ in first })
        let scores = Dictionary(result.nodes.map { ($0.criterion, $0.score) }, uniquingKeysWith: { first, _ in first })
        var families: [Family] = []
        for node in descriptor.criteria {
            guard let family = config.family(node.id) else { continue }
            let leaves = (node.children ?? []).compactMap { child in findings[child.id].map { (child, $0) } }
            let records = certificates.records(of: family.id)
            let required = leaves.contains { $0.1.criterion.hasSuffix(".presence") && $0.1.outcome != .notApplicable }
            guard required || !records.isEmpty else { continue }
            let primary = CertificateEvidence.primary(of: records, asOf: asOf)
            let state: State
            if primary?.isInForce(asOf: asOf) != true {
                state = .missing
            } else if leaves.contains(where: { [.notMet, .partial, .error].contains($0.1.outcome) }) {
                state = .flawed
            } else {
                state = .valid
            }
            let shortfalls = leaves.filter { [.notMet, .partial, .error].contains($0.1.outcome) }.map(\.0.title)
            families.append(Family(family: family, state: state, primary: primary, score: scores[node.id] ?? nil, shortfalls: shortfalls))
        }
        return families
    }

    /// `2/3 有效`: how many of the families that apply are valid; nil without certificate evidence.
    static func verdict(_ families: [Family]?) -> LocalizedText? {
        guard let families else { return nil }
        if families.isEmpty { return LocalizedText(zh: "无须认证", en: "none required") }
        let valid = families.filter { $0.state == .valid }.count
        return LocalizedText(zh: "\(valid)/\(families.count) 有效", en: "\(valid)/\(families.count) valid")
    }

    static func notes(_ families: [Family]?) -> [LocalizedText] {
        (families ?? []).map { entry in
            let family = entry.family
            var zh = "\(family.id) \(family.name.zh)："
            var en = "\(family.id) \(family.name.en): "
            if let record = entry.primary {
                let expiry = record.expiry.map { "，\($0) 到期" } ?? ""
                zh += "证书 \(record.label)（\(record.sourceLabel.zh)，\(record.provenance.citation)\(expiry)）"
                en += "certificate \(record.label) (\(record.sourceLabel.en), \(record.provenance.citation)\(record.expiry.map { ", expires \($0)" } ?? ""))"
            } else {
                zh += "无证书"
                en += "no certificate"
            }
            zh += "；结论：\(entry.state.label.zh)"
            en += "; verdict: \(entry.state.label.en)"
            if let score = entry.score.map({ ($0 * 10).rounded() / 10 }) {
                zh += "（\(score.formatted) 分）"
                en += " (\(score.formatted))"
            }
            if !entry.shortfalls.isEmpty {
                zh += "；未满足：\(entry.shortfalls.map(\.zh).joined(separator: "、"))"
                en += "; falling short: \(entry.shortfalls.map(\.en).joined(separator: ", "))"
            }
            return LocalizedText(zh: zh, en: en)
        }
    }
}
