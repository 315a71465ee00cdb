import Foundation
import QCapCore
import QCapProviders
import Testing

@testable import QCapCLI

/// The results of the 150-enterprise example, pinned: refactoring the engine, the module surface or the result
/// encoding must not move a single score, level, outcome or gap item.
///
/// The fixture `Fixtures/golden-150/` holds the *inputs* of `qcap init W --example --enterprises 150 --seed 11
/// --as-of 2026-06-30 --bulk` (committed, so a change to the example generator does not move the golden), and
/// `Fixtures/golden-150.results.txt` one line per enterprise × rubric: score, raw score, level rank, scale score, the
/// outcome of every finding in leaf order (one letter each, see `letter(_:)`) and the gap (next level, liftCount,
/// criterion ids of the items). Coverage and texts are left out on purpose: their definitions may change.
///
/// A change that moves results on purpose regenerates the file and says why in its commit message:
///
///     QCAP_UPDATE_GOLDEN=1 swift test --filter GoldenResults
@Suite struct GoldenResultsTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Fixtures")
    static let workspace = fixtures.appending(path: "golden-150")
    static let golden = fixtures.appending(path: "golden-150.results.txt")
    static let asOf = "2026-06-30"

    @Test func the150EnterpriseExampleGivesThePinnedResults() throws {
        let actual = try Self.currentLines()
        if ProcessInfo.processInfo.environment["QCAP_UPDATE_GOLDEN"] == "1" {
            try Data((actual.map(\.text).joined(separator: "\n") + "\n").utf8).write(to: Self.golden)
            return
        }
        let expected = try String(contentsOf: Self.golden, encoding: .utf8).split(separator: "\n").map(String.init)
        let differences = Self.differences(expected: expected, actual: actual)
        guard !differences.isEmpty else { return }
        Issue.record("""
            results differ from \(Self.golden.lastPathComponent) (\(differences.count) line(s)); the first ones:
            \(differences.prefix(8).joined(separator: "\n"))
            If the change is intended: QCAP_UPDATE_GOLDEN=1 swift test --filter GoldenResults, and say why in the commit.
            """)
    }

    /// Assesses the fixture in-process with the built-in rubrics, as `qcap assess --as-of 2026-06-30 --no-store` does.
    static func currentLines() throws -> [(text: String, criteria: [String])] {
        let workspace = try Workspace.open(Self.workspace, registered: BuiltInRubrics.all, providers: BuiltInProviders.all)
        let asOf = try #require(Day(iso: Self.asOf))
        var lines: [(text: String, criteria: [String])] = []
        try workspace.runner(asOf: asOf).run(workspace.roster.enterprises, review: workspace.roster.review) { runs in
            for run in runs {
                for result in run.results {
                    lines.append((line(enterprise: run.enterprise.id, result), result.findings.map(\.criterion)))
                }
            }
        }
        return lines
    }

    /// `USCC rubric score=… raw=… level=… scale=… gap=next/liftCount/ids findings=letters`.
    static func line(enterprise: String, _ result: RubricResult) -> String {
        let gap = result.gap.map { gap in
            "\(gap.nextLevel.map { String($0.rank) } ?? "-")/\(gap.liftCount)/\(gap.items.map(\.criterion).joined(separator: ","))"
        } ?? "-"
        return "\(enterprise) \(result.rubric.id) score=\(number(result.score)) raw=\(number(result.rawScore))"
            + " level=\(result.level.map { String($0.rank) } ?? "-") scale=\(number(result.scaleScore)) gap=\(gap)"
            + " findings=\(String(result.findings.map { letter($0.outcome) }))"
    }

    /// Ten significant digits: a real change shows, the last bit of a reordered sum does not.
    static func number(_ value: Double?) -> String {
        guard let value else { return "-" }
        let text = String(format: "%.10g", value)
        return text == "-0" ? "0" : text
    }

    static func letter(_ outcome: Outcome) -> Character {
        switch outcome {
        case .met: return "M"
        case .partial: return "P"
        case .notMet: return "N"
        case .notApplicable: return "A"
        case .noEvidence: return "E"
        case .error: return "X"
        case .waived: return "W"
        }
    }

    /// Readable differences: the line pair, and for findings the first differing criterion.
    static func differences(expected: [String], actual: [(text: String, criteria: [String])]) -> [String] {
        var out: [String] = []
        if expected.count != actual.count { out.append("line count: expected \(expected.count), got \(actual.count)") }
        for (index, (want, current)) in zip(expected, actual).enumerated() where want != current.text {
            let got = current.text
            var text = "line \(index + 1):\n  expected \(abbreviated(want))\n  actual   \(abbreviated(got))"
            if let wantFindings = want.split(separator: "findings=").last, let gotFindings = got.split(separator: "findings=").last,
               let position = zip(wantFindings, gotFindings).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
                let criterion = position < current.criteria.count ? current.criteria[position] : "?"
                text += "\n  first differing finding: #\(position + 1), \(criterion) (\(Array(wantFindings)[position]) → \(Array(gotFindings)[position]))"
            }
            out.append(text)
        }
        return out
    }

    static func abbreviated(_ line: String) -> String {
        line.count > 240 ? String(line.prefix(240)) + "…" : line
    }
}
