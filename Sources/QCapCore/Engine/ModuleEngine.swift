/// The evaluation of one rubric module `R`, typed: the module, what it prepared for the run, and how each leaf is
/// decided, around the module-independent steps of `CompiledRubric`. `RubricEngine` holds one behind its
/// non-generic face, so the runner, the CLI and the reports keep a plain list of engines.
struct ModuleEngine<R: Rubric>: RubricEvaluator {
    let rubric: R
    let compiled: CompiledRubric
    let run: R.RunPreparation
    /// One per leaf of `compiled.plan`, in order.
    let steps: [LeafStep]
    /// The probes the steps point into.
    let probes: [Probe<R>]

    /// Prepares the run (`R.prepareRun`, which throws bad input) and pairs every leaf with its probe.
    init(rubric: R, compiled: CompiledRubric) throws(InputErrors) {
        self.init(rubric: rubric, compiled: compiled, run: try rubric.prepareRun(compiled.context))
    }

    /// An engine with the run already prepared.
    init(rubric: R, compiled: CompiledRubric, run: R.RunPreparation) {
        self.rubric = rubric
        self.compiled = compiled
        self.run = run
        let probes = rubric.probes
        self.probes = probes
        let index = Dictionary(probes.indices.map { (probes[$0].id, $0) }, uniquingKeysWith: { first, _ in first })
        steps = compiled.plan.leaves.map { leaf in
            guard let id = leaf.criterion.evidence?.probe else { return .rule }
            return index[id].map(LeafStep.probe) ?? .unregisteredProbe(id)
        }
    }

    func evaluate(_ evidence: Evidence, context assessment: AssessmentContext) -> RubricResult {
        let context = EnterpriseContext<R>(rubric: compiled.context, run: run, evidence: evidence, assessment: assessment)
        let prepared = rubric.prepareEnterprise(context)
        let leaves = compiled.plan.leaves
        var findings: [Finding] = []
        findings.reserveCapacity(leaves.count)
        let enterprise = evidence.enterprise.id
        for index in leaves.indices {
            var finding = leafFinding(index, evidence: evidence, context: context, prepared: prepared)
            compiled.applyWaiver(to: &finding, context: assessment, enterprise: enterprise)
            findings.append(finding)
        }
        var result = compiled.result(findings: findings, evidence: evidence, context: assessment)
        rubric.finish(&result, context: context, prepared: prepared)
        return result
    }

    func finding(leaf index: Int, evidence: Evidence, context assessment: AssessmentContext) -> Finding {
        let context = EnterpriseContext<R>(rubric: compiled.context, run: run, evidence: evidence, assessment: assessment)
        return leafFinding(index, evidence: evidence, context: context, prepared: rubric.prepareEnterprise(context))
    }

    /// The finding of leaf `index` before waivers. Inlined into the loop over the leaves, so the generic bookkeeping of
    /// `ProbeInput<R>` is done once per enterprise rather than once per leaf.
    @inline(__always)
    func leafFinding(_ index: Int, evidence: Evidence, context: EnterpriseContext<R>, prepared: R.EnterprisePreparation) -> Finding {
        let leaf = compiled.plan.leaves[index]
        if let skipped = compiled.skipped(leaf, evidence: evidence) { return skipped }
        switch steps[index] {
        case .rule:
            return compiled.ruleFinding(leaf, evidence: evidence)
        case .probe(let probeIndex):
            var finding = probes[probeIndex].evaluate(ProbeInput(criterion: leaf.criterion, factKey: leaf.factKey, context: context, prepared: prepared))
            finding.criterion = leaf.criterion.id
            return finding
        case .unregisteredProbe(let id):
            return Finding(criterion: leaf.criterion.id, outcome: .error, score: 0,
                           message: LocalizedText(zh: "探针 \(id) 未注册", en: "probe \(id) is not registered"))
        }
    }
}

/// How a leaf is decided once it is neither excluded nor inapplicable; worked out once per run.
enum LeafStep: Sendable {
    /// The criterion's declarative rule (or, for a leaf without an evidence spec, an error saying so).
    case rule
    /// The probe at this index of the module's probes.
    case probe(Int)
    case unregisteredProbe(String)
}

/// What `RubricEngine` asks of its typed evaluation: one call per enterprise.
protocol RubricEvaluator: Sendable {
    func evaluate(_ evidence: Evidence, context: AssessmentContext) -> RubricResult
    /// One leaf's finding before waivers, with the enterprise preparation made for it (examples, tests).
    func finding(leaf index: Int, evidence: Evidence, context: AssessmentContext) -> Finding
}
