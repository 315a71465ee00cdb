import Foundation
import QCapCore

/// Per-enterprise questionnaires and on-site records: a folder of JSON files (or one file), each holding one
/// evidence document or an array of them. Questionnaires are few and small, so they are read whole on open.
public struct QuestionnaireProvider: DataProvider {
    public init() {}

    public var id: String { "questionnaire" }
    public var title: LocalizedText { LocalizedText(zh: "企业自评问卷与现场评价记录（JSON）", en: "Self-assessment questionnaires and on-site records (JSON)") }
    public var supplies: [FactSpec] {
        [FactSpec(key: "<rubric fact prefix>.<criterion id>", type: "per rubric",
                  description: LocalizedText(zh: "任何已注册评价规则的条款事实", en: "any criterion fact of a registered rubric"))]
    }

    public func open(_ source: SourceReference, context: ProviderContext) throws(InputErrors) -> any EvidenceSource {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source.url.path, isDirectory: &isDirectory) else {
            throw InputErrors([InputError(file: source.displayPath, message: "evidence folder or file not found",
                                          expected: "a folder of questionnaire JSON files")])
        }
        var files: [(URL, String)] = []
        if isDirectory.boolValue {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: source.url.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".json") {
                files.append((source.url.appending(path: name), source.displayPath + "/" + name))
            }
        } else {
            files.append((source.url, source.displayPath))
        }
        var byEnterprise: [String: [Fact]] = [:]
        var order: [EnterpriseMention] = []
        var errors: [InputError] = []
        for (url, display) in files {
            do {
                for (document, location) in try Self.documents(in: url, display: display, provider: id, catalog: context.catalog) {
                    if byEnterprise[document.enterprise] == nil {
                        order.append(EnterpriseMention(id: document.enterprise, file: display, location: location))
                    }
                    byEnterprise[document.enterprise, default: []] += document.facts
                }
            } catch {
                errors += error.errors
            }
        }
        if !errors.isEmpty { throw InputErrors(errors) }
        return InMemoryEvidenceSource(providerID: id, enterprises: order, facts: byEnterprise)
    }

    /// The documents of one file, each with the place of its `"enterprise"` member.
    static func documents(in url: URL, display: String, provider: String,
                          catalog: FactCatalog) throws(InputErrors) -> [(EvidenceDocument, InputError.Location)] {
        let (value, lines) = try JSONDocumentFile.read(url, displayPath: display, missing: "cannot read file", expected: "an evidence JSON object")
        func location(_ path: String) -> InputError.Location {
            let member = JSONPath.appending(key: "enterprise", to: path)
            return .jsonPath(member, line: lines.nearestLine(for: member))
        }
        if case .array(let items) = value {
            var documents: [(EvidenceDocument, InputError.Location)] = []
            var errors: [InputError] = []
            for (index, item) in items.enumerated() {
                let path = JSONPath.appending(index: index, to: "$")
                do {
                    documents.append((try EvidenceDocument.read(item, file: display, line: lines.nearestLine(for: path), path: path,
                                                                provider: provider, catalog: catalog), location(path)))
                } catch {
                    errors += error.errors
                }
            }
            if !errors.isEmpty { throw InputErrors(errors) }
            return documents
        }
        return [(try EvidenceDocument.read(value, file: display, line: lines.nearestLine(for: "$"), path: "$", provider: provider, catalog: catalog),
                 location("$"))]
    }
}
