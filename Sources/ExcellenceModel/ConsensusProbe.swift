import QCapCore

/// `excellence.consensus`: turns the assessor team's percentages for one item into the item's score.
///
/// - Assessors' scores (source `assessor` or `onsite`, or any fact naming an assessor) win over the applicant's own
///   self-assessment, which is then only mentioned.
/// - The latest round decides: site visit, else consensus; otherwise the team's median, reported as derived.
/// - A percentage off the step grid (5%) or outside 0–100 is an error naming the fact: the probe does not round,
///   because a silently rounded 62 would hide a data-entry mistake the evaluator must correct.
/// - An item whose individual scores lie more than `spreadThreshold` points apart is flagged for the consensus meeting.
/// - The assessors' strengths and opportunities for improvement (`<item fact>.strengths`, `.opportunities`) are
///   carried in the finding's details for the report.
enum ConsensusProbe {
    static let id = "excellence.consensus"
    static let probe = Probe(id: id) { input in evaluate(input) }

    /// Detail keys of the findings this probe returns; the summary and the report outline read them back.
    enum Detail {
        static let percentage = "percentage"
        static let band = "band"
        static let basis = "basis"
        static let kind = "kind"
        static let individualScores = "individualScores"
        static let spread = "spread"
        static let spreadFlag = "spreadFlag"
        static let strengths = "strengths"
        static let opportunities = "opportunities"
    }

    static func evaluate(_ input: ProbeInput) -> Finding {
        let settings = ExcellenceSettings.forProbe(input.parameters)
        let kind = settings.kind(of: input.criterion.id)
        let all = input.evidence.facts(input.factKey)
        var details = notes(input)
        details[Detail.kind] = kind.rawValue
        guard !all.isEmpty else {
            let what = input.criterion.evidence?.description ?? LocalizedText(zh: "评审员评分", en: "assessor scores")
            return input.finding(.noEvidence, score: nil,
                                 message: LocalizedText(zh: "缺少证据，请收集：\(what.zh)", en: "no evidence; collect: \(what.en)"),
                                 details: details.isEmpty ? nil : details)
        }
        let team = all.filter(isTeamScore)
        let used = team.isEmpty ? all : team
        let ignored = team.isEmpty ? [] : all.filter { !isTeamScore($0) }

        var scores: [TeamConsensus.Score] = []
        var citations: [String] = []
        var problems: [String] = []
        for fact in used {
            guard let round = AssessmentRound(parsing: fact.provenance.round) else {
                problems.append("round \"\(fact.provenance.round ?? "")\" (\(fact.provenance.citation)); expected \(AssessmentRound.acceptedForms)")
                continue
            }
            guard let value = percentage(fact.value) else {
                problems.append("\(JSONWriter.write(fact.value)) is not a percentage (\(fact.provenance.citation))")
                continue
            }
            if value < 0 || value > 100 {
                problems.append("\(value.formatted)% is outside 0–100 (\(fact.provenance.citation))")
                continue
            }
            if !settings.isOnStep(value) {
                problems.append("\(value.formatted)% is not on the \(settings.step.formatted)% step (\(fact.provenance.citation))")
                continue
            }
            scores.append(TeamConsensus.Score(value: value, round: round, assessor: fact.provenance.assessor))
            citations.append(fact.provenance.citation)
        }
        // The same assessor's score for the same round may arrive twice (a CSV sheet and a JSON file): the same value
        // counts once, a different value is an error, never a silent pick.
        var firstByAssessor: [String: Int] = [:]
        var distinct: [TeamConsensus.Score] = []
        var distinctCitations: [String] = []
        for (score, citation) in zip(scores, citations) {
            guard let assessor = score.assessor else {
                distinct.append(score)
                distinctCitations.append(citation)
                continue
            }
            let identity = "\(assessor)|\(score.round.rawValue)"
            if let first = firstByAssessor[identity] {
                if abs(distinct[first].value - score.value) > 1e-9 {
                    problems.append("\(assessor) gave \(distinct[first].value.formatted)% and \(score.value.formatted)% in the \(score.round.rawValue) round")
                }
                continue
            }
            firstByAssessor[identity] = distinct.count
            distinct.append(score)
            distinctCitations.append(citation)
        }
        scores = distinct
        citations = distinctCitations
        let cited = used.map(\.provenance) + ignored.map(\.provenance)
        if !problems.isEmpty {
            let listing = problems.joined(separator: "; ")
            return input.finding(.error, score: 0,
                                 message: LocalizedText(zh: "评分无效，请更正后重新评价：\(listing)", en: "invalid score, correct it and assess again: \(listing)"),
                                 evidence: cited, details: details)
        }

        let consensus: TeamConsensus
        switch TeamConsensus.resolve(scores) {
        case .empty:
            return input.finding(.noEvidence, score: nil, message: LocalizedText(zh: "缺少评审员评分", en: "no assessor score"), evidence: cited)
        case .conflict(let round, let indices):
            let listing = indices.map { "\(scores[$0].value.formatted)% (\(citations[$0]))" }.joined(separator: " / ")
            return input.finding(.error, score: 0,
                                 message: LocalizedText(zh: "\(round.label.zh)存在不同取值，需评审组确认：\(listing)",
                                                        en: "the \(round.label.en) round holds different values; the team must settle them: \(listing)"),
                                 evidence: cited, details: details)
        case .resolved(let resolved):
            consensus = resolved
        }

        let value = consensus.value
        let band = settings.band(of: value)
        details[Detail.percentage] = value.formatted
        details[Detail.basis] = consensus.basis.rawValue
        if let band { details[Detail.band] = band.label }
        let individual = scores.filter { $0.round == .individual }
        if !individual.isEmpty {
            details[Detail.individualScores] = individual.map { "\($0.assessor ?? "?") \($0.value.formatted)" }.joined(separator: ", ")
        }
        if let spread = consensus.spread { details[Detail.spread] = spread.formatted }
        let flagged = consensus.exceeds(spreadThreshold: settings.spreadThreshold)
        if flagged { details[Detail.spreadFlag] = "true" }

        var message = headline(consensus, band: band, scores: individual)
        if flagged, let spread = consensus.spread {
            let threshold = settings.spreadThreshold.formatted
            if consensus.isDerived {
                message.zh += "；评审员评分相差 \(spread.formatted) 个百分点，超过阈值 \(threshold)，提交共识会讨论"
                message.en += "; the assessors are \(spread.formatted) points apart, more than \(threshold): flagged for the consensus meeting"
            } else {
                message.zh += "；独立评分曾相差 \(spread.formatted) 个百分点（阈值 \(threshold)），已由\(consensus.basis == .siteVisit ? "现场评审" : "共识会")确定"
                message.en += "; individual scores were \(spread.formatted) points apart (threshold \(threshold)), settled by the \(consensus.basis == .siteVisit ? "site visit" : "consensus meeting")"
            }
        }
        if !ignored.isEmpty {
            let listing = ignored.map { "\(JSONWriter.write($0.value)) (\($0.provenance.citation))" }.joined(separator: "; ")
            message.zh += "；企业自评 \(listing) 仅供参考"
            message.en += "; the applicant's own score \(listing) is for reference only"
        }
        let score = value / 100
        let outcome: Outcome = score >= 1 ? .met : (score <= 0 ? .notMet : .partial)
        return input.finding(outcome, score: score, message: message, evidence: cited, details: details)
    }

