import Foundation
import QCapCore

/// The encoding a text file turned out to be in; shown in diagnostics so an evaluator can see how a file was read.
public enum TextEncoding: String, Sendable {
    case utf8
    /// UTF-8 with a byte-order mark, what Excel writes for "CSV UTF-8".
    case utf8BOM
    /// GB18030 (a superset of GBK and GB2312), what Excel writes for "CSV" on a Chinese-locale Windows.
    case gb18030
    /// UTF-16 little-endian with a BOM, what Excel writes for "Unicode text" (tab-separated).
    case utf16LE
    /// UTF-16 big-endian with a BOM.
    case utf16BE
}

/// Decodes the bytes of an input file without asking the user which encoding it is in.
///
/// Order matters: a BOM is decisive; then UTF-8, which random GB18030 text almost never validates as; then GB18030,
/// which accepts most byte sequences and therefore comes last. A file that is UTF-8 except for a few damaged bytes
/// (many valid multi-byte sequences, few invalid ones) is not handed to GB18030, which would often "decode" it into
/// wrong characters: it is reported with the line, column and byte offset of the first bad byte.
public enum TextDecoding {
    /// CoreFoundation's kCFStringEncodingGB_18030_2000 as a Foundation encoding; swift-corelibs-foundation
    /// on Linux supports it (checked: "中" is D6 D0), so no table is written here.
    public static let gb18030Encoding = String.Encoding(rawValue: 0x8000_0632)

    /// The text and the encoding it was read in. A BOM is removed from the text. Empty data is empty UTF-8 text.
    public static func decode(_ data: Data) -> Result<(text: String, encoding: TextEncoding), TextDecodingFailure> {
        if data.starts(with: [0xEF, 0xBB, 0xBF]) {
            if let text = String(validating: data.dropFirst(3), as: UTF8.self) { return .success((text, .utf8BOM)) }
            return .failure(TextDecodingFailure(encoding: .utf8BOM, position: UTF8Survey.of(data, skipping: 3).firstInvalid))
        }
        // UTF-32 LE's BOM begins like UTF-16 LE's; such files are not supported, so do not misread them.
        if data.starts(with: [0xFF, 0xFE]) && !data.starts(with: [0xFF, 0xFE, 0x00, 0x00]) {
            guard let text = utf16(data.dropFirst(2), .utf16LittleEndian) else { return .failure(TextDecodingFailure(encoding: .utf16LE, position: nil)) }
            return .success((text, .utf16LE))
        }
        if data.starts(with: [0xFE, 0xFF]) {
            guard let text = utf16(data.dropFirst(2), .utf16BigEndian) else { return .failure(TextDecodingFailure(encoding: .utf16BE, position: nil)) }
            return .success((text, .utf16BE))
        }
        if let text = String(validating: data, as: UTF8.self) {
            return .success((text, .utf8))
        }
        let survey = UTF8Survey.of(data, skipping: 0)
        if survey.looksLikeDamagedUTF8 {
            return .failure(TextDecodingFailure(encoding: .utf8, position: survey.firstInvalid))
        }
        if let text = String(data: data, encoding: gb18030Encoding) {
            return .success((text, .gb18030))
        }
        var gb = GB18030Survey()
        data.withUnsafeBytes { gb.feed($0) }
        return .failure(TextDecodingFailure(encoding: .gb18030, position: gb.firstInvalid))
    }

    private static func utf16(_ data: Data, _ encoding: String.Encoding) -> String? {
        guard data.count % 2 == 0 else { return nil }
        return String(data: data, encoding: encoding)
    }
}

/// Where bytes stop being valid text: 1-based line and column (in characters), the 0-based byte offset, the byte.
public struct TextPosition: Sendable, Equatable {
    public var line: Int
    public var column: Int
    public var byteOffset: Int
    public var byte: UInt8
}

/// Why a file could not be decoded: the encoding it was read as and, when known, the first bad byte.
public struct TextDecodingFailure: Error, Sendable, Equatable {
    public var encoding: TextEncoding
    public var position: TextPosition?

    public static let expected = "UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK"

