/// Evaluates one rubric, with one tailoring, for any number of enterprises.
///
/// The engine is built once per run (it compiles the rubric into a plan) and is then used concurrently: it holds
/// no mutable state.
public struct RubricEngine: Sendable {
    public let rubric: any Rubric
    /// Kept apart from `rubric` so the hot path does not copy it out of the existential for every leaf.
    public let descriptor: RubricDescriptor
    public let tailoring: Tailoring
    let plan: RubricPlan
    let probes: [String: Probe]
    let parameters: [String: JSONValue]
    let model: ScoringModel
    let messages: RuleEvaluator.Messages
    /// The rubric's run-wide preparation (`Rubric.prepare(parameters:)`).
    let prepared: (any Sendable)?

    /// Compiles the rubric with its tailoring into a plan, once per run.
    public init(rubric: any Rubric, tailoring: Tailoring = .none) {
        self.rubric = rubric
        self.tailoring = tailoring
        let descriptor = rubric.descriptor
        self.descriptor = descriptor
        plan = RubricPlan(descriptor: descriptor, tailoring: tailoring)
        messages = RuleEvaluator.Messages(descriptor: descriptor)
        probes = Dictionary(rubric.probes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var parameters: [String: JSONValue] = [:]
        for (name, parameter) in descriptor.parameters ?? [:] { parameters[name] = parameter.value }
        for (name, value) in tailoring.parameters { parameters[name] = value }
        self.parameters = parameters
        prepared = rubric.prepare(parameters: parameters)
        var model = ScoringModel(kind: descriptor.scoring.model, threshold: descriptor.scoring.threshold,
                                 bands: descriptor.scoring.bands, maxPoints: descriptor.scoring.maxPoints)
        if model.kind == .maturityGated { model.threshold = tailoring.threshold ?? model.threshold ?? ScoringModel.defaultThreshold }
        self.model = model
    }

    /// The fact keys the rubric reads, for providers that check evidence against what rubrics expect.
    public var factKeys: [String] { plan.leaves.map(\.factKey) }

    /// The rubric's result for one enterprise: findings, scores, level, coverage and gap.
    public func evaluate(_ evidence: Evidence, context: AssessmentContext) -> RubricResult {
        var findings: [Finding] = []
        findings.reserveCapacity(plan.leaves.count)
        let enterprisePrepared = probes.isEmpty ? nil : rubric.prepare(evidence: evidence, context: context, run: prepared)
        for leaf in plan.leaves {
            var finding = evaluateLeaf(leaf, evidence: evidence, context: context, enterprisePrepared: enterprisePrepared)
            applyWaiver(to: &finding, context: context, enterprise: evidence.enterprise.id)
            findings.append(finding)
        }
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
            tailoring: tailoring.canonical,
            score: aggregate.score.map(Self.round),
            rawScore: raw.score.map(Self.round),
            scaleScore: aggregate.scaleScore.map(Self.round),
            scaleMax: model.kind == .points ? (model.maxPoints ?? plan.leaves.reduce(0) { $0 + $1.weight }) : nil,
            level: levelRef,
            coverage: Self.round(coverage(findings)),
            levelScores: model.kind == .maturityGated ? levelScores(aggregate.gates) : nil,
            nodes: nodeScores(waivedView, findings: findings),
            findings: findings,
            gap: nil,
            notes: waiverNotes(findings: findings, context: context, enterprise: evidence.enterprise.id))
        result.gap = GapAnalysis(plan: plan, model: model, descriptor: descriptor, scorer: scorer)
            .gap(findings: findings, values: waivedView, aggregate: aggregate)
        rubric.finish(&result, evidence: evidence, context: context, parameters: parameters, prepared: prepared,
                      enterprisePrepared: enterprisePrepared)
        return result
    }

    /// Rounds stored figures to 6 decimals so output is stable across platforms and runs.
    static func round(_ value: Double) -> Double {
        (value * 1_000_000).rounded() / 1_000_000
    }

