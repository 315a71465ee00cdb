/// One stored result as the region's view reads it: the aggregate columns of the store (score, level rank, coverage,
/// scale score) with the enterprise as its run saw it. The store hands these out (`ResultStore.regionResults`) and the
/// region, chain and site views are built from them; findings are never read.
public struct RegionResultLine: Sendable, Equatable {
    public var runID: Int
    public var enterprise: Enterprise
    public var rubric: String
    public var score: Double?
    public var levelRank: Int?
    public var coverage: Double?
    public var scaleScore: Double?

    public init(runID: Int, enterprise: Enterprise, rubric: String, score: Double?, levelRank: Int?, coverage: Double?,
                scaleScore: Double? = nil) {
        self.runID = runID
        self.enterprise = enterprise
        self.rubric = rubric
        self.score = score
        self.levelRank = levelRank
        self.coverage = coverage
        self.scaleScore = scaleScore
    }
}
