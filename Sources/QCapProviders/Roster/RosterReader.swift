import Foundation
import QCapCore

/// Reads the roster (`enterprises.csv`, or a sheet of a workbook): who is assessed. Headers may be Chinese or English,
/// a CSV file UTF-8, UTF-8 with BOM or GB18030 (as Excel saves it on a Chinese Windows); see `TableReader`.
public enum RosterReader {
    public struct Roster: Sendable {
        public var enterprises: [Enterprise]
        /// Review findings per enterprise id (a USCC whose check character fails).
        public var review: [String: [LocalizedText]]
        /// How the roster was stored (a CSV encoding or a sheet).
        public var format: TableFormat
    }

    static let columns = [
        ColumnSpec(key: "uscc", aliases: ["统一社会信用代码", "社会信用代码", "信用代码", "USCC", "credit code"]),
        ColumnSpec(key: "name", aliases: ["企业名称", "单位名称", "名称", "company", "enterprise"]),
        ColumnSpec(key: "region", aliases: ["行政区划", "行政区划代码", "区划代码", "所在地区", "region code"]),
        ColumnSpec(key: "industry", aliases: ["行业代码", "国民经济行业代码", "所属行业", "industry code"]),
        ColumnSpec(key: "size", aliases: ["规模", "企业规模", "size class"], required: false),
        ColumnSpec(key: "products", aliases: ["主要产品", "主营产品", "产品", "main products"], required: false),
    ]

    public static func read(_ url: URL, displayPath: String, sheet: String? = nil) throws(InputErrors) -> Roster {
        let table: Table
        let header: HeaderMap
        do {
            table = try TableReader.read(url, displayName: displayPath, sheet: sheet)
            header = try HeaderMap(table: table, columns: columns)
        } catch {
            throw InputErrors([error])
        }
        var enterprises: [Enterprise] = []
        var review: [String: [LocalizedText]] = [:]
        var errors: [InputError] = []
        var seen: [String: Int] = [:]
        for row in table.rows {
            let code = (header.value("uscc", in: row) ?? "").uppercased()
            switch USCC.validate(code) {
            case .malformed(let why):
                errors.append(header.error("uscc", in: row, message: "malformed USCC \"\(code)\": \(why)", expected: USCC.expectedForm))
                continue
            case .checkFailed(let expected):
                let cell = header.provenance(provider: "roster", row: row, citing: "uscc", source: .roster).cell.map { "\(table.file)!\($0)" }
                review[code, default: []].append(LocalizedText(
                    zh: "统一社会信用代码 \(code) 校验位不符（按 GB 32100 应为 \(expected)），请核实（\(cell ?? "\(displayPath) 第 \(row.number) 行")）",
                    en: "USCC \(code) fails its check character (GB 32100 gives \(expected)); verify it (\(cell ?? "\(displayPath) row \(row.number)"))"))
            case .valid:
                break
            }
            if let first = seen[code] {
                errors.append(header.error("uscc", in: row, message: "duplicate USCC \(code) (first on row \(first))", expected: "one row per enterprise"))
                continue
            }
            seen[code] = row.number
            // Required cells may not be blank: an enterprise without a region or industry would be stored with "" and
            // silently drop out of every regional or industry comparison.
            let name = header.value("name", in: row)
            let region = header.value("region", in: row)
            let industry = header.value("industry", in: row)
            if name == nil { errors.append(header.error("name", in: row, message: "empty enterprise name", expected: "the enterprise's registered name")) }
            if region == nil {
                errors.append(header.error("region", in: row, message: "empty region", expected: "the GB/T 2260 administrative division code, e.g. 350602"))
            }
            if industry == nil {
                errors.append(header.error("industry", in: row, message: "empty industry", expected: "the GB/T 4754 industry code, e.g. C34"))
            }
            guard let name, let region, let industry else { continue }
            let products = (header.value("products", in: row) ?? "")
                .split(whereSeparator: { "、,;；，/".contains($0) })
                .map { String($0).trimmedWhitespace }
                .filter { !$0.isEmpty }
            enterprises.append(Enterprise(id: code, name: name, region: region, industry: industry.uppercased(),
                                          size: header.value("size", in: row) ?? "", products: products))
        }
        if !errors.isEmpty { throw InputErrors(errors) }
        if enterprises.isEmpty {
            throw InputErrors([InputError(file: table.file, location: table.places.header, message: "the roster has no enterprises",
                                          expected: "one row per enterprise under the header")])
        }
        return Roster(enterprises: enterprises, review: review, format: table.format)
    }
}
