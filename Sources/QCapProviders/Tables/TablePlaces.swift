import QCapCore

/// How a table names its places in messages and provenance: lines and data rows of a text file
/// (`certificates.csv:17: … (row 16)`), or cells of a workbook sheet (`certificates.xlsx[证书]!D17: … (row 16)`).
///
/// Providers build every location and provenance of a table through it (or through `HeaderMap`, which uses it), so
/// a provider written for CSV cites cells as soon as it reads a sheet.
public struct TablePlaces: Sendable, Equatable {
    /// The name used in messages: the file, and for a sheet the sheet too (`certificates.xlsx[证书]`).
    public let file: String
    /// The header's line (CSV) or sheet row number.
    public let headerLine: Int
    /// Whether places are sheet cells (`TableRow.line` is then the sheet row number and field `i` column `i`).
    public let cells: Bool

    public init(file: String, headerLine: Int, cells: Bool) {
        self.file = file
        self.headerLine = headerLine
        self.cells = cells
    }

    /// The header as a whole: `file:LINE` or the header row's first cell.
    public var header: InputError.Location {
        cells ? .cell(Self.reference(column: 0, row: headerLine), column: nil, row: nil) : .line(headerLine)
    }

    /// One header cell, named by its text.
    public func header(column: Int, named name: String) -> InputError.Location {
        cells ? .cell(Self.reference(column: column, row: headerLine), column: name, row: nil)
            : .column(name, row: nil, line: headerLine)
    }

    /// A data row as a whole: `file:LINE … (row N)` or the row's first cell.
    public func row(_ row: TableRow) -> InputError.Location {
        cells ? .cell(Self.reference(column: 0, row: row.line), column: nil, row: row.number) : .row(row.number, line: row.line)
    }

    /// One cell of a data row, named by its column's header.
    public func cell(column: Int, named name: String, in row: TableRow) -> InputError.Location {
        cells ? .cell(Self.reference(column: column, row: row.line), column: name, row: row.number)
            : .column(name, row: row.number, line: row.line)
    }

    /// Where a fact read from `row` came from; `column` picks the cell a sheet cites (the row's key, such as its USCC).
    public func provenance(provider: String, row: TableRow, column: Int?, source: Provenance.Source,
                           assessor: String? = nil, round: String? = nil) -> Provenance {
        if cells {
            return Provenance(provider: provider, file: file, row: row.number,
                              cell: Self.reference(column: column ?? 0, row: row.line), source: source, assessor: assessor, round: round)
        }
        return Provenance(provider: provider, file: file, line: row.line, row: row.number, source: source, assessor: assessor, round: round)
    }

    /// `D17`: column index (A = 0) and 1-based row number in A1 notation.
    public static func reference(column: Int, row: Int) -> String {
        columnName(column) + String(row)
    }

    /// `A`, `Z`, `AA`, `XFD` for 0, 25, 26, 16383; negative indexes read as A.
    public static func columnName(_ index: Int) -> String {
        var scalars: [Unicode.Scalar] = []
        var rest = max(index, 0) + 1
        while rest > 0 {
            let digit = (rest - 1) % 26
            scalars.append(Unicode.Scalar(UInt8(65 + digit)))
            rest = (rest - 1) / 26
        }
        return String(String.UnicodeScalarView(scalars.reversed()))
    }
}
