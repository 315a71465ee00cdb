import QCapCore

/// Management-system certificate checks (QMS, EMS, OHSMS and the families the rubric data adds): are the certificates
/// an enterprise holds real, valid, current, its own, and do they cover what it makes? Evaluators check this from
/// the registry exports they download (CNCA, IAF CertSearch) against what the enterprise declares.
///
/// The rubric's tree has one node per family; every leaf is one of the probes below, told its family by the node id.
/// Every rule (deadlines, cycle, surveillance intervals, status spellings, industry requirements) is in the rubric's
/// parameters, so a region tailors them without recompiling.
public struct CertificationRubric: Rubric {
    public init() {}

    public let descriptor = EmbeddedRubrics.certification.descriptor

    public var probes: [Probe<CertificationRubric>] {
        [PresenceProbe.probe, StatusProbe.probe, ExpiryProbe.probe, EditionProbe.probe, CycleProbe.probe,
         SurveillanceProbe.probe, IssuingBodyProbe.probe, AccreditationProbe.probe, HolderProbe.probe, ScopeProbe.probe,
         DeclaredVsRegistryProbe.probe]
    }

    public func auxiliaryFacts(_ context: RubricContext) -> [String] {
        [CertificateEvidence.declaredKey, CertificateEvidence.registryCheckedKey, ScopeProbe.productsKey]
    }

    /// The rule data, parsed once per run. A parameter the checks cannot use, or a family criterion the `families`
    /// parameter does not describe, is bad input that stops the run before anything is assessed.
    public func prepareRun(_ context: RubricContext) throws(InputErrors) -> CertificationConfig {
        let config: CertificationConfig
        do {
            config = try CertificationConfig.parse(context.parameters)
        } catch {
            throw InputErrors([context.parameterError(error.parameter, error.reason)])
        }
        var errors: [InputError] = []
        for (criterion, _, _) in context.descriptor.allCriteria() where criterion.evidence?.probe != nil {
            let family = CertificationCheck.familyID(of: criterion.id)
            if config.family(family) == nil {
                errors.append(context.parameterError("families", "criterion \(criterion.id) names family \(family), which it does not list",
                                                     expected: "an entry {\"id\": \"\(family)\", …} for every family the criteria name"))
            }
        }
        if !errors.isEmpty { throw InputErrors(errors) }
        return config
    }

    /// The enterprise's certificates, parsed once for all of its checks and the family summaries.
    public func prepareEnterprise(_ context: EnterpriseContext<CertificationRubric>) -> CertificateEvidence {
        CertificateEvidence(evidence: context.evidence, config: context.run)
    }

    /// One line per family and the verdict (the rubric has no levels), from the rule data and certificates the probes
    /// already used.
    public func finish(_ result: inout RubricResult, context: EnterpriseContext<CertificationRubric>, prepared: CertificateEvidence) {
        let families = FamilySummary.families(result: result, descriptor: context.descriptor, certificates: prepared, asOf: context.asOf,
                                              config: context.run)
        result.notes += FamilySummary.notes(families)
        result.verdict = FamilySummary.verdict(families)
    }

    public func exampleEvidence(for request: ExampleRequest, context: RubricContext, random: inout SeededGenerator) -> ExampleContribution {
        CertificationExampleEvidence.contribution(for: request, random: &random)
    }
}

/// The rubrics this module contributes to the built-in registry.
public enum CertificationChecksModule {
    public static let rubrics: [any Rubric] = [CertificationRubric()]
}
