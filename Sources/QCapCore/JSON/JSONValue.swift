/// An in-memory JSON document.
///
/// Objects are kept as ordered member lists (see ``JSONObject``) rather than
/// dictionaries so that re-serialising a file preserves the author's key order.
/// A parsed object never repeats a key: ``JSONParser`` rejects duplicates.
///
/// Numbers are stored as `Double`, like JavaScript and CPython's `json` with
/// floats: every value QCap reads (scores, weights, counts) fits exactly, and a
/// single numeric representation keeps equality and hashing simple.
/// Note that `-0.0 == 0.0` under `Double` equality, so `.number(-0.0)` equals
/// `.number(0)`.
public enum JSONValue: Sendable, Equatable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    /// Members in the order they were written.
    case object(JSONObject)
}

extension JSONValue {
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var numberValue: Double? {
        if case .number(let d) = self { return d }
        return nil
    }

    /// The number as an `Int` when it is integral and representable; `nil`
    /// otherwise, so callers never truncate `2.5` to `2` by accident.
    public var intValue: Int? {
        if case .number(let d) = self { return Int(exactly: d) }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    public var objectValue: JSONObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// First member named `key` when this is an object; `nil` for other kinds,
    /// which lets lookups chain (`v["a"]?["b"]`) without intermediate casts.
    public subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    /// Element at `index` when this is an array and the index is in range.
    public subscript(index: Int) -> JSONValue? {
        if case .array(let a) = self, a.indices.contains(index) { return a[index] }
        return nil
    }

    /// JSON-schema style type name, for messages such as
    /// "expected number, found string".
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    /// Keeps literal order and duplicates, exactly like a parsed object.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(elements))
    }
}

extension JSONValue: CustomStringConvertible {
    /// Compact JSON text, so values print readably in test failures and logs.
    public var description: String { JSONWriter.write(self) }
}

/// An ordered list of JSON object members.
///
/// Order is preserved. The parser rejects duplicate keys (RFC 8259 leaves
/// their meaning to the reader); an object built in code may still append one.
///
/// Equality and hashing are order-sensitive (two objects with the same members
/// in a different order are *not* equal); compare
/// `CanonicalJSON.serialize` output when order should not matter.
///
/// Key lookup is a linear scan, which is the fastest option for the small
/// objects QCap handles; callers that look up many keys of one large object
/// should build ``dictionary()`` once.
public struct JSONObject: Sendable, Equatable, Hashable, RandomAccessCollection {
    public typealias Element = (key: String, value: JSONValue)
    public typealias Index = Int

    @usableFromInline
    struct Member: Sendable, Hashable {
        @usableFromInline var key: String
        @usableFromInline var value: JSONValue
        @inlinable init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    @usableFromInline var members: [Member]

    public init() { members = [] }

    public init(_ pairs: [(String, JSONValue)]) {
        members = pairs.map { Member(key: $0.0, value: $0.1) }
    }

    init(members: [Member]) { self.members = members }

    public var startIndex: Int { 0 }
    public var endIndex: Int { members.count }
    public var count: Int { members.count }
    public var isEmpty: Bool { members.isEmpty }

    public subscript(position: Int) -> Element {
        let m = members[position]
        return (m.key, m.value)
    }

    /// Value of the first member named `key`. Setting replaces the first such
    /// member in place (keeping its position) or appends a new member;
    /// setting `nil` removes every member with that key.
    public subscript(key: String) -> JSONValue? {
        get {
            for m in members where m.key == key { return m.value }
            return nil
        }
        set {
            guard let newValue else {
                members.removeAll { $0.key == key }
                return
            }
            if let i = members.firstIndex(where: { $0.key == key }) {
                members[i].value = newValue
            } else {
                members.append(Member(key: key, value: newValue))
            }
        }
    }

    /// Adds a member even if the key already exists (duplicates are allowed).
    public mutating func append(key: String, value: JSONValue) {
        members.append(Member(key: key, value: value))
    }

    public mutating func reserveCapacity(_ n: Int) {
        members.reserveCapacity(n)
    }

    public var keys: [String] { members.map(\.key) }
    public var values: [JSONValue] { members.map(\.value) }

    /// A dictionary view for repeated lookups; on duplicate keys the first
    /// occurrence wins, matching ``subscript(_:)-(String)``.
    public func dictionary() -> [String: JSONValue] {
        var d = [String: JSONValue](minimumCapacity: members.count)
        for m in members where d[m.key] == nil { d[m.key] = m.value }
        return d
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }
}
