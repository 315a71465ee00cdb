import Foundation

/// Why and where a JSON document could not be parsed.
///
/// `line` and `column` are 1-based; `column` counts Unicode scalars (not
/// bytes) from the start of the line so it matches what editors show for
/// Chinese text. `byteOffset` is 0-based. `path` names the value that was
/// being parsed (e.g. `$.criteria[2].weight`), so a truncated file says which
/// part was cut off, not only where the bytes ended.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public let line: Int
    public let column: Int
    public let byteOffset: Int
    public let path: String
    public let message: String

    public init(line: Int, column: Int, byteOffset: Int, path: String, message: String) {
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
        self.path = path
        self.message = message
    }

    public var description: String {
        "line \(line), column \(column) (byte \(byteOffset)), at \(path): \(message)"
    }
}

/// Strict RFC 8259 parser built for throughput on large JSONL files.
///
/// Strictness: rejects trailing commas, leading zeros, `NaN`/`Infinity`,
/// unescaped control characters, invalid UTF-8, lone surrogate escapes,
/// numbers that overflow `Double`, trailing non-whitespace, nesting
/// deeper than ``maxDepth``, and duplicate keys in an object: RFC 8259 leaves
/// their meaning open (which value wins depends on the reader), so every
/// JSON input QCap reads treats them as bad input naming the second
/// occurrence and the line of the first. A UTF-8 byte order mark is not accepted
/// (RFC 8259 §8.1 forbids emitting one); strip it before parsing if needed.
///
/// The parser is iterative (an explicit container stack), so hostile nesting
/// can neither overflow the thread stack nor exceed ``maxDepth``.
public enum JSONParser {
    /// Deepest container nesting accepted; a 513th nested `[`/`{` is an error.
    public static let maxDepth = 512

    public static func parse(_ bytes: UnsafeRawBufferPointer) throws(JSONParseError) -> JSONValue {
        var core = ParserCore(bytes, observer: NoObserver())
        return try core.parseDocument()
    }

    public static func parse(_ data: Data) throws(JSONParseError) -> JSONValue {
        let result: Result<JSONValue, JSONParseError> = data.withUnsafeBytes { buf in
            Result { () throws(JSONParseError) -> JSONValue in try parse(buf) }
        }
        return try result.get()
    }

    public static func parse(_ string: String) throws(JSONParseError) -> JSONValue {
        let result: Result<JSONValue, JSONParseError>? = string.utf8.withContiguousStorageIfAvailable { buf in
            Result { () throws(JSONParseError) -> JSONValue in try parse(UnsafeRawBufferPointer(buf)) }
        }
        if let result { return try result.get() }
        return try parse(Data(string.utf8))
    }

    /// Parses and also records the line on which every value starts, for
    /// file:line diagnostics. Slower than ``parse(_:)-(Data)`` (a path string is
    /// built per value), which is why the plain parse does not do it.
    public static func parseWithLines(_ data: Data) throws(JSONParseError) -> (value: JSONValue, lines: JSONLineIndex) {
        let result: Result<(value: JSONValue, lines: JSONLineIndex), JSONParseError> = data.withUnsafeBytes { buf in
            Result { () throws(JSONParseError) -> (value: JSONValue, lines: JSONLineIndex) in
                try parseWithLines(buf)
            }
        }
        return try result.get()
    }

    static func parseWithLines(_ bytes: UnsafeRawBufferPointer) throws(JSONParseError) -> (value: JSONValue, lines: JSONLineIndex) {
        var core = ParserCore(bytes, observer: LineObserver(bytes))
        let value = try core.parseDocument()
        return (value, JSONLineIndex(lines: core.observer.lines))
    }
}

// MARK: - Observers

/// Hook for per-value bookkeeping; the no-op conformance is specialised away
/// so plain parsing pays nothing for line tracking.
protocol JSONParseObserver {
    static var isActive: Bool { get }
    mutating func valueStarts(at offset: Int, path: String)
}

struct NoObserver: JSONParseObserver {
    static var isActive: Bool { false }
    @inline(__always) mutating func valueStarts(at offset: Int, path: String) {}
}

struct LineObserver: JSONParseObserver {
    static var isActive: Bool { true }
    let base: UnsafeRawBufferPointer
    var lastOffset = 0
    var lastLine = 1
    var lines: [String: Int] = [:]

    init(_ base: UnsafeRawBufferPointer) { self.base = base }

