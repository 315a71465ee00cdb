import QCapCore

/// Everything one enterprise's evidence says about certificates: the records of `cert.records` and `cert.declared`,
/// and whether a registry was searched for it. Public only as the rubric's enterprise preparation: its contents are the
/// module's own.
public struct CertificateEvidence: Sendable {
    static let recordsKey = "cert.records"
    static let declaredKey = "cert.declared"
    static let registryCheckedKey = "cert.registryChecked"
    /// Every fact key the certificates are read from.
    static let keys = [recordsKey, declaredKey, registryCheckedKey]

    /// A fact value that is not a certificate object (or list of them), with where it came from.
    struct Problem: Sendable {
        let message: String
        let provenance: Provenance
    }

    let records: [CertificateRecord]
    let problems: [Problem]
    /// Whether any certificate evidence exists, including a registry search that found nothing.
    let hasData: Bool
    /// Whether a registry was searched for this enterprise (a registry record, or `cert.registryChecked`).
    let registryChecked: Bool
    let registryCitation: Provenance?

    init(evidence: Evidence, config: CertificationConfig) {
        var records: [CertificateRecord] = []
        var problems: [Problem] = []
        let keyed = evidence.facts(Self.recordsKey).map { ($0, false) } + evidence.facts(Self.declaredKey).map { ($0, true) }
        for (fact, declaredKey) in keyed {
            let items: [JSONValue]
            switch fact.value {
            case .array(let array): items = array
            case .object: items = [fact.value]
            default:
                problems.append(Problem(message: "\(fact.key) is \(fact.value.typeName), expected a list of certificate objects", provenance: fact.provenance))
                continue
            }
            for (index, item) in items.enumerated() {
                guard case .object(let fields) = item else {
                    problems.append(Problem(message: "\(fact.key)[\(index)] is \(item.typeName), expected a certificate object", provenance: fact.provenance))
                    continue
                }
                let isRegistry: Bool
                switch fields["source"]?.stringValue {
                case "registry": isRegistry = !declaredKey
                case "declared": isRegistry = false
                case nil: isRegistry = !declaredKey && fact.provenance.source == .registry
                case let other?:
                    problems.append(Problem(message: "\(fact.key)[\(index)].source is \"\(other)\", expected registry or declared", provenance: fact.provenance))
                    continue
                }
                records.append(CertificateRecord(fields: fields, provenance: fact.provenance, isRegistry: isRegistry, config: config))
            }
        }
        let checkedFact = evidence.facts(Self.registryCheckedKey).first { $0.value.boolValue == true }
        self.records = records
        self.problems = problems
        self.hasData = !keyed.isEmpty || checkedFact != nil
        let searched = records.first(where: \.isRegistry)?.provenance ?? checkedFact?.provenance
        self.registryChecked = searched != nil
        // The file as a whole: what a registry lacks has no line to point at.
        self.registryCitation = searched.map { Provenance(provider: $0.provider, file: $0.file, source: $0.source) }
    }

    func records(of family: String) -> [CertificateRecord] {
        records.filter { $0.familyID == family }
    }

    /// Numbers match when equal in identifier form, or when one is the other plus a `/branch` suffix.
    static func numbersMatch(_ a: String, _ b: String) -> Bool {
        let x = CertificateText.identifier(a), y = CertificateText.identifier(b)
        guard !x.isEmpty, !y.isEmpty else { return false }
        return x == y || x.prefix { $0 != "/" } == y || y.prefix { $0 != "/" } == x
    }

    /// The certificate a family's checks look at: registry before declared, in force before not, the latest expiry
    /// first, then the certificate number, so the choice never depends on input order.
    static func primary(of records: [CertificateRecord], asOf: Day) -> CertificateRecord? {
        records.min { a, b in
            if a.isRegistry != b.isRegistry { return a.isRegistry }
            let aInForce = a.isInForce(asOf: asOf), bInForce = b.isInForce(asOf: asOf)
            if aInForce != bInForce { return aInForce }
            switch (a.expiry, b.expiry) {
            case (let x?, let y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.number < b.number
            }
        }
    }
}
