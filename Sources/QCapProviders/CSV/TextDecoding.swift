import Foundation

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
/// Order matters: a BOM is decisive; then UTF-8, which random GB18030 text almost never validates as;
/// then GB18030, which accepts most byte sequences and therefore comes last.
public enum TextDecoding {
    /// CoreFoundation's kCFStringEncodingGB_18030_2000 as a Foundation encoding; swift-corelibs-foundation
    /// on Linux supports it (checked: "中" is D6 D0), so no table is written here.
    public static let gb18030Encoding = String.Encoding(rawValue: 0x8000_0632)

    /// The text and the encoding it was read in, or nil when no supported encoding decodes the bytes.
    /// A BOM is removed from the text. Empty data is empty UTF-8 text.
    public static func decode(_ data: Data) -> (text: String, encoding: TextEncoding)? {
        if data.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let text = String(validating: data.dropFirst(3), as: UTF8.self) else { return nil }
            return (text, .utf8BOM)
        }
        // UTF-32 LE's BOM begins like UTF-16 LE's; such files are not supported, so do not misread them.
        if data.starts(with: [0xFF, 0xFE]) && !data.starts(with: [0xFF, 0xFE, 0x00, 0x00]) {
            guard let text = utf16(data.dropFirst(2), .utf16LittleEndian) else { return nil }
            return (text, .utf16LE)
        }
        if data.starts(with: [0xFE, 0xFF]) {
            guard let text = utf16(data.dropFirst(2), .utf16BigEndian) else { return nil }
            return (text, .utf16BE)
        }
        if let text = String(validating: data, as: UTF8.self) {
            return (text, .utf8)
        }
        if let text = String(data: data, encoding: gb18030Encoding) {
            return (text, .gb18030)
        }
        return nil
    }

    private static func utf16(_ data: Data, _ encoding: String.Encoding) -> String? {
        guard data.count % 2 == 0 else { return nil }
        return String(data: data, encoding: encoding)
    }
}
