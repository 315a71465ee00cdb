import Foundation
import QCapCore

/// Reads an official points table (for the excellence rubric: GB/Z 19579-2012 Annex A, 评分条款分值表) into the
/// tailoring that gives a rubric's items those points (`qcap rubrics import TABLE.csv --points RUBRIC`).
///
/// One row per item: its number (`4.2.2`, or `4.2.2 战略制定`), optionally its name, and its points. A row for a
/// category (`4.2 战略 90`) is checked against the sum of its items; a row without points (a 提要) is skipped. The
/// name, when given, must be the item's: a table numbered differently from the rubric stops here instead of putting
/// points on the wrong items. In a points rubric the items must add up to the rubric's total.
public enum PointsTableImporter {
    static let columns: [ColumnSpec] = [
        ColumnSpec(key: "item", aliases: ["条目", "条目编号", "评分条目", "评分条款", "条款", "编号", "序号", "Item", "Item number"]),
        ColumnSpec(key: "name", aliases: ["条目名称", "名称", "评分项目", "项目", "Item name", "Name"], required: false),
        ColumnSpec(key: "points", aliases: ["分值", "分数", "满分", "Points"]),
    ]

    /// `{"<rubric id>": {"weights": {"<item>": points, …}}}`, to place under `"tailoring"` in qcap.json.
    public static func tailoring(from table: Table, descriptor: RubricDescriptor) throws(InputErrors) -> JSONValue {
        let map: HeaderMap
        do { map = try HeaderMap(table: table, columns: columns) } catch { throw InputErrors([error]) }
        var errors: [InputError] = []
        var points: [String: Double] = [:]
        var firstRow: [String: Int] = [:]
        var categoryRows: [(criterion: Criterion, points: Double, row: TableRow)] = []
        for row in table.rows {
            guard let cell = map.value("item", in: row) else {
                errors.append(map.error("item", in: row, message: "the row names no item"))
                continue
            }
            let (number, inlineName) = split(cell)
            let text = map.value("points", in: row)
            guard let criterion = descriptor.criterion(number) else {
                // A 提要 (summary) row and a total row carry no item's points; any other unknown item is an error.
                let name = map.value("name", in: row) ?? inlineName ?? ""
                if text == nil || text.map(isNoPoints) == true || name.contains("提要") || totals.contains(number) { continue }
                errors.append(map.error("item", in: row, message: "item \(number) is not a criterion of rubric \(descriptor.id)",
                                        expected: "an item id of `qcap rubrics show \(descriptor.id)`"))
                continue
            }
            if let name = map.value("name", in: row) ?? inlineName, !sameName(name, criterion.title.zh) {
                errors.append(map.error(map.value("name", in: row) == nil ? "item" : "name", in: row,
                                        message: "item \(number) is \(criterion.title.zh) in rubric \(descriptor.id), but the table names it \(name): is the table numbered differently?",
                                        expected: "the item's name, or no name"))
                continue
            }
            guard let text else {
                if criterion.isLeaf { errors.append(map.error("points", in: row, message: "item \(number) has no points")) }
                continue
            }
            guard let value = RubricTableImporter.number(text), value >= 0 else {
                errors.append(map.error("points", in: row, message: "points \"\(text)\" are not a number ≥ 0"))
                continue
            }
            if let first = firstRow[criterion.id] {
                errors.append(map.error("item", in: row, message: "item \(criterion.id) repeats row \(first)"))
                continue
            }
            firstRow[criterion.id] = row.number
            if criterion.isLeaf { points[criterion.id] = value } else { categoryRows.append((criterion, value, row)) }
        }
        func leafPoints(_ criterion: Criterion) -> Double {
            guard let children = criterion.children, !children.isEmpty else { return points[criterion.id] ?? criterion.effectiveWeight }
            return children.reduce(0) { $0 + leafPoints($1) }
        }
        for category in categoryRows {
            let sum = leafPoints(category.criterion)
            if abs(sum - category.points) > 1e-9 {
                errors.append(map.error("points", in: category.row,
                                        message: "category \(category.criterion.id) has \(category.points.formatted) points, but its items add up to \(sum.formatted)"))
            }
        }
        if errors.isEmpty, descriptor.scoring.model == .points, let total = descriptor.scoring.maxPoints {
            let sum = descriptor.criteria.reduce(0) { $0 + leafPoints($1) }
            if abs(sum - total) > 1e-9 {
                let missing = descriptor.allCriteria().map(\.criterion).filter { $0.isLeaf && points[$0.id] == nil }.map(\.id)
                errors.append(InputError(file: table.file, message: "the items add up to \(sum.formatted) points, not the rubric's \(total.formatted)"
                                         + (missing.isEmpty ? "" : " (items not in the table keep their points: \(missing.joined(separator: ", ")))")))
            }
        }
        if points.isEmpty && errors.isEmpty {
            errors.append(InputError(file: table.file, message: "the table gives no item's points"))
        }
        guard errors.isEmpty else { throw InputErrors(errors) }
        let order = descriptor.allCriteria().map(\.criterion.id)
        let weights = order.compactMap { id in points[id].map { (id, JSONValue.number($0)) } }
        return .object(JSONObject([(descriptor.id, .object(JSONObject([("weights", .object(JSONObject(weights)))])))]))
    }

    /// `4.2.2 战略制定` → ("4.2.2", "战略制定"); `4.2.2` → ("4.2.2", nil).
    static func split(_ cell: String) -> (number: String, name: String?) {
        let parts = cell.split(maxSplits: 1, whereSeparator: { $0 == " " || $0 == "\u{3000}" || $0 == "\t" })
        guard parts.count == 2 else { return (cell, nil) }
        let name = String(parts[1]).trimmedWhitespace
        return (String(parts[0]), name.isEmpty ? nil : name)
    }

    /// Names match ignoring whitespace, and 与/和 (the standard writes both).
    static func sameName(_ a: String, _ b: String) -> Bool {
        func normal(_ text: String) -> String {
            String(text.filter { !$0.isWhitespace }.map { $0 == "与" ? "和" : $0 })
        }
        return normal(a) == normal(b)
    }

    static let totals: Set<String> = ["合计", "总计", "总分", "Total"]

    static func isNoPoints(_ text: String) -> Bool {
        ["-", "—", "–", "/", "无"].contains(text)
    }
}
