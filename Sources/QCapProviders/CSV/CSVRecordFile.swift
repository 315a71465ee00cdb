import Foundation
import QCapCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Owns a file descriptor of UTF-8 CSV bytes; `pread` is safe to call from several threads at once.
final class CSVFileHandle: Sendable {
    let fd: Int32
    init(fd: Int32) { self.fd = fd }
    deinit { close(fd) }

    /// Exactly `length` bytes at `offset`, or nil when the file is shorter (it changed) or cannot be read.
    func read(offset: Int, length: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: length)
        var done = 0
        while done < length {
            let count = bytes.withUnsafeMutableBytes { buffer in
                pread(fd, buffer.baseAddress.map { $0 + done }, length - done, off_t(offset + done))
            }
            if count <= 0 { return nil }
            done += count
        }
        return bytes
    }

    /// Up to `length` bytes at `offset` appended to `buffer`; the count read (0 at the end of the file), or nil on error.
    /// The chunk is read into uninitialised memory first: zero-filling a 4 MB chunk element by element costs a
    /// debug build a second per file, even for a file of a few hundred bytes.
    func append(to buffer: inout [UInt8], offset: Int, length: Int) -> Int? {
        let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: max(length, 1), alignment: 1)
        defer { scratch.deallocate() }
        let count = pread(fd, scratch.baseAddress, length, off_t(offset))
        guard count >= 0 else { return nil }
        buffer.append(contentsOf: UnsafeBufferPointer(start: scratch.baseAddress?.assumingMemoryBound(to: UInt8.self), count: count))
        return count
    }
}

/// A CSV file kept on disk: the header parsed once, data rows parsed again when a provider asks for them.
///
/// `CSVRecordScanner` reads the file once, streaming, and hands each data row to the provider (to validate it and
/// to note where it lies); the provider keeps only byte ranges and reads an enterprise's rows back with `rows(in:)`.
/// UTF-8 files (with or without BOM) are read in place; UTF-16 and GB18030 files are transcoded once, a piece at a
/// time, to an unlinked temporary UTF-8 file.
public final class CSVRecordFile: Sendable {
    public let file: String
    public let header: [String]
    public let headerLine: Int
    public let encoding: TextEncoding
    let separator: UInt8
    let handle: CSVFileHandle

    init(file: String, header: [String], headerLine: Int, encoding: TextEncoding, separator: UInt8, handle: CSVFileHandle) {
        self.file = file
        self.header = header
        self.headerLine = headerLine
        self.encoding = encoding
        self.separator = separator
        self.handle = handle
    }

    /// The data rows in `span`, with their lines and row numbers as in the file.
    public func rows(in span: TableSpan) throws(InputError) -> [TableRow] {
        guard let bytes = handle.read(offset: span.offset, length: span.length) else {
            throw InputError(file: file, location: .line(span.line), message: "the file changed while it was read")
        }
        let columns = header.count
        let result: Result<[TableRow], InputError> = bytes.withUnsafeBufferPointer { buffer in
            var parser = Parser(window: buffer, file: file, position: 0, line: span.line, separator: separator)
            var rows: [TableRow] = []
            var fields: [String] = []
            var number = span.number
            while parser.position < buffer.count {
                let line = parser.line
                fields.removeAll(keepingCapacity: true)
                do throws(InputError) { try parser.readRecord(into: &fields) } catch { return .failure(error) }
                if Parser.isBlank(fields) { continue }
                if let error = Parser.trimExtraFields(&fields, columns: columns, number: number, line: line, file: file,
                                                      separator: separator) {
                    return .failure(error)
                }
                rows.append(TableRow(line: line, number: number, fields: fields))
                number += 1
            }
            return .success(rows)
        }
        return try result.get()
    }
}

/// Reads a CSV file once, streaming, one data row at a time; see `CSVRecordFile`.
public struct CSVRecordScanner {
    public let file: String
    public let encoding: TextEncoding
    public private(set) var header: [String] = []
    public private(set) var headerLine = 1
    let handle: CSVFileHandle
    var separator = UInt8(ascii: ",")

    private var buffer: [UInt8] = []
    /// File offset of `buffer[0]`.
    private var bufferOffset: Int
    private var position = 0
    private var line = 1
    private var atEnd = false
    private var rowCount = 0
    private var fields: [String] = []
    private let chunkSize: Int

