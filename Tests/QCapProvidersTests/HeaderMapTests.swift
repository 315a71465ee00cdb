import Foundation
import Testing
import QCapCore
@testable import QCapProviders

@Suite struct HeaderMapTests {
    private let columns = [
        ColumnSpec(key: "uscc", aliases: ["统一社会信用代码", "USCC", "信用代码"]),
        ColumnSpec(key: "name", aliases: ["企业名称", "Enterprise Name"]),
        ColumnSpec(key: "size", aliases: ["规模", "企业规模（大中小微）"], required: false),
    ]

    @Test func chineseHeadersInAnyOrder() throws {
        let table = try CSVReader.parse("企业名称,备注,统一社会信用代码\n示例公司, x ,91350600MA00000000\n", file: "r.csv")
        let map = try HeaderMap(table: table, columns: columns)
        let row = try #require(table.rows.first)
        #expect(map.value("uscc", in: row) == "91350600MA00000000")
        #expect(map.value("name", in: row) == "示例公司")
        #expect(map.value("size", in: row) == nil)
        #expect(!map.contains("size"))
        #expect(map.value("unknown", in: row) == nil)
    }

    @Test func normalisationRules() throws {
        let table = try CSVReader.parse(" uscc ,ENTERPRISE   NAME,企业规模(大中小微 )\n1, 名 ,\n", file: "r.csv")
        let map = try HeaderMap(table: table, columns: columns)
        let row = try #require(table.rows.first)
        #expect(map.value("uscc", in: row) == "1")
        #expect(map.value("name", in: row) == "名")      // trimmed
        #expect(map.contains("size"))                   // full-width parentheses and spaces in a Chinese header
        #expect(map.value("size", in: row) == nil)       // empty value
        #expect(map.headers["name"] == "ENTERPRISE   NAME")
        #expect(HeaderMap.normalize("企业 名称") == "企业名称")
        #expect(HeaderMap.normalize("\u{FEFF} Enterprise  Name ") == "enterprise name")
        #expect(HeaderMap.normalize("规模（人）") == "规模(人)")
    }

    @Test func shortRowsGiveNil() throws {
        let table = try CSVReader.parse("统一社会信用代码,企业名称\n91350600MA00000000\n", file: "r.csv")
        let map = try HeaderMap(table: table, columns: columns)
        let row = try #require(table.rows.first)
        #expect(map.value("name", in: row) == nil)
    }

    @Test func missingRequiredColumnNamesKeyAliasesAndFoundHeaders() throws {
        let table = try CSVReader.parse("企业名称,行政区划\n示例,350602\n", file: "enterprises.csv")
        #expect {
            try HeaderMap(table: table, columns: columns)
        } throws: { error in
            guard let error = error as? InputError else { return false }
            #expect(error.file == "enterprises.csv")
            #expect(error.location == .line(1))
            #expect(error.description == #"enterprises.csv:1: missing required column "uscc" (headers found: "企业名称", "行政区划"); expected a header named "统一社会信用代码", "USCC" or "信用代码""#)
            return true
        }
    }

    @Test func severalMissingColumnsInOneError() throws {
        let table = try CSVReader.parse("\n\n规模\n中型\n", file: "e.csv")
        do {
            _ = try HeaderMap(table: table, columns: columns)
            Issue.record("expected an error")
        } catch {
            #expect(error.location == .line(3))
            #expect(error.message.contains(#"missing required columns "uscc", "name""#))
            #expect(error.expected?.contains(#"name = "企业名称", "Enterprise Name" or "name""#) == true)
        }
    }

    @Test func ambiguousHeadersAreAnError() throws {
        let table = try CSVReader.parse("统一社会信用代码,企业名称,USCC\n1,2,3\n", file: "e.csv")
        do {
            _ = try HeaderMap(table: table, columns: columns)
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains(#""统一社会信用代码" (column 1) and "USCC" (column 3)"#))
        }
    }

    @Test func errorHelperNamesTheHeaderAsWritten() throws {
        let table = try CSVReader.parse("统一社会信用代码,企业名称\n\n123,示例\n", file: "enterprises.csv")
        let map = try HeaderMap(table: table, columns: columns)
        let row = try #require(table.rows.first)
        #expect(map.error("uscc", in: row, message: #"malformed USCC "123""#, expected: "18 characters").description
                == #"enterprises.csv:3: column "统一社会信用代码": malformed USCC "123" (row 1); expected 18 characters"#)
    }
}
