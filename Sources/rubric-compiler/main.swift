import Foundation
import QCapCore

// The tool behind the RubricCompiler plugin:
//   rubric-compiler --module NAME --output FILE.swift RUBRIC.json...
// Validates every rubric (examples of probe-evaluated criteria run later, in the module's tests, where the probes
// exist) and writes Swift that embeds them. Diagnostics use the `file:line: error: message` form that SwiftPM and
// editors show next to the line.

var arguments = Array(CommandLine.arguments.dropFirst())
var module = ""
var output = ""
var inputs: [String] = []
while !arguments.isEmpty {
    let argument = arguments.removeFirst()
    switch argument {
    case "--module": module = arguments.isEmpty ? "" : arguments.removeFirst()
    case "--output": output = arguments.isEmpty ? "" : arguments.removeFirst()
    default: inputs.append(argument)
    }
}
guard !module.isEmpty, !output.isEmpty else {
    FileHandle.standardError.write(Data("usage: rubric-compiler --module NAME --output FILE.swift RUBRIC.json...\n".utf8))
    exit(2)
}

var failed = false
var embedded: [(name: String, file: String, json: String)] = []
for path in inputs.sorted() {
    let url = URL(fileURLWithPath: path)
    do {
        let data = try Data(contentsOf: url)
        let descriptor = try RubricLoader.load(data: data, file: path, probes: .unknown)
        embedded.append((RubricSwiftSource.identifier(for: descriptor.id), "rubrics/\(url.lastPathComponent)", String(decoding: data, as: UTF8.self)))
    } catch let errors as InputErrors {
        failed = true
        for error in errors.errors { FileHandle.standardError.write(Data((error.diagnostic + "\n").utf8)) }
    } catch {
        failed = true
        FileHandle.standardError.write(Data("\(path):1: error: cannot read rubric: \(error)\n".utf8))
    }
}
if failed { exit(1) }
let source = RubricSwiftSource.render(module: module, rubrics: embedded)
do {
    try Data(source.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
} catch {
    FileHandle.standardError.write(Data("error: cannot write \(output): \(error)\n".utf8))
    exit(1)
}
