import Foundation

/// `qcap-dev new-rubric NAME [--id ID]`: scaffolds a rubric module, registers it in Package.swift and regenerates the
/// registry. `swift package new-rubric NAME` (the NewRubric command plugin) runs this.
enum NewRubricCommand {
    static var spec: CommandSpec {
        CommandSpec("new-rubric", summary: "Scaffold a rubric module: Sources/NAME, Tests/NAMETests and rubrics/<id>.json; register it.",
                    discussion: "The scaffold builds and passes its tests as written: one criterion scored by a rule, one by a Swift probe, each with examples. Then edit rubrics/<id>.json and the probe.",
                    options: [
                        .value("id", valueName: "KEBAB-ID", help: "The rubric id (default: NAME in kebab-case, FoodSafety → food-safety)."),
                        RegistryCommand.packagePathOption,
                    ],
                    positionals: [.required("NAME", help: "The module name, an UpperCamelCase identifier (e.g. FoodSafety).")],
                    examples: ["swift run qcap-dev new-rubric FoodSafety",
                               "swift package --allow-writing-to-package-directory new-rubric FoodSafety --id food-safety-2026"])
    }

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CommandFailure) {
        let root = context.url(arguments.value("package-path") ?? ".")
        let scaffold = RubricScaffold(name: arguments.positional("NAME") ?? "", id: arguments.value("id"))
        let manifest = try RegistryCommand.readManifest(root: root)
        let problems = scaffold.problems(declared: manifest.declaredNames(), root: root)
        if !problems.isEmpty { throw .usage(problems.joined(separator: "\n")) }
        let updatedManifest: String
        let registry: String
        do {
            updatedManifest = try manifest.addingRubricModule(scaffold.name)
            registry = RegistrySource.render(modules: try PackageManifest(text: updatedManifest).rubricModules())
        } catch {
            throw .usage(error.description)
        }
        for file in scaffold.files {
            try RegistryCommand.write(file.contents, to: root.appending(path: file.path))
            print("created \(file.path)")
        }
        try RegistryCommand.write(updatedManifest, to: root.appending(path: "Package.swift"))
        print("added \"\(scaffold.name)\" to rubricModules in Package.swift")
        try RegistryCommand.write(registry, to: root.appending(path: RegistrySource.path))
        print("regenerated \(RegistrySource.path)")
        print("""

        Next:
          swift build && swift test --filter \(scaffold.name)
          edit rubrics/\(scaffold.id).json (qcap rubrics validate checks it) and Sources/\(scaffold.name)/Probes/
          swift run qcap rubrics docs    # the rubric reference in docs/rubrics/
        """)
    }
}
