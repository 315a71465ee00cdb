import QCapCore

/// Builds a `Comparison` from stored results: applies the filters, keeps each rubric's results comparable, ranks,
/// computes the statistics, the benchmark gap, the change from a baseline period and the counts against targets.
public struct ComparisonBuilder: Sendable {
    /// One enterprise's result for one rubric, from the run it was stored in.
    public typealias Entry = RecordedResult

    public var period: String
    public var entries: [Entry]
    public var baselinePeriod: String?
    public var baseline: [Entry]
    public var region: Comparison.Region
    public var filters: [ComparisonFilter]
    /// The rubrics to compare, in column order; empty means every rubric in `entries`, ordered by `preferredOrder`
    /// and then by id.
    public var rubrics: [String]
    public var preferredOrder: [String]
    /// Compare with this enterprise instead of the top decile.
    public var benchmarkEnterprise: String?
    /// The rubrics by content hash, for level names and parameters (`nationalTargets`).
    public var descriptors: [String: RubricDescriptor]
    /// Only these enterprises (`compare --chain`: a quality chain's units), with the condition as the filters show it.
    public var restriction: (enterprises: Set<String>, label: String)?

    public init(period: String, entries: [Entry], baselinePeriod: String? = nil, baseline: [Entry] = [],
                region: Comparison.Region = .init(code: "", name: ""), filters: [ComparisonFilter] = [], rubrics: [String] = [],
                preferredOrder: [String] = [], benchmarkEnterprise: String? = nil, descriptors: [String: RubricDescriptor] = [:]) {
        self.period = period
        self.entries = entries
        self.baselinePeriod = baselinePeriod
        self.baseline = baseline
        self.region = region
        self.filters = filters
        self.rubrics = rubrics
        self.preferredOrder = preferredOrder
        self.benchmarkEnterprise = benchmarkEnterprise
        self.descriptors = descriptors
    }

    /// The share of the cohort the top-decile benchmark stands for: its score is the 90th percentile.
    public static let topDecile = 0.9

