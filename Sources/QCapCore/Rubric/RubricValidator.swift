/// The semantic checks of a rubric file: everything a JSON schema cannot say. Reports every problem, each with the
/// JSON path and line, so an author fixes a file in one pass.
struct RubricValidator {
    let descriptor: RubricDescriptor
    let file: String
    let lines: JSONLineIndex
    /// nil when the probe set is not known (build time): probe ids are then not checked.
    let probes: [Probe]?

    private final class Collector {
        var errors: [InputError] = []
    }

    func validate() -> [InputError] {
        let collector = Collector()
        func fail(_ path: String, _ message: String, expected: String? = nil) {
            collector.errors.append(InputError(file: file, location: .jsonPath(path, line: lines.nearestLine(for: path)),
                                               message: message, expected: expected))
        }
        if !isIdentifier(descriptor.id, allowed: "abcdefghijklmnopqrstuvwxyz0123456789-") || descriptor.id.isEmpty {
            fail("$.id", "id '\(descriptor.id)' is not kebab-case", expected: "lower-case letters, digits and '-'")
        }
        let versionParts = descriptor.version.split(separator: ".", omittingEmptySubsequences: false)
        if versionParts.count != 3 || versionParts.contains(where: { Int($0) == nil }) {
            fail("$.version", "version '\(descriptor.version)' is not MAJOR.MINOR.PATCH")
        }
        if descriptor.factPrefix.isEmpty || descriptor.factPrefix.contains(" ") {
            fail("$.factPrefix", "factPrefix must be a non-empty word", expected: "e.g. \"mqc\"")
        }
        if descriptor.provenance.basis.isEmpty {
            fail("$.provenance.basis", "provenance must say what is sourced and what was drafted here")
        }
        validateScale(fail)
        validateScoring(fail)
        validateAnswerSets(fail)
        validateCriteria(fail)
        return collector.errors
    }

    private func validateScale(_ fail: (String, String, String?) -> Void) {
        let levels = descriptor.levels
        let ranks = levels.map(\.rank).sorted()
        if !levels.isEmpty && ranks != Array(1...levels.count) {
            fail("$.scale.levels", "level ranks must run 1…\(levels.count) without gaps or repeats; found \(ranks)", nil)
        }
        var seen = Set<String>()
        for (index, level) in levels.enumerated() where !seen.insert(level.id).inserted {
            fail("$.scale.levels[\(index)].id", "duplicate level id '\(level.id)'", nil)
        }
    }

    private func validateScoring(_ fail: (String, String, String?) -> Void) {
        let scoring = descriptor.scoring
        if scoring.model == .maturityGated && descriptor.levels.isEmpty {
            fail("$.scoring.model", "maturityGated needs a scale with levels", nil)
        }
        if let threshold = scoring.threshold, !(threshold > 0 && threshold <= 1) {
            fail("$.scoring.threshold", "threshold \(threshold) is out of range", "a share in (0, 1]")
        }
        for (index, band) in (scoring.bands ?? []).enumerated() where descriptor.level(rank: band.level) == nil {
            fail("$.scoring.bands[\(index)].level", "band level \(band.level) is out of range", "a rank of the scale (1…\(descriptor.maxRank))")
        }
        if scoring.model == .points {
            let total = descriptor.allCriteria().filter { $0.criterion.isLeaf }.reduce(0.0) { $0 + $1.criterion.effectiveWeight }
            if let maxPoints = scoring.maxPoints, abs(maxPoints - total) > 1e-6 {
                fail("$.scoring.maxPoints", "leaf points add up to \(total.formatted), not \(maxPoints.formatted)", nil)
            }
        }
    }

    private func validateAnswerSets(_ fail: (String, String, String?) -> Void) {
        var seen = Set<String>()
        for (index, set) in (descriptor.answerSets ?? []).enumerated() {
            let path = "$.answerSets[\(index)]"
            if !seen.insert(set.id).inserted { fail("\(path).id", "duplicate answer set id '\(set.id)'", nil) }
            if set.options.isEmpty { fail("\(path).options", "an answer set needs options", nil) }
            for (optionIndex, option) in set.options.enumerated() where !(option.score >= 0 && option.score <= 1) {
                fail("\(path).options[\(optionIndex)].score", "score \(option.score) is out of range", "0…1")
            }
        }
    }

