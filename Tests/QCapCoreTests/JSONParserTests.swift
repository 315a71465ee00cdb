import Foundation
import Testing

@testable import QCapCore

@Suite struct JSONParserTests {
    private func parseError(_ text: String) -> JSONParseError? {
        do {
            _ = try JSONParser.parse(text)
            return nil
        } catch {
            return error
        }
    }

    private func parseError(bytes: [UInt8]) -> JSONParseError? {
        do {
            _ = try JSONParser.parse(Data(bytes))
            return nil
        } catch {
            return error
        }
    }

    // MARK: Values

    @Test func parsesScalarsAndContainers() throws {
        #expect(try JSONParser.parse("null") == .null)
        #expect(try JSONParser.parse(" true ") == .bool(true))
        #expect(try JSONParser.parse("false") == .bool(false))
        #expect(try JSONParser.parse("\"hi\"") == .string("hi"))
        #expect(try JSONParser.parse("[]") == .array([]))
        #expect(try JSONParser.parse("{}") == .object(JSONObject()))
        #expect(try JSONParser.parse(" [ 1 , \"a\" , null , [ ] , { } ] ") == [1, "a", nil, [], [:]])
        let v = try JSONParser.parse(#"{"b": 1, "a": {"c": [true, false]}, "d": "x"}"#)
        #expect(v.objectValue?.keys == ["b", "a", "d"])
        #expect(v["a"]?["c"]?[1] == .bool(false))
        #expect(v["d"]?.stringValue == "x")
        #expect(v["b"]?.intValue == 1)
        #expect(v["missing"] == nil)
        #expect(v.typeName == "object")
    }

    @Test func acceptsAllInputKinds() throws {
        let text = #"{"k": [1, 2.5, "三"]}"#
        let expected: JSONValue = ["k": [1, 2.5, "三"]]
        #expect(try JSONParser.parse(text) == expected)
        #expect(try JSONParser.parse(Data(text.utf8)) == expected)
        let viaBuffer = Array(text.utf8).withUnsafeBytes { buf in
            Result { () throws(JSONParseError) -> JSONValue in try JSONParser.parse(buf) }
        }
        #expect(try viaBuffer.get() == expected)
    }

    /// Which value of a repeated key counts is up to the reader, so a duplicate is an error wherever it is, with
    /// the path and position of the second occurrence and where the first was.
    @Test func duplicateKeysAreRejected() throws {
        let flat = try #require(parseError(#"{"a": 1, "b": 2, "a": 3}"#))
        #expect(flat.path == "$.a")
        #expect(flat.byteOffset == 17)
        #expect(flat.message.contains("duplicate key \"a\" (first at column 2)"))
        let nested = try #require(parseError("{\n  \"facts\": {\n    \"mqc.D1.01\": 3,\n    \"mqc.D1.01\": 4\n  }\n}"))
        #expect(nested.path == #"$.facts["mqc.D1.01"]"#)
        #expect(nested.line == 4)
        #expect(nested.message.contains("(first at line 3)"))
        // In an array element, and among more members than the pairwise check handles.
        let keys = (0..<40).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
        let large = try #require(parseError("[{}, {\(keys), \"k17\": 0}]"))
        #expect(large.path == "$[1].k17")
        #expect(large.message.contains("duplicate key \"k17\""))
        // Escapes and canonically equivalent spellings name the same key.
        #expect(parseError(#"{"a": 1, "\u0061": 2}"#)?.path == "$.a")
        #expect(parseError("{\"\u{E9}\": 1, \"e\u{301}\": 2}") != nil)
        #expect(parseError("{\"K\": 1, \"\u{212A}\": 2}")?.line == 1)
        #expect(parseError("{\(keys), \"\u{212A}\": 1, \"K\": 2}") != nil)
        #expect(parseError("{\(keys), \"质量\": 1, \"质量\": 2}")?.message.contains("duplicate key \"质量\"") == true)
        #expect(try JSONParser.parse("{\(keys), \"质量\": 1, \"质\": 2, \"k40\": 3}").objectValue?.count == 43)
        // The same key in different objects is fine.
        #expect(try JSONParser.parse(#"{"a": {"a": 1}, "b": [{"a": 1}, {"a": 2}]}"#)["b"]?[1]?["a"] == 2)
        #expect(try JSONParser.parse(#"{"a": 1}"#) == ["a": 1])
        #expect(throws: JSONParseError.self) { try JSONParser.parseWithLines(Data(#"{"x": 1, "x": 1}"#.utf8)) }
    }

    // MARK: Strings

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let v = try JSONParser.parse(#""q\" b\\ s\/ \b\f\n\r\t \u00e9\u4E2D \ud83d\ude00 \u0000 end""#)
        #expect(v == .string("q\" b\\ s/ \u{8}\u{C}\n\r\t é中 😀 \u{0} end"))
        // Escapes mixed with raw multi-byte text on both sides.
        #expect(try JSONParser.parse(#""中\n文""#) == .string("中\n文"))
        // Escaped keys.
        #expect(try JSONParser.parse(#"{"a\u0020b": 1}"#)["a b"] == 1)
    }

    @Test func chineseStringsRoundTrip() throws {
        let text = #"{"维度":"已建立质量管理体系","说明":["部分建立","未建立 😀"]}"#
        let v = try JSONParser.parse(text)
        #expect(v["维度"] == "已建立质量管理体系")
        #expect(v["说明"]?[1] == "未建立 😀")
        #expect(JSONWriter.write(v) == text)
        #expect(try JSONParser.parse(JSONWriter.write(v, style: .pretty)) == v)
    }

    @Test func rejectsBadStrings() throws {
        let lone = try #require(parseError(#"["\ud800"]"#))
        #expect(lone.message.contains("lone high surrogate"))
        #expect(lone.column == 3)
        #expect(lone.path == "$[0]")
        #expect(try #require(parseError(#""\ud800\u0041""#)).message.contains("lone high surrogate"))
        #expect(try #require(parseError(#""\udc00""#)).message.contains("lone low surrogate"))
        #expect(try #require(parseError(#""\x""#)).message.contains("invalid escape"))
        #expect(try #require(parseError(#""\u12G4""#)).message.contains("invalid hex digit"))
        let control = try #require(parseError("\"a\tb\""))
        #expect(control.message.contains("control character U+0009"))
        #expect(control.column == 3)
        let unterminated = try #require(parseError(#"{"a": "abc"#))
        #expect(unterminated.message == "unexpected end of input (unterminated string)")
        #expect(unterminated.path == "$.a")
        // Invalid UTF-8: stray continuation byte, overlong encoding, encoded surrogate, truncated sequence.
        for bad: [UInt8] in [[0x22, 0x80, 0x22], [0x22, 0xC0, 0xAF, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xE4, 0xB8, 0x22]] {
            let e = try #require(parseError(bytes: bad))
            #expect(e.message.contains("UTF-8"))
            #expect(e.byteOffset == 1)
        }
        // Invalid UTF-8 in a string that also has escapes.
        let mixed = try #require(parseError(bytes: Array(#"["\n"#.utf8) + [0xFF] + Array(#""]"#.utf8)))
        #expect(mixed.message.contains("UTF-8"))
        #expect(mixed.byteOffset == 4)
    }

    // MARK: Numbers

    @Test func parsesNumbers() throws {
        #expect(try JSONParser.parse("0") == .number(0))
        let negativeZero = try #require(try JSONParser.parse("-0").numberValue)
        #expect(negativeZero == 0 && negativeZero.sign == .minus)
        #expect(try JSONParser.parse("1e3") == .number(1000))
        #expect(try JSONParser.parse("1E+3") == .number(1000))
        #expect(try JSONParser.parse("-2.5e-3") == .number(-0.0025))
        #expect(try JSONParser.parse("0.985").numberValue == Double("0.985"))
        #expect(try JSONParser.parse("12345678901234567890").numberValue == 12_345_678_901_234_567_890.0)
        #expect(try JSONParser.parse("9007199254740993").numberValue == Double("9007199254740993"))
        #expect(try JSONParser.parse("123456789012345678901234567890").numberValue == 1.2345678901234568e29)
        #expect(try JSONParser.parse("1e-400") == .number(0))
        #expect(try JSONParser.parse("0.000000000000000000000000001").numberValue == 1e-27)
        #expect(try JSONParser.parse("2.2250738585072011e-308").numberValue == Double("2.2250738585072011e-308"))
        #expect(try JSONParser.parse("1.7976931348623157e308").numberValue == .greatestFiniteMagnitude)
    }

    @Test func numbersMatchSwiftDoubleParsing() throws {
        // Deterministic pseudo-random decimals covering the fast and slow paths.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 11
        }
        for _ in 0..<5000 {
            let intDigits = Int(next() % 12)
            let fracDigits = Int(next() % 20)
            var s = next() % 2 == 0 ? "-" : ""
            s += intDigits == 0 ? "0" : String(1 + next() % 9)
            for _ in 0..<max(0, intDigits - 1) { s += String(next() % 10) }
            if fracDigits > 0 {
                s += "."
                for _ in 0..<fracDigits { s += String(next() % 10) }
            }
            if next() % 3 == 0 { s += "e" + String(Int(next() % 80) - 40) }
            let parsed = try JSONParser.parse(s).numberValue
            let expected = try #require(Double(s))
            #expect(parsed == expected, "\(s)")
        }
    }

