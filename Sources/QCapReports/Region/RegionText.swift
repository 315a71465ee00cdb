import QCapCore

/// Titles and notes the region renderers share, in both report languages.
struct RegionText {
    let language: Language

    func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    func title(_ report: RegionReport) -> String {
        let name = report.groups.first?.name.text(language) ?? ""
        return t("\(name)质量工作统计", "Quality programme statistics: \(name)")
    }

    /// "期间 2026（基期 2025）· 基准日 2026-06-30 · 按区县"
    func subtitle(_ report: RegionReport) -> String {
        var parts: [String] = []
        parts.append(report.baselinePeriod.map { t("期间 \(report.period)（基期 \($0)）", "period \(report.period) (baseline \($0))") }
                     ?? t("期间 \(report.period)", "period \(report.period)"))
        parts.append(t("基准日 \(report.asOf)", "as of \(report.asOf)"))
        if !report.region.code.isEmpty { parts.append(t("行政区划 \(report.region.code)", "region \(report.region.code)")) }
        if let by = report.by { parts.append(t("按\(by.title.zh)分组", "by \(by.title.en.lowercased())")) }
        return parts.joined(separator: " · ")
    }

    func omitted(_ item: RegionReport.Omitted) -> String {
        let section = sectionName(item.section)
        return t("未列出“\(section)”：\(item.reason.zh)", "\(section) left out: \(item.reason.en)")
    }

    func sectionName(_ section: String) -> String {
        switch section {
        case "cqo": return t("首席质量官与质量安全人员", "Chief quality officers and quality-safety staff")
        case "honours": return t("质量荣誉", "Quality honours")
        case "certificates": return t("认证证书", "Certificates")
        default: return section
        }
    }

    var footer: String {
        t("所有数字均可追溯：qcap region --list 指标编号（如 cert.QMS.holders、new.manufacturing-capability.assurance）列出其背后的企业；分组指标写作 分组:指标编号（如 350602:cert.QMS.holders）。统计读取评价结果库与工作区的证书登记数据，不重新评价。",
          "Every figure can be traced: qcap region --list FIGURE (e.g. cert.QMS.holders, new.manufacturing-capability.assurance) lists the enterprises behind it; a group's figure is GROUP:FIGURE (e.g. 350602:cert.QMS.holders). Statistics read the result store and the workspace's certificate registry; nothing is re-assessed.")
    }
}
