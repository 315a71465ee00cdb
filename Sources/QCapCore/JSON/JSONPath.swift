/// One spelling of JSON paths for the whole project (`$`, `$.a`, `$.a[0].b`,
/// `$["x y"]`), so that parser errors, line indexes and validator messages can
/// be matched against each other by plain string comparison.
///
/// Keys that are ASCII identifiers (`[A-Za-z_][A-Za-z0-9_]*`) use dot
/// notation; every other key uses bracket notation with the key written as a
/// JSON string literal (so `"mqc.D1.01"` becomes `$["mqc.D1.01"]`).
public enum JSONPath {
    public static let root = "$"

    public static func appending(key: String, to path: String) -> String {
        if isIdentifier(key) {
            return path + "." + key
        }
        var out = path
        out += "["
        JSONWriter.writeString(key, into: &out)
        out += "]"
        return out
    }

    public static func appending(index: Int, to path: String) -> String {
        path + "[" + String(index) + "]"
    }

    /// The path one level up (`$.a[0].b` → `$.a[0]`), or `nil` for `$` and for
    /// strings that are not well-formed paths.
    public static func parent(of path: String) -> String? {
        guard let starts = componentStarts(path), let last = starts.last else { return nil }
        let utf8 = Array(path.utf8)
        return String(decoding: utf8[0..<last], as: UTF8.self)
    }

    static func isIdentifier(_ key: String) -> Bool {
        var first = true
        for b in key.utf8 {
            let isAlpha = (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
            let isDigit = b >= 0x30 && b <= 0x39
            if first {
                guard isAlpha else { return false }
                first = false
            } else if !(isAlpha || isDigit) {
                return false
            }
        }
        return !first
    }

    /// UTF-8 offsets where each component after `$` starts; `nil` when the
    /// path is malformed. Parsing from the left is needed because bracketed
    /// keys may themselves contain `.`, `[`, `]` or escaped quotes.
    private static func componentStarts(_ path: String) -> [Int]? {
        let b = Array(path.utf8)
        guard b.first == UInt8(ascii: "$") else { return nil }
        var i = 1
        var starts: [Int] = []
        while i < b.count {
            starts.append(i)
            switch b[i] {
            case UInt8(ascii: "."):
                i += 1
                let s = i
                while i < b.count, b[i] != UInt8(ascii: "."), b[i] != UInt8(ascii: "[") { i += 1 }
                if i == s { return nil }
            case UInt8(ascii: "["):
                i += 1
                guard i < b.count else { return nil }
                if b[i] == UInt8(ascii: "\"") {
                    i += 1
                    var closed = false
                    while i < b.count {
                        if b[i] == UInt8(ascii: "\\") {
                            i += 2
                            continue
                        }
                        if b[i] == UInt8(ascii: "\"") {
                            closed = true
                            i += 1
                            break
                        }
                        i += 1
                    }
                    guard closed, i < b.count, b[i] == UInt8(ascii: "]") else { return nil }
                    i += 1
                } else {
                    let s = i
                    while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
                    guard i > s, i < b.count, b[i] == UInt8(ascii: "]") else { return nil }
                    i += 1
                }
            default:
                return nil
            }
        }
        return starts
    }
}
