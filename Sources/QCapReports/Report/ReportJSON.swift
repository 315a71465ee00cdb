import Foundation
import QCapCore

/// `qcap report --format json`: the `qcap.report/v1` document (docs/reports.md), keys sorted, camelCase.
public enum ReportJSON {
    public static let schema = "qcap.report/v1"

    struct Document: Encodable {
        struct Source: Encodable {
            /// `store` or `assessedOnTheFly`.
            var kind: String
            var runs: [EnterpriseReport.Run]
        }

        struct RubricInfo: Encodable {
            var id: String
            var version: String
            var hash: String
            var rule: LocalizedText
            var provenance: RubricProvenance?
            var runId: Int?
        }

        var schema = ReportJSON.schema
        var enterprise: Enterprise
        var period: String
        var asOf: Day
        var source: Source
        var rubrics: [RubricInfo]
        var results: [RubricResult]
        var review: [LocalizedText]
        var qcapVersion: String
    }

    public static func render(_ report: EnterpriseReport) -> String {
        let document = Document(
            enterprise: report.enterprise, period: report.period, asOf: report.asOf,
            source: .init(kind: report.assessedOnTheFly ? "assessedOnTheFly" : "store", runs: report.runs),
            rubrics: report.sections.map { section in
                Document.RubricInfo(id: section.result.rubric.id, version: section.result.rubric.version, hash: section.result.rubric.hash,
                                    rule: section.result.model.ruleText(maxRank: section.descriptor?.maxRank ?? 0),
                                    provenance: section.descriptor?.provenance, runId: section.runID)
            },
            results: report.sections.map(\.result), review: report.review, qcapVersion: report.qcapVersion)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
        } catch {
            return "{\"error\":\"cannot encode the report\",\"schema\":\"\(schema)\"}\n"
        }
    }
}
