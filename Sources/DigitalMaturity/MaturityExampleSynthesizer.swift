import QCapCore

/// Synthetic evidence for `qcap init --example` that looks like real surveys: an enterprise fulfils the
/// requirements of the levels below its maturity, partly those at it, and hardly those above, and its profile
/// (process type, logistics, product services, design responsibility) uses the values the rubrics expect.
enum MaturityExampleSynthesizer {
    static func digitalMaturity(_ descriptor: RubricDescriptor, request: ExampleRequest,
                                random: inout SeededGenerator) -> ExampleContribution {
        var facts: [String: JSONValue] = [:]
        let roll = random.unit()
        facts["dm.profile.processType"] = .string(roll < 0.6 ? "discrete" : (roll < 0.85 ? "process" : "mixed"))
        facts["dm.profile.logistics"] = .bool(random.unit() < 0.7)
        facts["dm.profile.productService"] = .bool(random.unit() < 0.5)
        let maturity = clamp(request.quality * Double(descriptor.maxRank) + random.normal(mean: 0, deviation: 0.4),
                             0.3, Double(descriptor.maxRank))
        for (criterion, _, _) in descriptor.allCriteria() where criterion.isLeaf {
            guard let spec = criterion.evidence, let level = criterion.level,
                  let set = spec.answerSet.flatMap(descriptor.answerSet) else { continue }
            if random.unit() < request.missingRate { continue }
            let fulfilment = clamp(maturity - Double(level) + 1 + random.normal(mean: 0, deviation: 0.15), 0, 1)
            facts[spec.fact ?? "\(descriptor.factPrefix).\(criterion.id)"] = closestAnswer(set, to: fulfilment)
        }
        return ExampleContribution(facts: [.survey: facts])
    }

    static func qmDigitalization(_ descriptor: RubricDescriptor, request: ExampleRequest,
                                 random: inout SeededGenerator) -> ExampleContribution {
        // Answer-rated scenarios come from the generic synthesiser; the computed indicators are added here.
        var contribution = GenericExampleSynthesizer.synthesize(descriptor, request: request, random: &random)
        var facts = contribution.facts[.selfAssessment] ?? [:]
        // The generic synthesiser marks a profile that does not apply with "other"; this profile fact is a bool.
        if facts[QMDigitalizationRubric.designResponsibilityFact] != .bool(true) {
            facts[QMDigitalizationRubric.designResponsibilityFact] = .bool(false)
        }
        let quality = request.quality
        if random.unit() >= request.missingRate {
            facts["qmd.PR.spcShare"] = .number(hundredths(clamp(random.normal(mean: quality * 0.95, deviation: 0.12), 0, 1)))
        }
        if random.unit() >= request.missingRate {
            facts["qmd.QA.autoCaptureShare"] = .number(hundredths(clamp(random.normal(mean: quality, deviation: 0.12), 0, 1)))
        }
        if random.unit() >= request.missingRate {
            facts["qmd.QA.traceDepth"] = .number(clamp((quality * 4 + random.normal(mean: 0, deviation: 0.5)).rounded(), 0, 5))
        }
        contribution.facts[.selfAssessment] = facts
        return contribution
    }

    static func closestAnswer(_ set: AnswerSet, to target: Double) -> JSONValue {
        let best = set.options.min { abs($0.score - target) < abs($1.score - target) }
        return best.map { .string($0.value) } ?? .number(target)
    }

    static func clamp(_ value: Double, _ low: Double, _ high: Double) -> Double {
        min(high, max(low, value))
    }

    static func hundredths(_ value: Double) -> Double {
        (value * 100).rounded() / 100
    }
}
