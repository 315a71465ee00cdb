import Foundation
import Testing

/// Runs the built `qcap` binary, as a user would, on temporary workspaces.
enum QCapBinary {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
        var data: Data
    }

    /// The binary sits next to the test bundle in the build folder.
    static var url: URL {
        let bundle = Bundle.main.bundleURL
        let candidates = [bundle.deletingLastPathComponent().appending(path: "qcap"), bundle.appending(path: "qcap")]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let sampleRubric = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Fixtures/sample-rubric.json")

    @discardableResult
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Output {
        try run(executable: url, arguments, in: directory, environment: environment)
    }

    /// Runs another program (a shell wrapping qcap, to close or redirect its streams).
    static func run(executable: URL, _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: data, as: UTF8.self),
                      stderr: String(decoding: errors, as: UTF8.self), data: data)
    }

    /// A fresh example workspace with the sample data rubric, in a temporary folder.
    static func exampleWorkspace(enterprises: Int = 6, seed: Int = 1) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appending(path: "qcap-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appending(path: "rubrics"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: sampleRubric, to: root.appending(path: "rubrics/sample-checklist.json"))
        let result = try run(["init", root.path, "--example", "--enterprises", String(enterprises), "--seed", String(seed),
                              "--as-of", "2026-06-30", "--force"])
        #expect(result.status == 0, "init failed: \(result.stderr)")
        return root
    }
}
