import Foundation
import QCapCore
import QCapProviders

/// `qcap rubrics import TABLE --id ID --scale SCALE`: an evaluator's indicator spreadsheet becomes a rubric file.
///
/// The written file always validates: it is loaded and its examples run before anything is written.
enum RubricImportCommand {
    static var spec: CommandSpec {
        CommandSpec("import", summary: "Turn an indicator spreadsheet (CSV or .xlsx: 维度, 指标编号, 指标名称, 权重, 否决项, one column per level) into a rubric file that validates.",
                    options: [
                        .value("id", valueName: "ID", help: "The new rubric's id (kebab-case)."),
                        .value("scale", valueName: "SCALE", help: "The levels to use: <fact prefix><level count> of a registered rubric (mqc5), or a rubric id."),
                        .value("output", short: "o", valueName: "FILE", help: "Write the rubric here instead of standard output."),
                        .value("title", valueName: "TEXT", help: "The rubric's Chinese title (default: 导入的评价指标表（ID）)."),
                        .value("title-en", valueName: "TEXT", help: "The rubric's English title."),
                        .value("prefix", valueName: "PREFIX", help: "Fact prefix of the evidence keys (default: the id without dashes)."),
                        .value("threshold", valueName: "SHARE", help: "Weighted share a level needs.", defaultValue: "0.8"),
                        .value("sheet", valueName: "NAME", help: "The sheet of an .xlsx workbook to read (default: the first)."),
                        .value("points", valueName: "RUBRIC", help: "Instead: read an official points table (条目, 条目名称, 分值) and write the tailoring that gives RUBRIC's items those points."),
                    ],
                    positionals: [.required("TABLE", help: "The indicator table: CSV (UTF-8 or GB18030) or an .xlsx workbook.")],
                    examples: ["qcap rubrics import 指标表.csv --id zz-mqc-official --scale mqc5 --output rubrics/zz-mqc-official.json",
                               "qcap rubrics import 评分条款分值表.csv --points excellence --output excellence-points.json"])
    }

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CommandFailure) {
        if let rubric = arguments.value("points") { return try PointsImportCommand.run(arguments, rubric: rubric, context: context) }
        guard let id = arguments.value("id"), !id.isEmpty else { throw .usage("rubrics import needs --id ID") }
        guard !id.isEmpty, id.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) else {
            throw .usage("--id '\(id)' is not kebab-case (lower-case letters, digits and '-')")
        }
        guard let scaleName = arguments.value("scale") else { throw .usage("rubrics import needs --scale SCALE (for example mqc5)") }
        let scales = namedScales(context.rubrics)
        guard let scale = scales.first(where: { $0.name == scaleName }) ?? scales.first(where: { $0.origin == scaleName }) else {
            let known = scales.map(\.name).sorted().joined(separator: ", ")
            throw .usage("unknown scale '\(scaleName)'; known: \(known.isEmpty ? "none" : known)")
        }
        guard let threshold = DecimalNumber.parse(arguments.value("threshold") ?? "0.8"), threshold > 0, threshold <= 1 else {
            throw .usage("--threshold must be a share in (0, 1]")
        }
        if let prefix = arguments.value("prefix"), prefix.isEmpty || prefix.contains(" ") || prefix.contains(".") {
            throw .usage("--prefix must be one word without dots")
        }
        let path = arguments.positional("TABLE") ?? ""
        var protected = ProtectedInputs()
        protected.add(context.url(path), role: "the indicator table", shown: path)
        let output = try OutputTarget(path: arguments.value("output"), context: context, protected: protected)
        do {
            try write(arguments, context: context, id: id, scale: scale, threshold: threshold, path: path, output: output)
        } catch {
            output.discard()
            throw error
        }
    }

    static func write(_ arguments: ParsedArguments, context: CommandContext, id: String, scale: NamedScale, threshold: Double,
                      path: String, output: OutputTarget) throws(CommandFailure) {
        let table: Table
        do {
            table = try TableReader.read(context.url(path), displayName: path, sheet: arguments.value("sheet"))
        } catch {
            throw .input(InputErrors([error]))
        }
        var title: LocalizedText?
        if let zh = arguments.value("title") { title = LocalizedText(zh: zh, en: arguments.value("title-en") ?? zh) }
        else if let en = arguments.value("title-en") { title = LocalizedText(zh: en, en: en) }
        let options = RubricTableImporter.Options(id: id, title: title, factPrefix: arguments.value("prefix"), levels: scale.levels,
                                                  scaleName: scale.name, scaleOrigin: "rubric \(scale.origin)", threshold: threshold)
        let rubric: JSONValue
        do { rubric = try RubricTableImporter.rubric(from: table, options: options) } catch { throw .input(error) }
        let text = JSONWriter.write(rubric, style: .pretty) + "\n"
        let outputName = arguments.value("output") ?? "\(id).json"
        do {
            _ = try RubricLoader.load(data: Data(text.utf8), file: outputName, probes: [])
        } catch {
            throw .input(error)
        }
        try output.write(text)
        try output.commit()
        if output.isFile {
            QCapCommand.printError("wrote \(outputName): \(id), \(table.rows.count) indicators on scale \(scale.name) (read \(table.file) as \(table.format))")
        }
    }

    struct NamedScale {
        var name: String
        var origin: String
        var levels: [ScaleLevel]
    }

    /// Each registered rubric with levels lends its scale as `<fact prefix><level count>` (mqc5).
    static func namedScales(_ rubrics: [any Rubric]) -> [NamedScale] {
        rubrics.map(\.descriptor).filter { !$0.levels.isEmpty }.map {
            NamedScale(name: "\($0.factPrefix)\($0.levels.count)", origin: $0.id, levels: $0.levels)
        }
    }
}
