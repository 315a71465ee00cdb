import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Progress of a long run on standard error: `assessed 5,120 of 20,000 enterprises · 1,382/s · about 11 s left`.
///
/// It stays silent for the first `delay` seconds (a run that short needs no meter), when standard error is not a
/// terminal (logs and pipes get no carriage returns), and with `--quiet`. It redraws one line at most every
/// `interval` seconds and erases it at the end, so what the command prints afterwards starts on a clean line.
final class ProgressMeter {
    private let total: Int
    private let noun: String
    private let enabled: Bool
    private let delay: Double
    private let interval: Double
    private let clock: () -> Double
    private let sink: (String) -> Void
    private let started: Double
    private var done = 0
    private var lastDrawn: Double?

    /// A meter for `total` items; `enabled` is usually `ProgressMeter.shouldShow(quiet:)`.
    init(total: Int, noun: String = "enterprises", enabled: Bool, delay: Double = 2, interval: Double = 0.25,
         clock: @escaping () -> Double = ProgressMeter.monotonicSeconds,
         sink: @escaping (String) -> Void = ProgressMeter.writeToStandardError) {
        self.total = total
        self.noun = noun
        self.enabled = enabled
        self.delay = delay
        self.interval = interval
        self.clock = clock
        self.sink = sink
        started = clock()
    }

    /// Whether a meter may draw: standard error is a terminal, the user did not ask for quiet, and the command's
    /// result is not itself streaming to that terminal (its rows would tear the meter's line, and show progress anyway).
    static func shouldShow(quiet: Bool, resultOnStandardOutput: Bool) -> Bool {
        !quiet && isatty(STDERR_FILENO) == 1 && !(resultOnStandardOutput && isatty(STDOUT_FILENO) == 1)
    }

    /// Counts `count` more items done and redraws when it is time to.
    func advance(by count: Int) {
        done += count
        guard enabled else { return }
        let now = clock()
        let elapsed = now - started
        guard elapsed >= delay else { return }
        if let lastDrawn, now - lastDrawn < interval, done < total { return }
        lastDrawn = now
        sink("\r" + line(elapsed: elapsed) + "\u{1B}[K")
    }

    /// Erases the meter's line if it drew one.
    func finish() {
        guard lastDrawn != nil else { return }
        sink("\r\u{1B}[K")
        lastDrawn = nil
    }

    /// The text of the meter after `elapsed` seconds.
    func line(elapsed: Double) -> String {
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        var text = "assessed \(Self.grouped(done)) of \(Self.grouped(total)) \(noun)"
        guard rate > 0 else { return text }
        text += " · \(Self.grouped(Int(rate.rounded())))/s"
        let left = Double(max(0, total - done)) / rate
        if done < total { text += " · about \(Self.duration(left)) left" }
        return text
    }

    /// `20000` → `20,000`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return (value < 0 ? "-" : "") + result
    }

    /// `75` → `1 min 15 s`, `8.2` → `8 s`.
    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        return whole >= 60 ? "\(whole / 60) min \(whole % 60) s" : "\(whole) s"
    }

    static func monotonicSeconds() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }

    static func writeToStandardError(_ text: String) {
        // A meter that cannot be drawn (stderr closed) is not worth failing the run for.
        try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
    }
}
