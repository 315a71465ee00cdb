import Foundation
import QCapCore
import Testing
@testable import QCapReports

/// The region's site, built in memory from a small cohort whose every name is hostile: every link resolves, every page
/// is well formed, no page has a script or an http URL, and every name is escaped.
@Suite struct SiteBuilderTests {
    typealias Fixture = RegionBuilderTests
    static let hostile = "<b>\"甲&乙'</b>"

    struct Site {
        var pages: [String: String]
        var enterprises: [String]
    }

    func site(language: Language = .zh, pageSize: Int = 2) throws -> Site {
        let descriptor = try ReportFixtures.descriptor()
        let members = (1...5).map { number in
            var member = Fixture.member(number, region: number <= 3 ? "350602" : "350603", level: number % 4 + 1,
                                        certificates: [Fixture.qms("Q\(number)", expiry: "2028-01-01")])
            member.enterprise.name = "\(Self.hostile)\(number)"
            return member
        }
        let rubric = RegionCohort.Rubric(id: descriptor.id, title: LocalizedText(zh: "示例<规则>", en: "Demo <rubric>"), levels: Fixture.levels,
                                         targets: NewEntrantTargets.parse(["2025": ["newAtLevel": ["inspection": 5000]]], rubric: descriptor.id,
                                                                          levels: Fixture.levels).targets)
        let renamed = members.map { member -> RegionCohort.Member in
            var copy = member
            copy.current = [descriptor.id: member.current["mqc"] ?? RegionCohort.Standing(score: nil, levelRank: nil, coverage: nil)]
            return copy
        }
        let region = RegionBuilder(period: "2026", asOf: Fixture.day("2026-06-30"), region: .init(code: "350600", name: "漳州<市>"),
                                   districts: ["350602": "芗城区&\"<>'", "350603": "龙文区"], rubrics: [rubric], members: renamed,
                                   census: Fixture.census)
        let chain = QualityChain(id: "链/<1>", name: "阀门\(Self.hostile)链", members: [
            QualityChain.Member(id: "11350600GUB48U0ATB", name: "局<>", role: .leader),
            QualityChain.Member(id: renamed[0].enterprise.id, name: "", role: .master),
            QualityChain.Member(id: renamed[1].enterprise.id, name: "", role: .member),
            QualityChain.Member(id: "91440300XEWJT9AGGM", name: "外地\(Self.hostile)", role: .member),
        ])
        let chains = ChainBuilder(period: "2026", asOf: Fixture.day("2026-06-30"), region: region.region, rubrics: [rubric], rubric: rubric,
                                  atLeast: Fixture.levels[2], chains: [chain],
                                  members: Dictionary(uniqueKeysWithValues: renamed.map { ($0.enterprise.id, $0) }),
                                  families: Array(Fixture.families.prefix(3))).build()
        let builder = SiteBuilder(language: language, region: region, chains: chains, primaryRubric: descriptor.id, pageSize: pageSize)
        var pages: [String: String] = [:]
        try builder.pages { path, html in
            #expect(pages[path] == nil, "\(path) written twice")
            pages[path] = html
        }
        for enterprise in builder.enterprises {
            let result = ReportFixtures.result(enterprise, levels: [3, 3, 4, 2, 3, nil], descriptor: descriptor)
            let report = EnterpriseReport(enterprise: enterprise, period: "2026", asOf: Fixture.day("2026-06-30"), runs: [],
                                          sections: [.init(result: result, descriptor: descriptor)], qcapVersion: "0.1.0")
            pages[SitePaths.enterprise(enterprise.id)] = builder.enterprisePage(report)
        }
        return Site(pages: pages, enterprises: builder.enterprises.map(\.id))
    }

    /// `a/b/../c.html#x` → `a/c.html`.
    static func resolve(_ href: String, from page: String) -> String {
        var parts = page.split(separator: "/").dropLast().map(String.init)
        for part in (href.split(separator: "#", maxSplits: 1).first.map(String.init) ?? "").split(separator: "/") {
            if part == ".." { _ = parts.popLast() } else if part != "." { parts.append(String(part)) }
        }
        return parts.joined(separator: "/")
    }

    @Test(arguments: [Language.zh, .en])
    func everyLinkResolvesAndEveryPageIsWellFormedAndOffline(language: Language) throws {
        let site = try site(language: language)
        #expect(site.pages["index.html"] != nil)
        #expect(site.pages[SitePaths.district("350602")] != nil)
        #expect(site.pages[SitePaths.district("350602", page: 2)] != nil)   // three enterprises, two a page
        #expect(site.pages[SitePaths.district("350602", page: 3)] == nil)
        #expect(site.pages[SitePaths.chain("链/<1>")] != nil)
        #expect(SitePaths.chain("链/<1>").hasPrefix("chains/___1_-"))
        var linkedEnterprises = Set<String>()
        var reached = Set(["index.html"])
        for (path, html) in site.pages {
            let checked = HTMLChecker.check(html)
            #expect(checked.problems.isEmpty, "\(path): \(checked.problems)")
            #expect(!html.contains("<script"), "\(path)")
            #expect(!html.contains("http"), "\(path)")
            #expect(!checked.elements.contains { ["script", "link", "img", "iframe", "object", "embed"].contains($0.name) }, "\(path)")
            #expect(html.contains("<nav class=\"crumbs\">"), "\(path) has no breadcrumbs")
            for element in checked.elements {
                #expect(element.attributes["src"] == nil)
                guard let href = element.attributes["href"], !href.hasPrefix("#") else { continue }
                let target = Self.resolve(href.replacingOccurrences(of: "&amp;", with: "&"), from: path)
                #expect(site.pages[target] != nil, "\(path) links to \(href), which is not a page")
                reached.insert(target)
                if target.hasPrefix("enterprises/") { linkedEnterprises.insert(target) }
            }
        }
        // Every page is reachable and every enterprise is linked from a table row.
        #expect(reached == Set(site.pages.keys))
        #expect(linkedEnterprises == Set(site.enterprises.map(SitePaths.enterprise)))
    }

    @Test func everyNameIsEscaped() throws {
        let site = try site()
        let escaped = "&lt;b&gt;&quot;甲&amp;乙&#39;&lt;/b&gt;"
        for (path, html) in site.pages {
            #expect(!html.contains(Self.hostile), "\(path) holds a raw name")
            #expect(!html.contains("<b>"), "\(path)")
        }
        #expect(site.pages["index.html"]?.contains("芗城区&amp;&quot;&lt;&gt;&#39;") == true)
        #expect(site.pages["index.html"]?.contains("阀门\(escaped)链") == true)
        #expect(site.pages[SitePaths.district("350602")]?.contains("\(escaped)3") == true)
        #expect(site.pages[SitePaths.chain("链/<1>")]?.contains("外地\(escaped)") == true)
        #expect(site.pages[SitePaths.enterprise(site.enterprises[0])]?.contains("漳州&lt;市&gt;") == true)
    }

    @Test func cohortsAreSortedByLevelThenScore() throws {
        let site = try site(pageSize: 100)
        let page = try #require(site.pages[SitePaths.district("350602")])
        // Enterprises 1, 2, 3 in 350602 hold levels 2, 3, 4: 3 first.
        let order = site.enterprises.prefix(3).map { id in page.range(of: SitePaths.enterprise(id))?.lowerBound }
        let first = try #require(order[2]), second = try #require(order[1]), third = try #require(order[0])
        #expect(first < second && second < third)
    }
}
