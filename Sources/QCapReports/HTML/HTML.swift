import QCapCore

/// Writing HTML by hand, safely: every text that comes from input goes through `escape`, and documents are
/// self-contained (inline CSS, inline SVG, no scripts, nothing fetched from the network), so a report can be mailed,
/// archived and printed as one file.
public enum HTML {
    /// Escapes the five characters that can change the meaning of HTML text or of a quoted attribute value.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// A complete document. `title` is plain text (escaped here); `body` is HTML the caller built with `escape`.
    public static func document(title: String, language: Language, css: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language == .zh ? "zh-CN" : "en")">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="qcap">
        <title>\(escape(title))</title>
        <style>
        \(css)
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    /// An element with escaped text content: `element("td", "a < b", class: "num")`.
    public static func element(_ name: String, _ text: String, class className: String? = nil) -> String {
        "<\(name)\(className.map { " class=\"\(escape($0))\"" } ?? "")>\(escape(text))</\(name)>"
    }

    /// A table; `header` is plain text, `rows` are cells of ready HTML (escape input text before passing it).
    public static func table(header: [String], rows: [[String]], class className: String? = nil, numericColumns: Set<Int> = []) -> String {
        var html = "<table\(className.map { " class=\"\(escape($0))\"" } ?? "")>\n<thead><tr>"
        for (index, title) in header.enumerated() {
            html += numericColumns.contains(index) ? "<th class=\"num\">\(escape(title))</th>" : "<th>\(escape(title))</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for row in rows {
            html += "<tr>"
            for (index, cell) in row.enumerated() {
                html += numericColumns.contains(index) ? "<td class=\"num\">\(cell)</td>" : "<td>\(cell)</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    /// The style sheet reports and comparison pages share: A4, print-friendly, fonts that carry Chinese.
    public static let baseCSS = """
    @page { size: A4; margin: 14mm 12mm 16mm 12mm; }
    :root { --ink: #1d2733; --muted: #5b6776; --line: #d5dbe3; --accent: #1f5f99; --soft: #eef3f8;
            --good: #2e7d4f; --warn: #b26a00; --bad: #b3261e; }
    * { box-sizing: border-box; }
    html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    body { margin: 0 auto; max-width: 186mm; padding: 8mm 0; color: var(--ink); background: #fff;
           font: 10pt/1.5 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; }
    h1 { font-size: 18pt; margin: 0 0 2mm; }
    h2 { font-size: 13.5pt; margin: 7mm 0 2mm; padding-bottom: 1mm; border-bottom: 2px solid var(--accent); color: var(--accent); }
    h3 { font-size: 11pt; margin: 5mm 0 1.5mm; }
    h4 { font-size: 10pt; margin: 3mm 0 1mm; color: var(--muted); }
    p { margin: 1mm 0 2mm; }
    .muted { color: var(--muted); }
    .small { font-size: 8.5pt; }
    table { width: 100%; border-collapse: collapse; margin: 1mm 0 3mm; font-size: 9pt; }
    th, td { border-bottom: 1px solid var(--line); padding: 1.2mm 1.5mm; text-align: left; vertical-align: top; }
    th { background: var(--soft); font-weight: 600; }
    tr { break-inside: avoid; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .meta { display: grid; grid-template-columns: auto 1fr auto 1fr; gap: 0.8mm 4mm; font-size: 9pt; margin: 2mm 0 4mm; }
    .meta dt { color: var(--muted); }
    .meta dd { margin: 0; }
    .badge { display: inline-block; padding: 0.2mm 2mm; border-radius: 2mm; background: var(--soft); color: var(--accent);
             font-weight: 600; white-space: nowrap; }
    .badge.lift { background: #fff1db; color: var(--warn); }
    .badge.none { background: #f1f1f1; color: var(--muted); }
    .outcome-met { color: var(--good); }
    .outcome-partial, .outcome-waived { color: var(--warn); }
    .outcome-notMet, .outcome-error { color: var(--bad); }
    .outcome-noEvidence, .outcome-notApplicable { color: var(--muted); }
    .figures { display: grid; grid-template-columns: 1fr 1fr; gap: 4mm; align-items: start; }
    .figure-list { display: grid; grid-template-columns: auto 1fr; gap: 1mm 3mm; font-size: 9.5pt; }
    .figure-list dt { color: var(--muted); }
    .figure-list dd { margin: 0; font-weight: 600; }
    .chart { width: 100%; height: auto; }
    .note { border-left: 3px solid var(--accent); background: var(--soft); padding: 1.5mm 3mm; margin: 2mm 0; font-size: 9pt; }
    footer { margin-top: 8mm; padding-top: 2mm; border-top: 1px solid var(--line); font-size: 8pt; color: var(--muted); }
    section.rubric + section.rubric { break-before: page; }
    @media screen {
      html { background: #e8ecf1; }
      body { max-width: 210mm; margin: 6mm auto; padding: 14mm 12mm; box-shadow: 0 1px 6px rgba(0, 0, 0, 0.18); }
    }
    @media print { body { padding: 0; max-width: none; } }
    """
}
