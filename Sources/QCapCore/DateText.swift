/// Reads the date spellings that arrive in spreadsheet exports, so every provider accepts the same set.
///
/// Accepted, after trimming surrounding whitespace (full-width digits ０-９ count as ASCII digits,
/// because Chinese input methods produce them):
///
///     2024-03-01   2024-3-1     YYYY-M-D with `-`, `/` or `.`, one separator used twice
///     2024/3/1     2024.3.1
///     20240301                  exactly eight digits
///     2024年3月1日               the 日 is required
///
/// Anything else is nil: day-first or month-first forms (`01/03/2024`) are ambiguous between
/// Chinese and Western habits, so they are rejected rather than guessed. Impossible dates
/// (`2023-02-29`, `2024-13-01`) are nil too.
public enum DateText {
    /// For error messages: `…; expected a date (YYYY-MM-DD, YYYY/M/D, YYYYMMDD or YYYY年M月D日)`.
    public static let acceptedForms = "YYYY-MM-DD, YYYY/M/D, YYYYMMDD or YYYY年M月D日"

    public static func parse(_ text: String) -> Day? {
        var digits: [UInt8] = []   // the date's digits, normalised to 0...9, by group
        var groups: [Int] = []     // length of each digit group
        var separators: [Unicode.Scalar] = []
        var inGroup = false

        let trimmed = trimmingWhitespace(text)
        for scalar in trimmed.unicodeScalars {
            if let digit = digitValue(scalar) {
                if !inGroup { groups.append(0); inGroup = true }
                digits.append(digit)
                groups[groups.count - 1] += 1
            } else {
                separators.append(scalar)
                inGroup = false
                // A date has at most three separators (年月日); more is not a date, stop early.
                if separators.count > 3 { return nil }
            }
        }

        let isKnownShape: Bool
        if groups == [8] {
            isKnownShape = separators.isEmpty
        } else if groups.count == 3, groups[0] == 4, (1...2).contains(groups[1]), (1...2).contains(groups[2]) {
            isKnownShape = separators == ["年", "月", "日"]
                || (separators.count == 2 && separators[0] == separators[1] && "-/.".unicodeScalars.contains(separators[0]))
        } else {
            isKnownShape = false
        }
        guard isKnownShape else { return nil }
        // Separators must sit between the groups, not before or after them ("-2024-3-1", "2024-3-1-").
        guard startsWithDigit(trimmed), groups.count == 1 || endsCorrectly(trimmed, separators) else { return nil }

        let year = value(digits, 0, 4)
        let month = groups.count == 1 ? value(digits, 4, 2) : value(digits, 4, groups[1])
        let day = groups.count == 1 ? value(digits, 6, 2) : value(digits, 4 + groups[1], groups[2])
        return Day(year: year, month: month, day: day)
    }

    private static func digitValue(_ scalar: Unicode.Scalar) -> UInt8? {
        switch scalar.value {
        case 0x30...0x39: return UInt8(scalar.value - 0x30)
        case 0xFF10...0xFF19: return UInt8(scalar.value - 0xFF10)   // full-width ０-９
        default: return nil
        }
    }

    private static func startsWithDigit(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return digitValue(first) != nil
    }

    /// The dashed forms end on a digit; the Chinese form ends on 日.
    private static func endsCorrectly(_ text: String, _ separators: [Unicode.Scalar]) -> Bool {
        guard let last = text.unicodeScalars.last else { return false }
        return separators.last == "日" ? last == "日" : digitValue(last) != nil
    }

    /// Digits are at most 8 in a shape that passed the checks above, so this cannot overflow.
    private static func value(_ digits: [UInt8], _ start: Int, _ count: Int) -> Int {
        var result = 0
        for index in start..<(start + count) where index < digits.count {
            result = result * 10 + Int(digits[index])
        }
        return result
    }

    /// Trims Unicode whitespace, including the ideographic space U+3000 common in Chinese text.
    private static func trimmingWhitespace(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
