import QCapCore

/// Evidence for an enterprise that is not on the roster: reported at the evidence file and place that names it (the
/// roster is usually right and the evidence mistyped), with the roster's closest USCC when one differs by a typo.
enum UnknownEnterprises {
    /// At most this many are listed; a wrong file would otherwise print one line per enterprise.
    static let limit = 100

    static func problems(in sources: [any EvidenceSource], roster: [String], rosterPath: String) -> [InputError] {
        let known = Set(roster)
        var problems: [InputError] = []
        for source in sources {
            for mention in source.enterprises where !known.contains(mention.id) {
                guard problems.count < limit else { return problems }
                let suggestion = closest(to: mention.id, in: roster).map { "; did you mean \($0)?" } ?? ""
                problems.append(InputError(file: mention.file, location: mention.location,
                                           message: "enterprise \(mention.id) is not on the roster\(suggestion)",
                                           expected: "a USCC listed in \(rosterPath), or the enterprise added to it"))
            }
        }
        return problems
    }

    /// The roster USCC that differs from `id` in one or two positions (a mistyped or swapped character), if exactly
    /// one does.
    static func closest(to id: String, in roster: [String]) -> String? {
        let wanted = Array(id.utf8)
        var found: String?
        for candidate in roster {
            let bytes = Array(candidate.utf8)
            guard bytes.count == wanted.count else { continue }
            var differences = 0
            for (a, b) in zip(bytes, wanted) where a != b {
                differences += 1
                if differences > 2 { break }
            }
            guard differences <= 2 else { continue }
            if found != nil { return nil }
            found = candidate
        }
        return found
    }
}
