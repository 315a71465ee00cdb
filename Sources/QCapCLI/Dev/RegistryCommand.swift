import Foundation

/// `qcap-dev registry`: regenerates `Sources/QCapCLI/BuiltInRubrics.swift` from the `rubricModules` of Package.swift.
enum RegistryCommand {
    static let packagePathOption = OptionSpec.value("package-path", valueName: "DIR", help: "The QCap package folder.", defaultValue: ".")

    static var spec: CommandSpec {
        CommandSpec("registry", summary: "Regenerate Sources/QCapCLI/BuiltInRubrics.swift from the rubricModules of Package.swift.",
                    options: [packagePathOption, .flag("check", help: "Only check: exit 1 when the committed file is stale.")],
                    examples: ["swift run qcap-dev registry", "swift run qcap-dev registry --check"])
    }

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CommandFailure) {
        let root = context.url(arguments.value("package-path") ?? ".")
        let source = try render(root: root)
        let file = root.appending(path: RegistrySource.path)
        let current = try? String(contentsOf: file, encoding: .utf8)
        if arguments.flag("check") {
            if current != source { throw .unmet(RegistrySource.staleMessage) }
            print("\(RegistrySource.path) is up to date")
            return
        }
        if current == source {
            print("\(RegistrySource.path) is up to date")
            return
        }
        try write(source, to: file)
        print("wrote \(RegistrySource.path)")
    }

    /// The registry source for the package at `root`.
    static func render(root: URL) throws(CommandFailure) -> String {
        let manifest = try readManifest(root: root)
        do {
            return RegistrySource.render(modules: try manifest.rubricModules())
        } catch {
            throw .usage(error.description)
        }
    }

    static func readManifest(root: URL) throws(CommandFailure) -> PackageManifest {
        let url = root.appending(path: "Package.swift")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw .usage("no Package.swift in \(root.path); run from the QCap package folder or pass --package-path")
        }
        return PackageManifest(text: text)
    }

    static func write(_ text: String, to url: URL) throws(CommandFailure) {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw .usage("cannot write \(url.path): \(error.localizedDescription)")
        }
    }
}
