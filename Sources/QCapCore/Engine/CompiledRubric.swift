/// A rubric's effective descriptor compiled with its tailoring for one run, and the steps of an evaluation that do
/// not depend on the module: exclusions and applicability, declarative rules, waivers, scoring, node scores and the
/// gap. `ModuleEngine` runs them around the module's probes and hooks. Immutable; used concurrently.
struct CompiledRubric: Sendable {
    let context: RubricContext
    /// `context.descriptor`, read on every leaf.
    let descriptor: RubricDescriptor
    let plan: RubricPlan
    let model: ScoringModel
    let messages: RuleEvaluator.Messages

    init(context: RubricContext) {
        self.context = context
        let descriptor = context.descriptor
        self.descriptor = descriptor
        plan = RubricPlan(descriptor: descriptor, tailoring: context.tailoring)
        messages = RuleEvaluator.Messages(descriptor: descriptor)
        var model = ScoringModel(kind: descriptor.scoring.model, threshold: descriptor.scoring.threshold,
                                 bands: descriptor.scoring.bands, maxPoints: descriptor.scoring.maxPoints)
        if model.kind == .maturityGated {
            model.threshold = context.tailoring.threshold ?? model.threshold ?? ScoringModel.defaultThreshold
        }
        self.model = model
    }

    /// The finding of a leaf that is not evaluated at all: excluded by tailoring, or not applicable to this
    /// enterprise. Nil when the leaf is to be evaluated.
    func skipped(_ leaf: RubricPlan.Leaf, evidence: Evidence) -> Finding? {
        let criterion = leaf.criterion
        if leaf.excluded {
            return Finding(criterion: criterion.id, outcome: .notApplicable, score: nil,
                           message: LocalizedText(zh: "按剪裁（tailoring）排除", en: "excluded by tailoring"))
        }
        if let applicability = criterion.applicability, let resolved = evidence.resolve(applicability.fact),
           !applicability.applies(to: resolved.value) {
            return Finding(criterion: criterion.id, outcome: .notApplicable, score: nil,
                           message: LocalizedText(zh: "不适用（\(applicability.fact) = \(JSONWriter.write(resolved.value))）",
                                                  en: "not applicable (\(applicability.fact) = \(JSONWriter.write(resolved.value)))"),
                           evidence: [resolved.fact.provenance])
        }
        return nil
    }

    /// A leaf scored by its declarative rule: the criterion's fact resolved across sources, then the rule.
    func ruleFinding(_ leaf: RubricPlan.Leaf, evidence: Evidence) -> Finding {
        let criterion = leaf.criterion
        guard let spec = criterion.evidence else {
            return Finding(criterion: criterion.id, outcome: .error, score: 0,
                           message: LocalizedText(zh: "末级条款缺少证据说明", en: "leaf criterion has no evidence spec"))
        }
        switch ResolvedFact.resolve(leaf.factKey, in: evidence, criterion: criterion.id,
                                    missing: spec.description ?? ResolvedFact.describe(leaf.factKey)) {
        case .noEvidence(let finding), .conflict(let finding):
            return finding
        case .value(let resolved):
            let verdict = RuleEvaluator.evaluate(resolved.value, spec: spec, descriptor: descriptor, messages: messages)
            return Finding(criterion: criterion.id, outcome: verdict.outcome, score: verdict.score, level: verdict.level,
                           message: resolved.noting(verdict.message), evidence: resolved.cited)
        }
    }

    func applyWaiver(to finding: inout Finding, context: AssessmentContext, enterprise: String) {
        let id = descriptor.id
        guard let waiver = context.waivers.first(where: { $0.rubric == id && $0.criterion == finding.criterion && $0.enterprise == enterprise }),
              waiver.isActive(asOf: context.asOf), finding.outcome.isScored else { return }
        finding.rawOutcome = finding.outcome
        finding.rawScore = finding.score
        finding.outcome = .waived
        finding.message.zh += "；已豁免至 \(waiver.expires)（批准人 \(waiver.approver)：\(waiver.justification)）"
        finding.message.en += "; waived until \(waiver.expires) (approved by \(waiver.approver): \(waiver.justification))"
    }

