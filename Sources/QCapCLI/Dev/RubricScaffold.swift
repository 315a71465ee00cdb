import Foundation
import QCapCore

/// What `qcap-dev new-rubric NAME` writes: a rubric module that builds and passes its tests with no hand edits.
///
/// - `Sources/NAME/`: the rubric type, its run preparation (the tailored parameter, read once per run), one probe in
///   its own file, and the `NAMEModule` enum the registry lists;
/// - `Tests/NAMETests/`: the rubric's examples through `ExampleRunner`, and a test of the probe;
/// - `rubrics/<id>.json`: a small valid rubric with one rule criterion and one probe criterion, each with examples.
struct RubricScaffold: Sendable {
    let name: String
    let id: String

    /// The probe every scaffold starts with: a date check, the typical thing a declarative rule cannot do.
    static let probeType = "AuditRecencyProbe"
    static let probeID = "audit-recency"
    /// The rubric's run preparation: what the probe needs from the parameters, read once per run.
    static let preparationType = "AuditPolicy"

    init(name: String, id: String? = nil) {
        self.name = name
        self.id = id ?? Self.kebabID(for: name)
    }

    /// `FoodSafety` → `food-safety`, `ISO9001Checks` → `iso9001-checks`.
    static func kebabID(for name: String) -> String {
        let characters = Array(name)
        var result = ""
        for (index, character) in characters.enumerated() {
            if character.isUppercase, index > 0 {
                let previous = characters[index - 1]
                let nextIsLower = index + 1 < characters.count && characters[index + 1].isLowercase
                if previous.isLowercase || previous.isNumber || (previous.isUppercase && nextIsLower) { result += "-" }
            }
            result += character.lowercased()
        }
        return result
    }

    /// `FoodSafety` → `Food Safety`, for the draft title.
    static func words(in name: String) -> String {
        kebabID(for: name).split(separator: "-").map { part in
            part.allSatisfy { $0.isLetter } ? part.prefix(1).uppercased() + part.dropFirst() : part.uppercased()
        }.joined(separator: " ")
    }

    static let reservedNames: Set<String> = [
        "Foundation", "FoundationEssentials", "Testing", "XCTest", "Swift", "Dispatch", "Glibc", "Musl", "Darwin",
        "PackageDescription", "PackagePlugin", "Rubric", "Probe", "Module",
    ]

