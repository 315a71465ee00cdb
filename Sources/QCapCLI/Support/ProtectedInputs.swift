import Foundation
import QCapProviders

/// The inputs a command reads, which its `--output` must not replace or write into.
struct ProtectedInputs {
    struct Input {
        var url: URL
        /// e.g. "the roster", "an evidence file".
        var role: String
        /// The path as messages show it.
        var shown: String
        var isFolder: Bool
    }

    var inputs: [Input] = []

    /// Every input of a workspace's run (qcap.json, roster, sources, waivers, rubric files); nothing when qcap.json
    /// cannot be read, since the command then stops with that error before it writes anything.
    static func workspace(root: URL, extraRubricFiles: [URL] = []) -> ProtectedInputs {
        var protected = ProtectedInputs()
        protected.add(root.appending(path: WorkspaceConfig.fileName), role: "the workspace configuration", shown: WorkspaceConfig.fileName)
        guard let config = try? WorkspaceConfig.read(root.appending(path: WorkspaceConfig.fileName), displayPath: WorkspaceConfig.fileName) else {
            return protected
        }
        for input in WorkspaceInputs.inputs(root: root, config: config, extraRubricFiles: extraRubricFiles) {
            protected.add(input.url, role: input.role, shown: input.shown)
        }
        return protected
    }

    mutating func add(_ url: URL, role: String, shown: String) {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder)
        inputs.append(Input(url: url, role: role, shown: shown, isFolder: exists && isFolder.boolValue))
    }
}
