import QCapCore

/// The region's view as tables, in display order: certificates, integrated systems, levels and new entrants per graded
/// rubric, the national context, and the coverage of evidence. Every count cell carries its figure id.
public enum RegionTables {
    public static func tables(_ report: RegionReport) -> [RegionTable] {
        var tables: [RegionTable] = []
        // Without groups every row is the whole region: the scope column says nothing and goes.
        func scoped(_ table: RegionTable) -> RegionTable {
            guard report.by == nil else { return table }
            var table = table
            table.columns.removeFirst()
            table.rows = table.rows.map { Array($0.dropFirst()) }
            return table
        }
        let groups = report.groups
        func groupCell(_ group: RegionReport.Group) -> RegionTable.Cell {
            group.key == RegionBuilder.wholeRegion ? .label(LocalizedText(zh: "全区域：\(group.name.zh)", en: "Region: \(group.name.en)"))
                : .group(group.name, key: group.key)
        }
        let groupColumn = RegionTable.Column(report.by?.title ?? LocalizedText(zh: "范围", en: "Scope"))
        func value(_ group: RegionReport.Group, _ id: String) -> RegionTable.Cell {
            guard let count = group.figures[id] else { return .empty }
            return .count(count, figure: id)
        }
        func withShare(_ group: RegionReport.Group, _ id: String) -> RegionTable.Cell {
            guard let count = group.figures[id] else { return .empty }
            let denominator = report.figures.first { $0.id == id }?.shareOf.flatMap { group.figures[$0] }
            return .countShare(count, share: denominator.flatMap { $0 > 0 ? Double(count) / Double($0) : nil }, figure: id)
        }

        if let families = report.families, !families.isEmpty {
            let days = report.expiringWithinDays ?? 0
            // Per family for the whole region; per group, the three families counted together in the programme.
            let whole = groups[0]
            let rows = families.map { family -> [RegionTable.Cell] in
                let id = family.id
                return [.label(LocalizedText(zh: "\(id) \(family.name.zh)", en: "\(id) \(family.name.en)")),
                        value(whole, "cert.\(id).inForce"), withShare(whole, "cert.\(id).holders"),
                        value(whole, "cert.\(id).expiring"), value(whole, "cert.\(id).suspended"), value(whole, "cert.\(id).withdrawn")]
            }
            tables.append(RegionTable(
                id: "certificates", title: LocalizedText(zh: "认证证书（截至 \(report.asOf)）", en: "Certificates (as of \(report.asOf))"),
                columns: [RegionTable.Column(LocalizedText(zh: "体系", en: "Family")),
                          RegionTable.Column(LocalizedText(zh: "有效证书", en: "In force"), numeric: true),
                          RegionTable.Column(LocalizedText(zh: "持证企业 · 占比", en: "Holders · share"), numeric: true),
                          RegionTable.Column(LocalizedText(zh: "\(days)天内到期", en: "Expiring ≤\(days) d"), numeric: true),
                          RegionTable.Column(LocalizedText(zh: "暂停", en: "Suspended"), numeric: true),
                          RegionTable.Column(LocalizedText(zh: "撤销", en: "Withdrawn"), numeric: true)],
                rows: rows,
                note: LocalizedText(zh: "有效证书：登记数据中状态为有效（或未注明）、颁证日期不晚于且到期日期不早于基准日的证书；到期当日仍有效。持证企业占本期有评价结果的企业数之比。暂停、撤销按登记数据中的当前状态计。",
                                    en: "In force: registry certificates whose status is valid (or not given), issued on or before and expiring on or after the as-of date; a certificate is in force on its expiry date. Holders as a share of the enterprises with results this period. Suspended and withdrawn follow the registry's current status.")))
            let core = RegionBuilder.integratedFamilies.filter { id in families.contains { $0.id == id } }
            var summary: [[RegionTable.Cell]] = []
            for group in groups {
                summary.append([groupCell(group), value(group, "enterprises")] + core.map { withShare(group, "cert.\($0).holders") }
                               + [withShare(group, "cert.qms-ems-ohsms.holders"), withShare(group, "cert.none"), value(group, "cert.expiring"),
                                  value(group, "cert.suspended"), value(group, "cert.withdrawn")])
            }
            tables.append(scoped(RegionTable(
                id: "certificates-summary", title: LocalizedText(zh: "体系认证概况（持证企业 · 占比）", en: "Certification overview (holders · share)"),
                columns: [groupColumn, RegionTable.Column(LocalizedText(zh: "企业数", en: "Enterprises"), numeric: true)]
                    + core.map { RegionTable.Column(LocalizedText($0), numeric: true) }
                    + [RegionTable.Column(LocalizedText(zh: "三体系同时有效", en: "All three"), numeric: true),
                       RegionTable.Column(LocalizedText(zh: "无有效证书", en: "None in force"), numeric: true),
                       RegionTable.Column(LocalizedText(zh: "\(days)天内到期", en: "Expiring ≤\(days) d"), numeric: true),
                       RegionTable.Column(LocalizedText(zh: "暂停", en: "Suspended"), numeric: true),
                       RegionTable.Column(LocalizedText(zh: "撤销", en: "Withdrawn"), numeric: true)],
                rows: summary,
                note: LocalizedText(zh: "三体系同时有效：同时持有 QMS、EMS、OHSMS 有效证书的企业。到期、暂停、撤销为证书数（全部体系）。",
                                    en: "All three: enterprises holding QMS, EMS and OHSMS certificates in force together. Expiring, suspended and withdrawn count certificates (all families)."))))
        }

        for rubric in report.rubrics where !rubric.levels.isEmpty {
            var columns = [groupColumn, RegionTable.Column(LocalizedText(zh: "已评价", en: "Assessed"), numeric: true)]
            columns += rubric.levels.map { RegionTable.Column($0.name, numeric: true) }
            columns.append(RegionTable.Column(LocalizedText(zh: "未定级", en: "No level"), numeric: true))
            let rows = groups.map { group in
                [groupCell(group), value(group, "assessed.\(rubric.id)")] + rubric.levels.map { withShare(group, "level.\(rubric.id).\($0.id)") }
                    + [withShare(group, "level.\(rubric.id).none")]
            }
            tables.append(scoped(RegionTable(id: "levels-\(rubric.id)", title: LocalizedText(zh: "等级分布：\(rubric.title.zh)", en: "Levels: \(rubric.title.en)"),
                                             columns: columns, rows: rows)))
            if let baseline = report.baselinePeriod {
                var newColumns = [groupColumn]
                newColumns += rubric.levels.map { RegionTable.Column(LocalizedText(zh: "\($0.name.zh)及以上", en: "\($0.name.en)+"), numeric: true) }
                let newRows = groups.map { group in [groupCell(group)] + rubric.levels.map { value(group, "new.\(rubric.id).\($0.id)") } }
                tables.append(scoped(RegionTable(
                    id: "new-\(rubric.id)",
                    title: LocalizedText(zh: "新增达到各等级的企业（\(baseline) → \(report.period)）：\(rubric.title.zh)",
                                         en: "New entrants per level (\(baseline) → \(report.period)): \(rubric.title.en)"),
                    columns: newColumns, rows: newRows,
                    note: LocalizedText(zh: "新增：本期等级达到或超过该等级、而基期等级低于该等级（或未定级、未评价）的企业。跨两级上升的企业在两级均计入；等级下降的不计入；本期首次评价的计入，并在下表单列。",
                                        en: "New entrants: enterprises at or above the level now whose baseline level was lower (or none, or not assessed). A rise by two steps counts at both levels; a fall counts nowhere; enterprises first assessed this period count, and the next table shows them apart."))))
                let firstRows = groups.map { group in [groupCell(group)] + rubric.levels.map { value(group, "new.\(rubric.id).\($0.id).firstAssessed") } }
                tables.append(scoped(RegionTable(
                    id: "new-first-\(rubric.id)",
                    title: LocalizedText(zh: "其中本期首次评价的企业：\(rubric.title.zh)", en: "Of which first assessed this period: \(rubric.title.en)"),
                    columns: newColumns, rows: firstRows)))
            }
        }

        if let whole = groups.first, !report.national.isEmpty {
            for national in report.national {
                var rows: [[RegionTable.Cell]] = []
                for year in national.years {
                    for level in year.levels {
                        rows.append([.text(year.year), .label(LocalizedText(zh: "新增\(level.level.name.zh)企业", en: "New at \(level.level.name.en)")),
                                     .number(level.target, decimals: 0),
                                     level.newEntrants.map { .count($0, figure: level.figure) } ?? .empty,
                                     level.firstAssessed.map { .count($0, figure: level.figure + ".firstAssessed") } ?? .empty,
                                     level.shareOfTarget.map { .share($0) } ?? .empty])
                    }
                    if let adopters = year.newQMSAdopters {
                        rows.append([.text(year.year), .label(LocalizedText(zh: "新增贯彻先进QMS标准企业", en: "New advanced-QMS adopters")),
                                     .number(adopters.target, decimals: 0),
                                     adopters.newAdopters.map { .count($0, figure: adopters.figure) } ?? .empty, .empty,
                                     adopters.shareOfTarget.map { .share($0) } ?? .empty])
                    }
                }
                let source = national.source.map { LocalizedText(zh: "来源：\($0)。", en: "Source: \($0). ") } ?? LocalizedText("")
                let context = report.baselinePeriod == nil
                    ? LocalizedText(zh: "未指定基期（--baseline），无法统计新增企业；此处只列出国家目标。",
                                    en: "No baseline (--baseline) was given, so new entrants cannot be counted; only the national figures are listed.")
                    : LocalizedText(zh: "国家目标为全国新增企业数，列此仅作背景参照；地区没有法定任务数，占比不表示完成进度。新增 QMS 持证企业以登记数据中首次获证日期晚于基期基准日 \(report.baselineAsOf?.description ?? "—")、且截至 \(report.asOf) 仍持有有效 QMS 证书的企业近似“贯彻实施先进质量管理体系标准”。",
                                    en: "National figures count new enterprises nationwide and are shown as context only: a region has no official quota, so a share is not progress. New QMS holders — first certified after the baseline date \(report.baselineAsOf?.description ?? "—") and holding a QMS certificate in force on \(report.asOf) — stand in for “implementing advanced QMS standards”.")
                tables.append(RegionTable(
                    id: "national-\(national.rubric)",
                    title: LocalizedText(zh: "国家新增目标（全国数，供参照）：\(national.title.zh)",
                                         en: "National new-entrant targets (nationwide, for context): \(national.title.en)"),
                    columns: [RegionTable.Column(LocalizedText(zh: "年份", en: "Year")), RegionTable.Column(LocalizedText(zh: "国家目标", en: "National target")),
                              RegionTable.Column(LocalizedText(zh: "全国数", en: "Nationwide"), numeric: true),
                              RegionTable.Column(LocalizedText(zh: "\(whole.name.zh)新增", en: "\(whole.name.en) new"), numeric: true),
                              RegionTable.Column(LocalizedText(zh: "其中首次评价", en: "of which first assessed"), numeric: true),
                              RegionTable.Column(LocalizedText(zh: "占全国数", en: "Share of nationwide"), numeric: true)],
                    rows: rows, note: LocalizedText(zh: source.zh + context.zh, en: source.en + context.en)))
            }
        }

        let whole = groups[0]
        tables.append(RegionTable(
            id: "coverage", title: LocalizedText(zh: "证据覆盖", en: "Coverage of evidence"),
            columns: [RegionTable.Column(LocalizedText(zh: "评价规则", en: "Rubric")),
                      RegionTable.Column(LocalizedText(zh: "已评价", en: "Assessed"), numeric: true),
                      RegionTable.Column(LocalizedText(zh: "证据完整", en: "Full"), numeric: true),
                      RegionTable.Column(LocalizedText(zh: "证据不全", en: "Incomplete"), numeric: true),
                      RegionTable.Column(LocalizedText(zh: "无证据", en: "None"), numeric: true),
                      RegionTable.Column(LocalizedText(zh: "未评价", en: "Not assessed"), numeric: true),
                      RegionTable.Column(LocalizedText(zh: "平均覆盖率", en: "Mean coverage"), numeric: true)],
            rows: report.rubrics.map { rubric in
                let id = rubric.id
                return [.label(rubric.title), value(whole, "assessed.\(id)"), withShare(whole, "coverage.\(id).full"),
                        withShare(whole, "coverage.\(id).partial"), withShare(whole, "coverage.\(id).none"),
                        value(whole, "coverage.\(id).notAssessed"), .share(whole.meanCoverage[id])]
            },
            note: LocalizedText(zh: "证据不全、无证据的企业缺少该评价规则的部分或全部证据（见各企业报告的“缺失证据”）；未评价：本期有其他评价结果、但没有该规则的结果。",
                                en: "Incomplete and none: enterprises lacking some or all of the rubric's evidence (each report lists what is missing); not assessed: enterprises with other results this period but none of this rubric.")))
        if report.by != nil {
            tables.append(RegionTable(
                id: "coverage-by-group", title: LocalizedText(zh: "平均证据覆盖率（按分组）", en: "Mean coverage by group"),
                columns: [groupColumn] + report.rubrics.map { RegionTable.Column($0.title, numeric: true) },
                rows: groups.map { group in [groupCell(group)] + report.rubrics.map { .share(group.meanCoverage[$0.id]) } }))
        }
        return tables
    }
}
