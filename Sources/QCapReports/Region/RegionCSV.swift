import QCapCore

/// `qcap region --format csv`: one row per group and figure (long format, for a pivot table): the group, the figure
/// id (what `--list` takes), its label, value, unit, and its share with the denominator's id. UTF-8 with a BOM, CRLF,
/// RFC 4180 quoting, formulas neutralised (`CSVWriter`).
public struct RegionCSV {
    public let language: Language
    public init(language: Language = .zh) { self.language = language }

    public func render(_ report: RegionReport) -> String {
        let t = { (zh: String, en: String) in self.language == .zh ? zh : en }
        var writer = CSVWriter()
        writer.writeRow([t("分组", "Group"), t("分组名称", "Group name"), t("指标编号", "Figure"), t("指标", "Label"), t("数值", "Value"),
                         t("单位", "Unit"), t("占比", "Share"), t("占比分母", "Share of")])
        for group in report.groups {
            for figure in report.figures {
                guard let value = group.figures[figure.id] else { continue }
                let denominator = figure.shareOf.flatMap { group.figures[$0] }
                let share = denominator.flatMap { $0 > 0 ? Self.decimal(Double(value) / Double($0)) : nil } ?? ""
                writer.writeRow([group.key, group.name.text(language), figure.id, figure.label.text(language), String(value),
                                 figure.unit, share, figure.shareOf ?? ""])
            }
            for rubric in report.rubrics {
                guard let mean = group.meanCoverage[rubric.id] else { continue }
                writer.writeRow([group.key, group.name.text(language), "coverage.\(rubric.id).mean",
                                 t("\(rubric.title.zh)：平均证据覆盖率", "\(rubric.title.en): mean coverage"), Self.decimal(mean), "share", "", ""])
            }
        }
        return writer.text
    }

    /// `--list` as CSV: one row per enterprise.
    public func render(_ list: RegionMemberList) -> String {
        var writer = CSVWriter()
        let table = list.table
        writer.writeRow(table.columns.map { $0.title.text(language) })
        for row in table.rows { writer.writeRow(row.map { $0.text(language) }) }
        return writer.text
    }

    static func decimal(_ value: Double) -> String {
        var text = Substring(AssessmentTable.fixed(CohortStatistics.round(value), 6))
        while text.hasSuffix("0") { text = text.dropLast() }
        if text.hasSuffix(".") { text = text.dropLast() }
        return String(text)
    }
}
