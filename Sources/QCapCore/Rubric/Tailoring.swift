/// A workspace's adjustments to a rubric: threshold, weights, must-pass set, excluded criteria, parameters.
///
/// Tailoring changes results, so it is recorded in every result and two results are comparable only when their
/// tailoring is the same (XCCDF's caveat).
public struct Tailoring: Sendable, Equatable {
    public var threshold: Double?
    public var weights: [String: Double]
    /// Replaces the rubric's must-pass set when given.
    public var mustPass: [String]?
    public var exclude: [String]
    public var parameters: [String: JSONValue]

    public init(threshold: Double? = nil, weights: [String: Double] = [:], mustPass: [String]? = nil,
                exclude: [String] = [], parameters: [String: JSONValue] = [:]) {
        self.threshold = threshold
        self.weights = weights
        self.mustPass = mustPass
        self.exclude = exclude
        self.parameters = parameters
    }

    public static let none = Tailoring()

    public var isEmpty: Bool { self == .none }

    /// Canonical JSON: the form results record and comparisons match on.
    public var canonical: String {
        var pairs: [(String, JSONValue)] = []
        if let threshold { pairs.append(("threshold", .number(threshold))) }
        if !weights.isEmpty {
            pairs.append(("weights", .object(JSONObject(weights.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.number($0.value)) }))))
        }
        if let mustPass { pairs.append(("mustPass", .array(mustPass.sorted().map { .string($0) }))) }
        if !exclude.isEmpty { pairs.append(("exclude", .array(exclude.sorted().map { .string($0) }))) }
        if !parameters.isEmpty {
            pairs.append(("parameters", .object(JSONObject(parameters.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }))))
        }
        return CanonicalJSON.serialize(.object(JSONObject(pairs)))
    }

    /// Reads the tailoring of one rubric from `qcap.json`; every problem is reported with its JSON path.
    public static func parse(_ value: JSONValue, path: String, file: String, descriptor: RubricDescriptor) throws(InputErrors) -> Tailoring {
        var errors: [InputError] = []
        func fail(_ at: String, _ message: String, _ expected: String? = nil) {
            errors.append(InputError(file: file, location: .jsonPath(at, line: nil), message: message, expected: expected))
        }
        guard case .object(let object) = value else {
            throw InputErrors([InputError(file: file, location: .jsonPath(path, line: nil),
                                          message: "tailoring must be an object", expected: "{\"threshold\": …, \"weights\": {…}}")])
        }
        let known = Set(descriptor.allCriteria().map(\.criterion.id))
        var tailoring = Tailoring()
        for (key, item) in object {
            let itemPath = JSONPath.appending(key: key, to: path)
            switch key {
            case "threshold":
                if let number = item.numberValue, number > 0, number <= 1 { tailoring.threshold = number } else {
                    fail(itemPath, "threshold must be a number in (0, 1]", "a share such as 0.8")
                }
            case "weights":
                guard case .object(let weights) = item else { fail(itemPath, "weights must be an object"); continue }
                for (id, weight) in weights {
                    let weightPath = JSONPath.appending(key: id, to: itemPath)
                    if !known.contains(id) { fail(weightPath, "unknown criterion id '\(id)' in rubric \(descriptor.id)") }
                    if let number = weight.numberValue, number >= 0, number.isFinite { tailoring.weights[id] = number } else {
                        fail(weightPath, "weight must be a number ≥ 0")
                    }
                }
            case "mustPass", "exclude":
                guard case .array(let ids) = item else { fail(itemPath, "\(key) must be a list of criterion ids"); continue }
                var list: [String] = []
                for (index, id) in ids.enumerated() {
                    let idPath = JSONPath.appending(index: index, to: itemPath)
                    guard let text = id.stringValue else { fail(idPath, "expected a criterion id string"); continue }
                    if !known.contains(text) { fail(idPath, "unknown criterion id '\(text)' in rubric \(descriptor.id)") }
                    list.append(text)
                }
                if key == "mustPass" { tailoring.mustPass = list } else { tailoring.exclude = list }
            case "parameters":
                guard case .object(let parameters) = item else { fail(itemPath, "parameters must be an object"); continue }
                for (name, parameterValue) in parameters {
                    if descriptor.parameters?[name] == nil {
                        fail(JSONPath.appending(key: name, to: itemPath), "unknown parameter '\(name)' of rubric \(descriptor.id)")
                    }
                    tailoring.parameters[name] = parameterValue
                }
            default:
                fail(itemPath, "unknown tailoring key '\(key)'", "threshold, weights, mustPass, exclude or parameters")
            }
        }
        if errors.isEmpty, !tailoring.weights.isEmpty, let group = WeightSums.overflow(in: descriptor, replacing: tailoring.weights) {
            fail(JSONPath.appending(key: "weights", to: path),
                 "with these weights, the weights of \(group) in rubric \(descriptor.id) add up to more than the largest number (about 1.8e308): every score would be NaN",
                 "weights of a sensible size (they are relative: 3 and 1 weigh like 0.75 and 0.25)")
        }
        if !errors.isEmpty { throw InputErrors(errors) }
        return tailoring
    }
}
