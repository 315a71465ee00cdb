import Foundation
import QCapReports
import Testing

@testable import QCapCLI

/// Issue 15 §12: the default `qcap assess` table fits the terminal — short rubric titles, score and level per rubric,
/// coverage only with --wide or as the low-coverage marker — at 80 and at 120 columns.
@Suite(.serialized) struct AssessTableWidthTests {
    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func theTableFitsEightyAndOneHundredTwentyColumns() throws {
        let root = try QCapBinary.exampleWorkspace(enterprises: 8)
        defer { try? FileManager.default.removeItem(at: root) }
        let base = ["assess", "-w", root.path, "--as-of", "2026-06-30", "--no-store", "--rubric", "certification", "--rubric", "digital-maturity",
                    "--rubric", "qm-digitalization", "--rubric", "excellence", "--rubric", "manufacturing-capability"]
        for width in [80, 120] {
            let result = try QCapBinary.run(base, environment: ["COLUMNS": String(width)])
            #expect(result.status == 0, "\(result.stderr)")
            let table = Self.lines(result.stdout).filter { !$0.isEmpty && !$0.hasPrefix("共 ") }
            for line in table { #expect(DisplayWidth.of(line) <= width, "\(width): \(DisplayWidth.of(line)) columns: \(line)") }
            // Short titles head the columns; a level name shows in the rows; coverage does not.
            for title in ["体系认证", "数字化成熟度", "质量数字化", "卓越绩效", "质量管理能力"] {
                #expect(table[0].contains(title), "\(width): \(table[0])")
            }
            #expect(table.dropFirst(3).contains { $0.contains("级") })
            // Certification has no levels: its verdict (families valid of those that apply) stands in the level column.
            #expect(table.dropFirst(3).contains { $0.contains("有效") })
            #expect(!result.stdout.contains("覆盖 "))
            #expect(!result.stdout.contains("%  "))
            #expect(result.stdout.contains("--wide 显示覆盖率"))
        }
        // 120 columns keep the USCC and the scores' decimal; 80 give them up.
        let wide = try QCapBinary.run(base, environment: ["COLUMNS": "120"]).stdout
        let narrow = try QCapBinary.run(base, environment: ["COLUMNS": "80"]).stdout
        #expect(Self.lines(wide)[0].contains("USCC"))
        #expect(!Self.lines(narrow)[0].contains("USCC"))
        // --wide shows coverage whatever the width.
        let all = try QCapBinary.run(base + ["--wide"], environment: ["COLUMNS": "80"])
        #expect(Self.lines(all.stdout)[1].contains("覆盖"))
        #expect(Self.lines(all.stdout).dropFirst(3).first?.contains("%") == true)
    }

    @Test func theWidthComesFromCOLUMNSThenTheTerminalThenDefaultsToOneHundred() {
        #expect(TerminalWidth.current(environment: ["COLUMNS": "132"], standardOutputIsTerminal: false) == 132)
        #expect(TerminalWidth.current(environment: ["COLUMNS": " 90 "], standardOutputIsTerminal: false) == 90)
        #expect(TerminalWidth.current(environment: ["COLUMNS": "wide"], standardOutputIsTerminal: false) == 100)
        #expect(TerminalWidth.current(environment: ["COLUMNS": "0"], standardOutputIsTerminal: false) == 100)
        #expect(TerminalWidth.current(environment: [:], standardOutputIsTerminal: false) == 100)
    }
}
