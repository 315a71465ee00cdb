import Foundation
import Testing

/// `scripts/validate-rubric-schema.py` is CI's schema check (issue 15 §14): it must fail when it cannot run, not
/// skip, and fail on a rubric the schema rejects. Runs where a python3 exists (CI: Debian's /usr/bin/python3).
@Suite struct SchemaCheckScriptTests {
    static let python = ["/usr/bin/python3", "/usr/local/bin/python3", "/opt/homebrew/bin/python3"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static func run(_ arguments: [String], pythonPath: String? = nil, script: Bool = true) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python ?? "/usr/bin/python3")
        process.arguments = (script ? [PackageRoot.url.appending(path: "scripts/validate-rubric-schema.py").path] : []) + arguments
        var environment = ProcessInfo.processInfo.environment
        if let pythonPath { environment["PYTHONPATH"] = pythonPath }
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(.enabled(if: python != nil, "no python3 on this machine"))
    func withoutJsonschemaTheCheckFailsInsteadOfSkipping() throws {
        let folder = try TemporaryFolder("schema-check")
        defer { folder.remove() }
        // A jsonschema module that cannot be imported, ahead of any installed one.
        try folder.write("raise ImportError('hidden by the test')\n", to: "jsonschema.py")
        let result = try Self.run([], pythonPath: folder.url.path)
        #expect(result.status == 2, "\(result.output)")
        #expect(result.output.contains("the schema was NOT checked"))
    }

    @Test(.enabled(if: python != nil, "no python3 on this machine"))
    func aRubricTheSchemaRejectsFailsTheCheck() throws {
        // Only meaningful where jsonschema is installed (CI installs it); elsewhere the check says it cannot run.
        guard try Self.run(["-c", "import jsonschema"], script: false).status == 0 else {
            #expect(try Self.run([]).status == 2)
            return
        }
        let folder = try TemporaryFolder("schema-check")
        defer { folder.remove() }
        try folder.write(#"{"id": "Bad Id", "version": "1"}"#, to: "bad.json")
        let result = try Self.run([folder.url.appending(path: "bad.json").path])
        #expect(result.status == 1, "\(result.output)")
        #expect(result.output.contains("1 failing"))
    }
}
