/// One enterprise assessed with a set of rubrics, for one period, as of one date.
public struct AssessmentRun: Sendable, Codable {
    public var enterprise: Enterprise
    public var period: String
    public var asOf: Day
    public var results: [RubricResult]
    /// Enterprise-level findings for review that belong to no rubric (e.g. a USCC whose check character fails).
    public var review: [LocalizedText]

    public init(enterprise: Enterprise, period: String, asOf: Day, results: [RubricResult], review: [LocalizedText] = []) {
        self.enterprise = enterprise
        self.period = period
        self.asOf = asOf
        self.results = results
        self.review = review
    }
}
