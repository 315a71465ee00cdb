import Foundation

/// Writes CSV that Excel on a Chinese-locale Windows opens correctly and safely:
/// a UTF-8 BOM (otherwise Excel reads the bytes as GBK and garbles the Chinese), CRLF line ends,
/// RFC 4180 quoting, and formula-injection neutralisation of every cell (see `neutralize`).
///
/// Builds the whole text in memory; for large exports use `CSVStreamWriter`, which writes the same bytes.
public struct CSVWriter: Sendable {
    /// The BOM plus every row written so far.
    public private(set) var text: String
    /// Whether cells are passed through `neutralize` (the default; turn off only for machine consumers).
    public let neutralizing: Bool

    public init(neutralizing: Bool = true) {
        self.text = "\u{FEFF}"
        self.neutralizing = neutralizing
    }

    public mutating func writeRow(_ fields: [String]) {
        text += Self.row(fields, neutralizing: neutralizing)
    }

    /// One CSV record with its CRLF, cells neutralised (when asked) and then quoted as needed.
    public static func row(_ fields: [String], neutralizing: Bool = true) -> String {
        var line = fields.map { quoted(neutralizing ? neutralize($0) : $0) }.joined(separator: ",")
        line += "\r\n"
        return line
    }

    /// RFC 4180: a field holding a comma, quote, CR or LF is wrapped in quotes, with inner quotes doubled.
    public static func quoted(_ field: String) -> String {
        let needsQuotes = field.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Guards against formula injection (CSV injection): a cell beginning with `=`, `+`, `-`, `@`, TAB or CR
    /// could be run as a formula by Excel or WPS, so it gets a leading `'`, which they show as text.
    ///
    /// Exception: a plain decimal number such as `-3.5`, `+1` or `-0.25` (optional sign, digits, optional
    /// fraction; no exponent, no thousands separators) is left alone, so score deltas stay numbers a reader
    /// can sum. Such a value cannot run anything: Excel parses it as a constant.
    public static func neutralize(_ field: String) -> String {
        guard let first = field.utf8.first else { return field }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D:
            return isPlainNumber(field) ? field : "'" + field
        default:
            return field
        }
    }

    /// `[+-]?digits[.digits]` or `[+-]?.digits`.
    static func isPlainNumber(_ field: String) -> Bool {
        var bytes = field.utf8[...]
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        var digits = 0
        var seenPoint = false
        for byte in bytes {
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits += 1
            } else if byte == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
            } else {
                return false
            }
        }
        return digits > 0
    }
}

/// Streams CSV rows to a sink (a file, a pipe) in the same format as `CSVWriter`, keeping memory flat
/// however many rows a report has. Bytes are buffered and handed over in chunks of about 64 KiB.
///
/// Call `finish()` at the end: it writes what is still buffered and reports the sink's error.
/// (Dropping the writer without `finish()` still attempts the final write, but its error is lost.)
public final class CSVStreamWriter {
    private let sink: (Data) throws -> Void
    private let neutralizing: Bool
    private var buffer: String
    private let chunkSize: Int

    /// `sink` receives UTF-8 bytes in order; the first chunk begins with the BOM.
    public init(neutralizing: Bool = true, chunkSize: Int = 64 * 1024, sink: @escaping (Data) throws -> Void) {
        self.sink = sink
        self.neutralizing = neutralizing
        self.chunkSize = max(1, chunkSize)
        self.buffer = "\u{FEFF}"
    }

    /// Writes to an open file handle (e.g. `FileHandle(forWritingTo:)` or `.standardOutput`); does not close it.
    public convenience init(fileHandle: FileHandle, neutralizing: Bool = true) {
        self.init(neutralizing: neutralizing) { data in try fileHandle.write(contentsOf: data) }
    }

    public func writeRow(_ fields: [String]) throws {
        buffer += CSVWriter.row(fields, neutralizing: neutralizing)
        if buffer.utf8.count >= chunkSize { try flush() }
    }

    /// Hands the buffered bytes to the sink now.
    public func flush() throws {
        guard !buffer.isEmpty else { return }
        let data = Data(buffer.utf8)
        buffer = ""
        try sink(data)
    }

    /// Writes what is still buffered. Same as `flush()`, named for the end of a report.
    public func finish() throws {
        try flush()
    }

    deinit {
        if !buffer.isEmpty { try? flush() }
    }
}