    /// `file:LINE: byte 0xFF at column 12 (byte offset 83) is not valid UTF-8; expected …`, or without a line when the
    /// place is unknown.
    public func inputError(file: String) -> InputError {
        guard let position else {
            return InputError(file: file, message: "the file is not text in a supported encoding", expected: Self.expected)
        }
        let name: String
        switch encoding {
        case .utf8, .utf8BOM: name = "UTF-8"
        case .gb18030: name = "UTF-8 or GB18030"
        case .utf16LE, .utf16BE: name = "UTF-16"
        }
        let hex = String(position.byte, radix: 16, uppercase: true)
        return InputError(file: file, location: .line(position.line),
                          message: "byte 0x\(hex.count == 1 ? "0" + hex : hex) at column \(position.column) (byte offset \(position.byteOffset)) is not valid \(name)",
                          expected: encoding == .gb18030 ? Self.expected
                              : "UTF-8 text throughout (the rest of the file is UTF-8: retype the character there, or save the file again as \"CSV UTF-8\")")
    }
}

/// A UTF-8 validation that keeps going: how many valid multi-byte sequences and invalid bytes the data has, and
/// where the first invalid one is. Fed in pieces that end at line feeds (so no sequence is split), or whole.
public struct UTF8Survey: Sendable {
    public private(set) var multibyte = 0
    public private(set) var invalid = 0
    public private(set) var firstInvalid: TextPosition?
    private var offset = 0
    private var line = 1
    private var column = 1

    public init(startingAt offset: Int = 0) {
        self.offset = offset
    }

    static func of(_ data: Data, skipping prefix: Int) -> UTF8Survey {
        var survey = UTF8Survey(startingAt: prefix)
        data.withUnsafeBytes { survey.feed(UnsafeRawBufferPointer(rebasing: $0[min(prefix, $0.count)...])) }
        return survey
    }

    /// Many valid multi-byte characters and few bad bytes: UTF-8 text with damage, not text in another encoding.
    /// (GB18030 text forms a valid UTF-8 sequence for about one character in seven, so its ratio is the reverse.)
    public var looksLikeDamagedUTF8: Bool { invalid > 0 && multibyte >= 2 && multibyte >= 4 * invalid }

    public mutating func feed(_ bytes: UnsafeRawBufferPointer) {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if b == 0x0A { line += 1; column = 1 } else { column += 1 }
                i += 1
                continue
            }
            let need: Int
            let minimum: UInt32
            var scalar: UInt32
            switch b {
            case 0xC2...0xDF: need = 1; minimum = 0x80; scalar = UInt32(b & 0x1F)
            case 0xE0...0xEF: need = 2; minimum = 0x800; scalar = UInt32(b & 0x0F)
            case 0xF0...0xF4: need = 3; minimum = 0x10000; scalar = UInt32(b & 0x07)
            default: need = 0; minimum = 0; scalar = 0
            }
            var valid = need > 0 && i + need < n
            if valid {
                var k = 1
                while k <= need {
                    guard bytes[i + k] & 0xC0 == 0x80 else { valid = false; break }
                    scalar = scalar << 6 | UInt32(bytes[i + k] & 0x3F)
                    k += 1
                }
                if valid && (scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar)) { valid = false }
            }
            if valid {
                multibyte += 1
                column += 1
                i += need + 1
            } else {
                if firstInvalid == nil { firstInvalid = TextPosition(line: line, column: column, byteOffset: offset + i, byte: b) }
                invalid += 1
                column += 1
                i += 1
            }
        }
        offset += n
    }
}

/// Where GB18030 (one byte below 0x80; two bytes 81–FE then 40–7E or 80–FE; four bytes 81–FE, 30–39, 81–FE, 30–39)
/// first breaks, for the message when a file is neither UTF-8 nor GB18030. Fed in pieces ending at line feeds.
public struct GB18030Survey: Sendable {
    public private(set) var firstInvalid: TextPosition?
    private var offset = 0
    private var line = 1
    private var column = 1

    public init(startingAt offset: Int = 0) {
        self.offset = offset
    }

    public mutating func feed(_ bytes: UnsafeRawBufferPointer) {
        var i = 0
        let n = bytes.count
        while i < n, firstInvalid == nil {
            let b = bytes[i]
            var length = 0
            if b < 0x80 {
                length = 1
            } else if (0x81...0xFE).contains(b), i + 1 < n {
                let second = bytes[i + 1]
                if (0x40...0x7E).contains(second) || (0x80...0xFE).contains(second) {
                    length = 2
                } else if (0x30...0x39).contains(second), i + 3 < n, (0x81...0xFE).contains(bytes[i + 2]), (0x30...0x39).contains(bytes[i + 3]) {
                    length = 4
                }
            }
            guard length > 0 else {
                firstInvalid = TextPosition(line: line, column: column, byteOffset: offset + i, byte: b)
                break
            }
            if b == 0x0A { line += 1; column = 1 } else { column += 1 }
            i += length
        }
        offset += n
    }
}
