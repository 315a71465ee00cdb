import Foundation
import Testing

@testable import QCapCore

@Suite struct CanonicalJSONTests {
    @Test func rfc8785SortingExample() throws {
        let input = #"""
            {
              "\u20ac": "Euro Sign",
              "\r": "Carriage Return",
              "\ufb33": "Hebrew Letter Dalet With Dagesh",
              "1": "One",
              "\ud83d\ude00": "Emoji: Grinning Face",
              "\u0080": "Control",
              "\u00f6": "Latin Small Letter O With Diaeresis"
            }
            """#
        let v = try JSONParser.parse(input)
        let expected =
            #"{"\r":"Carriage Return","1":"One","\#u{80}":"Control","ö":"Latin Small Letter O With Diaeresis","€":"Euro Sign","😀":"Emoji: Grinning Face","\#u{FB33}":"Hebrew Letter Dalet With Dagesh"}"#
        #expect(CanonicalJSON.serialize(v) == expected)
        // The order itself, as listed in RFC 8785 §3.2.3.
        let order = try #require(try JSONParser.parse(CanonicalJSON.serialize(v)).objectValue).values.compactMap {
            $0.stringValue
        }
        #expect(order == [
            "Carriage Return", "One", "Control", "Latin Small Letter O With Diaeresis", "Euro Sign",
            "Emoji: Grinning Face", "Hebrew Letter Dalet With Dagesh",
        ])
    }

    @Test func rfc8785MainExample() throws {
        let input = #"""
            {
              "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """#
        let expected =
            #"{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}"#
        #expect(CanonicalJSON.serialize(try JSONParser.parse(input)) == expected)
        #expect(CanonicalJSON.serializeBytes(try JSONParser.parse(input)) == Array(expected.utf8))
    }

    @Test func numberExamples() throws {
        let cases: [(String, String)] = [
            ("1e+30", "1e+30"), ("4.50", "4.5"), ("2e-3", "0.002"), ("0.000001", "0.000001"), ("1e-7", "1e-7"),
            ("333333333.33333329", "333333333.3333333"), ("-0", "0"), ("1e21", "1e+21"), ("1e20", "100000000000000000000"),
        ]
        for (text, expected) in cases {
            #expect(CanonicalJSON.serialize(try JSONParser.parse(text)) == expected, "\(text)")
        }
    }

    /// RFC 8785 Appendix B: IEEE 754 bit patterns and their canonical text.
    @Test func appendixBNumbers() {
        let cases: [(UInt64, String)] = [
            (0x0000_0000_0000_0000, "0"), (0x8000_0000_0000_0000, "0"),
            (0x0000_0000_0000_0001, "5e-324"), (0x8000_0000_0000_0001, "-5e-324"),
            (0x7FEF_FFFF_FFFF_FFFF, "1.7976931348623157e+308"), (0xFFEF_FFFF_FFFF_FFFF, "-1.7976931348623157e+308"),
            (0x4340_0000_0000_0000, "9007199254740992"), (0xC340_0000_0000_0000, "-9007199254740992"),
            (0x4430_0000_0000_0000, "295147905179352830000"),
            (0x44B5_2D02_C7E1_4AF5, "9.999999999999997e+22"), (0x44B5_2D02_C7E1_4AF6, "1e+23"),
            (0x44B5_2D02_C7E1_4AF7, "1.0000000000000001e+23"),
            (0x444B_1AE4_D6E2_EF4E, "999999999999999700000"), (0x444B_1AE4_D6E2_EF4F, "999999999999999900000"),
            (0x444B_1AE4_D6E2_EF50, "1e+21"),
            (0x3EB0_C6F7_A0B5_ED8C, "9.999999999999997e-7"), (0x3EB0_C6F7_A0B5_ED8D, "0.000001"),
            (0x41B3_DE43_5555_5553, "333333333.3333332"), (0x41B3_DE43_5555_5554, "333333333.33333325"),
            (0x41B3_DE43_5555_5555, "333333333.3333333"), (0x41B3_DE43_5555_5556, "333333333.3333334"),
            (0x41B3_DE43_5555_5557, "333333333.33333343"),
            (0xBECB_F647_612F_3696, "-0.0000033333333333333333"), (0x4314_3FF3_C1CB_0959, "1424953923781206.2"),
        ]
        for (bits, expected) in cases {
            #expect(CanonicalJSON.serialize(.number(Double(bitPattern: bits))) == expected, "\(bits)")
        }
    }

    @Test func stringEscapingDiffersFromWriterOnlyForLineSeparators() {
        let s = "\u{2028}\u{2029}\u{1F}\u{7F}中"
        #expect(CanonicalJSON.serialize(.string(s)) == "\"\u{2028}\u{2029}\\u001f\u{7F}中\"")
        #expect(JSONWriter.write(.string(s)) == "\"\\u2028\\u2029\\u001f\u{7F}中\"")
    }

    @Test func nestedObjectsAreSortedRecursively() {
        let v: JSONValue = ["z": ["b": 1, "a": [["d": 1, "c": 2]]], "y": nil]
        #expect(CanonicalJSON.serialize(v) == #"{"y":null,"z":{"a":[{"c":2,"d":1}],"b":1}}"#)
    }
}