    /// Opens the file, works out its encoding and reads up to the header. `chunkSize` is how much is read at a time
    /// (a record longer than that is read in several).
    public init(url: URL, displayName: String? = nil, chunkSize: Int = 1 << 20) throws(InputError) {
        let file = displayName ?? url.lastPathComponent
        self.file = file
        self.chunkSize = max(chunkSize, 1)
        let source = try CSVSourceBytes.open(url, file: file)
        handle = source.handle
        bufferOffset = source.start
        encoding = source.encoding
        while header.isEmpty {
            guard let record = try nextRecord(beforeHeader: true) else {
                throw InputError(file: file, message: "file is empty: expected a header row")
            }
            let cleaned = Parser.cleanHeader(fields)
            // A line holding only a stray BOM is blank too.
            if !cleaned.isEmpty {
                header = cleaned
                headerLine = record.line
            }
        }
    }

    /// The next data row and the byte range of its record (line end included), or nil at the end of the file.
    public mutating func next() throws(InputError) -> (row: TableRow, offset: Int, end: Int)? {
        guard let record = try nextRecord(beforeHeader: false) else { return nil }
        let number = rowCount + 1
        if let error = Parser.trimExtraFields(&fields, columns: header.count, number: number, line: record.line, file: file,
                                              separator: separator) {
            throw error
        }
        rowCount = number
        return (TableRow(line: record.line, number: number, fields: fields), record.offset, record.end)
    }

    /// The indexed file for reading rows back.
    public func finish() -> CSVRecordFile {
        CSVRecordFile(file: file, header: header, headerLine: headerLine, encoding: encoding, separator: separator, handle: handle)
    }

    /// Reads the next non-blank record into `fields`.
    private mutating func nextRecord(beforeHeader: Bool) throws(InputError) -> (line: Int, offset: Int, end: Int)? {
        while true {
            if position >= buffer.count {
                if atEnd { return nil }
                try refill()
                continue
            }
            let start = position
            let startLine = line
            let final = atEnd
            let file = self.file
            let separator = self.separator
            var fields = self.fields
            self.fields = []
            fields.removeAll(keepingCapacity: true)
            defer { self.fields = fields }
            let outcome: Result<(position: Int, line: Int, separator: UInt8)?, InputError> = buffer.withUnsafeBufferPointer { bytes in
                var parser = Parser(window: bytes, file: file, position: start, line: startLine, separator: separator)
                if beforeHeader {
                    guard let detected = parser.detectSeparator(from: start, final: final) else { return .success(nil) }
                    parser.separator = detected
                }
                do throws(InputError) {
                    try parser.readRecord(into: &fields)
                } catch {
                    return parser.hitEnd && !final ? .success(nil) : .failure(error)
                }
                // Every byte the parser looked at lies before its final position; at the window's end, read on.
                if !final && parser.position >= bytes.count { return .success(nil) }
                return .success((parser.position, parser.line, parser.separator))
            }
            guard let done = try outcome.get() else {
                try refill()
                continue
            }
            position = done.position
            line = done.line
            self.separator = done.separator
            if Parser.isBlank(fields) { continue }
            return (startLine, bufferOffset + start, bufferOffset + position)
        }
    }

    /// Drops the consumed bytes and reads the next chunk after the unconsumed ones.
    private mutating func refill() throws(InputError) {
        if position > 0 {
            buffer.removeSubrange(0..<min(position, buffer.count))
            bufferOffset += position
            position = 0
        }
        guard let count = handle.append(to: &buffer, offset: bufferOffset + buffer.count, length: chunkSize) else {
            throw InputError(file: file, message: "read error", expected: "a readable CSV file")
        }
        if count == 0 { atEnd = true }
    }
}

/// A CSV file as UTF-8 bytes on a descriptor: the file itself when it is UTF-8, else a transcoded temporary copy.
enum CSVSourceBytes {
    static let chunkSize = 4 << 20

