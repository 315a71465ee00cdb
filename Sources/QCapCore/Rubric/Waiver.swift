/// An approved exception for one criterion of one enterprise, valid up to and including `expires`.
///
/// A waiver needs a justification, an approver and an expiry (InSpec, Scorecard). Results report the score both
/// with and without waivers; expired waivers stop applying and are flagged.
public struct Waiver: Sendable, Hashable, Codable {
    public var enterprise: String
    public var rubric: String
    public var criterion: String
    public var justification: String
    public var approver: String
    public var expires: Day
    /// Where the waiver was read from, for findings.
    public var citation: String

    public init(enterprise: String, rubric: String, criterion: String, justification: String, approver: String,
                expires: Day, citation: String) {
        self.enterprise = enterprise
        self.rubric = rubric
        self.criterion = criterion
        self.justification = justification
        self.approver = approver
        self.expires = expires
        self.citation = citation
    }

    /// A waiver applies on its expiry day and stops the day after.
    public func isActive(asOf day: Day) -> Bool { day <= expires }
}
