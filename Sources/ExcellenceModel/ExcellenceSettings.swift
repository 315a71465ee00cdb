import Synchronization
import QCapCore

/// The excellence rubric's parameters, read once from the (tailored) parameter values.
///
/// Every value falls back to the rubric's shipped default when a workspace overrides it with something unreadable,
/// and the fallback is reported in `problems` so a note can say so; nothing here traps on odd input.
struct ExcellenceSettings: Sendable {
    /// One percentage band with its descriptors for process (A-D-L-I) and result (Le-T-C-I) items.
    struct Band: Sendable, Equatable {
        var rank: Int
        var min: Double
        var max: Double
        var process: LocalizedText?
        var result: LocalizedText?

        /// `50–65%`
        var label: String { "\(min.formatted)–\(max.formatted)%" }

        func descriptor(for kind: ItemKind) -> LocalizedText? {
            kind == .result ? result : process
        }
    }

    enum ItemKind: String, Sendable {
        case process, result

        var dimensions: LocalizedText {
            switch self {
            case .process: return LocalizedText(zh: "A-D-L-I（方法、展开、学习、整合）", en: "A-D-L-I (approach, deployment, learning, integration)")
            case .result: return LocalizedText(zh: "Le-T-C-I（水平、趋势、对比、整合）", en: "Le-T-C-I (levels, trends, comparisons, integration)")
            }
        }
    }

    struct Concept: Sendable, Equatable {
        var id: String
        var name: LocalizedText
    }

    static let defaultStep = 5.0
    static let defaultSpreadThreshold = 20.0

    var step: Double
    var spreadThreshold: Double
    var bands: [Band]
    var itemKinds: [String: ItemKind]
    var concepts: [Concept]
    var itemConcepts: [String: [String]]
    var readiness: ReadinessThresholds?
    /// Parameters that could not be read and fell back (or, for readiness, were ignored).
    var problems: [LocalizedText]

    private static let probeCache = Mutex<(parameters: [String: JSONValue], settings: ExcellenceSettings)?>(nil)

    /// The probe's settings for `parameters`, parsed once per run: a run hands every probe the same parameters
    /// (the same storage, so the comparison is cheap), while the probe runs for every item of every applicant.
    static func forProbe(_ parameters: [String: JSONValue]) -> ExcellenceSettings {
        if let hit = probeCache.withLock({ $0.flatMap { $0.parameters == parameters ? $0.settings : nil } }) { return hit }
        let settings = ExcellenceSettings(parameters: parameters, forProbe: true)
        probeCache.withLock { $0 = (parameters, settings) }
        return settings
    }

    /// `forProbe` reads only what the consensus probe needs (step, spread threshold, band limits, item kinds): the
    /// probe runs for every item of every applicant, so it skips the descriptor texts, concepts and readiness.
    init(parameters: [String: JSONValue], forProbe: Bool = false) {
        var problems: [LocalizedText] = []
        func complain(_ name: String, _ expected: String) {
            problems.append(LocalizedText(zh: "参数 \(name) 无法读取，已使用默认值（应为 \(expected)）",
                                          en: "parameter \(name) could not be read and its default was used (expected \(expected))"))
        }

        step = Self.defaultStep
        if let value = parameters["percentageStep"] {
            if let number = value.numberValue, number > 0, number <= 100 { step = number } else { complain("percentageStep", "a number in (0, 100]") }
        }
        spreadThreshold = Self.defaultSpreadThreshold
        if let value = parameters["spreadThreshold"] {
            if let number = value.numberValue, number >= 0, number <= 100 { spreadThreshold = number } else { complain("spreadThreshold", "a number 0–100") }
        }

        var bands: [Band] = []
        for (index, item) in (parameters["bands"]?.arrayValue ?? []).enumerated() {
            guard let low = item["min"]?.numberValue, let high = item["max"]?.numberValue, low <= high else { continue }
            bands.append(Band(rank: item["rank"]?.intValue ?? index + 1, min: low, max: high,
                              process: forProbe ? nil : Self.text(item["process"]), result: forProbe ? nil : Self.text(item["result"])))
        }
        if bands.isEmpty {
            if parameters["bands"] != nil { complain("bands", "a list of {\"min\", \"max\", \"process\", \"result\"}") }
            bands = Self.fallbackBands
        }
        self.bands = bands.sorted { $0.min < $1.min }

        var kinds: [String: ItemKind] = [:]
        for (item, value) in parameters["itemKinds"]?.objectValue ?? JSONObject() {
            if let kind = value.stringValue.flatMap(ItemKind.init(rawValue:)) { kinds[item] = kind }
        }
        itemKinds = kinds

        var concepts: [Concept] = []
        for item in forProbe ? [] : parameters["concepts"]?.arrayValue ?? [] {
            guard let id = item["id"]?.stringValue else { continue }
            concepts.append(Concept(id: id, name: Self.text(item["name"]) ?? LocalizedText(id)))
        }
        self.concepts = concepts

        var mapping: [String: [String]] = [:]
        for (item, value) in forProbe ? JSONObject() : parameters["itemConcepts"]?.objectValue ?? JSONObject() {
            mapping[item] = (value.arrayValue ?? []).compactMap(\.stringValue)
        }
        itemConcepts = mapping

        readiness = nil
        if !forProbe, let value = parameters["readiness"], !value.isNull {
            switch ReadinessThresholds.parse(value) {
            case .success(let thresholds): readiness = thresholds
            case .failure(let problem):
                problems.append(LocalizedText(zh: "参数 readiness 无效，未作准备度判断：\(problem.zh)",
                                              en: "parameter readiness is invalid, so no readiness judgement was made: \(problem.en)"))
            }
        }
        self.problems = problems
    }

    /// The band a percentage falls in: the highest band whose lower limit it reaches. A derived median such as 62.5
    /// (between two steps) lands in the band whose range holds it.
    func band(of percentage: Double) -> Band? {
        bands.last { percentage + 1e-9 >= $0.min }
    }

    func kind(of item: String) -> ItemKind {
        itemKinds[item] ?? .process
    }

    /// Whether `value` lies on the step grid (0, 5, 10, … for a step of 5).
    func isOnStep(_ value: Double) -> Bool {
        let steps = value / step
        return abs(steps - steps.rounded()) < 1e-9
    }

    static func text(_ value: JSONValue?) -> LocalizedText? {
        guard let zh = value?["zh"]?.stringValue, let en = value?["en"]?.stringValue else { return nil }
        return LocalizedText(zh: zh, en: en)
    }

    /// The six band limits, used only when a workspace replaced `bands` with something unreadable.
    static let fallbackBands: [Band] = [(0.0, 5.0), (10, 25), (30, 45), (50, 65), (70, 85), (90, 100)].enumerated().map {
        Band(rank: $0.offset + 1, min: $0.element.0, max: $0.element.1, process: nil, result: nil)
    }
}
