/// A rubric module with the descriptor it runs with: its own, or the file a workspace's `"override"` puts in its
/// place (new criteria, weights or wording, with the module's probes and hooks). No wrapper type forwards the hooks:
/// the engine runs `module` with `descriptor` in its `RubricContext`.
public struct EffectiveRubric: Sendable {
    public let module: any Rubric
    public let descriptor: RubricDescriptor

    /// `module` with `descriptor` (by default the module's own).
    public init(_ module: any Rubric, descriptor: RubricDescriptor? = nil) {
        self.module = module
        self.descriptor = descriptor ?? module.descriptor
    }

    public var id: String { descriptor.id }

    /// The fact keys the module's probes read besides the criteria's own, for this descriptor.
    public var auxiliaryFacts: [String] { module.auxiliaryFacts(RubricContext(descriptor: descriptor)) }
}
