/// RFC 8785 JSON Canonicalization Scheme (JCS): one byte-exact text per
/// value, so hashes and signatures over JSON do not depend on key order,
/// whitespace or number spelling.
///
/// - Object members are sorted by the UTF-16 code units of their keys.
/// - No insignificant whitespace.
/// - Numbers use ECMAScript `Number::toString` (see ``JSONWriter``).
/// - Strings escape only `"`, `\` and control characters (`\b \t \n \f \r`,
///   otherwise `\u00xx` with lowercase hex); everything else, including
///   U+2028/U+2029 and non-ASCII text, is emitted as raw UTF-8.
///
/// JCS assumes I-JSON input (no duplicate keys, finite numbers). If a value
/// still has duplicates they are emitted in document order after sorting and
/// non-finite numbers become `null`; validate first when that matters.
public enum CanonicalJSON {
    public static func serialize(_ value: JSONValue) -> String {
        String(decoding: serializeBytes(value), as: UTF8.self)
    }

    /// The canonical UTF-8 bytes, e.g. for hashing with ``SHA256``.
    public static func serializeBytes(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        var emitter = JSONWriter.Emitter(pretty: false, sortKeys: true, escapeLineSeparators: false)
        emitter.emit(value, into: &out, depth: 0)
        return out
    }
}
