import Foundation
import QCapCore

/// The `qcap.assessment/v1` JSON document (docs/json-output.md), written run by run so a large cohort streams.
///
///     {"schema":"qcap.assessment/v1","asOf":"2026-06-30","runs":[{"enterprise":{…},"period":"2026","results":[…]}]}
///
/// Keys are sorted and numbers rounded by the engine, so the same inputs give byte-identical output.
public struct AssessmentJSON {
    public static let schema = "qcap.assessment/v1"
    private let encoder: JSONEncoder
    private var wroteRun = false
    private let pretty: Bool

    public init(pretty: Bool = true) {
        encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        self.pretty = pretty
    }

    public func header(asOf: Day) -> String {
        pretty ? "{\n  \"asOf\" : \"\(asOf)\",\n  \"runs\" : [\n" : "{\"asOf\":\"\(asOf)\",\"runs\":["
    }

    /// One run, preceded by a comma when it is not the first.
    public mutating func run(_ run: AssessmentRun) -> String {
        let body = Self.encode(run, encoder: encoder)
        defer { wroteRun = true }
        if pretty {
            let indented = body.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
            return (wroteRun ? ",\n" : "") + indented
        }
        return (wroteRun ? "," : "") + body
    }

    public func footer() -> String {
        pretty ? "\n  ],\n  \"schema\" : \"\(Self.schema)\"\n}\n" : "],\"schema\":\"\(Self.schema)\"}\n"
    }

    /// One run as a JSON object (also one line of `--format jsonl` when compact).
    public static func encode(_ run: AssessmentRun, encoder: JSONEncoder) -> String {
        do {
            return String(decoding: try encoder.encode(run), as: UTF8.self)
        } catch {
            // Encoding value types of plain numbers and strings cannot fail; keep the stream valid if it ever does.
            return "{\"error\":\"cannot encode run for \(run.enterprise.id)\"}"
        }
    }
}

/// `qcap assess --format jsonl`: one compact `qcap.assessment/v1` run object per line, for pipelines.
public enum AssessmentJSONLines {
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    public static func line(_ run: AssessmentRun) -> String {
        AssessmentJSON.encode(run, encoder: encoder) + "\n"
    }
}
