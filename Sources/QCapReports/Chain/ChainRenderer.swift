import Foundation
import QCapCore

/// `qcap chain` in every format: the tables of each chain on a terminal, in Markdown or on one HTML page; the units of
/// every chain as CSV (one row per chain and unit); `qcap.chain/v1` as JSON.
public struct ChainRenderer {
    public let language: Language
    public init(language: Language = .zh) { self.language = language }

    func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    public func title(_ report: ChainReport) -> String {
        let region = report.region.name.isEmpty ? report.region.code : report.region.name
        return t("\(region)质量强链", "Quality chains: \(region)")
    }

    public func subtitle(_ report: ChainReport) -> String {
        t("期间 \(report.period) · 基准日 \(report.asOf) · 按\(report.rubric.title.zh)分级，链员达标线 \(report.atLeast.name.zh)",
          "period \(report.period) · as of \(report.asOf) · graded by \(report.rubric.title.en), members counted at \(report.atLeast.name.en) or above")
    }

    public func terminal(_ report: ChainReport) -> String {
        let renderer = RegionTerminal(language: language)
        var out = title(report) + "\n" + subtitle(report) + "\n"
        for chain in report.chains {
            for table in ChainTables.tables(chain, report: report) { out += "\n" + renderer.render(table) }
            for note in chain.notes { out += renderer.wrapped(note.text(language)) }
        }
        if report.chains.isEmpty { out += "\n" + t("没有质量链。", "No chains.") + "\n" }
        return out
    }

    public func markdown(_ report: ChainReport) -> String {
        let renderer = RegionMarkdown(language: language)
        var out = "# \(Markdown.escape(title(report)))\n\n\(Markdown.escape(subtitle(report)))\n"
        for chain in report.chains {
            for table in ChainTables.tables(chain, report: report) { out += "\n" + renderer.render(table) }
            for note in chain.notes { out += "\n> " + Markdown.escape(note.text(language)) + "\n" }
        }
        return out
    }

    public func html(_ report: ChainReport) -> String {
        let e = HTML.escape
        var body = "<header>\n<h1>\(e(title(report)))</h1>\n<p class=\"muted\">\(e(subtitle(report)))</p>\n</header>\n"
        for chain in report.chains { body += section(chain, report: report, links: nil) }
        return HTML.document(title: title(report), language: language, css: HTML.baseCSS + RegionHTML.css, body: body)
    }

    /// One chain's tables as an HTML section; the site passes links to its enterprise pages.
    public func section(_ chain: ChainReport.Chain, report: ChainReport, links: RegionHTML.Links?) -> String {
        let renderer = RegionHTML(language: language, links: links)
        var html = "<section id=\"chain-\(HTML.escape(chain.id))\">\n"
        for (index, table) in ChainTables.tables(chain, report: report).enumerated() {
            html += index == 0 ? "<h2>\(HTML.escape(table.title.text(language)))</h2>\n" + renderer.render(table, heading: false) : renderer.render(table)
        }
        for note in chain.notes { html += "<p class=\"note\">\(HTML.escape(note.text(language)))</p>\n" }
        return html + "</section>\n"
    }

    public func csv(_ report: ChainReport) -> String {
        var writer = CSVWriter()
        writer.writeRow([t("链编号", "Chain"), t("链名称", "Chain name"), t("统一社会信用代码", "USCC"), t("单位名称", "Name"), t("角色", "Role"),
                         t("层级", "Tier"), t("有评价结果", "Assessed"), "\(report.rubric.id) " + t("等级", "level"),
                         "\(report.rubric.id) " + t("等级序号", "level rank"), "\(report.rubric.id) " + t("得分", "score"),
                         "\(report.rubric.id) " + t("覆盖率", "coverage"), t("有效证书", "Certificates in force")])
        for chain in report.chains {
            for member in chain.members {
                let standing = member.standings.first { $0.rubric == report.rubric.id }
                writer.writeRow([chain.id, chain.name, member.id, member.name,
                                 QualityChain.Role(rawValue: member.role)?.name.text(language) ?? member.role, member.tier ?? "",
                                 member.assessed ? "1" : "0", standing?.level?.name.text(language) ?? "", standing?.level.map { String($0.rank) } ?? "",
                                 standing?.score.map { RegionCSV.decimal($0) } ?? "", standing?.coverage.map { RegionCSV.decimal($0) } ?? "",
                                 member.certificates.joined(separator: " ")])
            }
        }
        return writer.text
    }

    public static func json(_ report: ChainReport) -> String {
        RegionJSON.render(report, schema: ChainReport.schemaID)
    }
}
