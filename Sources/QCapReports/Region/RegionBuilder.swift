import QCapCore

/// Computes the region's view from the cohort: every figure for the whole region and for each group, the national
/// context, and — for `--list` — the enterprises behind any figure. It reads only what it is given (store aggregates
/// and registry certificates); it never assesses.
public struct RegionBuilder: Sendable {
    public var period: String
    public var asOf: Day
    public var baselinePeriod: String?
    public var baselineAsOf: Day?
    public var region: Comparison.Region
    /// District code → name (qcap.json's `region.districts`).
    public var districts: [String: String]
    public var grouping: RegionGrouping?
    /// Every rubric of the cohort in display order; those with levels get level and new-entrant figures.
    public var rubrics: [RegionCohort.Rubric]
    public var members: [RegionCohort.Member]
    /// The certificate census, nil when the workspace has no certificate registry (or no rubric reads one).
    public var census: CertificateCensus?
    public var omitted: [RegionReport.Omitted]
    public var notes: [LocalizedText]

    public init(period: String, asOf: Day, baselinePeriod: String? = nil, baselineAsOf: Day? = nil, region: Comparison.Region,
                districts: [String: String] = [:], grouping: RegionGrouping? = nil, rubrics: [RegionCohort.Rubric],
                members: [RegionCohort.Member], census: CertificateCensus? = nil, omitted: [RegionReport.Omitted] = [],
                notes: [LocalizedText] = []) {
        self.period = period
        self.asOf = asOf
        self.baselinePeriod = baselinePeriod
        self.baselineAsOf = baselineAsOf
        self.region = region
        self.districts = districts
        self.grouping = grouping
        self.rubrics = rubrics
        self.members = members
        self.census = census
        self.omitted = omitted
        self.notes = notes
    }

    /// The key of the whole region among the groups.
    public static let wholeRegion = "all"
    /// The families counted together as an integrated management system.
    public static let integratedFamilies = ["QMS", "EMS", "OHSMS"]
    /// The family whose new holders are set beside the national QMS-adoption targets.
    public static let qmsFamily = "QMS"

    public func build() -> RegionReport {
        let profiles = self.profiles()
        let specs = figureSpecs(profiles)
        // Each figure is evaluated once per enterprise; groups add up the enterprises' rows.
        let weights = profiles.map { profile in specs.map { $0.weight(profile) } }
        var groups = [group(key: Self.wholeRegion, name: wholeRegionName, members: Array(profiles.indices), profiles: profiles,
                            weights: weights, specs: specs)]
        if let grouping {
            let byKey = Dictionary(grouping: profiles.indices) { grouping.key(of: profiles[$0].member.enterprise) }
            for key in grouping.sorted(Array(byKey.keys)) {
                groups.append(group(key: key, name: grouping.name(of: key, districts: districts), members: byKey[key] ?? [], profiles: profiles,
                                    weights: weights, specs: specs))
            }
        }
        let whole = groups[0].figures
        var national: [RegionReport.National] = []
        for rubric in rubrics {
            guard let targets = rubric.targets else { continue }
            let years = targets.years.map { year in
                RegionReport.NationalYear(
                    year: year.year,
                    levels: year.levels.map { target in
                        let id = "new.\(rubric.id).\(target.level.id)"
                        let count = baselinePeriod == nil ? nil : whole[id]
                        return RegionReport.NationalYear.Level(level: target.level, target: target.target, newEntrants: count,
                                                               firstAssessed: baselinePeriod == nil ? nil : whole["\(id).firstAssessed"],
                                                               shareOfTarget: Self.share(count, of: target.target), figure: id)
                    },
                    newQMSAdopters: year.newQMSAdopters.map { target in
                        let count = whole["qms.newAdopters"]
                        return RegionReport.NationalYear.Adopters(target: target, newAdopters: count, shareOfTarget: Self.share(count, of: target),
                                                                  figure: "qms.newAdopters")
                    })
            }
            national.append(RegionReport.National(rubric: rubric.id, title: rubric.title, source: rubric.targetSource, years: years))
        }
        return RegionReport(period: period, asOf: asOf, baselinePeriod: baselinePeriod, baselineAsOf: baselineAsOf, region: region,
                            by: grouping, rubrics: rubrics.map { RegionReport.RubricInfo(id: $0.id, title: $0.title, levels: $0.levels) },
                            families: census.map { _ in shownFamilies(profiles) }, expiringWithinDays: census?.expiringWithinDays,
                            figures: specs.map(\.definition), groups: groups, national: national, omitted: omitted, notes: notes)
    }

