/// Works out what would lift an enterprise one level: the improvement plan of the report.
///
/// For maturity-gated rubrics, the items are the criteria that do not attain the next level, must-pass ones first,
/// then by weight; `lifts` marks the smallest set (by weight) that would make the gate hold. For banded models, the
/// items are the criteria not fully met, by the score they could add.
struct GapAnalysis {
    let plan: RubricPlan
    let model: ScoringModel
    let descriptor: RubricDescriptor
    let scorer: Scorer

    func gap(findings: [Finding], values: [Scorer.LeafScore], aggregate: Scorer.Aggregate) -> Gap? {
        if model.kind == .maturityGated { return gatedGap(findings: findings, values: values, aggregate: aggregate) }
        return bandedGap(findings: findings, values: values, aggregate: aggregate)
    }

    func levelRef(_ rank: Int) -> RubricResult.LevelRef? {
        descriptor.level(rank: rank).map { RubricResult.LevelRef(rank: rank, id: $0.id, name: $0.name) }
    }

    func gatedGap(findings: [Finding], values: [Scorer.LeafScore], aggregate: Scorer.Aggregate) -> Gap? {
        let next = (aggregate.level ?? 0) + 1
        guard next <= descriptor.maxRank, let gate = aggregate.gates.first(where: { $0.rank == next }) else { return nil }
        let threshold = model.threshold ?? ScoringModel.defaultThreshold
        var candidates: [(index: Int, credit: Double)] = []
        for (index, leaf) in plan.leaves.enumerated() where scorer.counts(leaf, at: next) {
            let outcome = findings[index].outcome
            if outcome == .notApplicable || outcome == .waived { continue }
            let credit = scorer.credit(leaf, values[index], at: next) ?? 0
            if credit < 1 { candidates.append((index, credit)) }
        }
        candidates.sort { lhs, rhs in
            let l = plan.leaves[lhs.index], r = plan.leaves[rhs.index]
            if l.mustPass != r.mustPass { return l.mustPass }
            if l.share != r.share { return l.share > r.share }
            return lhs.index < rhs.index
        }
        // Greedy: must-pass items first, then the heaviest until the share reaches the threshold.
        var share = gate.share ?? 0
        let total = plan.leaves.enumerated().filter { scorer.counts($0.element, at: next) && values[$0.offset].score != nil }
            .reduce(0.0) { $0 + $1.element.share }
        let items = candidates.map { candidate -> Gap.Item in
            let leaf = plan.leaves[candidate.index]
            let finding = findings[candidate.index]
            let requirement = finding.outcome == .noEvidence
                ? Self.collect(leaf)
                : (leaf.level == nil
                    ? (leaf.criterion.requirement(atLevel: next) ?? leaf.criterion.remediation)
                    : (leaf.criterion.remediation ?? leaf.criterion.title))
            return Gap.Item(criterion: leaf.criterion.id, title: leaf.criterion.title, weight: RubricEngine.round(leaf.share),
                            currentLevel: finding.level, requiredLevel: leaf.level == nil ? next : nil,
                            currentScore: finding.score, outcome: finding.outcome, requirement: requirement,
                            mustPass: leaf.mustPass)
        }
        var lifting: [Gap.Item] = []
        for (candidate, item) in zip(candidates, items) {
            let leaf = plan.leaves[candidate.index]
            let needed = leaf.mustPass || share + 1e-9 < threshold
            guard needed else { continue }
            if total > 0 { share += leaf.share * (1 - candidate.credit) / total }
            lifting.append(item)
        }
        let name = levelRef(next)?.name ?? LocalizedText("\(next)")
        let shareText = gate.share.map { RubricEngine.round($0).formatted } ?? "—"
        let reason = LocalizedText(
            zh: "达到\(name.zh)需加权占比 ≥ \(threshold.formatted) 且否决项全部达标；当前占比 \(shareText)，未达标否决项 \(gate.failingMustPass.count + gate.missingMustPass.count) 项。提升下列 \(lifting.count) 项即可晋级。",
            en: "\(name.en) needs a weighted share ≥ \(threshold.formatted) and every must-pass item; the share is \(shareText) with \(gate.failingMustPass.count + gate.missingMustPass.count) must-pass item(s) short. Raising the \(lifting.count) item(s) below lifts the enterprise one level.")
        return Gap(nextLevel: levelRef(next), scoreNeeded: nil, reason: reason, items: lifting + items.filter { item in
            !lifting.contains { $0.criterion == item.criterion }
        }, liftCount: lifting.count)
    }

