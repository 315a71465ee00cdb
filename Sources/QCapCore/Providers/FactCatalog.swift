/// The fact keys the registered rubrics understand, with the type each expects.
///
/// Providers check evidence against it on load, so a typo in a criterion id, a level of 7 on a 5-level scale or an
/// answer outside the answer set is bad input naming the file and line, not a silent gap in a report.
public struct FactCatalog: Sendable {
    public struct Entry: Sendable {
        public var rubric: String
        public var criterion: String
        public var type: EvidenceSpec.ValueType
        public var maxRank: Int
        public var answerSet: AnswerSet?
        /// Probe-read facts are validated by the probe, not here.
        public var checkedByProbe: Bool
    }

    private var entries: [String: Entry] = [:]
    /// Keys read for applicability and other auxiliary facts; any value is accepted.
    private var auxiliary: Set<String> = []
    private var prefixes: [String: String] = [:]

    /// The catalog of the rubrics a workspace knows, each with its effective descriptor.
    public init(rubrics: [EffectiveRubric]) {
        for rubric in rubrics {
            let descriptor = rubric.descriptor
            prefixes[descriptor.factPrefix] = descriptor.id
            for (criterion, _, _) in descriptor.allCriteria() {
                if let applicability = criterion.applicability { auxiliary.insert(applicability.fact) }
                guard criterion.isLeaf, let spec = criterion.evidence else { continue }
                let key = spec.fact ?? "\(descriptor.factPrefix).\(criterion.id)"
                entries[key] = Entry(rubric: descriptor.id, criterion: criterion.id, type: spec.type,
                                     maxRank: descriptor.maxRank, answerSet: spec.answerSet.flatMap(descriptor.answerSet),
                                     checkedByProbe: spec.probe != nil)
            }
            for key in rubric.auxiliaryFacts { auxiliary.insert(key) }
        }
    }

    public func entry(_ key: String) -> Entry? { entries[key] }

    /// Checks one fact value; returns what is wrong and what was expected, or nil when it is acceptable.
    public func problem(key: String, value: JSONValue) -> (message: String, expected: String)? {
        if let entry = entries[key] {
            if entry.checkedByProbe { return nil }
            return Self.typeProblem(value, entry: entry)
        }
        if auxiliary.contains(key) || key.hasPrefix("enterprise.") { return nil }
        // `mqc.D4.01.trend`: a sub-fact of a known criterion, read by its probe.
        var probe = key
        while let dot = probe.lastIndex(of: ".") {
            probe = String(probe[..<dot])
            if entries[probe] != nil || auxiliary.contains(probe) { return nil }
        }
        let prefix = key.split(separator: ".", maxSplits: 1).first.map(String.init) ?? key
        if let rubric = prefixes[prefix] {
            let criterion = key.dropFirst(prefix.count + 1)
            return ("unknown criterion id '\(criterion)' for rubric \(rubric)", "a criterion id of \(rubric) (see `qcap rubrics show \(rubric)`)")
        }
        let known = prefixes.keys.sorted().map { "\($0)." }.joined(separator: ", ")
        return ("unknown fact key '\(key)'", "a key starting with \(known) or enterprise.")
    }

    static func typeProblem(_ value: JSONValue, entry: Entry) -> (String, String)? {
        switch entry.type {
        case .level:
            guard let number = value.numberValue, number == number.rounded() else {
                return ("expected a level, found \(value.typeName) \(JSONWriter.write(value))", "an integer 1–\(entry.maxRank)")
            }
            if number < 1 || number > Double(entry.maxRank) {
                return ("level \(number.formatted) is out of range", "an integer 1–\(entry.maxRank)")
            }
        case .answer:
            if let set = entry.answerSet, set.score(of: value) == nil {
                return ("answer \(JSONWriter.write(value)) is not in answer set \(set.id)", set.expectedForm)
            }
        case .bool:
            if value.boolValue == nil { return ("expected true or false, found \(value.typeName)", "true or false") }
        case .number:
            if value.numberValue == nil { return ("expected a number, found \(value.typeName)", "a number") }
        case .percentage:
            guard let number = value.numberValue else { return ("expected a percentage, found \(value.typeName)", "a number 0–100") }
            if number < 0 || number > 100 { return ("percentage \(number.formatted) is out of range", "a number 0–100") }
        case .date:
            if value.stringValue.flatMap(DateText.parse) == nil { return ("expected a date, found \(JSONWriter.write(value))", DateText.acceptedForms) }
        case .text, .records:
            break
        }
        return nil
    }
}
