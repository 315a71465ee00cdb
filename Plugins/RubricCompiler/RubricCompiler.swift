import Foundation
import PackagePlugin

/// Build-tool plugin applied by every rubric module: validates the module's rubric JSON at build time and embeds it
/// as Swift source, so a broken rubric fails the build with file:line diagnostics and the binary needs no resources.
///
/// A rubric belongs to the module named in its top-level `"module"` key; the plugin picks those files from the
/// package's `rubrics/` folder. A file that is not valid JSON names no module, so every rubric module's command gets
/// it: the tool then fails the build with `rubrics/x.json:LINE: error: …` instead of the file silently dropping out
/// (and the build failing later on a missing `EmbeddedRubrics` member). The logic lives in the `rubric-compiler`
/// tool, which shares QCapCore's parser and validator with `qcap rubrics validate` (plugins can import only
/// Foundation and PackagePlugin).
@main
struct RubricCompiler: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let rubricsFolder = context.package.directoryURL.appending(path: "rubrics")
        let files = (try? FileManager.default.contentsOfDirectory(at: rubricsFolder, includingPropertiesForKeys: nil)) ?? []
        let mine = files
            .filter { file in
                guard file.pathExtension == "json" else { return false }
                switch owner(of: file) {
                case .module(let name): return name == target.name
                case .unreadable: return true
                case .none: return false
                }
            }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedRubrics.swift")
        let tool = try context.tool(named: "rubric-compiler")
        return [
            .buildCommand(
                displayName: "Compiling \(mine.count) rubric(s) for \(target.name)",
                executable: tool.url,
                arguments: ["--module", target.name, "--output", output.path] + mine.map(\.path),
                inputFiles: mine,
                outputFiles: [output])
        ]
    }

    /// Whose rubric a file is.
    private enum Owner {
        /// The module its `"module"` key names.
        case module(String)
        /// A data rubric (no `"module"`), or a JSON file that is no rubric: not embedded.
        case none
        /// Not readable as JSON: every module's tool reports it with its line.
        case unreadable
    }

    private func owner(of file: URL) -> Owner {
        guard let data = try? Data(contentsOf: file),
              let value = try? JSONSerialization.jsonObject(with: data) else { return .unreadable }
        guard let object = value as? [String: Any], let name = object["module"] as? String else { return .none }
        return .module(name)
    }
}