    public func build() -> Comparison {
        var notes: [LocalizedText] = []
        let columnIDs = orderedRubrics()
        let wanted = Set(columnIDs)
        let selected = entries.filter { wanted.contains($0.result.rubric.id) }

        // The comparability guard: per rubric, the largest group of identical keys (the latest on a tie) is compared;
        // every other result is left apart, with the reasons.
        var primary: [String: ComparabilityKey] = [:]
        for id in columnIDs {
            let groups = Dictionary(grouping: selected.filter { $0.result.rubric.id == id }) { ComparabilityKey($0.result) }
            let best = groups.max { lhs, rhs in
                lhs.value.count != rhs.value.count ? lhs.value.count < rhs.value.count
                    : (lhs.value.map(\.runID).max() ?? 0) < (rhs.value.map(\.runID).max() ?? 0)
            }
            if let best { primary[id] = best.key }
        }
        func isPrimary(_ entry: Entry) -> Bool { primary[entry.result.rubric.id] == ComparabilityKey(entry.result) }

        // The enterprise as its latest run saw it.
        var snapshot: [String: (runID: Int, enterprise: Enterprise)] = [:]
        for entry in selected where (snapshot[entry.enterprise.id]?.runID ?? Int.min) < entry.runID {
            snapshot[entry.enterprise.id] = (entry.runID, entry.enterprise)
        }
        let primaryByEnterprise = Dictionary(grouping: selected.filter(isPrimary), by: \.enterprise.id)
        let kept = Set(snapshot.values.map(\.enterprise).filter { enterprise in
            if let restriction, !restriction.enterprises.contains(enterprise.id) { return false }
            let results = (primaryByEnterprise[enterprise.id] ?? []).map(\.result)
            return filters.allSatisfy { $0.accepts(enterprise) && $0.accepts(results: results) }
        }.map(\.id))

        var columns: [Comparison.Column] = []
        var cellsByEnterprise: [String: [String: Comparison.Cell]] = [:]
        var statistics: [Comparison.Statistics] = []
        var targets: [Comparison.Target] = []
        let baselineByKey = Dictionary(grouping: baseline) { "\($0.enterprise.id)\u{0}\($0.result.rubric.id)" }

        for id in columnIDs {
            guard let key = primary[id] else { continue }
            let group = selected.filter { $0.result.rubric.id == id && isPrimary($0) }
            let cohort = group.filter { kept.contains($0.enterprise.id) }
            let descriptor = descriptors[key.hash]
            let levels = levelList(descriptor: descriptor, results: group.map(\.result))
            let title = descriptor?.title ?? group.first?.result.rubric.title ?? LocalizedText(id)
            columns.append(Comparison.Column(id: id, version: key.version, hash: key.hash, title: title,
                                             model: ComparabilityKey.describe(key.model), tailoring: key.tailoring, levels: levels))

            let scores = cohort.map(\.result.score)
            let ranks = CohortStatistics.ranks(scores)
            let benchmarkScore = benchmark(for: id, group: group, cohort: cohort, notes: &notes)

            var baselineScores: [Double] = []
            for (index, entry) in cohort.enumerated() {
                var change: Comparison.Change?
                if baselinePeriod != nil {
                    change = self.change(entry, key: key, baseline: baselineByKey["\(entry.enterprise.id)\u{0}\(id)"]?.max { $0.runID < $1.runID })
                    if change?.comparable == true, let score = change?.baselineScore { baselineScores.append(score) }
                }
                let result = entry.result
                cellsByEnterprise[entry.enterprise.id, default: [:]][id] = Comparison.Cell(
                    rubric: id, runId: entry.runID, score: result.score, level: result.level.map(Self.level), verdict: result.verdict, rank: ranks[index],
                    coverage: result.coverage,
                    benchmarkGap: Self.difference(benchmarkScore, result.score), change: change)
            }
            statistics.append(Comparison.Statistics(
                rubric: id, scores: CohortStatistics(scores.compactMap { $0 }), levels: distribution(cohort.map(\.result), levels: levels),
                benchmarkScore: benchmarkScore.map(CohortStatistics.round),
                baseline: baselinePeriod == nil ? nil : CohortStatistics(baselineScores)))
            if let descriptor {
                targets += nationalTargets(descriptor: descriptor, key: key, rubric: id, levels: levels, cohort: cohort,
                                           baseline: { baselineByKey["\($0.enterprise.id)\u{0}\(id)"]?.max { $0.runID < $1.runID } }, notes: &notes)
            }
        }

        let ordered = columns.map(\.id)
        var rows: [Comparison.Row] = []
        for (id, cells) in cellsByEnterprise {
            guard let enterprise = snapshot[id]?.enterprise else { continue }
            rows.append(Comparison.Row(enterprise: Self.reference(enterprise), cells: ordered.map { cells[$0] }))
        }
        // Ranked by the first column, then the next; unranked last; ties by USCC so the order is stable.
        rows.sort { lhs, rhs in
            for index in ordered.indices {
                let left = lhs.cells[index]?.rank ?? Int.max
                let right = rhs.cells[index]?.rank ?? Int.max
                if left != right { return left < right }
            }
            return lhs.enterprise.id < rhs.enterprise.id
        }

        var leftApart: [Comparison.LeftApart] = []
        let hasResultConditions = filters.contains(where: \.isResultCondition)
        for entry in selected where !isPrimary(entry) && filters.allSatisfy({ $0.accepts(entry.enterprise) })
            && (restriction?.enterprises.contains(entry.enterprise.id) ?? true)
            && (kept.contains(entry.enterprise.id) || !hasResultConditions) {
            guard let key = primary[entry.result.rubric.id] else { continue }
            leftApart.append(Comparison.LeftApart(enterprise: Self.reference(entry.enterprise), rubric: entry.result.rubric.id,
                                                  version: entry.result.rubric.version, hash: entry.result.rubric.hash,
                                                  score: entry.result.score, reasons: key.differences(from: ComparabilityKey(entry.result))))
        }
        leftApart.sort { ($0.rubric, $0.enterprise.id) < ($1.rubric, $1.enterprise.id) }

        let benchmarkName = benchmarkEnterprise.flatMap { id in snapshot[id]?.enterprise.name ?? entries.first { $0.enterprise.id == id }?.enterprise.name }
        return Comparison(period: period, baselinePeriod: baselinePeriod, region: region,
                          filters: (restriction.map { [$0.label] } ?? []) + filters.map(\.description),
                          benchmark: Comparison.Benchmark(kind: benchmarkEnterprise == nil ? "topDecile" : "enterprise",
                                                          enterprise: benchmarkEnterprise, name: benchmarkName),
                          columns: columns, rows: rows, statistics: statistics, targets: targets, leftApart: leftApart, notes: notes)
    }

