import QCapCore

/// The excellence rubric's parameters (after tailoring) in the form the probe, the summary and the report outline
/// use: the rubric's run preparation, read once per run. A value that cannot be read is bad input naming the
/// parameter in the rubric file or the workspace's tailoring; the run stops before anything is assessed. Public only
/// as the run preparation and for `ExcellenceSummary`; its contents are the module's own.
public struct ExcellenceSettings: Sendable {
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

    /// Reads the parameters of `context`; every unreadable value is reported, each naming its parameter.
    public init(_ context: RubricContext) throws(InputErrors) {
        let parameters = context.parameters
        var errors: [InputError] = []
        func complain(_ name: String, _ expected: String) {
            errors.append(context.parameterError(name, "cannot be read", expected: expected))
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
        if let value = parameters["bands"] {
            let items = value.arrayValue ?? []
            if items.isEmpty { complain("bands", "a list of {\"min\", \"max\", \"process\", \"result\"}") }
            for (index, item) in items.enumerated() {
                guard let low = item["min"]?.numberValue, let high = item["max"]?.numberValue, low <= high else {
                    complain("bands[\(index)]", "{\"min\": percentage, \"max\": percentage} with min ≤ max")
                    continue
                }
                bands.append(Band(rank: item["rank"]?.intValue ?? index + 1, min: low, max: high,
                                  process: Self.text(item["process"]), result: Self.text(item["result"])))
            }
        } else {
            bands = Self.fallbackBands
        }
        self.bands = bands.sorted { $0.min < $1.min }

        var kinds: [String: ItemKind] = [:]
        for (item, value) in parameters["itemKinds"]?.objectValue ?? JSONObject() {
            guard let kind = value.stringValue.flatMap(ItemKind.init(rawValue:)) else {
                complain("itemKinds.\(item)", "process or result")
                continue
            }
            kinds[item] = kind
        }
        itemKinds = kinds

        var concepts: [Concept] = []
        for (index, item) in (parameters["concepts"]?.arrayValue ?? []).enumerated() {
            guard let id = item["id"]?.stringValue else {
                complain("concepts[\(index)]", "{\"id\": text, \"name\": {\"zh\": …, \"en\": …}}")
                continue
            }
            concepts.append(Concept(id: id, name: Self.text(item["name"]) ?? LocalizedText(id)))
        }
        self.concepts = concepts

        var mapping: [String: [String]] = [:]
        for (item, value) in parameters["itemConcepts"]?.objectValue ?? JSONObject() {
            let ids = (value.arrayValue ?? []).compactMap(\.stringValue)
            if value.arrayValue?.count != ids.count { complain("itemConcepts.\(item)", "a list of concept ids") }
            mapping[item] = ids
        }
        itemConcepts = mapping

        readiness = nil
        if let value = parameters["readiness"], !value.isNull {
            switch ReadinessThresholds.parse(value) {
            case .success(let thresholds): readiness = thresholds
            case .failure(let problem): errors.append(context.parameterError("readiness", problem.en))
            }
        }
        if !errors.isEmpty { throw InputErrors(errors) }
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

    /// The six band limits, used only when a rubric file declares no `bands`.
    static let fallbackBands: [Band] = [(0.0, 5.0), (10, 25), (30, 45), (50, 65), (70, 85), (90, 100)].enumerated().map {
        Band(rank: $0.offset + 1, min: $0.element.0, max: $0.element.1, process: nil, result: nil)
    }
}
