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

    let layout: CertificateRegistryLayout
    let header: HeaderMap
    let records: TableRecords
    /// Where each valid row lies in the table; rows are read back when an enterprise's certificates are asked for.
    let spans: [TableSpan]
    private let byCode: [String: [Int]]
    private let byOrganizationCode: [String: [Int]]
    /// Only rows without a usable code: a row with someone else's code is not matched by name.
    private let byName: [String: [Int]]

    /// The name used in messages and provenance.
    var file: String { records.file }

    func rows(for enterprise: Enterprise) throws(InputErrors) -> [Row] {
        let code = Self.code(enterprise.id)
        var indexes = byCode[code] ?? []
        if code.count == 18 { indexes += byOrganizationCode[String(code.dropFirst(8).prefix(9))] ?? [] }
        indexes += byName[Self.name(enterprise.name)] ?? []
        var rows: [Row] = []
        for index in indexes.sorted() {
            let span = spans[index]
            let read: [TableRow]
            do { read = try records.rows(in: span) } catch { throw InputErrors([error]) }
            guard read.count == 1, let row = read.first else {
                throw InputErrors([InputError(file: records.file, location: records.places.row(TableRow(line: span.line, number: span.number, fields: [])),
                                              message: "the file changed while it was read")])
            }
            let (record, errors) = Self.record(row, header: header, layout: layout)
            if !errors.isEmpty { throw InputErrors(errors) }
            rows.append(Row(record: record, provenance: header.provenance(provider: layout.providerID, row: row, citing: "number",
                                                                          source: .registry)))
        }
        return rows
    }

    /// A row as a certificate record, or the errors of its cells.
    static func record(_ row: TableRow, header: HeaderMap, layout: CertificateRegistryLayout) -> (JSONObject, [InputError]) {
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
        record["source"] = .string("registry")
        return (record, rowErrors)
    }

    /// Reads the export once, streaming: every row is validated, and only where each valid row lies is kept.
    static func read(_ source: SourceReference, layout: CertificateRegistryLayout) throws(InputErrors) -> CertificateRegistryTable {
        var scanner = try TableReader.scan(source)
        let header: HeaderMap
        do {
            header = try HeaderMap(scanner: scanner, columns: layout.columns.map(\.spec))
        } catch {
            throw InputErrors([error])
        }
        var errors: [InputError] = []
        for group in layout.anyOf where !group.contains(where: header.contains) {
            let names = group.compactMap { key in layout.columns.first { $0.spec.key == key }?.spec.aliases.first }
            errors.append(InputError(file: scanner.places.file, location: scanner.places.header,
                                     message: "missing column: one of \(names.map { "\"\($0)\"" }.joined(separator: " or ")) is required",
                                     expected: "a header named \(names.map { "\"\($0)\"" }.joined(separator: " or "))"))
        }
        if !errors.isEmpty { throw InputErrors(errors) }

        var spans: [TableSpan] = []
        var byCode: [String: [Int]] = [:], byOrganizationCode: [String: [Int]] = [:], byName: [String: [Int]] = [:]
        while true {
            let next: (row: TableRow, offset: Int, end: Int)?
            do { next = try scanner.next() } catch { throw InputErrors([error]) }
            guard let (row, offset, end) = next else { break }
            let (record, rowErrors) = Self.record(row, header: header, layout: layout)
            errors += rowErrors
            guard rowErrors.isEmpty else { continue }
            let index = spans.count
            let holderCode = code(record[CertificateRegistryLayout.codeKey]?.stringValue ?? "")
            switch holderCode.count {
            case 18: byCode[holderCode, default: []].append(index)
            case 9: byOrganizationCode[holderCode, default: []].append(index)
            default:
                let holder = name(record["holderName"]?.stringValue ?? "")
                if !holder.isEmpty { byName[holder, default: []].append(index) }
            }
            spans.append(TableSpan(offset: offset, length: end - offset, line: row.line, number: row.number))
        }
        if !errors.isEmpty { throw InputErrors(errors) }
        return CertificateRegistryTable(layout: layout, header: header, records: scanner.finish(), spans: spans,
                                        byCode: byCode, byOrganizationCode: byOrganizationCode, byName: byName)
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
