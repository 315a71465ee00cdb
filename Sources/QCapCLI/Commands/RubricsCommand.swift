import Foundation
import QCapCore
import QCapReports

/// `qcap rubrics list|show|validate|import|docs`: what rubrics exist, what they say, whether a rubric file is right,
/// a rubric from an indicator spreadsheet, and the generated rubric reference.
enum RubricsCommand {
    static var spec: CommandSpec {
        CommandSpec("rubrics", summary: "List, show, validate, import and document rubrics.", subcommands: [
            CommandSpec("list", summary: "List the registered rubrics.", options: [
                .value("format", valueName: "FORMAT", help: "Output format.", allowedValues: ["table", "json"], defaultValue: "table"),
            ]),
            CommandSpec("show", summary: "Show a rubric: levels, grading rule, parameters, criteria and provenance, in both languages.",
                        options: [.value("format", valueName: "FORMAT", help: "Output format (json prints the rubric file).",
                                         allowedValues: ["text", "json"], defaultValue: "text"),
                                  CommandTree.languageOption],
                        positionals: [.required("ID", help: "The rubric id (see `qcap rubrics list`).")]),
            CommandSpec("validate", summary: "Validate rubric files: every problem with file, line and JSON path; runs the examples. Exit 3 on any problem.",
                        positionals: [.variadic("FILE", help: "Rubric JSON files.")],
                        examples: ["qcap rubrics validate my-city-checklist.json"]),
            RubricImportCommand.spec,
            docsSpec,
        ])
    }

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CommandFailure) {
        switch arguments.subcommandPath.dropFirst().first {
        case "list": try list(arguments, context: context)
        case "show": try show(arguments, context: context)
        case "validate": try validate(arguments, context: context)
        case "import": try RubricImportCommand.run(arguments, context: context)
        case "docs": try docs(arguments, context: context)
        default: throw .usage("unknown rubrics command")
        }
    }

    static func list(_ arguments: ParsedArguments, context: CommandContext) throws(CommandFailure) {
        let rubrics = context.rubrics.map(\.descriptor).sorted { $0.id < $1.id }
        let output = try OutputTarget.standardOutput()
        if arguments.value("format") == "json" {
            let items: [JSONValue] = rubrics.map {
                ["id": .string($0.id), "version": .string($0.version), "title": ["zh": .string($0.title.zh), "en": .string($0.title.en)],
                 "criteria": .number(Double($0.leafCount))]
            }
            try output.write(JSONWriter.write(.array(items), style: .pretty) + "\n")
            try output.commit()
            return
        }
        let idWidth = max(4, rubrics.map { DisplayWidth.of($0.id) }.max() ?? 0)
        try output.write(DisplayWidth.pad("id", to: idWidth) + "  version  criteria  title\n")
        for rubric in rubrics {
            try output.write(DisplayWidth.pad(rubric.id, to: idWidth) + "  " + DisplayWidth.pad(rubric.version, to: 7) + "  "
                             + DisplayWidth.pad(String(rubric.leafCount), to: 8, alignment: .right) + "  \(rubric.title.zh) / \(rubric.title.en)\n")
        }
        try output.commit()
    }

    static func show(_ arguments: ParsedArguments, context: CommandContext) throws(CommandFailure) {
        let id = arguments.positional("ID") ?? ""
        guard let rubric = context.rubrics.first(where: { $0.descriptor.id == id }) else {
            throw .usage("unknown rubric '\(id)'; known: \(context.rubrics.map(\.descriptor.id).sorted().joined(separator: ", "))")
        }
        let output = try OutputTarget.standardOutput()
        if arguments.value("format") == "json" {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data: Data
            do { data = try encoder.encode(rubric.descriptor) } catch { throw .internalError("rubric \(id) cannot be encoded: \(error)") }
            try output.write(String(decoding: data, as: UTF8.self) + "\n")
        } else {
            try output.write(RubricText.render(rubric.descriptor, language: Language(rawValue: arguments.value("lang") ?? "zh") ?? .zh))
        }
        try output.commit()
    }

    static func validate(_ arguments: ParsedArguments, context: CommandContext) throws(CommandFailure) {
        var problems: [InputError] = []
        let output = try OutputTarget.standardOutput()
        for path in arguments.positionals("FILE") {
            let url = context.url(path)
            guard let data = try? Data(contentsOf: url) else {
                problems.append(InputError(file: path, message: "file not found"))
                continue
            }
            // A module rubric's examples need the module's probes: take them from the registered module.
            var probes: [Probe]? = []
            if let module = RubricFileModule.name(in: data) {
                let fromModule = context.rubrics.filter { $0.descriptor.module == module }
                probes = fromModule.isEmpty ? nil : fromModule.flatMap(\.probes)
            }
            do {
                let descriptor = try RubricLoader.load(data: data, file: path, probes: probes)
                let lines = try? RubricLoader.decode(data: data, file: path).1
                if let conflict = FactPrefixes.conflict(of: descriptor, with: context.rubrics.map(\.descriptor), file: path, lines: lines) {
                    problems.append(conflict)
                    continue
                }
                let examples = descriptor.allCriteria().reduce(0) { $0 + ($1.criterion.examples?.count ?? 0) }
                try output.write("ok  \(path): \(descriptor.id) \(descriptor.version), \(descriptor.leafCount) criteria, \(examples) examples passed"
                                 + (probes == nil ? " (module \(descriptor.module ?? "") is not built in: probe examples not run)" : "") + "\n")
            } catch let error as InputErrors {
                problems += error.errors
            } catch let error as CommandFailure {
                throw error
            } catch {
                throw .internalError("\(error)")
            }
        }
        try output.commit()
        if !problems.isEmpty { throw .input(InputErrors(problems)) }
    }
}

/// Reads the `"module"` of a rubric file without decoding the rest.
enum RubricFileModule {
    static func name(in data: Data) -> String? {
        guard let value = try? JSONParser.parse(data) else { return nil }
        return value["module"]?.stringValue
    }
}
