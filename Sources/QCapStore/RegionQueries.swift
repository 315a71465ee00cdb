import QCapCore

extension ResultStore {
    /// What the region's view (`qcap region`, `qcap chain`, `qcap site`) reads: the results that count for a period
    /// (as in `latestResults(period:)`: per enterprise and rubric, the one from the latest run of the period that
    /// assessed it), with the aggregate columns only — never the findings, so it stays fast at a province's size and
    /// independent of how findings are encoded. Ordered by enterprise and rubric.
    public func regionResults(period: String) throws(StoreError) -> [RegionResultLine] {
        do {
            return try database.query("""
                SELECT r.run_id, r.enterprise_id, r.rubric_id, r.score, r.level_rank, r.coverage, r.nothing_applies, r.scale_score,
                       e.name, e.region, e.industry, e.size
                FROM results r
                JOIN runs u ON u.id = r.run_id
                JOIN enterprises e ON e.run_id = r.run_id AND e.enterprise_id = r.enterprise_id
                WHERE u.period = ?1 AND r.run_id = (
                    SELECT MAX(r2.run_id) FROM results r2 JOIN runs u2 ON u2.id = r2.run_id
                    WHERE u2.period = ?1 AND r2.enterprise_id = r.enterprise_id AND r2.rubric_id = r.rubric_id)
                ORDER BY r.enterprise_id, r.rubric_id
                """, .text(period)).map { row in
                RegionResultLine(runID: row.int("run_id") ?? 0,
                                enterprise: Enterprise(id: row.text("enterprise_id"), name: row.text("name"), region: row.text("region"),
                                                       industry: row.text("industry"), size: row.text("size")),
                                rubric: row.text("rubric_id"), score: row.double("score"), levelRank: row.int("level_rank"),
                                coverage: ResultStore.coverage(row), scaleScore: row.double("scale_score"))
            }
        } catch {
            throw StoreError(path: url.path, problem: .sqlite(error))
        }
    }
}
