/// The one grammar of numbers written as text: CSV cells, survey answers, `--fail-under`, `--threshold`, `--where`.
///
///     [+|-] digits [. digits] [e|E [+|-] digits]     or     [+|-] . digits [e …]
///
/// after trimming surrounding whitespace, with full-width digits ０-９ and point ． read as ASCII (Chinese input
/// methods produce them, as `DateText` accepts them). Where the documentation allows it, a trailing `%` or `％`
/// marks a percentage. Anything else is not a number: hexadecimal (`0x32`, which `Double("0x32")` would read as 50),
/// `inf`, `nan`, thousands separators, and values beyond the range of a Double (`1e400`) — so every number that
/// enters the arithmetic is finite.
public enum DecimalNumber {
    /// For messages: `expected a decimal number such as 0.45`.
    public static let expectedForm = "a decimal number such as 0.45"

    /// The value of `text`, or nil when it is not a decimal number.
    public static func parse(_ text: String) -> Double? {
        parse(text, allowingPercent: false)?.value
    }

    /// The value of `text` and whether it ended with `%`/`％` (only accepted when `allowingPercent`). The value is as
    /// written: `45%` gives 45, not 0.45; the caller decides what a percentage means.
    public static func parse(_ text: String, allowingPercent: Bool) -> (value: Double, isPercent: Bool)? {
        var scalars = Array(text.trimmedWhitespace.unicodeScalars)
        var isPercent = false
        if let last = scalars.last, last == "%" || last == "％" {
            guard allowingPercent else { return nil }
            isPercent = true
            scalars.removeLast()
            while let space = scalars.last, space == " " || space == "\u{3000}" { scalars.removeLast() }
        }
        var ascii = ""
        ascii.reserveCapacity(scalars.count)
        var index = 0
        func take(_ accept: (Character) -> Bool) -> Int {
            var count = 0
            while index < scalars.count, let character = normalized(scalars[index]), accept(character) {
                ascii.append(character)
                index += 1
                count += 1
            }
            return count
        }
        let isDigit: (Character) -> Bool = { $0 >= "0" && $0 <= "9" }
        if index < scalars.count, let sign = normalized(scalars[index]), sign == "+" || sign == "-" {
            ascii.append(sign)
            index += 1
        }
        let whole = take(isDigit)
        var fraction = 0
        if index < scalars.count, normalized(scalars[index]) == "." {
            ascii.append(".")
            index += 1
            fraction = take(isDigit)
        }
        guard whole + fraction > 0 else { return nil }
        if index < scalars.count, let e = normalized(scalars[index]), e == "e" || e == "E" {
            ascii.append("e")
            index += 1
            if index < scalars.count, let sign = normalized(scalars[index]), sign == "+" || sign == "-" {
                ascii.append(sign)
                index += 1
            }
            guard take(isDigit) > 0 else { return nil }
        }
        guard index == scalars.count, let value = Double(ascii), value.isFinite else { return nil }
        return (value, isPercent)
    }

    /// The ASCII character a scalar stands for in a number: itself, or the full-width digit or point.
    private static func normalized(_ scalar: Unicode.Scalar) -> Character? {
        switch scalar.value {
        case 0x2B, 0x2D, 0x2E, 0x30...0x39, 0x45, 0x65: return Character(scalar)
        case 0xFF10...0xFF19: return Character(Unicode.Scalar(UInt8(scalar.value - 0xFF10 + 0x30)))
        case 0xFF0E: return "."
        default: return nil
        }
    }
}
