import Foundation

extension InputError {
    /// The line the problem is on, whatever the kind of location.
    public var line: Int? {
        switch location {
        case .none: return nil
        case .line(let line): return line
        case .row(_, let line): return line
        case .jsonPath(_, let line): return line
        case .column(_, _, let line): return line
        case .cell: return nil
        }
    }

    /// Compiler-style `file:line: error: …`, which SwiftPM and editors show next to the line (used at build time).
    public var diagnostic: String {
        let head = line.map { "\(file):\($0):" } ?? "\(file):"
        var body = description
        if body.hasPrefix(head) { body = String(body.dropFirst(head.count)).trimmedWhitespace }
        return "\(head) error: \(body)"
    }
}
