import Foundation
import QCapCore

/// Renders an `EnterpriseHistory` as a terminal table, Markdown, CSV or the `qcap.history/v1` JSON.
public struct HistoryRenderer {
    public let language: Language
    public init(language: Language = .zh) { self.language = language }

    private var text: ComparisonText { ComparisonText(language: language) }

    private func header() -> [String] {
        [text.t("运行", "Run"), text.t("入库时间", "Stored"), text.t("期间", "Period"), text.t("基准日", "As of"), text.t("评价规则", "Rubric"),
         text.t("版本", "Version"), text.t("得分", "Score"), text.t("等级", "Level"), text.t("得分变化", "Score change"),
         text.t("等级变化", "Level change"), text.t("说明", "Note")]
    }

    private func rows(_ history: EnterpriseHistory) -> [[String]] {
        history.runs.flatMap { run in
            run.results.map { result in
                let change = result.change
                let note: String
                if let change, !change.comparable {
                    note = text.t("与第 \(change.previousRunId) 次运行不可比：", "not comparable with run \(change.previousRunId): ") + text.reasons(change.reasons ?? [])
                } else if change == nil {
                    note = text.t("首次评价", "first assessment")
                } else {
                    note = ""
                }
                return [String(run.id), run.created, run.period, run.asOf.description, result.title.text(language), result.version,
                        text.score(result.score), result.level.map { text.level($0) } ?? result.verdict?.text(language) ?? text.level(nil),
                        change?.comparable == true ? text.signed(change?.scoreDelta) : "—",
                        change?.comparable == true ? text.levelChange(change?.levelDelta) : "—", note]
            }
        }
    }

    private func title(_ history: EnterpriseHistory) -> String {
        text.t("评价历史：\(history.enterprise.name)（\(history.enterprise.id)）", "History: \(history.enterprise.name) (\(history.enterprise.id))")
    }

    public func table(_ history: EnterpriseHistory) -> String {
        let all = [header()] + rows(history)
        let count = all.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: count)
        for row in all { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], DisplayWidth.of(cell)) } }
        let numeric: Set<Int> = [0, 6, 8]
        var out = title(history) + "\n\n"
        for (index, row) in all.enumerated() {
            var line = row.enumerated().map { column, cell in
                DisplayWidth.pad(cell, to: widths[column], alignment: numeric.contains(column) ? .right : .left)
            }.joined(separator: "  ")
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
            if index == 0 { out += String(repeating: "─", count: DisplayWidth.of(line)) + "\n" }
        }
        out += "\n" + text.t("\(history.runs.count) 次运行。变化与同一评价规则的上一次运行相比；规则版本、内容、模型或剪裁不同的结果不计算变化。",
                             "\(history.runs.count) run(s). Changes are against the previous run of the same rubric; none is computed between results of a different rubric version, content, model or tailoring.") + "\n"
        return out
    }

    public func markdown(_ history: EnterpriseHistory) -> String {
        "# \(Markdown.escape(title(history)))\n\n" + Markdown.table(header(), rows(history), numeric: [0, 6, 8])
    }

    public func csv(_ history: EnterpriseHistory) -> String {
        var writer = CSVWriter()
        writer.writeRow([text.t("统一社会信用代码", "USCC")] + header())
        for row in rows(history) {
            // Plain signed numbers stay numbers in Excel; "—" becomes an empty cell.
            writer.writeRow([history.enterprise.id] + row.map { $0 == "—" ? "" : $0 })
        }
        return writer.text
    }

    public static func json(_ history: EnterpriseHistory) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(history), as: UTF8.self) + "\n"
        } catch {
            return "{\"error\":\"cannot encode the history\",\"schema\":\"\(EnterpriseHistory.schemaID)\"}\n"
        }
    }
}
