import Foundation
import Testing
import QCapCore
@testable import QCapProviders

@Suite struct CSVReaderTests {
    private let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    private func parse(_ text: String) throws -> Table { try CSVReader.parse(text, file: "t.csv") }

    /// The InputError `body` throws; nil (failing the expectation that uses it) when it succeeds or throws something else.
    private func inputError(_ body: () throws -> Void) -> InputError? {
        do { try body(); return nil } catch { return error as? InputError }
    }

    @Test func simpleTable() throws {
        let table = try parse("a,b,c\n1,2,3\n4,5,6\n")
        #expect(table.header == ["a", "b", "c"])
        #expect(table.rows.map(\.fields) == [["1", "2", "3"], ["4", "5", "6"]])
        #expect(table.rows.map(\.line) == [2, 3])
        #expect(table.rows.map(\.number) == [1, 2])
        #expect(table.file == "t.csv")
        #expect(table.headerLine == 1)
        #expect(table.separator == ",")
    }

    @Test func noTrailingNewline() throws {
        #expect(try parse("a,b\n1,2").rows.map(\.fields) == [["1", "2"]])
        #expect(try parse("a,b\n1,").rows.map(\.fields) == [["1", ""]])
        #expect(try parse("a,b").rows.isEmpty)
    }

    @Test func quotedCommasAndDoubledQuotes() throws {
        let table = try parse("名称,备注\n\"漳州市示例机械有限公司,龙海分公司\",\"他说\"\"好\"\"\"\n\"\",x\"\"y\n\"\"\"\"\n")
        #expect(table.rows.map(\.fields) == [["漳州市示例机械有限公司,龙海分公司", "他说\"好\""], ["", "x\"\"y"], ["\""]])
    }

    @Test func embeddedNewlinesKeepLineNumbersRight() throws {
        let text = "a,b\r\n1,\"line one\r\nline two\r\nline three\"\r\n2,x\r\n\"q\nr\",y\n3,z\n"
        let table = try parse(text)
        #expect(table.rows.map(\.fields) == [["1", "line one\r\nline two\r\nline three"], ["2", "x"], ["q\nr", "y"], ["3", "z"]])
        #expect(table.rows.map(\.line) == [2, 5, 6, 8])
        #expect(table.rows.map(\.number) == [1, 2, 3, 4])
    }

    @Test func lineEndings() throws {
        for text in ["a,b\r\n1,2\r\n3,4\r\n", "a,b\n1,2\n3,4\n", "a,b\r1,2\r3,4\r", "a,b\r\n1,2\n3,4\r"] {
            let table = try parse(text)
            #expect(table.rows.map(\.fields) == [["1", "2"], ["3", "4"]], "\(text.debugDescription)")
            #expect(table.rows.map(\.line) == [2, 3], "\(text.debugDescription)")
        }
    }

    @Test func blankLinesAreSkippedButCounted() throws {
        let table = try parse("\n\r\na,b\n\n1,2\n,\n  ,\t\n3,4\n\n")
        #expect(table.headerLine == 3)
        #expect(table.rows.map(\.fields) == [["1", "2"], ["3", "4"]])
        #expect(table.rows.map(\.line) == [5, 8])
        #expect(table.rows.map(\.number) == [1, 2])
    }

    @Test func headerIsTrimmedAndBOMStripped() throws {
        let table = try parse("\u{FEFF} 统一社会信用代码 , 企业名称\t,,\n1,2,,\n")
        #expect(table.header == ["统一社会信用代码", "企业名称"])
        #expect(table.rows.map(\.fields) == [["1", "2"]])   // Excel's trailing empty columns dropped
    }

    @Test func utf8BOMBytesAreStripped() throws {
        let table = try CSVReader.parse(Data([0xEF, 0xBB, 0xBF]) + Data("名称\n示例\n".utf8), file: "b.csv")
        #expect(table.header == ["名称"])
        #expect(table.encoding == .utf8BOM)
    }

    @Test func fieldsAreNotTrimmedAndSubscriptNeverTraps() throws {
        let row = try #require(try parse("a,b,c\n x ,y\n").rows.first)
        #expect(row[0] == " x ")
        #expect(row[1] == "y")
        #expect(row[2] == nil)
        #expect(row[-1] == nil)
        #expect(row[Int.max] == nil)
    }

    @Test func extraNonEmptyFieldIsAnErrorNamingTheLine() {
        let error = inputError { _ = try CSVReader.parse("a,b\n1,2\n\n3,4,5\n", file: "e.csv") }
        #expect(error?.location == .row(2, line: 4))
        #expect(error?.description == #"e.csv:4: the row has 3 fields but the header has 2 columns (extra value "5" in field 3) (row 2); expected at most 2 fields; quote values that contain ",""#)
    }

    @Test func emptyFile() {
        for text in ["", "\n\r\n", ",,,\n"] {
            let error = inputError { _ = try CSVReader.parse(text, file: "empty.csv") }
            #expect(error?.description == "empty.csv: file is empty: expected a header row")
        }
    }

