import QCapCore

/// The certificates the enterprise declares agree with the registry. A declared certificate the registry lacks, or
/// shows out of force, is a conflict that cites both sources; a different expiry date or edition is a warning.
enum DeclaredVsRegistryProbe {
    static let probe = CertificationCheck.probe("cert.declaredVsRegistry") { check in
        let declared = check.records.filter { !$0.isRegistry }.sorted { $0.number < $1.number }
        guard !declared.isEmpty else {
            return check.finding(.notApplicable, zh: "企业未申报\(check.family.name.zh)证书，无需比对",
                                 en: "nothing declared for \(check.family.name.en), so there is nothing to compare")
        }
        guard check.certificates.registryChecked else {
            return check.finding(.noEvidence, zh: "没有可比对的登记数据：请导出国家认监委或 IAF CertSearch 的证书记录",
                                 en: "no registry data to compare with: export the certificates from the CNCA registry or IAF CertSearch",
                                 record: declared[0])
        }
        let registry = check.records.filter(\.isRegistry)
        var warnings: [(zh: String, en: String, cited: [Provenance])] = []
        for claim in declared {
            let matches = claim.number.isEmpty ? registry : registry.filter { CertificateEvidence.numbersMatch(claim.number, $0.number) }
            guard let entry = CertificateEvidence.primary(of: matches, asOf: check.asOf) else {
                let searched = check.certificates.registryCitation
                let file = searched.map { "（\($0.file)）" } ?? ""
                let fileEn = searched.map { " (\($0.file))" } ?? ""
                return check.finding(.notMet, zh: "冲突：企业申报证书 \(claim.label)（\(claim.provenance.citation)），登记数据\(file)中查无此证",
                                     en: "conflict: the enterprise declares certificate \(claim.label) (\(claim.provenance.citation)), which the registry\(fileEn) does not hold",
                                     record: claim, also: searched.map { [$0] } ?? [])
            }
            if claim.isInForce(asOf: check.asOf) && !entry.isInForce(asOf: check.asOf) {
                let why = entry.notInForceReason
                return check.finding(.notMet, zh: "冲突：企业申报证书 \(claim.label) 有效（\(claim.provenance.citation)），登记数据显示\(why.zh)（\(entry.provenance.citation)）",
                                     en: "conflict: the enterprise declares certificate \(claim.label) in force (\(claim.provenance.citation)), the registry shows \(why.en) (\(entry.provenance.citation))",
                                     record: claim, also: [entry.provenance])
            }
            if let claimed = claim.expiry, let registered = entry.expiry, claimed != registered {
                warnings.append(("证书 \(claim.label) 申报的到期日 \(claimed) 与登记数据 \(registered) 不同",
                                 "certificate \(claim.label): declared expiry \(claimed), registry \(registered)", [entry.provenance]))
            }
            if let claimedText = claim.text("standard"), let registeredText = entry.text("standard"),
               let claimedEdition = check.family.edition(in: claimedText), let registeredEdition = check.family.edition(in: registeredText),
               claimedEdition.id != registeredEdition.id {
                warnings.append(("证书 \(claim.label) 申报的版本 \(claimedEdition.id) 与登记数据 \(registeredEdition.id) 不同",
                                 "certificate \(claim.label): declared edition \(claimedEdition.id), registry \(registeredEdition.id)", [entry.provenance]))
            }
        }
        if !warnings.isEmpty {
            return check.finding(.partial, zh: "申报与登记数据基本一致，但细节不同：\(warnings.map(\.zh).joined(separator: "；"))",
                                 en: "the declaration agrees with the registry except for details: \(warnings.map(\.en).joined(separator: "; "))",
                                 record: declared[0], also: warnings.flatMap(\.cited))
        }
        let list = declared.map(\.label).joined(separator: "、")
        return check.finding(.met, zh: "申报的证书 \(list) 与登记数据一致", en: "the declared certificates (\(declared.map(\.label).joined(separator: ", "))) agree with the registry",
                             record: declared[0])
    }
}
