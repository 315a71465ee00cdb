import Foundation
import QCapCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a command writes its result: standard output, or a file written atomically. Every command's result goes
/// through here, so every write error is handled the same way (docs/guarantees.md):
///
/// - A reader that went away (EPIPE) ends the command quietly (`CommandFailure.closedPipe`), as grep does.
/// - Any other write error (a full disk, a closed standard output) is exit 3 naming the path and the system's reason.
/// - A file output is a temporary file beside the destination, renamed over it only by `commit()`: a failed or
///   interrupted run leaves the destination as it was, and the temporary file is removed.
/// - `--output` replaces only a regular file. A folder, a device, a socket, anything inside a result store folder
///   (`.qcap`) or one of the run's own inputs is refused (exit 2) when the target is made, before anything is computed.
///
/// Writes use write(2) rather than FileHandle: its non-throwing `write(_:)` traps on any error, and the throwing one
/// hides errno, which is what tells a closed pipe from a full disk.
final class OutputTarget {
    /// How messages name the output: the path as the user typed it, or "standard output".
    let shownPath: String
    private var descriptor: Int32
    private let temporary: String?
    private let destination: String?
    private var buffer: [UInt8] = []
    private var finished = false

    /// Standard output, or `path` (`-` is standard output). `protected` are the inputs of the run that a file
    /// output must not replace or land inside.
    convenience init(path: String?, context: CommandContext, protected: ProtectedInputs = ProtectedInputs()) throws(CommandFailure) {
        try self.init(path: path, url: path.map(context.url), protected: protected)
    }

    /// Standard output: for short results (lists, versions, confirmations).
    static func standardOutput() throws(CommandFailure) -> OutputTarget {
        try OutputTarget(path: nil, url: nil, protected: ProtectedInputs())
    }

    private init(path: String?, url: URL?, protected: ProtectedInputs) throws(CommandFailure) {
        guard let path, let url, path != "-" else {
            shownPath = "standard output"
            if StandardStreams.outputWasClosed {
                throw .output(path: shownPath, reason: StandardStreams.reason(EBADF))
            }
            descriptor = 1
            temporary = nil
            destination = nil
            return
        }
        shownPath = path
        let resolved = try Self.check(path, url: url, protected: protected)
        let folder = (resolved as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .output(path: path, reason: "cannot create the folder \(folder): \((error as NSError).localizedFailureReason ?? error.localizedDescription)")
        }
        let name = (resolved as NSString).lastPathComponent
        let temporary = (folder as NSString).appendingPathComponent(".\(name).\(getpid()).tmp")
        var opened = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        if opened < 0 && errno == EEXIST {
            // Left by an earlier process with the same pid that was killed (SIGKILL cannot be cleaned up after).
            unlink(temporary)
            opened = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        }
        guard opened >= 0 else { throw .output(path: path, reason: StandardStreams.reason(errno)) }
        OutputCleanup.remember(temporary)
        descriptor = opened
        self.temporary = temporary
        destination = resolved
    }

    var isFile: Bool { destination != nil }

    func write(_ text: String) throws(CommandFailure) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    func flush() throws(CommandFailure) {
        guard !buffer.isEmpty else { return }
        let code = buffer.withUnsafeMutableBytes { PosixWrite.all(descriptor, $0) }
        buffer.removeAll(keepingCapacity: true)
        guard code == 0 else { throw failure(code) }
    }

    /// Makes the output final: flushes standard output, or syncs the temporary file and renames it over the
    /// destination. Call only when the command succeeded; on failure the output is discarded.
    func commit() throws(CommandFailure) {
        do throws(CommandFailure) {
            try flush()
            guard let temporary, let destination else { return }
            // The data reaches the disk before the rename publishes it, so even a power cut leaves the old file
            // or the whole new one. close() reports write errors that network file systems defer.
            if fsync(descriptor) != 0 && errno != EINVAL { throw failure(errno) }
            let closed = close(descriptor)
            descriptor = -1
            if closed != 0 { throw failure(errno) }
            guard rename(temporary, destination) == 0 else { throw failure(errno) }
            finished = true
            OutputCleanup.forget()
            Self.syncFolder(of: destination)
        } catch {
            discard()
            throw error
        }
    }

    /// Drops a file output after a failure: the temporary file is removed, the destination is untouched.
    func discard() {
        buffer.removeAll()
        guard !finished, let temporary else { return }
        finished = true
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        unlink(temporary)
        OutputCleanup.forget()
    }

    private func failure(_ code: Int32) -> CommandFailure {
        code == EPIPE ? .closedPipe : .output(path: shownPath, reason: StandardStreams.reason(code))
    }

    /// Makes the rename itself durable; failure only weakens that, so it is ignored.
    private static func syncFolder(of path: String) {
        let folder = open((path as NSString).deletingLastPathComponent, O_RDONLY | O_CLOEXEC)
        guard folder >= 0 else { return }
        fsync(folder)
        close(folder)
    }

    // MARK: - What --output may replace

    /// The destination's real path (symbolic links followed), or a usage error saying why it is refused.
    static func check(_ path: String, url: URL, protected: ProtectedInputs) throws(CommandFailure) -> String {
        func refuse(_ why: String) -> CommandFailure {
            .usage("--output \(path) \(why); expected the path of a new file or of a regular file to replace")
        }
        var status = stat()
        if lstat(url.path, &status) == 0 {
            if status.st_mode & S_IFMT == S_IFLNK {
                guard stat(url.path, &status) == 0 else { throw refuse("is a symbolic link to nothing") }
            }
            switch status.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: throw refuse("is a folder")
            case S_IFCHR, S_IFBLK: throw refuse("is a device")
            case S_IFIFO: throw refuse("is a named pipe")
            case S_IFSOCK: throw refuse("is a socket")
            default: throw refuse("is not a regular file")
            }
        }
        let resolved = RealPath.of(url.path)
        if resolved.split(separator: "/").contains(".qcap") || url.path.split(separator: "/").contains(".qcap") {
            throw refuse("is inside a result store folder (.qcap); the store is written only by `qcap assess`")
        }
        for input in protected.inputs {
            let real = RealPath.of(input.url.path)
            if real == resolved { throw refuse("is \(input.role), which this command reads") }
            if input.isFolder && resolved.hasPrefix(real.hasSuffix("/") ? real : real + "/") {
                throw refuse("is inside \(input.shown) (\(input.role)), which this command reads")
            }
        }
        return resolved
    }
}
