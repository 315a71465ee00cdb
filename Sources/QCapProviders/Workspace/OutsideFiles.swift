import Foundation
import QCapCore

/// The inputs qcap.json names that lie outside the workspace: given by an absolute path (the only way a relative
/// path may not leave the workspace, see `WorkspaceConfig`), or reached through a symbolic link.
///
/// A workspace may come from someone else, and its qcap.json could name any readable file (`/etc/passwd`, a private
/// key) as a roster or evidence. Messages about such files therefore never quote their content: an error keeps its
/// file, line and row (and what was expected), and its message is replaced. Errors about the file as a whole (not
/// found, empty, not text) quote nothing and are kept.
public struct OutsideFiles: Sendable {
    /// The outside inputs as messages show them (their absolute path, or the workspace-relative one).
    let shown: [String]

    public init(root: URL, config: WorkspaceConfig) {
        let inputs = WorkspaceInputs.inputs(root: root, config: config)
        shown = inputs.filter { !RealPath.isInside($0.url.path, root: root.path) }.map(\.shown)
    }

    var isEmpty: Bool { shown.isEmpty }

    func contains(_ file: String) -> Bool {
        shown.contains { file == $0 || file.hasPrefix($0 + "/") }
    }

    public func redact(_ errors: [InputError]) -> [InputError] {
        errors.map(redact)
    }

    func redact(_ error: InputError) -> InputError {
        guard contains(error.file) else { return error }
        let location: InputError.Location
        switch error.location {
        case .none: return error
        case .line(let line): location = .line(line)
        case .row(let row, let line): location = .row(row, line: line)
        case .jsonPath(_, let line): location = line.map { .line($0) } ?? .none
        case .column(_, let row, let line):
            if let row, let line { location = .row(row, line: line) } else { location = line.map { .line($0) } ?? .none }
        case .cell(let reference, _, let row): location = .cell(reference, column: nil, row: row)
        }
        return InputError(file: error.file, location: location,
                          message: "not in the expected form (details not shown: they would quote a file outside the workspace)",
                          expected: error.expected)
    }
}

/// An evidence source whose file lies outside the workspace: errors found while reading an enterprise's evidence
/// (bulk files are parsed lazily) are redacted like those found when it was opened.
struct RedactingEvidenceSource: EvidenceSource {
    let base: any EvidenceSource
    let outside: OutsideFiles

    var providerID: String { base.providerID }
    var enterprises: [EnterpriseMention] { base.enterprises }

    func facts(for enterprise: Enterprise) throws(InputErrors) -> [Fact] {
        do {
            return try base.facts(for: enterprise)
        } catch {
            throw InputErrors(outside.redact(error.errors))
        }
    }
}
