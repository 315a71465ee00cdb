import Foundation
import QCapCore

/// The files a run of a workspace reads, and the SHA-256 over them that the result store records with each run, so
/// an evaluator can tell whether two runs saw the same inputs.
public enum WorkspaceInputs {
    /// qcap.json, the roster, every evidence source (a folder: every file in it, hidden ones excepted), the waiver
    /// file, the workspace's data rubrics and any extra rubric files; sorted by path, each once.
    public static func files(of workspace: Workspace, extraRubricFiles: [URL] = []) -> [(path: String, url: URL)] {
        let root = workspace.root
        let config = workspace.config
        var files: [String: URL] = [:]
        func add(_ relative: String) {
            let url = root.appending(path: relative)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { return }
            if isFolder.boolValue {
                for file in filesInFolder(url) { files[relative + "/" + file] = url.appending(path: file) }
            } else {
                files[relative] = url
            }
        }
        add(WorkspaceConfig.fileName)
        add(config.roster)
        for source in config.sources { add(source.path) }
        if let waivers = config.waivers { add(waivers) }
        add("rubrics")
        for file in config.rubricFiles { add(file) }
        for url in extraRubricFiles { files[url.path] = url }
        return files.sorted { $0.key < $1.key }.map { (path: $0.key, url: $0.value) }
    }

    /// SHA-256 over each file's relative path, size and content digest, in path order (lowercase hex).
    public static func hash(of workspace: Workspace, extraRubricFiles: [URL] = []) -> String {
        var digest = SHA256()
        for (path, url) in files(of: workspace, extraRubricFiles: extraRubricFiles) {
            digest.update(string: path)
            digest.update([0])
            guard let handle = try? FileHandle(forReadingFrom: url) else {
                digest.update(string: "unreadable")
                digest.update([0])
                continue
            }
            defer { try? handle.close() }
            var size = 0
            var contents = SHA256()
            while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                contents.update(data: chunk)
                size += chunk.count
            }
            digest.update(string: "\(size)")
            digest.update([0])
            digest.update(contents.finalize())
        }
        return digest.hexDigest()
    }

    static func filesInFolder(_ folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey],
                                                              options: [.skipsHiddenFiles]) else { return [] }
        var names: [String] = []
        let base = folder.standardizedFileURL.path
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(base + "/") else { continue }
            names.append(String(path.dropFirst(base.count + 1)))
        }
        return names.sorted()
    }
}
