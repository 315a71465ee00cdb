import Foundation
import QCapCore

/// The one entry point for reading a table. Every table QCap reads goes through it — the roster, the certificate
/// registries, the digital survey, assessor scores, `rubrics import`, and any provider added later — so each accepts
/// what the others accept:
///
/// - a CSV file: UTF-8 (with or without BOM), UTF-16 with BOM or GB18030, `,` `;` or tab separated (`CSVReader`);
/// - a sheet of an .xlsx workbook, chosen by the `sheet` name (`"sheet": "证书"` in a source of qcap.json, `--sheet`
///   on a command that takes a table path), the first sheet by default.
///
/// Use `read` for a table wanted whole, `scan` for one streamed row by row and read back by span (`TableScanner`).
/// Build every error location and provenance through the table's `places` (or `HeaderMap`): a CSV table cites
/// `file:LINE (row N)`, a sheet cites its cells, `certificates.xlsx[证书]!D17`.
public enum TableReader {
    /// The source option that names a workbook's sheet.
    public static let sheetOption = "sheet"

    /// Reads a whole table. `displayName` names the file in messages (default: its last path component).
    public static func read(_ url: URL, displayName: String? = nil, sheet: String? = nil) throws(InputError) -> Table {
        let file = displayName ?? url.lastPathComponent
        if let sheet { throw notAWorkbook(file, sheet: sheet) }
        return try CSVReader.read(contentsOf: url, displayName: file)
    }

    /// Reads the table a workspace source names, with its `sheet` option.
    public static func read(_ source: SourceReference) throws(InputErrors) -> Table {
        let sheet = try sheetName(source)
        do { return try read(source.url, displayName: source.displayPath, sheet: sheet) } catch { throw InputErrors([error]) }
    }

    /// Opens a table to stream it row by row (see `TableScanner`).
    public static func scan(_ url: URL, displayName: String? = nil, sheet: String? = nil) throws(InputError) -> TableScanner {
        let file = displayName ?? url.lastPathComponent
        if let sheet { throw notAWorkbook(file, sheet: sheet) }
        return TableScanner(csv: try CSVRecordScanner(url: url, displayName: file))
    }

    /// Opens the table a workspace source names, with its `sheet` option, to stream it.
    public static func scan(_ source: SourceReference) throws(InputErrors) -> TableScanner {
        let sheet = try sheetName(source)
        do { return try scan(source.url, displayName: source.displayPath, sheet: sheet) } catch { throw InputErrors([error]) }
    }

    /// The source's `sheet` option: nil when absent, an error when it is not a non-empty string.
    public static func sheetName(_ source: SourceReference) throws(InputErrors) -> String? {
        guard let value = source.options[sheetOption] else { return nil }
        guard let name = value.stringValue, !name.isEmpty else {
            throw InputErrors([InputError(file: source.displayPath, location: .jsonPath("$.sources[].\(sheetOption)", line: nil),
                                          message: "the sheet must be a non-empty string", expected: "the sheet's name, such as \"证书\"")])
        }
        return name
    }

    static func notAWorkbook(_ file: String, sheet: String) -> InputError {
        InputError(file: file, message: "sheet \"\(sheet)\" was asked for, but the file is not an .xlsx workbook",
                   expected: "an .xlsx workbook, or no sheet for a CSV file")
    }
}
