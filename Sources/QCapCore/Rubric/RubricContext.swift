/// What every hook of a rubric module sees about the run: the **effective** descriptor (the module's own, or the file
/// a workspace's `"override"` puts in its place), the workspace's tailoring, and the parameters after tailoring.
///
/// Hooks read the descriptor and parameters from here, never from `self.descriptor`: that is how an overriding data
/// rubric's criteria, wording and parameters reach the module's probes, summaries and report outline.
public struct RubricContext: Sendable {
    public let descriptor: RubricDescriptor
    public let tailoring: Tailoring
    /// The descriptor's parameter values with the tailoring's on top.
    public let parameters: [String: JSONValue]
    /// The file the tailoring was read from (a workspace's `qcap.json`, as messages show it); nil without a workspace.
    public let tailoringFile: String?

    /// The context of `descriptor` with `tailoring` applied; `tailoringFile` is where the tailoring came from.
    public init(descriptor: RubricDescriptor, tailoring: Tailoring = .none, tailoringFile: String? = nil) {
        self.descriptor = descriptor
        self.tailoring = tailoring
        self.tailoringFile = tailoringFile
        var parameters: [String: JSONValue] = [:]
        for (name, parameter) in descriptor.parameters ?? [:] { parameters[name] = parameter.value }
        for (name, value) in tailoring.parameters { parameters[name] = value }
        self.parameters = parameters
    }

    /// A parameter after tailoring, or nil when the rubric does not declare it.
    public func parameter(_ name: String) -> JSONValue? { parameters[name] }

    /// Bad input for a parameter a module cannot use: it names the workspace's tailoring when the workspace set the
    /// parameter (`qcap.json: $.tailoring.<id>.parameters.<name>`), else the rubric file (`$.parameters.<name>.value`).
    /// `path` is the parameter's name, optionally followed by a path inside its value (`families[2].editions`).
    public func parameterError(_ path: String, _ message: String, expected: String? = nil) -> InputError {
        let name = String(path.prefix { $0 != "." && $0 != "[" })
        let inner = String(path.dropFirst(name.count))
        if tailoring.parameters[name] != nil {
            let tailored = JSONPath.appending(key: name, to: JSONPath.appending(key: descriptor.id, to: "$.tailoring") + ".parameters")
            return InputError(file: tailoringFile ?? "qcap.json", location: .jsonPath(tailored + inner, line: nil),
                              message: "parameter \(name) of rubric \(descriptor.id): \(message)", expected: expected)
        }
        let declared = JSONPath.appending(key: name, to: "$.parameters") + ".value"
        return InputError(file: descriptor.sourceFile.isEmpty ? "rubric \(descriptor.id)" : descriptor.sourceFile,
                          location: .jsonPath(declared + inner, line: nil),
                          message: "parameter \(name) of rubric \(descriptor.id): \(message)", expected: expected)
    }
}
