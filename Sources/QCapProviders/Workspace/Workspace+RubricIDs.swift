import Foundation
import QCapCore

extension Workspace {
    /// The ids of every rubric a run of this workspace could use: the registered ones and the `"id"` of each data
    /// rubric file (`rubrics/*.json`, `rubricFiles`, `extraRubricFiles`), read without validating the files.
    ///
    /// Cheap (qcap.json and the small rubric files only), so a command checks `--rubric` against it before opening
    /// the workspace and answers a typo with "did you mean" instead of a message about qcap.json. Unreadable files
    /// are skipped here; opening the workspace reports them.
    public static func rubricIDs(root: URL, config: WorkspaceConfig, extraRubricFiles: [URL] = [], registered: [any Rubric]) -> [String] {
        var ids = registered.map(\.descriptor.id)
        var files: [URL] = []
        let folder = root.appending(path: "rubrics")
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() where name.hasSuffix(".json") {
            files.append(folder.appending(path: name))
        }
        files += config.rubricFiles.map { WorkspaceConfig.url($0, root: root) } + extraRubricFiles
        for file in files {
            guard let data = try? Data(contentsOf: file), let id = (try? JSONParser.parse(data))?["id"]?.stringValue else { continue }
            if !ids.contains(id) { ids.append(id) }
        }
        return ids
    }
}
