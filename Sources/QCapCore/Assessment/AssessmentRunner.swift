import Dispatch
import Synchronization

/// Assesses a cohort: gathers each enterprise's evidence from every source and evaluates every rubric.
///
/// Enterprises are independent, so they are evaluated concurrently in batches; each batch is handed to `emit` in
/// roster order before the next starts, so output is deterministic and memory stays flat however large the cohort.
public struct AssessmentRunner: Sendable {
    public var engines: [RubricEngine]
    public var sources: [any EvidenceSource]
    public var period: String
    public var asOf: Day
    public var waivers: [String: [Waiver]]
    public var batchSize: Int

    public init(engines: [RubricEngine], sources: [any EvidenceSource], period: String, asOf: Day,
                waivers: [Waiver] = [], batchSize: Int = 512) {
        self.engines = engines
        self.sources = sources
        self.period = period
        self.asOf = asOf
        self.waivers = Dictionary(grouping: waivers, by: \.enterprise)
        self.batchSize = max(1, batchSize)
    }

    /// Evaluates one enterprise. Throws bad input found while reading its evidence.
    public func assess(_ enterprise: Enterprise, review: [LocalizedText] = []) throws(InputErrors) -> AssessmentRun {
        var evidence = Evidence(enterprise: enterprise)
        for source in sources {
            evidence.add(contentsOf: try source.facts(for: enterprise))
        }
        let context = AssessmentContext(asOf: asOf, waivers: waivers[enterprise.id] ?? [])
        let results = engines.map { $0.evaluate(evidence, context: context) }
        return AssessmentRun(enterprise: enterprise, period: period, asOf: asOf, results: results, review: review)
    }

    /// Assesses every enterprise, calling `emit` with each batch of runs in input order. Stops at the first batch
    /// with bad input and throws every error of that batch.
    public func run(_ enterprises: [Enterprise], review: [String: [LocalizedText]] = [:],
                    emit: ([AssessmentRun]) throws -> Void) throws {
        var start = 0
        while start < enterprises.count {
            let end = min(start + batchSize, enterprises.count)
            let batch = Array(enterprises[start..<end])
            let slots = ResultSlots(count: batch.count)
            DispatchQueue.concurrentPerform(iterations: batch.count) { index in
                let enterprise = batch[index]
                do throws(InputErrors) {
                    slots.set(index, .success(try assess(enterprise, review: review[enterprise.id] ?? [])))
                } catch {
                    slots.set(index, .failure(error))
                }
            }
            var runs: [AssessmentRun] = []
            runs.reserveCapacity(batch.count)
            var errors: [InputError] = []
            for result in slots.take() {
                switch result {
                case .success(let run): runs.append(run)
                case .failure(let error): errors += error.errors
                case nil: break
                }
            }
            if !errors.isEmpty { throw InputErrors(errors) }
            try emit(runs)
            start = end
        }
    }
}

/// Per-index result slots written from concurrent workers. Each index is written by exactly one worker.
final class ResultSlots: Sendable {
    private let slots: Mutex<[Result<AssessmentRun, InputErrors>?]>

    init(count: Int) {
        slots = Mutex(Array(repeating: nil, count: count))
    }

    func set(_ index: Int, _ value: Result<AssessmentRun, InputErrors>) {
        slots.withLock { $0[index] = value }
    }

    func take() -> [Result<AssessmentRun, InputErrors>?] {
        slots.withLock { $0 }
    }
}