    func bandedGap(findings: [Finding], values: [Scorer.LeafScore], aggregate: Scorer.Aggregate) -> Gap? {
        let current = model.kind == .points ? aggregate.scaleScore : aggregate.score
        guard let current else { return nil }
        let bands = (model.bands ?? []).sorted { $0.min < $1.min }
        let nextBand = bands.first { $0.min > current + 1e-9 && $0.level > (aggregate.level ?? 0) }
        if !bands.isEmpty && nextBand == nil { return nil }
        let needed = nextBand.map { $0.min - current }
        let maxPoints = model.maxPoints ?? plan.leaves.reduce(0) { $0 + $1.weight }
        var candidates: [(index: Int, gain: Double)] = []
        for (index, leaf) in plan.leaves.enumerated() where !leaf.excluded {
            let finding = findings[index]
            guard finding.outcome.isScored || finding.outcome == .noEvidence, finding.outcome != .met else { continue }
            let missing = 1 - (values[index].score ?? 0)
            let gain = model.kind == .points ? leaf.weight * missing : leaf.share * missing * 100
            if gain > 0 { candidates.append((index, gain)) }
        }
        candidates.sort { $0.gain != $1.gain ? $0.gain > $1.gain : $0.index < $1.index }
        var gained = 0.0
        var liftCount = 0
        let items = candidates.map { candidate -> Gap.Item in
            let leaf = plan.leaves[candidate.index]
            let finding = findings[candidate.index]
            if let needed, gained + 1e-9 < needed { gained += candidate.gain; liftCount += 1 }
            return Gap.Item(criterion: leaf.criterion.id, title: leaf.criterion.title,
                            weight: RubricEngine.round(model.kind == .points && maxPoints > 0 ? leaf.weight / maxPoints : leaf.share),
                            currentLevel: finding.level, requiredLevel: nil, currentScore: finding.score, outcome: finding.outcome,
                            requirement: finding.outcome == .noEvidence ? Self.collect(leaf) : leaf.criterion.remediation,
                            mustPass: leaf.mustPass)
        }
        let unit = model.kind == .points ? LocalizedText(zh: "分", en: " points") : LocalizedText(zh: "分", en: " points (of 100)")
        let reason: LocalizedText
        if let nextBand, let needed {
            let name = levelRef(nextBand.level)?.name ?? LocalizedText("\(nextBand.level)")
            reason = LocalizedText(zh: "距\(name.zh)还差 \(RubricEngine.round(needed).formatted)\(unit.zh)；优先改进以下 \(liftCount) 项。",
                                   en: "\(RubricEngine.round(needed).formatted)\(unit.en) short of \(name.en); improve the first \(liftCount) item(s) below.")
        } else {
            reason = LocalizedText(zh: "以下条款尚未完全符合，按可提升分值排序。", en: "Criteria not fully met, by the score they could add.")
        }
        return Gap(nextLevel: nextBand.flatMap { levelRef($0.level) }, scoreNeeded: needed.map(RubricEngine.round),
                   reason: reason, items: items, liftCount: liftCount)
    }

    /// For a criterion without evidence the first step is to collect it, whatever level it would then show.
    static func collect(_ leaf: RubricPlan.Leaf) -> LocalizedText {
        let what = leaf.criterion.evidence?.description ?? LocalizedText(zh: "事实 \(leaf.factKey)", en: "fact \(leaf.factKey)")
        return LocalizedText(zh: "缺少证据，请先收集：\(what.zh)", en: "No evidence yet; collect: \(what.en)")
    }
}
