import Foundation
import Testing

/// The hostile-input corpus (Fixtures/Hostile, see its README.md): one folder per case, each run end to end against
/// the built binary on a fresh copy of a small example workspace, checked for its exit code and message fragments.
/// Whatever the case, qcap never crashes (exit 0–4), and a failing run leaves every file of the workspace as it was.
@Suite struct HostileInputTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Fixtures/Hostile")

    static var cases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? [])
            .filter { FileManager.default.fileExists(atPath: corpus.appending(path: "\($0)/case.json").path) }
            .sorted()
    }

    /// What a case expects; see Fixtures/Hostile/README.md.
    struct Case: Decodable {
        var about: String
        var args: [String]?
        var exit: Int32
        var stderr: [String]?
        var stderrAbsent: [String]?
        var stdout: [String]?
        var cwd: String?
        var symlinks: [String: String]?
    }

    /// A two-enterprise example workspace with every provider (the example's four and a digital survey), made once.
    static let base: (url: URL, usccs: [String]) = {
        let root = FileManager.default.temporaryDirectory.appending(path: "qcap-hostile-base-\(UUID().uuidString)")
        let result = try! QCapBinary.run(["init", root.path, "--example", "-n", "2", "--seed", "3", "--bulk", "--as-of", "2026-06-30", "--no-baseline"])  // safe: test fixture
        precondition(result.status == 0, result.stderr)  // safe: test fixture
        let roster = try! String(contentsOf: root.appending(path: "enterprises.csv"), encoding: .utf8)  // safe: test fixture
        let usccs = roster.split(whereSeparator: \.isNewline).dropFirst().map { String($0.prefix(18)) }
        let survey = "统一社会信用代码,企业名称,PD.L2,产品设计-三级,关键工序SPC覆盖率\n"
            + usccs.map { "\($0),示例,全部满足,部分满足,45%\n" }.joined()
        try! Data(survey.utf8).write(to: root.appending(path: "survey.csv"))  // safe: test fixture
        let configURL = root.appending(path: "qcap.json")
        var config = try! JSONSerialization.jsonObject(with: Data(contentsOf: configURL)) as! [String: Any]  // safe: test fixture
        config["sources"] = (config["sources"] as! [Any]) + [["provider": "digital-survey", "path": "survey.csv"]]  // safe: test fixture
        try! JSONSerialization.data(withJSONObject: config, options: [.prettyPrinted, .sortedKeys]).write(to: configURL)  // safe: test fixture
        return (root, usccs)
    }()

    @Test(arguments: cases)
    func hostileInput(name: String) throws {
        let folder = Self.corpus.appending(path: name)
        let spec = try JSONDecoder().decode(Case.self, from: Data(contentsOf: folder.appending(path: "case.json")))
        let scratch = try TemporaryFolder("hostile-\(name)")
        defer { scratch.remove() }
        let workspace = scratch.url.appending(path: "ws")
        let outside = scratch.url.appending(path: "outside")
        try FileManager.default.copyItem(at: Self.base.url, to: workspace)
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        let substitute = { (text: String) -> String in
            var text = text.replacingOccurrences(of: "{ws}", with: workspace.path).replacingOccurrences(of: "{outside}", with: outside.path)
            for (index, uscc) in Self.base.usccs.enumerated() {
                // {uscc0~}: the code with its last character changed, a typo of a roster enterprise.
                let typo = String(uscc.dropLast()) + (uscc.last == "0" ? "1" : "0")
                text = text.replacingOccurrences(of: "{uscc\(index)~}", with: typo).replacingOccurrences(of: "{uscc\(index)}", with: uscc)
            }
            return text
        }
        try overlay(folder.appending(path: "workspace"), onto: workspace, substitute: substitute)
        try overlay(folder.appending(path: "outside"), onto: outside, substitute: substitute)
        for (link, target) in spec.symlinks ?? [:] {
            try FileManager.default.createSymbolicLink(atPath: workspace.appending(path: link).path, withDestinationPath: substitute(target))
        }
        let before = try Self.snapshot(workspace)
        let arguments = (spec.args ?? ["assess", "-w", "{ws}", "--as-of", "2026-06-30"]).map(substitute)
        let result = try QCapBinary.run(arguments, in: spec.cwd == "ws" ? workspace : scratch.url)

        #expect(result.status == spec.exit, "\(name): \(spec.about)\n\(result.stderr)")
        #expect((0...4).contains(result.status), "\(name) must never crash")
        for fragment in spec.stderr ?? [] {
            #expect(result.stderr.contains(substitute(fragment)), "\(name): stderr lacks \"\(fragment)\":\n\(result.stderr)")
        }
        for fragment in spec.stderrAbsent ?? [] {
            #expect(!result.stderr.contains(substitute(fragment)), "\(name): stderr must not contain \"\(fragment)\":\n\(result.stderr)")
        }
        for fragment in spec.stdout ?? [] {
            #expect(result.stdout.contains(substitute(fragment)), "\(name): stdout lacks \"\(fragment)\"")
        }
        if result.status != 0 {
            // Bad input found while assessing (a bulk evidence line is parsed when its enterprise is assessed) comes
            // after the store was opened: a first run may leave an empty store, never a run.
            var after = try Self.snapshot(workspace)
            if before[".qcap"] == nil, after[".qcap"] != nil {
                #expect(try StoreSnapshot(workspace).runs.isEmpty, "\(name): a failed run stored something")
                after = after.filter { !$0.key.hasPrefix(".qcap") }
            }
            #expect(after == before, "\(name): a failed run changed the workspace: \(Set(after.keys).symmetricDifference(before.keys).sorted())")
        }
    }

    /// Copies `source` over `target`: `NAME` replaces a file, `NAME.append` appends to it, `qcap.json.patch` is a JSON
    /// merge patch (RFC 7386) of qcap.json. Text files get `{ws}`, `{outside}` and `{usccN}` substituted; `*.bin`
    /// files are copied byte for byte without the suffix.
    func overlay(_ source: URL, onto target: URL, substitute: (String) -> String) throws {
        guard let enumerator = FileManager.default.enumerator(at: source, includingPropertiesForKeys: [.isRegularFileKey]) else { return }
        for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            let relative = String(url.path.dropFirst(source.path.count + 1))
            var destination = target.appending(path: relative)
            try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            let data = try Data(contentsOf: url)
            if relative.hasSuffix(".bin") {
                destination = target.appending(path: String(relative.dropLast(4)))
                try? FileManager.default.removeItem(at: destination)
                try Self.substitute(in: data, substitute).write(to: destination)
                continue
            }
            let text = substitute(String(decoding: data, as: UTF8.self))
            if relative.hasSuffix(".append") {
                destination = target.appending(path: String(relative.dropLast(7)))
                let handle = try FileHandle(forWritingTo: destination)
                try handle.seekToEnd()
                try handle.write(contentsOf: Data(text.utf8))
                try handle.close()
            } else if relative == "qcap.json.patch" {
                destination = target.appending(path: "qcap.json")
                let config = try JSONSerialization.jsonObject(with: Data(contentsOf: destination))
                let patch = try JSONSerialization.jsonObject(with: Data(text.utf8))
                try JSONSerialization.data(withJSONObject: Self.merge(config, patch), options: [.prettyPrinted, .sortedKeys]).write(to: destination)
            } else {
                try? FileManager.default.removeItem(at: destination)
                try Data(text.utf8).write(to: destination)
            }
        }
    }

    /// Placeholders in a binary file: each `{…}` run of ASCII bytes goes through `substitute`, other bytes stay.
    static func substitute(in data: Data, _ substitute: (String) -> String) -> Data {
        var result = Data()
        var index = data.startIndex
        while index < data.endIndex {
            if data[index] == UInt8(ascii: "{"), let close = data[index...].firstIndex(of: UInt8(ascii: "}")),
               data[index...close].allSatisfy({ $0 < 0x80 }) {
                result += Data(substitute(String(decoding: data[index...close], as: UTF8.self)).utf8)
                index = close + 1
            } else {
                result.append(data[index])
                index += 1
            }
        }
        return result
    }

    static func merge(_ target: Any, _ patch: Any) -> Any {
        guard let patch = patch as? [String: Any] else { return patch }
        var result = target as? [String: Any] ?? [:]
        for (key, value) in patch {
            if value is NSNull { result[key] = nil } else { result[key] = merge(result[key] ?? [:], value) }
        }
        return result
    }

    /// Every file and folder under `root` (hidden ones too) with its bytes, symbolic links as their target.
    static func snapshot(_ root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return files }
        for case let relative as String in enumerator {
            let path = root.appending(path: relative).path
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            switch attributes[.type] as? FileAttributeType {
            case .typeSymbolicLink: files[relative] = Data(((try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "").utf8)
            case .typeRegular: files[relative] = try Data(contentsOf: URL(fileURLWithPath: path))
            default: files[relative] = Data()
            }
        }
        return files
    }
}