    mutating func valueStarts(at offset: Int, path: String) {
        // Offsets only grow, so newlines are counted incrementally.
        var j = lastOffset
        let stop = min(offset, base.count)
        while j < stop {
            if base[j] == 0x0A { lastLine += 1 }
            j += 1
        }
        lastOffset = max(lastOffset, stop)
        if lines[path] == nil { lines[path] = lastLine }
    }
}

// MARK: - Core

private enum Byte {
    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    static let slash = UInt8(ascii: "/")
    static let comma = UInt8(ascii: ",")
    static let colon = UInt8(ascii: ":")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let minus = UInt8(ascii: "-")
    static let plus = UInt8(ascii: "+")
    static let dot = UInt8(ascii: ".")
    static let zero = UInt8(ascii: "0")
    static let nine = UInt8(ascii: "9")
    static let lowerE = UInt8(ascii: "e")
    static let upperE = UInt8(ascii: "E")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let newline = UInt8(ascii: "\n")
    static let cr = UInt8(ascii: "\r")
}

/// Where a key starts (its opening quote) and a hash of its bytes: 0 when the key has non-ASCII bytes, whose string
/// equality (canonical equivalence) a byte hash cannot decide.
struct KeyMark {
    var offset: Int
    var hash: UInt64

    /// ``hash(_:)`` of the `count` bytes at `bytes` when at least 16 bytes may be read from there: keys of up to 16
    /// bytes (nearly all) are two masked loads; longer ones take the loop.
    @inline(__always)
    static func shortHash(_ bytes: UnsafePointer<UInt8>, count: Int) -> UInt64 {
        guard count <= 16 else { return hash(UnsafeBufferPointer(start: bytes, count: count)) }
        let raw = UnsafeRawPointer(bytes)
        var w0 = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
        var w1 = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        if count < 8 {
            w0 &= (1 &<< UInt64(8 * count)) &- 1
            w1 = 0
        } else if count < 16 {
            w1 &= (1 &<< UInt64(8 * (count - 8))) &- 1
        }
        return mix(w0, w1, count: count)
    }

    @inline(__always)
    static func mix(_ w0: UInt64, _ w1: UInt64, count: Int) -> UInt64 {
        guard (w0 | w1) & 0x8080_8080_8080_8080 == 0 else { return 0 }
        var h = (w0 &* 0x9E37_79B9_7F4A_7C15) ^ (w1 &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(count)
        h ^= h &>> 29
        return h | 1
    }

    /// A multiply-xor hash of the bytes (never 0 for ASCII keys), or 0 when a byte is not ASCII.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let n = bytes.count
        /// The 8-byte little-endian word at `offset`, zero-padded past the end.
        func word(_ offset: Int) -> UInt64 {
            var value: UInt64 = 0
            var k = 0
            while k < 8 && offset + k < n {
                value |= UInt64(bytes[offset + k]) &<< UInt64(8 * k)
                k += 1
            }
            return value
        }
        if n <= 16 { return mix(word(0), word(8), count: n) }
        var h: UInt64 = 0
        var high: UInt64 = 0
        var offset = 0
        while offset < n {
            let w = offset + 8 <= n
                ? UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self))  // safe: n > 16 bytes
                : word(offset)
            high |= w
            h = (h ^ w) &* 0xBF58_476D_1CE4_E5B9
            h ^= h &>> 31
            offset += 8
        }
        return high & 0x8080_8080_8080_8080 != 0 ? 0 : mix(h & 0x7F7F_7F7F_7F7F_7F7F, UInt64(n), count: n)
    }
}

/// Exact powers of ten representable in a Double (10^0 … 10^22).
private let exactPowersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
]

struct ParserCore<Observer: JSONParseObserver>: ~Copyable {
    struct Frame {
        var isObject: Bool
        /// Stack heights when the container was opened; they locate the
        /// container's own elements and let error paths be rebuilt lazily.
        var valuesStart: Int
        var membersStart: Int
        var keysStart: Int
    }

    let p: UnsafePointer<UInt8>
    let end: Int
    var i = 0
    var frames: [Frame] = []
    var values = MoveStack<JSONValue>()
    var members = MoveStack<JSONObject.Member>()
    var keys = MoveStack<String>()
    /// Where and what each key on `keys` is, then each member on `members`: for the duplicate-key check.
    var keyMarks = MoveStack<KeyMark>()
    var memberMarks = MoveStack<KeyMark>()
    var scratch: [UInt8] = []
    var observer: Observer

