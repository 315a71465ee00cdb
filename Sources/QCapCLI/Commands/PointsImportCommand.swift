import Foundation
import QCapCore
import QCapProviders

/// `qcap rubrics import TABLE.csv --points RUBRIC`: an official points table (GB/Z 19579-2012 Annex A for
/// excellence) becomes the tailoring that gives the rubric's items those points, for `"tailoring"` in qcap.json.
/// Nothing is written when the table has a problem (exit 3, every problem with its row).
enum PointsImportCommand {
    static func run(_ arguments: ParsedArguments, rubric id: String, context: CommandContext) throws(CommandFailure) {
        guard let rubric = context.rubrics.first(where: { $0.descriptor.id == id }) else {
            throw .usage("unknown rubric '\(id)'; known: \(context.rubrics.map(\.descriptor.id).sorted().joined(separator: ", "))")
        }
        let path = arguments.positional("TABLE") ?? ""
        var protected = ProtectedInputs()
        protected.add(context.url(path), role: "the points table", shown: path)
        let output = try OutputTarget(path: arguments.value("output"), context: context, protected: protected)
        do {
            try write(arguments, context: context, id: id, rubric: rubric, path: path, output: output)
        } catch {
            output.discard()
            throw error
        }
    }

    static func write(_ arguments: ParsedArguments, context: CommandContext, id: String, rubric: any Rubric, path: String,
                      output: OutputTarget) throws(CommandFailure) {
        let table: Table
        do {
            table = try TableReader.read(context.url(path), displayName: path, sheet: arguments.value("sheet"))
        } catch {
            throw .input(InputErrors([error]))
        }
        let tailoring: JSONValue
        do { tailoring = try PointsTableImporter.tailoring(from: table, descriptor: rubric.descriptor) } catch { throw .input(error) }
        try output.write(JSONWriter.write(tailoring, style: .pretty) + "\n")
        try output.commit()
        let items = tailoring[id]?["weights"]?.objectValue?.count ?? 0
        QCapCommand.printError("\(items) item(s) of \(id) from \(table.file) (\(table.format)); put this under \"tailoring\" in qcap.json")
    }
}
