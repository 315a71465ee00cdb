import Foundation
import QCapCore

/// Reads a table once, one data row at a time, for providers that keep only where each row lies and read an
/// enterprise's rows back later (`finish()` then `TableRecords.rows(in:)`), so memory stays flat for a large CSV
/// export. Made by `TableReader.scan`.
///
/// A CSV file is streamed from disk and read back by byte ranges; a workbook sheet is inflated and parsed once and
/// its rows kept (a sheet cannot be read back piecewise from inside a zip).
public struct TableScanner {
    public let header: [String]
    public let places: TablePlaces
    public let format: TableFormat
    /// Exactly one of the two is set; kept apart so `next()` mutates the CSV scanner in place.
    private var csv: CSVRecordScanner?
    private var sheet: (rows: [TableRow], next: Int)?

    init(csv scanner: CSVRecordScanner) {
        header = scanner.header
        places = TablePlaces(file: scanner.file, headerLine: scanner.headerLine, cells: false)
        format = .csv(scanner.encoding, separator: Character(Unicode.Scalar(scanner.separator)))
        csv = scanner
    }

    init(table: Table) {
        header = table.header
        places = table.places
        format = table.format
        sheet = (table.rows, 0)
    }

    /// The next data row and the span of table it occupies (`offset..<end`), or nil at the end of the table.
    public mutating func next() throws(InputError) -> (row: TableRow, offset: Int, end: Int)? {
        if csv != nil { return try csv?.next() }
        guard let (rows, index) = sheet, index < rows.count else { return nil }
        sheet?.next = index + 1
        return (rows[index], index, index + 1)
    }

    /// The scanned table, for reading rows back by span.
    public func finish() -> TableRecords {
        if let csv { return TableRecords(places: places, csv: csv.finish()) }
        return TableRecords(places: places, rows: sheet?.rows ?? [])
    }
}

/// A scanned table whose rows are read back by span; safe to use from several threads at once.
public final class TableRecords: Sendable {
    public let places: TablePlaces
    private let csv: CSVRecordFile?
    private let rows: [TableRow]

    init(places: TablePlaces, csv: CSVRecordFile) {
        self.places = places
        self.csv = csv
        self.rows = []
    }

    init(places: TablePlaces, rows: [TableRow]) {
        self.places = places
        self.csv = nil
        self.rows = rows
    }

    /// The name used in messages (see `TablePlaces.file`).
    public var file: String { places.file }

    /// The data rows in `span`, with their lines (or sheet rows) and row numbers as in the table.
    public func rows(in span: TableSpan) throws(InputError) -> [TableRow] {
        if let csv { return try csv.rows(in: span) }
        guard span.offset >= 0, span.length >= 0, span.offset <= rows.count - span.length else {
            throw InputError(file: places.file, location: places.row(TableRow(line: span.line, number: span.number, fields: [])),
                             message: "no such rows in the sheet")
        }
        return Array(rows[span.offset..<(span.offset + span.length)])
    }
}
