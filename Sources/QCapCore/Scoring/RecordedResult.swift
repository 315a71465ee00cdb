/// One enterprise's result for one rubric, with the stored run it came from (0 when assessed on the fly).
/// What the store hands out and what comparisons, reports and histories are built from.
public struct RecordedResult: Sendable {
    public var runID: Int
    /// The enterprise as the run saw it (names and regions change between years).
    public var enterprise: Enterprise
    public var result: RubricResult

    public init(runID: Int, enterprise: Enterprise, result: RubricResult) {
        self.runID = runID
        self.enterprise = enterprise
        self.result = result
    }
}
