import Foundation

/// A source of evidence: a questionnaire folder, a bulk JSONL file, a registry export, a survey.
///
/// A provider opens its source once, in bulk, and returns an `EvidenceSource` that hands out each enterprise's
/// facts on demand. That split keeps memory flat: a provider may keep only an index (byte offsets per enterprise)
/// and parse an enterprise's facts when the runner asks for them.
public protocol DataProvider: Sendable {
    /// Stable id used in `qcap.json` (`"provider": "questionnaire"`).
    var id: String { get }
    var title: LocalizedText { get }
    /// What it supplies, for `qcap providers list` and docs.
    var supplies: [FactSpec] { get }
    /// Reads the source named in the workspace. Bad input throws with file and line; nothing is half-loaded.
    func open(_ source: SourceReference, context: ProviderContext) throws(InputErrors) -> any EvidenceSource
}

/// One enterprise's facts from one opened source. Must be safe to call from several threads at once.
public protocol EvidenceSource: Sendable {
    var providerID: String { get }
    /// Enterprises this source has evidence for, in file order, each with the file and place that first names it:
    /// evidence for an enterprise that is not on the roster is reported there, not against the roster.
    var enterprises: [EnterpriseMention] { get }
    func facts(for enterprise: Enterprise) throws(InputErrors) -> [Fact]
}

extension EvidenceSource {
    /// The enterprises' USCCs, in file order.
    public var enterpriseIDs: [String] { enterprises.map(\.id) }
}

/// Where a source names an enterprise: its USCC, the file as messages show it, and the line, row or JSON path.
public struct EnterpriseMention: Sendable, Equatable {
    public var id: String
    public var file: String
    public var location: InputError.Location

    public init(id: String, file: String, location: InputError.Location) {
        self.id = id
        self.file = file
        self.location = location
    }
}

/// Documentation of a fact a provider supplies: `mqc.<criterion>` — level 1–5.
public struct FactSpec: Sendable, Hashable, Codable {
    public var key: String
    public var type: String
    public var description: LocalizedText

    public init(key: String, type: String, description: LocalizedText) {
        self.key = key
        self.type = type
        self.description = description
    }
}

/// A source named in `qcap.json`: `{"provider": "questionnaire", "path": "evidence"}` plus provider options.
public struct SourceReference: Sendable {
    public var provider: String
    public var url: URL
    /// The path as the user wrote it, for messages.
    public var displayPath: String
    public var options: [String: JSONValue]

    public init(provider: String, url: URL, displayPath: String, options: [String: JSONValue] = [:]) {
        self.provider = provider
        self.url = url
        self.displayPath = displayPath
        self.options = options
    }
}

/// What providers may consult while loading: the catalogue of facts the registered rubrics understand.
public struct ProviderContext: Sendable {
    public var catalog: FactCatalog

    public init(catalog: FactCatalog) {
        self.catalog = catalog
    }
}
