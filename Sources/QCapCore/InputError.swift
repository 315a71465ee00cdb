/// Bad input: the run stops with exit code 3 and this message. Always names the file and where in it.
///
/// The description has one shape for every location, compiler-style so editors and `grep` can jump to it:
///
///     file: message                                  .none
///     file:LINE: message                             .line
///     file:LINE: message (row N)                     .row        (N = data row, header excluded)
///     file:LINE: $.path: message                     .jsonPath   (without a line: `file: $.path: message`)
///     file:LINE: column "X": message (row N)         .column     (line and row only when known)
///     book.xlsx[Sheet]!D17: column "X": message (row N)   .cell   (a sheet's cell; column and row only when known)
///
/// followed by `; expected …` whenever `expected` is set.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Location: Sendable, Equatable {
        case none, line(Int), row(Int, line: Int), jsonPath(String, line: Int?), column(String, row: Int?, line: Int?)
        /// A cell of a workbook sheet, in A1 notation (`D17`); `file` then names the sheet too (`book.xlsx[证书]`).
        /// `column` is the header of the cell's column, `row` the data row (header excluded), when known.
        case cell(String, column: String?, row: Int?)
    }
    public let file: String
    public let location: Location
    public let message: String      // what is wrong
    public let expected: String?    // what was expected

    /// A problem in `file` at `location`: what is wrong, and what was expected.
    public init(file: String, location: Location = .none, message: String, expected: String? = nil) {
        self.file = file
        self.location = location
        self.message = message
        self.expected = expected
    }

    /// e.g. `enterprises.csv:12: malformed USCC "123" (row 11); expected 18 characters from 0-9A-HJ-NP-RTUW-Y`
    public var description: String {
        // An empty file name would produce a bare ":12:", which reads like a broken message.
        let name = file.isEmpty ? "<input>" : file
        var text: String
        switch location {
        case .none:
            text = "\(name): \(message)"
        case .line(let line):
            text = "\(name):\(line): \(message)"
        case .row(let row, let line):
            text = "\(name):\(line): \(message) (row \(row))"
        case .jsonPath(let path, let line):
            text = "\(Self.prefix(name, line)) \(Self.jsonPathText(path)): \(message)"
        case .column(let column, let row, let line):
            text = "\(Self.prefix(name, line)) column \"\(column)\": \(message)"
            if let row { text += " (row \(row))" }
        case .cell(let reference, let column, let row):
            text = "\(name)!\(reference):"
            if let column { text += " column \"\(column)\":" }
            text += " \(message)"
            if let row { text += " (row \(row))" }
        }
        if let expected, !expected.isEmpty { text += "; expected \(expected)" }
        return text
    }

    private static func prefix(_ name: String, _ line: Int?) -> String {
        guard let line else { return "\(name):" }
        return "\(name):\(line):"
    }

    /// Callers may pass `$.a.b`, `a.b` or `[3].a`; the message always shows a JSONPath rooted at `$`,
    /// so evaluators see one notation whatever the caller's habit.
    private static func jsonPathText(_ path: String) -> String {
        if path.isEmpty { return "$" }
        if path.hasPrefix("$") { return path }
        if path.hasPrefix("[") { return "$" + path }
        return "$." + path
    }
}

/// Several bad-input errors found in one pass (validators report every problem, not only the first).
public struct InputErrors: Error, Sendable, Equatable, CustomStringConvertible {
    public let errors: [InputError]
    /// Several problems, reported together.
    public init(_ errors: [InputError]) { self.errors = errors }
    /// One error per line, in the order they were found.
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
