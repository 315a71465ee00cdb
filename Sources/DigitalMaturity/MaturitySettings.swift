import QCapCore

/// How the digital-maturity rubric states its overall 0–5 score, read once per run from the tailored parameters:
/// the adding rule, the bands and the process types the profile may name. A value that cannot be read is bad input
/// naming the parameter. Public only as the rubric's run preparation.
public struct MaturitySettings: Sendable {
    let rule: OverallScore.Rule
    /// nil when the rubric sets no `overallBands`: the score is then not banded.
    let bands: [OverallScore.Band]?
    /// The values `dm.profile.processType` may take; nil when the rubric does not list them.
    let processTypes: [JSONValue]?

    init(_ context: RubricContext) throws(InputErrors) {
        var errors: [InputError] = []
        var rule = OverallScore.Rule.throughFirstMiss
        if let given = context.parameter("overallScoreRule") {
            if let parsed = given.stringValue.flatMap(OverallScore.Rule.init(rawValue:)) {
                rule = parsed
            } else {
                errors.append(context.parameterError("overallScoreRule", "\(JSONWriter.write(given)) is not a rule",
                                                     expected: OverallScore.Rule.allCases.map(\.rawValue).joined(separator: " or ")))
            }
        }
        var bands: [OverallScore.Band]?
        if let given = context.parameter("overallBands") {
            bands = OverallScore.bands(from: given)
            if bands == nil {
                errors.append(context.parameterError("overallBands", "is malformed",
                                                     expected: "[{\"min\": 0.8, \"max\": 1.8, \"level\": 1}, …] with min < max and whole levels"))
            }
        }
        var processTypes: [JSONValue]?
        if let given = context.parameter("processTypes") {
            processTypes = given.arrayValue
            if processTypes == nil { errors.append(context.parameterError("processTypes", "is not a list", expected: "a list of process types")) }
        }
        if !errors.isEmpty { throw InputErrors(errors) }
        self.rule = rule
        self.bands = bands
        self.processTypes = processTypes
    }
}
