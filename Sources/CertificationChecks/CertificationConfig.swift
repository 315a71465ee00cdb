import Foundation
import QCapCore

/// The rubric's rule data (`parameters`, after tailoring) in the form the probes use. Every number, deadline and
/// spelling the checks apply comes from here; none is written in code.
struct CertificationConfig: Sendable {
    struct IndustryRule: Sendable {
        /// Identifier form of the GB/T 4754 code prefix (`C36`).
        let prefix: String
        let families: [String]
    }

    struct ApprovedBody: Sendable {
        let approval: String
        let name: String
        let status: String
    }

    var families: [CertificationFamily]
    var industryRequirements: [IndustryRule]
    var defaultRequiredFamilies: [String]
    var expiryWarningDays: Int
    var transitionWarningDays: Int
    var warningScore: Double
    var maxValidityYears: Int
    var recertificationAllowanceDays: Int
    var surveillanceRules: SurveillanceRules
    var surveillancesPerCycle: Int
    /// Whether 监督次数 counts every audit since first certification (`total`) rather than this cycle's.
    var surveillanceCountIsTotal: Bool
    /// The forms of an approval number, with how each reads to a person (`CNCA-R-YYYY-NNN`).
    var approvalForms: [(pattern: NSRegularExpression, form: String)]
    /// How long a suspension may last before the record is stale.
    var maxSuspensionMonths: Int
    var approvedBodies: [ApprovedBody]
    var accreditationMarks: [String]
    /// `CertificateText.words` forms.
    var accreditationActiveValues: Set<String>
    /// Status spellings (trimmed, ASCII lower case) and codes.
    var statusByText: [String: CertificateStatus]
    var statusMessages: [CertificateStatus: LocalizedText]
    var numberPattern: NSRegularExpression
    /// Capture group (1-based) of the family letter in `numberPattern`; nil when the pattern names none.
    var numberFamilyGroup: Int?
    var productSeparators: [String]

    func family(_ id: String) -> CertificationFamily? {
        families.first { $0.id == id }
    }

    /// The families an industry code requires: the union of every rule whose prefix starts the code, or the default
    /// set when the code is empty.
    func requiredFamilies(industry: String) -> Set<String> {
        let code = CertificateText.identifier(industry)
        if code.isEmpty { return Set(defaultRequiredFamilies) }
        var required = Set<String>()
        for rule in industryRequirements where code.hasPrefix(rule.prefix) { required.formUnion(rule.families) }
        return required
    }

    func status(of value: JSONValue?) -> StatusReading {
        guard let value, !value.isNull else { return .missing }
        let raw: String
        switch value {
        case .string(let text): raw = text
        case .number(let number): raw = number.formatted
        default: return .unrecognised(JSONWriter.write(value))
        }
        let trimmed = raw.trimmedWhitespace
        if trimmed.isEmpty { return .missing }
        if let status = statusByText[Self.statusKey(trimmed)] { return .known(status) }
        return .unrecognised(trimmed)
    }

    static func statusKey(_ text: String) -> String {
        CertificateText.halfWidth(text).trimmedWhitespace.lowercased()
    }

    func message(for status: CertificateStatus) -> LocalizedText {
        statusMessages[status] ?? LocalizedText(status.rawValue)
    }

    /// The family letter a certificate number carries under the common numbering convention, if it follows it.
    func familyLetter(inNumber number: String) -> String? {
        guard let group = numberFamilyGroup else { return nil }
        let text = CertificateText.identifier(number)
        let range = NSRange(text.startIndex..., in: text)
        guard let match = numberPattern.firstMatch(in: text, range: range), group < match.numberOfRanges,
              let letters = Range(match.range(at: group), in: text) else { return nil }
        return String(text[letters])
    }

    func approvalIsWellFormed(_ approval: String) -> Bool {
        approvalForms.contains { $0.pattern.firstMatch(in: approval, range: NSRange(approval.startIndex..., in: approval)) != nil }
    }

    /// The accepted forms for messages: `CNCA-R-YYYY-NNN / CNCA-RF-YYYY-NN(N)`.
    var approvalFormsText: String {
        approvalForms.map(\.form).joined(separator: " / ")
    }
}

/// A parameter the probes cannot use: every check reports it as an error naming the parameter.
struct ConfigProblem: Error, Sendable, Equatable {
    let parameter: String
    let reason: String

    var message: LocalizedText {
        LocalizedText(zh: "规则参数 \(parameter) 无法使用：\(reason)", en: "rubric parameter \(parameter) is unusable: \(reason)")
    }
}

