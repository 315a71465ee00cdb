/// A certificate's status, normalised from the Chinese registry values, the IAF CertSearch values and status codes.
/// The spellings that map to each case are rubric data (`statusVocabulary`, `statusCodes`); only `valid` is in force.
enum CertificateStatus: String, Sendable, CaseIterable {
    case valid, suspended, withdrawn, cancelled, expired, inactive, draft, pending, hidden, deleted
}

/// What a record's status text says.
enum StatusReading: Sendable, Equatable {
    case missing
    case known(CertificateStatus)
    case unrecognised(String)

    /// In force unless the status says otherwise; a missing status does not contradict.
    var allowsInForce: Bool {
        switch self {
        case .missing, .known(.valid): return true
        default: return false
        }
    }
}
