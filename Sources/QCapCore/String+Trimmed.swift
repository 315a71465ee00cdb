extension String {
    /// The string without leading and trailing whitespace (ASCII, and the ideographic space U+3000 that Chinese
    /// input methods type), without bridging to Foundation. Returns the string itself when there is nothing to trim,
    /// which is the common case on hot paths (table cells, fact values, rounds).
    public var trimmedWhitespace: String {
        let bytes = utf8
        guard let first = bytes.first, let last = bytes.last else { return self }
        if !Self.isTrimmable(first) && !Self.isTrimmable(last) && first != 0xE3 && last != 0x80 { return self }
        var start = startIndex
        var end = endIndex
        while start < end, let scalar = unicodeScalars[start...].first, Self.isSpace(scalar) {
            start = unicodeScalars.index(after: start)
        }
        while end > start {
            let before = unicodeScalars.index(before: end)
            guard Self.isSpace(unicodeScalars[before]) else { break }
            end = before
        }
        return String(self[start..<end])
    }

    private static func isTrimmable(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09...0x0D, 0x85, 0xA0, 0x3000, 0xFEFF: return true
        default: return false
        }
    }
}

extension Substring {
    /// See `String.trimmedWhitespace`.
    public var trimmedWhitespace: String { String(self).trimmedWhitespace }
}
