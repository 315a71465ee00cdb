import Foundation
import QCapStore
import Testing

/// The output and store paths under failure, against the built binary (docs/guarantees.md): write errors (a full
/// device, a closed standard output, a reader that goes away, a file size limit standing in for a full disk), kills
/// at random points during `assess`, interrupts, and two `assess` at once on one workspace.
@Suite(.serialized) struct FaultInjectionTests {
    /// One example workspace for the whole suite, assessed once so the store holds a run to protect.
    static let workspace: URL = {
        let root = try! QCapBinary.exampleWorkspace(enterprises: 12, seed: 5)  // safe: a test fixture
        _ = try! QCapBinary.run(["assess", "-w", root.path, "--as-of", "2026-06-30"])  // safe: a test fixture
        return root
    }()

    /// Runs `qcap ARGS` through bash, with `prelude` applied first (a redirection, a ulimit, a pipe after "$@").
    static func shell(_ script: String, _ arguments: [String], in directory: URL? = nil) throws -> QCapBinary.Output {
        try QCapBinary.run(executable: URL(fileURLWithPath: "/bin/bash"), ["-c", script, QCapBinary.url.path] + arguments, in: directory)
    }

    // MARK: - Write errors

    @Test func aFullDeviceIsExit3NamingStandardOutputAndStoresNothing() throws {
        let before = try StoreSnapshot(Self.workspace)
        let result = try Self.shell(#"exec "$0" "$@" > /dev/full"#, ["assess", "-w", Self.workspace.path, "--format", "json", "--as-of", "2026-06-30"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("cannot write standard output: No space left on device"), "\(result.stderr)")
        #expect(!result.stderr.contains("results.sqlite"), "a write error must not blame the store: \(result.stderr)")
        #expect(try StoreSnapshot(Self.workspace) == before)
    }

    @Test(arguments: [["assess", "--format", "csv"], ["compare"], ["rubrics", "list"], ["version"], ["--help"]])
    func aClosedStandardOutputIsExit3NotACrash(command: [String]) throws {
        let before = try StoreSnapshot(Self.workspace)
        let arguments = command.first == "assess" || command.first == "compare" ? command + ["-w", Self.workspace.path] : command
        let result = try Self.shell(#"exec "$0" "$@" >&-"#, arguments)
        #expect(result.status == 3, "\(command): \(result.stderr)")
        #expect(result.stderr.contains("cannot write standard output: Bad file descriptor"), "\(result.stderr)")
        #expect(try StoreSnapshot(Self.workspace) == before)
        // The store's descriptor must not have been handed fd 1 (the report would have gone into it).
        #expect(try StoreSnapshot(Self.workspace).integrity == "ok")
    }

    @Test func aReaderThatGoesAwayEndsQuietlyAndStoresNothing() throws {
        let before = try StoreSnapshot(Self.workspace)
        // JSON for 12 enterprises is megabytes, far more than a pipe holds, so the write after head exits fails.
        let result = try Self.shell(#""$0" "$@" | head -c1 > /dev/null; exit "${PIPESTATUS[0]}""#,
                                    ["assess", "-w", Self.workspace.path, "--format", "json", "--as-of", "2026-06-30"])
        #expect(result.status == 141)
        #expect(result.stderr.isEmpty, "a closed pipe ends quietly: \(result.stderr)")
        #expect(try StoreSnapshot(Self.workspace) == before)
    }

    /// A file size limit makes write(2) fail with EFBIG part way, as a full disk fails with ENOSPC.
    @Test(arguments: [true, false])
    func aFileOutputThatCannotBeWrittenLeavesTheOldFileAndNoTemporary(noStore: Bool) throws {
        let folder = try TemporaryFolder("fault-output")
        defer { folder.remove() }
        try folder.write("previous report\n", to: "out.json")
        let before = try StoreSnapshot(Self.workspace)
        let output = folder.url.appending(path: "out.json").path
        let result = try Self.shell(#"ulimit -f 64; exec "$0" "$@""#,
                                    ["assess", "-w", Self.workspace.path, "--format", "json", "--as-of", "2026-06-30", "-o", output]
                                        + (noStore ? ["--no-store"] : []))
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("cannot write"), "\(result.stderr)")
        // Without the store the output file is what fails; with it, whichever grows past the limit first.
        if noStore { #expect(result.stderr.contains("cannot write \(output): File too large"), "\(result.stderr)") }
        #expect(try folder.read("out.json") == "previous report\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["out.json"])
        #expect(try StoreSnapshot(Self.workspace) == before)
    }

    // MARK: - Kills and interrupts

    /// SIGKILL at random moments of `assess`: the store holds the previous runs or those plus the whole new run,
    /// never part of one, and an existing output file is the old one or the whole new one.
    @Test func aKillAtAnyPointLeavesTheStoreWholeAndTheOutputOldOrNew() throws {
        let folder = try TemporaryFolder("fault-kill")
        defer { folder.remove() }
        try folder.write("previous report\n", to: "out.csv")
        let output = folder.url.appending(path: "out.csv")
        var generator = SystemRandomNumberGenerator()
        // How long a whole run takes here, so the kills fall across it: before the store is opened, while batches
        // are stored and written, around the rename and the commit.
        let started = Date()
        _ = try QCapBinary.run(["assess", "-w", Self.workspace.path, "--format", "csv", "--as-of", "2026-06-30", "-o", output.path])
        let duration = Date().timeIntervalSince(started)
        try folder.write("previous report\n", to: "out.csv")
        for attempt in 0..<8 {
            let before = try StoreSnapshot(Self.workspace)
            let process = Process()
            process.executableURL = QCapBinary.url
            process.arguments = ["assess", "-w", Self.workspace.path, "--format", "csv", "--as-of", "2026-06-30", "-o", output.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let delay = attempt == 0 ? 0.005 : Double.random(in: 0.01...max(0.02, duration * 1.1), using: &generator)
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let after = try StoreSnapshot(Self.workspace)
            #expect(after.integrity == "ok")
            #expect(after.runs == before.runs || after.runs.count == before.runs.count + 1, "attempt \(attempt) after \(delay) s")
            #expect(after.everyRunIsWhole, "attempt \(attempt) after \(delay) s: \(after.runs)")
            let text = String(decoding: try Data(contentsOf: output), as: UTF8.self)  // keeps the BOM
            #expect(text == "previous report\n" || text.hasPrefix("\u{FEFF}uscc,") && text.hasSuffix("\r\n"), "attempt \(attempt)")
            // A killed process cannot remove its temporary file; the next one with that pid would replace it.
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.url.path) where name != "out.csv" {
                #expect(name.hasPrefix(".out.csv.") && name.hasSuffix(".tmp"))
                try FileManager.default.removeItem(at: folder.url.appending(path: name))
            }
        }
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func anInterruptRemovesTheTemporaryFile(signal: Int32) throws {
        let folder = try TemporaryFolder("fault-interrupt")
        defer { folder.remove() }
        let output = folder.url.appending(path: "out.json")
        let process = Process()
        process.executableURL = QCapBinary.url
        process.arguments = ["assess", "-w", Self.workspace.path, "--format", "json", "--as-of", "2026-06-30", "-o", output.path, "--no-store"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 0.3)
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
        #expect(left.isEmpty || left == ["out.json"], "\(left)")
    }

    // MARK: - Two processes

    /// Two `assess` at once on one workspace: the store's write lock queues the second behind the first (both
    /// succeed in turn), or, when the first holds it longer than the wait, the second fails cleanly naming the lock.
    @Test func twoAssessmentsAtOnceSucceedInTurnOrOneFailsCleanly() throws {
        let before = try StoreSnapshot(Self.workspace)
        var processes: [(Process, Pipe)] = []
        for _ in 0..<2 {
            let process = Process()
            process.executableURL = QCapBinary.url
            process.arguments = ["assess", "-w", Self.workspace.path, "--format", "jsonl", "--as-of", "2026-06-30"]
            let errors = Pipe()
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors
            try process.run()
            processes.append((process, errors))
        }
        var succeeded = 0
        for (process, errors) in processes {
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            if process.terminationStatus == 0 {
                succeeded += 1
            } else {
                #expect(process.terminationStatus == 3)
                #expect(message.contains("locked by another qcap process"), "\(message)")
            }
        }
        #expect(succeeded >= 1)
        let after = try StoreSnapshot(Self.workspace)
        #expect(after.runs.count == before.runs.count + succeeded)
        #expect(after.everyRunIsWhole)
        #expect(after.integrity == "ok")
    }
}

/// What a store holds, read without qcap: each run with the enterprise count it declares and the enterprises stored.
struct StoreSnapshot: Equatable {
    struct Run: Equatable {
        var id: Int
        var declared: Int
        var stored: Int
    }

    var runs: [Run]
    var integrity: String

    init(_ workspace: URL) throws {
        let database = try SQLiteDatabase(path: workspace.appending(path: ".qcap/results.sqlite").path, mode: .readOnly)
        defer { database.close() }
        let stored = Dictionary(try database.query("SELECT run_id, COUNT(*) AS n FROM enterprises GROUP BY run_id").map {
            ($0.int("run_id") ?? -1, $0.int("n") ?? 0)
        }, uniquingKeysWith: { first, _ in first })
        runs = try database.query("SELECT id, enterprise_count FROM runs ORDER BY id").map {
            let id = $0.int("id") ?? -1
            return Run(id: id, declared: $0.int("enterprise_count") ?? -1, stored: stored[id] ?? 0)
        }
        integrity = try database.query("PRAGMA integrity_check").first?[0].string ?? ""
    }

    var everyRunIsWhole: Bool { runs.allSatisfy { $0.declared == $0.stored && $0.declared > 0 } }
}
