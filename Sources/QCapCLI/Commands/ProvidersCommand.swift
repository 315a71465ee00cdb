import QCapCore

/// `qcap providers list`: the evidence sources a workspace can name in `qcap.json`.
enum ProvidersCommand {
    static let spec = CommandSpec("providers", summary: "List the data providers (evidence sources).", subcommands: [
        CommandSpec("list", summary: "List the data providers.", options: [
            .value("format", valueName: "FORMAT", help: "Output format.", allowedValues: ["table", "json"], defaultValue: "table"),
        ]),
    ])

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CommandFailure) {
        let providers = context.providers.sorted { $0.id < $1.id }
        let output = try OutputTarget.standardOutput()
        if arguments.value("format") == "json" {
            let items: [JSONValue] = providers.map { provider in
                ["id": .string(provider.id), "title": ["zh": .string(provider.title.zh), "en": .string(provider.title.en)],
                 "supplies": .array(provider.supplies.map { ["key": .string($0.key), "type": .string($0.type), "description": .string($0.description.en)] })]
            }
            try output.write(JSONWriter.write(.array(items), style: .pretty) + "\n")
            try output.commit()
            return
        }
        for provider in providers {
            try output.write("\(provider.id)\n    \(provider.title.zh)\n    \(provider.title.en)\n")
            for fact in provider.supplies { try output.write("    supplies \(fact.key) (\(fact.type)): \(fact.description.en)\n") }
        }
        try output.commit()
    }
}
