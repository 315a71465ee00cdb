import Foundation
import QCapCore

/// What an excellence result adds to the generic one: points by category, the coverage of the nine basic concepts,
/// the items flagged for the consensus meeting, the items whose score was derived, and award readiness.
///
/// Computed from a finished `RubricResult` alone (its findings and details), so the assessment, the stored result
/// and the self-assessment report outline all tell the same story.
public struct ExcellenceSummary: Sendable {
    public struct Item: Sendable {
        public var id: String
        public var title: LocalizedText
        public var maxPoints: Double
        /// Points earned; nil when the item was not scored (no evidence, waived, excluded).
        public var points: Double?
        public var finding: Finding?
    }

    public struct Category: Sendable {
        public var id: String
        public var title: LocalizedText
        public var maxPoints: Double
        public var points: Double
        public var items: [Item]
        public var scoredItems: Int { items.filter { $0.points != nil }.count }
    }

    public struct ConceptScore: Sendable {
        public var id: String
        public var name: LocalizedText
        /// Points earned over points possible of the evaluated items evidencing the concept, 0–100; nil when none was evaluated.
        public var percentage: Double?
        public var evaluatedItems: Int
        public var items: Int
        /// Below the applicant's overall percentage: a relative weakness (no absolute cut-off is published).
        public var weak: Bool
    }

    public struct Flag: Sendable {
        public var item: String
        public var title: LocalizedText
        public var spread: Double
        /// Whether a consensus or site-visit score has already settled it.
        public var settled: Bool
    }

    public var maxPoints: Double
    /// Points with waivers applied (waived items left out), as `RubricResult.scaleScore`.
    public var total: Double?
    public var categories: [Category]
    public var concepts: [ConceptScore]
    public var flagged: [Flag]
    public var derived: [String]
    public var spreadThreshold: Double
    public var readiness: ReadinessThresholds.Judgement?
    public var readinessSet: Bool

    /// The summary of `result`, assessed with `descriptor` and the rubric's run `settings`.
    public init(result: RubricResult, descriptor: RubricDescriptor, settings: ExcellenceSettings) {
        let weights = Self.tailoredWeights(result.tailoring)
        let byID = Dictionary(result.findings.map { ($0.criterion, $0) }, uniquingKeysWith: { first, _ in first })
        var categories: [Category] = []
        var itemsByID: [String: Item] = [:]
        for node in descriptor.criteria {
            var items: [Item] = []
            for leaf in Self.leaves(of: node) {
                let weight = weights[leaf.id] ?? leaf.effectiveWeight
                let finding = byID[leaf.id]
                var points: Double?
                if let finding, finding.outcome.isScored { points = weight * (finding.score ?? 0) }
                let item = Item(id: leaf.id, title: leaf.title, maxPoints: weight, points: points, finding: finding)
                items.append(item)
                itemsByID[leaf.id] = item
            }
            categories.append(Category(id: node.id, title: node.title, maxPoints: items.reduce(0) { $0 + $1.maxPoints },
                                       points: items.reduce(0) { $0 + ($1.points ?? 0) }, items: items))
        }
        self.categories = categories
        maxPoints = result.scaleMax ?? categories.reduce(0) { $0 + $1.maxPoints }
        total = result.scaleScore

        // The overall percentage over evaluated items is the yardstick for a weak concept.
        let evaluated = itemsByID.values.filter { $0.points != nil }
        let evaluatedMax = evaluated.reduce(0) { $0 + $1.maxPoints }
        let overall = evaluatedMax > 0 ? evaluated.reduce(0) { $0 + ($1.points ?? 0) } / evaluatedMax * 100 : nil
        var concepts: [ConceptScore] = []
        for concept in settings.concepts {
            let mapped = settings.itemConcepts.filter { $0.value.contains(concept.id) }.keys.compactMap { itemsByID[$0] }
            let scored = mapped.filter { $0.points != nil }
            let possible = scored.reduce(0) { $0 + $1.maxPoints }
            let percentage = possible > 0 ? scored.reduce(0) { $0 + ($1.points ?? 0) } / possible * 100 : nil
            let weak = percentage.flatMap { value in overall.map { value + 1e-9 < $0 } } ?? false
            concepts.append(ConceptScore(id: concept.id, name: concept.name, percentage: percentage,
                                         evaluatedItems: scored.count, items: mapped.count, weak: weak))
        }
        self.concepts = concepts

        var flagged: [Flag] = []
        var derived: [String] = []
        for category in categories {
            for item in category.items {
                guard let details = item.finding?.details else { continue }
                let basis = details[ConsensusProbe.Detail.basis]
                if details[ConsensusProbe.Detail.spreadFlag] == "true", let spread = details[ConsensusProbe.Detail.spread].flatMap(Double.init) {
                    flagged.append(Flag(item: item.id, title: item.title, spread: spread, settled: basis != nil && basis != TeamConsensus.Basis.median.rawValue))
                }
                if basis == TeamConsensus.Basis.median.rawValue { derived.append(item.id) }
            }
        }
        self.flagged = flagged
        self.derived = derived
        spreadThreshold = settings.spreadThreshold
        readinessSet = settings.readiness != nil
        if let thresholds = settings.readiness, let total {
            var byCategory: [String: (title: LocalizedText, points: Double)] = [:]
            for category in categories { byCategory[category.id] = (category.title, Self.rounded(category.points)) }
            readiness = thresholds.judge(total: Self.rounded(total), categories: byCategory)
        } else {
            readiness = nil
        }
    }

