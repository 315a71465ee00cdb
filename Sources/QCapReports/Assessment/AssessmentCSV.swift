import QCapCore

/// `qcap assess --format csv`: one row per enterprise × rubric, Excel-safe (BOM, RFC 4180, formula neutralised).
public enum AssessmentCSV {
    public static let header = ["uscc", "enterprise", "region", "industry", "period", "asOf", "rubric", "version", "score",
                                "rawScore", "scaleScore", "scaleMax", "level", "levelName", "coverage", "met", "partial", "notMet", "noEvidence",
                                "notApplicable", "error", "waived", "verdict"]

    public static func rows(_ run: AssessmentRun, language: Language) -> [[String]] {
        run.results.map { result in
            var counts: [Outcome: Int] = [:]
            for finding in result.findings { counts[finding.outcome, default: 0] += 1 }
            return [run.enterprise.id, run.enterprise.name, run.enterprise.region, run.enterprise.industry, run.period,
                    run.asOf.description, result.rubric.id, result.rubric.version,
                    result.score.map { AssessmentTable.fixed($0, 2) } ?? "",
                    result.rawScore.map { AssessmentTable.fixed($0, 2) } ?? "",
                    result.scaleScore.map { AssessmentTable.fixed($0, 2) } ?? "",
                    result.scaleMax.map { AssessmentTable.fixed($0, 0) } ?? "",
                    result.level.map { String($0.rank) } ?? "", result.level?.name.text(language) ?? "",
                    result.coverage.map { AssessmentTable.fixed($0, 4) } ?? ""]
                + [Outcome.met, .partial, .notMet, .noEvidence, .notApplicable, .error, .waived].map { String(counts[$0] ?? 0) }
                + [result.verdict?.text(language) ?? ""]
        }
    }
}
