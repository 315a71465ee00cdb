import Foundation

/// Reads a rubric file: parse (with line numbers), decode, hash and validate, reporting every problem with the
/// file, line and JSON path. The build-time compiler, `qcap rubrics validate` and run-time data rubrics all use it.
public enum RubricLoader {
    /// The probes a rubric file may name, and so how far its examples can run.
    public enum Probes: Sendable {
        /// A data rubric: no probes.
        case none
        /// The probes of this module, run with its preparations on the file's descriptor.
        case module(any Rubric)
        /// Not known yet (build time): probe ids are not checked and the examples of probe-evaluated criteria are
        /// left to the module's tests.
        case unknown
    }

    /// Loads and fully validates a rubric, running its examples with `probes`.
    public static func load(data: Data, file: String, probes: Probes = .none, runExamples: Bool = true) throws(InputErrors) -> RubricDescriptor {
        let (descriptor, lines) = try decode(data: data, file: file)
        let probeIDs: Set<String>?
        switch probes {
        case .none: probeIDs = []
        case .module(let module): probeIDs = Set(module.probeIDs)
        case .unknown: probeIDs = nil
        }
        var errors = RubricValidator(descriptor: descriptor, file: file, lines: lines, probeIDs: probeIDs).validate()
        if runExamples && errors.isEmpty {
            let module: any Rubric
            if case .module(let given) = probes { module = given } else { module = DeclarativeRubric(descriptor: descriptor) }
            errors += ExampleRunner(rubric: EffectiveRubric(module, descriptor: descriptor))
                .failures(file: file, lines: lines, skippingProbes: probeIDs == nil)
        }
        if !errors.isEmpty { throw InputErrors(errors) }
        return descriptor
    }

    /// Parses and decodes without the semantic checks; the descriptor carries its content hash.
    public static func decode(data: Data, file: String) throws(InputErrors) -> (RubricDescriptor, JSONLineIndex) {
        if data.isEmpty {
            throw InputErrors([InputError(file: file, message: "file is empty", expected: "a rubric JSON object")])
        }
        let value: JSONValue
        let lines: JSONLineIndex
        do {
            (value, lines) = try JSONParser.parseWithLines(data)
        } catch {
            throw InputErrors([InputError(file: file, location: .jsonPath(error.path, line: error.line), message: error.message)])
        }
        var descriptor: RubricDescriptor
        do {
            descriptor = try JSONDecoder().decode(RubricDescriptor.self, from: data)
        } catch let error as DecodingError {
            let (path, message) = describe(error)
            throw InputErrors([InputError(file: file, location: .jsonPath(path, line: lines.nearestLine(for: path)), message: message)])
        } catch {
            throw InputErrors([InputError(file: file, message: "\(error)")])
        }
        descriptor.contentHash = SHA256.hex(CanonicalJSON.serialize(value))
        descriptor.sourceFile = file
        return (descriptor, lines)
    }

    /// A JSON path and a plain sentence for a decoding error.
    static func describe(_ error: DecodingError) -> (String, String) {
        func path(_ keys: [any CodingKey]) -> String {
            keys.reduce("$") { partial, key in
                if let index = key.intValue { return JSONPath.appending(index: index, to: partial) }
                return JSONPath.appending(key: key.stringValue, to: partial)
            }
        }
        switch error {
        case .typeMismatch(let type, let context):
            return (path(context.codingPath), "wrong type: expected \(typeName(type))")
        case .valueNotFound(let type, let context):
            return (path(context.codingPath), "missing value: expected \(typeName(type))")
        case .keyNotFound(let key, let context):
            return (path(context.codingPath), "missing required key '\(key.stringValue)'")
        case .dataCorrupted(let context):
            return (path(context.codingPath), context.debugDescription)
        @unknown default:
            return ("$", "\(error)")
        }
    }

    static func typeName(_ type: Any.Type) -> String {
        let name = String(describing: type)
        switch name {
        case "String": return "a string"
        case "Double", "Int": return "a number"
        case "Bool": return "true or false"
        case _ where name.hasPrefix("Array"): return "an array"
        case _ where name.hasPrefix("Dictionary"): return "an object"
        default: return name
        }
    }
}
