import Foundation
import QCapCore

/// A column a provider wants, with the header spellings it accepts. Rosters arrive with Chinese or
/// English headers, so each column lists both (e.g. key `uscc`, aliases `统一社会信用代码`, `USCC`).
public struct ColumnSpec: Sendable {
    /// The provider's own name for the column; it is also accepted as a header.
    public let key: String
    public let aliases: [String]
    public let required: Bool

    public init(key: String, aliases: [String], required: Bool = true) {
        self.key = key
        self.aliases = aliases
        self.required = required
    }
}

/// Finds the wanted columns in a table's header (CSV or sheet), whatever their order, and reads them by key.
///
/// Headers match after normalisation: surrounding whitespace and BOMs ignored, ASCII case ignored,
/// full-width parentheses （） read as (), runs of spaces read as one, and every space dropped in a
/// header that contains Chinese (`企业 名称` = `企业名称`). Columns nobody asked for are ignored.
/// Two headers that match the same column are an error, because picking one would be a silent guess.
public struct HeaderMap: Sendable {
    /// How the table names its places: every error location of a row goes through it.
    public let places: TablePlaces
    public var file: String { places.file }
    /// Column index per key, only for the columns found.
    public let indexes: [String: Int]
    /// The header text as written in the file, per key found; for messages such as `column "企业名称"`.
    public let headers: [String: String]

    public init(table: Table, columns: [ColumnSpec]) throws(InputError) {
        try self.init(header: table.header, places: table.places, columns: columns)
    }

    /// The same from a scanned table's header, read before any row.
    public init(scanner: TableScanner, columns: [ColumnSpec]) throws(InputError) {
        try self.init(header: scanner.header, places: scanner.places, columns: columns)
    }

    public init(header: [String], places: TablePlaces, columns: [ColumnSpec]) throws(InputError) {
        let table = (header: header, file: places.file)
        let normalizedHeader = table.header.map(Self.normalize)
        var indexes: [String: Int] = [:]
        var headers: [String: String] = [:]
        var missing: [ColumnSpec] = []

        for spec in columns {
            let names = Set(([spec.key] + spec.aliases).map(Self.normalize).filter { !$0.isEmpty })
            let matches = normalizedHeader.indices.filter { names.contains(normalizedHeader[$0]) }
            guard let first = matches.first else {
                if spec.required { missing.append(spec) }
                continue
            }
            if matches.count > 1 {
                let found = matches.map { "\"\(table.header[$0])\" (column \($0 + 1))" }.joined(separator: " and ")
                throw InputError(file: table.file, location: places.header(column: matches[1], named: table.header[matches[1]]),
                                 message: "column \"\(spec.key)\" appears more than once: \(found)",
                                 expected: "exactly one header named \(Self.quotedList(spec))")
            }
            indexes[spec.key] = first
            headers[spec.key] = table.header[first]
        }

        if !missing.isEmpty {
            let found = table.header.filter { !$0.isEmpty }.map { "\"\($0)\"" }.joined(separator: ", ")
            let keys = missing.map { "\"\($0.key)\"" }.joined(separator: ", ")
            let wanted = missing.count == 1
                ? "a header named " + missing.map(Self.quotedList).joined()
                : "headers for each: " + missing.map { "\($0.key) = \(Self.quotedList($0))" }.joined(separator: "; ")
            throw InputError(file: table.file, location: places.header,
                             message: "missing required column\(missing.count > 1 ? "s" : "") \(keys) (headers found: \(found))",
                             expected: wanted)
        }
        self.places = places
        self.indexes = indexes
        self.headers = headers
    }

    /// Whether the column was found in the header.
    public func contains(_ key: String) -> Bool { indexes[key] != nil }

    /// The field for `key` in `row`, trimmed; nil when the column is absent, the row is short, or the value is blank.
    public func value(_ key: String, in row: TableRow) -> String? {
        guard let index = indexes[key], let raw = row[index] else { return nil }
        let trimmed = raw.trimmedWhitespace
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Where a bad value sits, named by the header as the user wrote it (falls back to the key).
    public func location(_ key: String, in row: TableRow) -> InputError.Location {
        // A column the table lacks is still named; a sheet then points at the row's first cell.
        places.cell(column: indexes[key] ?? 0, named: headers[key] ?? key, in: row)
    }

    /// Where a fact read from `row` came from; a sheet cites the cell of column `key` (the row's identifying cell).
    public func provenance(provider: String, row: TableRow, citing key: String, source: Provenance.Source,
                           assessor: String? = nil, round: String? = nil) -> Provenance {
        places.provenance(provider: provider, row: row, column: indexes[key], source: source, assessor: assessor, round: round)
    }

    /// A bad-value error for `key` in `row`: `file:LINE: column "X": message (row N); expected …`, or for a sheet
    /// `file[Sheet]!D17: column "X": message (row N); expected …`.
    public func error(_ key: String, in row: TableRow, message: String, expected: String? = nil) -> InputError {
        InputError(file: file, location: location(key, in: row), message: message, expected: expected)
    }

    /// The form headers and aliases are compared in; public so providers can test their alias lists.
    public static func normalize(_ header: String) -> String {
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        var hasCJK = false
        for scalar in header.unicodeScalars {
            if scalar == "\u{FEFF}" { continue }
            if scalar.properties.isWhitespace {
                pendingSpace = !scalars.isEmpty
                continue
            }
            if pendingSpace { scalars.append(" "); pendingSpace = false }
            switch scalar {
            case "（": scalars.append("(")
            case "）": scalars.append(")")
            case "A"..."Z": scalars.append(Unicode.Scalar(scalar.value + 32) ?? scalar)
            default:
                if scalar.properties.isIdeographic { hasCJK = true }
                scalars.append(scalar)
            }
        }
        var result = String(scalars)
        if hasCJK { result.removeAll { $0 == " " } }
        return result
    }

    /// `"统一社会信用代码", "USCC" or "uscc"`: aliases first (what users write), then the key, without repeats.
    private static func quotedList(_ spec: ColumnSpec) -> String {
        var seen = Set<String>()
        let names = (spec.aliases + [spec.key]).filter { seen.insert(normalize($0)).inserted }.map { "\"\($0)\"" }
        guard let last = names.last else { return "" }
        return names.count == 1 ? last : names.dropLast().joined(separator: ", ") + " or " + last
    }
}