    func orderedRubrics() -> [String] {
        if !rubrics.isEmpty {
            var seen = Set<String>()
            return rubrics.filter { seen.insert($0).inserted }
        }
        let present = Set(entries.map(\.result.rubric.id))
        let preferred = preferredOrder.filter { present.contains($0) }
        var seen = Set(preferred)
        return preferred + present.sorted().filter { seen.insert($0).inserted }
    }

    func benchmark(for rubric: String, group: [Entry], cohort: [Entry], notes: inout [LocalizedText]) -> Double? {
        guard let id = benchmarkEnterprise else {
            return CohortStatistics.percentile(cohort.compactMap(\.result.score).sorted(), Self.topDecile)
        }
        if let entry = group.first(where: { $0.enterprise.id == id }) {
            if let score = entry.result.score { return score }
            notes.append(LocalizedText(zh: "标杆企业 \(id) 在 \(rubric) 中没有得分，未计算差距。",
                                       en: "The benchmark enterprise \(id) has no score in \(rubric); no gap computed."))
            return nil
        }
        if entries.contains(where: { $0.enterprise.id == id && $0.result.rubric.id == rubric }) {
            notes.append(LocalizedText(zh: "标杆企业 \(id) 在 \(rubric) 中的结果与本列不可比，未计算差距。",
                                       en: "The benchmark enterprise \(id)'s result in \(rubric) is not comparable with the column; no gap computed."))
        } else {
            notes.append(LocalizedText(zh: "标杆企业 \(id) 没有 \(rubric) 的结果，未计算差距。",
                                       en: "The benchmark enterprise \(id) has no result in \(rubric); no gap computed."))
        }
        return nil
    }

    func change(_ entry: Entry, key: ComparabilityKey, baseline: Entry?) -> Comparison.Change {
        guard let baseline else {
            return Comparison.Change(comparable: false, reasons: [LocalizedText(zh: "基期 \(baselinePeriod ?? "") 没有该企业的结果",
                                                                                en: "no result in the baseline period \(baselinePeriod ?? "")")])
        }
        let differences = key.differences(from: ComparabilityKey(baseline.result))
        guard differences.isEmpty else {
            return Comparison.Change(comparable: false, baselineScore: baseline.result.score, baselineLevel: baseline.result.level.map(Self.level),
                                     reasons: differences)
        }
        let current = entry.result
        return Comparison.Change(comparable: true, baselineScore: baseline.result.score, baselineLevel: baseline.result.level.map(Self.level),
                                 scoreDelta: Self.difference(current.score, baseline.result.score),
                                 levelDelta: current.level.flatMap { now in baseline.result.level.map { now.rank - $0.rank } })
    }

    func levelList(descriptor: RubricDescriptor?, results: [RubricResult]) -> [Comparison.Level] {
        if let descriptor, !descriptor.levels.isEmpty {
            return descriptor.levels.sorted { $0.rank < $1.rank }.map { Comparison.Level(rank: $0.rank, id: $0.id, name: $0.name) }
        }
        var byRank: [Int: Comparison.Level] = [:]
        for result in results { if let level = result.level { byRank[level.rank] = Self.level(level) } }
        return byRank.keys.sorted().compactMap { byRank[$0] }
    }

