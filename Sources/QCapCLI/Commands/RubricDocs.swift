import Foundation
import QCapCore
import QCapReports

/// The generated rubric reference: `docs/rubrics/<id>.md` per registered rubric and a `README.md` index.
enum RubricDocs {
    static let defaultFolder = "docs/rubrics"
    static let staleMessage = "docs/rubrics is stale: run `swift run qcap rubrics docs`"

    /// File name → contents, for these rubrics.
    static func files(for rubrics: [any Rubric]) -> [String: String] {
        let descriptors = rubrics.map(\.descriptor)
        var files = ["README.md": RubricMarkdown.index(descriptors)]
        for descriptor in descriptors { files[RubricMarkdown.fileName(for: descriptor.id)] = RubricMarkdown.page(descriptor) }
        return files
    }

    /// The generated pages already in `folder` (files that start with the generator's marker), by file name.
    static func existing(in folder: URL) -> [String: String] {
        var found: [String: String] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasSuffix(".md") {
            guard let text = try? String(contentsOf: folder.appending(path: name), encoding: .utf8),
                  text.hasPrefix(RubricMarkdown.marker) else { continue }
            found[name] = text
        }
        return found
    }

    /// What differs between the generated files and the folder: files to write and generated files to delete.
    static func changes(_ wanted: [String: String], in folder: URL) -> (write: [String], delete: [String]) {
        let present = existing(in: folder)
        let write = wanted.keys.filter { present[$0] != wanted[$0] }.sorted()
        let delete = present.keys.filter { wanted[$0] == nil }.sorted()
        return (write, delete)
    }
}

extension RubricsCommand {
    static var docsSpec: CommandSpec {
        CommandSpec("docs", summary: "Generate the rubric reference: docs/rubrics/<id>.md per registered rubric and a README.md index.",
                    discussion: "Criteria, levels, grading rule, parameters, examples and provenance, in both languages. Deterministic: the same rubrics give the same bytes. Only generated pages are ever deleted.",
                    options: [
                        .value("output-dir", valueName: "DIR", help: "Where to write the pages.", defaultValue: RubricDocs.defaultFolder),
                        .flag("check", help: "Write nothing; exit 1 when the folder is stale."),
                    ],
                    examples: ["swift run qcap rubrics docs", "qcap rubrics docs --check"])
    }

    static func docs(_ arguments: ParsedArguments, context: CommandContext) throws(CommandFailure) {
        let shown = arguments.value("output-dir") ?? RubricDocs.defaultFolder
        let folder = context.url(shown)
        let files = RubricDocs.files(for: context.rubrics)
        let (write, delete) = RubricDocs.changes(files, in: folder)
        let output = try OutputTarget.standardOutput()
        if arguments.flag("check") {
            if write.isEmpty && delete.isEmpty {
                try output.write("\(shown) is up to date (\(files.count) pages)\n")
                try output.commit()
                return
            }
            throw .unmet("\(shown) is stale: run `swift run qcap rubrics docs`\n"
                         + (write.map { "  outdated or missing: \($0)" } + delete.map { "  no longer generated: \($0)" }).joined(separator: "\n"))
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for name in write {
                try Data((files[name] ?? "").utf8).write(to: folder.appending(path: name), options: .atomic)
                try output.write("wrote \(shown)/\(name)\n")
            }
            for name in delete {
                try FileManager.default.removeItem(at: folder.appending(path: name))
                try output.write("deleted \(shown)/\(name)\n")
            }
        } catch let error as CommandFailure {
            throw error
        } catch {
            throw .output(path: shown, reason: error.localizedDescription)
        }
        if write.isEmpty && delete.isEmpty { try output.write("\(shown) is up to date (\(files.count) pages)\n") }
        try output.commit()
    }
}
