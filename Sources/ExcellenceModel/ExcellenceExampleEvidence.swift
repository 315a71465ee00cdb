import QCapCore

/// Synthetic assessor scores for `qcap init --example`: a team-scoring sheet, `assessor-scores.csv`.
///
/// About three applicants in five have applied for the award. Each gets a team of three to five assessors who score
/// every item around the enterprise's latent quality; most teams have held their consensus meeting, some have also
/// made a site visit, and the rest have only individual scores (so the median is derived and wide spreads are flagged).
enum ExcellenceExampleEvidence {
    static let file = "assessor-scores.csv"
    static let provider = "assessor-scores"
    static let header = ["统一社会信用代码", "评审员", "轮次", "条目", "评分", "优势", "改进机会"]

    static func contribution(descriptor: RubricDescriptor, settings: ExcellenceSettings, request: ExampleRequest,
                             random: inout SeededGenerator) -> ExampleContribution {
        guard random.unit() < 0.6 else { return ExampleContribution() }
        let teamSize = 3 + Int(random.next() % 3)
        let assessors = (1...teamSize).map { "A\($0)" }
        let heldConsensus = random.unit() < 0.7
        let visited = heldConsensus && random.unit() < 0.3
        var rows: [[String]] = []
        for category in descriptor.criteria {
            for item in ExcellenceSummary.leaves(of: category) {
                if random.unit() < request.missingRate { continue }
                let kind = settings.kind(of: item.id)
                let base = request.quality * (kind == .result ? 90 : 100)
                let truth = random.normal(mean: base, deviation: 8)
                var individual: [Double] = []
                for assessor in assessors {
                    let value = onStep(random.normal(mean: truth, deviation: 7))
                    individual.append(value)
                    rows.append([request.enterprise.id, assessor, AssessmentRound.individual.label.zh, item.id, value.formatted, "", ""])
                }
                let (strength, opportunity) = remarks(item: item.title.zh, kind: kind, percentage: truth, random: &random)
                if heldConsensus {
                    let agreed = onStep(TeamConsensus.median(individual) ?? truth)
                    rows.append([request.enterprise.id, "评审组", AssessmentRound.consensus.label.zh, item.id, agreed.formatted, strength, opportunity])
                    if visited && random.unit() < 0.2 {
                        let revised = onStep(agreed + (random.unit() < 0.5 ? -5 : 5))
                        rows.append([request.enterprise.id, "评审组", AssessmentRound.siteVisit.label.zh, item.id, revised.formatted, "", ""])
                    }
                } else if rows.count >= assessors.count {
                    // Without a consensus meeting, the first assessor's remarks stand for the team.
                    let first = rows.count - assessors.count
                    rows[first][5] = strength
                    rows[first][6] = opportunity
                }
            }
        }
        return ExampleContribution(tables: [file: ExampleTable(header: header, rows: rows, provider: provider)])
    }

    /// Rounds to the 5% grid inside 0–100.
    static func onStep(_ value: Double) -> Double {
        min(100, max(0, (value / 5).rounded() * 5))
    }

    static func remarks(item: String, kind: ExcellenceSettings.ItemKind, percentage: Double,
                        random: inout SeededGenerator) -> (strength: String, opportunity: String) {
        let strengths = kind == .process
            ? ["已形成较系统的\(item)做法，并在主要部门推行", "\(item)有定期评价和改进的记录", "\(item)与战略目标衔接较好"]
            : ["\(item)的主要指标近三年持续改善", "\(item)的关键指标优于行业平均水平", "\(item)的数据完整，分层清楚"]
        let opportunities = kind == .process
            ? ["\(item)的做法尚未覆盖全部部门和环节", "\(item)缺少基于数据的评价与改进", "\(item)与其他过程的协同有待加强"]
            : ["\(item)缺少与竞争对手或标杆的对比", "\(item)部分指标出现不利趋势", "\(item)未给出未来绩效的预测"]
        let strength = percentage >= 30 ? strengths[Int(random.next() % UInt64(strengths.count))] : ""
        let opportunity = percentage < 85 ? opportunities[Int(random.next() % UInt64(opportunities.count))] : ""
        return (strength, opportunity)
    }
}
