import Foundation
import QCapCore
import Testing
@testable import QCapProviders

@Suite struct CertificateRegistryTests {
    static let code = "91350600K8PBRNYTPB"
    static let enterprise = Enterprise(id: code, name: "漳州示例精密机械有限公司")
    static let catalog = FactCatalog(rubrics: [])

    /// Writes `data` to a temporary file and opens it with `provider`.
    func open(_ data: Data, provider: CertificateRegistryProvider = .cnca, options: [String: JSONValue] = [:]) throws(InputErrors) -> any EvidenceSource {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("qcap-certificates-\(UUID().uuidString).csv")
        _ = FileManager.default.createFile(atPath: url.path, contents: data)
        defer { try? FileManager.default.removeItem(at: url) }
        return try provider.open(SourceReference(provider: provider.id, url: url, displayPath: "certificates.csv", options: options),
                                 context: ProviderContext(catalog: Self.catalog))
    }

    func records(_ facts: [Fact]) -> [JSONObject] {
        facts.filter { $0.key == "cert.records" }.flatMap { $0.value.arrayValue ?? [] }.compactMap(\.objectValue)
    }

    static let cncaText = """
        认证依据,证书编号,组织名称,统一社会信用代码,证书状态,颁证日期,证书到期日期,初次获证日期,认可标识,监督次数,是否覆盖多场所,备注
        GB/T19001-2016/ISO9001:2015,00125Q31234R2M,漳州示例精密机械有限公司,\(code),有效,2025/3/10,20280309,2019年3月12日,CNAS,1,否,任意
        GB/T24001-2016/ISO14001:2015,00125E31235R1M,漳州示例精密机械有限公司,,暂停,2025-03-10,2028-03-09,,,0,是,
        GB/T45001-2020/ISO45001:2018,00125S31236R1M,另一家公司,91350602MA2Y8XQ414,有效,2025-03-10,2028-03-09,,CNAS,1,否,

        """

    @Test func readsACNCAExportInAnyColumnOrder() throws {
        let source = try open(Data(Self.cncaText.utf8))
        #expect(source.providerID == "cnca-registry")
        #expect(source.enterpriseIDs.isEmpty)
        let facts = try source.facts(for: Self.enterprise)
        let found = records(facts)
        #expect(found.count == 2)   // by USCC, and by name for the row without a code; not the other company's
        let qms = try #require(found.first)
        #expect(qms["number"] == "00125Q31234R2M")
        #expect(qms["issueDate"] == "2025-03-10")
        #expect(qms["expiryDate"] == "2028-03-09")
        #expect(qms["firstIssueDate"] == "2019-03-12")
        #expect(qms["surveillanceCount"] == 1)
        #expect(qms["multiSite"] == false)
        #expect(qms["status"] == "有效")
        #expect(qms["source"] == "registry")
        #expect(qms["备注"] == nil)
        let ems = found[1]
        #expect(ems["accreditation"] == "")   // the column exists and is empty: no mark
        #expect(ems["holderUSCC"] == nil)
        let provenance = try #require(facts.first?.provenance)
        #expect(provenance.citation == "certificates.csv:2 row 1")
        #expect(provenance.source == .registry)
        #expect(facts.contains { $0.key == "cert.registryChecked" && $0.value == true })
    }

    @Test func anEnterpriseWithoutRowsIsKnownToHoldNoCertificate() throws {
        let other = Enterprise(id: "91440300708461136T", name: "腾讯科技（深圳）有限公司")
        let facts = try open(Data(Self.cncaText.utf8)).facts(for: other)
        #expect(records(facts).isEmpty)
        #expect(facts.map(\.key) == ["cert.registryChecked"])
        let partial = try open(Data(Self.cncaText.utf8), options: ["complete": false]).facts(for: other)
        #expect(partial.isEmpty)
    }

    @Test func organisationCodesJoinOlderRecords() throws {
        let text = "证书编号,组织名称,组织机构代码,认证项目,证书状态,颁证日期,证书到期日期\n001,旧名称有限公司,K8PBRNYT-P,质量管理体系认证,有效,2025-01-01,2027-12-31\n"
        let found = records(try open(Data(text.utf8)).facts(for: Self.enterprise))
        #expect(found.count == 1)
        #expect(found.first?["holderUSCC"] == "K8PBRNYT-P")
    }

