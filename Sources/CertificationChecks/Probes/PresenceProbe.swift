import QCapCore

/// A certificate of the family is in force, when the enterprise's industry requires the family.
/// A certificate only the enterprise declares is a warning; no certificate is notApplicable for a family the
/// industry does not require.
enum PresenceProbe {
    static let probe = CertificationCheck.probe("cert.presence") { check in
        if let problem = check.certificates.problems.first {
            return check.finding(.error, zh: "证书数据无法读取：\(problem.message)（\(problem.provenance.citation)）",
                                 en: "certificate data cannot be read: \(problem.message) (\(problem.provenance.citation))",
                                 also: [problem.provenance])
        }
        let family = check.family.name
        let inForce = check.records.filter { $0.isInForce(asOf: check.asOf) }
        if let record = CertificateEvidence.primary(of: inForce.filter(\.isRegistry), asOf: check.asOf) {
            let until = record.expiry.map { "，\($0) 到期" } ?? ""
            let untilEn = record.expiry.map { ", expires \($0)" } ?? ""
            return check.finding(.met, zh: "登记数据中有有效的\(family.zh)证书 \(record.label)\(until)",
                                 en: "the registry shows \(family.en) certificate \(record.label) in force\(untilEn)", record: record)
        }
        // A declaration counts only where the registry does not contradict it (same number, out of force there).
        let registry = check.records.filter(\.isRegistry)
        let unconfirmed = inForce.filter { claim in
            !claim.isRegistry && !registry.contains { CertificateEvidence.numbersMatch(claim.number, $0.number) }
        }
        if let record = CertificateEvidence.primary(of: unconfirmed, asOf: check.asOf) {
            return check.finding(.partial, zh: "只有企业申报的\(family.zh)证书 \(record.label)，登记数据中未见，按提醒计分",
                                 en: "only a declared \(family.en) certificate, \(record.label), which no registry confirms: counted as a warning",
                                 record: record)
        }
        let industry = check.input.enterprise.industry
        let industryText = industry.isEmpty ? LocalizedText(zh: "行业代码未知，默认", en: "with no industry code, the default") :
            LocalizedText(zh: "行业 \(industry) ", en: "industry \(industry)")
        guard check.config.requiredFamilies(industry: industry).contains(check.family.id) else {
            return check.finding(.notApplicable, zh: "\(industryText.zh)不要求\(family.zh)认证，且没有有效证书",
                                 en: "\(industryText.en) does not require \(family.en) certification, and none is in force")
        }
        let lapsed = check.records.sorted { $0.number < $1.number }
        let lapsedZh = lapsed.map { "\($0.label)（\($0.notInForceReason.zh)）" }.joined(separator: "、")
        let lapsedEn = lapsed.map { "\($0.label) (\($0.notInForceReason.en))" }.joined(separator: ", ")
        let detailZh = lapsed.isEmpty ? "没有任何证书记录" : "记录中的证书均不在有效状态：\(lapsedZh)"
        let detailEn = lapsed.isEmpty ? "no certificate is on record" : "none on record is in force: \(lapsedEn)"
        return check.finding(.notMet, zh: "\(industryText.zh)要求\(family.zh)认证，但\(detailZh)",
                             en: "\(industryText.en) requires \(family.en) certification, but \(detailEn)",
                             also: check.records.map(\.provenance) + (check.certificates.registryCitation.map { [$0] } ?? []))
    }
}
