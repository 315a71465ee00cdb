import Foundation

/// A small well-formedness check for the HTML the renderers write, so tests need no browser: every element is
/// closed in order (void elements excepted), attributes are quoted, text holds no raw `<`, and every `&` starts an
/// entity. It is strict on purpose: the renderers write XHTML-clean markup.
enum HTMLChecker {
    static let voidElements: Set<String> = ["meta", "br", "hr", "img", "input", "link", "col", "area", "base", "wbr", "source"]

    struct Element {
        var name: String
        var attributes: [String: String]
    }

    /// Problems found; empty when the document is well formed. `elements` lists every start tag in order.
    static func check(_ html: String) -> (problems: [String], elements: [Element]) {
        var problems: [String] = []
        var elements: [Element] = []
        var stack: [String] = []
        let scalars = Array(html.unicodeScalars)
        var index = 0
        func text(_ from: Int, _ to: Int) -> String {
            var out = ""
            out.unicodeScalars.append(contentsOf: scalars[from..<to])
            return out
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "&" {
                var end = index + 1
                while end < scalars.count, end - index < 10, scalars[end] != ";" { end += 1 }
                let entity = end < scalars.count ? text(index + 1, end) : ""
                let known = ["amp", "lt", "gt", "quot", "#39", "nbsp"].contains(entity) || entity.hasPrefix("#")
                if !known { problems.append("bare & at \(index)") }
                index += 1
                continue
            }
            guard scalar == "<" else { index += 1; continue }
            guard let close = scalars[index...].firstIndex(of: ">") else {
                problems.append("unclosed tag at \(index)")
                break
            }
            let tag = text(index + 1, close)
            index = close + 1
            if tag.hasPrefix("!") { continue }
            if tag.contains("<") { problems.append("< inside tag <\(tag)>") }
            if tag.hasPrefix("/") {
                let name = String(tag.dropFirst()).trimmingCharacters(in: .whitespaces).lowercased()
                if stack.last == name { stack.removeLast() } else { problems.append("</\(name)> closes <\(stack.last ?? "nothing")>") }
                continue
            }
            let selfClosing = tag.hasSuffix("/")
            let body = selfClosing ? String(tag.dropLast()) : tag
            let name = String(body.prefix { !$0.isWhitespace }).lowercased()
            guard let attributes = parseAttributes(String(body.dropFirst(name.count))) else {
                problems.append("malformed attributes in <\(tag)>")
                continue
            }
            elements.append(Element(name: name, attributes: attributes))
            if !selfClosing && !voidElements.contains(name) { stack.append(name) }
        }
        if !stack.isEmpty { problems.append("unclosed elements: \(stack.joined(separator: " > "))") }
        return (problems, elements)
    }

    /// ` a="1" b="x y"` → ["a": "1", "b": "x y"]; nil when a value is unquoted or a quote is unbalanced.
    static func parseAttributes(_ text: String) -> [String: String]? {
        var result: [String: String] = [:]
        var rest = Substring(text)
        while true {
            rest = rest.drop { $0.isWhitespace }
            if rest.isEmpty { return result }
            let name = rest.prefix { $0 != "=" && !$0.isWhitespace }
            rest = rest.dropFirst(name.count)
            guard rest.first == "=" else { return nil }
            rest = rest.dropFirst()
            guard rest.first == "\"" else { return nil }
            rest = rest.dropFirst()
            guard let end = rest.firstIndex(of: "\"") else { return nil }
            result[String(name)] = String(rest[..<end])
            rest = rest[rest.index(after: end)...]
        }
    }
}
