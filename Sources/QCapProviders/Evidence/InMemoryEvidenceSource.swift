import QCapCore

/// Evidence read whole at open, filed by enterprise: for sources that are small next to the roster
/// (questionnaire folders, survey tables). Immutable, so safe to read from several threads.
struct InMemoryEvidenceSource: EvidenceSource {
    let providerID: String
    let enterprises: [EnterpriseMention]
    let facts: [String: [Fact]]

    func facts(for enterprise: Enterprise) throws(InputErrors) -> [Fact] {
        facts[enterprise.id] ?? []
    }
}
