import Testing
@testable import QCapCLI

/// The progress meter draws only on request, only after its delay, at most once per interval, and erases itself.
@Suite struct ProgressMeterTests {
    /// A meter on a hand-driven clock that records what it would write to standard error.
    final class Harness {
        var now = 0.0
        var written: [String] = []
        lazy var meter = ProgressMeter(total: 20_000, enabled: true, delay: 2, interval: 0.25,
                                       clock: { [unowned self] in self.now }, sink: { [unowned self] in self.written.append($0) })
    }

    @Test func silentDuringTheDelay() {
        let harness = Harness()
        _ = harness.meter
        harness.now = 1.9
        harness.meter.advance(by: 512)
        harness.meter.finish()
        #expect(harness.written.isEmpty)
    }

    @Test func drawsCountRateAndTimeLeftAfterTheDelay() {
        let harness = Harness()
        _ = harness.meter
        harness.now = 2.5
        harness.meter.advance(by: 5_000)
        #expect(harness.written == ["\rassessed 5,000 of 20,000 enterprises · 2,000/s · about 8 s left\u{1B}[K"])
    }

    @Test func redrawsAtMostOncePerIntervalAndErasesAtTheEnd() {
        let harness = Harness()
        _ = harness.meter
        harness.now = 3
        harness.meter.advance(by: 1_000)
        harness.now = 3.1
        harness.meter.advance(by: 1_000)
        #expect(harness.written.count == 1)
        harness.now = 3.4
        harness.meter.advance(by: 1_000)
        #expect(harness.written.count == 2)
        harness.meter.finish()
        #expect(harness.written.last == "\r\u{1B}[K")
        harness.meter.finish()
        #expect(harness.written.count == 3)
    }

    @Test func disabledMeterNeverWrites() {
        var written: [String] = []
        var now = 0.0
        let meter = ProgressMeter(total: 10, enabled: false, clock: { now }, sink: { written.append($0) })
        now = 100
        meter.advance(by: 10)
        meter.finish()
        #expect(written.isEmpty)
    }

    @Test func numbersAndDurations() {
        #expect(ProgressMeter.grouped(0) == "0")
        #expect(ProgressMeter.grouped(999) == "999")
        #expect(ProgressMeter.grouped(1_000) == "1,000")
        #expect(ProgressMeter.grouped(500_000) == "500,000")
        #expect(ProgressMeter.duration(8.2) == "9 s")
        #expect(ProgressMeter.duration(75) == "1 min 15 s")
    }
}
