import Foundation
import QCapCore
import Testing
@testable import QCapCLI

/// `qcap region` end to end: a hand-written workspace whose registry export holds certificates around an expiry date,
/// assessed with the built-in certification rubric, and counted through the census on three days.
@Suite struct RegionCommandTests {
    static func code(_ region: String, _ organisation: String) -> String {
        let prefix = "91" + region + organisation
        return prefix + String(USCC.checkCharacter(forPrefix: prefix) ?? "0")
    }

    static let first = code("350602", "MA2Y0B5T1")
    static let second = code("350603", "MA2Y0B5T2")

    /// Two enterprises; the first holds a QMS certificate expiring on 2026-06-30 and a suspended EMS one, the second a
    /// withdrawn QMS certificate and an OHSMS one first issued in 2025.
    static func workspace() throws -> TemporaryFolder {
        let folder = try TemporaryFolder("region")
        try folder.write("""
            {"schema": "qcap.workspace/v1", "name": "区域统计测试", "region": {"code": "350600", "name": "漳州市",
             "districts": {"350602": "芗城区", "350603": "龙文区"}}, "period": "2026", "roster": "enterprises.csv",
             "rubrics": ["certification"], "sources": [{"provider": "cnca-registry", "path": "certificates.csv"}]}
            """, to: "qcap.json")
        try folder.write("""
            统一社会信用代码,企业名称,行政区划,行业代码,规模
            \(first),漳州<甲>&"乙'机械有限公司,350602,C34,中型
            \(second),漳州丙电子有限公司,350603,C39,小型

            """, to: "enterprises.csv")
        try folder.write("""
            证书编号,组织名称,统一社会信用代码,认证项目,认证依据,证书状态,颁证日期,证书到期日期,初次获证日期
            00123Q1,漳州<甲>&"乙'机械有限公司,\(first),质量管理体系,GB/T 19001-2016,有效,2023-07-01,2026-06-30,2017-07-01
            00123E1,漳州<甲>&"乙'机械有限公司,\(first),环境管理体系,GB/T 24001-2016,暂停,2024-01-10,2027-01-09,2024-01-10
            00123Q2,漳州丙电子有限公司,\(second),质量管理体系,GB/T 19001-2016,撤销,2024-03-01,2027-02-28,2021-03-01
            00123S2,漳州丙电子有限公司,\(second),职业健康安全管理体系,GB/T 45001-2020,有效,2025-09-01,2028-08-31,2025-09-01

            """, to: "certificates.csv")
        return folder
    }

    static func run(_ arguments: [String], in folder: TemporaryFolder) -> Int32 {
        QCapCommand.run(arguments + ["--workspace", folder.url.path], rubrics: BuiltInRubrics.all)
    }

    static func figures(_ folder: TemporaryFolder, asOf: String, extra: [String] = []) throws -> JSONValue {
        #expect(run(["region", "--as-of", asOf, "--format", "json", "-o", folder.url.appending(path: "region.json").path] + extra, in: folder) == 0)
        return try JSONParser.parse(try folder.read("region.json"))
    }

    @Test func certificatesInForceTheDayBeforeOnAndAfterTheirExpiry() throws {
        let folder = try Self.workspace()
        defer { folder.remove() }
        #expect(Self.run(["assess", "--as-of", "2026-06-30", "--format", "json", "-o", folder.url.appending(path: "out.json").path], in: folder) == 0)
        for (day, inForce) in [("2026-06-29", 1), ("2026-06-30", 1), ("2026-07-01", 0)] {
            let json = try Self.figures(folder, asOf: day)
            let whole = try #require(json["groups"]?[0]?["figures"])
            #expect(whole["cert.QMS.inForce"]?.intValue == inForce, "\(day)")
            #expect(whole["cert.QMS.expiring"]?.intValue == inForce, "\(day)")
            #expect(whole["cert.QMS.suspended"]?.intValue == 0)
            #expect(whole["cert.QMS.withdrawn"]?.intValue == 1)
            #expect(whole["cert.EMS.suspended"]?.intValue == 1)
            #expect(whole["cert.OHSMS.holders"]?.intValue == 1)
            #expect(whole["cert.none"]?.intValue == 1 - inForce)
            #expect(json["asOf"]?.stringValue == day)
        }
        // Without --as-of: the as-of date of the period's latest run.
        let json = try Self.figures(folder, asOf: "2026-06-30")
        #expect(json["schema"]?.stringValue == "qcap.region/v1")
        #expect(json["families"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == ["QMS", "EMS", "OHSMS"])
        #expect(json["omitted"]?.arrayValue?.compactMap { $0["section"]?.stringValue }.contains("cqo") == true)
    }