    @Test func rejectsBadNumbers() throws {
        let cases: [(String, String)] = [
            ("01", "leading zeros"), ("-01", "leading zeros"), ("1.", "expected digit after decimal point"),
            ("1.e5", "expected digit after decimal point"), ("1e", "expected digit in exponent"),
            ("1e+", "expected digit in exponent"), ("-", "expected digit after '-'"), ("-a", "expected digit after '-'"),
            (".5", "expected a JSON value"), ("+1", "expected a JSON value"), ("NaN", "NaN and Infinity"),
            ("Infinity", "NaN and Infinity"), ("-Infinity", "expected digit after '-'"), ("1e400", "out of range"),
            ("-1e309", "out of range"), ("0x10", "after the JSON value"),
        ]
        for (text, fragment) in cases {
            let e = parseError(text)
            #expect(e?.message.contains(fragment) == true, "\(text): \(String(describing: e))")
        }
    }

    // MARK: Errors and positions

    @Test func truncatedArrayReportsPositionAndPath() throws {
        let e = try #require(parseError(#"{"a": [1, 2"#))
        #expect(e.line == 1)
        #expect(e.column == 12)
        #expect(e.byteOffset == 11)
        #expect(e.path == "$.a")
        #expect(e.message == "unexpected end of input (expected ',' or ']' after array element)")
        #expect(e.description == "line 1, column 12 (byte 11), at $.a: " + e.message)

        let afterComma = try #require(parseError(#"{"a": [1, 2, "#))
        #expect(afterComma.path == "$.a[2]")
        #expect(afterComma.message == "unexpected end of input (expected a JSON value)")
        #expect(afterComma.column == 14)
    }

