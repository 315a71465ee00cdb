/// Deterministic JSON serialiser: the same value always produces the same
/// bytes, so written reports can be diffed and hashed.
///
/// Numbers follow ECMAScript `Number::toString` (as RFC 8785 does): shortest
/// round-trip digits, plain notation for 1e-6 ≤ |x| < 1e21 and exponent form
/// (`1e-7`, `1e+21`) outside it; integral values print without a fraction and
/// `-0` prints as `0`. Non-finite numbers cannot be represented in JSON and
/// are written as `null`.
///
/// Strings stay UTF-8 (Chinese text is not `\u`-escaped); only `"`, `\`,
/// control characters and U+2028/U+2029 (which break JavaScript embedding)
/// are escaped.
///
/// Nesting is handled recursively: values produced by ``JSONParser`` are at
/// most ``JSONParser/maxDepth`` deep, which is safe.
public struct JSONWriter {
    public enum Style: Sendable {
        /// No insignificant whitespace.
        case compact
        /// Two-space indentation, `"key": value`, no trailing newline.
        case pretty
    }

    /// - Parameter sortKeys: orders object members by the UTF-16 code units of
    ///   their keys (the RFC 8785 order), keeping duplicates in document order.
    public static func write(_ value: JSONValue, style: Style = .compact, sortKeys: Bool = false) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        var emitter = Emitter(pretty: style == .pretty, sortKeys: sortKeys, escapeLineSeparators: true)
        emitter.emit(value, into: &out, depth: 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `s` as a quoted, escaped JSON string literal; for streaming
    /// renderers that assemble JSON text themselves.
    public static func writeString(_ s: String, into out: inout String) {
        if !needsEscaping(s, escapeLineSeparators: true) {
            out += "\""
            out += s
            out += "\""
            return
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count + 8)
        appendString(s, into: &bytes, escapeLineSeparators: true)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `d` in ECMAScript/RFC 8785 number syntax (`null` if non-finite).
    public static func writeNumber(_ d: Double, into out: inout String) {
        out += numberString(d)
    }

    /// `d` in ECMAScript `Number::toString` form, or `"null"` if non-finite.
    public static func numberString(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == 0 { return "0" }  // also -0
        if d.magnitude < 9_007_199_254_740_992, let i = Int64(exactly: d) {
            return String(i)
        }
        return ecmaScriptFormat(d)
    }

    // MARK: - Internals shared with CanonicalJSON

    struct Emitter {
        var pretty: Bool
        var sortKeys: Bool
        var escapeLineSeparators: Bool

        mutating func emit(_ value: JSONValue, into out: inout [UInt8], depth: Int) {
            switch value {
            case .null:
                out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
            case .bool(let b):
                out.append(contentsOf: b ? "true".utf8 : "false".utf8)
            case .number(let d):
                out.append(contentsOf: JSONWriter.numberString(d).utf8)
            case .string(let s):
                JSONWriter.appendString(s, into: &out, escapeLineSeparators: escapeLineSeparators)
            case .array(let a):
                out.append(UInt8(ascii: "["))
                if a.isEmpty {
                    out.append(UInt8(ascii: "]"))
                    return
                }
                var first = true
                for element in a {
                    if !first { out.append(UInt8(ascii: ",")) }
                    first = false
                    newline(&out, depth: depth + 1)
                    emit(element, into: &out, depth: depth + 1)
                }
                newline(&out, depth: depth)
                out.append(UInt8(ascii: "]"))
            case .object(let o):
                out.append(UInt8(ascii: "{"))
                if o.isEmpty {
                    out.append(UInt8(ascii: "}"))
                    return
                }
                var first = true
                for index in memberOrder(o) {
                    let member = o.members[index]
                    if !first { out.append(UInt8(ascii: ",")) }
                    first = false
                    newline(&out, depth: depth + 1)
                    JSONWriter.appendString(member.key, into: &out, escapeLineSeparators: escapeLineSeparators)
                    out.append(UInt8(ascii: ":"))
                    if pretty { out.append(UInt8(ascii: " ")) }
                    emit(member.value, into: &out, depth: depth + 1)
                }
                newline(&out, depth: depth)
                out.append(UInt8(ascii: "}"))
            }
        }

        func newline(_ out: inout [UInt8], depth: Int) {
            guard pretty else { return }
            out.append(0x0A)
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
        }

        func memberOrder(_ o: JSONObject) -> [Int] {
            guard sortKeys else { return Array(o.members.indices) }
            return JSONWriter.utf16Order(o.members.map(\.key))
        }
    }

    /// Indices of `keys` sorted by UTF-16 code units; ties (duplicate keys)
    /// keep document order so the output is fully deterministic.
    static func utf16Order(_ keys: [String]) -> [Int] {
        let units = keys.map { Array($0.utf16) }
        return keys.indices.sorted { a, b in
            if units[a] == units[b] { return a < b }
            return units[a].lexicographicallyPrecedes(units[b])
        }
    }

    static func needsEscaping(_ s: String, escapeLineSeparators: Bool) -> Bool {
        for b in s.utf8 {
            if b < 0x20 || b == 0x22 || b == 0x5C { return true }
            if b == 0xE2 && escapeLineSeparators { return true }  // possible U+2028/2029; checked precisely later
        }
        return false
    }

    static func appendString(_ s: String, into out: inout [UInt8], escapeLineSeparators: Bool) {
        let done: Void? = s.utf8.withContiguousStorageIfAvailable { utf8 in
            appendEscaped(utf8, into: &out, escapeLineSeparators: escapeLineSeparators)
        }
        if done == nil {
            Array(s.utf8).withUnsafeBufferPointer { appendEscaped($0, into: &out, escapeLineSeparators: escapeLineSeparators) }
        }
    }

    static func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>, into out: inout [UInt8], escapeLineSeparators: Bool) {
        out.append(0x22)
        var i = 0
        var runStart = 0
        while i < utf8.count {
            let b = utf8[i]
            let isSeparator =
                b == 0xE2 && escapeLineSeparators && i + 2 < utf8.count && utf8[i + 1] == 0x80
                && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9)
            guard b < 0x20 || b == 0x22 || b == 0x5C || isSeparator else {
                i += 1
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
            switch b {
            case 0x22: out.append(0x5C); out.append(0x22)
            case 0x5C: out.append(0x5C); out.append(0x5C)
            case 0x08: out.append(0x5C); out.append(UInt8(ascii: "b"))
            case 0x09: out.append(0x5C); out.append(UInt8(ascii: "t"))
            case 0x0A: out.append(0x5C); out.append(UInt8(ascii: "n"))
            case 0x0C: out.append(0x5C); out.append(UInt8(ascii: "f"))
            case 0x0D: out.append(0x5C); out.append(UInt8(ascii: "r"))
            case 0xE2:
                out.append(contentsOf: utf8[i + 2] == 0xA8 ? "\\u2028".utf8 : "\\u2029".utf8)
                i += 2
            default:
                out.append(0x5C); out.append(UInt8(ascii: "u")); out.append(0x30); out.append(0x30)
                out.append(lowerHex[Int(b >> 4)])
                out.append(lowerHex[Int(b & 0x0F)])
            }
            i += 1
            runStart = i
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        out.append(0x22)
    }

    private static let lowerHex: [UInt8] = Array("0123456789abcdef".utf8)

    /// ECMAScript Number::toString for finite, non-zero `d`, built from
    /// Swift's shortest round-trip digits (`description`), which are the
    /// same digits ECMAScript requires (shortest, then closest).
    static func ecmaScriptFormat(_ d: Double) -> String {
        let text = Array(d.magnitude.description.utf8)
        var digits: [UInt8] = []
        digits.reserveCapacity(20)
        var pointPosition: Int? = nil
        var exponent = 0
        var i = 0
        while i < text.count {
            let c = text[i]
            if c == UInt8(ascii: ".") {
                pointPosition = digits.count
            } else if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                i += 1
                var negative = false
                if i < text.count, text[i] == UInt8(ascii: "-") || text[i] == UInt8(ascii: "+") {
                    negative = text[i] == UInt8(ascii: "-")
                    i += 1
                }
                var e = 0
                while i < text.count, text[i] >= 0x30, text[i] <= 0x39 {
                    e = e * 10 + Int(text[i] - 0x30)
                    i += 1
                }
                exponent = negative ? -e : e
                break
            } else if c >= 0x30 && c <= 0x39 {
                digits.append(c)
            }
            i += 1
        }
        // Value = 0.d1d2…dk × 10^n (ECMAScript's k and n).
        var n = (pointPosition ?? digits.count) + exponent
        var leading = 0
        while leading < digits.count, digits[leading] == 0x30 {
            leading += 1
            n -= 1
        }
        var trailing = digits.count
        while trailing > leading, digits[trailing - 1] == 0x30 { trailing -= 1 }
        let sig = Array(digits[leading..<trailing])
        let k = sig.count
        guard k > 0 else { return "0" }

        var out: [UInt8] = []
        out.reserveCapacity(k + 8)
        if d < 0 { out.append(UInt8(ascii: "-")) }
        if k <= n && n <= 21 {
            out.append(contentsOf: sig)
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: n - k))
        } else if 0 < n && n <= 21 {
            out.append(contentsOf: sig[0..<n])
            out.append(UInt8(ascii: "."))
            out.append(contentsOf: sig[n...])
        } else if -6 < n && n <= 0 {
            out.append(UInt8(ascii: "0"))
            out.append(UInt8(ascii: "."))
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: -n))
            out.append(contentsOf: sig)
        } else {
            out.append(sig[0])
            if k > 1 {
                out.append(UInt8(ascii: "."))
                out.append(contentsOf: sig[1...])
            }
            out.append(UInt8(ascii: "e"))
            let e = n - 1
            out.append(e < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            out.append(contentsOf: String(e.magnitude).utf8)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