    @Test func groupsListsAndFormats() throws {
        let folder = try Self.workspace()
        defer { folder.remove() }
        #expect(Self.run(["assess", "--as-of", "2026-06-30", "--format", "json", "-o", folder.url.appending(path: "out.json").path], in: folder) == 0)
        let json = try Self.figures(folder, asOf: "2026-06-30", extra: ["--by", "district"])
        #expect(json["groups"]?.arrayValue?.compactMap { $0["key"]?.stringValue } == ["all", "350602", "350603"])
        #expect(json["groups"]?[1]?["name"]?["zh"]?.stringValue == "芗城区")

        let list = folder.url.appending(path: "list.json").path
        #expect(Self.run(["region", "--by", "district", "--list", "350603:cert.OHSMS.holders", "--format", "json", "-o", list], in: folder) == 0)
        let listed = try JSONParser.parse(try folder.read("list.json"))
        #expect(listed["schema"]?.stringValue == "qcap.region-list/v1")
        #expect(listed["value"]?.intValue == 1)
        #expect(listed["enterprises"]?[0]?["enterprise"]?["id"]?.stringValue == Self.second)
        #expect(listed["enterprises"]?[0]?["detail"]?["zh"]?.stringValue == "00123S2")
        // The group is inferred from its key when --by is not given.
        #expect(Self.run(["region", "--list", "350603:cert.OHSMS.holders", "-o", folder.url.appending(path: "list.txt").path], in: folder) == 0)

        for format in ["table", "md", "html", "csv"] {
            let path = folder.url.appending(path: "region.\(format)").path
            #expect(Self.run(["region", "--by", "district", "--format", format, "-o", path], in: folder) == 0)
        }
        let html = try folder.read("region.html")
        #expect(!html.contains("<script"))
        let csv = try folder.read("region.csv")
        #expect(csv.contains("分组,分组名称,指标编号,指标,数值"))
        #expect(csv.contains("350602,芗城区,cert.QMS.holders,"))
        let names = folder.url.appending(path: "names.html").path
        #expect(Self.run(["region", "--list", "cert.QMS.holders", "--format", "html", "-o", names], in: folder) == 0)
        let page = try folder.read("names.html")
        #expect(page.contains("漳州&lt;甲&gt;&amp;&quot;乙&#39;机械有限公司"))
        #expect(!page.contains("<甲>"))
    }

    @Test func usageErrors() throws {
        let folder = try Self.workspace()
        defer { folder.remove() }
        #expect(Self.run(["region"], in: folder) == 2)   // nothing stored yet
        #expect(Self.run(["assess", "--as-of", "2026-06-30", "--format", "json", "-o", folder.url.appending(path: "out.json").path], in: folder) == 0)
        #expect(Self.run(["region", "--baseline", "2024"], in: folder) == 2)
        #expect(Self.run(["region", "--baseline", "2026"], in: folder) == 2)
        #expect(Self.run(["region", "--list", "cert.QMS.nonsense"], in: folder) == 2)
        #expect(Self.run(["region", "--list", "999999:enterprises"], in: folder) == 2)
        #expect(Self.run(["region", "--as-of", "2026-13-01"], in: folder) == 2)
        #expect(Self.run(["region", "--by", "street"], in: folder) == 2)
    }
}

