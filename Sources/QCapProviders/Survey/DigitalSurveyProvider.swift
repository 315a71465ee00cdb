import Foundation
import QCapCore

/// Digital-maturity and quality-management-digitalization surveys: one wide table (CSV or a workbook sheet; one row
/// per enterprise, one column per requirement) or per-enterprise JSON files (see docs/evidence-formats.md, "Digital surveys").
///
/// Columns may be named by fact key, criterion id or Chinese name with a level (`SurveyColumnResolver`); a column
/// that names no known requirement is bad input with its header line and column, since a silently ignored column
/// would turn answers into missing evidence. Cells are converted as spreadsheets write them (`SurveyValueReader`).
///
/// Source options in `qcap.json`: `prefixes` (fact prefixes tried for bare criterion ids, default `["dm", "qmd"]`),
/// `ignoreColumns` (extra columns to skip, such as a contact person), `source` (`survey` by default; `self` or `onsite`),
/// `sheet` (a workbook's sheet; read by `TableReader`).
public struct DigitalSurveyProvider: DataProvider {
    public init() {}

    public var id: String { "digital-survey" }
    public var title: LocalizedText {
        LocalizedText(zh: "数字化成熟度与质量管理数字化调查（宽表 CSV 或逐企业 JSON）",
                      en: "Digital-maturity and QM-digitalization surveys (wide CSV or per-enterprise JSON)")
    }
    public var supplies: [FactSpec] {
        [FactSpec(key: "dm.<sub-domain>.L<level>", type: "answer",
                  description: LocalizedText(zh: "数字化成熟度各子域各级要求的满足程度", en: "fulfilment of each digital-maturity requirement")),
         FactSpec(key: "qmd.<scenario>.L<level>", type: "answer",
                  description: LocalizedText(zh: "质量管理数字化各场景各级要求的满足程度", en: "fulfilment of each QM-digitalization requirement")),
         FactSpec(key: "qmd.PR.spcShare, qmd.QA.autoCaptureShare, qmd.QA.traceDepth", type: "number",
                  description: LocalizedText(zh: "计算型指标：SPC 覆盖率、检验数据自动采集率（0–1 或百分数）、追溯深度（BOM 层级数）",
                                             en: "computed indicators: SPC coverage, automatic capture share (0–1 or a percentage), traceability depth (BOM levels)")),
         FactSpec(key: "dm.profile.*, qmd.profile.*", type: "text/bool",
                  description: LocalizedText(zh: "企业画像：生产类型、自营物流、产品服务、设计职责", en: "profile: process type, own logistics, product services, design responsibility"))]
    }

    public func open(_ source: SourceReference, context: ProviderContext) throws(InputErrors) -> any EvidenceSource {
        let options = try Options(source.options, file: source.displayPath)
        let resolver = SurveyColumnResolver(catalog: context.catalog, prefixes: options.prefixes)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source.url.path, isDirectory: &isDirectory) else {
            throw InputErrors([InputError(file: source.displayPath, message: "survey file or folder not found",
                                          expected: "a wide CSV file or a folder of survey JSON files")])
        }
        let reader = SurveyReader(provider: id, resolver: resolver, catalog: context.catalog, options: options)
        let table: SurveyReader.Collected
        if isDirectory.boolValue {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: source.url.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
            table = try reader.readJSON(names.map { (source.url.appending(path: $0), source.displayPath + "/" + $0) })
        } else if source.url.pathExtension.lowercased() == "json" {
            table = try reader.readJSON([(source.url, source.displayPath)])
        } else {
            table = try reader.readTable(source)
        }
        return InMemoryEvidenceSource(providerID: id, enterprises: table.order, facts: table.facts)
    }

    struct Options {
        var prefixes = ["dm", "qmd"]
        var ignored: Set<String> = []
        var source = Provenance.Source.survey

        init(_ options: [String: JSONValue], file: String) throws(InputErrors) {
            var errors: [InputError] = []
            for (key, value) in options.sorted(by: { $0.key < $1.key }) {
                let path = "$.sources[].\(key)"
                switch key {
                case "prefixes", "prefix":
                    let list = value.arrayValue?.compactMap(\.stringValue) ?? value.stringValue.map { [$0] } ?? []
                    if list.isEmpty { errors.append(InputError(file: file, location: .jsonPath(path, line: nil), message: "expected fact prefixes", expected: "[\"dm\", \"qmd\"]")) }
                    prefixes = list
                case "ignoreColumns":
                    guard let list = value.arrayValue?.compactMap(\.stringValue) else {
                        errors.append(InputError(file: file, location: .jsonPath(path, line: nil), message: "expected a list of column headers", expected: "[\"联系人\", \"电话\"]"))
                        continue
                    }
                    ignored = Set(list.map(HeaderMap.normalize))
                case "source":
                    guard let text = value.stringValue, let parsed = Provenance.Source(rawValue: text), parsed != .roster else {
                        errors.append(InputError(file: file, location: .jsonPath(path, line: nil), message: "unknown source \(JSONWriter.write(value))", expected: "survey, self or onsite"))
                        continue
                    }
                    source = parsed
                case TableReader.sheetOption:
                    continue
                default:
                    errors.append(InputError(file: file, location: .jsonPath(path, line: nil), message: "unknown option '\(key)'", expected: "prefixes, ignoreColumns, source or sheet"))
                }
            }
            if !errors.isEmpty { throw InputErrors(errors) }
        }
    }
}