extension CertificationConfig {
    /// The configuration for a set of (tailored) parameters. The rubric parses it once per run in
    /// `prepare(parameters:)`; this is also the fallback when a probe is called without that preparation.
    static func load(_ parameters: [String: JSONValue]) -> Result<CertificationConfig, ConfigProblem> {
        Result { () throws(ConfigProblem) -> CertificationConfig in try parse(parameters) }
    }

    static func parse(_ parameters: [String: JSONValue]) throws(ConfigProblem) -> CertificationConfig {
        let reader = ParameterReader(parameters: parameters)
        let deadlines = try reader.deadlines("editionDeadlines")
        let families = try reader.families("families", deadlines: deadlines)
        let familyIDs = Set(families.map(\.id))

        var industryRequirements: [IndustryRule] = []
        for (index, item) in try reader.array("industryRequirements").enumerated() {
            let path = "industryRequirements[\(index)]"
            guard let prefix = item["prefix"]?.stringValue, let list = item["families"]?.arrayValue else {
                throw ConfigProblem(parameter: path, reason: "needs \"prefix\" and \"families\"")
            }
            let ids = try list.map { value throws(ConfigProblem) -> String in
                guard let id = value.stringValue, familyIDs.contains(id) else {
                    throw ConfigProblem(parameter: path, reason: "unknown family \(JSONWriter.write(value))")
                }
                return id
            }
            industryRequirements.append(IndustryRule(prefix: CertificateText.identifier(prefix), families: ids))
        }
        let defaults = try reader.strings("defaultRequiredFamilies")
        if let unknown = defaults.first(where: { !familyIDs.contains($0) }) {
            throw ConfigProblem(parameter: "defaultRequiredFamilies", reason: "unknown family \(unknown)")
        }

        var approvalForms: [(pattern: NSRegularExpression, form: String)] = []
        for (index, item) in try reader.array("approvalNumberPatterns").enumerated() {
            let path = "approvalNumberPatterns[\(index)]"
            guard let pattern = item["pattern"]?.stringValue, let form = item["form"]?.stringValue else {
                throw ConfigProblem(parameter: path, reason: "needs \"pattern\" and \"form\"")
            }
            approvalForms.append((try reader.regex(pattern, parameter: path), form))
        }
        let numberPatternValue = try reader.value("certificateNumberPattern")
        guard let numberPatternText = numberPatternValue["pattern"]?.stringValue else {
            throw ConfigProblem(parameter: "certificateNumberPattern", reason: "needs \"pattern\"")
        }
        let groups = numberPatternValue["groups"]?.arrayValue?.compactMap(\.stringValue) ?? []

        var approvedBodies: [ApprovedBody] = []
        for (index, item) in try reader.array("approvedBodies").enumerated() {
            guard let approval = item["approval"]?.stringValue, let status = item["status"]?.stringValue else {
                throw ConfigProblem(parameter: "approvedBodies[\(index)]", reason: "needs \"approval\" and \"status\"")
            }
            approvedBodies.append(ApprovedBody(approval: CertificateText.identifier(approval),
                                               name: CertificateText.words(item["name"]?.stringValue ?? ""),
                                               status: status.lowercased()))
        }

        var statusByText: [String: CertificateStatus] = [:]
        var statusMessages: [CertificateStatus: LocalizedText] = [:]
        for (key, entry) in try reader.object("statusVocabulary") {
            guard let status = CertificateStatus(rawValue: key) else {
                throw ConfigProblem(parameter: "statusVocabulary.\(key)",
                                    reason: "unknown status; expected one of \(CertificateStatus.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            statusByText[statusKey(key)] = status
            for alias in entry["aliases"]?.arrayValue?.compactMap(\.stringValue) ?? [] { statusByText[statusKey(alias)] = status }
            if let zh = entry["message"]?["zh"]?.stringValue, let en = entry["message"]?["en"]?.stringValue {
                statusMessages[status] = LocalizedText(zh: zh, en: en)
            }
        }
        for (code, value) in try reader.object("statusCodes") {
            guard let name = value.stringValue, let status = CertificateStatus(rawValue: name) else {
                throw ConfigProblem(parameter: "statusCodes.\(code)", reason: "expected a status name, found \(JSONWriter.write(value))")
            }
            statusByText[statusKey(code)] = status
        }

        return CertificationConfig(
            families: families,
            industryRequirements: industryRequirements,
            defaultRequiredFamilies: defaults,
            expiryWarningDays: try reader.count("expiryWarningDays"),
            transitionWarningDays: try reader.count("transitionWarningDays"),
            warningScore: try reader.score("warningScore"),
            maxValidityYears: try reader.count("maxValidityYears"),
            recertificationAllowanceDays: try reader.count("recertificationAllowanceDays"),
            surveillanceRules: try reader.surveillanceRules("surveillanceRules"),
            surveillancesPerCycle: try reader.count("surveillancesPerCycle"),
            surveillanceCountIsTotal: try reader.choice("surveillanceCountBasis", among: ["cycle", "total"]) == "total",
            approvalForms: approvalForms,
            maxSuspensionMonths: try reader.count("maxSuspensionMonths", minimum: 1),
            approvedBodies: approvedBodies,
            accreditationMarks: try reader.strings("accreditationMarks"),
            accreditationActiveValues: Set(try reader.strings("accreditationActiveValues").map(CertificateText.words)),
            statusByText: statusByText,
            statusMessages: statusMessages,
            numberPattern: try reader.regex(numberPatternText, parameter: "certificateNumberPattern"),
            numberFamilyGroup: groups.firstIndex(of: "family").map { $0 + 1 },
            productSeparators: try reader.strings("productSeparators"))
    }
}

/// Reads typed values out of the parameter dictionary, naming the parameter in every complaint.
private struct ParameterReader {
    let parameters: [String: JSONValue]

    func value(_ name: String) throws(ConfigProblem) -> JSONValue {
        guard let value = parameters[name] else { throw ConfigProblem(parameter: name, reason: "missing") }
        return value
    }

    func array(_ name: String) throws(ConfigProblem) -> [JSONValue] {
        guard let array = try value(name).arrayValue else { throw ConfigProblem(parameter: name, reason: "expected a list") }
        return array
    }

    func object(_ name: String) throws(ConfigProblem) -> JSONObject {
        guard let object = try value(name).objectValue else { throw ConfigProblem(parameter: name, reason: "expected an object") }
        return object
    }

    func string(_ name: String) throws(ConfigProblem) -> String {
        guard let text = try value(name).stringValue else { throw ConfigProblem(parameter: name, reason: "expected a text") }
        return text
    }

    func strings(_ name: String) throws(ConfigProblem) -> [String] {
        let items = try array(name)
        let texts = items.compactMap(\.stringValue)
        guard texts.count == items.count else { throw ConfigProblem(parameter: name, reason: "expected a list of texts") }
        return texts
    }

    func count(_ name: String, minimum: Int = 0) throws(ConfigProblem) -> Int {
        guard let number = try value(name).intValue, number >= minimum, number <= 100_000 else {
            throw ConfigProblem(parameter: name, reason: "expected a whole number from \(minimum) to 100000")
        }
        return number
    }

    func score(_ name: String) throws(ConfigProblem) -> Double {
        guard let number = try value(name).numberValue, number >= 0, number <= 1 else {
            throw ConfigProblem(parameter: name, reason: "expected a score from 0 to 1")
        }
        return number
    }

    func choice(_ name: String, among allowed: [String]) throws(ConfigProblem) -> String {
        let text = try string(name)
        guard allowed.contains(text) else { throw ConfigProblem(parameter: name, reason: "expected one of \(allowed.joined(separator: ", "))") }
        return text
    }

    func regex(_ pattern: String, parameter: String) throws(ConfigProblem) -> NSRegularExpression {
        do {
            return try NSRegularExpression(pattern: pattern)
        } catch {
            throw ConfigProblem(parameter: parameter, reason: "not a regular expression: \(pattern)")
        }
    }

    func day(_ value: JSONValue?, parameter: String) throws(ConfigProblem) -> Day {
        guard let text = value?.stringValue, let day = Day(iso: text) else {
            throw ConfigProblem(parameter: parameter, reason: "expected a date YYYY-MM-DD")
        }
        return day
    }

    /// Named deadlines, resolved to the last valid day (nil: none yet). See the parameter's description for the forms.
    func deadlines(_ name: String) throws(ConfigProblem) -> [String: Day?] {
        var result: [String: Day?] = [:]
        for (key, entry) in try object(name) {
            let path = "\(name).\(key)"
            if let date = entry["date"] {
                result[key] = date.isNull ? Day?.none : try day(date, parameter: path)
            } else if let options = entry["options"]?.arrayValue {
                guard let use = entry["use"]?.stringValue, let chosen = options.first(where: { $0["id"]?.stringValue == use }) else {
                    throw ConfigProblem(parameter: path, reason: "\"use\" must name one of the options' ids")
                }
                result[key] = try day(chosen["date"], parameter: "\(path).options.\(use)")
            } else if let published = entry["successorPublished"] {
                if published.isNull {
                    result[key] = Day?.none
                } else {
                    guard let years = entry["transitionYears"]?.intValue, (0...100).contains(years) else {
                        throw ConfigProblem(parameter: path, reason: "needs \"transitionYears\"")
                    }
                    result[key] = try day(published, parameter: path).adding(years: years)
                }
            } else {
                throw ConfigProblem(parameter: path, reason: "needs \"date\", \"options\" or \"successorPublished\"")
            }
        }
        return result
    }

    /// The surveillance rules, one per period: consecutive (each starts the day after the one before ends), the
    /// first may have no `from` and the last no `until`.
    func surveillanceRules(_ name: String) throws(ConfigProblem) -> SurveillanceRules {
        var rules: [SurveillanceRule] = []
        for (index, item) in try array(name).enumerated() {
            let path = "\(name)[\(index)]"
            func months(_ key: String) throws(ConfigProblem) -> Int {
                guard let number = item[key]?.intValue, (1...1_200).contains(number) else {
                    throw ConfigProblem(parameter: "\(path).\(key)", reason: "expected a whole number of months from 1 to 1200")
                }
                return number
            }
            func flag(_ key: String) throws(ConfigProblem) -> Bool {
                guard let value = item[key]?.boolValue else { throw ConfigProblem(parameter: "\(path).\(key)", reason: "expected true or false") }
                return value
            }
            func bound(_ key: String) throws(ConfigProblem) -> Day? {
                guard let value = item[key], !value.isNull else { return nil }
                return try day(value, parameter: "\(path).\(key)")
            }
            guard let id = item["id"]?.stringValue, !id.isEmpty else { throw ConfigProblem(parameter: path, reason: "needs an \"id\"") }
            let afterRecertification = item["firstAfterRecertificationMonths"]
            let rule = SurveillanceRule(
                id: id, from: try bound("from"), until: try bound("until"), firstMonths: try months("firstMonths"),
                firstAfterRecertificationMonths: afterRecertification == nil || afterRecertification?.isNull == true
                    ? nil : try months("firstAfterRecertificationMonths"),
                maxIntervalMonths: try months("maxIntervalMonths"), oncePerCalendarYear: try flag("oncePerCalendarYear"),
                lateRecertificationRestarts: try flag("lateRecertificationRestarts"))
            if let from = rule.from, let until = rule.until, until < from {
                throw ConfigProblem(parameter: path, reason: "ends (\(until)) before it starts (\(from))")
            }
            if let previous = rules.last {
                guard let end = previous.until, let from = rule.from, from == end.adding(days: 1) else {
                    throw ConfigProblem(parameter: path, reason: "must start the day after the rule before it ends")
                }
            }
            rules.append(rule)
        }
        if rules.isEmpty { throw ConfigProblem(parameter: name, reason: "needs at least one rule") }
        return SurveillanceRules(rules: rules)
    }

    func families(_ name: String, deadlines: [String: Day?]) throws(ConfigProblem) -> [CertificationFamily] {
        var families: [CertificationFamily] = []
        for (index, item) in try array(name).enumerated() {
            let path = "\(name)[\(index)]"
            guard let id = item["id"]?.stringValue, let zh = item["name"]?["zh"]?.stringValue, let en = item["name"]?["en"]?.stringValue else {
                throw ConfigProblem(parameter: path, reason: "needs \"id\" and a bilingual \"name\"")
            }
            var editions: [CertificationFamily.Edition] = []
            for (editionIndex, edition) in (item["editions"]?.arrayValue ?? []).enumerated() {
                let editionPath = "\(path).editions[\(editionIndex)]"
                guard let editionID = edition["id"]?.stringValue, let identifiers = edition["identifiers"]?.arrayValue?.compactMap(\.stringValue) else {
                    throw ConfigProblem(parameter: editionPath, reason: "needs \"id\" and \"identifiers\"")
                }
                var invalidAfter: Day?
                if let deadline = edition["invalidAfter"], !deadline.isNull {
                    guard let key = deadline.stringValue, let resolved = deadlines[key] else {
                        throw ConfigProblem(parameter: editionPath, reason: "invalidAfter \(JSONWriter.write(deadline)) is not a key of editionDeadlines")
                    }
                    invalidAfter = resolved
                }
                editions.append(.init(id: editionID, identifiers: identifiers.map(CertificateText.identifier), invalidAfter: invalidAfter))
            }
            families.append(CertificationFamily(
                id: id,
                letter: item["letter"]?.stringValue,
                name: LocalizedText(zh: zh, en: en),
                projectNames: (item["projectNames"]?.arrayValue ?? []).compactMap(\.stringValue).map(CertificateText.identifier),
                standards: (item["standards"]?.arrayValue ?? []).compactMap(\.stringValue).map(CertificateText.identifier),
                editions: editions,
                accredited: item["accredited"]?.boolValue ?? true))
        }
        return families
    }
}
