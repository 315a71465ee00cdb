import Foundation
import Testing
@testable import QCapProviders

@Suite struct TextDecodingTests {
    private let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    private func decoded(_ data: Data) -> (text: String, encoding: TextEncoding)? {
        try? TextDecoding.decode(data).get()
    }

    @Test func plainUTF8() throws {
        let result = try #require(decoded(Data("企业名称,规模\n".utf8)))
        #expect(result.text == "企业名称,规模\n")
        #expect(result.encoding == .utf8)
    }

    @Test func emptyDataIsEmptyUTF8() throws {
        let result = try #require(decoded(Data()))
        #expect(result.text.isEmpty)
        #expect(result.encoding == .utf8)
    }

    @Test func utf8BOMIsStripped() throws {
        let result = try #require(decoded(Data([0xEF, 0xBB, 0xBF]) + Data("名称".utf8)))
        #expect(result.text == "名称")
        #expect(result.encoding == .utf8BOM)
    }

    /// A known byte sequence, so the test does not only check Foundation against itself.
    @Test func knownGB18030Bytes() throws {
        #expect("中".data(using: gb18030) == Data([0xD6, 0xD0]))
        let result = try #require(decoded(Data([0xD6, 0xD0, 0xCE, 0xC4, 0x2C, 0x41])))
        #expect(result.text == "中文,A")
        #expect(result.encoding == .gb18030)
    }

    @Test func gb18030RoundTrip() throws {
        let text = "统一社会信用代码,企业名称\r\n91350600MA00000000,漳州市示例机械有限公司\r\n"
        let data = try #require(text.data(using: gb18030))
        #expect(String(data: data, encoding: .utf8) == nil)
        let result = try #require(decoded(data))
        #expect(result.text == text)
        #expect(result.encoding == .gb18030)
    }

    @Test func utf16WithBOM() throws {
        let text = "企业名称\t规模\r\n示例\t中型\r\n"
        let little = Data([0xFF, 0xFE]) + (try #require(text.data(using: .utf16LittleEndian)))
        let big = Data([0xFE, 0xFF]) + (try #require(text.data(using: .utf16BigEndian)))
        #expect(decoded(little)?.text == text)
        #expect(decoded(little)?.encoding == .utf16LE)
        #expect(decoded(big)?.text == text)
        #expect(decoded(big)?.encoding == .utf16BE)
    }

    @Test func undecodableBytes() {
        #expect(decoded(Data([0xD6, 0xD0, 0xFF, 0xFF])) == nil)   // not UTF-8, not GB18030
        #expect(decoded(Data([0xD6])) == nil)                     // truncated double-byte character
        #expect(decoded(Data([0xEF, 0xBB, 0xBF, 0xFF])) == nil)   // BOM promises UTF-8, bytes are not
        #expect(decoded(Data([0xFF, 0xFE, 0x41])) == nil)         // odd UTF-16 length
    }

    /// One damaged byte in a UTF-8 file is reported where it is, not read as GB18030 nor as "not text".
    @Test func aDamagedUTF8FileNamesTheBadByte() throws {
        let data = Data("统一社会信用代码,企业名称\n91350600MA2YYYYY1Y,漳州示例".utf8) + Data([0xFF]) + Data("有限公司\n".utf8)
        guard case .failure(let failure) = TextDecoding.decode(data) else { Issue.record("decoded"); return }
        #expect(failure.position == TextPosition(line: 2, column: 24, byteOffset: 69, byte: 0xFF))
        #expect(failure.inputError(file: "r.csv").description
                == "r.csv:2: byte 0xFF at column 24 (byte offset 69) is not valid UTF-8; expected UTF-8 text throughout (the rest of the file is UTF-8: retype the character there, or save the file again as \"CSV UTF-8\")")
        // A truncated character that GB18030 would have "decoded" into other characters is caught the same way.
        let truncated = Data("名称,规模\n示例".utf8) + Data([0xE4, 0xB8]) + Data(",中型\n".utf8)
        guard case .failure(let other) = TextDecoding.decode(truncated) else { Issue.record("decoded as GB18030"); return }
        #expect(other.position?.line == 2)
        // Behind a BOM the bytes must be UTF-8.
        guard case .failure(let bom) = TextDecoding.decode(Data([0xEF, 0xBB, 0xBF]) + Data("a\nb".utf8) + Data([0xFF])) else { return }
        #expect(bom.position == TextPosition(line: 2, column: 2, byteOffset: 6, byte: 0xFF))
    }

    /// Real GB18030 text is not mistaken for damaged UTF-8, and bytes valid in neither are placed.
    @Test func gb18030IsNotDamagedUTF8() throws {
        let text = "统一社会信用代码,企业名称,行政区划\r\n91350600MA00000000,漳州市示例机械有限公司,350602\r\n"
        #expect(decoded(try #require(text.data(using: gb18030)))?.encoding == .gb18030)
        guard case .failure(let failure) = TextDecoding.decode(Data("ab\n".utf8) + Data([0xD6, 0xD0, 0xFF])) else { return }
        #expect(failure.position == TextPosition(line: 2, column: 2, byteOffset: 5, byte: 0xFF))
        #expect(failure.inputError(file: "x.csv").description.hasPrefix("x.csv:2: byte 0xFF at column 2 (byte offset 5) is not valid UTF-8 or GB18030"))
    }
}
