import Foundation

/// Where a command writes its result: standard output, or a file written atomically (a temporary file renamed
/// into place when the command succeeds), so a failed run never leaves half a report behind.
final class OutputTarget {
    private let handle: FileHandle
    private let temporary: URL?
    private let destination: URL?
    private var buffer = Data()

    init(path: String?, context: CommandContext) throws(CommandFailure) {
        guard let path, path != "-" else {
            handle = FileHandle.standardOutput
            temporary = nil
            destination = nil
            return
        }
        let destination = context.url(path)
        let folder = destination.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appending(path: ".\(destination.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
              let handle = try? FileHandle(forWritingTo: temporary) else {
            throw .usage("cannot write to \(path)")
        }
        self.handle = handle
        self.temporary = temporary
        self.destination = destination
    }

    var isFile: Bool { destination != nil }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        handle.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Publishes a file output; call only when the command succeeded.
    func commit() throws(CommandFailure) {
        flush()
        guard let temporary, let destination else { return }
        try? handle.close()
        do {
            if FileManager.default.fileExists(atPath: destination.path) { try FileManager.default.removeItem(at: destination) }
            try FileManager.default.moveItem(at: temporary, to: destination)
        } catch {
            throw .usage("cannot write \(destination.path): \(error.localizedDescription)")
        }
    }

    /// Drops a file output after a failure.
    func discard() {
        buffer.removeAll()
        guard let temporary else { return }
        try? handle.close()
        try? FileManager.default.removeItem(at: temporary)
    }
}
