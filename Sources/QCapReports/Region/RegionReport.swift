import QCapCore

/// The region's programme statistics as of a date (`qcap region`): certificates in force, levels per graded rubric,
/// new entrants since a baseline set beside MIIT's national new-entrant targets, and the coverage of evidence, for the
/// whole region and for each group (`--by district|industry|size`).
///
/// Every figure has an id (`cert.QMS.holders`, `new.manufacturing-capability.assurance`, …); `qcap region --list ID`
/// prints the enterprises behind it. This is also the `qcap.region/v1` JSON document (docs/json-output.md).
public struct RegionReport: Sendable, Codable {
    public static let schemaID = "qcap.region/v1"

    /// A figure's definition: what it counts, in which section, and what its share is taken of.
    public struct Figure: Sendable, Codable, Equatable {
        public var id: String
        /// `cohort`, `certificates`, `levels`, `newEntrants`, `coverage`.
        public var section: String
        public var label: LocalizedText
        /// `enterprises` or `certificates`.
        public var unit: String
        /// The figure whose value is the denominator of this one's share (`enterprises`, `assessed.<rubric>`).
        public var shareOf: String?
    }

    /// The region, or one group of it.
    public struct Group: Sendable, Codable {
        /// `all` for the whole region, else the district code, industry class or size class.
        public var key: String
        public var name: LocalizedText
        /// Figure id → value.
        public var figures: [String: Int]
        /// Rubric id → mean evidence coverage (0–1) over the enterprises assessed with it.
        public var meanCoverage: [String: Double]
    }

    public struct RubricInfo: Sendable, Codable {
        public var id: String
        public var title: LocalizedText
        public var levels: [Comparison.Level]
    }

    /// The region's new entrants beside one year's national targets. Counts and shares, not progress: a region has
    /// no quota.
    public struct NationalYear: Sendable, Codable {
        public struct Level: Sendable, Codable {
            public var level: Comparison.Level
            /// The national number of new enterprises at the level (or above) by the year.
            public var target: Double
            /// The region's new entrants at or past the level since the baseline (absent without a baseline).
            public var newEntrants: Int?
            /// Of which first assessed in this period.
            public var firstAssessed: Int?
            /// newEntrants / target.
            public var shareOfTarget: Double?
            /// The figure id to list them.
            public var figure: String
        }

        public struct Adopters: Sendable, Codable {
            public var target: Double
            /// Enterprises first certified to a QMS standard after the baseline date and holding a QMS certificate in
            /// force on the as-of date (absent without a baseline or a registry).
            public var newAdopters: Int?
            public var shareOfTarget: Double?
            public var figure: String
        }

        public var year: String
        public var levels: [Level]
        public var newQMSAdopters: Adopters?
    }

    public struct National: Sendable, Codable {
        public var rubric: String
        public var title: LocalizedText
        /// The document the targets come from (the rubric parameter's `source`).
        public var source: String?
        public var years: [NationalYear]
    }

    /// A section left out, and why (e.g. the data it needs is not in the workspace).
    public struct Omitted: Sendable, Codable, Equatable {
        public var section: String
        public var reason: LocalizedText

        public init(section: String, reason: LocalizedText) {
            self.section = section
            self.reason = reason
        }
    }

    public var schema = RegionReport.schemaID
    public var period: String
    public var asOf: Day
    public var baselinePeriod: String?
    /// The as-of date of the baseline period's latest run: QMS adopters are counted from it.
    public var baselineAsOf: Day?
    public var region: Comparison.Region
    /// The grouping (`district`, `industry`, `size`), absent for the region alone.
    public var by: RegionGrouping?
    public var rubrics: [RubricInfo]
    /// The certificate families counted (absent when the workspace has no certificate registry).
    public var families: [CertificateCensus.Family]?
    /// Days ahead within which a certificate in force counts as expiring.
    public var expiringWithinDays: Int?
    /// Every figure, in display order.
    public var figures: [Figure]
    /// The whole region first, then each group.
    public var groups: [Group]
    public var national: [National]
    public var omitted: [Omitted]
    public var notes: [LocalizedText]
}
