import Foundation
import QCapCore

/// `qcap compare --format json`: the `qcap.comparison/v1` document, keys sorted, pretty-printed.
public enum ComparisonJSON {
    public static func render(_ comparison: Comparison) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(comparison), as: UTF8.self) + "\n"
        } catch {
            // Plain value types of numbers and strings always encode; keep the output valid JSON if it ever fails.
            return "{\"error\":\"cannot encode the comparison\",\"schema\":\"\(Comparison.schemaID)\"}\n"
        }
    }
}
