import Foundation
import QCapCore

/// `qcap-dev bench --enterprises N`: times what users wait for. It generates an example workspace with `qcap init`,
/// then runs whole `qcap` commands as separate processes — output written and store included — and prints, beside
/// each, the time CPython takes merely to parse every input file of the same workspace (`PythonBaseline`), the
/// ratio, the command's peak memory, its output size and the store's growth. Figures are printed, never asserted:
/// speed goals live here, not in tests.
enum BenchCommand {
    static let scenarioNames = BenchScenario.all.map(\.name)

    static var spec: CommandSpec {
        CommandSpec("bench", summary: "Time whole qcap commands (assess, jsonl, csv, compare, report, region, site) on a generated region against Python parsing its inputs.",
                    discussion: "Each command runs as its own process with its output sent to a file, so the figures are what a user waits for. Run a release build (swift run -c release qcap-dev bench). The workspace is kept and reused; the store is emptied before the first storing command so every run measures one assessment.",
                    options: [
                        .value("enterprises", short: "n", valueName: "N", help: "Synthetic enterprises.", defaultValue: "20000"),
                        .value("seed", valueName: "S", help: "Seed of the example region.", defaultValue: "11"),
                        .value("dir", valueName: "DIR", help: "Where the workspace is generated and kept.", defaultValue: ".build/bench-N-sS"),
                        .value("scenario", valueName: "NAME", help: "Only this command (repeatable).", repeatable: true, allowedValues: scenarioNames),
                        .value("qcap", valueName: "PATH", help: "The qcap binary to time.", defaultValue: "the qcap beside qcap-dev"),
                        .flag("regenerate", help: "Generate the workspace again even if it exists."),
                        .flag("keep-output", help: "Keep the commands' output files (DIR/bench-output)."),
                        .flag("no-python", help: "Skip the Python baseline."),
                    ],
                    examples: ["swift run -c release qcap-dev bench --enterprises 20000",
                               "swift run -c release qcap-dev bench -n 500000 --scenario csv"])
    }

