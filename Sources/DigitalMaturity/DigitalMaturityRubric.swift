import QCapCore

/// CMMM-style digital maturity (GB/T 39116-2020 spirit): 4 capability elements, 20 sub-domains, one requirement per
/// sub-domain per level, graded by the maturity-gated model.
///
/// The generic engine decides the level (a level holds when its weighted score reaches the threshold and every lower
/// level holds) and gives element and sub-domain scores for radar charts. This type adds what CMMM reports besides:
/// the overall 0–5 score and its band, stated with the rule used.
public struct DigitalMaturityRubric: Rubric {
    public init() {}

    public let descriptor = EmbeddedRubrics.digitalMaturity.descriptor

    /// The profile facts that decide which sub-domains apply.
    static let processTypeFact = "dm.profile.processType"

    public func auxiliaryFacts(_ context: RubricContext) -> [String] {
        [Self.processTypeFact, "dm.profile.logistics", "dm.profile.productService"]
    }

    /// The overall score's adding rule and bands, and the known process types, read once per run.
    public func prepareRun(_ context: RubricContext) throws(InputErrors) -> MaturitySettings {
        try MaturitySettings(context)
    }

    public func finish(_ result: inout RubricResult, context: EnterpriseContext<DigitalMaturityRubric>, prepared: Void) {
        let settings = context.run
        let descriptor = context.descriptor
        result.notes += Self.profileNotes(evidence: context.evidence, processTypes: settings.processTypes)
        guard result.score != nil, let levelScores = result.levelScores else { return }
        let maxRank = descriptor.maxRank
        let threshold = result.model.threshold ?? ScoringModel.defaultThreshold
        let rule = settings.rule
        let overall = Self.rounded(OverallScore.value(levelScores: levelScores, maxRank: maxRank, threshold: threshold, rule: rule))
        result.scaleScore = overall
        result.scaleMax = Double(maxRank)

        let counted = (1...max(maxRank, 1)).prefix { rank in
            rule == .allLevels || rank == 1
                || (levelScores[String(rank - 1)] ?? 0) + OverallScore.epsilon >= threshold
        }
        let listing = counted.map { rank -> (zh: String, en: String) in
            let name = descriptor.level(rank: rank)?.name ?? LocalizedText("\(rank)")
            let score = Self.shown(levelScores[String(rank)] ?? 0)
            return ("\(name.zh) \(score)", "\(name.en) \(score)")
        }
        let ruleText = rule == .throughFirstMiss
            ? LocalizedText(zh: "各级得分依次累加，至首个低于门槛 \(threshold.formatted) 的等级为止（含该级）",
                            en: "level scores added up to and including the first level below the threshold \(threshold.formatted)")
            : LocalizedText(zh: "五个等级的得分全部累加", en: "all level scores added")

        guard let bands = settings.bands else {
            result.notes.append(LocalizedText(
                zh: "总分 \(Self.shown(overall)) / \(maxRank)（\(ruleText.zh)：\(listing.map(\.zh).joined(separator: "、"))）；未设参数 overallBands，未分档。",
                en: "Overall score \(Self.shown(overall)) of \(maxRank) (\(ruleText.en): \(listing.map(\.en).joined(separator: ", "))); no overallBands parameter is set, so it is not banded."))
            return
        }
        let bandLevel = OverallScore.level(of: overall, bands: bands)
        let bandName = bandLevel.flatMap { descriptor.level(rank: $0)?.name }
            ?? LocalizedText(zh: "未达一级", en: "below level 1")
        result.notes.append(LocalizedText(
            zh: "总分 \(Self.shown(overall)) / \(maxRank)（\(ruleText.zh)：\(listing.map(\.zh).joined(separator: "、"))），按分档为\(bandName.zh)。",
            en: "Overall score \(Self.shown(overall)) of \(maxRank) (\(ruleText.en): \(listing.map(\.en).joined(separator: ", "))), banded as \(bandName.en)."))
        if bandLevel != result.level?.rank {
            let gated = result.level?.name ?? LocalizedText(zh: "未达一级", en: "below level 1")
            result.notes.append(LocalizedText(
                zh: "总分分档（\(bandName.zh)）与逐级判定（\(gated.zh)）不一致；等级以逐级判定为准：本级加权得分不低于 \(threshold.formatted) 且所有较低等级均已达成。",
                en: "The overall-score band (\(bandName.en)) differs from the level-by-level verdict (\(gated.en)); the level follows the level-by-level rule: the level's weighted score is at least \(threshold.formatted) and every lower level is held."))
        }
    }

    /// A process type outside `processTypes` would silently make product design not applicable: say so.
    static func profileNotes(evidence: Evidence, processTypes: [JSONValue]?) -> [LocalizedText] {
        guard let fact = evidence.resolve(processTypeFact)?.fact,
              let allowed = processTypes, !allowed.contains(fact.value) else { return [] }
        let list = allowed.map { JSONWriter.write($0) }.joined(separator: ", ")
        return [LocalizedText(
            zh: "\(processTypeFact) 的值 \(JSONWriter.write(fact.value)) 不在 \(list) 之内（\(fact.provenance.citation)），相关子域按不适用处理，请核对。",
            en: "\(processTypeFact) is \(JSONWriter.write(fact.value)), not one of \(list) (\(fact.provenance.citation)); the sub-domains that depend on it are treated as not applicable. Please check.")]
    }

    /// Two decimals for the notes people read (the stored figures keep six), cut rather than rounded so a score
    /// just under a band edge (3.799) never reads as the edge (3.8).
    static func shown(_ value: Double) -> String {
        ((value * 100 + 1e-6).rounded(.down) / 100).formatted
    }

    /// Six decimals, like the engine's stored figures, so output is stable across platforms.
    static func rounded(_ value: Double) -> Double {
        (value * 1_000_000).rounded() / 1_000_000
    }

    public func exampleEvidence(for request: ExampleRequest, context: RubricContext, random: inout SeededGenerator) -> ExampleContribution {
        MaturityExampleSynthesizer.digitalMaturity(context.descriptor, request: request, random: &random)
    }
}