    @Test func unterminatedQuoteNamesItsStartLine() {
        let error = inputError { _ = try parse("a,b\n1,2\n3,\"open\nstill open\n4,5\n") }
        #expect(error?.location == .line(3))
        #expect(error?.message == "unterminated quoted field starting on line 3")
    }

    @Test func textAfterClosingQuoteIsKeptLikeExcel() throws {
        #expect(try parse("a,b\n\"ab\"c,d\n").rows.first?.fields == ["abc", "d"])
    }

    @Test func semicolonAndTabSeparators() throws {
        let semi = try parse("名称;得分\n示例;\"3,5\"\n")
        #expect(semi.separator == ";")
        #expect(semi.rows.first?.fields == ["示例", "3,5"])
        let tabs = try parse("名称\t得分\n示例\t3;5\n")
        #expect(tabs.separator == "\t")
        #expect(tabs.rows.first?.fields == ["示例", "3;5"])
        // A comma in the header wins; a semicolon in the data changes nothing.
        let commas = try parse("a,b;c\n1;2,3\n")
        #expect(commas.header == ["a", "b;c"])
        #expect(commas.rows.first?.fields == ["1;2", "3"])
        // A quoted comma in the header does not count.
        #expect(try parse("\"a,x\";b\n1;2\n").header == ["a,x", "b"])
    }

    @Test func excelUnicodeTextExport() throws {
        let text = "统一社会信用代码\t企业名称\r\n91350600MA00000000\t漳州市示例机械有限公司\r\n"
        let data = Data([0xFF, 0xFE]) + (try #require(text.data(using: .utf16LittleEndian)))
        let table = try CSVReader.parse(data, file: "u.txt")
        #expect(table.encoding == .utf16LE)
        #expect(table.header == ["统一社会信用代码", "企业名称"])
        #expect(table.rows.first?.fields == ["91350600MA00000000", "漳州市示例机械有限公司"])
    }

    @Test func gb18030RosterFromBytes() throws {
        let text = "统一社会信用代码,企业名称\r\n91350600MA00000000,漳州市示例机械有限公司\r\n91350600MA00000001,\"漳州市示例食品有限公司,分厂\"\r\n"
        let data = try #require(text.data(using: gb18030))
        let table = try CSVReader.parse(data, file: "roster.csv")
        #expect(table.encoding == .gb18030)
        #expect(table.header == ["统一社会信用代码", "企业名称"])
        #expect(table.rows.map(\.fields) == [["91350600MA00000000", "漳州市示例机械有限公司"],
                                            ["91350600MA00000001", "漳州市示例食品有限公司,分厂"]])
    }

    @Test func gb18030RosterFixture() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/roster-gb18030.csv")
        let table = try CSVReader.read(contentsOf: url)
        #expect(table.file == "roster-gb18030.csv")
        #expect(table.encoding == .gb18030)
        #expect(table.header == ["统一社会信用代码", "企业名称", "行政区划", "行业代码", "规模"])
        #expect(table.rows.count == 3)
        #expect(table.rows.first?.fields == ["91350600MA00000000", "漳州市示例机械有限公司", "350602", "C34", "中型"])
        #expect(table.rows.allSatisfy { $0.fields.count == 5 })
        let map = try HeaderMap(table: table, columns: [ColumnSpec(key: "name", aliases: ["企业名称"])])
        #expect(table.rows.compactMap { map.value("name", in: $0) }.allSatisfy { $0.hasPrefix("漳州市") })
    }

    @Test func unreadableAndUndecodableFiles() {
        let missing = inputError { _ = try CSVReader.read(contentsOf: URL(fileURLWithPath: "/nonexistent/qcap/x.csv")) }
        #expect(missing?.file == "x.csv")
        #expect(missing?.message.hasPrefix("cannot read the file") == true)

        let binary = inputError { _ = try CSVReader.parse(Data([0xD6, 0xD0, 0xFF, 0xFF, 0x00]), file: "bin.csv") }
        #expect(binary?.message == "byte 0xFF at column 2 (byte offset 2) is not valid UTF-8 or GB18030")

        let workbook = inputError { _ = try CSVReader.parse(Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]), file: "r.xlsx") }
        #expect(workbook?.message == "this is an Excel workbook, not a CSV file")
    }

    /// Not a timing assertion: checks that a large file parses to the right shape (and exercises the byte path).
    @Test func manyRows() throws {
        var text = "uscc,name,score\n"
        for i in 0..<20_000 { text += "9135060000000\(i),\"企业 \(i), 有限公司\",\(i % 100)\n" }
        let table = try parse(text)
        #expect(table.rows.count == 20_000)
        #expect(table.rows.last?.fields == ["913506000000019999", "企业 19999, 有限公司", "99"])
        #expect(table.rows.last?.line == 20_001)
    }
}
