/// Edit distance used for "Did you mean …?" suggestions.
enum Levenshtein {
    /// Optimal-string-alignment (Damerau–Levenshtein) distance over `Character`s:
    /// insertions, deletions, substitutions and adjacent transpositions each cost 1.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        // Three rolling rows: i-2, i-1, i.
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    best = min(best, previous2[j - 2] + 1)
                }
                current[j] = best
            }
            previous2 = previous
            previous = current
        }
        return previous[b.count]
    }

    /// The candidate closest to `input` (case-insensitive), or `nil` if none is close enough.
    /// Close enough: distance ≤ 2 (≤ 1 for inputs of at most 3 characters), or one is a prefix
    /// of the other with at least 3 characters in common. Ties go to the earlier candidate.
    static func closest(to input: String, among candidates: [String]) -> String? {
        let needle = input.lowercased()
        guard !needle.isEmpty else { return nil }
        let maxDistance = needle.count <= 3 ? 1 : 2
        var best: (candidate: String, score: Int)?
        for candidate in candidates {
            let hay = candidate.lowercased()
            var score = distance(needle, hay)
            if score > maxDistance {
                let isPrefix = (needle.count >= 3 && hay.hasPrefix(needle))
                    || (hay.count >= 3 && needle.hasPrefix(hay))
                guard isPrefix else { continue }
                score = maxDistance + 1  // rank prefix matches after close edits
            }
            if best.map({ score < $0.score }) ?? true {
                best = (candidate, score)
            }
        }
        return best?.candidate
    }
}
