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
        let maturity = self.maturity(descriptor, request: request, random: &random)
        answer(descriptor, maturity: maturity, missingRate: request.missingRate, into: &facts, random: &random)
        return ExampleContribution(facts: [.survey: facts])
    }

    static func qmDigitalization(_ descriptor: RubricDescriptor, request: ExampleRequest,
                                 random: inout SeededGenerator) -> ExampleContribution {
        var facts: [String: JSONValue] = [:]
        facts[QMDigitalizationRubric.designResponsibilityFact] = .bool(random.unit() < 0.8)
        let maturity = self.maturity(descriptor, request: request, random: &random)
        answer(descriptor, maturity: maturity, missingRate: request.missingRate, into: &facts, random: &random)
        // The computed indicators land near the default thresholds of the enterprise's maturity
        // (SPC 0.2 / 0.5 / 0.8, automatic capture 0.3 / 0.6 / 0.9, depth 1 / 2 / 3 at levels 1 / 2 / 3).
        if random.unit() >= request.missingRate {
            facts["qmd.PR.spcShare"] = .number(hundredths(clamp(0.3 * maturity - 0.1 + random.normal(mean: 0, deviation: 0.08), 0, 1)))
        }
        if random.unit() >= request.missingRate {
            facts["qmd.QA.autoCaptureShare"] = .number(hundredths(clamp(0.3 * maturity + random.normal(mean: 0, deviation: 0.08), 0, 1)))
        }
        if random.unit() >= request.missingRate {
            facts["qmd.QA.traceDepth"] = .number(clamp((maturity + random.normal(mean: 0, deviation: 0.4)).rounded(), 0, 5))
        }
        return ExampleContribution(facts: [.survey: facts])
    }

    /// The enterprise's maturity on the rubric's scale (continuous), spread around its latent quality.
    static func maturity(_ descriptor: RubricDescriptor, request: ExampleRequest, random: inout SeededGenerator) -> Double {
        let top = Double(max(descriptor.maxRank, 1))
        return clamp(request.quality * top + random.normal(mean: 0, deviation: 0.4), 0.3, top)
    }

    /// Answers every per-level answer requirement: full below the maturity, falling off at and above it.
    static func answer(_ descriptor: RubricDescriptor, maturity: Double, missingRate: Double,
                       into facts: inout [String: JSONValue], random: inout SeededGenerator) {
        for (criterion, _, _) in descriptor.allCriteria() where criterion.isLeaf {
            guard let spec = criterion.evidence, spec.type == .answer, let level = criterion.level,
                  let set = spec.answerSet.flatMap(descriptor.answerSet) else { continue }
            if random.unit() < missingRate { continue }
            let fulfilment = clamp(maturity - Double(level) + 1 + random.normal(mean: 0, deviation: 0.15), 0, 1)
            facts[spec.fact ?? "\(descriptor.factPrefix).\(criterion.id)"] = closestAnswer(set, to: fulfilment)
        }
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