    @Test func truncatedObjectsReportPaths() throws {
        #expect(parseError("")?.path == "$")
        #expect(parseError("   ")?.message == "unexpected end of input (expected a JSON value)")
        #expect(parseError("{")?.path == "$")
        #expect(parseError("{")?.message == "unexpected end of input (expected string key)")
        #expect(parseError(#"{"a""#)?.message == "unexpected end of input (expected ':' after object key)")
        #expect(parseError(#"{"a""#)?.path == "$.a")
        #expect(parseError(#"{"a":"#)?.path == "$.a")
        #expect(parseError(#"{"a":1"#)?.message == "unexpected end of input (expected ',' or '}' after object member)")
        #expect(parseError(#"{"a":1"#)?.path == "$")
        #expect(parseError(#"{"a":{"x y":[{"b":tr"#)?.path == #"$.a["x y"][0].b"#)
        #expect(parseError(#"{"a":{"x y":[{"b":tr"#)?.message == "unexpected end of input (incomplete literal, expected 'true')")
    }

    @Test func wrongTokensAreReported() throws {
        let missingColon = try #require(parseError(#"{"a" 1}"#))
        #expect(missingColon.message == "expected ':' after object key, found '1'")
        #expect(missingColon.column == 6)
        #expect(missingColon.path == "$.a")

        let missingComma = try #require(parseError(#"{"a": 1 "b": 2}"#))
        #expect(missingComma.message == "expected ',' or '}' after object member, found '\"'")
        #expect(missingComma.path == "$")
        #expect(missingComma.column == 9)

        let arrayComma = try #require(parseError("[1 2]"))
        #expect(arrayComma.message == "expected ',' or ']' after array element, found '2'")
        #expect(arrayComma.path == "$")

        #expect(parseError(#"{"a": 1,}"#)?.message == "trailing comma before '}' is not allowed")
        #expect(parseError("[1,]")?.message == "trailing comma before ']' is not allowed")
        #expect(parseError("[1,]")?.path == "$[1]")
        #expect(parseError("{1: 2}")?.message == "expected string key, found '1'")
        #expect(parseError("[tru]")?.message == "invalid literal, expected 'true'")
        #expect(parseError("nul")?.message == "unexpected end of input (incomplete literal, expected 'null')")
        #expect(parseError("[1] x")?.message == "unexpected 'x' after the JSON value; only whitespace may follow")
        #expect(parseError("{} {}")?.byteOffset == 3)
        #expect(parseError("[\u{1}]")?.message == "expected a JSON value, found byte 0x01")
        #expect(parseError(#"{"a": }"#)?.message == "expected a JSON value, found '}'")
        #expect(parseError(#"{"a": }"#)?.path == "$.a")
    }

