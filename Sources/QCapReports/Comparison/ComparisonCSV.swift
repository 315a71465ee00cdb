import QCapCore

/// `qcap compare --format csv`: the matrix, one row per enterprise and a group of columns per rubric, for Excel
/// (UTF-8 with BOM, CRLF, RFC 4180 quoting, formula injection neutralised; see `CSVWriter`).
public struct ComparisonCSV {
    public let language: Language
    public init(language: Language = .zh) { self.language = language }

    public func render(_ comparison: Comparison) -> String {
        let text = ComparisonText(language: language)
        var writer = CSVWriter()
        var header = [text.t("统一社会信用代码", "USCC"), text.t("企业名称", "Name"), text.t("行政区划", "Region"),
                      text.t("行业代码", "Industry"), text.t("规模", "Size")]
        let baseline = comparison.baselinePeriod != nil
        for column in comparison.columns {
            let id = column.id
            header += ["\(id) " + text.t("得分", "score"), "\(id) " + text.t("等级", "level"), "\(id) " + text.t("等级序号", "level rank"),
                       "\(id) " + text.t("名次", "rank"), "\(id) " + text.t("覆盖率", "coverage"), "\(id) " + text.t("标杆差距", "benchmark gap")]
            if baseline {
                header += ["\(id) " + text.t("基期得分", "baseline score"), "\(id) " + text.t("得分变化", "score change"),
                           "\(id) " + text.t("等级变化", "level change"), "\(id) " + text.t("不可比原因", "not comparable because")]
            }
        }
        writer.writeRow(header)
        for row in comparison.rows {
            var fields = [row.enterprise.id, row.enterprise.name, row.enterprise.region, row.enterprise.industry, row.enterprise.size]
            for cell in row.cells {
                guard let cell else {
                    fields += Array(repeating: "", count: baseline ? 10 : 6)
                    continue
                }
                fields += [number(cell.score), cell.level?.name.text(language) ?? "", cell.level.map { String($0.rank) } ?? "",
                           cell.rank.map(String.init) ?? "", number(cell.coverage), number(cell.benchmarkGap)]
                if baseline {
                    let change = cell.change
                    fields += [number(change?.baselineScore), number(change?.scoreDelta), change?.levelDelta.map(String.init) ?? "",
                               change.map { $0.comparable ? "" : text.reasons($0.reasons ?? []) } ?? ""]
                }
            }
            writer.writeRow(fields)
        }
        return writer.text
    }

    /// Plain decimals (no thousands separators, "." as the point), empty when unknown.
    private func number(_ value: Double?) -> String {
        guard let value else { return "" }
        let text = AssessmentTable.fixed(value, 6)
        var trimmed = Substring(text)
        while trimmed.hasSuffix("0") { trimmed = trimmed.dropLast() }
        if trimmed.hasSuffix(".") { trimmed = trimmed.dropLast() }
        return trimmed == "-0" ? "0" : String(trimmed)
    }
}
