import QCapCore

/// The certified scope covers the enterprise's main products. A product counts as covered when its keyword occurs in
/// the scope text (Chinese is written without word breaks, so this is a substring test, ignoring case, width and
/// spaces). Some products covered is partial, scored by the share covered.
enum ScopeProbe {
    static let productsKey = "enterprise.products"

    static let probe = CertificationCheck.probeInForce("cert.scope") { check, record in
        guard let scope = record.text("scope") else {
            return check.finding(.noEvidence, zh: "证书 \(record.label) 未记录认证覆盖的业务范围",
                                 en: "certificate \(record.label) records no certified scope", record: record)
        }
        var products = check.input.enterprise.products.map { $0.trimmedWhitespace }.filter { !$0.isEmpty }
        if products.isEmpty {
            switch check.input.resolveFact(productsKey) {
            case .value(let resolved): products = listed(resolved.value, separators: check.config.productSeparators)
            case .noEvidence: break
            case .conflict(let finding): return finding
            }
        }
        guard !products.isEmpty else {
            return check.finding(.noEvidence, zh: "未提供企业的主营产品（花名册“主要产品”列或问卷 enterprise.products）",
                                 en: "the enterprise's main products are not given (roster column 主要产品 or questionnaire enterprise.products)",
                                 record: record)
        }
        let text = CertificateText.words(scope)
        let covered = products.filter { CertificateText.contains(text, CertificateText.words($0)) }
        let missing = products.filter { !CertificateText.contains(text, CertificateText.words($0)) }
        let share = Double(covered.count) / Double(products.count)
        let details = ["covered": covered.joined(separator: "、"), "notCovered": missing.joined(separator: "、")]
        if missing.isEmpty {
            return check.finding(.met, zh: "认证范围覆盖全部主营产品：\(covered.joined(separator: "、"))",
                                 en: "the certified scope covers every main product: \(covered.joined(separator: ", "))", record: record, details: details)
        }
        if covered.isEmpty {
            return check.finding(.notMet, zh: "认证范围“\(scope)”不含任何主营产品（\(products.joined(separator: "、"))）",
                                 en: "the certified scope \"\(scope)\" covers none of the main products (\(products.joined(separator: ", ")))",
                                 record: record, details: details)
        }
        return check.finding(.partial, zh: "认证范围覆盖 \(covered.count)/\(products.count) 种主营产品，未覆盖：\(missing.joined(separator: "、"))",
                             en: "the certified scope covers \(covered.count) of \(products.count) main products; not covered: \(missing.joined(separator: ", "))",
                             score: share, record: record, details: details)
    }

    /// The products an `enterprise.products` fact lists: a list, or one text split at the `productSeparators`. The
    /// roster's 主要产品 column comes first; this is read only when it is empty.
    static func listed(_ value: JSONValue, separators: [String]) -> [String] {
        var items: [String]
        switch value {
        case .array(let values): items = values.compactMap(\.stringValue)
        case .string(let text): items = [text]
        default: items = []
        }
        for separator in separators where !separator.isEmpty {
            items = items.flatMap { $0.components(separatedBy: separator) }
        }
        return items.map { $0.trimmedWhitespace }.filter { !CertificateText.words($0).isEmpty }
    }
}
