/// The value of a fact. Facts arrive as JSON (questionnaires, bulk evidence) or as table cells converted to JSON
/// values, so the JSON value itself is the representation: a rating is a number, an answer a string, a certificate
/// list an array of objects. Rules and probes interpret the value; nothing is converted twice.
public typealias FactValue = JSONValue

/// One piece of evidence about one enterprise: `mqc.D1.03 = 4`, from `evidence.jsonl:12`, on-site.
public struct Fact: Sendable, Hashable {
    public var key: String
    public var value: FactValue
    public var provenance: Provenance
    /// `[provenance]`, built once per evidence document and shared by its facts, so the findings that cite a
    /// fact share one array instead of allocating their own for every criterion of every enterprise.
    public var citation: [Provenance]

    /// A fact: a key such as `mqc.D1.01`, a JSON value, and where it comes from (`citation`, when given, is
    /// `[provenance]` shared with the other facts of its document).
    public init(key: String, value: FactValue, provenance: Provenance, citation: [Provenance]? = nil) {
        self.key = key
        self.value = value
        self.provenance = provenance
        self.citation = citation ?? [provenance]
    }
}
