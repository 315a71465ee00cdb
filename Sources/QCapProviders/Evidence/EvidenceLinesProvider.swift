import Foundation
import QCapCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bulk evidence file `evidence.jsonl`: one evidence document per line (see docs/evidence-formats.md).
///
/// Opening reads the file once, streaming, and keeps only an index: for each enterprise, the byte ranges of its
/// lines. An enterprise's lines are parsed when the runner asks for them, so memory does not grow with the file
/// and no file is opened per enterprise.
public struct EvidenceLinesProvider: DataProvider {
    public init() {}

    public var id: String { "evidence-jsonl" }
    public var title: LocalizedText { LocalizedText(zh: "批量证据文件（JSON Lines，每行一份证据）", en: "Bulk evidence (JSON Lines, one document per line)") }
    public var supplies: [FactSpec] {
        [FactSpec(key: "<rubric fact prefix>.<criterion id>", type: "per rubric",
                  description: LocalizedText(zh: "任何已注册评价规则的条款事实", en: "any criterion fact of a registered rubric"))]
    }

    public func open(_ source: SourceReference, context: ProviderContext) throws(InputErrors) -> any EvidenceSource {
        let fd = Glibc.open(source.url.path, O_RDONLY)
        guard fd >= 0 else {
            throw InputErrors([InputError(file: source.displayPath, message: "cannot open the evidence file", expected: "a JSON Lines file")])
        }
        let file = LineFile(fd: fd)
        var index: [String: [LineRef]] = [:]
        var order: [EnterpriseMention] = []
        var errors: [InputError] = []
        var lineNumber = 0
        var lineStart = 0
        var pending: [UInt8] = []
        var offset = 0
        let chunkSize = 4 << 20
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        func finishLine(_ bytes: UnsafeRawBufferPointer, start: Int) {
            lineNumber += 1
            var trimmed = bytes.count
            while trimmed > 0, bytes[trimmed - 1] == UInt8(ascii: "\r") || bytes[trimmed - 1] == UInt8(ascii: " ") { trimmed -= 1 }
            guard trimmed > 0 else { return }
            guard let id = EnterpriseKeyScanner.enterprise(in: UnsafeRawBufferPointer(rebasing: bytes[0..<trimmed])) else {
                if errors.count < 50 {
                    errors.append(InputError(file: source.displayPath, location: .line(lineNumber),
                                             message: "no \"enterprise\" member found", expected: "{\"enterprise\": USCC, \"facts\": {…}}"))
                }
                return
            }
            if index[id] == nil {
                order.append(EnterpriseMention(id: id, file: source.displayPath, location: .jsonPath("$.enterprise", line: lineNumber)))
            }
            index[id, default: []].append(LineRef(offset: start, length: trimmed, line: lineNumber))
        }
        while true {
            let count = chunk.withUnsafeMutableBytes { buffer in
                pread(fd, buffer.baseAddress, chunkSize, off_t(offset))
            }
            if count < 0 {
                throw InputErrors([InputError(file: source.displayPath, message: "read error")])
            }
            if count == 0 { break }
            chunk.withUnsafeBytes { buffer in
                guard let base = buffer.baseAddress else { return }
                var cursor = 0
                while cursor < count {
                    guard let newline = memchr(base + cursor, 0x0A, count - cursor) else {
                        pending.append(contentsOf: buffer[cursor..<count])
                        cursor = count
                        break
                    }
                    let end = base.distance(to: UnsafeRawPointer(newline))
                    if pending.isEmpty {
                        finishLine(UnsafeRawBufferPointer(rebasing: buffer[cursor..<end]), start: offset + cursor)
                    } else {
                        pending.append(contentsOf: buffer[cursor..<end])
                        pending.withUnsafeBytes { finishLine($0, start: lineStart) }
                        pending.removeAll(keepingCapacity: true)
                    }
                    cursor = end + 1
                    lineStart = offset + cursor
                }
            }
            offset += count
        }
        if !pending.isEmpty { pending.withUnsafeBytes { finishLine($0, start: lineStart) } }
        if lineNumber == 0 {
            throw InputErrors([InputError(file: source.displayPath, message: "file is empty", expected: "one evidence JSON object per line")])
        }
        if !errors.isEmpty { throw InputErrors(errors) }
        return Source(providerID: id, enterprises: order, index: index, file: file, displayPath: source.displayPath,
                      catalog: context.catalog)
    }

    struct LineRef: Sendable {
        var offset: Int
        var length: Int
        var line: Int
    }

    /// Owns the file descriptor; `pread` is safe to call from several threads at once.
    final class LineFile: Sendable {
        let fd: Int32
        init(fd: Int32) { self.fd = fd }
        deinit { close(fd) }

        func read(_ ref: LineRef) -> [UInt8]? {
            var bytes = [UInt8](repeating: 0, count: ref.length)
            let count = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, ref.length, off_t(ref.offset)) }
            return count == ref.length ? bytes : nil
        }
    }

    struct Source: EvidenceSource {
        let providerID: String
        let enterprises: [EnterpriseMention]
        let index: [String: [LineRef]]
        let file: LineFile
        let displayPath: String
        let catalog: FactCatalog

        func facts(for enterprise: Enterprise) throws(InputErrors) -> [Fact] {
            guard let refs = index[enterprise.id] else { return [] }
            var facts: [Fact] = []
            for ref in refs {
                guard let bytes = file.read(ref) else {
                    throw InputErrors([InputError(file: displayPath, location: .line(ref.line), message: "the file changed while it was read")])
                }
                let parsed: Result<JSONValue, JSONParseError> = bytes.withUnsafeBytes { buffer in
                    do throws(JSONParseError) { return .success(try JSONParser.parse(buffer)) } catch { return .failure(error) }
                }
                let value: JSONValue
                switch parsed {
                case .success(let parsedValue):
                    value = parsedValue
                case .failure(let error):
                    throw InputErrors([InputError(file: displayPath, location: .jsonPath(error.path, line: ref.line),
                                                  message: "\(error.message) (column \(error.column))")])
                }
                let document = try EvidenceDocument.read(value, file: displayPath, line: ref.line, path: "$",
                                                         provider: providerID, catalog: catalog)
                guard document.enterprise == enterprise.id else {
                    throw InputErrors([InputError(file: displayPath, location: .jsonPath("$.enterprise", line: ref.line),
                                                  message: "the line's enterprise could not be read unambiguously",
                                                  expected: "one top-level \"enterprise\" member")])
                }
                facts += document.facts
            }
            return facts
        }
    }
}
