import QCapCore

/// Where the on-site review rated an indicator differently from the self-assessment.
///
/// The on-site rating already wins in each finding; this note gathers the differences in one place, because an
/// evaluator discusses them with the factory as a whole (a habit of rating oneself high, one dimension misjudged).
enum RatingDifferences {
    struct Difference: Sendable, Equatable {
        var criterion: String
        var selfRating: Double
        var onSiteRating: Double
    }

    struct RatedCriterion: Sendable {
        var id: String
        var factKey: String
    }

    /// The level-rated criteria of a rubric, in rubric order.
    static func ratedCriteria(of descriptor: RubricDescriptor) -> [RatedCriterion] {
        descriptor.allCriteria().compactMap { criterion, _, _ in
            guard criterion.isLeaf, let spec = criterion.evidence, spec.type == .level else { return nil }
            return RatedCriterion(id: criterion.id, factKey: spec.fact ?? "\(descriptor.factPrefix).\(criterion.id)")
        }
    }

    /// The level-rated criteria whose self-assessment and on-site rating differ, in rubric order.
    static func differences(for descriptor: RubricDescriptor, evidence: Evidence) -> [Difference] {
        differences(for: ratedCriteria(of: descriptor), evidence: evidence)
    }

    static func differences(for rated: [RatedCriterion], evidence: Evidence) -> [Difference] {
        var result: [Difference] = []
        for criterion in rated {
            let facts = evidence.facts(criterion.factKey)
            guard facts.count > 1 else { continue }
            let selfRatings = facts.filter { $0.provenance.source == .selfAssessment }.compactMap(\.value.numberValue)
            let onSiteRatings = facts.filter { $0.provenance.source == .onSite }.compactMap(\.value.numberValue)
            // With several ratings of one kind the engine reports a conflict instead; only a clear pair is compared.
            guard selfRatings.count == 1, onSiteRatings.count == 1, selfRatings[0] != onSiteRatings[0] else { continue }
            result.append(Difference(criterion: criterion.id, selfRating: selfRatings[0], onSiteRating: onSiteRatings[0]))
        }
        return result
    }

    static func note(for rated: [RatedCriterion], evidence: Evidence) -> LocalizedText? {
        let found = differences(for: rated, evidence: evidence)
        guard !found.isEmpty else { return nil }
        let higher = found.filter { $0.selfRating > $0.onSiteRating }.count
        let zhItems = found.map { "\($0.criterion)（自评 \($0.selfRating.formatted) → 现场 \($0.onSiteRating.formatted)）" }.joined(separator: "、")
        let enItems = found.map { "\($0.criterion) (self \($0.selfRating.formatted) → on-site \($0.onSiteRating.formatted))" }.joined(separator: ", ")
        return LocalizedText(
            zh: "现场评审与自评不一致 \(found.count) 项，以现场评审为准（其中自评偏高 \(higher) 项）：\(zhItems)",
            en: "On-site review differs from the self-assessment on \(found.count) indicator(s); the on-site rating counts (self-assessment higher on \(higher)): \(enItems)")
    }
}
