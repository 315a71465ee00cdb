import QCapCore

/// A management-system family (QMS, EMS, IATF 16949, …) as the rubric's `families` parameter describes it.
/// A criterion node whose id equals `id` holds the family's checks.
struct CertificationFamily: Sendable {
    struct Edition: Sendable {
        let id: String
        /// Identifier forms (`CertificateText.identifier`) that name this edition in a 认证依据 text.
        let identifiers: [String]
        /// The last day certificates to this edition are valid; nil while no deadline is set.
        let invalidAfter: Day?
    }

    let id: String
    /// The family letter in CNCA-style certificate numbers (Q, E, S), when there is one.
    let letter: String?
    let name: LocalizedText
    /// Identifier forms of the 认证项目 keywords.
    let projectNames: [String]
    /// Identifier forms of the standard numbers, without edition.
    let standards: [String]
    let editions: [Edition]
    /// False for schemes outside accreditation (IATF 16949): the accreditation check does not apply.
    let accredited: Bool

    /// The edition a 认证依据 text names, by its longest matching identifier (so `ISO/TS 16949` is not read as
    /// `IATF 16949`); nil when none matches.
    func edition(in standardText: String) -> Edition? {
        let text = CertificateText.identifier(standardText)
        var best: (length: Int, edition: Edition)?
        for edition in editions {
            for identifier in edition.identifiers where CertificateText.contains(text, identifier) {
                if identifier.count > (best?.length ?? 0) { best = (identifier.count, edition) }
            }
        }
        return best?.edition
    }
}
