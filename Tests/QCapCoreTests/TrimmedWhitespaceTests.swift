import Testing
import QCapCore

@Suite struct TrimmedWhitespaceTests {
    @Test func trimsASCIIAndIdeographicSpaceOnly() {
        #expect("  abc \t\r\n".trimmedWhitespace == "abc")
        #expect("\u{3000}漳州市\u{3000}".trimmedWhitespace == "漳州市")
        #expect("a b".trimmedWhitespace == "a b")
        #expect("".trimmedWhitespace == "")
        #expect("   ".trimmedWhitespace == "")
        #expect("全部满足".trimmedWhitespace == "全部满足")
        #expect(" x"[...].trimmedWhitespace == "x")
    }
}
