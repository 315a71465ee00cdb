#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's standard streams, made safe to write to whatever the caller connected them to.
///
/// - SIGPIPE (and SIGXFSZ) is ignored, so a write to a pipe whose reader went away (`qcap assess | head -c1`) returns EPIPE instead
///   of killing the process: the command then stops quietly, rolls back the store and removes temporary files.
/// - A closed descriptor 0, 1 or 2 (`qcap assess >&-`) is reopened on /dev/null before anything else is opened.
///   Otherwise the next file the process opens (the result store, a temporary output) would get descriptor 1, and
///   the report would be written into it. A closed standard output is remembered, so a command that writes its
///   result there fails (exit 3, "Bad file descriptor") before it computes anything.
enum StandardStreams {
    /// Set once by `prepare()`, before any other thread exists; read-only afterwards.
    nonisolated(unsafe) private(set) static var outputWasClosed = false

    /// Call first thing in a driver's `main`.
    static func prepare() {
        signal(SIGPIPE, SIG_IGN)
        // A file grown past the size limit (ulimit -f) is a write error (EFBIG) to report, not a reason to die.
        signal(SIGXFSZ, SIG_IGN)
        for descriptor: Int32 in 0...2 where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            let opened = open("/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY)
            if opened >= 0 && opened != descriptor {
                dup2(opened, descriptor)
                close(opened)
            }
            if descriptor == 1 { outputWasClosed = true }
        }
        OutputCleanup.installSignalHandlers()
    }

    /// Writes a message to standard error. Failures are ignored: there is nowhere left to report them, and a
    /// diagnostic that cannot be shown must not turn into a crash (FileHandle's non-throwing write traps).
    static func writeError(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            _ = PosixWrite.all(2, buffer)
        }
    }

    /// The system's description of an errno value, e.g. "No space left on device".
    static func reason(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}

/// write(2) until every byte is written, retrying on EINTR and short writes.
enum PosixWrite {
    /// 0 when everything was written, else the errno of the failed write.
    static func all(_ descriptor: Int32, _ bytes: UnsafeMutableRawBufferPointer) -> Int32 {
        guard var base = bytes.baseAddress else { return 0 }
        var remaining = bytes.count
        while remaining > 0 {
            let written = write(descriptor, base, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if written == 0 { return EIO }
            remaining -= written
            base += written
        }
        return 0
    }
}