    static func open(_ url: URL, file: String) throws(InputError) -> (handle: CSVFileHandle, start: Int, encoding: TextEncoding) {
        let fd = Glibc.open(url.path, O_RDONLY)
        guard fd >= 0 else {
            // The same message as reading the file whole would give.
            do {
                _ = try Data(contentsOf: url)
            } catch {
                throw InputError(file: file, message: "cannot read the file (\(error.localizedDescription))",
                                 expected: "a readable CSV file")
            }
            throw InputError(file: file, message: "cannot read the file", expected: "a readable CSV file")
        }
        let handle = CSVFileHandle(fd: fd)
        let notText = TextDecodingFailure(encoding: .utf8, position: nil).inputError(file: file)
        let readError = InputError(file: file, message: "read error", expected: "a readable CSV file")
        var head: [UInt8] = []
        guard handle.append(to: &head, offset: 0, length: 4) != nil else { throw readError }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw InputError(file: file, message: "this is an Excel workbook, not a CSV file",
                             expected: "the sheet saved as \"CSV UTF-8\" or \"CSV\" from Excel")
        }
        // UTF-32 LE's BOM begins like UTF-16 LE's; such files are not supported, so do not misread them.
        if head.starts(with: [0xFF, 0xFE]) && !head.starts(with: [0xFF, 0xFE, 0x00, 0x00]) {
            return (try transcode(handle, from: 2, .utf16LittleEndian, unit: 2, file: file, notText: notText), 0, .utf16LE)
        }
        if head.starts(with: [0xFE, 0xFF]) {
            return (try transcode(handle, from: 2, .utf16BigEndian, unit: 2, file: file, notText: notText), 0, .utf16BE)
        }
        let bom = head.starts(with: [0xEF, 0xBB, 0xBF])
        let start = bom ? 3 : 0
        var survey = UTF8Survey(startingAt: start)
        guard pieces(handle, from: start, unit: 1, { bytes in
            bytes.withUnsafeBytes { survey.feed($0) }
            return true
        }) != nil else { throw readError }
        if survey.invalid == 0 { return (handle, start, bom ? .utf8BOM : .utf8) }
        // The same judgement as `TextDecoding` makes for a file read whole.
        if bom || survey.looksLikeDamagedUTF8 {
            throw TextDecodingFailure(encoding: bom ? .utf8BOM : .utf8, position: survey.firstInvalid).inputError(file: file)
        }
        do throws(InputError) {
            return (try transcode(handle, from: 0, TextDecoding.gb18030Encoding, unit: 1, file: file, notText: notText), 0, .gb18030)
        } catch {
            var gb = GB18030Survey()
            _ = pieces(handle, from: 0, unit: 1) { bytes in
                bytes.withUnsafeBytes { gb.feed($0) }
                return gb.firstInvalid == nil
            }
            throw gb.firstInvalid.map { TextDecodingFailure(encoding: .gb18030, position: $0).inputError(file: file) } ?? error
        }
    }

    /// Calls `body` with consecutive pieces of the file from `start`, each ending after a line feed (or at the end
    /// of the file), so no character is split; `unit` is the code unit size (2 for UTF-16). False stops early.
    static func pieces(_ handle: CSVFileHandle, from start: Int, unit: Int, bigEndian: Bool = false,
                       _ body: ([UInt8]) -> Bool) -> Bool? {
        var offset = start
        var pending: [UInt8] = []
        while true {
            guard let count = handle.append(to: &pending, offset: offset, length: chunkSize) else { return nil }
            offset += count
            if count == 0 {
                return pending.isEmpty ? true : body(pending)
            }
            // The last line feed at a code unit boundary.
            var cut = -1
            var index = pending.count - unit
            index -= index % unit
            while index >= 0 {
                let isLF = unit == 1 ? pending[index] == 0x0A
                    : (bigEndian ? pending[index] == 0 && pending[index + 1] == 0x0A : pending[index] == 0x0A && pending[index + 1] == 0)
                if isLF { cut = index + unit; break }
                index -= unit
            }
            guard cut > 0 else { continue }
            if !body(Array(pending[0..<cut])) { return false }
            pending.removeSubrange(0..<cut)
        }
    }

    /// Decodes the file piece by piece into an unlinked temporary UTF-8 file.
    static func transcode(_ handle: CSVFileHandle, from start: Int, _ encoding: String.Encoding, unit: Int, file: String,
                          notText: InputError) throws(InputError) -> CSVFileHandle {
        var template = Array((NSTemporaryDirectory() + "/qcap-csv-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard fd >= 0 else {
            throw InputError(file: file, message: "cannot create a temporary file to transcode the file to UTF-8")
        }
        let output = CSVFileHandle(fd: fd)
        template.withUnsafeBufferPointer { buffer in _ = buffer.baseAddress.map { unlink($0) } }
        var writeFailed = false
        let decoded = pieces(handle, from: start, unit: unit, bigEndian: encoding == .utf16BigEndian) { piece in
            if unit == 2 && piece.count % 2 != 0 { return false }
            guard var text = String(data: Data(piece), encoding: encoding) else { return false }
            let written = text.withUTF8 { bytes -> Bool in
                var done = 0
                while done < bytes.count {
                    let count = write(fd, bytes.baseAddress.map { $0 + done }, bytes.count - done)
                    if count <= 0 { return false }
                    done += count
                }
                return true
            }
            if !written { writeFailed = true }
            return written
        }
        if writeFailed { throw InputError(file: file, message: "cannot write the temporary UTF-8 copy of the file") }
        guard let decoded else { throw InputError(file: file, message: "read error", expected: "a readable CSV file") }
        guard decoded else { throw notText }
        return output
    }
}
