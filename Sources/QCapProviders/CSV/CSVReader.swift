import Foundation
import QCapCore

/// An RFC 4180 reader tuned for what Excel and registry exports actually produce.
///
/// - Quoted fields may hold separators, doubled quotes and line breaks (kept as written in the file);
///   line numbers stay right after multi-line fields.
/// - CRLF, LF and lone CR line ends; a final line end is optional.
/// - Blank records (empty lines, or only separators and whitespace such as Excel's `,,,,`) are skipped
///   and get no row number.
/// - Trailing empty fields beyond the header are dropped; a non-empty one is an error, since it means
///   a value with an unquoted separator shifted the columns.
/// - Separator: `,`, or `;` / tab when the header line has no comma (European Excel, "Unicode text").
/// - Lenient where Excel is: text after a closing quote (`"ab"c`) is appended to the field.
///
/// It scans UTF-8 bytes and makes each field's `String` once from a byte slice, to read 300k-row files quickly.
/// Providers do not call it directly: `TableReader` chooses between it and a workbook sheet.
public enum CSVReader {
    /// Reads and decodes a file (UTF-8 with or without BOM, UTF-16 with BOM, GB18030).
    /// `displayName` names the file in errors; it defaults to the file's last path component.
    public static func read(contentsOf url: URL, displayName: String? = nil) throws(InputError) -> Table {
        let file = displayName ?? url.lastPathComponent
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw InputError(file: file, message: "cannot read the file (\(error.localizedDescription))",
                             expected: "a readable CSV file")
        }
        return try parse(data, file: file)
    }

    /// Decodes `data` and parses it; see `read(contentsOf:)`.
    public static func parse(_ data: Data, file: String) throws(InputError) -> Table {
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) || data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw InputError(file: file, message: "this is an Excel workbook, not a CSV file",
                             expected: "the sheet saved as \"CSV UTF-8\" or \"CSV\" from Excel")
        }
        switch TextDecoding.decode(data) {
        case .success(let (text, encoding)): return try parse(text, file: file, encoding: encoding)
        case .failure(let failure): throw failure.inputError(file: file)
        }
    }

    /// Parses already-decoded text. `file` names it in errors.
    public static func parse(_ text: String, file: String) throws(InputError) -> Table {
        try parse(text, file: file, encoding: .utf8)
    }

    static func parse(_ text: String, file: String, encoding: TextEncoding) throws(InputError) -> Table {
        var text = text
        // withUTF8 makes the storage contiguous once; the closure cannot throw typed errors, so carry a Result out.
        let result: Result<Table, InputError> = text.withUTF8 { bytes in
            do throws(InputError) {
                var parser = Parser(bytes: bytes, file: file)
                return .success(try parser.table(encoding: encoding))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}

private let quote = UInt8(ascii: "\"")
private let cr = UInt8(ascii: "\r")
private let lf = UInt8(ascii: "\n")
private let comma = UInt8(ascii: ",")
private let semicolon = UInt8(ascii: ";")
private let tab = UInt8(ascii: "\t")

/// The record parser shared by `CSVReader` (a whole decoded file) and `CSVRecordFile` (a window of a file).
struct Parser {
    let bytes: UnsafeBufferPointer<UInt8>
    let file: String
    var position = 0
    var line = 1
    var separator = comma
    /// Holds a quoted field's bytes only when it contains `""` or text after the closing quote.
    var scratch: [UInt8] = []
    /// Set when a quoted field ran to the end of `bytes`: in a window of a file, more bytes may close it.
    var hitEnd = false

    init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
        self.bytes = bytes
        self.file = file
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
    }

    /// A parser over a window of a file, starting at a record boundary.
    init(window: UnsafeBufferPointer<UInt8>, file: String, position: Int, line: Int, separator: UInt8) {
        self.bytes = window
        self.file = file
        self.position = position
        self.line = line
        self.separator = separator
    }

    /// Whether a record holds nothing but separators and whitespace (such records are skipped).
    static func isBlank(_ fields: [String]) -> Bool {
        fields.allSatisfy { $0.allSatisfy(\.isWhitespace) }
    }

    /// The error for a row with more non-empty fields than the header has columns, or nil; drops the empty extra fields.
    static func trimExtraFields(_ fields: inout [String], columns: Int, number: Int, line: Int, file: String,
                                separator: UInt8) -> InputError? {
        guard fields.count > columns else { return nil }
        // Excel pads rows to the widest row of the sheet; extra cells are fine while they are empty.
        if let extra = fields[columns...].firstIndex(where: { !$0.allSatisfy(\.isWhitespace) }) {
            return InputError(
                file: file, location: .row(number, line: line),
                message: "the row has \(fields.count) fields but the header has \(columns) columns "
                    + "(extra value \"\(Self.excerpt(fields[extra]))\" in field \(extra + 1))",
                expected: "at most \(columns) fields; quote values that contain \"\(Character(Unicode.Scalar(separator)))\"")
        }
        fields.removeSubrange(columns...)
        return nil
    }

    mutating func table(encoding: TextEncoding) throws(InputError) -> Table {
        var header: [String]?
        var headerLine = 1
        var rows: [TableRow] = []
        var fields: [String] = []

        while position < bytes.count {
            if header == nil { separator = detectSeparator(from: position) }
            let recordLine = line
            fields.removeAll(keepingCapacity: true)
            try readRecord(into: &fields)
            if Self.isBlank(fields) { continue }

            guard let columns = header else {
                let cleaned = Self.cleanHeader(fields)
                // A line holding only a stray BOM is blank too.
                if !cleaned.isEmpty {
                    header = cleaned
                    headerLine = recordLine
                }
                continue
            }
            let number = rows.count + 1
            if let error = Self.trimExtraFields(&fields, columns: columns.count, number: number, line: recordLine, file: file,
                                                separator: separator) {
                throw error
            }
            rows.append(TableRow(line: recordLine, number: number, fields: fields))
        }

        guard let header else {
            throw InputError(file: file, message: "file is empty: expected a header row")
        }
        return Table(header: header, rows: rows, places: TablePlaces(file: file, headerLine: headerLine, cells: false),
                     format: .csv(encoding, separator: Character(Unicode.Scalar(separator))))
    }

    /// Reads one record starting at `position`, leaving `position` after its line end.
    mutating func readRecord(into fields: inout [String]) throws(InputError) {
        while true {
            if position < bytes.count, bytes[position] == quote {
                fields.append(try readQuotedField())
            } else {
                let start = position
                while position < bytes.count {
                    let byte = bytes[position]
                    if byte == separator || byte == cr || byte == lf { break }
                    position += 1
                }
                fields.append(string(start, position))
            }
            guard position < bytes.count else { return }
            let byte = bytes[position]
            position += 1
            if byte == separator { continue }
            // A line end: CRLF counts as one.
            if byte == cr, position < bytes.count, bytes[position] == lf { position += 1 }
            line += 1
            return
        }
    }

    /// Reads a field that starts with a quote; `position` is on the opening quote.
    mutating func readQuotedField() throws(InputError) -> String {
        let startLine = line
        position += 1
        var segmentStart = position
        var escaped = false
        scratch.removeAll(keepingCapacity: true)

        while true {
            guard position < bytes.count else {
                hitEnd = true
                throw InputError(file: file, location: .line(startLine),
                                 message: "unterminated quoted field starting on line \(startLine)",
                                 expected: "a closing double quote (write a quote inside a quoted field as \"\")")
            }
            let byte = bytes[position]
            if byte == quote {
                if position + 1 < bytes.count, bytes[position + 1] == quote {
                    // Keep one of the two quotes: copy up to and including the first, skip the second.
                    scratch.append(contentsOf: bytes[segmentStart...position])
                    escaped = true
                    position += 2
                    segmentStart = position
                    continue
                }
                break
            }
            if byte == lf {
                line += 1
            } else if byte == cr {
                line += 1
                if position + 1 < bytes.count, bytes[position + 1] == lf { position += 1 }
            }
            position += 1
        }
        let contentEnd = position
        position += 1   // the closing quote

        // Excel reads `"ab"c` as `abc`; do the same rather than reject a file Excel opens.
        let trailingStart = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == separator || byte == cr || byte == lf { break }
            position += 1
        }
        if !escaped && trailingStart == position { return string(segmentStart, contentEnd) }
        scratch.append(contentsOf: bytes[segmentStart..<contentEnd])
        scratch.append(contentsOf: bytes[trailingStart..<position])
        return String(decoding: scratch, as: UTF8.self)
    }

    func string(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// Chooses the separator from the header line alone (outside quotes), so a semicolon inside
    /// a data value can never switch the whole file: a comma wins; otherwise the more frequent of `;` and tab.
    /// Called at the start of every record until the header is found, so blank lines before it do not count.
    func detectSeparator(from start: Int) -> UInt8 {
        detectSeparator(from: start, final: true) ?? comma
    }

    /// As `detectSeparator(from:)`; nil when the line runs to the end of a window that is not the end of the file.
    func detectSeparator(from start: Int, final: Bool) -> UInt8? {
        var commas = 0, semicolons = 0, tabs = 0
        var inQuotes = false
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == quote { inQuotes.toggle() }
            else if !inQuotes {
                if byte == cr || byte == lf { break }
                if byte == comma { commas += 1 } else if byte == semicolon { semicolons += 1 } else if byte == tab { tabs += 1 }
            }
            index += 1
        }
        if index >= bytes.count && !final { return nil }
        if commas > 0 { return comma }
        if semicolons == 0 && tabs == 0 { return comma }
        return tabs > semicolons ? tab : semicolon
    }

    static func cleanHeader(_ fields: [String]) -> [String] {
        var header = fields.map { cell in
            cell.unicodeScalars.filter { $0 != "\u{FEFF}" }.reduce(into: "") { $0.unicodeScalars.append($1) }
                .trimmedWhitespace
        }
        while let last = header.last, last.isEmpty { header.removeLast() }
        return header
    }

    /// Keeps error messages one line long even when the offending value is a paragraph.
    static func excerpt(_ value: String) -> String {
        let flat = value.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        return flat.count > 40 ? String(flat.prefix(40)) + "…" : flat
    }
}
