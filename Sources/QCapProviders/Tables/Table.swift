import Foundation
import QCapCore

/// A table read into memory: the header and the non-blank data rows, with where each row came from, so every later
/// error can name the file and the line and row, or the sheet and cell. Made by `TableReader`, from a CSV file or a
/// sheet of an .xlsx workbook.
public struct Table: Sendable {
    /// Header cells: trimmed, BOM removed, trailing empty cells (Excel's unused columns) dropped.
    public let header: [String]
    public let rows: [TableRow]
    /// Where the table came from and how to name its places (`file` names it in messages).
    public let places: TablePlaces
    /// How the table was stored: a CSV file's encoding and separator, or a workbook sheet.
    public let format: TableFormat

    public init(header: [String], rows: [TableRow], places: TablePlaces, format: TableFormat) {
        self.header = header
        self.rows = rows
        self.places = places
        self.format = format
    }

    /// The name used in messages: the file, and for a sheet the sheet too (`certificates.xlsx[证书]`).
    public var file: String { places.file }
    /// The header's line (CSV) or sheet row number.
    public var headerLine: Int { places.headerLine }
    /// The text encoding of a CSV file; nil for a sheet.
    public var encoding: TextEncoding? {
        if case .csv(let encoding, _) = format { return encoding }
        return nil
    }
    /// The field separator of a CSV file; nil for a sheet.
    public var separator: Character? {
        if case .csv(_, let separator) = format { return separator }
        return nil
    }
}

/// How a table was stored.
public enum TableFormat: Sendable, Equatable, CustomStringConvertible {
    /// A CSV file in this encoding with this field separator.
    case csv(TextEncoding, separator: Character)
    /// The named sheet of an .xlsx workbook.
    case sheet(String)

    /// `utf8`, `gb18030`, `sheet 证书`: how a command reports what it read.
    public var description: String {
        switch self {
        case .csv(let encoding, _): return encoding.rawValue
        case .sheet(let name): return "sheet \(name)"
        }
    }
}
