/// Maps JSON paths (as spelled by ``JSONPath``) to the 1-based line on which
/// each value's first character appears, so validators that work on the
/// parsed ``JSONValue`` can still report `file:line`.
///
/// For an object member the recorded line is that of the member's *value*
/// (normally the same line as its key). When a key occurs more than once in
/// one object, the first occurrence's line is kept.
public struct JSONLineIndex: Sendable, Equatable {
    private let lines: [String: Int]

    public init(lines: [String: Int]) {
        self.lines = lines
    }

    /// Number of recorded paths.
    public var count: Int { lines.count }

    public func line(for path: String) -> Int? {
        lines[path]
    }

    /// The line of `path`, or of its closest recorded ancestor; lets a
    /// message about a missing member point at the object that lacks it.
    public func nearestLine(for path: String) -> Int? {
        var current = path
        while true {
            if let line = lines[current] { return line }
            guard let parent = JSONPath.parent(of: current) else { return nil }
            current = parent
        }
    }
}
