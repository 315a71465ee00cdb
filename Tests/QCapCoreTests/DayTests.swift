import Foundation
import Testing
@testable import QCapCore

@Suite struct DayTests {
    private func day(_ text: String) throws -> Day { try #require(Day(iso: text)) }

    @Test func leapYears() {
        #expect(Day.isLeapYear(2024))
        #expect(Day.isLeapYear(2000))
        #expect(!Day.isLeapYear(1900))
        #expect(!Day.isLeapYear(2023))
        #expect(Day(year: 2024, month: 2, day: 29) != nil)
        #expect(Day(year: 2000, month: 2, day: 29) != nil)
        #expect(Day(year: 1900, month: 2, day: 29) == nil)
        #expect(Day(year: 2023, month: 2, day: 29) == nil)
    }

    @Test func invalidDates() {
        #expect(Day(year: 2024, month: 13, day: 1) == nil)
        #expect(Day(year: 2024, month: 0, day: 1) == nil)
        #expect(Day(year: 2024, month: 4, day: 31) == nil)
        #expect(Day(year: 2024, month: 1, day: 0) == nil)
        #expect(Day(year: 0, month: 1, day: 1) == nil)
        #expect(Day(year: 10000, month: 1, day: 1) == nil)
        #expect(Day(year: Int.min, month: Int.max, day: Int.min) == nil)
        for bad in ["", "2024-3-1", "2024/03/01", "20240301", "2024-02-30", "0000-01-01", " 2024-03-01", "2024-03-01T00:00", "２０２４-03-01", "+024-03-01"] {
            #expect(Day(iso: bad) == nil, "\(bad)")
        }
    }

    @Test func descriptionIsZeroPadded() throws {
        #expect(Day(year: 7, month: 3, day: 1)?.description == "0007-03-01")
        #expect(try day("2024-12-31").description == "2024-12-31")
    }

    @Test func ordering() throws {
        #expect(try day("2023-12-31") < day("2024-01-01"))
        #expect(try day("2024-01-31") < day("2024-02-01"))
        #expect(try day("2024-02-01") < day("2024-02-02"))
        #expect(try [day("2025-01-01"), day("2024-06-30"), day("2024-06-01")].sorted().map(\.description)
                == ["2024-06-01", "2024-06-30", "2025-01-01"])
    }

    @Test func epoch() throws {
        #expect(try day("1970-01-01").daysSinceEpoch == 0)
        #expect(try day("1970-01-02").daysSinceEpoch == 1)
        #expect(try day("1969-12-31").daysSinceEpoch == -1)
        #expect(try day("2000-03-01").daysSinceEpoch == 11_017)
        #expect(try day("2024-03-01").daysSinceEpoch == 19_783)
        #expect(Day.earliest.daysSinceEpoch == -719_162)
        #expect(Day.latest.daysSinceEpoch == 2_932_896)
    }

    /// Every day of 0001...9999 round-trips and follows its predecessor, checked against the validating init.
    @Test func epochRoundTripOverTheWholeRange() throws {
        var previous = Day.earliest
        #expect(Day(daysSinceEpoch: previous.daysSinceEpoch) == previous)
        for n in (Day.earliest.daysSinceEpoch + 1)...Day.latest.daysSinceEpoch {
            let current = Day(daysSinceEpoch: n)
            let isNext = (current.day == previous.day + 1 && current.month == previous.month && current.year == previous.year)
                || (current.day == 1 && previous.day == Day.daysInMonth(year: previous.year, month: previous.month))
            guard current.daysSinceEpoch == n, previous < current, isNext,
                  Day(year: current.year, month: current.month, day: current.day) == current else {
                Issue.record("round trip failed at \(n): \(previous) -> \(current)")
                return
            }
            previous = current
        }
        #expect(previous == Day.latest)
    }

    @Test func epochClampsOutsideTheRange() {
        #expect(Day(daysSinceEpoch: Int.min) == .earliest)
        #expect(Day(daysSinceEpoch: Int.max) == .latest)
        #expect(Day.latest.adding(days: 1) == .latest)
        #expect(Day.earliest.adding(days: Int.min) == .earliest)
        #expect(Day.earliest.adding(months: Int.min) == .earliest)
        #expect(Day.latest.adding(years: Int.max) == .latest)
    }

    @Test func addingDays() throws {
        #expect(try day("2024-02-28").adding(days: 1) == day("2024-02-29"))
        #expect(try day("2024-02-29").adding(days: 1) == day("2024-03-01"))
        #expect(try day("2023-12-31").adding(days: 1) == day("2024-01-01"))
        #expect(try day("2024-03-01").adding(days: -1) == day("2024-02-29"))
        #expect(try day("2024-01-01").adding(days: 366) == day("2025-01-01"))
    }

    @Test func addingMonthsClampsTheDay() throws {
        #expect(try day("2024-01-31").adding(months: 1) == day("2024-02-29"))
        #expect(try day("2023-01-31").adding(months: 1) == day("2023-02-28"))
        #expect(try day("2024-03-31").adding(months: 1) == day("2024-04-30"))
        #expect(try day("2024-03-31").adding(months: -1) == day("2024-02-29"))
        #expect(try day("2024-01-15").adding(months: -1) == day("2023-12-15"))
        #expect(try day("2024-11-30").adding(months: 14) == day("2026-01-30"))
        #expect(try day("2024-01-15").adding(months: -25) == day("2021-12-15"))
        #expect(try day("2024-05-20").adding(months: 0) == day("2024-05-20"))
    }

