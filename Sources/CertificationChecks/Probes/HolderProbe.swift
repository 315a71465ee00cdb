import QCapCore

/// The certificate belongs to the enterprise: its USCC (or its 9-character organisation code, positions 9–17 of
/// the USCC) matches the enterprise's; without a code, the names must match. A code that matches but fails the
/// GB 32100 check character is flagged for review, because real codes that fail exist.
enum HolderProbe {
    static let probe = CertificationCheck.probeInForce("cert.holder") { check, record in
        let enterprise = check.input.enterprise
        let enterpriseCode = CertificateText.identifier(enterprise.id).replacingOccurrences(of: "-", with: "")
        if let written = record.text("holderUSCC"), !enterpriseCode.isEmpty {
            let code = CertificateText.identifier(written).replacingOccurrences(of: "-", with: "")
            if case .malformed(let why) = USCC.validate(enterpriseCode) {
                return check.finding(.error, zh: "企业的统一社会信用代码 \(enterprise.id) 格式错误：\(why)",
                                     en: "the enterprise's USCC \(enterprise.id) is malformed: \(why)", record: record)
            }
            if code.count == 9 {
                let organisation = String(enterpriseCode.dropFirst(8).prefix(9))
                if code == organisation {
                    return check.finding(.met, zh: "证书上的组织机构代码 \(written) 与企业统一社会信用代码第 9–17 位一致",
                                         en: "the organisation code \(written) on the certificate matches positions 9–17 of the enterprise's USCC", record: record)
                }
                return check.finding(.notMet, zh: "证书上的组织机构代码 \(written) 与企业代码 \(enterprise.id) 不符：证书属于其他组织",
                                     en: "the organisation code \(written) on the certificate does not match \(enterprise.id): it belongs to another organisation",
                                     record: record)
            }
            if case .malformed(let why) = USCC.validate(code) {
                return check.finding(.error, zh: "证书上的统一社会信用代码“\(written)”格式错误：\(why)（\(record.provenance.citation)）",
                                     en: "the USCC \"\(written)\" on the certificate is malformed: \(why) (\(record.provenance.citation))", record: record)
            }
            guard code == enterpriseCode else {
                return check.finding(.notMet, zh: "证书持有人代码 \(code) 与企业代码 \(enterprise.id) 不一致：证书属于其他组织",
                                     en: "the holder's code \(code) is not the enterprise's \(enterprise.id): the certificate belongs to another organisation",
                                     record: record)
            }
            if case .checkFailed(let expected) = USCC.validate(code) {
                return check.finding(.partial, zh: "代码一致，但 \(code) 的校验位应为 \(expected)：请复核花名册与证书上的代码",
                                     en: "the codes match, but \(code) fails its check character (expected \(expected)): review the code in the roster and on the certificate",
                                     record: record)
            }
            return check.finding(.met, zh: "证书持有人代码与企业一致（\(code)）", en: "the holder's code is the enterprise's (\(code))", record: record)
        }
        if let holder = record.text("holderName"), !enterprise.name.isEmpty {
            if CertificateText.words(holder) == CertificateText.words(enterprise.name) {
                return check.finding(.met, zh: "证书未载代码，持有人名称“\(holder)”与企业名称一致",
                                     en: "no code on the certificate; the holder's name \"\(holder)\" is the enterprise's", record: record)
            }
            return check.finding(.notMet, zh: "证书未载代码，持有人名称“\(holder)”与企业名称“\(enterprise.name)”不一致",
                                 en: "no code on the certificate, and the holder's name \"\(holder)\" differs from \"\(enterprise.name)\"", record: record)
        }
        return check.finding(.noEvidence, zh: "证书 \(record.label) 没有持有人代码或名称", en: "certificate \(record.label) names no holder code or name",
                             record: record)
    }
}
