import Foundation
import Testing

@testable import QCapCore

@Suite struct JSONWriterTests {
    @Test func compactOutputKeepsMemberOrder() {
        let v: JSONValue = ["b": 1, "a": [true, nil, "x"], "c": [:], "d": []]
        #expect(JSONWriter.write(v) == #"{"b":1,"a":[true,null,"x"],"c":{},"d":[]}"#)
        #expect(JSONWriter.write(v, sortKeys: true) == #"{"a":[true,null,"x"],"b":1,"c":{},"d":[]}"#)
        #expect(v.description == JSONWriter.write(v))
    }

    @Test func prettyOutput() {
        let v: JSONValue = ["name": "质量", "list": [1, ["k": false]], "empty": [], "obj": [:]]
        let expected = """
            {
              "name": "质量",
              "list": [
                1,
                {
                  "k": false
                }
              ],
              "empty": [],
              "obj": {}
            }
            """
        #expect(JSONWriter.write(v, style: .pretty) == expected)
        #expect(JSONWriter.write(.number(3), style: .pretty) == "3")
    }

    @Test func stringEscaping() {
        let s = "q\" b\\ /\u{8}\u{C}\n\r\t\u{0}\u{1F}\u{7F} 中文 😀 \u{2028}\u{2029}"
        let expected = #""q\" b\\ /\b\f\n\r\t\u0000\u001f"# + "\u{7F} 中文 😀 " + #"\u2028\u2029""#
        #expect(JSONWriter.write(.string(s)) == expected)
        var out = "x="
        JSONWriter.writeString(s, into: &out)
        #expect(out == "x=" + expected)
        out = ""
        JSONWriter.writeString("plain 中文", into: &out)
        #expect(out == "\"plain 中文\"")
        out = ""
        JSONWriter.writeString("a\u{2026}b", into: &out)  // 0xE2 lead byte that is not U+2028
        #expect(out == "\"a\u{2026}b\"")
    }

    @Test func numberFormatting() {
        let cases: [(Double, String)] = [
            (0, "0"), (-0.0, "0"), (3, "3"), (-3, "-3"), (0.985, "0.985"), (4.5, "4.5"), (0.002, "0.002"),
            (1e-6, "0.000001"), (1e-7, "1e-7"), (1.5e-7, "1.5e-7"), (1e21, "1e+21"), (1e20, "100000000000000000000"),
            (1e16, "10000000000000000"), (9_007_199_254_740_991, "9007199254740991"),
            (123456.789, "123456.789"), (-0.0000033333333333333333, "-0.0000033333333333333333"),
            (1.7976931348623157e308, "1.7976931348623157e+308"), (.leastNonzeroMagnitude, "5e-324"), (0.1 + 0.2, "0.30000000000000004"),
            (1e100, "1e+100"), (-1.25e-10, "-1.25e-10"),
        ]
        for (d, s) in cases {
            #expect(JSONWriter.numberString(d) == s, "\(d)")
            #expect(JSONWriter.write(.number(d)) == s)
        }
        #expect(JSONWriter.write([.number(.nan), .number(.infinity), .number(-.infinity)]) == "[null,null,null]")
        var out = "n="
        JSONWriter.writeNumber(0.5, into: &out)
        #expect(out == "n=0.5")
    }

    @Test func deterministicSorting() {
        let v: JSONValue = ["b": 1, "a": 2, "b": 3, "A": 4]
        #expect(JSONWriter.write(v, sortKeys: true) == #"{"A":4,"a":2,"b":1,"b":3}"#)
    }
}
