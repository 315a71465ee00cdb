import QCapCore

/// One line per family for the report: the certificate found, the family's outcome and score, and the checks that
/// fell short, so an evaluator reads the verdict on each certificate without scanning every finding.
enum FamilySummary {
    static func notes(result: RubricResult, descriptor: RubricDescriptor, certificates: CertificateEvidence, asOf: Day,
                      config: CertificationConfig) -> [LocalizedText] {
        let findings = Dictionary(result.findings.map { ($0.criterion, $0) }, uniquingKeysWith: { first, _ in first })
        let scores = Dictionary(result.nodes.map { ($0.criterion, $0.score) }, uniquingKeysWith: { first, _ in first })
        var notes: [LocalizedText] = []
        for node in descriptor.criteria {
            guard let family = config.family(node.id) else { continue }
            let leaves = (node.children ?? []).compactMap { child in findings[child.id].map { (child, $0) } }
            let outcome = familyOutcome(leaves.map(\.1.outcome))
            // A family that neither applies nor has evidence says nothing worth a line.
            if outcome == .notApplicable && certificates.records(of: family.id).isEmpty { continue }
            var zh = "\(family.id) \(family.name.zh)："
            var en = "\(family.id) \(family.name.en): "
            if let record = CertificateEvidence.primary(of: certificates.records(of: family.id), asOf: asOf) {
                let expiry = record.expiry.map { "，\($0) 到期" } ?? ""
                zh += "证书 \(record.label)（\(record.sourceLabel.zh)，\(record.provenance.citation)\(expiry)）"
                en += "certificate \(record.label) (\(record.sourceLabel.en), \(record.provenance.citation)\(record.expiry.map { ", expires \($0)" } ?? ""))"
            } else {
                zh += "无证书"
                en += "no certificate"
            }
            zh += "；结论：\(outcome.label.zh)"
            en += "; outcome: \(outcome.label.en)"
            if let score = (scores[node.id] ?? nil).map({ ($0 * 10).rounded() / 10 }) {
                zh += "（\(score.formatted) 分）"
                en += " (\(score.formatted))"
            }
            let short = leaves.filter { [.notMet, .partial, .error].contains($0.1.outcome) }.map(\.0.title)
            if !short.isEmpty {
                zh += "；未满足：\(short.map(\.zh).joined(separator: "、"))"
                en += "; falling short: \(short.map(\.en).joined(separator: ", "))"
            }
            notes.append(LocalizedText(zh: zh, en: en))
        }
        return notes
    }

    /// The family's outcome: notMet when any check fails (an error counts as failed), met when every evaluated check
    /// is met, partial otherwise; with nothing evaluated, noEvidence when evidence is missing, else notApplicable.
    static func familyOutcome(_ outcomes: [Outcome]) -> Outcome {
        let scored = outcomes.filter(\.isScored)
        if scored.contains(.notMet) || scored.contains(.error) { return .notMet }
        if !scored.isEmpty { return scored.allSatisfy { $0 == .met } ? .met : .partial }
        if outcomes.contains(.waived) { return .waived }
        return outcomes.contains(.noEvidence) ? .noEvidence : .notApplicable
    }
}