    @Test func addingYears() throws {
        #expect(try day("2024-02-29").adding(years: 1) == day("2025-02-28"))
        #expect(try day("2024-02-29").adding(years: 4) == day("2028-02-29"))
        #expect(try day("2021-06-30").adding(years: 3) == day("2024-06-30"))
        #expect(try day("2021-06-30").adding(years: -3) == day("2018-06-30"))
    }

    @Test func daysBetween() throws {
        #expect(try Day.days(from: day("2024-01-01"), to: day("2025-01-01")) == 366)
        #expect(try Day.days(from: day("2023-01-01"), to: day("2024-01-01")) == 365)
        #expect(try Day.days(from: day("2024-03-01"), to: day("2024-02-28")) == -2)
        #expect(try Day.days(from: day("2024-06-01"), to: day("2024-06-01")) == 0)
        #expect(try Day.days(from: day("1900-01-01"), to: day("2000-01-01")) == 36_524)
    }

    @Test func codableAsISOString() throws {
        let value = try day("2024-03-01")
        let data = try JSONEncoder().encode([value])
        #expect(String(decoding: data, as: UTF8.self) == #"["2024-03-01"]"#)
        #expect(try JSONDecoder().decode([Day].self, from: data) == [value])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Day].self, from: Data(#"["2023-02-29"]"#.utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Day].self, from: Data(#"[20240301]"#.utf8)) }
    }

    @Test func todayUsesTheTimeZone() throws {
        // 2024-03-01T16:30:00Z is already 2 March in Shanghai (UTC+8).
        let instant = Date(timeIntervalSince1970: 1_709_310_600)
        let utc = try #require(TimeZone(secondsFromGMT: 0))
        #expect(try Day.today(in: utc, now: instant) == day("2024-03-01"))
        #expect(try Day.today(now: instant) == day("2024-03-02"))
        #expect(Day(Date(timeIntervalSince1970: -1), in: utc) == Day(year: 1969, month: 12, day: 31))
        #expect(Day(Date.distantFuture, in: utc) <= .latest)
        #expect(Day.chinaTimeZone.secondsFromGMT(for: instant) == 8 * 3600)
    }
}

@Suite struct DateTextTests {
    @Test func acceptedForms() {
        let expected = Day(year: 2024, month: 3, day: 1)
        for text in ["2024-03-01", "2024-3-1", "2024/3/1", "2024/03/01", "2024.3.1", "2024.03.01", "20240301",
                     "2024年3月1日", "2024年03月01日", "  2024-03-01\t", "\u{3000}2024/3/1\u{3000}", "2024-03-1"] {
            #expect(DateText.parse(text) == expected, "\(text)")
        }
        #expect(DateText.parse("2024-12-31") == Day(year: 2024, month: 12, day: 31))
        #expect(DateText.parse("2024年12月31日") == Day(year: 2024, month: 12, day: 31))
    }

    @Test func fullWidthDigits() {
        let expected = Day(year: 2024, month: 3, day: 1)
        #expect(DateText.parse("２０２４年３月１日") == expected)
        #expect(DateText.parse("２０２４-０３-０１") == expected)
        #expect(DateText.parse("２０２４０３０１") == expected)
    }

    @Test func rejections() {
        for text in ["", "   ", "2024-13-01", "01/03/2024", "3/1/2024", "2023-02-29", "2024-02-30", "2024-3/1",
                     "2024-03-01-", "-2024-03-01", "2024-003-01", "24-3-1", "202431", "2024031", "202403011",
                     "2024年3月1", "2024年3月1号", "2024-03-01 12:00", "2024 03 01", "2024-00-10", "0000-01-01",
                     "2024年3月日1", "年2024月3日1", "2024--3-1", "abc", "2024-3-1日", "2024年3-1"] {
            #expect(DateText.parse(text) == nil, "\(text)")
        }
    }

    @Test func acceptedFormsTextNamesEveryForm() {
        #expect(DateText.acceptedForms == "YYYY-MM-DD, YYYY/M/D, YYYYMMDD or YYYY年M月D日")
    }
}

@Suite struct InputErrorFormatTests {
    @Test func descriptionShapes() {
        #expect(InputError(file: "a.csv", message: "file is empty").description == "a.csv: file is empty")
        #expect(InputError(file: "a.csv", location: .line(3), message: "bad", expected: "good").description
                == "a.csv:3: bad; expected good")
        #expect(InputError(file: "enterprises.csv", location: .row(11, line: 12), message: #"malformed USCC "123""#,
                           expected: "18 characters from 0-9A-HJ-NP-RTUW-Y").description
                == #"enterprises.csv:12: malformed USCC "123" (row 11); expected 18 characters from 0-9A-HJ-NP-RTUW-Y"#)
        #expect(InputError(file: "q.json", location: .jsonPath("$.answers[2]", line: 7), message: "not a number").description
                == "q.json:7: $.answers[2]: not a number")
        #expect(InputError(file: "q.json", location: .jsonPath("answers[2]", line: nil), message: "not a number").description
                == "q.json: $.answers[2]: not a number")
        #expect(InputError(file: "r.csv", location: .column("规模", row: 4, line: 5), message: "unknown size", expected: "大型").description
                == #"r.csv:5: column "规模": unknown size (row 4); expected 大型"#)
        #expect(InputError(file: "r.csv", location: .column("规模", row: nil, line: nil), message: "missing").description
                == #"r.csv: column "规模": missing"#)
    }

    @Test func severalErrorsOnePerLine() {
        let errors = InputErrors([InputError(file: "a", location: .line(1), message: "x"), InputError(file: "b", message: "y")])
        #expect(errors.description == "a:1: x\nb: y")
    }
}
