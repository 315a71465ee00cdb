import QCapCore

/// The enterprises behind one figure of the region's view (`qcap region --list FIGURE`): each with what it adds to the
/// figure (1 for an enterprise count, its number of certificates for a certificate count) and the detail that put it
/// there (certificate numbers, level before → after). The JSON is `qcap.region-list/v1`.
public struct RegionMemberList: Sendable, Codable {
    public static let schemaID = "qcap.region-list/v1"

    public struct Entry: Sendable, Codable {
        public var enterprise: Comparison.EnterpriseRef
        public var count: Int
        public var detail: LocalizedText
    }

    public var schema = RegionMemberList.schemaID
    public var figure: RegionReport.Figure
    /// `all`, or the group's key.
    public var group: String
    public var groupName: LocalizedText
    public var period: String
    public var asOf: Day
    public var baselinePeriod: String?
    /// The figure's value: the sum of the entries' counts.
    public var value: Int
    /// By USCC.
    public var enterprises: [Entry]

    /// The list as a table every renderer shares: one row per enterprise.
    public var table: RegionTable {
        RegionTable(
            id: "list", title: LocalizedText(zh: "\(figure.label.zh)：\(value)", en: "\(figure.label.en): \(value)"),
            columns: [RegionTable.Column(LocalizedText(zh: "统一社会信用代码", en: "USCC")),
                      RegionTable.Column(LocalizedText(zh: "企业名称", en: "Name")),
                      RegionTable.Column(LocalizedText(zh: "行政区划", en: "Region")),
                      RegionTable.Column(LocalizedText(zh: "行业", en: "Industry")),
                      RegionTable.Column(LocalizedText(zh: "规模", en: "Size")),
                      RegionTable.Column(LocalizedText(zh: figure.unit == "certificates" ? "证书数" : "计数", en: "Count"), numeric: true),
                      RegionTable.Column(LocalizedText(zh: "说明", en: "Detail"))],
            rows: enterprises.map { entry in
                [.text(entry.enterprise.id), .enterprise(entry.enterprise.name, id: entry.enterprise.id), .text(entry.enterprise.region),
                 .text(entry.enterprise.industry), .text(entry.enterprise.size), .count(entry.count, figure: nil),
                 .label(entry.detail)]
            },
            note: LocalizedText(zh: "指标 \(figure.id) · \(groupName.zh) · 期间 \(period) · 基准日 \(asOf)",
                                en: "figure \(figure.id) · \(groupName.en) · period \(period) · as of \(asOf)"))
    }
}
