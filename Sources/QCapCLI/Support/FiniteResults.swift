import QCapCore

/// The last check before results are written or stored: every number in them is finite.
///
/// Scores are finite by construction: numbers follow one grammar that has no infinity or NaN, and the validator and
/// the tailoring reader reject weights and points whose sums overflow. A non-finite number here is therefore a bug in
/// QCap or in a rubric module's code, never the user's input: it stops the run as an internal error naming the rubric
/// and the enterprise, before anything reaches the output or the store (which would otherwise take the blame).
enum FiniteResults {
    static func check(_ runs: [AssessmentRun]) throws(CommandFailure) {
        for run in runs {
            for result in run.results {
                if let field = firstNonFinite(result) {
                    throw .internalError("rubric \(result.rubric.id) \(result.rubric.version) produced a \(field) that is not a finite number for enterprise \(run.enterprise.id)")
                }
            }
        }
    }

    /// The name of the first non-finite number of the result, or nil.
    static func firstNonFinite(_ result: RubricResult) -> String? {
        func bad(_ value: Double?) -> Bool { value.map { !$0.isFinite } ?? false }
        if bad(result.score) { return "score" }
        if bad(result.rawScore) { return "raw score" }
        if bad(result.scaleScore) { return "scale score" }
        if bad(result.scaleMax) { return "scale maximum" }
        if bad(result.coverage) { return "coverage" }
        if let level = result.levelScores?.first(where: { bad($0.value) }) { return "level score (level \(level.key))" }
        if let node = result.nodes.first(where: { bad($0.score) || bad($0.coverage) }) { return "score of \(node.criterion)" }
        if let finding = result.findings.first(where: { bad($0.score) || bad($0.rawScore) }) { return "finding score of \(finding.criterion)" }
        if let gap = result.gap {
            if bad(gap.scoreNeeded) { return "gap score" }
            if let item = gap.items.first(where: { bad($0.weight) || bad($0.currentScore) }) { return "gap entry for \(item.criterion)" }
        }
        return nil
    }
}
