#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import QCapCore
import QCapReports

/// How many columns the table output may use: `COLUMNS` when set to a positive number, else the terminal's width
/// when standard output is a terminal (ioctl TIOCGWINSZ), else `AssessmentTable.defaultWidth` (100) — a file or a
/// pipe gets the same table on every machine.
enum TerminalWidth {
    static func current(environment: [String: String], standardOutputIsTerminal: Bool = isatty(STDOUT_FILENO) == 1) -> Int {
        if let text = environment["COLUMNS"], let columns = Int(text.trimmedWhitespace), columns > 0, columns <= 10_000 {
            return columns
        }
        if standardOutputIsTerminal, let columns = terminalColumns() { return columns }
        return AssessmentTable.defaultWidth
    }

    /// The terminal's width, or nil when the ioctl fails or reports 0 (a pseudo-terminal without a size).
    static func terminalColumns() -> Int? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
