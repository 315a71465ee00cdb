/// What an evaluation depends on besides the evidence. With the same evidence and context, results are identical.
public struct AssessmentContext: Sendable {
    /// The assessment date: certificate and waiver expiry are judged on it.
    public var asOf: Day
    /// Waivers for this enterprise (any rubric); the engine picks those of the rubric it evaluates.
    public var waivers: [Waiver]

    /// The context of one assessment: its date and the waivers in force.
    public init(asOf: Day, waivers: [Waiver] = []) {
        self.asOf = asOf
        self.waivers = waivers
    }
}