    @Test func aMissingRequiredColumnIsNamed() {
        let text = "证书编号,组织名称,认证项目,颁证日期,证书到期日期\n1,a,质量管理体系认证,2025-01-01,2027-12-31\n"
        #expect {
            _ = try open(Data(text.utf8))
        } throws: { error in
            let message = (error as? InputErrors)?.description ?? ""
            return message.contains("missing required column \"status\"") && message.contains("\"证书状态\"")
        }
    }

    @Test func eitherTheProjectOrTheStandardIsRequired() {
        let text = "证书编号,组织名称,证书状态,颁证日期,证书到期日期\n1,a,有效,2025-01-01,2027-12-31\n"
        #expect {
            _ = try open(Data(text.utf8))
        } throws: { error in
            (error as? InputErrors)?.description.contains(#"one of "认证项目" or "认证依据" is required"#) == true
        }
    }

    @Test func aDateInAnotherFormIsBadInputWithItsRow() {
        let text = "证书编号,组织名称,认证项目,证书状态,颁证日期,证书到期日期,监督次数\n1,a,质量管理体系认证,有效,2025-01-01,2027-12-31,1\n2,b,质量管理体系认证,有效,03/01/2025,2027-12-31,两次\n"
        #expect {
            _ = try open(Data(text.utf8))
        } throws: { error in
            let errors = (error as? InputErrors)?.errors ?? []
            return errors.count == 2
                && errors[0].description == #"certificates.csv:3: column "颁证日期": cannot read "03/01/2025" (row 2); expected a date (YYYY-MM-DD, YYYY/M/D, YYYYMMDD or YYYY年M月D日)"#
                && errors[1].description.contains(#"column "监督次数": cannot read "两次" (row 2); expected a whole number"#)
        }
    }

    /// Excel on a Chinese Windows saves "CSV" in GB18030 (GBK): the same export must read the same.
    @Test func readsAGB18030EncodedExport() throws {
        let gb18030 = String.Encoding(rawValue: 0x8000_0632)
        let data = try #require(Self.cncaText.data(using: gb18030))
        #expect(String(data: data, encoding: .utf8) == nil)   // really not UTF-8
        let found = records(try open(data).facts(for: Self.enterprise))
        #expect(found.count == 2)
        #expect(found.first?["holderName"] == "漳州示例精密机械有限公司")
        #expect(found.first?["firstIssueDate"] == "2019-03-12")
        #expect(found[1]["status"] == "暂停")
    }

    @Test func readsAnIAFCertSearchExport() throws {
        let text = """
            Certificate Number,Certified Entity Name,Certification Status,Accreditation Status,Certification Type or Standard,Issue Date,Expiry Date,Original Issue Date,Scope,Country
            Q-123,漳州示例精密机械有限公司,Active,Active,ISO 9001:2015,20250310,20280309,20190312,Gears and reducers,CN
            """
        let provider = CertificateRegistryProvider.iafCertSearch
        #expect(provider.id == "iaf-certsearch")
        let facts = try open(Data(text.utf8), provider: provider).facts(for: Self.enterprise)
        let found = records(facts)
        #expect(found.count == 1)
        #expect(found.first?["accreditationStatus"] == "Active")
        #expect(found.first?["standard"] == "ISO 9001:2015")
        #expect(found.first?["expiryDate"] == "2028-03-09")
        #expect(!facts.contains { $0.key == "cert.registryChecked" })   // a search export is partial by default
    }

    @Test func theIAFExportNeedsItsMandatoryColumns() {
        let text = "Certificate Number,Certified Entity Name,Certification Status,Issue Date,Expiry Date\nQ-1,a,Active,20250101,20271231\n"
        #expect {
            _ = try open(Data(text.utf8), provider: .iafCertSearch)
        } throws: { error in
            let message = (error as? InputErrors)?.description ?? ""
            return message.contains("accreditationStatus") && message.contains("standard")
        }
    }

    @Test func aNonBooleanCompleteOptionIsBadInput() {
        #expect(throws: InputErrors.self) {
            _ = try open(Data(Self.cncaText.utf8), options: ["complete": "yes"])
        }
    }
}
