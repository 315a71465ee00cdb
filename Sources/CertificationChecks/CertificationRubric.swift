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

    public var probes: [Probe] {
        [PresenceProbe.probe, StatusProbe.probe, ExpiryProbe.probe, EditionProbe.probe, CycleProbe.probe,
         SurveillanceProbe.probe, IssuingBodyProbe.probe, AccreditationProbe.probe, HolderProbe.probe, ScopeProbe.probe,
         DeclaredVsRegistryProbe.probe]
    }

    public var auxiliaryFacts: [String] {
        [CertificateEvidence.declaredKey, CertificateEvidence.registryCheckedKey, ScopeProbe.productsKey]
    }

    /// The rule data, parsed once per run.
    public func prepare(parameters: [String: JSONValue]) -> (any Sendable)? {
        CertificationConfig.load(parameters)
    }

    /// The enterprise's certificates, parsed once for all of its checks.
    public func prepare(evidence: Evidence, context: AssessmentContext, run: (any Sendable)?) -> (any Sendable)? {
        guard let loaded = run as? Result<CertificationConfig, ConfigProblem>, case .success(let config) = loaded else { return nil }
        return CertificateEvidence(evidence: evidence, config: config)
    }

    public func finish(_ result: inout RubricResult, evidence: Evidence, context: AssessmentContext, parameters: [String: JSONValue]) {
        finish(&result, evidence: evidence, context: context, parameters: parameters, prepared: nil, enterprisePrepared: nil)
    }

    /// One line per family, from the rule data and certificates the probes already parsed.
    public func finish(_ result: inout RubricResult, evidence: Evidence, context: AssessmentContext, parameters: [String: JSONValue],
                       prepared: (any Sendable)?, enterprisePrepared: (any Sendable)?) {
        let loaded = (prepared as? Result<CertificationConfig, ConfigProblem>) ?? CertificationConfig.load(parameters)
        guard case .success(let config) = loaded else { return }
        let certificates = (enterprisePrepared as? CertificateEvidence) ?? CertificateEvidence(evidence: evidence, config: config)
        result.notes += FamilySummary.notes(result: result, descriptor: descriptor, certificates: certificates, asOf: context.asOf,
                                           config: config)
    }

    public func exampleEvidence(for request: ExampleRequest, random: inout SeededGenerator) -> ExampleContribution {
        CertificationExampleEvidence.contribution(for: request, random: &random)
    }
}

/// The rubrics this module contributes to the built-in registry.
public enum CertificationChecksModule {
    public static let rubrics: [any Rubric] = [CertificationRubric()]
}
