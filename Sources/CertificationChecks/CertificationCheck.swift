import QCapCore

/// What every certification probe starts from: the rule data, the family the criterion belongs to (the id before
/// the first `.`, e.g. `QMS` of `QMS.status`), the enterprise's certificates and the assessment date.
struct CertificationCheck {
    enum Preparation {
        case ready(CertificationCheck)
        case concluded(Finding)
    }

    let input: ProbeInput
    let config: CertificationConfig
    let family: CertificationFamily
    let certificates: CertificateEvidence
    /// This family's records.
    let records: [CertificateRecord]
    let asOf: Day

    /// A probe that runs `body` once the shared preparation succeeds.
    static func probe(_ id: String, _ body: @escaping @Sendable (CertificationCheck) -> Finding) -> Probe {
        Probe(id: id) { input in
            switch prepare(input) {
            case .ready(let check): return body(check)
            case .concluded(let finding): return finding
            }
        }
    }

    static func prepare(_ input: ProbeInput) -> Preparation {
        let config: CertificationConfig
        let loaded = (input.prepared as? Result<CertificationConfig, ConfigProblem>) ?? CertificationConfig.load(input.parameters)
        switch loaded {
        case .success(let loaded): config = loaded
        case .failure(let problem): return .concluded(input.finding(.error, score: 0, message: problem.message))
        }
        let familyID = String(input.criterion.id.prefix { $0 != "." })
        guard let family = config.family(familyID) else {
            return .concluded(input.finding(.error, score: 0, message: LocalizedText(
                zh: "条款 \(input.criterion.id) 的体系 \(familyID) 不在参数 families 中",
                en: "criterion \(input.criterion.id) names family \(familyID), which is not in the families parameter")))
        }
        let certificates = (input.enterprisePrepared as? CertificateEvidence)
            ?? CertificateEvidence(evidence: input.evidence, config: config)
        guard certificates.hasData else {
            let what = input.criterion.evidence?.description ?? LocalizedText(zh: "证书记录（cert.records）", en: "certificate records (cert.records)")
            return .concluded(input.finding(.noEvidence, score: nil,
                                            message: LocalizedText(zh: "缺少证据，请收集：\(what.zh)", en: "no evidence; collect: \(what.en)")))
        }
        return .ready(CertificationCheck(input: input, config: config, family: family, certificates: certificates,
                                         records: certificates.records(of: familyID), asOf: input.context.asOf))
    }

    var primary: CertificateRecord? { CertificateEvidence.primary(of: records, asOf: asOf) }

    /// A probe of the primary certificate's contents (edition, cycle, body, holder, scope …). It runs only when the
    /// certificate is in force; otherwise the check does not apply: with no certificate the presence check reports
    /// the gap, and with one out of force the status and expiry checks say why.
    static func probeInForce(_ id: String, _ body: @escaping @Sendable (CertificationCheck, CertificateRecord) -> Finding) -> Probe {
        probe(id) { check in
            guard let record = check.primary else {
                return check.finding(.notApplicable, zh: "没有\(check.family.name.zh)证书，此项不适用",
                                     en: "no \(check.family.name.en) certificate, so this check does not apply")
            }
            guard record.isInForce(asOf: check.asOf) else {
                let why = record.notInForceReason
                return check.finding(.notApplicable, zh: "证书 \(record.label) 不在有效状态（\(why.zh)），此项不适用",
                                     en: "certificate \(record.label) is not in force (\(why.en)), so this check does not apply",
                                     record: record)
            }
            return body(check, record)
        }
    }

    /// A finding for this criterion. Scores default to 1 for met and 0 for notMet and error; partial needs one.
    func finding(_ outcome: Outcome, zh: String, en: String, score: Double? = nil, record: CertificateRecord? = nil,
                 also: [Provenance] = [], details: [String: String] = [:]) -> Finding {
        let scored: Double?
        switch outcome {
        case .met: scored = score ?? 1
        case .notMet, .error: scored = score ?? 0
        case .partial: scored = score ?? config.warningScore
        default: scored = nil
        }
        var allDetails = details
        if let record {
            allDetails["certificate"] = record.label
            allDetails["source"] = record.isRegistry ? "registry" : "declared"
        }
        let cited = (record.map { [$0.provenance] } ?? []) + also
        return input.finding(outcome, score: scored, message: LocalizedText(zh: zh, en: en), evidence: cited,
                             details: allDetails.isEmpty ? nil : allDetails)
    }

    enum CycleDates {
        case dates(issue: Day, expiry: Day)
        case concluded(Finding)
    }

    /// The record's issue and expiry dates, or the finding when either is unreadable (error) or missing (noEvidence,
    /// saying `missing`).
    func cycleDates(of record: CertificateRecord, missing: LocalizedText) -> CycleDates {
        switch (record.date("issueDate"), record.date("expiryDate")) {
        case (.malformed(let text), _): return .concluded(malformed("issueDate", text, expected: DateText.acceptedForms, record: record))
        case (_, .malformed(let text)): return .concluded(malformed("expiryDate", text, expected: DateText.acceptedForms, record: record))
        case (.value(let issue), .value(let expiry)): return .dates(issue: issue, expiry: expiry)
        default: return .concluded(finding(.noEvidence, zh: missing.zh, en: missing.en, record: record))
        }
    }

    /// What the record's certificate follows: an initial certification or a recertification. A recertification is
    /// one the record says so (再认证次数 ≥ 1, or first issued before this issue); it restarts as an initial
    /// certification when it was decided after the previous certificate expired and the rule in force on its issue
    /// date says so (`lateRecertificationRestarts`). The previous expiry is the record's `previousExpiryDate`, else the
    /// latest expiry of this family's certificates issued before it. `lateAfter` is that expiry when it restarted.
    func start(of record: CertificateRecord, issue: Day) -> (start: SurveillanceRule.Start, lateAfter: Day?) {
        var recertified = false
        if case .value(let count) = record.count("recertificationCount"), count >= 1 { recertified = true }
        if case .value(let first) = record.date("firstIssueDate"), first < issue { recertified = true }
        guard recertified else { return (.initialCertification, nil) }
        var previous: Day?
        if case .value(let day) = record.date("previousExpiryDate") {
            previous = day
        } else {
            previous = records.compactMap { other -> Day? in
                guard case .value(let otherIssue) = other.date("issueDate"), otherIssue < issue else { return nil }
                return other.expiry
            }.max()
        }
        if let previous, previous < issue, config.surveillanceRules.rule(on: issue)?.lateRecertificationRestarts == true {
            return (.initialCertification, previous)
        }
        return (.recertification, nil)
    }

    /// An error for a field that cannot be read, citing the record.
    func malformed(_ key: String, _ value: String, expected: String, record: CertificateRecord) -> Finding {
        finding(.error, zh: "证书 \(record.label) 的 \(key) 无法读取：“\(value)”（\(record.provenance.citation)），应为\(expected)",
                en: "certificate \(record.label): cannot read \(key) \"\(value)\" (\(record.provenance.citation)); expected \(expected)",
                record: record)
    }
}
