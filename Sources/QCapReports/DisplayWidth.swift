/// Terminal display width of text: CJK ideographs, Hangul, full-width forms etc. take two
/// columns, combining marks and control characters none, everything else one.
///
/// Width is measured per grapheme cluster (`Character`) from its first scalar, so
/// `"e\u{301}"` is 1 column wide.
public enum DisplayWidth {
    public enum Alignment: Sendable, Equatable {
        case left, right, center
    }

    /// Columns needed to display `s`.
    public static func of(_ s: String) -> Int {
        s.reduce(0) { $0 + of($1) }
    }

    /// Columns needed to display one character (0, 1 or 2).
    public static func of(_ c: Character) -> Int {
        guard let scalar = c.unicodeScalars.first else { return 0 }
        return of(scalar)
    }

    /// Pads `s` with spaces to `width` columns (no change if it is already that wide or wider).
    public static func pad(_ s: String, to width: Int, alignment: Alignment = .left) -> String {
        let missing = width - of(s)
        guard missing > 0 else { return s }
        switch alignment {
        case .left:
            return s + String(repeating: " ", count: missing)
        case .right:
            return String(repeating: " ", count: missing) + s
        case .center:
            let before = missing / 2
            return String(repeating: " ", count: before) + s
                + String(repeating: " ", count: missing - before)
        }
    }

    /// Cuts `s` to at most `width` columns, ending with `ellipsis` when something was cut.
    public static func truncate(_ s: String, to width: Int, ellipsis: String = "…") -> String {
        guard of(s) > width else { return s }
        let budget = width - of(ellipsis)
        guard budget >= 0 else { return "" }
        var result = ""
        var used = 0
        for character in s {
            let w = of(character)
            if used + w > budget { break }
            result.append(character)
            used += w
        }
        return result + ellipsis
    }

    /// Word-wraps `text` to lines of at most `width` columns (longer words are split).
    ///
    /// Lines break at spaces and between CJK characters; CJK closing punctuation (`，。）`…)
    /// never starts a line and opening punctuation (`（「`…) never ends one. Each `\n`-separated
    /// paragraph keeps its leading indentation on all of its lines; runs of spaces collapse.
    public static func wrap(_ text: String, width: Int) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { wrapParagraph(String($0), width: max(1, width)) }
    }

    // MARK: - Internals

    static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if isZeroWidth(v) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return 0
        default: break
        }
        return isWide(v) ? 2 : 1
    }

    private static func isZeroWidth(_ v: UInt32) -> Bool {
        (0x200B...0x200F).contains(v) || (0x2060...0x2064).contains(v) || v == 0xFEFF
    }

    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
            0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// Characters that must not begin a line.
    private static let noLineStart: Set<Character> = [
        "，", "。", "、", "；", "：", "！", "？", "）", "」", "』", "】", "》", "〉", "〕", "］", "｝",
        "”", "’", "…", "％", "～", "·", ",", ".", ";", ":", "!", "?", ")", "]", "}", "%",
    ]
    /// Characters that must not end a line.
    private static let noLineEnd: Set<Character> = [
        "（", "「", "『", "【", "《", "〈", "〔", "［", "｛", "“", "‘",
    ]

    private struct Token {
        var text: String
        /// Whitespace separated this token from the previous one.
        var spaced: Bool
    }

    private static func wrapParagraph(_ paragraph: String, width: Int) -> [String] {
        let indent = String(paragraph.prefix { $0 == " " || $0 == "\t" })
        let body = paragraph.dropFirst(indent.count)
        let indentWidth = indent.reduce(0) { $0 + ($1 == "\t" ? 4 : 1) }
        let indentText = String(repeating: " ", count: indentWidth)
        let available = max(1, width - indentWidth)

        var tokens: [Token] = []
        var current = ""
        var currentSpaced = false
        var currentEndsWide = false
        var sawSpace = false
        func flush() {
            if !current.isEmpty { tokens.append(Token(text: current, spaced: currentSpaced)) }
            current = ""
        }
        for character in body {
            if character == " " || character == "\t" {
                flush()
                sawSpace = true
                continue
            }
            let wide = of(character) == 2
            defer { sawSpace = false }
            if current.isEmpty || sawSpace {
                flush()
                current = String(character)
                currentSpaced = sawSpace
                currentEndsWide = wide
                continue
            }
            let glued = noLineStart.contains(character)
                || current.last.map { noLineEnd.contains($0) } ?? false
                || (!wide && !currentEndsWide)
            if glued {
                current.append(character)
            } else {
                flush()
                current = String(character)
                currentSpaced = false
            }
            currentEndsWide = wide
        }
        flush()

        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for token in tokens {
            let tokenWidth = of(token.text)
            let gap = token.spaced ? 1 : 0
            if !line.isEmpty && lineWidth + gap + tokenWidth > available {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            if line.isEmpty {
                var rest = token.text
                while of(rest) > available {
                    var chunk = ""
                    var chunkWidth = 0
                    for character in rest {
                        let w = of(character)
                        if !chunk.isEmpty && chunkWidth + w > available { break }
                        chunk.append(character)
                        chunkWidth += w
                    }
                    lines.append(chunk)
                    rest = String(rest.dropFirst(chunk.count))
                }
                line = rest
                lineWidth = of(rest)
            } else {
                line += (token.spaced ? " " : "") + token.text
                lineWidth += gap + tokenWidth
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines.map { $0.isEmpty ? $0 : indentText + $0 }
    }
}
