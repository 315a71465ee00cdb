import QCapCore

/// The rubrics this module contributes to the built-in registry: CMMM-style digital maturity and
/// quality-management digitalization.
public enum DigitalMaturityModule {
    public static let rubrics: [any Rubric] = [DigitalMaturityRubric(), QMDigitalizationRubric()]
}
