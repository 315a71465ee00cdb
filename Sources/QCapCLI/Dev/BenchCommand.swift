import Foundation
import QCapCore
import QCapProviders

/// `qcap-dev bench --enterprises N`: generates an example workspace with bulk evidence, assesses it with every
/// rubric, and prints throughput and peak memory beside the time CPython takes merely to `json.loads` every line of
/// the same evidence file. Figures are printed, never asserted: speed goals live here, not in tests.
enum BenchCommand {
    static var spec: CommandSpec {
        CommandSpec("bench", summary: "Benchmark a full assessment against Python's json.loads of the same evidence.",
                    options: [
                        .value("enterprises", short: "n", valueName: "N", help: "Synthetic enterprises.", defaultValue: "10000"),
                        .value("seed", valueName: "S", help: "Seed.", defaultValue: "2026"),
                        .value("dir", valueName: "DIR", help: "Where to generate the workspace (kept for reuse).", defaultValue: ".build/bench-N"),
                        .flag("no-python", help: "Skip the Python comparison."),
                    ],
                    examples: ["swift run -c release qcap-dev bench --enterprises 10000"])
    }

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CommandFailure) {
        guard let count = Int(arguments.value("enterprises") ?? "10000"), count > 0 else { throw .usage("--enterprises expects a positive number") }
        let seed = UInt64(arguments.value("seed") ?? "2026") ?? 2026
        let root = context.url(arguments.value("dir") ?? ".build/bench-\(count)")
        let asOf = Day(year: 2026, month: 6, day: 30) ?? Day.today()
        let evidenceFile = root.appending(path: "evidence.jsonl")
        if !FileManager.default.fileExists(atPath: evidenceFile.path) {
            let started = Date()
            do {
                try ExampleWorkspace(rubrics: context.rubrics, enterprises: count, seed: seed, asOf: asOf, bulk: true).write(to: root)
            } catch {
                throw .usage("cannot generate the workspace: \(error)")
            }
            print("generated \(count) enterprises in \(fixed(Date().timeIntervalSince(started), 2)) s at \(root.path)")
        }
        let bytes = (try? FileManager.default.attributesOfItem(atPath: evidenceFile.path)[.size] as? Int) ?? 0
        let started = Date()
        var assessed = 0
        var checksum = 0.0
        do {
            let workspace = try Workspace.open(root, registered: context.rubrics, providers: context.providers)
            try workspace.runner(asOf: asOf).run(workspace.roster.enterprises) { runs in
                assessed += runs.count
                for run in runs { for result in run.results { checksum += result.score ?? 0 } }
            }
        } catch let error as InputErrors {
            throw .input(error)
        } catch {
            throw .usage("\(error)")
        }
        let seconds = Date().timeIntervalSince(started)
        let megabytes = Double(bytes) / 1_048_576
        print("assessed \(assessed) enterprises × \(context.rubrics.count) rubrics in \(fixed(seconds, 3)) s")
        print("  \(fixed(Double(assessed) / seconds, 0)) enterprises/s, \(fixed(megabytes / seconds, 1)) MB/s of evidence (\(fixed(megabytes, 1)) MB)")
        print("  peak resident memory \(fixed(Double(PeakMemory.residentKilobytes()) / 1024, 1)) MB   (score checksum \(fixed(checksum, 1)))")
        if !arguments.flag("no-python") {
            guard let python = pythonSeconds(evidenceFile) else {
                print("  python3 not available: no comparison")
                return
            }
            print("python3 json.loads of every line: \(fixed(python, 3)) s")
            print("ratio qcap/python = \(fixed(seconds / python, 2)) (below 1.0 means the full assessment beats parsing alone)")
        }
    }

    static func pythonSeconds(_ file: URL) -> Double? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c",
                             "import json,sys,time\nt=time.perf_counter()\nfor l in open(sys.argv[1],'rb'):\n json.loads(l)\nprint(time.perf_counter()-t)",
                             file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        do { try process.run() } catch { return nil }
        process.waitUntilExit()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return Double(text.trimmedWhitespace)
    }

    static func fixed(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }
}

/// Peak resident set size of this process (VmHWM), in kilobytes.
enum PeakMemory {
    static func residentKilobytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
        }
        return 0
    }
}
