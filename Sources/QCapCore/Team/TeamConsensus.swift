/// How a team's scores for one criterion become one score, and how far apart the assessors were.
///
/// The latest round wins: a site-visit score, else the consensus score. Without either, the team's median of the
/// individual scores is used, and the result says it was derived. Two different scores in the deciding round are a
/// conflict the team must settle, never a silent pick. The arithmetic is kept apart from any rubric so that every
/// team-scored rubric resolves its scores the same way.
public struct TeamConsensus: Sendable, Equatable {
    /// One assessor's (or the team's) score in one round.
    public struct Score: Sendable, Equatable {
        public var value: Double
        public var round: AssessmentRound
        public var assessor: String?

        public init(value: Double, round: AssessmentRound, assessor: String? = nil) {
            self.value = value
            self.round = round
            self.assessor = assessor
        }
    }

    public enum Basis: String, Sendable, Equatable {
        case siteVisit, consensus, median
    }

    public enum Resolution: Sendable, Equatable {
        case resolved(TeamConsensus)
        /// The deciding round holds different values (indices into the scores given).
        case conflict(round: AssessmentRound, indices: [Int])
        case empty
    }

    /// The score that counts.
    public var value: Double
    public var basis: Basis
    /// The individual scores, in the order given.
    public var individual: [Double]
    /// Highest minus lowest individual score; nil with fewer than two.
    public var spread: Double?

    /// Whether the spread exceeds `threshold` (strictly): such an item goes to the consensus meeting.
    public func exceeds(spreadThreshold threshold: Double) -> Bool {
        guard let spread else { return false }
        return spread > threshold + 1e-9
    }

    /// Whether the value was derived (the median) rather than decided by the team.
    public var isDerived: Bool { basis == .median }

    public static func resolve(_ scores: [Score]) -> Resolution {
        guard !scores.isEmpty else { return .empty }
        let individual = scores.filter { $0.round == .individual }.map(\.value)
        let spread = Self.spread(individual)
        for round in [AssessmentRound.siteVisit, .consensus] {
            let indices = scores.indices.filter { scores[$0].round == round }
            guard let first = indices.first else { continue }
            if indices.contains(where: { abs(scores[$0].value - scores[first].value) > 1e-9 }) {
                return .conflict(round: round, indices: indices)
            }
            return .resolved(TeamConsensus(value: scores[first].value, basis: round == .siteVisit ? .siteVisit : .consensus,
                                           individual: individual, spread: spread))
        }
        guard let median = Self.median(individual) else { return .empty }
        return .resolved(TeamConsensus(value: median, basis: .median, individual: individual, spread: spread))
    }

    /// The median: the middle value of an odd count, the mean of the two middle values of an even count.
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        if sorted.count % 2 == 1 { return sorted[middle] }
        return (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// Highest minus lowest; nil with fewer than two values.
    public static func spread(_ values: [Double]) -> Double? {
        guard values.count >= 2, let low = values.min(), let high = values.max() else { return nil }
        return high - low
    }
}