    /// The enterprises behind a figure, in the whole region or in one group of the grouping.
    public func list(figure id: String, group key: String? = nil) throws(RegionListError) -> RegionMemberList {
        let profiles = self.profiles()
        let specs = figureSpecs(profiles)
        guard let spec = specs.first(where: { $0.definition.id == id }) else {
            let near = specs.map(\.definition.id).filter { $0.hasPrefix(id.split(separator: ".").first.map(String.init) ?? id) }
            throw RegionListError(message: "unknown figure '\(id)'", known: near.isEmpty ? specs.map(\.definition.id) : near)
        }
        var chosen = profiles
        var groupName = wholeRegionName
        if let key, key != Self.wholeRegion {
            guard let grouping else { throw RegionListError(message: "a group (\(key)) needs --by district|industry|size", known: []) }
            chosen = profiles.filter { grouping.key(of: $0.member.enterprise) == key }
            guard !chosen.isEmpty else {
                let keys = grouping.sorted(Array(Set(profiles.map { grouping.key(of: $0.member.enterprise) })))
                throw RegionListError(message: "no \(grouping.rawValue) '\(key)' in the cohort", known: keys)
            }
            groupName = grouping.name(of: key, districts: districts)
        }
        var entries: [RegionMemberList.Entry] = []
        var total = 0
        for profile in chosen {
            let weight = spec.weight(profile)
            guard weight > 0 else { continue }
            total += weight
            entries.append(RegionMemberList.Entry(enterprise: ComparisonBuilder.reference(profile.member.enterprise), count: weight,
                                                  detail: spec.detail(profile)))
        }
        return RegionMemberList(figure: spec.definition, group: key ?? Self.wholeRegion, groupName: groupName, period: period, asOf: asOf,
                                baselinePeriod: baselinePeriod, value: total, enterprises: entries)
    }

    var wholeRegionName: LocalizedText {
        let name = region.name.isEmpty ? region.code : region.name
        return name.isEmpty ? LocalizedText(zh: "全区域", en: "Whole region") : LocalizedText(zh: name, en: name)
    }

    func profiles() -> [RegionProfile] {
        members.map { RegionProfile(member: $0, asOf: asOf, expiringWithinDays: census?.expiringWithinDays ?? 0, qmsFamily: Self.qmsFamily) }
    }

    func group(key: String, name: LocalizedText, members: [Int], profiles: [RegionProfile], weights: [[Int]],
               specs: [RegionFigureSpec]) -> RegionReport.Group {
        var totals = [Int](repeating: 0, count: specs.count)
        for member in members {
            let row = weights[member]
            for index in totals.indices { totals[index] += row[index] }
        }
        var figures: [String: Int] = [:]
        for (index, spec) in specs.enumerated() { figures[spec.definition.id] = totals[index] }
        var meanCoverage: [String: Double] = [:]
        for rubric in rubrics {
            let values = members.compactMap { profiles[$0].member.current[rubric.id]?.coverage }
            if !values.isEmpty { meanCoverage[rubric.id] = CohortStatistics.round(values.reduce(0, +) / Double(values.count)) }
        }
        return RegionReport.Group(key: key, name: name, figures: figures, meanCoverage: meanCoverage)
    }

    /// The families shown: QMS, EMS and OHSMS always, the others when any certificate names them.
    func shownFamilies(_ profiles: [RegionProfile]) -> [CertificateCensus.Family] {
        guard let census else { return [] }
        var present = Set<String>()
        for profile in profiles { for certificate in profile.member.certificates { if let family = certificate.family { present.insert(family) } } }
        return census.families.filter { Self.integratedFamilies.contains($0.id) || present.contains($0.id) }
    }