    /// The result of the findings (one per leaf, in plan order): scores with and without waivers, level, coverage,
    /// node scores, the gap to the next level and the waiver notes.
    func result(findings: [Finding], evidence: Evidence, context: AssessmentContext) -> RubricResult {
        let scorer = Scorer(plan: plan, model: model, maxRank: descriptor.maxRank)
        let waivedView = findings.map { Scorer.LeafScore(score: $0.outcome.isScored ? $0.score : nil, level: $0.level, outcome: $0.outcome) }
        let aggregate = scorer.aggregate(waivedView)
        // Without waivers the raw view is the waived view: build and score it only when a waiver applied.
        let raw = findings.contains { $0.rawOutcome != nil } ? scorer.aggregate(findings.map { finding in
            let outcome = finding.rawOutcome ?? finding.outcome
            let score = finding.rawOutcome != nil ? finding.rawScore : finding.score
            return Scorer.LeafScore(score: outcome.isScored ? score : nil, level: finding.level, outcome: outcome)
        }) : aggregate
        let levelRef = aggregate.level.flatMap { rank in
            descriptor.level(rank: rank).map { RubricResult.LevelRef(rank: rank, id: $0.id, name: $0.name) }
        }
        var result = RubricResult(
            rubric: .init(id: descriptor.id, version: descriptor.version, hash: descriptor.contentHash, title: descriptor.title),
            model: model,
            tailoring: self.context.tailoring.canonical,
            score: aggregate.score.map(RubricEngine.round),
            rawScore: raw.score.map(RubricEngine.round),
            scaleScore: aggregate.scaleScore.map(RubricEngine.round),
            scaleMax: model.kind == .points ? (model.maxPoints ?? plan.leaves.reduce(0) { $0 + $1.weight }) : nil,
            level: levelRef,
            coverage: coverage(findings).map(RubricEngine.round),
            levelScores: model.kind == .maturityGated ? levelScores(aggregate.gates) : nil,
            nodes: nodeScores(waivedView, findings: findings),
            findings: findings,
            gap: nil,
            notes: waiverNotes(findings: findings, context: context, enterprise: evidence.enterprise.id))
        result.gap = GapAnalysis(plan: plan, model: model, descriptor: descriptor, scorer: scorer)
            .gap(findings: findings, values: waivedView, aggregate: aggregate)
        return result
    }

    /// Flags waivers that expired, and waivers no longer needed because the criterion is met without them.
    func waiverNotes(findings: [Finding], context: AssessmentContext, enterprise: String) -> [LocalizedText] {
        let id = descriptor.id
        var notes: [LocalizedText] = []
        for waiver in context.waivers where waiver.rubric == id && waiver.enterprise == enterprise {
            if !waiver.isActive(asOf: context.asOf) {
                notes.append(LocalizedText(zh: "豁免已过期：\(waiver.criterion)（\(waiver.expires) 到期，\(waiver.citation)），已不再适用",
                                           en: "waiver expired: \(waiver.criterion) (expired \(waiver.expires), \(waiver.citation)); no longer applied"))
            } else if let finding = findings.first(where: { $0.criterion == waiver.criterion }), finding.rawOutcome == .met {
                notes.append(LocalizedText(zh: "豁免已无必要：\(waiver.criterion) 在无豁免时已符合（\(waiver.citation)）",
                                           en: "waiver no longer needed: \(waiver.criterion) is met without it (\(waiver.citation))"))
            }
        }
        return notes
    }

    /// The evidenced share of the applicable weight (`Coverage`); nil when nothing applies.
    func coverage(_ findings: [Finding]) -> Double? {
        Coverage.share(of: zip(plan.leaves, findings).map { (weight: $0.share, outcome: $1.outcome) })
    }

    func levelScores(_ gates: [Scorer.LevelGate]) -> [String: Double] {
        var scores: [String: Double] = [:]
        for gate in gates { if let share = gate.share { scores[String(gate.rank)] = RubricEngine.round(share) } }
        return scores
    }

    /// Scores of the inner nodes in pre-order, each computed once from its children (bottom-up).
    func nodeScores(_ values: [Scorer.LeafScore], findings: [Finding]) -> [RubricResult.NodeScore] {
        var result: [RubricResult.NodeScore] = []
        /// Returns the subtree's weighted score (or nil) and its leaves as (share, outcome) for `Coverage`.
        func walk(_ node: RubricPlan.Node) -> (score: Double?, leaves: [(weight: Double, outcome: Outcome)]) {
            switch node {
            case .leaf(let index, _):
                let score = plan.leaves[index].excluded ? nil : values[index].score
                return (score, [(plan.leaves[index].share, findings[index].outcome)])
            case .inner(let criterion, let depth, _, let children):
                let slot = result.count
                result.append(.init(criterion: criterion.id, title: criterion.title, score: nil, coverage: nil, depth: depth))
                var weighted = 0.0, weights = 0.0
                var leaves: [(weight: Double, outcome: Outcome)] = []
                for child in children {
                    let part = walk(child)
                    leaves += part.leaves
                    guard let score = part.score else { continue }
                    let weight = child.weight
                    weighted += weight * score
                    weights += weight
                }
                let score: Double? = weights > 0 ? weighted / weights : nil
                result[slot].score = score.map { RubricEngine.round($0 * 100) }
                result[slot].coverage = Coverage.share(of: leaves).map(RubricEngine.round)
                return (score, leaves)
            }
        }
        for root in plan.roots { _ = walk(root) }
        return result
    }
}