    init(_ buffer: UnsafeRawBufferPointer, observer: Observer) {
        if let base = buffer.baseAddress, buffer.count > 0 {
            p = base.assumingMemoryBound(to: UInt8.self)
            end = buffer.count
        } else {
            // Never dereferenced: every read is guarded by `i < end` and end == 0.
            p = UnsafePointer(emptySentinel)
            end = 0
        }
        self.observer = observer
    }

    // MARK: Document

    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        skipWhitespace()
        let value = try parseValueTree()
        skipWhitespace()
        if i < end {
            throw error("unexpected \(describe(p[i])) after the JSON value; only whitespace may follow", at: i)
        }
        return value
    }

    /// Parses one complete value starting at `i` (whitespace already skipped)
    /// using the explicit frame stack, so depth is bounded by `maxDepth`
    /// rather than by the thread's stack size.
    mutating func parseValueTree() throws(JSONParseError) -> JSONValue {
        let baseDepth = frames.count
        var value: JSONValue
        parseValue: while true {
            if Observer.isActive {
                let path = currentPath(includingCurrentElement: true)
                observer.valueStarts(at: i, path: path)
            }
            guard i < end else { throw endOfInput("expected a JSON value") }
            let c = p[i]
            switch c {
            case Byte.quote:
                value = .string(try parseString())
            case Byte.zero...Byte.nine, Byte.minus:
                value = .number(try parseNumber())
            case Byte.openBrace:
                let open = i
                try checkDepth(at: open)
                i += 1
                skipWhitespace()
                if i < end, p[i] == Byte.closeBrace {
                    i += 1
                    value = .object(JSONObject())
                } else {
                    try pushFrame(isObject: true, at: open)
                    try parseMemberKey()
                    continue parseValue
                }
            case Byte.openBracket:
                let open = i
                try checkDepth(at: open)
                i += 1
                skipWhitespace()
                if i < end, p[i] == Byte.closeBracket {
                    i += 1
                    value = .array([])
                } else {
                    try pushFrame(isObject: false, at: open)
                    continue parseValue
                }
            case UInt8(ascii: "t"):
                try expectLiteral("true")
                value = .bool(true)
            case UInt8(ascii: "f"):
                try expectLiteral("false")
                value = .bool(false)
            case UInt8(ascii: "n"):
                try expectLiteral("null")
                value = .null
            default:
                throw unexpectedValueStart(c)
            }

            // Attach the finished value to its container; close containers
            // whose end follows, until one expects another element.
            while frames.count > baseDepth, let top = frames.last {
                skipWhitespace()
                if top.isObject {
                    guard let key = keys.popLast(), let mark = keyMarks.popLast() else {
                        throw error("internal error: missing object key", at: i)
                    }
                    members.append(JSONObject.Member(key: key, value: value))
                    memberMarks.append(mark)
                    guard i < end else { throw endOfInput("expected ',' or '}' after object member") }
                    let c = p[i]
                    if c == Byte.comma {
                        i += 1
                        skipWhitespace()
                        try parseMemberKey()
                        continue parseValue
                    }
                    guard c == Byte.closeBrace else {
                        throw error("expected ',' or '}' after object member, found \(describe(c))", at: i)
                    }
                    i += 1
                    try rejectDuplicateKeys(from: top.membersStart)
                    value = .object(JSONObject(members: members.takeSuffix(from: top.membersStart)))
                    memberMarks.truncate(to: top.membersStart)
                    frames.removeLast()
                } else {
                    values.append(value)
                    guard i < end else {
                        throw endOfInput("expected ',' or ']' after array element", includingCurrentElement: false)
                    }
                    let c = p[i]
                    if c == Byte.comma {
                        i += 1
                        skipWhitespace()
                        continue parseValue
                    }
                    guard c == Byte.closeBracket else {
                        throw error(
                            "expected ',' or ']' after array element, found \(describe(c))", at: i,
                            includingCurrentElement: false)
                    }
                    i += 1
                    value = .array(values.takeSuffix(from: top.valuesStart))
                    frames.removeLast()
                }
            }
            return value
        }
    }

    /// Counts empty containers too: `[]` nested 513 deep is as deep as
    /// `[1]` nested 513 deep.
    @inline(__always)
    func checkDepth(at offset: Int) throws(JSONParseError) {
        guard frames.count < JSONParser.maxDepth else {
            throw error("nesting deeper than \(JSONParser.maxDepth) levels", at: offset)
        }
    }

    @inline(__always)
    mutating func pushFrame(isObject: Bool, at offset: Int) throws(JSONParseError) {
        try checkDepth(at: offset)
        frames.append(
            Frame(isObject: isObject, valuesStart: values.count, membersStart: members.count, keysStart: keys.count))
    }

    /// Parses `"key" :` and leaves `i` at the member's value.
    @inline(__always)
    mutating func parseMemberKey() throws(JSONParseError) {
        guard i < end else { throw endOfInput("expected string key") }
        guard p[i] == Byte.quote else { throw badKeyStart() }
        let offset = i
        let start = i + 1
        if let n = try scanStringBytes() {
            let bytes = UnsafeBufferPointer(start: p + start, count: n)
            let hash = start + 16 <= end ? KeyMark.shortHash(p + start, count: n) : KeyMark.hash(bytes)
            keyMarks.append(KeyMark(offset: offset, hash: hash))
            keys.append(String(decoding: bytes, as: UTF8.self))
        } else {
            keyMarks.append(KeyMark(offset: offset, hash: scratch.withUnsafeBufferPointer(KeyMark.hash)))
            keys.append(scratch.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) })
        }
        try expectColon()
    }

    /// Throws when two members of the object whose members start at `start` have the same key.
    ///
    /// Keys compare as Swift strings, because that is how every consumer files them: canonically equivalent
    /// spellings (`é` and `e` + U+0301, even U+212A KELVIN SIGN and `K`) are the same key. For speed, ASCII keys are
    /// first compared by a hash of their bytes (equal strings of ASCII bytes are equal bytes); a key with other bytes
    /// has no hash and is compared with every other key as a string. Small objects compare pairwise, large ones (a
    /// questionnaire's 150 facts) through an open-addressing table, so the check costs a few nanoseconds per key.
    @inline(__always)
    func rejectDuplicateKeys(from start: Int) throws(JSONParseError) {
        let count = members.count - start
        guard count > 1 else { return }
        let duplicate: (first: Int, second: Int)?
        if count <= 16 {
            duplicate = memberMarks.withElements(from: start) { marks in
                members.withElements(from: start) { members in
                    for second in 1..<count {
                        let hash = marks[second].hash
                        for first in 0..<second {
                            let other = marks[first].hash
                            guard hash == other || hash == 0 || other == 0 else { continue }
                            if members[first].key == members[second].key { return (first, second) }
                        }
                    }
                    return nil
                }
            }
        } else {
            duplicate = largeObjectDuplicate(start: start, count: count)
        }
        guard let duplicate else { return }
        let key = members.element(at: start + duplicate.second)?.key ?? ""
        let first = position(of: memberMarks.element(at: start + duplicate.first)?.offset ?? 0)
        let secondOffset = memberMarks.element(at: start + duplicate.second)?.offset ?? 0
        let place = first.line == position(of: secondOffset).line ? "column \(first.column)" : "line \(first.line)"
        throw error("duplicate key \"\(key)\" (first at \(place)); an object may name a key only once, or which value counts is ambiguous",
                    at: secondOffset, path: JSONPath.appending(key: key, to: currentPath(includingCurrentElement: false)))
    }

    func largeObjectDuplicate(start: Int, count: Int) -> (first: Int, second: Int)? {
        var size = 32
        while size < 2 * count { size <<= 1 }
        let mask = size - 1
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: size) { table in
            table.initialize(repeating: 0)
            return memberMarks.withElements(from: start) { marks in
                members.withElements(from: start) { members in
                    var unhashed: [Int] = []
                    for index in 0..<count {
                        let hash = marks[index].hash
                        if hash == 0 {
                            unhashed.append(index)
                            continue
                        }
                        var slot = Int(truncatingIfNeeded: hash) & mask
                        while table[slot] != 0 {
                            let other = Int(table[slot]) - 1
                            if marks[other].hash == hash && members[other].key == members[index].key { return (other, index) }
                            slot = (slot + 1) & mask
                        }
                        table[slot] = Int32(truncatingIfNeeded: index + 1)
                    }
                    for index in unhashed {
                        for other in 0..<count where other != index && members[other].key == members[index].key {
                            return (min(other, index), max(other, index))
                        }
                    }
                    return nil
                }
            }
        }
    }

    @inline(__always)
    mutating func expectColon() throws(JSONParseError) {
        skipWhitespace()
        guard i < end else { throw endOfInput("expected ':' after object key") }
        guard p[i] == Byte.colon else {
            throw error("expected ':' after object key, found \(describe(p[i]))", at: i)
        }
        i += 1
        skipWhitespace()
    }

    func badKeyStart() -> JSONParseError {
        let c = p[i]
        if c == Byte.closeBrace {
            return error("trailing comma before '}' is not allowed", at: i)
        }
        return error("expected string key, found \(describe(c))", at: i)
    }

    func unexpectedValueStart(_ c: UInt8) -> JSONParseError {
        if c == Byte.closeBracket, let top = frames.last, !top.isObject {
            return error("trailing comma before ']' is not allowed", at: i)
        }
        if c == UInt8(ascii: "N") || c == UInt8(ascii: "I") {
            return error("NaN and Infinity are not valid JSON numbers", at: i)
        }
        return error("expected a JSON value, found \(describe(c))", at: i)
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while i < end {
            let c = p[i]
            guard c == Byte.space || c == Byte.newline || c == Byte.cr || c == Byte.tab else { return }
            i += 1
        }
    }

    mutating func expectLiteral(_ word: StaticString) throws(JSONParseError) {
        let n = word.utf8CodeUnitCount
        let w = word.utf8Start
        var k = 0
        while k < n {
            guard i + k < end else { throw endOfInput("incomplete literal, expected '\(word)'") }
            guard p[i + k] == w[k] else {
                throw error("invalid literal, expected '\(word)'", at: i)
            }
            k += 1
        }
        i += n
    }

    // MARK: Strings

    /// Parses the string whose opening quote is at `i`.
    @inline(__always)
    mutating func parseString() throws(JSONParseError) -> String {
        let start = i + 1
        if let n = try scanStringBytes() {
            return String(decoding: UnsafeBufferPointer(start: p + start, count: n), as: UTF8.self)
        }
        return scratch.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
    }

    /// Consumes the string at `i` (opening quote) and validates it. Returns the
    /// byte length of its contents when they can be used straight from the
    /// input (no escapes); otherwise returns `nil` and leaves the unescaped
    /// bytes in `scratch`. Either way the bytes are valid UTF-8 afterwards.
    @inline(__always)
    mutating func scanStringBytes() throws(JSONParseError) -> Int? {
        i += 1
        let start = i
        // OR of every byte looked at; a set high bit means non-ASCII was seen
        // (possibly just past the string, which only costs a validation).
        var high: UInt64 = 0
        while true {
            // Eight bytes at a time while none is '"', '\\' or a control.
            while i &+ 8 <= end {
                let w = UInt64(littleEndian: UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
                high |= w
                let m = ParserCore.specialByteMask(w)
                if m != 0 {
                    // The lowest flagged byte is the first special one.
                    i &+= m.trailingZeroBitCount &>> 3
                    break
                }
                i &+= 8
            }
            guard i < end else { throw endOfInput("unterminated string", at: end) }
            let c = p[i]
            if c == Byte.quote {
                let n = i - start
                i += 1
                if high & 0x8080_8080_8080_8080 != 0 { try validateUTF8(from: start, count: n) }
                return n
            }
            if c == Byte.backslash {
                try scanEscapedString(start: start, high: high & 0x8080_8080_8080_8080 != 0 ? 0x80 : 0)
                return nil
            }
            if c < 0x20 { throw controlCharacter(c) }
            high |= UInt64(c)
            i += 1
        }
    }

    /// High bit set in each byte of `w` that is '"', '\\' or below 0x20
    /// (bytes above the first flagged one may be flagged spuriously).
    @inline(__always)
    static func specialByteMask(_ w: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let q = w ^ (ones &* 0x22)
        let b = w ^ (ones &* 0x5C)
        let quote = (q &- ones) & ~q
        let backslash = (b &- ones) & ~b
        let control = (w &- ones &* 0x20) & ~w
        return (quote | backslash | control) & highs
    }

    mutating func scanEscapedString(start: Int, high initialHigh: UInt8) throws(JSONParseError) {
        scratch.removeAll(keepingCapacity: true)
        var high = initialHigh
        var runStart = start
        while i < end {
            let c = p[i]
            if c == Byte.quote {
                scratch.append(contentsOf: UnsafeBufferPointer(start: p + runStart, count: i - runStart))
                i += 1
                if high >= 0x80 { try validateUTF8(from: start, count: i - 1 - start) }
                return
            }
            if c == Byte.backslash {
                scratch.append(contentsOf: UnsafeBufferPointer(start: p + runStart, count: i - runStart))
                try parseEscape()
                runStart = i
                continue
            }
            if c < 0x20 { throw controlCharacter(c) }
            high |= c
            i += 1
        }
        throw endOfInput("unterminated string", at: end)
    }

    /// Decodes the escape at `i` (the backslash) into `scratch`.
    mutating func parseEscape() throws(JSONParseError) {
        let escStart = i
        i += 1
        guard i < end else { throw endOfInput("unterminated escape sequence") }
        let e = p[i]
        i += 1
        switch e {
        case Byte.quote: scratch.append(Byte.quote)
        case Byte.backslash: scratch.append(Byte.backslash)
        case Byte.slash: scratch.append(Byte.slash)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try readHex4()
            if scalar >= 0xD800 && scalar <= 0xDBFF {
                guard i + 1 < end, p[i] == Byte.backslash, p[i + 1] == UInt8(ascii: "u") else {
                    if i + 1 >= end && (i >= end || p[i] == Byte.backslash) {
                        throw endOfInput("unterminated surrogate pair")
                    }
                    throw error("lone high surrogate in \\u escape (expected a following \\uDC00-\\uDFFF)", at: escStart)
                }
                i += 2
                let low = try readHex4()
                guard low >= 0xDC00 && low <= 0xDFFF else {
                    throw error("lone high surrogate in \\u escape (expected a following \\uDC00-\\uDFFF)", at: escStart)
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if scalar >= 0xDC00 && scalar <= 0xDFFF {
                throw error("lone low surrogate in \\u escape", at: escStart)
            }
            appendUTF8(scalar)
        default:
            throw error("invalid escape sequence '\\\(describeRaw(e))'", at: escStart)
        }
    }

    mutating func readHex4() throws(JSONParseError) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard i < end else { throw endOfInput("incomplete \\u escape") }
            let c = p[i]
            let d: UInt8
            switch c {
            case Byte.zero...Byte.nine: d = c &- Byte.zero
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = c &- UInt8(ascii: "a") &+ 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = c &- UInt8(ascii: "A") &+ 10
            default: throw error("invalid hex digit \(describe(c)) in \\u escape", at: i)
            }
            v = (v << 4) | UInt32(d)
            i += 1
        }
        return v
    }

    mutating func appendUTF8(_ s: UInt32) {
        if s < 0x80 {
            scratch.append(UInt8(truncatingIfNeeded: s))
        } else if s < 0x800 {
            scratch.append(UInt8(truncatingIfNeeded: 0xC0 | (s >> 6)))
            scratch.append(UInt8(truncatingIfNeeded: 0x80 | (s & 0x3F)))
        } else if s < 0x10000 {
            scratch.append(UInt8(truncatingIfNeeded: 0xE0 | (s >> 12)))
            scratch.append(UInt8(truncatingIfNeeded: 0x80 | ((s >> 6) & 0x3F)))
            scratch.append(UInt8(truncatingIfNeeded: 0x80 | (s & 0x3F)))
        } else {
            scratch.append(UInt8(truncatingIfNeeded: 0xF0 | (s >> 18)))
            scratch.append(UInt8(truncatingIfNeeded: 0x80 | ((s >> 12) & 0x3F)))
            scratch.append(UInt8(truncatingIfNeeded: 0x80 | ((s >> 6) & 0x3F)))
            scratch.append(UInt8(truncatingIfNeeded: 0x80 | (s & 0x3F)))
        }
    }

    /// Validates raw (unescaped) string bytes; escapes are ASCII and cannot
    /// break a multi-byte sequence, so validating the raw span is sufficient.
    func validateUTF8(from start: Int, count: Int) throws(JSONParseError) {
        var j = start
        let stop = start + count
        while j < stop {
            let b = p[j]
            if b < 0x80 {
                j += 1
                continue
            }
            let need: Int
            var cp: UInt32
            let minimum: UInt32
            if b & 0xE0 == 0xC0 {
                need = 1; cp = UInt32(b & 0x1F); minimum = 0x80
            } else if b & 0xF0 == 0xE0 {
                need = 2; cp = UInt32(b & 0x0F); minimum = 0x800
            } else if b & 0xF8 == 0xF0 {
                need = 3; cp = UInt32(b & 0x07); minimum = 0x10000
            } else {
                throw error("invalid UTF-8 byte 0x\(hex2(b)) in string", at: j)
            }
            guard j + need < stop else {
                throw error("truncated UTF-8 sequence in string", at: j)
            }
            var k = 1
            while k <= need {
                let cb = p[j + k]
                guard cb & 0xC0 == 0x80 else { throw error("invalid UTF-8 sequence in string", at: j) }
                cp = (cp << 6) | UInt32(cb & 0x3F)
                k += 1
            }
            guard cp >= minimum, cp <= 0x10FFFF, !(cp >= 0xD800 && cp <= 0xDFFF) else {
                throw error("invalid UTF-8 sequence (overlong, surrogate or out of range) in string", at: j)
            }
            j += need + 1
        }
    }

    func controlCharacter(_ c: UInt8) -> JSONParseError {
        error("unescaped control character U+00\(hex2(c)) in string; it must be written as an escape", at: i)
    }

    // MARK: Numbers

    /// Parses a number at `i`. Common shapes (integers, and decimals with at
    /// most 19 significant digits and a small exponent, e.g. `0.985`) are
    /// converted exactly with one IEEE multiplication or division (Clinger's
    /// fast path), which is correctly rounded because both operands are exact.
    /// Everything else goes through the C library's correctly rounded
    /// `strtod` (via `Double(String)`, which is locale-independent).
    @inline(__always)
    mutating func parseNumber() throws(JSONParseError) -> Double {
        let start = i
        var negative = false
        if p[i] == Byte.minus {
            negative = true
            i += 1
            guard i < end else { throw endOfInput("expected digit after '-'") }
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var truncated = false
        var exponent = 0
        let first = p[i]
        if first == Byte.zero {
            i += 1
            if i < end, p[i] >= Byte.zero, p[i] <= Byte.nine {
                throw error("leading zeros are not allowed in numbers", at: start)
            }
        } else if first > Byte.zero && first <= Byte.nine {
            while i < end {
                let d = p[i] &- Byte.zero
                guard d < 10 else { break }
                if digits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(d)
                    digits += 1
                } else {
                    truncated = true
                }
                i += 1
            }
        } else {
            throw error("expected digit after '-', found \(describe(first))", at: i)
        }
        var isInteger = true
        if i < end, p[i] == Byte.dot {
            isInteger = false
            i += 1
            guard i < end else { throw endOfInput("expected digit after decimal point") }
            guard p[i] &- Byte.zero < 10 else {
                throw error("expected digit after decimal point, found \(describe(p[i]))", at: i)
            }
            while i < end {
                let d = p[i] &- Byte.zero
                guard d < 10 else { break }
                if mantissa == 0 && d == 0 {
                    exponent -= 1
                } else if digits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(d)
                    digits += 1
                    exponent -= 1
                } else {
                    truncated = true
                }
                i += 1
            }
        }
        if i < end, p[i] == Byte.lowerE || p[i] == Byte.upperE {
            isInteger = false
            i += 1
            var expNegative = false
            if i < end, p[i] == Byte.minus || p[i] == Byte.plus {
                expNegative = p[i] == Byte.minus
                i += 1
            }
            guard i < end else { throw endOfInput("expected digit in exponent") }
            guard p[i] &- Byte.zero < 10 else {
                throw error("expected digit in exponent, found \(describe(p[i]))", at: i)
            }
            var e = 0
            while i < end {
                let d = p[i] &- Byte.zero
                guard d < 10 else { break }
                if e < 100_000_000 { e = e * 10 + Int(d) }  // saturate; result is 0 or inf anyway
                i += 1
            }
            exponent += expNegative ? -e : e
        }
        if !truncated {
            if mantissa == 0 { return negative ? -0.0 : 0.0 }
            if isInteger || exponent == 0 {
                let v = Double(mantissa)  // correctly rounded conversion
                return negative ? -v : v
            }
            if mantissa <= (1 << 53) && exponent >= -22 && exponent <= 22 {
                var v = Double(mantissa)
                if exponent < 0 {
                    v /= exactPowersOfTen[-exponent]
                } else {
                    v *= exactPowersOfTen[exponent]
                }
                return negative ? -v : v
            }
        }
        return try slowNumber(start: start)
    }

    func slowNumber(start: Int) throws(JSONParseError) -> Double {
        // Grammar already checked: the slice is plain ASCII digits/sign/./e.
        let text = String(decoding: UnsafeBufferPointer(start: p + start, count: i - start), as: UTF8.self)
        guard let v = Double(text), v.isFinite else {
            throw error("number \(text.prefix(40)) is out of range for a double", at: start)
        }
        return v
    }

    // MARK: Errors

    func endOfInput(_ expectation: String, at offset: Int? = nil, includingCurrentElement: Bool = true)
        -> JSONParseError
    {
        error("unexpected end of input (\(expectation))", at: offset ?? end, includingCurrentElement: includingCurrentElement)
    }

    func error(_ message: String, at offset: Int, includingCurrentElement: Bool = true) -> JSONParseError {
        error(message, at: offset, path: currentPath(includingCurrentElement: includingCurrentElement))
    }

    func error(_ message: String, at offset: Int, path: String) -> JSONParseError {
        let (line, column) = position(of: offset)
        return JSONParseError(line: line, column: column, byteOffset: max(0, min(offset, end)), path: path, message: message)
    }

    /// 1-based line and column (in Unicode scalars) of a byte offset.
    func position(of offset: Int) -> (line: Int, column: Int) {
        let clamped = max(0, min(offset, end))
        var line = 1
        var lineStart = 0
        var j = 0
        while j < clamped {
            if p[j] == Byte.newline {
                line += 1
                lineStart = j + 1
            }
            j += 1
        }
        var column = 1
        j = lineStart
        while j < clamped {
            if p[j] & 0xC0 != 0x80 { column += 1 }
            j += 1
        }
        return (line, column)
    }

    /// Rebuilds the path of the value being parsed from the frame stack; only
    /// called on errors or when line tracking, so the hot path keeps no path.
    func currentPath(includingCurrentElement: Bool) -> String {
        var path = JSONPath.root
        var k = 0
        while k < frames.count {
            let f = frames[k]
            let isTop = k == frames.count - 1
            if f.isObject {
                // The key whose value is being parsed, if any.
                let keyIndex = isTop ? keys.count - 1 : frames[k + 1].keysStart - 1
                if keyIndex >= f.keysStart, let key = keys.element(at: keyIndex) {
                    path = JSONPath.appending(key: key, to: path)
                }
            } else {
                if isTop {
                    if includingCurrentElement {
                        path = JSONPath.appending(index: values.count - f.valuesStart, to: path)
                    }
                } else {
                    path = JSONPath.appending(index: frames[k + 1].valuesStart - f.valuesStart, to: path)
                }
            }
            k += 1
        }
        return path
    }

    func describe(_ c: UInt8) -> String {
        if c >= 0x20 && c < 0x7F { return "'\(Character(Unicode.Scalar(c)))'" }
        return "byte 0x\(hex2(c))"
    }

    func describeRaw(_ c: UInt8) -> String {
        if c >= 0x20 && c < 0x7F { return String(Character(Unicode.Scalar(c))) }
        return "\\x\(hex2(c))"
    }
}