    /// The notes an assessment result carries, in the order a reader needs them.
    public var notes: [LocalizedText] {
        var notes: [LocalizedText] = []
        let totalText = total.map { Self.rounded($0).formatted } ?? "—"
        let categoryZh = categories.map { "\($0.id) \($0.title.zh) \(Self.rounded($0.points).formatted)/\($0.maxPoints.formatted)" }.joined(separator: "；")
        let categoryEn = categories.map { "\($0.id) \($0.title.en) \(Self.rounded($0.points).formatted)/\($0.maxPoints.formatted)" }.joined(separator: "; ")
        notes.append(LocalizedText(zh: "总分 \(totalText)/\(maxPoints.formatted) 分。各类目：\(categoryZh)",
                                   en: "Total \(totalText)/\(maxPoints.formatted) points. By category: \(categoryEn)"))
        if !flagged.isEmpty {
            let zh = flagged.map { "\($0.item) \($0.title.zh)（相差 \($0.spread.formatted)\($0.settled ? "，已定分" : "")）" }.joined(separator: "；")
            let en = flagged.map { "\($0.item) \($0.title.en) (\($0.spread.formatted) apart\($0.settled ? ", settled" : ""))" }.joined(separator: "; ")
            notes.append(LocalizedText(zh: "评审员评分相差超过 \(spreadThreshold.formatted) 个百分点、需在共识会讨论的条目：\(zh)",
                                       en: "Items whose assessors are more than \(spreadThreshold.formatted) points apart, for the consensus meeting: \(en)"))
        }
        if !derived.isEmpty {
            notes.append(LocalizedText(zh: "\(derived.count) 个条目尚无共识评分，按评审组中位数推导：\(derived.joined(separator: "、"))",
                                       en: "\(derived.count) item(s) have no consensus score yet; their score is the team median (derived): \(derived.joined(separator: ", "))"))
        }
        if !concepts.isEmpty {
            func shown(_ concept: ConceptScore) -> String { concept.percentage.map { "\(Self.rounded($0).formatted)%" } ?? "—" }
            let zh = concepts.map { "\($0.name.zh) \(shown($0))（\($0.evaluatedItems)/\($0.items) 条目）" }.joined(separator: "；")
            let en = concepts.map { "\($0.name.en) \(shown($0)) (\($0.evaluatedItems)/\($0.items) items)" }.joined(separator: "; ")
            notes.append(LocalizedText(zh: "基本理念覆盖：\(zh)", en: "Coverage of the basic concepts: \(en)"))
            let weak = concepts.filter(\.weak)
            if !weak.isEmpty {
                notes.append(LocalizedText(zh: "薄弱的基本理念（低于总体得分率）：\(weak.map(\.name.zh).joined(separator: "、"))",
                                           en: "Weak basic concepts (below the overall percentage): \(weak.map(\.name.en).joined(separator: ", "))"))
            }
        }
        if let readiness {
            if readiness.ready {
                notes.append(LocalizedText(zh: "获奖准备度：达到工作区设定的门槛", en: "Award readiness: meets the thresholds the workspace set"))
            } else {
                notes.append(LocalizedText(zh: "获奖准备度：未达到工作区设定的门槛：\(readiness.shortfalls.map(\.zh).joined(separator: "；"))",
                                           en: "Award readiness: below the thresholds the workspace set: \(readiness.shortfalls.map(\.en).joined(separator: "; "))"))
            }
        } else if readinessSet {
            notes.append(LocalizedText(zh: "没有已评分的条目，不作获奖准备度判断", en: "No item was scored, so no award-readiness judgement is made"))
        } else {
            notes.append(LocalizedText(zh: "未设定获奖准备度门槛（参数 readiness），不作准备度判断",
                                       en: "No award-readiness thresholds are set (parameter readiness), so no readiness judgement is made"))
        }
        return notes
    }

    static func leaves(of node: Criterion) -> [Criterion] {
        node.isLeaf ? [node] : (node.children ?? []).flatMap(leaves)
    }

    /// Points to two decimals, so sums of percentages read cleanly (412.5, not 412.49999999999994).
    static func rounded(_ value: Double) -> Double {
        (value * 100).rounded() / 100
    }

    /// The weights a workspace's tailoring set, read back from the result's canonical tailoring JSON.
    static func tailoredWeights(_ canonical: String) -> [String: Double] {
        guard let value = try? JSONParser.parse(canonical), let weights = value["weights"]?.objectValue else { return [:] }
        var result: [String: Double] = [:]
        for (id, weight) in weights { if let number = weight.numberValue { result[id] = number } }
        return result
    }
}
