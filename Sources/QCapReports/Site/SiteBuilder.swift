import QCapCore

/// The region's site (`qcap site`): static, self-contained, offline pages linked region → district or chain →
/// enterprise. The region page carries the programme statistics by district, the level distributions, the national
/// context, the chains and the district links; a district page its own statistics and its cohort sorted by level and
/// score, paginated; a chain page the chain's view; an enterprise page the enterprise's report. Every page has
/// breadcrumbs, every table row links to its enterprise, and there are no scripts and no external URLs.
public struct SiteBuilder: Sendable {
    public let language: Language
    /// The region's view, grouped by district.
    public let region: RegionBuilder
    public let chains: ChainReport?
    /// The rubric the cohorts are sorted by (level, then score): manufacturing-capability or the first graded one.
    public let primaryRubric: String?
    public let pageSize: Int

    public init(language: Language, region: RegionBuilder, chains: ChainReport?, primaryRubric: String?, pageSize: Int = 100) {
        var grouped = region
        grouped.grouping = .district
        self.language = language
        self.region = grouped
        self.chains = chains
        self.primaryRubric = primaryRubric
        self.pageSize = max(1, pageSize)
    }

    func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    var regionName: String { region.wholeRegionName.text(language) }

    /// Links from a page one folder deep.
    var links: RegionHTML.Links {
        RegionHTML.Links(enterprise: { SitePaths.fromSubfolder(SitePaths.enterprise($0)) },
                         group: { SitePaths.fromSubfolder(SitePaths.district($0)) },
                         chain: { SitePaths.fromSubfolder(SitePaths.chain($0)) })
    }

    /// Links from the region's page at the top.
    var topLinks: RegionHTML.Links {
        RegionHTML.Links(enterprise: { SitePaths.enterprise($0) }, group: { SitePaths.district($0) }, chain: { SitePaths.chain($0) })
    }

    /// Every page but the enterprises', in order: the region, each district's pages, each chain.
    public func pages(_ emit: (_ path: String, _ html: String) throws -> Void) throws {
        let report = region.build()
        try emit(SitePaths.index, regionPage(report))
        let byDistrict = Dictionary(grouping: region.members) { RegionGrouping.district.key(of: $0.enterprise) }
        for group in report.groups.dropFirst() {
            let members = byDistrict[group.key] ?? []
            for (number, page) in districtPages(group: group, members: members).enumerated() {
                try emit(SitePaths.district(group.key, page: number + 1), page)
            }
        }
        if let chains {
            for chain in chains.chains { try emit(SitePaths.chain(chain.id), chainPage(chain, report: chains)) }
        }
    }

    /// The enterprises that get a page: the cohort, by USCC.
    public var enterprises: [Enterprise] { region.members.map(\.enterprise) }

    /// An enterprise's page: its report, with the site's breadcrumbs above it.
    public func enterprisePage(_ report: EnterpriseReport) -> String {
        let html = ReportHTML(language: language).render(report)
        let district = report.enterprise.region
        let name = RegionGrouping.district.name(of: district, districts: region.districts).text(language)
        let crumbs = breadcrumbs([(regionName, SitePaths.fromSubfolder(SitePaths.index)),
                                  (name, district.isEmpty ? nil : SitePaths.fromSubfolder(SitePaths.district(district))),
                                  (report.enterprise.name, nil)])
        // Spliced in with the standard library: a Foundation replacement would bridge the whole page to UTF-16.
        guard let body = html.firstRange(of: "<body>\n") else { return html }
        return String(html[..<body.upperBound]) + crumbs + String(html[body.upperBound...])
    }

    func breadcrumbs(_ items: [(String, String?)]) -> String {
        let e = HTML.escape
        let parts = items.map { text, href in href.map { "<a href=\"\(e($0))\">\(e(text))</a>" } ?? "<span>\(e(text))</span>" }
        return "<nav class=\"crumbs\">\(parts.joined(separator: " › "))</nav>\n"
    }

    func page(title: String, body: String) -> String {
        HTML.document(title: title, language: language, css: HTML.baseCSS + RegionHTML.css + Self.css, body: body)
    }

