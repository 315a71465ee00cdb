import Foundation

/// The parts of `Package.swift` the developer tool reads and edits: the `rubricModules` array literal and the
/// target names. It is text, not a parsed manifest (evaluating a manifest needs SwiftPM), so it accepts only the
/// plain shape the package keeps: one string literal per line between `let rubricModules: [String] = [` and `]`.
struct PackageManifest: Sendable {
    static let arrayOpening = "let rubricModules: [String] = ["

    enum Problem: Error, Equatable, CustomStringConvertible {
        case noRubricModulesArray
        case unterminatedArray(line: Int)
        case unexpectedEntry(line: Int, text: String)

        var description: String {
            switch self {
            case .noRubricModulesArray:
                return "Package.swift has no `\(PackageManifest.arrayOpening)` line"
            case .unterminatedArray(let line):
                return "Package.swift:\(line): the rubricModules array is not closed by a line holding `]`"
            case .unexpectedEntry(let line, let text):
                return "Package.swift:\(line): expected one string literal per line in rubricModules, found `\(text)`"
            }
        }
    }

    let text: String

    init(text: String) {
        self.text = text
    }

    /// The lines of the file, and the indices of the array's opening and closing lines.
    private func arrayBounds() throws(Problem) -> (lines: [Substring], opening: Int, closing: Int) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let opening = lines.firstIndex(where: { $0.trimmedWhitespace.hasPrefix(Self.arrayOpening) }) else {
            throw .noRubricModulesArray
        }
        // `let rubricModules: [String] = []` on one line: an empty list.
        if lines[opening].trimmedWhitespace.hasSuffix("[]") { return (lines, opening, opening) }
        guard let closing = lines[(opening + 1)...].firstIndex(where: { $0.trimmedWhitespace == "]" }) else {
            throw .unterminatedArray(line: opening + 1)
        }
        return (lines, opening, closing)
    }

    /// The module names listed in `rubricModules`, in file order.
    func rubricModules() throws(Problem) -> [String] {
        let (lines, opening, closing) = try arrayBounds()
        guard closing > opening else { return [] }
        var names: [String] = []
        for index in (opening + 1)..<closing {
            var entry = lines[index].trimmedWhitespace
            if let comment = entry.range(of: "//") { entry = String(entry[..<comment.lowerBound]).trimmedWhitespace }
            if entry.isEmpty { continue }
            if entry.hasSuffix(",") { entry.removeLast() }
            guard entry.count >= 2, entry.hasPrefix("\""), entry.hasSuffix("\""),
                  case let name = String(entry.dropFirst().dropLast()), !name.isEmpty, !name.contains("\"") else {
                throw .unexpectedEntry(line: index + 1, text: lines[index].trimmedWhitespace)
            }
            names.append(name)
        }
        return names
    }

    /// The manifest with `name` added to `rubricModules`: at its alphabetical place when the list is sorted (so
    /// branches that each add a module touch different lines), else at the end.
    func addingRubricModule(_ name: String) throws(Problem) -> String {
        let existing = try rubricModules()
        var (lines, opening, closing) = try arrayBounds()
        if closing == opening {
            // Expand the one-line empty literal into the multi-line form.
            let indent = lines[opening].prefix { $0 == " " }
            lines[opening] = Substring(indent + Self.arrayOpening)
            lines.insert(Substring(indent + "]"), at: opening + 1)
            closing = opening + 1
        }
        var insertAt = closing
        if existing == existing.sorted() {
            let entryLines = ((opening + 1)..<closing).filter { lines[$0].contains("\"") }
            if let before = zip(entryLines, existing).first(where: { $0.1 > name })?.0 { insertAt = before }
        }
        lines.insert(Substring("    \"\(name)\","), at: insertAt)
        return lines.joined(separator: "\n")
    }

    /// Every `name: "…"` in the manifest (targets and products), plus the rubric modules and their test targets.
    func declaredNames() -> Set<String> {
        var names = Set<String>()
        var rest = Substring(text)
        while let range = rest.range(of: "name: \"") {
            rest = rest[range.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            names.insert(String(rest[..<end]))
            rest = rest[end...]
        }
        for module in (try? rubricModules()) ?? [] {
            names.insert(module)
            names.insert(module + "Tests")
        }
        return names
    }
}
