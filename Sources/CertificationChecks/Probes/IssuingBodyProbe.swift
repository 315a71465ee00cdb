import QCapCore

/// The certification body's approval number has one of CNCA's forms (`approvalNumberPatterns`: `CNCA-R-YYYY-NNN`,
/// and `CNCA-RF-YYYY-NN(N)` for older bodies); when the rubric carries a list of approved bodies (`approvedBodies`),
/// the body must be on it and in good standing. A number of neither form is something to review, not a failure: the
/// registry holds forms nobody has catalogued.
enum IssuingBodyProbe {
    static let probe = CertificationCheck.probeInForce("cert.issuingBody") { check, record in
        let bodies = check.config.approvedBodies
        let bodyName = record.text("body")
        var entry: CertificationConfig.ApprovedBody?
        var shown = bodyName ?? ""
        var unfamiliar = false
        if let written = record.text("bodyApproval") {
            let approval = CertificateText.identifier(written)
            shown = written
            entry = bodies.first { $0.approval == approval }
            unfamiliar = !check.config.approvalIsWellFormed(approval)
        } else if !bodies.isEmpty, let bodyName {
            let name = CertificateText.words(bodyName)
            entry = bodies.first { !$0.name.isEmpty && $0.name == name }
            if entry == nil {
                return check.finding(.noEvidence, zh: "证书未记录机构批准号，机构“\(bodyName)”也不在机构名单上",
                                     en: "the certificate has no approval number, and body \"\(bodyName)\" is not on the list of bodies", record: record)
            }
        } else {
            return check.finding(.noEvidence, zh: "证书 \(record.label) 未记录认证机构批准号", en: "certificate \(record.label) has no body approval number",
                                 record: record)
        }
        if let entry {
            if entry.status == "valid" {
                return check.finding(.met, zh: "机构 \(shown) 在认证机构名单上，资质有效", en: "body \(shown) is on the list and in good standing", record: record)
            }
            return check.finding(.notMet, zh: "机构 \(shown) 的批准资质状态为 \(entry.status)", en: "body \(shown) has approval status \(entry.status)",
                                 record: record, details: ["bodyStatus": entry.status])
        }
        let forms = check.config.approvalFormsText
        if unfamiliar {
            return check.finding(.partial, zh: "机构批准号“\(shown)”不是已知的格式（\(forms)），请在国家认监委登记数据中核实该机构",
                                 en: "approval number \"\(shown)\" has none of the known forms (\(forms)); verify the body in the CNCA registry",
                                 record: record, details: ["review": "approvalForm"])
        }
        guard !bodies.isEmpty else {
            return check.finding(.met, zh: "机构批准号 \(shown) 格式正确", en: "approval number \(shown) is well formed", record: record)
        }
        return check.finding(.partial, zh: "机构 \(shown) 不在已加载的认证机构名单上，请核实其批准情况",
                             en: "body \(shown) is not on the loaded list of certification bodies; verify its approval", record: record)
    }
}
