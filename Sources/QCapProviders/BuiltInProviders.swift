import QCapCore

/// The providers that ship with QCap. Rubric modules and third parties add theirs through `QCapCommand.main`.
public enum BuiltInProviders {
    public static var all: [any DataProvider] {
        [QuestionnaireProvider(), EvidenceLinesProvider(), DigitalSurveyProvider(), AssessorScoresProvider(),
         CertificateRegistryProvider.cnca, CertificateRegistryProvider.iafCertSearch]
    }
}
