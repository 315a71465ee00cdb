import QCapCore

/// Turns a survey cell (text from a spreadsheet, or a JSON value) into the fact value the rubric expects, or says
/// what is wrong with it. Spreadsheets write `45%` for a share, `是` for yes and `离散型` for a process type.
enum SurveyValueReader {
    static func value(_ raw: JSONValue, key: String, catalog: FactCatalog) -> Result<JSONValue, SurveyValueProblem> {
        let converted: JSONValue
        switch convert(raw, key: key, catalog: catalog) {
        case .success(let value): converted = value
        case .failure(let problem): return .failure(problem)
        }
        if let problem = catalog.problem(key: key, value: converted) {
            return .failure(SurveyValueProblem(message: problem.message, expected: problem.expected))
        }
        return .success(converted)
    }

    static func convert(_ raw: JSONValue, key: String, catalog: FactCatalog) -> Result<JSONValue, SurveyValueProblem> {
        if key == "dm.profile.processType" {
            let allowed = "discrete (离散型), process (流程型) or mixed (混合型)"
            guard let text = raw.stringValue, let value = SurveyVocabulary.processTypes[text.trimmedWhitespace.lowercased()] else {
                return .failure(SurveyValueProblem(message: "unknown process type \(JSONWriter.write(raw))", expected: allowed))
            }
            return .success(.string(value))
        }
        let type = catalog.entry(key)?.type
        if SurveyVocabulary.booleanProfiles.contains(key) || type == .bool {
            guard let flag = boolean(raw) else {
                return .failure(SurveyValueProblem(message: "expected yes or no, found \(JSONWriter.write(raw))", expected: "是/否, yes/no, true/false or 1/0"))
            }
            return .success(.bool(flag))
        }
        switch type {
        case .number, .percentage, .level:
            guard let number = number(raw, percentSign: type == .number) else {
                return .failure(SurveyValueProblem(message: "expected a number, found \(JSONWriter.write(raw))",
                                                   expected: type == .level ? "a level rank such as 3" : "a number such as 0.45 or 45%"))
            }
            return .success(.number(number))
        default:
            guard case .string(let text) = raw else { return .success(raw) }
            return .success(.string(text.trimmedWhitespace))
        }
    }

    /// A number from a JSON number or text; `45%` reads as 0.45 where a fraction is expected.
    static func number(_ raw: JSONValue, percentSign: Bool) -> Double? {
        if case .number(let number) = raw { return number.isFinite ? number : nil }
        guard let text = raw.stringValue, let number = DecimalNumber.parse(text, allowingPercent: percentSign) else { return nil }
        return number.isPercent ? number.value / 100 : number.value
    }

    static func boolean(_ raw: JSONValue) -> Bool? {
        switch raw {
        case .bool(let flag): return flag
        case .number(let number) where number == 0 || number == 1: return number == 1
        case .string(let text):
            switch text.trimmedWhitespace.lowercased() {
            case "是", "有", "yes", "y", "true", "1", "√", "✓": return true
            case "否", "无", "没有", "no", "n", "false", "0", "×": return false
            default: return nil
            }
        default: return nil
        }
    }
}

struct SurveyValueProblem: Error {
    var message: String
    var expected: String?
}
