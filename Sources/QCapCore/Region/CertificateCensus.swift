/// How a rubric module that understands certificate records lends that understanding to the region's view
/// (`qcap region`, `qcap chain`, `qcap site`), which counts certificates in force as regional statistics without
/// importing the module: the module knows the families, the status spellings and how a record names its family,
/// all of which are its rubric data.
///
/// A rubric offers a census by conforming to `CertificateCensusProviding`; the command finds it among the registered
/// rubrics, hands it the rubric's effective parameters (after the workspace's tailoring) and classifies each
/// enterprise's registry records.
public protocol CertificateCensusProviding: Sendable {
    /// The census for these effective parameters; nil when the rule data cannot be read (the assessment reports that).
    func certificateCensus(parameters: [String: JSONValue]) -> CertificateCensus?
}

/// Classifies certificate records for regional counts.
public struct CertificateCensus: Sendable {
    /// A family as the rubric data names it, in the data's order (QMS, EMS, OHSMS first in the built-in rubric).
    public struct Family: Sendable, Equatable, Codable {
        public var id: String
        public var name: LocalizedText
        public init(id: String, name: LocalizedText) {
            self.id = id
            self.name = name
        }
    }

    public var families: [Family]
    /// A certificate in force expiring within this many days (inclusive) counts as expiring soon.
    public var expiringWithinDays: Int
    /// The registry records of one enterprise's evidence (declared certificates are left out: a region counts what
    /// the registry shows).
    public var classify: @Sendable (Evidence) -> [CensusCertificate]
    /// The fact keys `classify` reads, so only the sources that supply them are opened.
    public var factKeys: [String]

    public init(families: [Family], expiringWithinDays: Int, factKeys: [String],
                classify: @escaping @Sendable (Evidence) -> [CensusCertificate]) {
        self.families = families
        self.expiringWithinDays = expiringWithinDays
        self.factKeys = factKeys
        self.classify = classify
    }
}

/// One registry certificate as a census counts it.
public struct CensusCertificate: Sendable, Equatable {
    /// The status as the rubric's vocabulary normalises it.
    public enum Status: Sendable, Equatable {
        /// 有效 / Active, or no status given (silence does not contradict).
        case valid
        case suspended
        case withdrawn
        /// Any other known status (注销, 过期失效, …), by the rubric's id for it.
        case other(String)
        /// A spelling the vocabulary does not know, as written.
        case unrecognised(String)
    }

    public var number: String
    /// The family id, nil when the record names none the rubric knows.
    public var family: String?
    public var status: Status
    public var issued: Day?
    /// 初次获证日期 when the record gives it.
    public var firstIssued: Day?
    public var expiry: Day?

    public init(number: String, family: String?, status: Status, issued: Day? = nil, firstIssued: Day? = nil, expiry: Day? = nil) {
        self.number = number
        self.family = family
        self.status = status
        self.issued = issued
        self.firstIssued = firstIssued
        self.expiry = expiry
    }

    /// In force on `day`: its status allows it, it was issued on or before the day (when the issue date is known),
    /// and it expires on or after the day: a certificate is still in force on its expiry date.
    public func isInForce(on day: Day) -> Bool {
        guard status == .valid else { return false }
        if let issued, issued > day { return false }
        if let expiry, expiry < day { return false }
        return true
    }

    /// In force on `day` and expiring within `days` days of it (inclusive): 0 means expiring that very day.
    public func isExpiring(on day: Day, within days: Int) -> Bool {
        guard isInForce(on: day), let expiry else { return false }
        return Day.days(from: day, to: expiry) <= days
    }

    /// When the holder first held this certificate: 初次获证日期, else the issue date.
    public var firstHeld: Day? { firstIssued ?? issued }
}