    /// Why NAME or the id cannot be used, or nil. `declared` holds the target and product names of the package.
    func problems(declared: Set<String>, root: URL) -> [String] {
        var problems: [String] = []
        let isASCIIAlphanumeric: (Character) -> Bool = { $0.isASCII && ($0.isLetter || $0.isNumber) }
        if name.isEmpty || !name.allSatisfy(isASCIIAlphanumeric) || !(name.first?.isUppercase ?? false) {
            problems.append("NAME '\(name)' is not an UpperCamelCase Swift identifier (ASCII letters and digits, starting with a capital, e.g. FoodSafety)")
        }
        if Self.reservedNames.contains(name) || name.hasPrefix("QCap") {
            problems.append("NAME '\(name)' is reserved (it would clash with a system module or QCap's own)")
        }
        if declared.contains(name) || declared.contains(name + "Tests") {
            problems.append("NAME '\(name)' is already a target or product in Package.swift")
        }
        let manager = FileManager.default
        for path in ["Sources/\(name)", "Tests/\(name)Tests", "rubrics/\(id).json"]
        where !name.isEmpty && !id.isEmpty && manager.fileExists(atPath: root.appending(path: path).path) {
            problems.append("\(path) already exists")
        }
        let idParts = id.split(separator: "-", omittingEmptySubsequences: false)
        if id.isEmpty || idParts.contains(where: { $0.isEmpty || !$0.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) } }) {
            problems.append("rubric id '\(id)' is not kebab-case (lower-case letters and digits joined by single '-', e.g. food-safety)")
        }
        if let used = Self.rubricIDs(in: root.appending(path: "rubrics"))[id] {
            problems.append("rubric id '\(id)' is already used by rubrics/\(used); choose another with --id")
        }
        return problems
    }

    /// The ids of the package's rubric files, mapped to their file names.
    static func rubricIDs(in folder: URL) -> [String: String] {
        var ids: [String: String] = [:]
        for file in ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() where file.hasSuffix(".json") {
            guard let data = try? Data(contentsOf: folder.appending(path: file)),
                  let id = (try? JSONParser.parse(data))?["id"]?.stringValue else { continue }
            ids[id] = ids[id] ?? file
        }
        return ids
    }

    /// Relative path → contents, in the order they are reported.
    var files: [(path: String, contents: String)] {
        [
            ("rubrics/\(id).json", rubricJSON),
            ("Sources/\(name)/\(name)Rubric.swift", rubricSource),
            ("Sources/\(name)/\(name)Module.swift", moduleSource),
            ("Sources/\(name)/\(Self.preparationType).swift", preparationSource),
            ("Sources/\(name)/Probes/\(Self.probeType).swift", probeSource),
            ("Tests/\(name)Tests/\(name)RubricTests.swift", rubricTestSource),
            ("Tests/\(name)Tests/\(Self.probeType)Tests.swift", probeTestSource),
        ]
    }

    var embeddedName: String { RubricSwiftSource.identifier(for: id) }

    var rubricJSON: String {
        let words = Self.words(in: name)
        return """
        {
          "id": "\(id)",
          "version": "0.1.0",
          "module": "\(name)",
          "title": {"zh": "\(words) 评价细则（草稿）", "en": "\(words) rubric (draft)"},
          "summary": {
            "zh": "由 qcap-dev new-rubric 生成的草稿：一个按规则评分的条款和一个由 Swift 探针评分的条款。请改写标题、条款、来源与依据。",
            "en": "A draft made by qcap-dev new-rubric: one criterion scored by a rule and one scored by a Swift probe. Rewrite the title, the criteria and the provenance."
          },
          "factPrefix": "\(id)",
          "provenance": {
            "statement": {"zh": "本细则为草稿，尚无公开出处。", "en": "This rubric is a draft with no published source yet."},
            "basis": [
              {"part": {"zh": "全部条款的表述与权重", "en": "The wording and weights of every criterion"}, "status": "drafted"},
              {"part": {"zh": "内部审核有效期 365 天", "en": "An internal audit counts for 365 days"}, "status": "assumption",
               "note": {"zh": "参数 maxAgeDays，可在 qcap.json 的 tailoring 中调整。", "en": "Parameter maxAgeDays; tailor it in qcap.json."}}
            ]
          },
          "scale": {"levels": [
            {"rank": 1, "id": "basic", "name": {"zh": "基础级", "en": "Basic"}},
            {"rank": 2, "id": "managed", "name": {"zh": "规范级", "en": "Managed"}},
            {"rank": 3, "id": "leading", "name": {"zh": "领先级", "en": "Leading"}}
          ]},
          "scoring": {"model": "weightedTree", "bands": [{"min": 0, "level": 1}, {"min": 60, "level": 2}, {"min": 85, "level": 3}]},
          "parameters": {
            "maxAgeDays": {"value": 365, "status": "assumption",
                           "description": {"zh": "内部审核距评估日期的最长天数", "en": "The most days an internal audit may lie before the assessment date"}}
          },
          "criteria": [
            {
              "id": "C1",
              "title": {"zh": "质量管理基础", "en": "Quality-management basics"},
              "children": [
                {
                  "id": "C1.1",
                  "title": {"zh": "出厂检验合格率", "en": "Final inspection pass rate"},
                  "weight": 2,
                  "evidence": {"type": "number", "rule": {"kind": "threshold", "direction": "higher", "met": 0.98, "partial": 0.95},
                               "description": {"zh": "最近 12 个月出厂检验合格率（0–1）", "en": "Final inspection pass rate over the last 12 months (0–1)"}},
                  "remediation": {"zh": "分析不合格原因并采取纠正措施。", "en": "Analyse the causes of rejects and take corrective action."},
                  "examples": [
                    {"facts": {"\(id).C1.1": 0.99}, "outcome": "met", "score": 1},
                    {"facts": {"\(id).C1.1": 0.96}, "outcome": "partial", "score": 0.5},
                    {"facts": {"\(id).C1.1": 0.9}, "outcome": "notMet", "score": 0},
                    {"outcome": "noEvidence"}
                  ]
                },
                {
                  "id": "C1.2",
                  "title": {"zh": "内部审核及时", "en": "Internal audit is recent"},
                  "weight": 1,
                  "evidence": {"type": "date", "probe": "\(Self.probeID)",
                               "description": {"zh": "最近一次内部审核的日期（YYYY-MM-DD）", "en": "The date of the latest internal audit (YYYY-MM-DD)"}},
                  "remediation": {"zh": "按年度计划开展内部审核。", "en": "Run internal audits on a yearly plan."},
                  "examples": [
                    {"facts": {"\(id).C1.2": "2026-01-15", "context.asOf": "2026-06-30"}, "outcome": "met", "score": 1},
                    {"facts": {"\(id).C1.2": "2024-05-01", "context.asOf": "2026-06-30"}, "outcome": "notMet", "score": 0,
                     "note": {"zh": "超过 365 天", "en": "more than 365 days before"}},
                    {"facts": {"\(id).C1.2": "2026-13-45"}, "outcome": "error"},
                    {"outcome": "noEvidence"}
                  ]
                }
              ]
            }
          ]
        }

        """
    }

    var rubricSource: String {
        """
        import QCapCore

        /// The \(id) rubric. Its descriptor is `rubrics/\(id).json`, which the RubricCompiler plugin validates and
        /// embeds when this module builds; its probes are the criterion checks that need code.
        ///
        /// Every hook reads the rubric from its context (`context.descriptor`, `context.parameters`): a workspace may
        /// run this module with its own version of the file (`"override"` in qcap.json) and tailor the parameters.
        public struct \(name)Rubric: Rubric {
            /// Decoded once: the JSON was validated at build time.
            private static let loaded = EmbeddedRubrics.\(embeddedName).descriptor

            public init() {}

            public var descriptor: RubricDescriptor { Self.loaded }

            public var probes: [Probe<\(name)Rubric>] { [\(Self.probeType).probe] }

            /// Read once per run; the probes get it as `input.run`. A parameter it cannot use stops the run (exit 3)
            /// before any enterprise is assessed.
            public func prepareRun(_ context: RubricContext) throws(InputErrors) -> \(Self.preparationType) {
                try \(Self.preparationType)(context)
            }

            /// Synthetic evidence for `qcap init --example`: the generic facts derived from the descriptor, plus the audit
            /// date only this module knows how to invent (the better the enterprise, the more recent its audit).
            public func exampleEvidence(for request: ExampleRequest, context: RubricContext, random: inout SeededGenerator) -> ExampleContribution {
                var contribution = GenericExampleSynthesizer.synthesize(context.descriptor, request: request, random: &random)
                // Clamped before the conversion: `min(480, .nan)` is 480, so even a NaN quality cannot trap.
                let daysAgo = Int(max(0, min(480, (1.2 - request.quality) * 400 * random.unit())))
                let key = "\\(context.descriptor.factPrefix).C1.2"
                contribution.facts[.selfAssessment, default: [:]][key] = .string(request.asOf.adding(days: -daysAgo).description)
                return contribution
            }
        }

        """
    }

    var preparationSource: String {
        """
        import QCapCore

        /// What `\(Self.probeType)` needs from the rubric's parameters, read and checked once per run (the rubric's
        /// `RunPreparation`). Public because the rubric's conformance names it; its contents are the module's own.
        public struct \(Self.preparationType): Sendable {
            /// The most days an internal audit may lie before the assessment date (parameter `maxAgeDays`).
            let maxAgeDays: Int

            /// Reads the (tailored) parameters. A value that is not a sensible whole number of days is bad input: the
            /// error names qcap.json's tailoring when the workspace set it, else the rubric file.
            init(_ context: RubricContext) throws(InputErrors) {
                guard let days = context.parameter("maxAgeDays")?.numberValue, days == days.rounded(), days >= 0, days <= 36_500 else {
                    throw InputErrors([context.parameterError("maxAgeDays", "is not a whole number of days",
                                                              expected: "a whole number of days from 0 to 36500")])
                }
                maxAgeDays = Int(days)
            }
        }

        """
    }

    var moduleSource: String {
        """
        import QCapCore

        /// The rubrics of the \(name) module, as the generated registry (`BuiltInRubrics`) lists them.
        public enum \(name)Module {
            public static let rubrics: [any Rubric] = [\(name)Rubric()]
        }

        """
    }

    var probeSource: String {
        """
        import QCapCore

        /// `\(Self.probeID)`: met when the latest internal audit (a `YYYY-MM-DD` date) lies at most `maxAgeDays` before the
        /// assessment date. Dates need code, so this criterion is a probe rather than a declarative rule. Bad values are an
        /// `error` finding that cites the evidence, never a trap.
        enum \(Self.probeType) {
            static let id = "\(Self.probeID)"

            static let probe = Probe<\(name)Rubric>(id: id) { input in evaluate(input) }

            static func evaluate(_ input: ProbeInput<\(name)Rubric>) -> Finding {
                // The criterion's fact across sources: missing evidence and conflicting sources are findings of their own.
                let resolved: Resolution
                switch input.resolveFact() {
                case .value(let value): resolved = value
                case .noEvidence(let finding), .conflict(let finding): return finding
                }
                let cited = resolved.cited
                guard let text = resolved.value.stringValue, let audited = Day(iso: text) else {
                    let shown = JSONWriter.write(resolved.value)
                    return input.finding(.error, score: 0,
                                         message: LocalizedText(zh: "\\(input.factKey) 不是 YYYY-MM-DD 格式的日期：\\(shown)",
                                                                en: "\\(input.factKey) is not a YYYY-MM-DD date: \\(shown)"),
                                         evidence: cited)
                }
                let maxAge = input.run.maxAgeDays
                let asOf = input.context.asOf
                let age = Day.days(from: audited, to: asOf)
                if age < 0 {
                    return input.finding(.error, score: 0,
                                         message: LocalizedText(zh: "内部审核日期 \\(audited) 晚于评估日期 \\(asOf)",
                                                                en: "the internal audit date \\(audited) is after the assessment date \\(asOf)"),
                                         evidence: cited)
                }
                if age <= maxAge {
                    return input.finding(.met, score: 1, message: resolved.noting(LocalizedText(
                                             zh: "最近一次内部审核 \\(audited)，距评估日期 \\(age) 天（不超过 \\(maxAge) 天）",
                                             en: "latest internal audit \\(audited), \\(age) days before the assessment date (at most \\(maxAge))")),
                                         evidence: cited)
                }
                return input.finding(.notMet, score: 0, message: resolved.noting(LocalizedText(
                                         zh: "最近一次内部审核 \\(audited)，距评估日期 \\(age) 天，超过 \\(maxAge) 天",
                                         en: "latest internal audit \\(audited), \\(age) days before the assessment date: more than \\(maxAge)")),
                                     evidence: cited)
            }
        }

        """
    }

    var rubricTestSource: String {
        """
        import Foundation
        import QCapCore
        import Testing

        @testable import \(name)

        /// The rubric file with this module's probes: full validation, and every example gives its stated outcome.
        @Suite struct \(name)RubricTests {
            @Test func rubricFileValidatesWithTheModuleProbes() {
                let file = EmbeddedRubrics.\(embeddedName)
                do {
                    _ = try RubricLoader.load(data: Data(file.json.utf8), file: file.file, probes: .module(\(name)Rubric()))
                } catch {
                    Issue.record("\\(error.description)")
                }
            }

            @Test func everyExamplePasses() throws {
                let failures = try ExampleRunner(rubric: \(name)Rubric()).run()
                #expect(failures.isEmpty, "\\(failures.map { "\\($0.path): \\($0.message)" }.joined(separator: "\\n"))")
            }

            @Test func theModuleListsTheRubric() {
                #expect(\(name)Module.rubrics.map { $0.descriptor.id } == ["\(id)"])
            }
        }

        """
    }

    var probeTestSource: String {
        """
        import QCapCore
        import Testing

        @testable import \(name)

        @Suite struct \(Self.probeType)Tests {
            static let key = "\(id).C1.2"

            /// The engine of a run with `maxAgeDays` tailored: where the rubric prepares the run.
            func engine(maxAgeDays: JSONValue = 365) throws(InputErrors) -> RubricEngine {
                try RubricEngine(rubric: \(name)Rubric(), tailoring: Tailoring(parameters: ["maxAgeDays": maxAgeDays]))
            }

            /// The probe's finding for the given audit dates (one fact each, all from the self-assessment).
            func finding(sources values: [JSONValue], asOf: String = "2026-06-30", maxAgeDays: JSONValue = 365) throws -> Finding {
                let facts = values.enumerated().map { index, value in
                    Fact(key: Self.key, value: value, provenance: Provenance(provider: "test", file: "test.json", line: index + 1, source: .selfAssessment))
                }
                let evidence = Evidence(enterprise: Enterprise(id: "91350600TEST00000X", name: "测试企业"), facts: facts)
                let context = AssessmentContext(asOf: try #require(Day(iso: asOf)))
                return try #require(try engine(maxAgeDays: maxAgeDays).finding(for: "C1.2", evidence: evidence, context: context))
            }

            func finding(_ value: JSONValue, asOf: String = "2026-06-30", maxAgeDays: JSONValue = 365) throws -> Finding {
                try finding(sources: [value], asOf: asOf, maxAgeDays: maxAgeDays)
            }

            @Test func aRecentAuditIsMet() throws {
                let result = try finding("2026-01-15")
                #expect(result.outcome == .met)
                #expect(result.score == 1)
            }

            @Test func anAuditOnTheLastDayOfTheWindowIsMet() throws {
                #expect(try finding("2025-06-30").outcome == .met)
                #expect(try finding("2025-06-29").outcome == .notMet)
            }

            @Test func tailoringTheWindowChangesTheOutcome() throws {
                #expect(try finding("2026-01-15", maxAgeDays: 30).outcome == .notMet)
            }

            @Test func missingEvidenceIsNoEvidence() throws {
                let result = try finding(sources: [])
                #expect(result.outcome == .noEvidence)
                #expect(result.score == nil)
            }

            @Test func conflictingDatesAreAnErrorCitingBoth() throws {
                let result = try finding(sources: ["2026-01-15", "2025-01-15"])
                #expect(result.outcome == .error)
                #expect(result.evidence.count == 2)
            }

            @Test(arguments: ["2026-13-45", "yesterday", ""])
            func aBadDateIsAnErrorNotATrap(_ text: String) throws {
                #expect(try finding(.string(text)).outcome == .error)
            }

            @Test func aFutureDateOrAWrongTypeIsAnError() throws {
                #expect(try finding("2027-01-01").outcome == .error)
                #expect(try finding(.number(20260115)).outcome == .error)
            }

            @Test(arguments: [JSONValue.number(1e300), "soon", .number(-1), .number(2.5)])
            func anUnusableWindowIsBadInputNamingTheParameter(_ value: JSONValue) {
                #expect {
                    _ = try engine(maxAgeDays: value)
                } throws: { error in
                    "\\(error)".contains(JSONPath.appending(key: "\(id)", to: "$.tailoring") + ".parameters.maxAgeDays")
                }
            }
        }

        """
    }
}
