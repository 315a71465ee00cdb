import Foundation

/// A rubric file compiled into a module by the RubricCompiler plugin. The JSON was fully validated at build time,
/// so decoding it again at run time cannot fail unless the build itself was tampered with.
public struct EmbeddedRubric: Sendable {
    public let file: String
    public let json: String

    /// Called by the generated `EmbeddedRubrics` source; `file` is the path shown in messages.
    public init(file: String, json: String) {
        self.file = file
        self.json = json
    }

    public var descriptor: RubricDescriptor {
        do {
            return try RubricLoader.decode(data: Data(json.utf8), file: file).0
        } catch {
            fatalError("rubric \(file) was validated at build time but no longer decodes: \(error)") // safe: validated by RubricCompiler at build time
        }
    }
}
