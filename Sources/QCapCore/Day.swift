import Foundation

/// A calendar date without a time of day or time zone: certificate expiry, `--as-of`, survey dates.
///
/// Deadlines in the source documents are calendar dates, so comparing `Date` instants would make
/// results depend on the machine's time zone. `Day` uses pure proleptic-Gregorian arithmetic
/// (no `Calendar`), which keeps output byte-identical on every machine.
///
/// Only years 1...9999 exist: that is what `YYYY-MM-DD` can spell. Arithmetic that would leave the
/// range clamps to `Day.earliest` / `Day.latest` instead of trapping, because a far-future sentinel
/// such as "valid for 100000 days" is bad input, not a reason to crash.
public struct Day: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// 0001-01-01, the first representable day.
    public static let earliest = Day(unchecked: 1, 1, 1)
    /// 9999-12-31, the last representable day.
    public static let latest = Day(unchecked: 9999, 12, 31)

    public static let validYears = 1...9999

    /// Nil unless the date exists in the Gregorian calendar (2023-02-29 does not) and the year is in 1...9999.
    public init?(year: Int, month: Int, day: Int) {
        guard Self.validYears.contains(year), (1...12).contains(month),
              day >= 1, day <= Self.daysInMonth(year: year, month: month) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Exactly `YYYY-MM-DD` (ASCII, zero-padded), the canonical form used in JSON and on the command line.
    /// Use `DateText.parse` for the looser forms found in spreadsheets.
    public init?(iso: String) {
        let bytes = Array(iso.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = Self.number(bytes[0..<4]),
              let month = Self.number(bytes[5..<7]),
              let day = Self.number(bytes[8..<10]) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Decimal value of a run of ASCII digits; nil if any byte is not a digit. Callers pass at most 4 bytes.
    private static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return bytes.isEmpty ? nil : value
    }

    /// `YYYY-MM-DD`, zero-padded.
    public var description: String {
        Self.pad(year, 4) + "-" + Self.pad(month, 2) + "-" + Self.pad(day, 2)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    // MARK: Calendar facts

    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// 28...31 for months 1...12; 0 for an invalid month, so callers can use it in guards.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2: return isLeapYear(year) ? 29 : 28
        default: return 0
        }
    }

    // MARK: Epoch arithmetic (Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms")

    private static let earliestDaysSinceEpoch = earliest.daysSinceEpoch
    private static let latestDaysSinceEpoch = latest.daysSinceEpoch

    /// Days since 1970-01-01 (which is 0); negative before it. Computed with days_from_civil.
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400                                             // [0, 399]
        let shiftedMonth = month > 2 ? month - 3 : month + 9                      // March = 0
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1                    // [0, 365]
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear  // [0, 146096]
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day `daysSinceEpoch` days after 1970-01-01, clamped to `earliest...latest`. Uses civil_from_days.
    public init(daysSinceEpoch: Int) {
        let clamped = Swift.min(Swift.max(daysSinceEpoch, Self.earliestDaysSinceEpoch), Self.latestDaysSinceEpoch)
        let z = clamped + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097                                                      // [0, 146096]
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365  // [0, 399]
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)       // [0, 365]
        let shiftedMonth = (5 * dayOfYear + 2) / 153                                          // [0, 11]
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        self.init(unchecked: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Days later (or earlier, when negative); clamps at `earliest`/`latest`, never overflows.
    public func adding(days: Int) -> Day {
        let (sum, overflow) = daysSinceEpoch.addingReportingOverflow(days)
        if overflow { return days < 0 ? .earliest : .latest }
        return Day(daysSinceEpoch: sum)
    }

    /// Calendar months later, keeping the day of month where it exists and otherwise taking the
    /// month's last day (2024-01-31 + 1 month = 2024-02-29), which is how validity periods are read.
    /// Clamps at `earliest`/`latest`.
    public func adding(months: Int) -> Day {
        let (total, overflow) = (year * 12 + month - 1).addingReportingOverflow(months)
        if overflow { return months < 0 ? .earliest : .latest }
        // Floor division, so negative totals still land on the right year.
        let newYear = total >= 0 ? total / 12 : (total - 11) / 12
        let newMonth = total - newYear * 12 + 1
        if newYear < Self.validYears.lowerBound { return .earliest }
        if newYear > Self.validYears.upperBound { return .latest }
        let newDay = Swift.min(day, Self.daysInMonth(year: newYear, month: newMonth))
        return Day(unchecked: newYear, newMonth, newDay)
    }

    /// Calendar years later; 29 February becomes 28 February in a common year. Clamps at `earliest`/`latest`.
    public func adding(years: Int) -> Day {
        let (months, overflow) = years.multipliedReportingOverflow(by: 12)
        if overflow { return years < 0 ? .earliest : .latest }
        return adding(months: months)
    }

    /// `to` minus `from` in days: positive when `to` is later.
    public static func days(from: Day, to: Day) -> Int {
        to.daysSinceEpoch - from.daysSinceEpoch
    }

    // MARK: Today

    /// China Standard Time, the evaluators' calendar. Falls back to a fixed UTC+8 (China has no daylight
    /// saving) when the time-zone database lacks Asia/Shanghai, and to UTC as a last resort.
    public static var chinaTimeZone: TimeZone {
        TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600) ?? .gmt
    }

    /// The calendar day of `date` as seen in `timeZone`.
    public init(_ date: Date, in timeZone: TimeZone) {
        let seconds = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
        // Floor to whole days; Int(_:) traps on non-finite or huge values, so clamp in Double first.
        let days = (seconds / 86_400).rounded(.down)
        let low = Double(Self.earliestDaysSinceEpoch), high = Double(Self.latestDaysSinceEpoch)
        let safe = days.isFinite ? Swift.min(Swift.max(days, low), high) : 0
        self.init(daysSinceEpoch: Int(safe))
    }

    /// Today's date in `timeZone` (China time by default). Pass `now` to pin the clock in tests.
    public static func today(in timeZone: TimeZone = Day.chinaTimeZone, now: Date = Date()) -> Day {
        Day(now, in: timeZone)
    }

    // MARK: Codable as "YYYY-MM-DD"

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "invalid date \"\(text)\": expected YYYY-MM-DD (a real calendar date, year 0001-9999)")
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