    @Test func multiLineErrorPosition() throws {
        let text = "{\n  \"标题\": \"质量\",\n  \"x\": [\n    1,\n    tru\n  ]\n}"
        let e = try #require(parseError(text))
        #expect(e.line == 5)
        #expect(e.column == 5)
        #expect(e.path == "$.x[1]")
        // Columns count characters, not bytes.
        let e2 = try #require(parseError("{\"标题\" 1}"))
        #expect(e2.line == 1)
        #expect(e2.column == 7)
        #expect(e2.byteOffset == 10)
        #expect(e2.path == #"$["标题"]"#)
    }

    @Test func nestingDepthIsBounded() throws {
        let ok = String(repeating: "[", count: JSONParser.maxDepth) + String(repeating: "]", count: JSONParser.maxDepth)
        #expect(throws: Never.self) { try JSONParser.parse(ok) }
        let objects = String(repeating: #"{"a":"#, count: JSONParser.maxDepth) + "1"
            + String(repeating: "}", count: JSONParser.maxDepth)
        #expect(throws: Never.self) { try JSONParser.parse(objects) }

        let tooDeep = String(repeating: "[", count: JSONParser.maxDepth + 1) + String(repeating: "]", count: JSONParser.maxDepth + 1)
        let e = try #require(parseError(tooDeep))
        #expect(e.message == "nesting deeper than 512 levels")
        #expect(e.byteOffset == 512)
        let tooDeepObject = String(repeating: "[", count: JSONParser.maxDepth) + "{}" + String(repeating: "]", count: JSONParser.maxDepth)
        #expect(parseError(tooDeepObject)?.byteOffset == 512)

        // Hostile input: far deeper than any stack could recurse.
        let hostile = String(repeating: "[", count: 1_000_000)
        #expect(parseError(hostile)?.message == "nesting deeper than 512 levels")
    }

    // MARK: Line index

    @Test func lineIndexMapsPathsToLines() throws {
        let text = """
            {
              "name": "rubric",
              "criteria": [
                {
                  "id": "c1",
                  "weight": 0.3
                },
                {
                  "id": "c2",
                  "weight": 0.7,
                  "levels": {"full": 1, "x y": 2}
                }
              ],
              "empty": {}
            }
            """
        let (value, lines) = try JSONParser.parseWithLines(Data(text.utf8))
        #expect(value == (try JSONParser.parse(text)))
        #expect(lines.line(for: "$") == 1)
        #expect(lines.line(for: "$.name") == 2)
        #expect(lines.line(for: "$.criteria") == 3)
        #expect(lines.line(for: "$.criteria[0]") == 4)
        #expect(lines.line(for: "$.criteria[0].id") == 5)
        #expect(lines.line(for: "$.criteria[0].weight") == 6)
        #expect(lines.line(for: "$.criteria[1]") == 8)
        #expect(lines.line(for: "$.criteria[1].weight") == 10)
        #expect(lines.line(for: "$.criteria[1].levels") == 11)
        #expect(lines.line(for: #"$.criteria[1].levels["x y"]"#) == 11)
        #expect(lines.line(for: "$.empty") == 14)
        #expect(lines.line(for: "$.criteria[1].missing") == nil)
        #expect(lines.count == 13)

        #expect(lines.nearestLine(for: "$.criteria[1].missing") == 8)
        #expect(lines.nearestLine(for: "$.criteria[5].weight") == 3)
        #expect(lines.nearestLine(for: #"$.criteria[1].levels["no]pe"].deeper"#) == 11)
        #expect(lines.nearestLine(for: "$.nothing[0]") == 1)
        #expect(lines.nearestLine(for: "not a path") == nil)

        let failing = "{\n  \"a\": [1,\n"
        #expect(throws: JSONParseError.self) { try JSONParser.parseWithLines(Data(failing.utf8)) }
    }

    @Test func jsonPathFormatting() {
        #expect(JSONPath.appending(key: "criteria", to: "$") == "$.criteria")
        #expect(JSONPath.appending(index: 2, to: "$.criteria") == "$.criteria[2]")
        #expect(JSONPath.appending(key: "mqc.D1.01", to: "$") == #"$["mqc.D1.01"]"#)
        #expect(JSONPath.appending(key: "a\"b", to: "$") == #"$["a\"b"]"#)
        #expect(JSONPath.appending(key: "", to: "$") == #"$[""]"#)
        #expect(JSONPath.appending(key: "_x9", to: "$") == "$._x9")
        #expect(JSONPath.appending(key: "9x", to: "$") == #"$["9x"]"#)
        #expect(JSONPath.parent(of: "$") == nil)
        #expect(JSONPath.parent(of: "$.a") == "$")
        #expect(JSONPath.parent(of: "$.a[0].b") == "$.a[0]")
        #expect(JSONPath.parent(of: #"$.a["x.]\"y"]"#) == "$.a")
        #expect(JSONPath.parent(of: #"$["x"][3]"#) == #"$["x"]"#)
        #expect(JSONPath.parent(of: "a.b") == nil)
        #expect(JSONPath.parent(of: "$.a[") == nil)
    }

    // MARK: Word-at-a-time scanning

    @Test func specialBytesAreFoundAtEveryOffset() throws {
        // Escapes, quotes, controls and non-ASCII at every position of long strings.
        for position in 0..<20 {
            let prefix = String(repeating: "a", count: position)
            #expect(try JSONParser.parse("\"\(prefix)\\nxyzxyzxyz\"") == .string(prefix + "\nxyzxyzxyz"))
            #expect(try JSONParser.parse("[\"\(prefix)\",\"bcdefghijk\"]") == [.string(prefix), "bcdefghijk"])
            #expect(try JSONParser.parse("\"\(prefix)中文abcdefghij\"") == .string(prefix + "中文abcdefghij"))
            let control = parseError("\"\(prefix)\u{1F}abcdefghijk\"")
            #expect(control?.byteOffset == position + 1)
            let bad = parseError(bytes: [0x22] + Array(prefix.utf8) + [0xFF] + Array("abcdefghijk\"".utf8))
            #expect(bad?.byteOffset == position + 1)
            #expect(bad?.message.contains("UTF-8") == true)
        }
        // Non-ASCII right after a string must not make the string invalid.
        #expect(try JSONParser.parse(#"{"k":"中文中文中文"}"#) == ["k": "中文中文中文"])
    }

    // MARK: Round trip

    @Test func roundTripThroughWriter() throws {
        let value: JSONValue = [
            "name": "质量 \"rubric\"\n\t\u{1}\u{2028}",
            "weights": [0.3, 0.7, -0.0, 1e-7, 1e21, 123456.789, .number(.leastNonzeroMagnitude), 1.7976931348623157e308],
            "nested": ["a": [[], [:], [nil, true, false]], "b": 12_345_678_901_234_567_890.0],
            "emoji": "😀",
        ]
        for style in [JSONWriter.Style.compact, .pretty] {
            for sort in [false, true] {
                let text = JSONWriter.write(value, style: style, sortKeys: sort)
                let back = try JSONParser.parse(text)
                if sort {
                    #expect(CanonicalJSON.serialize(back) == CanonicalJSON.serialize(value))
                } else {
                    #expect(back == value)
                }
            }
        }
        let canonical = CanonicalJSON.serialize(value)
        #expect(CanonicalJSON.serialize(try JSONParser.parse(canonical)) == canonical)
    }
}
