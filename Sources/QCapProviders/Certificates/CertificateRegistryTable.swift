import Foundation
import QCapCore

/// A registry export read into certificate records, indexed by holder so each enterprise's rows are found at once.
struct CertificateRegistryTable: Sendable {
    static let recordsKey = "cert.records"
    static let registryCheckedKey = "cert.registryChecked"

    struct Row: Sendable {
        let record: JSONObject
        let provenance: Provenance
    }

    let file: String
    let rows: [Row]
    private let byCode: [String: [Int]]
    private let byOrganizationCode: [String: [Int]]
    /// Only rows without a usable code: a row with someone else's code is not matched by name.
    private let byName: [String: [Int]]

    func rows(for enterprise: Enterprise) -> [Row] {
        let code = Self.code(enterprise.id)
        var indexes = byCode[code] ?? []
        if code.count == 18 { indexes += byOrganizationCode[String(code.dropFirst(8).prefix(9))] ?? [] }
        indexes += byName[Self.name(enterprise.name)] ?? []
        return indexes.sorted().map { rows[$0] }
    }

    static func read(_ url: URL, displayPath: String, layout: CertificateRegistryLayout) throws(InputErrors) -> CertificateRegistryTable {
        let table: CSVTable
        let header: HeaderMap
        do {
            table = try CSVReader.read(contentsOf: url, displayName: displayPath)
            header = try HeaderMap(table: table, columns: layout.columns.map(\.spec))
        } catch {
            throw InputErrors([error])
        }
        var errors: [InputError] = []
        for group in layout.anyOf where !group.contains(where: header.contains) {
            let names = group.compactMap { key in layout.columns.first { $0.spec.key == key }?.spec.aliases.first }
            errors.append(InputError(file: displayPath, location: .line(table.headerLine),
                                     message: "missing column: one of \(names.map { "\"\($0)\"" }.joined(separator: " or ")) is required",
                                     expected: "a header named \(names.map { "\"\($0)\"" }.joined(separator: " or "))"))
        }
        if !errors.isEmpty { throw InputErrors(errors) }

        var rows: [Row] = []
        var byCode: [String: [Int]] = [:], byOrganizationCode: [String: [Int]] = [:], byName: [String: [Int]] = [:]
        rows.reserveCapacity(table.rows.count)
        for row in table.rows {
            var record = JSONObject()
            var rowErrors: [InputError] = []
            for column in layout.columns where column.spec.key != CertificateRegistryLayout.organizationCodeKey {
                let key = column.spec.key
                guard let text = header.value(key, in: row) else {
                    if column.keepsEmpty && header.contains(key) { record[key] = .string("") }
                    continue
                }
                switch convert(text, column.kind) {
                case .success(let value): record[key] = value
                case .failure(let expected): rowErrors.append(header.error(key, in: row, message: "cannot read \"\(text)\"", expected: expected.description))
                }
            }
            if record[CertificateRegistryLayout.codeKey] == nil, let organization = header.value(CertificateRegistryLayout.organizationCodeKey, in: row) {
                record[CertificateRegistryLayout.codeKey] = .string(organization)
            }
            errors += rowErrors
            guard rowErrors.isEmpty else { continue }
            record["source"] = .string("registry")
            let index = rows.count
            let holderCode = code(record[CertificateRegistryLayout.codeKey]?.stringValue ?? "")
            switch holderCode.count {
            case 18: byCode[holderCode, default: []].append(index)
            case 9: byOrganizationCode[holderCode, default: []].append(index)
            default:
                let holder = name(record["holderName"]?.stringValue ?? "")
                if !holder.isEmpty { byName[holder, default: []].append(index) }
            }
            rows.append(Row(record: record, provenance: Provenance(provider: layout.providerID, file: displayPath, line: row.line,
                                                                    row: row.number, source: .registry)))
        }
        if !errors.isEmpty { throw InputErrors(errors) }
        return CertificateRegistryTable(file: displayPath, rows: rows, byCode: byCode, byOrganizationCode: byOrganizationCode, byName: byName)
    }

    /// A cell as a record value, or what was expected instead.
    static func convert(_ text: String, _ kind: CertificateRegistryLayout.Kind) -> Result<JSONValue, ConversionFailure> {
        switch kind {
        case .text:
            return .success(.string(text))
        case .date:
            guard let day = DateText.parse(text) else { return .failure(ConversionFailure("a date (\(DateText.acceptedForms))")) }
            return .success(.string(day.description))
        case .count:
            guard let number = Int(text.trimmedWhitespace), number >= 0 else {
                return .failure(ConversionFailure("a whole number ≥ 0"))
            }
            return .success(.number(Double(number)))
        case .flag:
            switch text.lowercased() {
            case "是", "y", "yes", "true", "1": return .success(.bool(true))
            case "否", "n", "no", "false", "0": return .success(.bool(false))
            default: return .failure(ConversionFailure("是 or 否"))
            }
        }
    }

    struct ConversionFailure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// Codes compare in upper case without spaces or hyphens (`K8PBRNYT-P` is an organisation code).
    static func code(_ text: String) -> String {
        String(text.uppercased().unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "-" }.map(Character.init))
    }

    /// Names compare without whitespace, with full-width parentheses as ASCII.
    static func name(_ text: String) -> String {
        String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map { scalar -> Character in
            switch scalar {
            case "（": return "("
            case "）": return ")"
            default: return Character(scalar)
            }
        })
    }
}
