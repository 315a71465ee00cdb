/// Markdown written from data: rubric text, enterprise names, assessor notes. One escaper for every Markdown writer —
/// the reports, the comparison, the rubric reference and a module's own documents (the excellence self-assessment
/// outline) — so text from a spreadsheet can never open markup, a heading or a link, or break a table.
public enum Markdown {
    /// `text` with every character that could start markup or end a table cell backslash-escaped, and line breaks
    /// replaced by `lineBreak` (a space by default; `<br>` inside a table cell keeps the lines apart).
    public static func escape(_ text: String, lineBreak: String = " ") -> String {
        var out = ""
        for character in text {
            switch character {
            case "|", "\\", "*", "_", "`", "[", "]", "<", ">", "#":
                out.append("\\")
                out.append(character)
            case "\n", "\r", "\r\n":
                out += lineBreak
            default:
                out.append(character)
            }
        }
        return out
    }

    /// Markup already built from escaped parts (code spans, `<br>`), made safe inside a table cell: pipes escaped,
    /// line breaks as `<br>`.
    public static func cell(_ markup: String) -> String {
        var out = ""
        for character in markup {
            switch character {
            case "|": out += "\\|"
            case "\n", "\r", "\r\n": out += "<br>"
            default: out.append(character)
            }
        }
        return out
    }
}
