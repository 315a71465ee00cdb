import QCapCore
import Synchronization

/// What the probes of a run share, so each is computed once rather than once per leaf: the parsed rule data, and the
/// parsed certificates of the enterprises being evaluated (a rubric has about a hundred leaves, all reading the same
/// certificates). Entries are validated by equality with the current input, which is cheap because a run hands every
/// probe the same storage; memory stays flat because only a few recent enterprises are kept.
enum CertificationCache {
    private struct State {
        var parameters: [String: JSONValue]
        var config: Result<CertificationConfig, ConfigProblem>
        var certificates: [String: (facts: [Fact], value: CertificateEvidence)] = [:]
    }

    /// Enterprises are evaluated a few at a time (one per core); this bounds the cache well above that.
    private static let capacity = 64
    private static let state = Mutex<State?>(nil)

    static func config(for parameters: [String: JSONValue]) -> Result<CertificationConfig, ConfigProblem> {
        if let hit = state.withLock({ current in current.flatMap { $0.parameters == parameters ? $0.config : nil } }) {
            return hit
        }
        let config = Result { () throws(ConfigProblem) -> CertificationConfig in try CertificationConfig.parse(parameters) }
        state.withLock { $0 = State(parameters: parameters, config: config) }
        return config
    }

    /// The enterprise's certificates, parsed with `config` (which must come from `config(for: parameters)`).
    static func certificates(in evidence: Evidence, config: CertificationConfig, parameters: [String: JSONValue]) -> CertificateEvidence {
        let facts = CertificateEvidence.keys.flatMap { evidence.facts($0) }
        let id = evidence.enterprise.id
        let cached = state.withLock { current -> CertificateEvidence? in
            guard let current, current.parameters == parameters, let entry = current.certificates[id], entry.facts == facts else { return nil }
            return entry.value
        }
        if let cached { return cached }
        let parsed = CertificateEvidence(evidence: evidence, config: config)
        state.withLock { current in
            guard current?.parameters == parameters else { return }
            if (current?.certificates.count ?? 0) >= capacity { current?.certificates.removeAll(keepingCapacity: true) }
            current?.certificates[id] = (facts, parsed)
        }
        return parsed
    }
}
