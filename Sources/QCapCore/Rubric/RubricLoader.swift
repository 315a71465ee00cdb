import Foundation

/// Reads a rubric file: parse (with line numbers), decode, hash and validate, reporting every problem with the
/// file, line and JSON path. The build-time compiler, `qcap rubrics validate` and run-time data rubrics all use it.
public enum RubricLoader {
    /// Loads and fully validates a rubric, running its examples with `probes` (a module's probes; none for a data
    /// rubric). With `probes: nil` the probe set is not known yet (build time): probe ids are not checked and the
    /// examples of probe-evaluated criteria are left to the module's tests.
    public static func load(data: Data, file: String, probes: [Probe]? = [], runExamples: Bool = true) throws(InputErrors) -> RubricDescriptor {
        let (descriptor, lines) = try decode(data: data, file: file)
        var errors = RubricValidator(descriptor: descriptor, file: file, lines: lines, probes: probes).validate()
        if runExamples && errors.isEmpty {
            errors += ExampleRunner(rubric: ProbedRubric(descriptor: descriptor, probes: probes ?? []))
                .failures(file: file, lines: lines, skippingProbes: probes == nil)
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

/// A descriptor with a given probe set: used to run a module rubric's examples outside its module.
struct ProbedRubric: Rubric {
    let descriptor: RubricDescriptor
    let probes: [Probe]
}