    /// The assessment date every command uses, so reruns assess the same thing.
    static let asOf = "2026-06-30"

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CommandFailure) {
        guard let count = Int(arguments.value("enterprises") ?? "20000"), count > 0, count <= 1_000_000 else {
            throw .usage("--enterprises expects a number 1–1000000")
        }
        guard let seed = UInt64(arguments.value("seed") ?? "11") else { throw .usage("--seed expects a non-negative integer") }
        let root = context.url(arguments.value("dir") ?? ".build/bench-\(count)-s\(seed)")
        let qcap = arguments.value("qcap").map { context.url($0).path } ?? siblingQCap()
        guard FileManager.default.isExecutableFile(atPath: qcap) else {
            throw .usage("no qcap binary at \(qcap); build it (swift build -c release) or pass --qcap PATH")
        }
        let chosen = Set(arguments.values("scenario"))
        let scenarios = BenchScenario.all.filter { chosen.isEmpty || chosen.contains($0.name) }

        print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, load \(loadAverage()); qcap: \(qcap)")
        try generate(root: root, count: count, seed: seed, qcap: qcap, force: arguments.flag("regenerate"))
        let output = root.appending(path: "bench-output")
        try? FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let store = root.appending(path: ".qcap")
        try? FileManager.default.removeItem(at: store)

        let inputs = arguments.flag("no-python") ? nil : PythonBaseline.measure(workspace: root)
        if let inputs {
            print("inputs: \(inputs.files) files, \(megabytes(inputs.bytes)); python3 parses them in \(fixed(inputs.seconds, 2)) s")
        } else if !arguments.flag("no-python") {
            print("inputs: python3 not available, no baseline")
        }
        print("")
        print("| command | time | × python | enterprises/s | peak memory | output | store growth |")
        print("|---|---|---|---|---|---|---|")
        let first = firstEnterprise(root)
        for scenario in scenarios {
            if scenario.needsStore && !FileManager.default.fileExists(atPath: store.appending(path: "results.sqlite").path) {
                // compare and report read a stored run: make one first, unmeasured.
                _ = try measure(BenchScenario.all[0], qcap: qcap, root: root, first: first, output: output)
            }
            let before = storeBytes(store)
            let (measurement, outputBytes) = try measure(scenario, qcap: qcap, root: root, first: first, output: output)
            let growth = storeBytes(store) - before
            let ratio = inputs.map { fixed(measurement.seconds / $0.seconds, 1) } ?? "—"
            let rate = scenario.perEnterprise ? fixed(Double(count) / measurement.seconds, 0) : "—"
            let perEnterprise = { (bytes: Int) in scenario.perEnterprise ? " (\(fixed(Double(bytes) / Double(count) / 1024, 1)) KB/ent.)" : "" }
            let stored = scenario.stores ? megabytes(growth) + perEnterprise(growth) : "—"
            print("| `\(scenario.display)` | \(fixed(measurement.seconds, 2)) s | \(ratio) | \(rate) | \(megabytes(measurement.peakResidentBytes)) | \(megabytes(outputBytes))\(perEnterprise(outputBytes)) | \(stored) |")
            if measurement.exitCode != 0 {
                print("  (exit code \(measurement.exitCode): rerun `\(qcap) \(scenario.arguments(root.path, first).joined(separator: " "))` to see why)")
            }
        }
        if !arguments.flag("keep-output") { try? FileManager.default.removeItem(at: output) }
    }

    static func measure(_ scenario: BenchScenario, qcap: String, root: URL, first: String,
                        output: URL) throws(CommandFailure) -> (MeasuredProcess.Measurement, Int) {
        let file = output.appending(path: scenario.name + ".out").path
        if let folder = scenario.outputFolder { try? FileManager.default.removeItem(at: root.appending(path: folder)) }
        do {
            let measurement = try MeasuredProcess(executable: qcap, arguments: scenario.arguments(root.path, first), standardOutput: file).run()
            return (measurement, scenario.outputFolder.map { folderBytes(root.appending(path: $0)) } ?? fileBytes(file))
        } catch {
            throw .usage(error.description)
        }
    }

    static func generate(root: URL, count: Int, seed: UInt64, qcap: String, force: Bool) throws(CommandFailure) {
        if !force && FileManager.default.fileExists(atPath: root.appending(path: "qcap.json").path) {
            print("workspace: \(root.path) (reused; --regenerate to make it again)")
            return
        }
        // Without the example's baseline year: the store is emptied before the first storing command anyway.
        let arguments = ["init", root.path, "--example", "--enterprises", String(count), "--seed", String(seed), "--as-of", asOf, "--force",
                         "--no-baseline"]
        let log = root.deletingLastPathComponent().appending(path: root.lastPathComponent + ".init.log").path
        try? FileManager.default.createDirectory(at: root.deletingLastPathComponent(), withIntermediateDirectories: true)
        do {
            let measurement = try MeasuredProcess(executable: qcap, arguments: arguments, standardOutput: log, showErrors: true).run()
            guard measurement.exitCode == 0 else { throw CommandFailure.usage("qcap init failed (exit \(measurement.exitCode)); see \(log)") }
            print("workspace: \(root.path) (generated in \(fixed(measurement.seconds, 1)) s)")
        } catch let error as CommandFailure {
            throw error
        } catch {
            throw .usage("\(error)")
        }
    }

    /// The `qcap` built beside this `qcap-dev` (both are products of the same package).
    static func siblingQCap() -> String {
        let me = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return me.deletingLastPathComponent().appending(path: "qcap").path
    }

    /// The first roster entry's id (the report scenario's enterprise): the first field of the second line.
    static func firstEnterprise(_ root: URL) -> String {
        guard let handle = FileHandle(forReadingAtPath: root.appending(path: "enterprises.csv").path),
              let head = try? handle.read(upToCount: 4096) else { return "" }
        let lines = String(decoding: head, as: UTF8.self).split(whereSeparator: \.isNewline)
        guard lines.count > 1 else { return "" }
        return String(lines[1].prefix { $0 != "," }).trimmingCharacters(in: CharacterSet(charactersIn: "\u{FEFF}\" "))
    }

    static func storeBytes(_ folder: URL) -> Int {
        ["results.sqlite", "results.sqlite-wal"].reduce(0) { $0 + fileBytes(folder.appending(path: $1).path) }
    }

    /// The bytes of every file under a folder (a site's pages).
    static func folderBytes(_ folder: URL) -> Int {
        guard let files = FileManager.default.enumerator(atPath: folder.path) else { return 0 }
        var total = 0
        for case let name as String in files { total += fileBytes(folder.appending(path: name).path) }
        return total
    }

    static func fileBytes(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    static func loadAverage() -> String {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "unknown" }
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }

    static func megabytes(_ bytes: Int) -> String {
        bytes >= 1 << 30 ? "\(fixed(Double(bytes) / Double(1 << 30), 2)) GB" : "\(fixed(Double(bytes) / Double(1 << 20), 1)) MB"
    }

    static func fixed(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }
}
