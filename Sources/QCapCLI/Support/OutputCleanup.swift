#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Removes the temporary output file when the process is interrupted (Ctrl-C, `kill`, a closed terminal), so an
/// interrupted `-o FILE` leaves neither half a report nor a `.FILE.<pid>.tmp` behind. (SIGKILL cannot be caught:
/// then the temporary file stays, the destination is untouched; docs/guarantees.md.)
///
/// The path lives in a fixed C buffer because a signal handler may only call async-signal-safe functions
/// (`unlink`, `signal`, `raise`): no Swift strings, no allocation.
enum OutputCleanup {
    static let capacity = 4096
    /// The temporary file's path as a C string; empty (first byte 0) when there is none. Written only by the main
    /// thread between signals; the handler only reads it.
    nonisolated(unsafe) private static let path: UnsafeMutablePointer<CChar> = {
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
        buffer.initialize(repeating: 0, count: capacity)
        return buffer
    }()

    static func installSignalHandlers() {
        _ = path
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber) { received in
                if OutputCleanup.path[0] != 0 { unlink(OutputCleanup.path) }
                // Die of the signal as if there were no handler, so the parent sees the usual status.
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }

    /// Remembers `file` for removal on a signal (a path longer than the buffer is not remembered).
    static func remember(_ file: String) {
        let bytes = Array(file.utf8)
        guard bytes.count < capacity, !bytes.isEmpty else { return }
        path[0] = 0
        for (index, byte) in bytes.enumerated().dropFirst() { path[index] = CChar(bitPattern: byte) }
        path[bytes.count] = 0
        path[0] = CChar(bitPattern: bytes[0])  // last: the handler sees the whole path or none
    }

    static func forget() {
        path[0] = 0
    }
}
