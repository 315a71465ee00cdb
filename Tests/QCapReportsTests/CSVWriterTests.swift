import Foundation
import Testing
@testable import QCapReports

@Suite struct CSVWriterTests {
    @Test func bomAndCRLF() {
        var writer = CSVWriter()
        writer.writeRow(["企业名称", "得分"])
        writer.writeRow(["示例", "87.5"])
        #expect(writer.text == "\u{FEFF}企业名称,得分\r\n示例,87.5\r\n")
        #expect(Array(writer.text.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(CSVWriter().text == "\u{FEFF}")
    }

    @Test func rfc4180Quoting() {
        var writer = CSVWriter()
        writer.writeRow(["a,b", #"say "hi""#, "two\nlines", "cr\rhere", "plain", ""])
        #expect(writer.text == "\u{FEFF}\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",plain,\r\n")
    }

    @Test func neutralisation() {
        #expect(CSVWriter.neutralize("=1+1") == "'=1+1")
        #expect(CSVWriter.neutralize("@SUM(A1:A9)") == "'@SUM(A1:A9)")
        #expect(CSVWriter.neutralize("+cmd") == "'+cmd")
        #expect(CSVWriter.neutralize("-foo") == "'-foo")
        #expect(CSVWriter.neutralize("-") == "'-")
        #expect(CSVWriter.neutralize("\t=x") == "'\t=x")
        #expect(CSVWriter.neutralize("\r=x") == "'\r=x")
        #expect(CSVWriter.neutralize("-1+2") == "'-1+2")
        #expect(CSVWriter.neutralize("-1e5") == "'-1e5")
        #expect(CSVWriter.neutralize("--1") == "'--1")
        #expect(CSVWriter.neutralize("-1.2.3") == "'-1.2.3")
    }

    @Test func plainNumbersStayNumbers() {
        for value in ["-3.5", "+1", "-0.25", "-.5", "+10.", "3", "0", "", "漳州", "a=b"] {
            #expect(CSVWriter.neutralize(value) == value, "\(value)")
        }
    }

    @Test func writeRowNeutralisesThenQuotes() {
        var writer = CSVWriter()
        writer.writeRow(["=HYPERLINK(\"http://x\",\"y\")", "-3.5", "-foo"])
        #expect(writer.text == "\u{FEFF}\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-3.5,'-foo\r\n")
        var raw = CSVWriter(neutralizing: false)
        raw.writeRow(["=1+1"])
        #expect(raw.text == "\u{FEFF}=1+1\r\n")
    }

    @Test func streamingWritesTheSameBytes() throws {
        let rows = (0..<500).map { ["企业\($0)", "-\($0).5", "=x\($0)", "a,\"b\""] }
        var writer = CSVWriter()
        final class Collected: @unchecked Sendable { var data = Data(); var chunks = 0 }
        let collected = Collected()
        let stream = CSVStreamWriter(chunkSize: 1024) { chunk in
            collected.data.append(chunk)
            collected.chunks += 1
        }
        for row in rows {
            writer.writeRow(row)
            try stream.writeRow(row)
        }
        try stream.finish()
        #expect(collected.data == Data(writer.text.utf8))
        #expect(collected.chunks > 1)
    }

    @Test func streamingToAFileHandle() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("qcap-csvwriter-\(UUID().uuidString).csv")
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        defer { try? FileManager.default.removeItem(at: url) }
        let handle = try FileHandle(forWritingTo: url)
        let stream = CSVStreamWriter(fileHandle: handle)
        try stream.writeRow(["名称", "差值"])
        try stream.writeRow(["示例", "-2"])
        try stream.finish()
        try handle.close()
        #expect(try Data(contentsOf: url) == Data("\u{FEFF}名称,差值\r\n示例,-2\r\n".utf8))
    }

    @Test func sinkErrorsReachTheCaller() {
        struct Full: Error {}
        let stream = CSVStreamWriter { _ in throw Full() }
        #expect(throws: Full.self) {
            try stream.writeRow(["x"])
            try stream.finish()
        }
    }
}