    static func share(_ count: Int?, of total: Double) -> Double? {
        guard let count, total > 0 else { return nil }
        return CohortStatistics.round(Double(count) / total)
    }

    // MARK: - Figures

    func figureSpecs(_ profiles: [RegionProfile]) -> [RegionFigureSpec] {
        var specs: [RegionFigureSpec] = []
        func add(_ id: String, _ section: String, _ zh: String, _ en: String, unit: String = "enterprises", shareOf: String? = nil,
                 weight: @escaping @Sendable (RegionProfile) -> Int, detail: @escaping @Sendable (RegionProfile) -> LocalizedText = { _ in LocalizedText("") }) {
            specs.append(RegionFigureSpec(definition: RegionReport.Figure(id: id, section: section, label: LocalizedText(zh: zh, en: en),
                                                                          unit: unit, shareOf: shareOf),
                                          weight: weight, detail: detail))
        }
        add("enterprises", "cohort", "企业数（本期有评价结果）", "Enterprises (with results this period)", weight: { _ in 1 })

        if let census {
            let days = census.expiringWithinDays
            let families = shownFamilies(profiles)
            for family in families {
                let id = family.id
                let label = "\(family.name.zh)（\(id)）"
                add("cert.\(id).inForce", "certificates", "\(label)有效证书", "\(id) certificates in force", unit: "certificates",
                    weight: { $0.inForce[id]?.count ?? 0 }, detail: { LocalizedText(($0.inForce[id] ?? []).joined(separator: " ")) })
                add("cert.\(id).holders", "certificates", "\(label)持证企业", "\(id) holders", shareOf: "enterprises",
                    weight: { $0.inForce[id]?.isEmpty == false ? 1 : 0 }, detail: { LocalizedText(($0.inForce[id] ?? []).joined(separator: " ")) })
                add("cert.\(id).expiring", "certificates", "\(label)\(days)天内到期的有效证书", "\(id) certificates in force expiring within \(days) days",
                    unit: "certificates", weight: { $0.expiring[id]?.count ?? 0 }, detail: { LocalizedText(($0.expiring[id] ?? []).joined(separator: " ")) })
                add("cert.\(id).suspended", "certificates", "\(label)暂停的证书", "\(id) certificates suspended", unit: "certificates",
                    weight: { $0.suspended[id]?.count ?? 0 }, detail: { LocalizedText(($0.suspended[id] ?? []).joined(separator: " ")) })
                add("cert.\(id).withdrawn", "certificates", "\(label)撤销的证书", "\(id) certificates withdrawn", unit: "certificates",
                    weight: { $0.withdrawn[id]?.count ?? 0 }, detail: { LocalizedText(($0.withdrawn[id] ?? []).joined(separator: " ")) })
            }
            let integrated = Self.integratedFamilies
            if integrated.allSatisfy({ id in census.families.contains { $0.id == id } }) {
                add("cert.qms-ems-ohsms.holders", "certificates", "同时持有 QMS、EMS、OHSMS 有效证书的企业",
                    "Holders of QMS, EMS and OHSMS certificates in force together", shareOf: "enterprises",
                    weight: { profile in integrated.allSatisfy { profile.inForce[$0]?.isEmpty == false } ? 1 : 0 },
                    detail: { profile in LocalizedText(integrated.compactMap { profile.inForce[$0]?.first }.joined(separator: " ")) })
            }
            add("cert.expiring", "certificates", "\(days)天内到期的有效证书（全部体系）", "Certificates in force expiring within \(days) days (all families)",
                unit: "certificates", weight: { $0.count($0.expiring) }, detail: { LocalizedText($0.all($0.expiring).joined(separator: " ")) })
            add("cert.suspended", "certificates", "暂停的证书（全部体系）", "Certificates suspended (all families)", unit: "certificates",
                weight: { $0.count($0.suspended) }, detail: { LocalizedText($0.all($0.suspended).joined(separator: " ")) })
            add("cert.withdrawn", "certificates", "撤销的证书（全部体系）", "Certificates withdrawn (all families)", unit: "certificates",
                weight: { $0.count($0.withdrawn) }, detail: { LocalizedText($0.all($0.withdrawn).joined(separator: " ")) })
            add("cert.none", "certificates", "无任何有效证书的企业", "Enterprises holding no certificate in force", shareOf: "enterprises",
                weight: { $0.count($0.inForce) == 0 ? 1 : 0 })
            if profiles.contains(where: { !$0.unclassified.isEmpty }) {
                add("cert.unclassified", "certificates", "无法识别体系的证书（未计入各体系）", "Certificates of no known family (not counted above)",
                    unit: "certificates", weight: { $0.unclassified.count }, detail: { LocalizedText($0.unclassified.joined(separator: " ")) })
            }
        }

        for rubric in rubrics where !rubric.levels.isEmpty {
            let id = rubric.id
            let names = Dictionary(rubric.levels.map { ($0.rank, $0.name) }, uniquingKeysWith: { first, _ in first })
            let levelDetail: @Sendable (RegionProfile) -> LocalizedText = { profile in
                guard let standing = profile.member.current[id] else { return LocalizedText("") }
                let level = standing.levelRank.flatMap { names[$0] } ?? LocalizedText(zh: "未定级", en: "no level")
                let score = standing.score.map { AssessmentTable.fixed($0, 1) } ?? "—"
                return LocalizedText(zh: "\(level.zh) · \(score)", en: "\(level.en) · \(score)")
            }
            for level in rubric.levels {
                let rank = level.rank
                add("level.\(id).\(level.id)", "levels", "\(rubric.title.zh)：\(level.name.zh)", "\(rubric.title.en): \(level.name.en)",
                    shareOf: "assessed.\(id)", weight: { $0.member.current[id]?.levelRank == rank ? 1 : 0 }, detail: levelDetail)
                add("level.\(id).\(level.id).orAbove", "levels", "\(rubric.title.zh)：\(level.name.zh)及以上", "\(rubric.title.en): \(level.name.en) or above",
                    shareOf: "assessed.\(id)", weight: { ($0.member.current[id]?.levelRank ?? Int.min) >= rank ? 1 : 0 }, detail: levelDetail)
            }
            let known = Set(rubric.levels.map(\.rank))
            add("level.\(id).none", "levels", "\(rubric.title.zh)：未定级", "\(rubric.title.en): no level", shareOf: "assessed.\(id)",
                weight: { profile in
                    guard let standing = profile.member.current[id] else { return 0 }
                    return standing.levelRank.map { known.contains($0) ? 0 : 1 } ?? 1
                }, detail: levelDetail)
        }

        if baselinePeriod != nil {
            for rubric in rubrics where !rubric.levels.isEmpty {
                let id = rubric.id
                let names = Dictionary(rubric.levels.map { ($0.rank, $0.name) }, uniquingKeysWith: { first, _ in first })
                let none = LocalizedText(zh: "未定级", en: "no level")
                let detail: @Sendable (RegionProfile) -> LocalizedText = { profile in
                    let now = profile.member.current[id]?.levelRank.flatMap { names[$0] } ?? none
                    guard let before = profile.member.baseline[id] else {
                        return LocalizedText(zh: "本期首次评价：\(now.zh)", en: "first assessed: \(now.en)")
                    }
                    let then = before.levelRank.flatMap { names[$0] } ?? none
                    return LocalizedText(zh: "\(then.zh) → \(now.zh)", en: "\(then.en) → \(now.en)")
                }
                for level in rubric.levels {
                    let rank = level.rank
                    @Sendable func kind(_ profile: RegionProfile) -> NewEntrants.Kind? {
                        let baseline: Int?? = profile.member.baseline[id].map { $0.levelRank }
                        return NewEntrants.kind(rank: rank, current: profile.member.current[id]?.levelRank, baseline: baseline)
                    }
                    add("new.\(id).\(level.id)", "newEntrants", "\(rubric.title.zh)：新增达到\(level.name.zh)（含以上）",
                        "\(rubric.title.en): new at \(level.name.en) or above", weight: { kind($0) == nil ? 0 : 1 }, detail: detail)
                    add("new.\(id).\(level.id).rose", "newEntrants", "\(rubric.title.zh)：新增达到\(level.name.zh)，其中由较低等级升入",
                        "\(rubric.title.en): new at \(level.name.en), of which rose from a lower level", weight: { kind($0) == .rose ? 1 : 0 }, detail: detail)
                    add("new.\(id).\(level.id).firstAssessed", "newEntrants", "\(rubric.title.zh)：新增达到\(level.name.zh)，其中本期首次评价",
                        "\(rubric.title.en): new at \(level.name.en), of which first assessed this period",
                        weight: { kind($0) == .firstAssessed ? 1 : 0 }, detail: detail)
                }
            }
            if census != nil, let since = baselineAsOf {
                let asOf = self.asOf
                add("qms.newAdopters", "newEntrants", "新增 QMS 持证企业（首次获证晚于基期基准日 \(since)）",
                    "New QMS holders (first certified after the baseline date \(since))",
                    weight: { profile in
                        guard profile.inForce[Self.qmsFamily]?.isEmpty == false, profile.qmsDatesKnown, let first = profile.qmsFirstHeld else { return 0 }
                        return first > since && first <= asOf ? 1 : 0
                    }, detail: { profile in
                        LocalizedText(zh: "首次获证 \(profile.qmsFirstHeld?.description ?? "—")", en: "first certified \(profile.qmsFirstHeld?.description ?? "—")")
                    })
            }
        }

        for rubric in rubrics {
            let id = rubric.id
            let detail: @Sendable (RegionProfile) -> LocalizedText = { profile in
                LocalizedText(profile.member.current[id]?.coverage.map { AssessmentTable.fixed($0 * 100, 1) + "%" } ?? "")
            }
            add("assessed.\(id)", "coverage", "\(rubric.title.zh)：已评价企业", "\(rubric.title.en): enterprises assessed", shareOf: "enterprises",
                weight: { $0.member.current[id] == nil ? 0 : 1 }, detail: detail)
            add("coverage.\(id).full", "coverage", "\(rubric.title.zh)：证据完整", "\(rubric.title.en): full evidence", shareOf: "assessed.\(id)",
                weight: { ($0.member.current[id]?.coverage ?? 0) >= 1 - 1e-9 ? 1 : 0 }, detail: detail)
            add("coverage.\(id).partial", "coverage", "\(rubric.title.zh)：证据不全", "\(rubric.title.en): evidence incomplete", shareOf: "assessed.\(id)",
                weight: { profile in
                    guard let coverage = profile.member.current[id]?.coverage else { return 0 }
                    return coverage > 1e-9 && coverage < 1 - 1e-9 ? 1 : 0
                }, detail: detail)
            add("coverage.\(id).none", "coverage", "\(rubric.title.zh)：无证据", "\(rubric.title.en): no evidence", shareOf: "assessed.\(id)",
                weight: { profile in
                    guard let coverage = profile.member.current[id]?.coverage else { return 0 }
                    return coverage <= 1e-9 ? 1 : 0
                }, detail: detail)
            // Coverage is undefined when no criterion applies (issue 15): such an enterprise lacks no evidence.
            add("coverage.\(id).notApplicable", "coverage", "\(rubric.title.zh)：无适用条款", "\(rubric.title.en): nothing applies",
                shareOf: "assessed.\(id)",
                weight: { profile in
                    guard let standing = profile.member.current[id] else { return 0 }
                    return standing.coverage == nil ? 1 : 0
                }, detail: detail)
            add("coverage.\(id).notAssessed", "coverage", "\(rubric.title.zh)：未评价", "\(rubric.title.en): not assessed", shareOf: "enterprises",
                weight: { $0.member.current[id] == nil ? 1 : 0 })
        }
        return specs
    }
}

/// `--list` named a figure or group that does not exist.
public struct RegionListError: Error, Sendable {
    public let message: String
    /// What exists instead (for "did you mean").
    public let known: [String]
}
