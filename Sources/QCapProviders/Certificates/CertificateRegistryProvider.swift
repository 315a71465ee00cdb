import Foundation
import QCapCore

/// Certificate registry exports as evaluators download them: the CNCA public platform's CSV (Chinese headers) and
/// IAF CertSearch's CSV export (English headers). Each row becomes one certificate record of the `cert.records`
/// fact, with `registry` provenance naming the file, line and row.
///
/// Column order is free and unknown columns are ignored; a missing required column, a date in none of the accepted
/// forms or a count that is not a whole number is bad input naming the row. Status texts are passed on as written:
/// the certification rubric normalises them with its own (tailorable) vocabulary, so a new spelling is a finding to
/// settle, not a stopped run. Rows are joined to the roster by USCC, by organisation code (positions 9–17 of the
/// USCC), or by name when a row has no code.
///
/// Source options in `qcap.json`: `"complete": true|false` says whether the export covers every roster enterprise,
/// so that an enterprise without rows is known to hold no certificate (`cert.registryChecked`). It defaults to true
/// for a CNCA export (a region's download) and false for IAF CertSearch (usually a search for a few names).
public struct CertificateRegistryProvider: DataProvider {
    public let layout: CertificateRegistryLayout

    public init(layout: CertificateRegistryLayout) {
        self.layout = layout
    }

    /// The CNCA-style export (全国认证认可信息公共服务平台).
    public static let cnca = CertificateRegistryProvider(layout: .cnca)
    /// The IAF CertSearch export.
    public static let iafCertSearch = CertificateRegistryProvider(layout: .iafCertSearch)

    public var id: String { layout.providerID }
    public var title: LocalizedText { layout.title }

    public var supplies: [FactSpec] {
        [FactSpec(key: CertificateRegistryTable.recordsKey, type: "records",
                  description: LocalizedText(zh: "每行一张证书（证书编号、认证项目、认证依据、状态、日期、机构、认可、范围、监督次数等）",
                                             en: "one certificate per row (number, family, standard, status, dates, body, accreditation, scope, surveillance count…)")),
         FactSpec(key: CertificateRegistryTable.registryCheckedKey, type: "bool",
                  description: LocalizedText(zh: "已查询登记数据（导出覆盖全部企业时，对没有证书的企业也给出）",
                                             en: "the registry was searched (given for enterprises without rows too when the export is complete)"))]
    }

    public func open(_ source: SourceReference, context: ProviderContext) throws(InputErrors) -> any EvidenceSource {
        var complete = layout.completeByDefault
        if let option = source.options["complete"] {
            guard let flag = option.boolValue else {
                throw InputErrors([InputError(file: source.displayPath, message: "source option \"complete\" is \(option.typeName)",
                                              expected: "true or false")])
            }
            complete = flag
        }
        let table = try CertificateRegistryTable.read(source, layout: layout)
        return Source(providerID: id, table: table, complete: complete)
    }

    struct Source: EvidenceSource {
        let providerID: String
        let table: CertificateRegistryTable
        let complete: Bool

        /// Empty on purpose: a registry export lists every certified organisation of a region, so rows for
        /// enterprises outside the roster are expected and ignored rather than reported as unknown enterprises.
        /// Rows of organisations outside the roster are ignored by design: a region's export lists every certified
        /// organisation, so the registry names no enterprise to check against the roster.
        var enterprises: [EnterpriseMention] { [] }

        func facts(for enterprise: Enterprise) throws(InputErrors) -> [Fact] {
            var facts = try table.rows(for: enterprise).map { row in
                Fact(key: CertificateRegistryTable.recordsKey, value: .array([.object(row.record)]), provenance: row.provenance)
            }
            if complete {
                facts.append(Fact(key: CertificateRegistryTable.registryCheckedKey, value: .bool(true),
                                  provenance: Provenance(provider: providerID, file: table.file, source: .registry)))
            }
            return facts
        }
    }
}

/// Which columns an export has and how they map to certificate record keys.
public struct CertificateRegistryLayout: Sendable {
    enum Kind: Sendable { case text, date, count, flag }

    struct Column: Sendable {
        let spec: ColumnSpec
        let kind: Kind
        /// An empty cell is kept as "" (an empty 认可标识 says "not accredited") instead of being left out.
        let keepsEmpty: Bool

        init(_ key: String, _ aliases: [String], _ kind: Kind = .text, required: Bool = false, keepsEmpty: Bool = false) {
            spec = ColumnSpec(key: key, aliases: aliases, required: required)
            self.kind = kind
            self.keepsEmpty = keepsEmpty
        }
    }

    let providerID: String
    let title: LocalizedText
    let columns: [Column]
    /// Groups of keys of which at least one column must be present.
    let anyOf: [[String]]
    let completeByDefault: Bool

    /// Holder code columns: the USCC, or the 9-character organisation code of older records.
    static let codeKey = "holderUSCC"
    static let organizationCodeKey = "organizationCode"

    public static let cnca = CertificateRegistryLayout(
        providerID: "cnca-registry",
        title: LocalizedText(zh: "国家认监委认证证书登记数据导出（CSV）", en: "CNCA certificate registry export (CSV)"),
        columns: [
            Column("number", ["证书编号"], required: true),
            Column("holderName", ["组织名称", "获证组织名称"], required: true),
            Column(codeKey, ["统一社会信用代码", "统一社会信用代码/组织机构代码", "社会信用代码"]),
            Column(organizationCodeKey, ["组织机构代码"]),
            Column("project", ["认证项目"]),
            Column("standard", ["认证依据"]),
            Column("status", ["证书状态"], required: true),
            Column("statusDate", ["状态变更日期", "证书状态变更日期", "暂停日期"], .date),
            Column("issueDate", ["颁证日期", "发证日期"], .date, required: true),
            Column("expiryDate", ["证书到期日期", "到期日期", "证书有效期至"], .date, required: true),
            Column("firstIssueDate", ["初次获证日期"], .date),
            Column("body", ["认证机构名称", "认证机构"]),
            Column("bodyApproval", ["机构批准号", "认证机构批准号"]),
            Column("accreditation", ["认可标识"], keepsEmpty: true),
            Column("scope", ["认证覆盖的业务范围", "认证范围"]),
            Column("multiSite", ["是否覆盖多场所"], .flag),
            Column("coveredEmployees", ["覆盖人数"], .count),
            Column("surveillanceCount", ["监督次数"], .count),
            Column("recertificationCount", ["再认证次数"], .count),
            Column("lastSurveillance", ["最近监督日期"], .date),
        ],
        anyOf: [["project", "standard"]],
        completeByDefault: true)

    public static let iafCertSearch = CertificateRegistryLayout(
        providerID: "iaf-certsearch",
        title: LocalizedText(zh: "IAF CertSearch 证书导出（CSV）", en: "IAF CertSearch certificate export (CSV)"),
        columns: [
            Column("number", ["Certificate Number"], required: true),
            Column("holderName", ["Certified Entity Name"], required: true),
            Column("status", ["Certification Status"], required: true),
            Column("accreditationStatus", ["Accreditation Status"], required: true),
            Column("standard", ["Certification Type or Standard", "Certification Type", "Certification Standard", "Standard"], required: true),
            Column("issueDate", ["Issue Date"], .date, required: true),
            Column("expiryDate", ["Expiry Date"], .date, required: true),
            Column("firstIssueDate", ["Original Issue Date"], .date),
            Column("scope", ["Scope", "Certification Scope"]),
            Column("body", ["Certification Body", "Certification Body Name"]),
        ],
        anyOf: [],
        completeByDefault: false)
}