    func evaluateLeaf(_ leaf: RubricPlan.Leaf, evidence: Evidence, context: AssessmentContext,
                      enterprisePrepared: (any Sendable)? = nil) -> Finding {
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
        guard let spec = criterion.evidence else {
            return Finding(criterion: criterion.id, outcome: .error, score: 0,
                           message: LocalizedText(zh: "末级条款缺少证据说明", en: "leaf criterion has no evidence spec"))
        }
        if let probeID = spec.probe {
            guard let probe = probes[probeID] else {
                return Finding(criterion: criterion.id, outcome: .error, score: 0,
                               message: LocalizedText(zh: "探针 \(probeID) 未注册", en: "probe \(probeID) is not registered"))
            }
            let input = ProbeInput(criterion: criterion, factKey: leaf.factKey, evidence: evidence, context: context,
                                   descriptor: descriptor, parameters: parameters, prepared: prepared,
                                   enterprisePrepared: enterprisePrepared)
            var finding = probe.evaluate(input)
            finding.criterion = criterion.id
            return finding
        }
        guard let resolved = evidence.resolve(leaf.factKey) else {
            let what = spec.description ?? LocalizedText(zh: "事实 \(leaf.factKey)", en: "fact \(leaf.factKey)")
            return Finding(criterion: criterion.id, outcome: .noEvidence, score: nil,
                           message: LocalizedText(zh: "缺少证据，请收集：\(what.zh)", en: "no evidence; collect: \(what.en)"))
        }
        if resolved.hasConflict {
            let all = [resolved.fact] + resolved.conflicting
            let listing = all.map { "\(JSONWriter.write($0.value)) (\($0.provenance.citation))" }.joined(separator: " / ")
            return Finding(criterion: criterion.id, outcome: .error, score: 0,
                           message: LocalizedText(zh: "证据冲突：\(listing)", en: "conflicting evidence: \(listing)"),
                           evidence: all.map(\.provenance))
        }
        let verdict = RuleEvaluator.evaluate(resolved.value, spec: spec, descriptor: descriptor, messages: messages)
        var message = verdict.message
        var cited = resolved.fact.citation
        if !resolved.overridden.isEmpty {
            let others = resolved.overridden.map { "\(JSONWriter.write($0.value)) (\($0.provenance.source.rawValue), \($0.provenance.citation))" }
                .joined(separator: "; ")
            message.zh += "；\(resolved.fact.provenance.source.rawValue) 取值优先，差异：\(others)"
            message.en += "; \(resolved.fact.provenance.source.rawValue) value wins over \(others)"
            cited += resolved.overridden.map(\.provenance)
        }
        return Finding(criterion: criterion.id, outcome: verdict.outcome, score: verdict.score, level: verdict.level,
                       message: message, evidence: cited)
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

    func coverage(_ findings: [Finding]) -> Double {
        var covered = 0.0
        var total = 0.0
        let useCounts = plan.leaves.allSatisfy { $0.share == 0 }
        for (leaf, finding) in zip(plan.leaves, findings) {
            let weight = useCounts ? 1 : leaf.share
            total += weight
            if finding.outcome != .notApplicable && finding.outcome != .noEvidence { covered += weight }
        }
        return total > 0 ? covered / total : 0
    }

    func levelScores(_ gates: [Scorer.LevelGate]) -> [String: Double] {
        var scores: [String: Double] = [:]
        for gate in gates { if let share = gate.share { scores[String(gate.rank)] = Self.round(share) } }
        return scores
    }

    /// Scores of the inner nodes in pre-order, each computed once from its children (bottom-up).
    func nodeScores(_ values: [Scorer.LeafScore], findings: [Finding]) -> [RubricResult.NodeScore] {
        var result: [RubricResult.NodeScore] = []
        /// Returns the subtree's (weighted score or nil, covered leaves, total leaves).
        func walk(_ node: RubricPlan.Node) -> (score: Double?, covered: Int, total: Int) {
            switch node {
            case .leaf(let index, _):
                let outcome = findings[index].outcome
                let score = plan.leaves[index].excluded ? nil : values[index].score
                return (score, outcome != .notApplicable && outcome != .noEvidence ? 1 : 0, 1)
            case .inner(let criterion, let depth, _, let children):
                let slot = result.count
                result.append(.init(criterion: criterion.id, title: criterion.title, score: nil, coverage: 0, depth: depth))
                var weighted = 0.0, weights = 0.0, covered = 0, total = 0
                for child in children {
                    let part = walk(child)
                    covered += part.covered
                    total += part.total
                    guard let score = part.score else { continue }
                    let weight = child.weight
                    weighted += weight * score
                    weights += weight
                }
                let score: Double? = weights > 0 ? weighted / weights : nil
                result[slot].score = score.map { Self.round($0 * 100) }
                result[slot].coverage = total > 0 ? Self.round(Double(covered) / Double(total)) : 0
                return (score, covered, total)
            }
        }
        for root in plan.roots { _ = walk(root) }
        return result
    }

}
