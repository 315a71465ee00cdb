import QCapCore
import QCapReports

/// Streams assessment runs in the chosen format: header, one piece per run, footer.
struct AssessmentWriter {
    let format: String
    let language: Language
    let rubrics: [RubricDescriptor]
    let output: OutputTarget
    private var json = AssessmentJSON(pretty: true)
    private let compact = AssessmentJSON(pretty: false)
    /// The table's layout, fitted once to the width.
    private let table: AssessmentTable

    init(format: String, language: Language, rubrics: [RubricDescriptor], output: OutputTarget,
         width: Int = AssessmentTable.defaultWidth, wide: Bool = false) {
        self.format = format
        self.language = language
        self.rubrics = rubrics
        self.output = output
        self.table = AssessmentTable(rubrics: rubrics, language: language, width: width, wide: wide)
    }

    mutating func begin(asOf: Day) throws(CommandFailure) {
        switch format {
        case "json": try output.write(json.header(asOf: asOf))
        case "csv": try output.write("\u{FEFF}" + CSVWriter.row(AssessmentCSV.header))
        case "table": try output.write(table.header())
        default: break
        }
    }

    mutating func write(_ run: AssessmentRun) throws(CommandFailure) {
        switch format {
        case "json": try output.write(json.run(run))
        case "jsonl": try output.write(AssessmentJSONLines.line(run))
        case "csv":
            for row in AssessmentCSV.rows(run, language: language) { try output.write(CSVWriter.row(row, neutralizing: true)) }
        default: try output.write(table.row(run))
        }
    }

    func end(count: Int, asOf: Day) throws(CommandFailure) {
        switch format {
        case "json": try output.write(json.footer())
        case "table": try output.write(table.footer(count: count, asOf: asOf))
        default: break
        }
    }
}