    static let css = """

    table.cohort td:first-child, table.cohort th:first-child { width: 3em; }
    """

    // MARK: - Region

    func regionPage(_ report: RegionReport) -> String {
        let e = HTML.escape
        let text = RegionText(language: language)
        var body = breadcrumbs([(regionName, nil)])
        body += "<header>\n<h1>\(e(text.title(report)))</h1>\n<p class=\"muted\">\(e(text.subtitle(report)))</p>\n</header>\n"
        body += "<section id=\"districts\">\n<h2>\(e(t("区县", "Districts")))</h2>\n<ul class=\"links\">\n"
        for group in report.groups.dropFirst() {
            let count = group.figures["enterprises"] ?? 0
            body += "<li><a href=\"\(e(SitePaths.district(group.key)))\">\(e(group.name.text(language)))</a> <span class=\"muted small\">\(count)</span></li>\n"
        }
        body += "</ul>\n</section>\n"
        if let chains, !chains.chains.isEmpty {
            body += "<section id=\"chains\">\n" + RegionHTML(language: language, links: topLinks).render(chainsTable(chains)) + "</section>\n"
        }
        body += RegionHTML(language: language, links: topLinks).sections(report)
        body += "<footer>\(e(text.footer))</footer>\n"
        return page(title: text.title(report), body: body)
    }

    func chainsTable(_ report: ChainReport) -> RegionTable {
        RegionTable(
            id: "chains", title: LocalizedText(zh: "质量强链", en: "Quality chains"),
            columns: [RegionTable.Column(LocalizedText(zh: "产业链", en: "Chain")), RegionTable.Column(LocalizedText(zh: "链主", en: "Chain master")),
                      RegionTable.Column(LocalizedText(zh: "链员", en: "Members"), numeric: true),
                      RegionTable.Column(LocalizedText(zh: "链员达到\(report.atLeast.name.zh)及以上", en: "Members at \(report.atLeast.name.en)+"), numeric: true)],
            rows: report.chains.map { chain in
                let masters = chain.members.filter { $0.role == "master" }.map(\.name).joined(separator: "、")
                return [.chain(LocalizedText(chain.name), id: chain.id), .text(masters.isEmpty ? "—" : masters),
                        .count(chain.membersAtOrAbove.of, figure: nil),
                        .countShare(chain.membersAtOrAbove.count, share: chain.membersAtOrAbove.share, figure: nil)]
            })
    }

    // MARK: - Districts

    func districtPages(group: RegionReport.Group, members: [RegionCohort.Member]) -> [String] {
        let e = HTML.escape
        let name = group.name.text(language)
        var district = region
        district.grouping = nil
        district.members = members
        district.region = Comparison.Region(code: group.key, name: name)
        // National figures and omitted sections belong to the region's page.
        district.omitted = []
        district.rubrics = district.rubrics.map { rubric in
            var local = rubric
            local.targets = nil
            return local
        }
        let report = district.build()
        let text = RegionText(language: language)
        let sorted = cohort(members)
        let pageCount = max(1, (sorted.count + pageSize - 1) / pageSize)
        var pages: [String] = []
        for number in 1...pageCount {
            var body = breadcrumbs([(regionName, SitePaths.fromSubfolder(SitePaths.index)), (name, number == 1 ? nil : SitePaths.fromSubfolder(SitePaths.district(group.key))),
                                    ] + (number == 1 ? [] : [(t("第 \(number) 页", "page \(number)"), nil)]))
            body += "<header>\n<h1>\(e(name))</h1>\n<p class=\"muted\">\(e(text.subtitle(report)))</p>\n</header>\n"
            let start = (number - 1) * pageSize
            let slice = Array(sorted[start..<min(sorted.count, start + pageSize)])
            body += "<section id=\"cohort\">\n<h2>\(e(t("企业（按等级与得分排序）", "Enterprises (by level and score)"))) <span class=\"muted small\">\(e(t("共 \(sorted.count) 家", "\(sorted.count) in all")))</span></h2>\n"
            body += pager(group.key, current: number, count: pageCount)
            body += RegionHTML(language: language, links: links).render(cohortTable(slice, offset: start), heading: false)
            body += pager(group.key, current: number, count: pageCount)
            body += "</section>\n"
            if number == 1 { body += RegionHTML(language: language, links: links).sections(report) }
            body += "<footer>\(e(text.footer))</footer>\n"
            pages.append(page(title: "\(name) · \(regionName)" + (number > 1 ? " · \(number)" : ""), body: body))
        }
        return pages
    }

