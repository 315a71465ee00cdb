import QCapCore

/// Synthetic certificates for `qcap init --example`: rows of a CNCA-style `certificates.csv`, and the certificates
/// the enterprise declares in its questionnaire. Better enterprises hold more certificates and keep them current;
/// weaker ones show the problems the checks look for (suspension, overdue surveillance, narrow scope, unaccredited
/// bodies, a declaration the registry contradicts).
enum CertificationExampleEvidence {
    static let file = "certificates.csv"
    static let provider = "cnca-registry"
    static let header = ["证书编号", "组织名称", "统一社会信用代码", "认证项目", "认证依据", "证书状态", "颁证日期", "证书到期日期",
                         "初次获证日期", "认证机构名称", "机构批准号", "认可标识", "认证覆盖的业务范围", "是否覆盖多场所", "覆盖人数",
                         "监督次数", "再认证次数", "最近监督日期"]

    /// What a family's certificate looks like in the registry, and how likely an enterprise of quality q holds one.
    struct Kind {
        let family: String
        let letter: String
        let project: String
        let standard: String
        let oldStandard: String?
        let industries: [String]
        let base: Double
        let perQuality: Double
    }

    static let kinds = [
        Kind(family: "QMS", letter: "Q", project: "质量管理体系认证", standard: "GB/T19001-2016/ISO9001:2015",
             oldStandard: "GB/T19001-2008/ISO9001:2008", industries: [], base: 0.55, perQuality: 0.45),
        Kind(family: "EMS", letter: "E", project: "环境管理体系认证", standard: "GB/T24001-2016/ISO14001:2015",
             oldStandard: nil, industries: [], base: 0.1, perQuality: 0.6),
        Kind(family: "OHSMS", letter: "S", project: "职业健康安全管理体系认证", standard: "GB/T45001-2020/ISO45001:2018",
             oldStandard: "GB/T28001-2011/OHSAS18001:2007", industries: [], base: 0.05, perQuality: 0.55),
        Kind(family: "IATF16949", letter: "A", project: "汽车行业质量管理体系认证", standard: "IATF 16949:2016",
             oldStandard: nil, industries: ["C36"], base: 0.3, perQuality: 0.6),
        Kind(family: "ISO22000", letter: "F", project: "食品安全管理体系认证", standard: "ISO22000:2018",
             oldStandard: nil, industries: ["C13", "C14", "C15"], base: 0.2, perQuality: 0.6),
        Kind(family: "ISO50001", letter: "En", project: "能源管理体系认证", standard: "GB/T23331-2020/ISO50001:2018",
             oldStandard: nil, industries: [], base: 0, perQuality: 0.15),
    ]

    /// Fictional certification bodies with CNCA-style approval numbers.
    static let bodies = [("华信质量认证有限公司", "CNCA-R-2003-117"), ("中联标准认证中心", "CNCA-R-2002-015"),
                         ("闽南检验认证有限公司", "CNCA-R-2016-052"), ("东海体系认证有限公司", "CNCA-R-2009-088")]

    static func contribution(for request: ExampleRequest, random: inout SeededGenerator) -> ExampleContribution {
        let enterprise = request.enterprise
        let quality = request.quality
        var rows: [[String]] = []
        var declared: [JSONValue] = []
        for kind in kinds {
            if !kind.industries.isEmpty && !kind.industries.contains(where: enterprise.industry.hasPrefix) { continue }
            guard random.unit() < kind.base + kind.perQuality * quality else { continue }
            let certificate = makeCertificate(kind, request: request, random: &random)
            rows.append(certificate.row)
            if random.unit() < 0.6 { declared.append(certificate.declared) }
        }
        // Some weaker enterprises claim a certificate the registry does not have.
        if random.unit() < (1 - quality) * 0.15 {
            declared.append(.object(JSONObject([("number", .string("00125E\(10_000 + Int(random.next() % 90_000))R0M")),
                                                ("family", "EMS"), ("status", "有效")])))
        }
        var facts: [Provenance.Source: [String: JSONValue]] = [:]
        if !declared.isEmpty { facts[.declared] = [CertificateEvidence.declaredKey: .array(declared)] }
        return ExampleContribution(facts: facts, tables: rows.isEmpty ? [:] : [file: ExampleTable(header: header, rows: rows, provider: provider)])
    }

    static func makeCertificate(_ kind: Kind, request: ExampleRequest, random: inout SeededGenerator)
        -> (row: [String], declared: JSONValue) {
        let enterprise = request.enterprise
        let weakness = 1 - request.quality
        let recertifications = Int(random.next() % 4)
        var issue = request.asOf.adding(days: -Int(random.next() % 1_000))
        var status = "有效"
        let lapse = random.unit()
        if lapse < weakness * 0.12 {
            // Not recertified in time: the cycle ended before the assessment date.
            issue = request.asOf.adding(days: -(1_100 + Int(random.next() % 300)))
            status = random.unit() < 0.5 ? "过期失效" : "有效"
        } else if lapse < weakness * 0.2 {
            status = "撤销"
        } else if lapse < weakness * 0.35 {
            status = "暂停"
        }
        let expiry = issue.adding(years: 3).adding(days: -1)
        let schedule = (first: issue.adding(months: 12), second: issue.adding(months: 24))
        var surveillances = [schedule.first, schedule.second].filter { $0 < request.asOf && $0 < expiry }.count
        if surveillances > 0 && (status == "暂停" || random.unit() < weakness * 0.2) { surveillances -= 1 }
        let body = bodies[Int(random.next() % UInt64(bodies.count))]
        let number = "\(body.1.suffix(3))\(String(issue.year).suffix(2))\(kind.letter)\(10_000 + Int(random.next() % 90_000))R\(recertifications)M"
        let standard = kind.oldStandard != nil && random.unit() < weakness * 0.05 ? kind.oldStandard ?? kind.standard : kind.standard
        let products = enterprise.products.isEmpty ? ["机械产品"] : enterprise.products
        let covered = random.unit() < weakness * 0.4 ? Array(products.prefix(1)) : products
        let lastSurveillance = surveillances == 0 ? "" : (surveillances == 1 ? schedule.first : schedule.second).adding(days: -Int(random.next() % 40)).description
        let row = [
            number, enterprise.name, enterprise.id, kind.project, standard, status, dateText(issue, &random), dateText(expiry, &random),
            issue.adding(years: -3 * recertifications).description, body.0, body.1,
            random.unit() < 0.8 + 0.15 * request.quality ? "CNAS" : "",
            covered.joined(separator: "、") + "的设计和生产", random.unit() < 0.15 ? "是" : "否",
            String(20 + Int(random.next() % 400)), String(surveillances), String(recertifications),
            random.unit() < 0.5 ? lastSurveillance : "",
        ]
        let declared: JSONValue = .object(JSONObject([
            ("number", .string(number)), ("family", .string(kind.family)), ("standard", .string(kind.standard)),
            ("status", "有效"), ("expiryDate", .string(expiry.description)),
        ]))
        return (row, declared)
    }

    /// Mostly ISO dates, sometimes the `2024/3/1` form Excel writes, as real exports mix them.
    static func dateText(_ day: Day, _ random: inout SeededGenerator) -> String {
        random.unit() < 0.15 ? "\(day.year)/\(day.month)/\(day.day)" : day.description
    }
}
