/// Runs a rubric's own examples: evidence that must give a stated outcome (SwiftLint's `RuleDescription` idea).
/// The generic test, `qcap rubrics validate` and the build-time compiler all run them.
public struct ExampleRunner: Sendable {
    public let rubric: EffectiveRubric
    /// The assessment date examples use unless they set `context.asOf`.
    public static let defaultAsOf = Day(year: 2026, month: 6, day: 30) ?? Day(daysSinceEpoch: 20634)

    /// A runner for the examples of `rubric`'s descriptor, evaluated with its module's probes and preparations.
    public init(rubric: EffectiveRubric) {
        self.rubric = rubric
    }

    /// A runner for the examples of a module's own descriptor.
    public init(rubric: any Rubric) {
        self.init(rubric: EffectiveRubric(rubric))
    }

    /// An example that did not give its stated outcome, score or level.
    public struct Failure: Sendable {
        public var criterion: String
        public var example: Int
        public var path: String
        public var message: String
    }

    /// Every failing example, with its JSON path and what it gave instead. Throws when the module cannot prepare a
    /// run from the descriptor's own parameters.
    public func run(skippingProbes: Bool = false) throws(InputErrors) -> [Failure] {
        let engine = try RubricEngine(rubric)
        var failures: [Failure] = []
        let descriptor = rubric.descriptor
        let paths = Dictionary(descriptor.allCriteria().map { ($0.criterion.id, $0.path) }, uniquingKeysWith: { a, _ in a })
        for (leafIndex, leaf) in engine.plan.leaves.enumerated() where !(skippingProbes && leaf.criterion.evidence?.probe != nil) {
            for (index, example) in (leaf.criterion.examples ?? []).enumerated() {
                let path = "\(paths[leaf.criterion.id] ?? "$")" + ".examples[\(index)]"
                let (evidence, context) = Self.evidence(for: example, rubric: descriptor)
                let finding = engine.finding(leaf: leafIndex, evidence: evidence, context: context)
                var problems: [String] = []
                if finding.outcome != example.outcome {
                    problems.append("outcome is \(finding.outcome.rawValue), expected \(example.outcome.rawValue)")
                }
                if let score = example.score, abs((finding.score ?? -1) - score) > 1e-6 {
                    problems.append("score is \(finding.score.map { $0.formatted } ?? "none"), expected \(score.formatted)")
                }
                if let level = example.level, finding.level != level {
                    problems.append("level is \(finding.level.map(String.init) ?? "none"), expected \(level)")
                }
                if !problems.isEmpty {
                    failures.append(Failure(criterion: leaf.criterion.id, example: index, path: path,
                                            message: "example \(index + 1) of \(leaf.criterion.id) fails: \(problems.joined(separator: "; ")) (\(finding.message.en))"))
                }
            }
        }
        return failures
    }

    func failures(file: String, lines: JSONLineIndex, skippingProbes: Bool) -> [InputError] {
        do {
            return try run(skippingProbes: skippingProbes).map {
                InputError(file: file, location: .jsonPath($0.path, line: lines.nearestLine(for: $0.path)), message: $0.message)
            }
        } catch {
            return error.errors
        }
    }

    /// Builds the evidence of an example. `enterprise.<field>` facts fill the enterprise, `context.asOf` sets the
    /// date, and a value `{"$facts": [{"value": …, "source": "onsite", "assessor": …, "round": …}]}` gives several
    /// facts for one key (several sources or assessors).
    public static func evidence(for example: Example, rubric: RubricDescriptor) -> (Evidence, AssessmentContext) {
        var enterprise = Enterprise(id: "91350600EXAMPLE000", name: "示例企业")
        var asOf = defaultAsOf
        var facts: [Fact] = []
        let file = "rubric \(rubric.id) example"
        for (key, value) in (example.facts ?? [:]).sorted(by: { $0.key < $1.key }) {
            switch key {
            case "context.asOf":
                if let day = value.stringValue.flatMap(Day.init(iso:)) { asOf = day }
                continue
            case "enterprise.id": enterprise.id = value.stringValue ?? enterprise.id
            case "enterprise.name": enterprise.name = value.stringValue ?? enterprise.name
            case "enterprise.region": enterprise.region = value.stringValue ?? ""
            case "enterprise.industry": enterprise.industry = value.stringValue ?? ""
            case "enterprise.size": enterprise.size = value.stringValue ?? ""
            case "enterprise.products": enterprise.products = value.arrayValue?.compactMap(\.stringValue) ?? []
            default: break
            }
            if case .object(let object) = value, let list = object["$facts"]?.arrayValue {
                for item in list {
                    let source = item["source"]?.stringValue.flatMap(Provenance.Source.init(rawValue:)) ?? .selfAssessment
                    let provenance = Provenance(provider: "example", file: file, source: source,
                                                assessor: item["assessor"]?.stringValue, round: item["round"]?.stringValue)
                    facts.append(Fact(key: key, value: item["value"] ?? .null, provenance: provenance))
                }
            } else {
                facts.append(Fact(key: key, value: value, provenance: Provenance(provider: "example", file: file, source: .selfAssessment)))
            }
        }
        return (Evidence(enterprise: enterprise, facts: facts), AssessmentContext(asOf: asOf))
    }
}