    func distribution(_ results: [RubricResult], levels: [Comparison.Level]) -> [Comparison.LevelCount] {
        // A rubric without levels (a score-only rubric) has no distribution to show.
        guard !levels.isEmpty else { return [] }
        let total = results.count
        func share(_ count: Int) -> Double { total > 0 ? CohortStatistics.round(Double(count) / Double(total)) : 0 }
        var counts = levels.map { level in
            let count = results.filter { $0.level?.rank == level.rank }.count
            return Comparison.LevelCount(rank: level.rank, id: level.id, name: level.name, count: count, share: share(count))
        }
        let known = Set(levels.map(\.rank))
        let unleveled = results.filter { $0.level.map { !known.contains($0.rank) } ?? true }.count
        counts.append(Comparison.LevelCount(rank: nil, id: nil, name: nil, count: unleveled, share: share(unleveled)))
        return counts
    }

    /// The rubric's `nationalTargets` (a tailoring may override it; see `NewEntrantTargets`), with the cohort's new
    /// entrants per level since the baseline period beside them. A baseline result that is not comparable with the
    /// column cannot say whether the enterprise rose: it is counted nowhere, with a note.
    func nationalTargets(descriptor: RubricDescriptor, key: ComparabilityKey, rubric: String, levels: [Comparison.Level],
                         cohort: [Entry], baseline: (Entry) -> Entry?, notes: inout [LocalizedText]) -> [Comparison.Target] {
        guard let value = NewEntrantTargets.parameter(descriptor: descriptor, tailoring: try? JSONParser.parse(key.tailoring)) else { return [] }
        let (parsed, problems) = NewEntrantTargets.parse(value, rubric: rubric, levels: levels)
        notes += problems
        guard let parsed else { return [] }
        // Per enterprise: its rank now, and its baseline rank (nil: no level then), or no baseline result at all.
        var standings: [(current: Int?, baseline: Int??)] = []
        var notComparable = 0
        if baselinePeriod != nil {
            for entry in cohort {
                guard let before = baseline(entry) else {
                    standings.append((entry.result.level?.rank, .none))
                    continue
                }
                guard key.differences(from: ComparabilityKey(before.result)).isEmpty else {
                    notComparable += 1
                    continue
                }
                standings.append((entry.result.level?.rank, .some(before.result.level?.rank)))
            }
        }
        if notComparable > 0 {
            notes.append(LocalizedText(zh: "\(rubric)：\(notComparable) 家企业的基期结果与本期不可比（评价规则版本、内容或剪裁不同），未计入新增企业数。",
                                       en: "\(rubric): \(notComparable) enterprise(s) have a baseline result not comparable with this period's (rubric version, content or tailoring differ) and are not counted as new entrants."))
        }
        return parsed.years.map { year in
            Comparison.Target(rubric: rubric, year: year.year, levels: year.levels.map { target in
                guard baselinePeriod != nil else { return Comparison.TargetLevel(level: target.level, target: target.target) }
                let kinds = standings.compactMap { NewEntrants.kind(rank: target.level.rank, current: $0.current, baseline: $0.baseline) }
                let count = kinds.count
                return Comparison.TargetLevel(level: target.level, target: target.target, newEntrants: count,
                                              firstAssessed: kinds.filter { $0 == .firstAssessed }.count,
                                              shareOfTarget: target.target > 0 ? CohortStatistics.round(Double(count) / target.target) : nil)
            }, newQMSAdopters: year.newQMSAdopters)
        }
    }

    /// a − b, rounded as scores are; nil unless both are known.
    static func difference(_ a: Double?, _ b: Double?) -> Double? {
        guard let a, let b else { return nil }
        return CohortStatistics.round(a - b)
    }

    static func level(_ level: RubricResult.LevelRef) -> Comparison.Level {
        Comparison.Level(rank: level.rank, id: level.id, name: level.name)
    }

    static func reference(_ enterprise: Enterprise) -> Comparison.EnterpriseRef {
        Comparison.EnterpriseRef(id: enterprise.id, name: enterprise.name, region: enterprise.region, industry: enterprise.industry,
                                 size: enterprise.size)
    }
}
