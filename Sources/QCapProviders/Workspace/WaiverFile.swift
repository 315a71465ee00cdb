import Foundation
import QCapCore

/// `waivers.json`: approved exceptions. A malformed waiver file stops the run (exit 3) before anything is assessed:
/// a waiver with no justification, approver or expiry, or naming an unknown rubric, criterion or an enterprise that
/// is not on the roster, is bad input (a waiver that silently applies to nobody is a mistake nobody would notice).
///
///     {"waivers": [{"enterprise": "91350600…", "rubric": "excellence", "criterion": "4.7.5",
///                   "justification": "…", "approver": "…", "expires": "2026-12-31"}]}
public enum WaiverFile {
    /// `roster`: the roster's USCCs, checked when given (nil when the roster could not be read: that error is reported).
    public static func read(_ url: URL, displayPath: String, rubrics: [any Rubric], roster: Set<String>? = nil,
                            rosterPath: String = "the roster") throws(InputErrors) -> [Waiver] {
        let (value, lines) = try JSONDocumentFile.read(url, displayPath: displayPath, missing: "waiver file not found",
                                                       expected: "{\"waivers\": [ … ]}")
        let items: [JSONValue]
        let base: String
        if let list = value["waivers"]?.arrayValue {
            items = list
            base = "$.waivers"
        } else if let list = value.arrayValue {
            items = list
            base = "$"
        } else {
            throw InputErrors([InputError(file: displayPath, location: .jsonPath("$", line: 1), message: "expected a list of waivers",
                                          expected: "{\"waivers\": [ … ]}")])
        }
        let byID = Dictionary(rubrics.map { ($0.descriptor.id, $0.descriptor) }, uniquingKeysWith: { first, _ in first })
        var waivers: [Waiver] = []
        var errors: [InputError] = []
        for (index, item) in items.enumerated() {
            let path = JSONPath.appending(index: index, to: base)
            let line = lines.nearestLine(for: path)
            func fail(_ key: String, _ message: String, _ expected: String? = nil) {
                let at = key.isEmpty ? path : JSONPath.appending(key: key, to: path)
                errors.append(InputError(file: displayPath, location: .jsonPath(at, line: lines.nearestLine(for: at) ?? line),
                                         message: message, expected: expected))
            }
            func text(_ key: String) -> String? {
                guard let value = item[key]?.stringValue?.trimmedWhitespace, !value.isEmpty else {
                    fail(key, "missing or empty \"\(key)\"", key == "justification" ? "why the criterion is waived" : nil)
                    return nil
                }
                return value
            }
            let enterprise = text("enterprise")
            let rubric = text("rubric")
            let criterion = text("criterion")
            let justification = text("justification")
            let approver = text("approver")
            let expiresText = text("expires")
            var expires: Day?
            if let expiresText {
                expires = DateText.parse(expiresText)
                if expires == nil { fail("expires", "invalid date \"\(expiresText)\"", DateText.acceptedForms) }
            }
            if let enterprise, case .malformed(let why) = USCC.validate(enterprise) {
                fail("enterprise", "malformed USCC \"\(enterprise)\": \(why)", USCC.expectedForm)
            } else if let enterprise, let roster, !roster.contains(enterprise) {
                fail("enterprise", "enterprise \(enterprise) is not on the roster", "a USCC listed in \(rosterPath)")
            }
            if let rubric {
                if let descriptor = byID[rubric] {
                    if let criterion, descriptor.criterion(criterion) == nil {
                        fail("criterion", "unknown criterion '\(criterion)' in rubric \(rubric)", "a criterion id of \(rubric)")
                    }
                } else {
                    fail("rubric", "unknown rubric '\(rubric)'", byID.keys.sorted().joined(separator: ", "))
                }
            }
            if let enterprise, let rubric, let criterion, let justification, let approver, let expires {
                waivers.append(Waiver(enterprise: enterprise, rubric: rubric, criterion: criterion, justification: justification,
                                      approver: approver, expires: expires, citation: "\(displayPath):\(line ?? 1)"))
            }
        }
        if !errors.isEmpty { throw InputErrors(errors) }
        return waivers
    }
}
