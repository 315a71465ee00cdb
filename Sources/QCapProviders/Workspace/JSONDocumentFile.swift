import Foundation
import QCapCore

/// Reads a JSON file a person wrote (configuration, waivers, questionnaires) with line numbers for messages.
/// A missing, empty or malformed file is bad input naming the file, the line and what was expected.
enum JSONDocumentFile {
    static func read(_ url: URL, displayPath: String, missing: String = "file not found", expected: String) throws(InputErrors) -> (JSONValue, JSONLineIndex) {
        guard let data = try? Data(contentsOf: url) else {
            throw InputErrors([InputError(file: displayPath, message: missing)])
        }
        if data.isEmpty { throw InputErrors([InputError(file: displayPath, message: "file is empty", expected: expected)]) }
        do {
            return try JSONParser.parseWithLines(data)
        } catch {
            throw InputErrors([InputError(file: displayPath, location: .jsonPath(error.path, line: error.line), message: error.message)])
        }
    }
}
