import Foundation
import Testing
import QCapCore
@testable import QCapProviders

/// The streaming CSV index: rows found by one pass over the file must be the rows `CSVReader` reads from the whole
/// file, and reading a span back must give the same rows, at every chunk size (records cut across reads).
@Suite struct CSVRecordFileTests {
    func withFile<T>(_ bytes: [UInt8], _ body: (URL) throws -> T) throws -> T {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("qcap-csv-index-\(UUID().uuidString).csv")
        _ = FileManager.default.createFile(atPath: url.path, contents: Data(bytes))
        defer { try? FileManager.default.removeItem(at: url) }
        return try body(url)
    }

    /// Scans the file; returns the header, the rows with their spans, and the file for reading them back.
    func scan(_ url: URL, chunkSize: Int) throws -> (header: [String], rows: [(TableRow, TableSpan)], file: CSVRecordFile) {
        var scanner = try CSVRecordScanner(url: url, displayName: "t.csv", chunkSize: chunkSize)
        var rows: [(TableRow, TableSpan)] = []
        while let (row, offset, end) = try scanner.next() {
            rows.append((row, TableSpan(offset: offset, length: end - offset, line: row.line, number: row.number)))
        }
        return (scanner.header, rows, scanner.finish())
    }

    static let tricky = "\u{FEFF}\r\n代码,备注,\"数,量\"\r\n"
        + "A,\"第一行\r\n第二行\",1\r\n"
        + "\r\n,,\r\n"
        + "B,\"引号\"\"内\"\"\",2\r\n"
        + "A,\"ab\"c,3,,\r\n"
        + "C,\"\n\n\",4"

    @Test(arguments: [1, 2, 3, 7, 64, 1 << 20])
    func rowsMatchTheWholeFileReader(chunkSize: Int) throws {
        let bytes = Array(Self.tricky.utf8)
        let expected = try CSVReader.parse(Data(bytes), file: "t.csv")
        try withFile(bytes) { url in
            let (header, rows, file) = try scan(url, chunkSize: chunkSize)
            #expect(header == expected.header)
            #expect(file.headerLine == 2)
            #expect(file.encoding == .utf8BOM)
            #expect(rows.map(\.0) == expected.rows)
            #expect(rows.map(\.0.line) == [3, 7, 8, 9])
            for (row, span) in rows {
                #expect(try file.rows(in: span) == [row])
            }
            // A span over several records (with a blank one inside) reads them all back with their numbers.
            if let first = rows.first?.1, let last = rows.last?.1 {
                let all = TableSpan(offset: first.offset, length: last.offset + last.length - first.offset,
                                             line: first.line, number: first.number)
                #expect(try file.rows(in: all) == expected.rows)
            }
        }
    }

    @Test func gb18030IsTranscodedOnce() throws {
        let text = "企业,备注\n甲,\"多行\n备注\"\n乙,中文\n"
        guard let data = text.data(using: TextDecoding.gb18030Encoding) else {
            Issue.record("GB18030 encoding unavailable")
            return
        }
        try withFile(Array(data)) { url in
            let (header, rows, file) = try scan(url, chunkSize: 5)
            #expect(file.encoding == .gb18030)
            #expect(header == ["企业", "备注"])
            #expect(rows.map(\.0.fields) == [["甲", "多行\n备注"], ["乙", "中文"]])
            #expect(try rows.map { try file.rows(in: $0.1) } == rows.map { [$0.0] })
        }
    }

    @Test func structuralErrorsKeepTheirLines() throws {
        try withFile(Array("a,b\n1,\"x\ny\"\n2,3,4\n".utf8)) { url in
            var scanner = try CSVRecordScanner(url: url, displayName: "t.csv", chunkSize: 3)
            #expect(try scanner.next()?.row.fields == ["1", "x\ny"])
            do { _ = try scanner.next(); Issue.record("an overlong row was read") } catch {
                #expect("\(error)".hasPrefix("t.csv:4: the row has 3 fields but the header has 2 columns"))
            }
        }
        try withFile(Array("a,b\n1,\"open\n".utf8)) { url in
            var scanner = try CSVRecordScanner(url: url, displayName: "t.csv", chunkSize: 2)
            do { _ = try scanner.next(); Issue.record("an unterminated field was read") } catch {
                #expect("\(error)".contains("unterminated quoted field starting on line 2"))
            }
        }
        try withFile([]) { url in
            do { _ = try CSVRecordScanner(url: url, displayName: "t.csv"); Issue.record("an empty file was read") } catch {
                #expect("\(error)".contains("file is empty"))
            }
        }
    }
}