/// The example region as a new evaluator meets it: `init --example` stores last year's baseline, `assess` this year's,
/// and `region --baseline`, `chain` and `compare --chain` work at once.
@Suite struct RegionExampleTests {
    @Test func newEntrantsSinceTheExamplesBaselineMatchTheStore() throws {
        let workspace = try StoreCommandsTests.Workspace(count: 60, baseline: true)
        defer { workspace.remove() }
        #expect(workspace.assess() == 0)
        let out = workspace.file("region.json").path
        #expect(workspace.run(["region", "--baseline", "2025", "--format", "json", "-o", out]) == 0)
        let json = try JSONParser.parse(try workspace.read("region.json"))
        let figures = try #require(json["groups"]?[0]?["figures"])

        // The same count, straight from the store: at or past the level now, below it (or absent) in 2025.
        let store = try workspace.store()
        let now = Dictionary(uniqueKeysWithValues: try store.regionResults(period: "2026").map { ($0.enterprise.id, $0.levelRank) })
        let before = Dictionary(uniqueKeysWithValues: try store.regionResults(period: "2025").map { ($0.enterprise.id, $0.levelRank) })
        #expect(before.count < now.count)   // some enterprises are first assessed this year
        var total = 0
        for (rank, id) in [(1, "experience"), (2, "inspection"), (3, "assurance"), (4, "prevention"), (5, "excellence")] {
            let risers = now.filter { enterprise, level in
                guard let level, level >= rank else { return false }
                guard let earlier = before[enterprise] else { return true }
                return (earlier ?? 0) < rank
            }
            let first = risers.keys.filter { before[$0] == nil }.count
            #expect(figures["new.demo-capability.\(id)"]?.intValue == risers.count, "\(id)")
            #expect(figures["new.demo-capability.\(id).firstAssessed"]?.intValue == first, "\(id)")
            total += risers.count
        }
        #expect(total > 0)   // the example's spread makes the counts non-trivial
        #expect(json["baselinePeriod"]?.stringValue == "2025")
        #expect(json["groups"]?[0]?["name"]?["zh"]?.stringValue == "漳州市")

        // Chains from the example's chains.csv; the supplier from outside the region has no evidence.
        #expect(workspace.run(["chain", "--format", "json", "-o", workspace.file("chain.json").path]) == 0)
        let chains = try JSONParser.parse(try workspace.read("chain.json"))
        let first = try #require(chains["chains"]?[0])
        #expect(first["id"]?.stringValue == "ZZ-VALVE")
        #expect(first["members"]?.arrayValue?.contains { $0["assessed"]?.boolValue == false } == true)
        #expect(first["weakest"]?[0]?["gap"] == nil)
        #expect(workspace.run(["compare", "--chain", "ZZ-VALVE", "--format", "json", "-o", workspace.file("c.json").path]) == 0)
        let compared = try JSONParser.parse(try workspace.read("c.json"))
        #expect(compared["filters"]?[0]?.stringValue == "chain=ZZ-VALVE")
        let enterprises = (first["members"]?.arrayValue ?? []).filter { $0["role"]?.stringValue != "leader" && $0["assessed"]?.boolValue == true }
        #expect(compared["rows"]?.arrayValue?.count == enterprises.count)
        #expect(workspace.run(["compare", "--chain", "NOPE"]) == 2)
        #expect(workspace.run(["chain", "NOPE"]) == 2)
        #expect(workspace.run(["chain", "--at-least", "卓越级", "-o", workspace.file("chain.txt").path]) == 0)
        #expect(workspace.run(["chain", "--at-least", "legendary"]) == 2)

        // The site: every page on disk, every relative link resolving to a written page, rebuilt in place.
        let site = workspace.file("site")
        #expect(workspace.run(["site", "-o", site.path, "--baseline", "2025", "--page-size", "3"]) == 0)
        let pages = try Self.pages(in: site)
        #expect(pages.contains("index.html"))
        #expect(pages.filter { $0.hasPrefix("enterprises/") }.count == 60)
        #expect(pages.contains { $0.hasPrefix("districts/") && $0.hasSuffix("-2.html") })
        #expect(pages.contains(SitePathsProbe.chain))
        for page in pages {
            let html = try String(contentsOf: site.appending(path: page), encoding: .utf8)
            #expect(!html.contains("<script") && !html.contains("http"), "\(page)")
            for href in Self.hrefs(html) where !href.hasPrefix("#") {
                let target = site.appending(path: page).deletingLastPathComponent().appending(path: href).standardizedFileURL
                #expect(FileManager.default.fileExists(atPath: target.path), "\(page) → \(href)")
            }
        }
        let manifest = try String(contentsOf: site.appending(path: ".qcap-site"), encoding: .utf8)
        #expect(manifest.split(separator: "\n").count == pages.count)
        // A rebuild with larger pages drops the district pages it no longer writes.
        #expect(workspace.run(["site", "-o", site.path, "--page-size", "1000", "--lang", "en"]) == 0)
        #expect(!(try Self.pages(in: site)).contains { $0.hasPrefix("districts/") && $0.hasSuffix("-2.html") })
        // A folder with someone else's files is refused.
        let other = workspace.file("other")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: other.appending(path: "notes.txt"))
        #expect(workspace.run(["site", "-o", other.path]) == 2)
        #expect(workspace.run(["site"]) == 2)
    }

    static func pages(in folder: URL) throws -> [String] {
        let manager = FileManager.default
        var pages: [String] = []
        for sub in ["", "districts/", "chains/", "enterprises/"] {
            for name in try manager.contentsOfDirectory(atPath: folder.appending(path: sub).path) where name.hasSuffix(".html") {
                pages.append(sub + name)
            }
        }
        return pages.sorted()
    }

    static func hrefs(_ html: String) -> [String] {
        html.components(separatedBy: "href=\"").dropFirst().compactMap { $0.split(separator: "\"", maxSplits: 1).first.map(String.init) }
    }

    enum SitePathsProbe {
        static let chain = "chains/ZZ-VALVE.html"
    }
}
