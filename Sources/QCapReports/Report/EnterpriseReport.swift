import Foundation
import QCapCore

/// Everything `qcap report` hands to an enterprise: its results per rubric with the rubric they were graded with,
/// where the results come from, and what needs review. Rendered by `ReportHTML`, `ReportMarkdown` and `ReportJSON`.
public struct EnterpriseReport: Sendable {
    /// A stored run the report draws on.
    public struct Run: Sendable, Codable, Equatable {
        public var id: Int
        public var created: String
        public var who: String
        public var inputsHash: String
        public var qcapVersion: String
        public var asOf: Day

        public init(id: Int, created: String, who: String, inputsHash: String, qcapVersion: String, asOf: Day) {
            self.id = id
            self.asOf = asOf
            self.created = created
            self.who = who
            self.inputsHash = inputsHash
            self.qcapVersion = qcapVersion
        }
    }

    public struct Section: Sendable {
        public var result: RubricResult
        /// The rubric as it was when the result was computed; nil if it is no longer known (titles fall back to ids).
        public var descriptor: RubricDescriptor? {
            didSet { criteria = Self.index(descriptor) }
        }
        public var runID: Int?
        /// The rubric's criteria by id, indexed once: a report looks up a title for each of hundreds of findings.
        private(set) var criteria: [String: Criterion]

        public init(result: RubricResult, descriptor: RubricDescriptor?, runID: Int? = nil) {
            self.result = result
            self.descriptor = descriptor
            self.runID = runID
            criteria = Self.index(descriptor)
        }

        static func index(_ descriptor: RubricDescriptor?) -> [String: Criterion] {
            Dictionary((descriptor?.allCriteria() ?? []).map { ($0.criterion.id, $0.criterion) }, uniquingKeysWith: { first, _ in first })
        }
    }

    public var enterprise: Enterprise
    public var period: String
    public var asOf: Day
    /// The stored runs the results come from; empty when the report assessed the enterprise on the fly.
    public var runs: [Run]
    public var sections: [Section]
    public var review: [LocalizedText]
    public var qcapVersion: String

    public init(enterprise: Enterprise, period: String, asOf: Day, runs: [Run], sections: [Section], review: [LocalizedText] = [],
                qcapVersion: String) {
        self.enterprise = enterprise
        self.period = period
        self.asOf = asOf
        self.runs = runs
        self.sections = sections
        self.review = review
        self.qcapVersion = qcapVersion
    }

    public var assessedOnTheFly: Bool { runs.isEmpty }
}

extension EnterpriseReport.Section {
    /// The dimensions (depth-0 nodes) for the radar chart, without those where nothing applies (a certificate family
    /// the enterprise does not need is not a weakness).
    public var dimensions: [RubricResult.NodeScore] {
        let inapplicable = Set(findingsByDimension().filter { group in
            !group.dimension.isEmpty && group.findings.allSatisfy { $0.outcome == .notApplicable }
        }.map(\.dimension))
        return result.nodes.filter { $0.depth == 0 && !inapplicable.contains($0.criterion) }
    }

    /// A criterion's title in the rubric, or its id.
    public func title(of criterion: String) -> LocalizedText {
        criteria[criterion]?.title ?? LocalizedText(criterion)
    }

    public func remediation(of criterion: String) -> LocalizedText? {
        criteria[criterion]?.remediation
    }

    /// Findings grouped by the top-level criterion (dimension) they belong to, in rubric order.
    public func findingsByDimension() -> [(dimension: String, title: LocalizedText, findings: [Finding])] {
        let all = [(dimension: "", title: LocalizedText(zh: "全部条款", en: "All criteria"), findings: result.findings)]
        // Without a tree (a flat list of criteria) there are no dimensions to group by.
        guard let descriptor, descriptor.criteria.contains(where: { !$0.isLeaf }) else { return all }
        var top: [String: String] = [:]
        var order: [String] = []
        var titles: [String: LocalizedText] = [:]
        var current = ""
        for (criterion, _, depth) in descriptor.allCriteria() {
            if depth == 0 {
                current = criterion.id
                order.append(current)
                titles[current] = criterion.title
            }
            top[criterion.id] = current
        }
        let grouped = Dictionary(grouping: result.findings) { top[$0.criterion] ?? "" }
        var groups = order.compactMap { id in grouped[id].map { (dimension: id, title: titles[id] ?? LocalizedText(id), findings: $0) } }
        if let loose = grouped[""] { groups.append((dimension: "", title: LocalizedText(zh: "其他", en: "Other"), findings: loose)) }
        return groups
    }
}
