import Testing

@testable import QCapReports

@Suite struct DisplayWidthTests {
    @Test func cjkIsTwoColumns() {
        #expect(DisplayWidth.of("漳州市示例机械") == 14)
        #expect(DisplayWidth.of("") == 0)
        #expect(DisplayWidth.of("qcap") == 4)
    }

    @Test func mixedAsciiAndCjk() {
        #expect(DisplayWidth.of("漳州市ABC机械有限公司") == 3 * 2 + 3 + 6 * 2)
        #expect(DisplayWidth.of("评分: 85.5 分") == 2 * 2 + 2 + 4 + 1 + 2)
        #expect(DisplayWidth.of("91350602MA2XXXXX1X 漳州") == 19 + 4)
    }

    @Test func rangeBoundaries() {
        #expect(DisplayWidth.of("\u{1100}") == 2)  // Hangul Jamo start
        #expect(DisplayWidth.of("\u{115F}") == 2)
        #expect(DisplayWidth.of("\u{1160}") == 1)
        #expect(DisplayWidth.of("\u{2E7F}") == 1)
        #expect(DisplayWidth.of("\u{2E80}") == 2)
        #expect(DisplayWidth.of("\u{3000}") == 2)  // ideographic space
        #expect(DisplayWidth.of("，。、") == 6)
        #expect(DisplayWidth.of("한국") == 4)
        #expect(DisplayWidth.of("（）") == 4)  // full-width forms U+FF08/U+FF09
        #expect(DisplayWidth.of("\u{FF61}") == 1)  // half-width katakana punctuation
        #expect(DisplayWidth.of("￥") == 2)  // U+FFE5
        #expect(DisplayWidth.of("\u{20000}") == 2)  // CJK extension B
        #expect(DisplayWidth.of("·") == 1)
    }

    @Test func zeroWidthAndCombining() {
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("a\u{200B}b") == 2)
        #expect(DisplayWidth.of("\t") == 0)
    }

    @Test func padByDisplayWidth() {
        #expect(DisplayWidth.pad("漳州", to: 6) == "漳州  ")
        #expect(DisplayWidth.pad("ab", to: 6) == "ab    ")
        #expect(DisplayWidth.pad("漳州市示例机械", to: 10) == "漳州市示例机械")
        #expect(DisplayWidth.pad("漳州", to: 7, alignment: .right) == "   漳州")
        #expect(DisplayWidth.pad("漳", to: 6, alignment: .center) == "  漳  ")
        // Padded cells line up.
        let cells = ["漳州市示例机械", "Acme Ltd", "厦门ABC"].map { DisplayWidth.pad($0, to: 16) + "|" }
        #expect(Set(cells.map(DisplayWidth.of)) == [17])
    }

    @Test func truncate() {
        #expect(DisplayWidth.truncate("漳州市示例机械", to: 7) == "漳州市…")
        #expect(DisplayWidth.of(DisplayWidth.truncate("漳州市示例机械", to: 8)) <= 8)
        #expect(DisplayWidth.truncate("short", to: 10) == "short")
        #expect(DisplayWidth.truncate("abcdef", to: 4) == "abc…")
    }

    @Test func wrapAtSpaces() {
        #expect(DisplayWidth.wrap("aaa bbb ccc", width: 7) == ["aaa bbb", "ccc"])
        #expect(DisplayWidth.wrap("aaa  bbb", width: 80) == ["aaa bbb"])
        #expect(DisplayWidth.wrap("", width: 10) == [""])
        #expect(DisplayWidth.wrap("a\n\nb", width: 10) == ["a", "", "b"])
        #expect(DisplayWidth.wrap("  - item one two", width: 10) == ["  - item", "  one two"])
    }

    @Test func wrapLongWordIsSplit() {
        #expect(DisplayWidth.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
    }

    @Test func wrapCjkWithoutSpaces() {
        let lines = DisplayWidth.wrap("按评价细则对企业进行评分", width: 10)
        #expect(lines == ["按评价细则", "对企业进行", "评分"])
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 10 })
    }

    @Test func wrapKeepsPunctuationOffLineStart() {
        // "，" would start the second line; it stays with the preceding character instead.
        let lines = DisplayWidth.wrap("评价细则，企业", width: 8)
        #expect(lines == ["评价细", "则，企业"])
        // "（" never ends a line, "）" never starts one.
        #expect(DisplayWidth.wrap("（示例）数据", width: 6) == ["（示", "例）数", "据"])
    }

    @Test func wrapMixed() {
        let lines = DisplayWidth.wrap("Use 漳州市 data for 2026年 assessments.", width: 12)
        #expect(lines == ["Use 漳州市", "data for", "2026年", "assessments."])
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 12 })
    }
}