    func pager(_ key: String, current: Int, count: Int) -> String {
        guard count > 1 else { return "" }
        let e = HTML.escape
        var html = "<nav class=\"pages\">"
        for number in 1...count {
            if number == current {
                html += "<span class=\"current\">\(number)</span>"
            } else {
                html += "<a href=\"\(e(SitePaths.fromSubfolder(SitePaths.district(key, page: number))))\">\(number)</a>"
            }
        }
        return html + "</nav>\n"
    }

    /// Highest level first, then highest score, then USCC, by the primary rubric.
    func cohort(_ members: [RegionCohort.Member]) -> [RegionCohort.Member] {
        guard let primaryRubric else { return members.sorted { $0.enterprise.id < $1.enterprise.id } }
        return members.sorted { lhs, rhs in
            let left = lhs.current[primaryRubric], right = rhs.current[primaryRubric]
            let leftLevel = left?.levelRank ?? -1, rightLevel = right?.levelRank ?? -1
            if leftLevel != rightLevel { return leftLevel > rightLevel }
            let leftScore = left?.score ?? -1, rightScore = right?.score ?? -1
            if leftScore != rightScore { return leftScore > rightScore }
            return lhs.enterprise.id < rhs.enterprise.id
        }
    }

    func cohortTable(_ members: [RegionCohort.Member], offset: Int) -> RegionTable {
        // The rubric the cohort is sorted by comes first.
        let graded = region.rubrics.filter { !$0.levels.isEmpty }.sorted { ($0.id == primaryRubric ? 0 : 1) < ($1.id == primaryRubric ? 0 : 1) }
        var columns = [RegionTable.Column(LocalizedText("#"), numeric: true), RegionTable.Column(LocalizedText(zh: "企业", en: "Enterprise")),
                       RegionTable.Column(LocalizedText(zh: "行业", en: "Industry")), RegionTable.Column(LocalizedText(zh: "规模", en: "Size"))]
        columns += graded.map { RegionTable.Column($0.title) }
        let none = LocalizedText(zh: "未定级", en: "no level")
        let rows = members.enumerated().map { index, member -> [RegionTable.Cell] in
            var row: [RegionTable.Cell] = [.count(offset + index + 1, figure: nil), .enterprise(member.enterprise.name, id: member.enterprise.id),
                                           .text(member.enterprise.industry), .text(member.enterprise.size)]
            for rubric in graded {
                guard let standing = member.current[rubric.id] else { row.append(.text("—")); continue }
                let level = standing.levelRank.flatMap { rank in rubric.levels.first { $0.rank == rank }?.name } ?? none
                let score = standing.score.map { AssessmentTable.fixed($0, 1) } ?? "—"
                row.append(.label(LocalizedText(zh: "\(level.zh) · \(score)", en: "\(level.en) · \(score)")))
            }
            return row
        }
        return RegionTable(id: "cohort", title: LocalizedText(zh: "企业", en: "Enterprises"), columns: columns, rows: rows)
    }

    // MARK: - Chains

    func chainPage(_ chain: ChainReport.Chain, report: ChainReport) -> String {
        let e = HTML.escape
        let renderer = ChainRenderer(language: language)
        var body = breadcrumbs([(regionName, SitePaths.fromSubfolder(SitePaths.index)), (chain.name, nil)])
        body += "<header>\n<p class=\"muted\">\(e(renderer.subtitle(report)))</p>\n</header>\n"
        body += renderer.section(chain, report: report, links: links)
        return page(title: "\(chain.name) · \(regionName)", body: body)
    }
}
