import QCapCore

/// The region's view counts certificates in force with this rubric's own reading of the records: the same families,
/// status vocabulary and family inference the checks use, from the same (tailored) rule data.
extension CertificationRubric: CertificateCensusProviding {
    public func certificateCensus(parameters: [String: JSONValue]) -> CertificateCensus? {
        guard case .success(let config) = CertificationConfig.load(parameters) else { return nil }
        return CertificateCensus(
            families: config.families.map { CertificateCensus.Family(id: $0.id, name: $0.name) },
            expiringWithinDays: config.expiryWarningDays,
            factKeys: [CertificateEvidence.recordsKey]) { evidence in
                CertificateEvidence(evidence: evidence, config: config).records.filter(\.isRegistry).map(Self.censusCertificate)
            }
    }

    static func censusCertificate(_ record: CertificateRecord) -> CensusCertificate {
        let status: CensusCertificate.Status
        switch record.status {
        case .missing, .known(.valid): status = .valid
        case .known(.suspended): status = .suspended
        case .known(.withdrawn): status = .withdrawn
        case .known(let other): status = .other(other.rawValue)
        case .unrecognised(let text): status = .unrecognised(text)
        }
        func day(_ key: String) -> Day? {
            if case .value(let day) = record.date(key) { return day }
            return nil
        }
        return CensusCertificate(number: record.number, family: record.familyID, status: status, issued: day("issueDate"),
                                 firstIssued: day("firstIssueDate"), expiry: record.expiry)
    }
}
