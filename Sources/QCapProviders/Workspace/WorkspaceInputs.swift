import Foundation
import QCapCore

/// The files a run of a workspace reads, and the SHA-256 over them that the result store records with each run, so
/// an evaluator can tell whether two runs saw the same inputs.
public enum WorkspaceInputs {
    /// A file or folder a run reads, as qcap.json (or the command line) names it.
    public struct Input: Sendable {
        public var url: URL
        /// The path as messages show it (under the workspace folder's name, or absolute).
        public var shown: String
        /// What it is to the run: "the roster", "an evidence source (questionnaire)", …
        public var role: String
        /// The path relative to the workspace, when it was given relative (the key of the inputs hash).
        public var relative: String?
    }

    /// Every path a run reads, from qcap.json alone (nothing else is opened): qcap.json, the roster, each evidence
    /// source, the waiver file, the `rubrics` folder, the rubric files, and extra rubric files. Commands protect these
    /// from their `--output` before anything is computed.
    public static func inputs(root: URL, config: WorkspaceConfig, extraRubricFiles: [URL] = []) -> [Input] {
        func input(_ path: String, _ role: String) -> Input {
            Input(url: WorkspaceConfig.url(path, root: root), shown: Workspace.display(root, path), role: role,
                  relative: path.hasPrefix("/") ? nil : path)
        }
        var inputs = [input(WorkspaceConfig.fileName, "the workspace configuration"), input(config.roster, "the roster")]
        for source in config.sources { inputs.append(input(source.path, "the evidence source of provider \(source.provider)")) }
        if let waivers = config.waivers { inputs.append(input(waivers, "the waiver file")) }
        inputs.append(input("rubrics", "the workspace's data rubric folder"))
        for file in config.rubricFiles { inputs.append(input(file, "a data rubric file")) }
        for url in extraRubricFiles { inputs.append(Input(url: url, shown: url.path, role: "a data rubric file (--rubric-file)", relative: nil)) }
        return inputs
    }

    /// qcap.json, the roster, every evidence source (a folder: every file in it, hidden ones excepted), the waiver
    /// file, the workspace's data rubrics and any extra rubric files; sorted by path, each once.
    public static func files(of workspace: Workspace, extraRubricFiles: [URL] = []) -> [(path: String, url: URL)] {
        var files: [String: URL] = [:]
        for input in inputs(root: workspace.root, config: workspace.config, extraRubricFiles: extraRubricFiles) {
            let key = input.relative ?? input.url.path
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input.url.path, isDirectory: &isFolder) else { continue }
            if isFolder.boolValue {
                for file in filesInFolder(input.url) { files[key + "/" + file] = input.url.appending(path: file) }
            } else {
                files[key] = input.url
            }
        }
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
