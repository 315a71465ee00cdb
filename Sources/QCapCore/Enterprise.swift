/// One manufacturer on a region's roster.
///
/// The Unified Social Credit Code (`id`) is the key every source is joined on: registries, questionnaires and
/// surveys all name the enterprise by it.
public struct Enterprise: Sendable, Hashable, Codable {
    /// The 18-character Unified Social Credit Code (统一社会信用代码).
    public var id: String
    public var name: String
    /// GB/T 2260 administrative division code, e.g. `350602`.
    public var region: String
    /// GB/T 4754 industry code, e.g. `C34`.
    public var industry: String
    /// Size class as the roster gives it (大型/中型/小型/微型 or large/medium/small/micro).
    public var size: String
    /// Main products, used by scope checks; may be empty.
    public var products: [String]

    /// An enterprise by USCC and name; region (GB/T 2260), industry (GB/T 4754), size and products when known.
    public init(id: String, name: String, region: String = "", industry: String = "", size: String = "", products: [String] = []) {
        self.id = id
        self.name = name
        self.region = region
        self.industry = industry
        self.size = size
        self.products = products
    }
}
