import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory new-rubric NAME [--id ID]`: a thin wrapper over
/// `qcap-dev new-rubric`, which scaffolds the module, registers it in Package.swift and regenerates the registry.
/// The work is in the tool so that it is testable and shared with `swift run qcap-dev new-rubric`.
@main
struct NewRubric: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let tool = try context.tool(named: "qcap-dev")
        let packageDirectory = context.package.directoryURL
        let process = Process()
        process.executableURL = tool.url
        process.arguments = ["new-rubric"] + arguments + ["--package-path", packageDirectory.path]
        process.currentDirectoryURL = packageDirectory
        try process.run()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            Diagnostics.error("qcap-dev new-rubric failed (exit \(process.terminationStatus))")
            throw NewRubricFailure(status: process.terminationStatus)
        }
    }
}

struct NewRubricFailure: Error, CustomStringConvertible {
    let status: Int32
    var description: String { "qcap-dev new-rubric exited with status \(status)" }
}
