import QCapCore

/// The minimum (or, for lower-is-better figures, maximum) value each level asks of a quality-performance figure.
///
/// The defaults sit in the rubric twice: in the criterion's `levelThresholds` rule, so the file documents itself,
/// and in a named parameter (`fpyThresholds`, …), so a workspace can tailor them without editing the rubric.
struct LevelThresholds: Sendable, Equatable {
    /// (rank, threshold), ranks ascending.
    var steps: [(rank: Int, value: Double)]
    var higherIsBetter: Bool

    static func == (lhs: LevelThresholds, rhs: LevelThresholds) -> Bool {
        lhs.higherIsBetter == rhs.higherIsBetter && lhs.steps.map(\.rank) == rhs.steps.map(\.rank)
            && lhs.steps.map(\.value) == rhs.steps.map(\.value)
    }

    /// The highest rank whose threshold the value reaches; 1 below all of them.
    func level(of value: Double) -> Int {
        var attained = 1
        for step in steps where step.rank > attained && reaches(value, step.value) {
            attained = step.rank
        }
        return attained
    }

    func reaches(_ value: Double, _ threshold: Double) -> Bool {
        higherIsBetter ? value >= threshold : value <= threshold
    }

    /// Reads `{"2": 0.9, "3": 0.95, …}`; explains what is wrong when the value cannot serve as thresholds.
    static func parse(_ value: JSONValue, higherIsBetter: Bool, maxRank: Int) -> Result<LevelThresholds, ParameterProblem> {
        guard case .object(let object) = value, !object.isEmpty else {
            return .failure(ParameterProblem(expected: "an object of level → threshold, such as {\"2\": 0.9, \"3\": 0.95}"))
        }
        var steps: [(rank: Int, value: Double)] = []
        for (key, item) in object {
            guard let rank = Int(key), rank >= 2, rank <= maxRank else {
                return .failure(ParameterProblem(expected: "level keys 2–\(maxRank), found '\(key)'"))
            }
            guard let number = item.numberValue, number.isFinite else {
                return .failure(ParameterProblem(expected: "a number for level \(key), found \(JSONWriter.write(item))"))
            }
            steps.append((rank, number))
        }
        steps.sort { $0.rank < $1.rank }
        for (lower, upper) in zip(steps, steps.dropFirst()) {
            if lower.rank == upper.rank {
                return .failure(ParameterProblem(expected: "each level once, found level \(lower.rank) twice"))
            }
            // A higher level must never ask for less: that would make the level order meaningless.
            let ordered = higherIsBetter ? upper.value >= lower.value : upper.value <= lower.value
            if !ordered {
                return .failure(ParameterProblem(expected: "thresholds that get \(higherIsBetter ? "higher" : "lower") from level to level; level \(upper.rank) asks for \(upper.value.formatted) after \(lower.value.formatted) at level \(lower.rank)"))
            }
        }
        return .success(LevelThresholds(steps: steps, higherIsBetter: higherIsBetter))
    }
}

/// Why a parameter value cannot be used, as the expectation it misses.
struct ParameterProblem: Error, Sendable, Equatable {
    var expected: String
}