private func hex2(_ b: UInt8) -> String {
    let digits: [Character] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "A", "B", "C", "D", "E", "F"]
    return String([digits[Int(b >> 4)], digits[Int(b & 0x0F)]])
}

/// A valid address for empty inputs; the parser never reads through it.
nonisolated(unsafe) private let emptySentinel: UnsafeMutablePointer<UInt8> = {
    let p = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
    p.initialize(to: 0)
    return p
}()

/// A stack that hands its tail out by *moving* elements into a new array, so
/// finishing a container costs one allocation and no retain/release pairs
/// (Array would copy then destroy the stacked elements).
struct MoveStack<Element>: ~Copyable {
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    private(set) var count = 0

    init() {
        capacity = 64
        base = .allocate(capacity: 64)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    @inline(__always)
    mutating func append(_ element: consuming Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count += 1
    }

    mutating func grow() {
        let newCapacity = capacity * 2
        let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        newBase.moveInitialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    @inline(__always)
    mutating func popLast() -> Element? {
        guard count > 0 else { return nil }
        count -= 1
        return (base + count).move()
    }

    /// Element at `index`; `nil` when out of range.
    func element(at index: Int) -> Element? {
        guard index >= 0, index < count else { return nil }
        return base[index]
    }

    /// Drops the elements from `start` to the end.
    @inline(__always)
    mutating func truncate(to start: Int) {
        let from = max(0, min(start, count))
        (base + from).deinitialize(count: count - from)
        count = from
    }

    /// Calls `body` with the elements from `start` to the end, in place.
    @inline(__always)
    func withElements<R>(from start: Int, _ body: (UnsafeBufferPointer<Element>) -> R) -> R {
        let from = max(0, min(start, count))
        return body(UnsafeBufferPointer(start: base + from, count: count - from))
    }

    /// Removes the elements from `start` to the end and returns them in order.
    @inline(__always)
    mutating func takeSuffix(from start: Int) -> [Element] {
        let from = max(0, min(start, count))
        let n = count - from
        let source = base + from
        let result = [Element](unsafeUninitializedCapacity: n) { dst, initialized in
            if let d = dst.baseAddress, n > 0 {
                d.moveInitialize(from: source, count: n)
            }
            initialized = n
        }
        count = from
        return result
    }
}
