import QCapCore

/// One certificate as a registry export or a questionnaire gives it: an object of the `cert.records` (or
/// `cert.declared`) fact, with the fact's provenance. Fields other than the number, status and expiry are read on
/// demand; a malformed field is reported by the check that needs it, citing the record.
struct CertificateRecord: Sendable {
    enum Field<Value: Sendable>: Sendable {
        case missing
        case value(Value)
        case malformed(String)
    }

    let fields: JSONObject
    let provenance: Provenance
    let isRegistry: Bool
    /// Resolved from `family`, the standard text, the 认证项目 text or the certificate number; nil when none says.
    let familyID: String?
    let status: StatusReading
    /// The certificate number as written (trimmed), "" when absent.
    let number: String
    /// The expiry date when it is readable; read once, as every check and the choice of certificate use it.
    let expiry: Day?

    init(fields: JSONObject, provenance: Provenance, isRegistry: Bool, config: CertificationConfig) {
        self.fields = fields
        self.provenance = provenance
        self.isRegistry = isRegistry
        self.status = config.status(of: fields["status"])
        self.familyID = Self.family(of: fields, config: config)
        self.number = Self.text(fields["number"]) ?? ""
        if case .value(let day) = Self.date(fields["expiryDate"]) { expiry = day } else { expiry = nil }
    }

    /// A text field, trimmed; nil when absent or blank. Numbers read as their decimal form.
    func text(_ key: String) -> String? {
        Self.text(fields[key])
    }

    private static func text(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let text):
            let trimmed = text.trimmedWhitespace
            return trimmed.isEmpty ? nil : trimmed
        case .number(let number):
            return number.formatted
        default:
            return nil
        }
    }

    /// Whether the record has the key at all (an empty 认可标识 says "none", an absent one says nothing).
    func has(_ key: String) -> Bool {
        guard let value = fields[key] else { return false }
        return !value.isNull
    }

    func date(_ key: String) -> Field<Day> {
        Self.date(fields[key])
    }

    private static func date(_ value: JSONValue?) -> Field<Day> {
        guard let value, !value.isNull else { return .missing }
        guard let text = value.stringValue else { return .malformed(JSONWriter.write(value)) }
        if text.trimmedWhitespace.isEmpty { return .missing }
        guard let day = DateText.parse(text) else { return .malformed(text) }
        return .value(day)
    }

    /// A count such as 监督次数. Beyond `countLimit` it is malformed: no certificate has that many audits, and the
    /// bound keeps the arithmetic on counts far from overflow.
    func count(_ key: String) -> Field<Int> {
        guard let value = fields[key], !value.isNull else { return .missing }
        var number = value.intValue
        if let text = value.stringValue {
            let trimmed = text.trimmedWhitespace
            if trimmed.isEmpty { return .missing }
            number = Int(trimmed)
        }
        guard let number, (0...Self.countLimit).contains(number) else { return .malformed(JSONWriter.write(value)) }
        return .value(number)
    }

    static let countLimit = 10_000

    /// `00125Q31234R2M`, or a placeholder when the record has no number.
    var label: String { number.isEmpty ? "(无编号 / no number)" : number }

    var sourceLabel: LocalizedText {
        isRegistry ? LocalizedText(zh: "登记数据", en: "registry") : LocalizedText(zh: "企业申报", en: "declared")
    }

    /// In force unless its status says otherwise or its expiry date has passed; silence does not contradict.
    func isInForce(asOf: Day) -> Bool {
        guard status.allowsInForce else { return false }
        if let expiry, asOf > expiry { return false }
        return true
    }

    /// Why a record is not in force, for messages.
    var notInForceReason: LocalizedText {
        switch status {
        case .known(let status) where status != .valid:
            let name = text("status") ?? status.rawValue
            return LocalizedText(zh: "状态为“\(name)”", en: "status \(name)")
        case .unrecognised(let text):
            return LocalizedText(zh: "状态“\(text)”无法识别", en: "unrecognised status \"\(text)\"")
        default:
            let date = expiry?.description ?? ""
            return LocalizedText(zh: "已于 \(date) 到期", en: "expired on \(date)")
        }
    }

    private static func family(of fields: JSONObject, config: CertificationConfig) -> String? {
        if let id = fields["family"]?.stringValue, config.family(id) != nil { return id }
        if let standard = fields["standard"]?.stringValue {
            let text = CertificateText.identifier(standard)
            if let id = longestMatch(in: text, config: config, names: { family in family.standards + family.editions.flatMap(\.identifiers) }) {
                return id
            }
        }
        if let project = fields["project"]?.stringValue {
            let text = CertificateText.identifier(project)
            if let id = longestMatch(in: text, config: config, names: \.projectNames) { return id }
        }
        if let number = fields["number"]?.stringValue, let letter = config.familyLetter(inNumber: number) {
            return config.families.first { $0.letter == letter }?.id
        }
        return nil
    }

    /// The family whose longest name occurs in `text`: 医疗器械质量管理体系 is ISO 13485, not QMS.
    private static func longestMatch(in text: String, config: CertificationConfig,
                                     names: (CertificationFamily) -> [String]) -> String? {
        guard !text.isEmpty else { return nil }
        var best: (length: Int, id: String)?
        for family in config.families {
            for name in names(family) where !name.isEmpty && CertificateText.contains(text, name) && name.count > (best?.length ?? 0) {
                best = (name.count, family.id)
            }
        }
        return best?.id
    }
}
