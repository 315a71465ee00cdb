import QCapCore

/// The thresholds `MetricThresholdProbe` grades each computed indicator against, read once per run from the
/// `<metric>Thresholds` parameters at the level of each criterion. A criterion whose parameter has no usable `met`
/// threshold for its level is bad input naming the parameter. Public only as the rubric's run preparation.
public struct MetricThresholds: Sendable {
    struct Band: Sendable {
        let met: Double
        let partial: Double?
    }

    /// By criterion id, for every criterion the probe evaluates.
    let bands: [String: Band]

    init(_ context: RubricContext) throws(InputErrors) {
        let descriptor = context.descriptor
        var errors: [InputError] = []
        var bands: [String: Band] = [:]
        for (criterion, _, _) in descriptor.allCriteria() where criterion.evidence?.probe == MetricThresholdProbe.id {
            let key = criterion.evidence?.fact ?? "\(descriptor.factPrefix).\(criterion.id)"
            let parameter = MetricThresholdProbe.parameterName(for: key)
            let level = criterion.level.map(String.init) ?? "?"
            let band = context.parameter(parameter)?[level]
            guard let met = band?["met"]?.numberValue, met.isFinite else {
                errors.append(context.parameterError(parameter, "has no 'met' threshold for level \(level) (criterion \(criterion.id))",
                                                     expected: "{\"\(level)\": {\"met\": number, \"partial\": number}}"))
                continue
            }
            let partial = band?["partial"]
            if let partial, partial.numberValue?.isFinite != true {
                errors.append(context.parameterError("\(parameter).\(level).partial", "is not a number", expected: "a number below met"))
                continue
            }
            bands[criterion.id] = Band(met: met, partial: partial?.numberValue)
        }
        if !errors.isEmpty { throw InputErrors(errors) }
        self.bands = bands
    }
}
