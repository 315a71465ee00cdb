import QCapCore

/// `qcap rubrics show`: a rubric explained in plain text, primary language first with the other alongside.
public enum RubricText {
    public static func render(_ rubric: RubricDescriptor, language: Language) -> String {
        let other: Language = language == .zh ? .en : .zh
        func both(_ text: LocalizedText) -> String {
            let first = text.text(language), second = text.text(other)
            return first == second ? first : "\(first) / \(second)"
        }
        var out = "\(both(rubric.title))\n"
        out += "id \(rubric.id)  version \(rubric.version)  hash \(rubric.contentHash.prefix(16))…  module \(rubric.module ?? "—(data rubric)")\n"
        if let summary = rubric.summary { out += "\n\(summary.text(language))\n\(summary.text(other))\n" }
        if !rubric.levels.isEmpty {
            out += "\n" + (language == .zh ? "等级 Levels" : "Levels 等级") + "\n"
            for level in rubric.levels {
                out += "  \(level.rank)  \(both(level.name))"
                if let description = level.description { out += " — \(description.text(language))" }
                out += "\n"
            }
        }
        let model = ScoringModel(kind: rubric.scoring.model, threshold: rubric.scoring.threshold, bands: rubric.scoring.bands,
                                 maxPoints: rubric.scoring.maxPoints)
        out += "\n" + (language == .zh ? "评分规则 Grading rule" : "Grading rule 评分规则") + "\n  \(model.ruleText(maxRank: rubric.maxRank).text(language))\n"
        for band in rubric.scoring.bands ?? [] {
            out += "  ≥ \(band.min.formatted) → \(rubric.level(rank: band.level).map { both($0.name) } ?? String(band.level))\n"
        }
        if let parameters = rubric.parameters, !parameters.isEmpty {
            out += "\n" + (language == .zh ? "参数 Parameters" : "Parameters 参数") + "\n"
            for name in parameters.keys.sorted() {
                guard let parameter = parameters[name] else { continue }
                var value = JSONWriter.write(parameter.value)
                if value.count > 100 { value = String(value.prefix(97)) + "…" }
                out += "  \(name) = \(value)"
                if let status = parameter.status { out += "  [\(status.rawValue)]" }
                out += "\n"
                if let description = parameter.description { out += "      \(description.text(language))\n" }
            }
        }
        out += "\n" + (language == .zh ? "条款 Criteria" : "Criteria 条款") + " (\(rubric.leafCount))\n"
        for (criterion, _, depth) in rubric.allCriteria() {
            let indent = String(repeating: "  ", count: depth + 1)
            var line = "\(indent)\(criterion.id)  \(both(criterion.title))"
            if let weight = criterion.weight { line += "  w=\(weight.formatted)" }
            if criterion.mustPass == true { line += language == .zh ? "  [否决项]" : "  [must-pass]" }
            if let level = criterion.level { line += "  L\(level)" }
            if let evidence = criterion.evidence {
                line += "  ← \(evidence.fact ?? "\(rubric.factPrefix).\(criterion.id)") (\(evidence.probe.map { "probe \($0)" } ?? evidence.type.rawValue))"
            }
            out += line + "\n"
            for rank in 1...max(rubric.maxRank, 1) {
                guard let requirement = criterion.requirement(atLevel: rank) else { continue }
                out += "\(indent)    L\(rank) \(requirement.text(language))\n"
            }
        }
        out += "\n" + (language == .zh ? "来源与依据 Provenance" : "Provenance 来源与依据") + "\n"
        if let statement = rubric.provenance.statement { out += "  \(statement.text(language))\n" }
        for basis in rubric.provenance.basis {
            out += "  [\(basis.status.rawValue)] \(basis.part.text(language))"
            if let source = basis.source { out += " — \(source)" }
            out += "\n"
            if let note = basis.note { out += "      \(note.text(language))\n" }
        }
        return out
    }
}
