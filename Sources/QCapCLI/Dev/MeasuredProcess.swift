import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One child process run to completion with its standard output sent to a file, measured as a user would feel it:
/// wall-clock time from spawn to exit, and the child's own peak resident memory (`wait4`'s `ru_maxrss`), which
/// Foundation's `Process` does not expose.
struct MeasuredProcess {
    let executable: String
    let arguments: [String]
    /// Where standard output goes (created or truncated); standard error goes to /dev/null unless `showErrors`.
    let standardOutput: String
    var showErrors = false

    struct Measurement {
        var seconds: Double
        var peakResidentBytes: Int
        var exitCode: Int32
    }

    enum Failure: Error, CustomStringConvertible {
        case spawn(String, Int32)
        case wait(Int32)

        var description: String {
            switch self {
            case .spawn(let path, let code): return "cannot start \(path): \(String(cString: strerror(code)))"
            case .wait(let code): return "waiting for the child failed: \(String(cString: strerror(code)))"
            }
        }
    }

    func run() throws(Failure) -> Measurement {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, standardOutput, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if !showErrors { posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0) }

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let started = DispatchTime.now().uptimeNanoseconds
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw .spawn(executable, spawned) }

        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw .wait(errno) }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        // Linux reports ru_maxrss in kilobytes (macOS in bytes).
        #if os(Linux)
        let peak = Int(usage.ru_maxrss) * 1024
        #else
        let peak = Int(usage.ru_maxrss)
        #endif
        let exited = (status & 0x7f) == 0
        return Measurement(seconds: seconds, peakResidentBytes: peak, exitCode: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f))
    }
}
