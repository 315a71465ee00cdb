import Foundation
import QCapCore

/// `qcap region --format json`: `qcap.region/v1` (and `qcap.region-list/v1` for `--list`), keys sorted, pretty-printed.
public enum RegionJSON {
    public static func render<Document: Encodable>(_ document: Document, schema: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
        } catch {
            // Plain value types of numbers and strings always encode; keep the output valid JSON if it ever fails.
            return "{\"error\":\"cannot encode the document\",\"schema\":\"\(schema)\"}\n"
        }
    }

    public static func render(_ report: RegionReport) -> String { render(report, schema: RegionReport.schemaID) }

    public static func render(_ list: RegionMemberList) -> String { render(list, schema: RegionMemberList.schemaID) }
}