    private func validateCriteria(_ fail: (String, String, String?) -> Void) {
        if descriptor.criteria.isEmpty { fail("$.criteria", "a rubric needs at least one criterion", nil) }
        let maxRank = descriptor.maxRank
        let probeIDs: Set<String>? = probes.map { Set($0.map(\.id)) }
        var seen: [String: String] = [:]
        func checkSiblings(_ nodes: [Criterion], _ path: String) {
            if !nodes.isEmpty && nodes.allSatisfy({ $0.effectiveWeight == 0 }) {
                fail(path, "all weights here are zero: nothing could score", "at least one weight > 0")
            }
        }
        checkSiblings(descriptor.criteria, "$.criteria")
        if let path = WeightSums.overflow(in: descriptor) {
            fail(path, "the weights here add up to more than the largest number (about 1.8e308): every score would be NaN",
                 "weights of a sensible size (they are relative: 3 and 1 weigh like 0.75 and 0.25)")
        }
        for (criterion, path, _) in descriptor.allCriteria() {
            if let first = seen[criterion.id] {
                fail("\(path).id", "duplicate criterion id '\(criterion.id)' (first at \(first))", nil)
            } else {
                seen[criterion.id] = path
            }
            if criterion.id.isEmpty || !isIdentifier(criterion.id, allowed: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-") {
                fail("\(path).id", "criterion id '\(criterion.id)' has characters other than letters, digits, '.', '_' and '-'", nil)
            }
            if let weight = criterion.weight, !(weight >= 0 && weight.isFinite) {
                fail("\(path).weight", "weight \(weight) is \(weight.isFinite ? "negative" : "not a finite number")", "a number ≥ 0")
            }
            if let level = criterion.level, !(1...max(maxRank, 1)).contains(level) || maxRank == 0 {
                fail("\(path).level", "level \(level) is out of range", "a rank of the scale (1…\(maxRank))")
            }
            for key in (criterion.levels ?? [:]).keys.sorted() {
                if let rank = Int(key), (1...max(maxRank, 1)).contains(rank), maxRank > 0 { continue }
                fail(JSONPath.appending(key: key, to: "\(path).levels"), "level '\(key)' is out of range", "1…\(maxRank)")
            }
            if let children = criterion.children, !children.isEmpty {
                if criterion.evidence != nil { fail("\(path).evidence", "a criterion with children cannot have evidence", nil) }
                checkSiblings(children, "\(path).children")
            } else if let evidence = criterion.evidence {
                validateEvidence(evidence, criterion: criterion, path: "\(path).evidence", probeIDs: probeIDs, fail)
            } else {
                fail(path, "leaf criterion '\(criterion.id)' has no evidence", "an \"evidence\" object or \"children\"")
            }
            for (index, example) in (criterion.examples ?? []).enumerated() {
                if let level = example.level, !(1...max(maxRank, 1)).contains(level) || maxRank == 0 {
                    fail("\(path).examples[\(index)].level", "level \(level) is out of range", "1…\(maxRank)")
                }
            }
            if criterion.isLeaf && (criterion.examples ?? []).isEmpty {
                fail("\(path).examples", "leaf criterion '\(criterion.id)' has no examples", "at least one example")
            }
        }
    }

    private func validateEvidence(_ evidence: EvidenceSpec, criterion: Criterion, path: String, probeIDs: Set<String>?,
                                  _ fail: (String, String, String?) -> Void) {
        if let probe = evidence.probe {
            if let probeIDs, !probeIDs.contains(probe) {
                let known = probeIDs.sorted().joined(separator: ", ")
                fail("\(path).probe", "unknown probe '\(probe)'", known.isEmpty ? "data rubrics cannot use probes" : "one of \(known)")
            }
            return
        }
        switch evidence.type {
        case .answer:
            guard let set = evidence.answerSet else { fail("\(path).answerSet", "an answer criterion needs an answerSet", nil); return }
            if descriptor.answerSet(set) == nil {
                let known = (descriptor.answerSets ?? []).map(\.id).joined(separator: ", ")
                fail("\(path).answerSet", "unknown answer set '\(set)'", known.isEmpty ? "declare it in $.answerSets" : "one of \(known)")
            }
        case .level:
            if descriptor.maxRank == 0 { fail("\(path).type", "level evidence needs a scale", nil) }
        case .number:
            guard let rule = evidence.rule else { fail("\(path).rule", "a number criterion needs a rule", "threshold, levelThresholds or linear"); return }
            switch rule.kind {
            case .threshold where rule.met == nil:
                fail("\(path).rule.met", "a threshold rule needs 'met'", nil)
            case .levelThresholds:
                for key in (rule.thresholds ?? [:]).keys.sorted() where !(Int(key).map { (2...max(descriptor.maxRank, 2)).contains($0) } ?? false) {
                    fail(JSONPath.appending(key: key, to: "\(path).rule.thresholds"), "level '\(key)' is out of range", "2…\(descriptor.maxRank)")
                }
            case .linear where rule.min == rule.max:
                fail("\(path).rule", "a linear rule needs min ≠ max", nil)
            case .linear where !((rule.max ?? 0) - (rule.min ?? 0)).isFinite:
                fail("\(path).rule", "max − min of the linear rule is beyond the largest number", "min and max of a sensible size")
            case .level, .bool:
                fail("\(path).rule.kind", "rule '\(rule.kind.rawValue)' does not apply to numbers", "threshold, levelThresholds or linear")
            default:
                break
            }
        case .date, .text, .records:
            fail("\(path).probe", "\(evidence.type.rawValue) evidence needs a probe", nil)
        case .bool, .percentage:
            break
        }
    }

    private func isIdentifier(_ text: String, allowed: String) -> Bool {
        let set = Set(allowed)
        return text.allSatisfy { set.contains($0) }
    }
}
