import Foundation
import PackagePlugin

/// Build-tool plugin applied by every rubric module: validates the module's rubric JSON at build time and embeds it
/// as Swift source, so a broken rubric fails the build with file:line diagnostics and the binary needs no resources.
///
/// A rubric belongs to the module named in its top-level `"module"` key; the plugin picks those files from the
/// package's `rubrics/` folder. The logic lives in the `rubric-compiler` tool, which shares QCapCore's validator with
/// `qcap rubrics validate` (plugins can import only Foundation and PackagePlugin).
@main
struct RubricCompiler: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let rubricsFolder = context.package.directoryURL.appending(path: "rubrics")
        let files = (try? FileManager.default.contentsOfDirectory(at: rubricsFolder, includingPropertiesForKeys: nil)) ?? []
        let mine = files
            .filter { $0.pathExtension == "json" && moduleName(of: $0) == target.name }
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

    /// The `"module"` of a rubric file, or nil when it has none or cannot be read (the tool reports bad JSON).
    private func moduleName(of file: URL) -> String? {
        guard let data = try? Data(contentsOf: file),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return object["module"] as? String
    }
}
