import Foundation

/// The yardstick every benchmark figure is set beside: how long CPython takes merely to *parse* every input file of
/// the workspace (`json.load` of each JSON document, `json.loads` of each JSONL line, the `csv` module over each CSV
/// after decoding it as UTF-8 or GB18030), doing nothing with the values. A QCap command that assesses, scores,
/// writes and stores in less time than that is as fast as an input-bound tool can be.
enum PythonBaseline {
    struct Measurement {
        var seconds: Double
        var files: Int
        var bytes: Int
    }

    /// Folders that are outputs, not inputs: the store, reports and the benchmark's own output.
    static let skippedFolders = [".qcap", "reports", "bench-output"]

    static let script = """
        import csv, io, json, os, sys, time
        root, skipped = sys.argv[1], set(sys.argv[2:])
        paths = []
        for folder, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if d not in skipped)
            paths += [os.path.join(folder, f) for f in sorted(files) if f.endswith(('.json', '.jsonl', '.csv'))]
        size = sum(os.path.getsize(p) for p in paths)
        t = time.perf_counter()
        for p in paths:
            data = open(p, 'rb').read()
            if p.endswith('.jsonl'):
                for line in data.splitlines():
                    if line.strip():
                        json.loads(line)
            elif p.endswith('.json'):
                json.loads(data)
            else:
                try:
                    text = data.decode('utf-8-sig')
                except UnicodeDecodeError:
                    text = data.decode('gb18030')
                for row in csv.reader(io.StringIO(text)):
                    pass
        print(time.perf_counter() - t, len(paths), size)
        """

    /// Runs the script with `python3` from PATH; nil when there is no python3.
    static func measure(workspace: URL) -> Measurement? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, workspace.path] + skippedFolders
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let fields = String(decoding: output, as: UTF8.self).split(whereSeparator: \.isWhitespace)
        guard fields.count == 3, let seconds = Double(fields[0]), let files = Int(fields[1]), let bytes = Int(fields[2]) else { return nil }
        return Measurement(seconds: seconds, files: files, bytes: bytes)
    }
}
