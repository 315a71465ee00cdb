import QCapCore

/// One evidence document: the facts one source gives about one enterprise.
///
///     {"enterprise": "91350600…", "source": "onsite", "assessor": "A1", "round": "individual",
///      "facts": {"mqc.D1.01": 3, "dm.PD.L2": "full", "cert.declared": [ … ]}}
///
/// Questionnaire files hold one document or an array of them; `evidence.jsonl` holds one per line. Every fact is
/// checked against the rubrics' fact catalogue on load, so a typo is bad input with file, line and JSON path.
struct EvidenceDocument {
    var enterprise: String
    var facts: [Fact]

    /// Reads a parsed document. `path` is the JSON path of the document within its file (`$` or `$[3]`).
    static func read(_ value: JSONValue, file: String, line: Int?, path: String, provider: String,
                     catalog: FactCatalog) throws(InputErrors) -> EvidenceDocument {
        var errors: [InputError] = []
        func fail(_ at: String, _ message: String, _ expected: String?) {
            errors.append(InputError(file: file, location: .jsonPath(at, line: line), message: message, expected: expected))
        }
        guard case .object(let object) = value else {
            throw InputErrors([InputError(file: file, location: .jsonPath(path, line: line),
                                          message: "expected an evidence object, found \(value.typeName)",
                                          expected: "{\"enterprise\": USCC, \"source\": …, \"facts\": {…}}")])
        }
        var enterprise = ""
        var source = Provenance.Source.selfAssessment
        var assessor: String?
        var round: String?
        var factsValue: JSONObject?
        for (key, member) in object {
            let memberPath = JSONPath.appending(key: key, to: path)
            switch key {
            case "enterprise":
                guard let text = member.stringValue else { fail(memberPath, "expected the enterprise's USCC string", "an 18-character USCC"); continue }
                if case .malformed(let why) = USCC.validate(text) {
                    fail(memberPath, "malformed USCC \"\(text)\": \(why)", USCC.expectedForm)
                }
                enterprise = text
            case "source":
                guard let text = member.stringValue, let parsed = Provenance.Source(rawValue: text), parsed != .roster else {
                    fail(memberPath, "unknown source \(JSONWriter.write(member))", "self, onsite, survey, declared, registry or assessor")
                    continue
                }
                source = parsed
            case "assessor":
                assessor = member.stringValue
                if assessor == nil { fail(memberPath, "expected the assessor id as a string", nil) }
            case "round":
                round = member.stringValue
                if round == nil { fail(memberPath, "expected the round as a string", "individual, consensus or siteVisit") }
            case "facts":
                guard case .object(let facts) = member else { fail(memberPath, "expected an object of facts, found \(member.typeName)", "{\"key\": value}"); continue }
                factsValue = facts
            default:
                fail(memberPath, "unknown key '\(key)'", "enterprise, source, assessor, round or facts")
            }
        }
        if enterprise.isEmpty && !errors.contains(where: { if case .jsonPath(let p, _) = $0.location { return p.hasSuffix(".enterprise") } else { return false } }) {
            fail(path, "missing \"enterprise\"", "the enterprise's USCC")
        }
        if factsValue == nil && errors.isEmpty { fail(path, "missing \"facts\"", "an object of facts") }
        var facts: [Fact] = []
        if let factsValue {
            facts.reserveCapacity(factsValue.count)
            let provenance = Provenance(provider: provider, file: file, line: line, source: source, assessor: assessor, round: round)
            let citation = [provenance]
            let factsPath = JSONPath.appending(key: "facts", to: path)
            for (key, factValue) in factsValue {
                if let problem = catalog.problem(key: key, value: factValue) {
                    fail(JSONPath.appending(key: key, to: factsPath), problem.message, problem.expected)
                    continue
                }
                facts.append(Fact(key: key, value: factValue, provenance: provenance, citation: citation))
            }
        }
        if !errors.isEmpty { throw InputErrors(errors) }
        return EvidenceDocument(enterprise: enterprise, facts: facts)
    }
}