    static func headline(_ consensus: TeamConsensus, band: ExcellenceSettings.Band?, scores: [TeamConsensus.Score]) -> LocalizedText {
        let value = consensus.value.formatted
        let bandZh = band.map { "（\($0.label) 区间）" } ?? ""
        let bandEn = band.map { " (band \($0.label))" } ?? ""
        switch consensus.basis {
        case .siteVisit:
            return LocalizedText(zh: "现场评审后评分 \(value)%\(bandZh)", en: "site-visit score \(value)%\(bandEn)")
        case .consensus:
            return LocalizedText(zh: "共识评分 \(value)%\(bandZh)", en: "consensus score \(value)%\(bandEn)")
        case .median:
            let listing = scores.map { $0.value.formatted }.joined(separator: "、")
            let listingEn = scores.map { $0.value.formatted }.joined(separator: ", ")
            let bandZhInner = band.map { "\($0.label) 区间；" } ?? ""
            let bandEnInner = band.map { "band \($0.label); " } ?? ""
            if scores.count == 1 {
                return LocalizedText(zh: "评分 \(value)%（\(bandZhInner)仅 1 个评分，尚无共识评分）",
                                     en: "score \(value)% (\(bandEnInner)a single score, no consensus yet)")
            }
            return LocalizedText(zh: "评审组中位数 \(value)%（\(bandZhInner)推导值，尚无共识评分；\(scores.count) 个独立评分：\(listing)）",
                                 en: "team median \(value)% (\(bandEnInner)derived, no consensus yet; \(scores.count) individual scores: \(listingEn))")
        }
    }

    /// A score from the assessor team rather than from the applicant.
    static func isTeamScore(_ fact: Fact) -> Bool {
        fact.provenance.assessor != nil || fact.provenance.source == .assessor || fact.provenance.source == .onSite
    }

    /// A number, or a text such as `60` or `60%`.
    static func percentage(_ value: JSONValue) -> Double? {
        if let number = value.numberValue { return number.isFinite ? number : nil }
        guard let text = value.stringValue else { return nil }
        return DecimalNumber.parse(text, allowingPercent: true)?.value
    }

    /// Strengths and opportunities for improvement recorded for the item, each tagged with its assessor and round.
    static func notes(_ input: ProbeInput) -> [String: String] {
        var details: [String: String] = [:]
        for (suffix, key) in [("strengths", Detail.strengths), ("opportunities", Detail.opportunities)] {
            var lines: [String] = []
            for fact in input.evidence.facts("\(input.factKey).\(suffix)") {
                let texts: [String]
                switch fact.value {
                case .string(let text): texts = [text]
                case .array(let items): texts = items.compactMap(\.stringValue)
                default: texts = []
                }
                let tag = [fact.provenance.assessor, fact.provenance.round.flatMap { AssessmentRound(parsing: $0)?.label.zh }]
                    .compactMap { $0 }.joined(separator: "/")
                for text in texts {
                    let trimmed = text.trimmedWhitespace
                    guard !trimmed.isEmpty, !lines.contains(where: { $0.hasSuffix(trimmed) }) else { continue }
                    lines.append(tag.isEmpty ? trimmed : "[\(tag)] \(trimmed)")
                }
            }
            if !lines.isEmpty { details[key] = lines.joined(separator: "\n") }
        }
        return details
    }
}
