import Foundation
import Testing
@testable import QCapProviders

@Suite struct TextDecodingTests {
    private let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    @Test func plainUTF8() throws {
        let result = try #require(TextDecoding.decode(Data("企业名称,规模\n".utf8)))
        #expect(result.text == "企业名称,规模\n")
        #expect(result.encoding == .utf8)
    }

    @Test func emptyDataIsEmptyUTF8() throws {
        let result = try #require(TextDecoding.decode(Data()))
        #expect(result.text.isEmpty)
        #expect(result.encoding == .utf8)
    }

    @Test func utf8BOMIsStripped() throws {
        let result = try #require(TextDecoding.decode(Data([0xEF, 0xBB, 0xBF]) + Data("名称".utf8)))
        #expect(result.text == "名称")
        #expect(result.encoding == .utf8BOM)
    }

    /// A known byte sequence, so the test does not only check Foundation against itself.
    @Test func knownGB18030Bytes() throws {
        #expect("中".data(using: gb18030) == Data([0xD6, 0xD0]))
        let result = try #require(TextDecoding.decode(Data([0xD6, 0xD0, 0xCE, 0xC4, 0x2C, 0x41])))
        #expect(result.text == "中文,A")
        #expect(result.encoding == .gb18030)
    }

    @Test func gb18030RoundTrip() throws {
        let text = "统一社会信用代码,企业名称\r\n91350600MA00000000,漳州市示例机械有限公司\r\n"
        let data = try #require(text.data(using: gb18030))
        #expect(String(data: data, encoding: .utf8) == nil)
        let result = try #require(TextDecoding.decode(data))
        #expect(result.text == text)
        #expect(result.encoding == .gb18030)
    }

    @Test func utf16WithBOM() throws {
        let text = "企业名称\t规模\r\n示例\t中型\r\n"
        let little = Data([0xFF, 0xFE]) + (try #require(text.data(using: .utf16LittleEndian)))
        let big = Data([0xFE, 0xFF]) + (try #require(text.data(using: .utf16BigEndian)))
        #expect(TextDecoding.decode(little)?.text == text)
        #expect(TextDecoding.decode(little)?.encoding == .utf16LE)
        #expect(TextDecoding.decode(big)?.text == text)
        #expect(TextDecoding.decode(big)?.encoding == .utf16BE)
    }

    @Test func undecodableBytes() {
        #expect(TextDecoding.decode(Data([0xD6, 0xD0, 0xFF, 0xFF])) == nil)   // not UTF-8, not GB18030
        #expect(TextDecoding.decode(Data([0xD6])) == nil)                     // truncated double-byte character
        #expect(TextDecoding.decode(Data([0xEF, 0xBB, 0xBF, 0xFF])) == nil)   // BOM promises UTF-8, bytes are not
        #expect(TextDecoding.decode(Data([0xFF, 0xFE, 0x41])) == nil)         // odd UTF-16 length
    }
}
