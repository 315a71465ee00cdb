/// Finds the value of the top-level `"enterprise"` member of a JSON line without parsing the line.
///
/// Indexing a bulk file only needs each line's enterprise; a full parse would cost as much as the assessment itself.
/// The line is fully parsed later, and the parsed enterprise is checked against the one found here.
enum EnterpriseKeyScanner {
    static let key = Array("\"enterprise\"".utf8)

    static func enterprise(in bytes: UnsafeRawBufferPointer) -> String? {
        let count = bytes.count
        var i = 0
        var depth = 0
        while i < count {
            let byte = bytes[i]
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                i += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                i += 1
            case UInt8(ascii: "\""):
                let start = i
                i += 1
                while i < count && bytes[i] != UInt8(ascii: "\"") {
                    i += bytes[i] == UInt8(ascii: "\\") ? 2 : 1
                }
                i += 1
                guard depth == 1, i - start == key.count, matchesKey(bytes, at: start) else { continue }
                var j = i
                while j < count && (bytes[j] == 0x20 || bytes[j] == 0x09) { j += 1 }
                guard j < count, bytes[j] == UInt8(ascii: ":") else { continue }
                j += 1
                while j < count && (bytes[j] == 0x20 || bytes[j] == 0x09) { j += 1 }
                guard j < count, bytes[j] == UInt8(ascii: "\"") else { return nil }
                let valueStart = j + 1
                var k = valueStart
                while k < count && bytes[k] != UInt8(ascii: "\"") && bytes[k] != UInt8(ascii: "\\") { k += 1 }
                guard k < count, bytes[k] == UInt8(ascii: "\"") else { return nil }
                return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[valueStart..<k]), as: UTF8.self)
            default:
                i += 1
            }
        }
        return nil
    }

    private static func matchesKey(_ bytes: UnsafeRawBufferPointer, at start: Int) -> Bool {
        for (offset, expected) in key.enumerated() where bytes[start + offset] != expected { return false }
        return true
    }
}
