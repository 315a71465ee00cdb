import QCapCore

/// Grades a computed indicator of quality-management digitalization against the threshold of the criterion's level.
///
/// The thresholds are assumptions, so they live in the rubric's parameters (`<metric>Thresholds`, e.g.
/// `spcShareThresholds` for `qmd.PR.spcShare`) where a workspace can tailor them; a declarative rule could not
/// read them. The probe also rejects values of the wrong kind that a rule would grade silently: a share of 45
/// (a percentage typed where a fraction belongs) or a traceability depth of 1.5.
enum MetricThresholdProbe {
    static let id = "qmd.metricThreshold"

    static let probe = Probe<QMDigitalizationRubric>(id: id) { input in evaluate(input) }

    /// What values the metric takes, read from the fact name (`…Share`, `…Depth`).
    enum Kind {
        case share, depth, number

        init(factKey: String) {
            let name = metricName(factKey)
            self = name.hasSuffix("Share") ? .share : (name.hasSuffix("Depth") ? .depth : .number)
        }

        func problem(_ value: Double) -> LocalizedText? {
            switch self {
            case .share:
                guard value >= 0, value <= 1 else {
                    let hint = value > 1 && value <= 100
                        ? LocalizedText(zh: "（像是百分数：请填 \((value / 100).formatted)）", en: " (it looks like a percentage: write \((value / 100).formatted))")
                        : LocalizedText("")
                    return LocalizedText(zh: "比例应为 0–1 的小数，实际为 \(value.formatted)\(hint.zh)",
                                         en: "a share must be a fraction from 0 to 1, found \(value.formatted)\(hint.en)")
                }
            case .depth:
                guard value >= 0, value == value.rounded(), value <= 1_000 else {
                    return LocalizedText(zh: "追溯深度应为不小于 0 的整数（BOM 层级数），实际为 \(value.formatted)",
                                         en: "a depth must be a whole number of BOM levels ≥ 0, found \(value.formatted)")
                }
            case .number:
                guard value.isFinite else { return LocalizedText(zh: "数值无效", en: "the number is not finite") }
            }
            return nil
        }
    }

    static func metricName(_ factKey: String) -> String {
        factKey.split(separator: ".").last.map(String.init) ?? factKey
    }

    static func parameterName(for factKey: String) -> String {
        metricName(factKey) + "Thresholds"
    }

    static func evaluate(_ input: ProbeInput<QMDigitalizationRubric>) -> Finding {
        let key = input.factKey
        // `prepareRun` reads a threshold for every criterion that names this probe; this only guards the lookup.
        guard let band = input.run.bands[input.criterion.id] else {
            return input.finding(.error, score: 0, message: LocalizedText(
                zh: "参数 \(parameterName(for: key)) 缺少第 \(input.criterion.level.map(String.init) ?? "?") 级的 met 门槛",
                en: "parameter \(parameterName(for: key)) has no 'met' threshold for level \(input.criterion.level.map(String.init) ?? "?")"))
        }
        let resolved: Resolution
        switch input.resolveFact() {
        case .value(let value): resolved = value
        case .noEvidence(let finding), .conflict(let finding): return finding
        }
        let cited = resolved.cited
        let citation = resolved.fact.provenance.citation
        guard let value = resolved.value.numberValue else {
            return input.finding(.error, score: 0, message: LocalizedText(
                zh: "\(key) 的值 \(JSONWriter.write(resolved.value)) 不是数值（\(citation)）",
                en: "\(key) is \(JSONWriter.write(resolved.value)), not a number (\(citation))"), evidence: cited)
        }
        if let problem = Kind(factKey: key).problem(value) {
            return input.finding(.error, score: 0, message: LocalizedText(zh: "\(key)：\(problem.zh)（\(citation)）",
                                                                          en: "\(key): \(problem.en) (\(citation))"), evidence: cited)
        }
        let met = band.met
        let partial = band.partial
        let details = ["value": value.formatted, "met": met.formatted] .merging(partial.map { ["partial": $0.formatted] } ?? [:]) { a, _ in a }
        func finding(_ outcome: Outcome, _ score: Double, _ zh: String, _ en: String) -> Finding {
            input.finding(outcome, score: score, message: resolved.noting(LocalizedText(zh: zh, en: en)), evidence: cited, details: details)
        }
        if value + 1e-12 >= met {
            return finding(.met, 1, "\(value.formatted)（≥ 门槛 \(met.formatted)）", "\(value.formatted) (≥ threshold \(met.formatted))")
        }
        if let partial, value + 1e-12 >= partial {
            return finding(.partial, 0.5, "\(value.formatted)（≥ 部分满足门槛 \(partial.formatted)，未达 \(met.formatted)）",
                           "\(value.formatted) (≥ partial threshold \(partial.formatted), below \(met.formatted))")
        }
        return finding(.notMet, 0, "\(value.formatted)（低于门槛 \(met.formatted)）", "\(value.formatted) (below threshold \(met.formatted))")
    }
}
