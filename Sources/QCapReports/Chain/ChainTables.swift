import QCapCore

/// A chain of `ChainReport` as tables every renderer shares (terminal, Markdown, HTML, the site).
public enum ChainTables {
    public static func tables(_ chain: ChainReport.Chain, report: ChainReport) -> [RegionTable] {
        let rubric = report.rubric
        func role(_ id: String) -> LocalizedText {
            QualityChain.Role(rawValue: id)?.name ?? LocalizedText(id)
        }
        func standing(_ member: ChainReport.Member) -> ChainReport.Standing? {
            member.standings.first { $0.rubric == rubric.id }
        }
        func enterprise(_ id: String, _ name: String, assessed: Bool) -> RegionTable.Cell {
            assessed ? .enterprise(name, id: id) : .text(name)
        }
        let none = LocalizedText(zh: "未定级", en: "no level")
        let noResult = LocalizedText(zh: "无评价结果", en: "no result")
        var tables: [RegionTable] = []

        let leaders = chain.members.filter { $0.role == "leader" }.map(\.name).joined(separator: "、")
        let masters = chain.members.filter { $0.role == "master" }.map(\.name).joined(separator: "、")
        let share = chain.membersAtOrAbove
        let unassessed = chain.members.filter { $0.role != "leader" && !$0.assessed }.count
        tables.append(RegionTable(
            id: "chain-\(chain.id)-summary", title: LocalizedText(zh: "\(chain.name)（\(chain.id)）", en: "\(chain.name) (\(chain.id))"),
            columns: [RegionTable.Column(LocalizedText(zh: "项目", en: "Item")), RegionTable.Column(LocalizedText(zh: "内容", en: "Value"))],
            rows: [
                [.label(LocalizedText(zh: "链长单位", en: "Chain leader")), .text(leaders.isEmpty ? "—" : leaders)],
                [.label(LocalizedText(zh: "链主", en: "Chain master")), .text(masters.isEmpty ? "—" : masters)],
                [.label(LocalizedText(zh: "链员", en: "Chain members")), .count(share.of, figure: nil)],
                [.label(LocalizedText(zh: "链员达到\(report.atLeast.name.zh)及以上（\(rubric.title.zh)）",
                                      en: "Members at \(report.atLeast.name.en) or above (\(rubric.title.en))")),
                 .countShare(share.count, share: share.share, figure: nil)],
                [.label(LocalizedText(zh: "本期无评价结果的链上企业", en: "Chain enterprises without a result this period")), .count(unassessed, figure: nil)],
            ]))

        var masterRows: [[RegionTable.Cell]] = []
        for master in chain.members where master.role == "master" {
            for item in master.standings {
                let title = report.rubrics.first { $0.id == item.rubric }?.title ?? LocalizedText(item.rubric)
                masterRows.append([enterprise(master.id, master.name, assessed: master.assessed), .label(title),
                                   .label(master.assessed ? (item.level?.name ?? none) : noResult), .number(item.score, decimals: 1)])
            }
        }
        if !masterRows.isEmpty {
            tables.append(RegionTable(
                id: "chain-\(chain.id)-master", title: LocalizedText(zh: "链主等级", en: "The chain master's levels"),
                columns: [RegionTable.Column(LocalizedText(zh: "链主", en: "Chain master")), RegionTable.Column(LocalizedText(zh: "评价规则", en: "Rubric")),
                          RegionTable.Column(LocalizedText(zh: "等级", en: "Level")), RegionTable.Column(LocalizedText(zh: "得分", en: "Score"), numeric: true)],
                rows: masterRows))
        }

        if !chain.certificates.isEmpty {
            tables.append(RegionTable(
                id: "chain-\(chain.id)-certificates", title: LocalizedText(zh: "链上证书覆盖（截至 \(report.asOf)）", en: "Certificates along the chain (as of \(report.asOf))"),
                columns: [RegionTable.Column(LocalizedText(zh: "体系", en: "Family")), RegionTable.Column(LocalizedText(zh: "持证企业 · 覆盖率", en: "Holders · share"), numeric: true),
                          RegionTable.Column(LocalizedText(zh: "有评价结果的链上企业", en: "Chain enterprises with results"), numeric: true)],
                rows: chain.certificates.map { [.label(LocalizedText(zh: "\($0.family) \($0.name.zh)", en: "\($0.family) \($0.name.en)")),
                                                .countShare($0.holders, share: $0.share, figure: nil), .count($0.of, figure: nil)] },
                note: LocalizedText(zh: "链主与链员中本期有评价结果的企业持有该体系有效证书的比例；链长单位不计。",
                                    en: "The share of the chain master and members with results this period that hold a certificate of the family in force; the chain leader is not counted.")))
        }

        tables.append(RegionTable(
            id: "chain-\(chain.id)-weakest", title: LocalizedText(zh: "薄弱环节（\(rubric.title.zh)）", en: "Weakest links (\(rubric.title.en))"),
            columns: [RegionTable.Column(LocalizedText(zh: "企业", en: "Enterprise")), RegionTable.Column(LocalizedText(zh: "角色", en: "Role")),
                      RegionTable.Column(LocalizedText(zh: "等级", en: "Level")), RegionTable.Column(LocalizedText(zh: "得分", en: "Score"), numeric: true),
                      RegionTable.Column(LocalizedText(zh: "下一等级", en: "Next level")), RegionTable.Column(LocalizedText(zh: "差距", en: "Gap"))],
            rows: chain.weakest.map { weak in
                let assessed = chain.members.first { $0.id == weak.id }?.assessed ?? false
                return [enterprise(weak.id, weak.name, assessed: assessed), .label(role(weak.role)),
                        .label(assessed ? (weak.level?.name ?? none) : noResult), .number(weak.score, decimals: 1),
                        .label(weak.gap?.nextLevel?.name ?? LocalizedText("—")), .label(gapText(weak, assessed: assessed))]
            },
            note: LocalizedText(zh: "按无评价结果、未定级、等级由低到高、得分由低到高排列；差距为提升一级所需改进的最少条款（与企业报告中的“优先”项相同）。",
                                en: "No result first, then no level, then by level and score, lowest first; the gap lists the fewest criteria whose improvement lifts the enterprise one level (the report's priority items).")))

        tables.append(RegionTable(
            id: "chain-\(chain.id)-members", title: LocalizedText(zh: "链上单位", en: "Units of the chain"),
            columns: [RegionTable.Column(LocalizedText(zh: "单位", en: "Unit")), RegionTable.Column(LocalizedText(zh: "角色", en: "Role")),
                      RegionTable.Column(LocalizedText(zh: "层级", en: "Tier")), RegionTable.Column(LocalizedText(zh: "等级", en: "Level")),
                      RegionTable.Column(LocalizedText(zh: "得分", en: "Score"), numeric: true),
                      RegionTable.Column(LocalizedText(zh: "证据覆盖", en: "Coverage"), numeric: true),
                      RegionTable.Column(LocalizedText(zh: "有效证书", en: "Certificates in force"))],
            rows: chain.members.map { member in
                let item = standing(member)
                let level: LocalizedText = member.role == "leader" ? LocalizedText("—") : (member.assessed ? (item?.level?.name ?? none) : noResult)
                return [enterprise(member.id, member.name, assessed: member.assessed), .label(role(member.role)), .text(member.tier ?? ""),
                        .label(level), .number(item?.score, decimals: 1), .share(item?.coverage), .text(member.certificates.joined(separator: " "))]
            }))
        return tables
    }

    static func gapText(_ weak: ChainReport.Weak, assessed: Bool) -> LocalizedText {
        guard assessed else {
            return LocalizedText(zh: "本期没有评价结果：先收集证据并评价", en: "no result this period: collect evidence and assess first")
        }
        guard let gap = weak.gap else { return LocalizedText("—") }
        guard !gap.items.isEmpty else { return gap.reason ?? LocalizedText("—") }
        let shown = gap.items.prefix(3)
        let more = gap.items.count > shown.count ? "…" : ""
        return LocalizedText(zh: "\(gap.items.count) 项：" + shown.map { "\($0.criterion) \($0.title.zh)" }.joined(separator: "；") + more,
                             en: "\(gap.items.count) item(s): " + shown.map { "\($0.criterion) \($0.title.en)" }.joined(separator: "; ") + more)
    }
}
