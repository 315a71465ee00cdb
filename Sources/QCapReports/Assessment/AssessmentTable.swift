import QCapCore

/// The terminal table of `qcap assess`: one row per enterprise, per rubric its score, level and coverage.
public struct AssessmentTable {
    public let rubrics: [RubricDescriptor]
    public let language: Language

    public init(rubrics: [RubricDescriptor], language: Language = .zh) {
        self.rubrics = rubrics
        self.language = language
    }

    static let nameWidth = 28

    public func header() -> String {
        var first = [DisplayWidth.pad(language == .zh ? "企业" : "Enterprise", to: Self.nameWidth), DisplayWidth.pad("USCC", to: 18)]
        var second = [String(repeating: " ", count: Self.nameWidth), String(repeating: " ", count: 18)]
        for rubric in rubrics {
            let title = DisplayWidth.truncate(rubric.title.text(language), to: Self.columnWidth)
            first.append(DisplayWidth.pad(title, to: Self.columnWidth))
            second.append(DisplayWidth.pad(language == .zh ? "得分  等级        覆盖率" : "score level       cover", to: Self.columnWidth))
        }
        let rule = String(repeating: "─", count: DisplayWidth.of(first.joined(separator: "  ")))
        return first.joined(separator: "  ") + "\n" + second.joined(separator: "  ") + "\n" + rule + "\n"
    }

    static let columnWidth = 26

    public func row(_ run: AssessmentRun) -> String {
        var cells = [DisplayWidth.pad(DisplayWidth.truncate(run.enterprise.name, to: Self.nameWidth), to: Self.nameWidth),
                     DisplayWidth.pad(run.enterprise.id, to: 18)]
        for rubric in rubrics {
            guard let result = run.results.first(where: { $0.rubric.id == rubric.id }) else {
                cells.append(DisplayWidth.pad("—", to: Self.columnWidth))
                continue
            }
            let score = result.score.map { Self.fixed($0, 1) } ?? "—"
            let level = result.level.map { DisplayWidth.truncate($0.name.text(language), to: 10) } ?? "—"
            let cell = DisplayWidth.pad(score, to: 5, alignment: .right) + " " + DisplayWidth.pad(level, to: 11) + " "
                + DisplayWidth.pad(Self.fixed(result.coverage * 100, 0) + "%", to: 4, alignment: .right)
            cells.append(DisplayWidth.pad(cell, to: Self.columnWidth))
        }
        var line = cells.joined(separator: "  ")
        while line.hasSuffix(" ") { line.removeLast() }
        return line + "\n"
    }

    public func footer(count: Int, asOf: Day) -> String {
        language == .zh
            ? "\n共 \(count) 家企业，评价基准日 \(asOf)。得分 0–100；覆盖率为已取得证据的权重占比。\n"
            : "\n\(count) enterprise(s), as of \(asOf). Scores 0–100; coverage is the share of weight with evidence.\n"
    }

    /// A fixed number of decimals without Foundation's locale-dependent formatting.
    public static func fixed(_ value: Double, _ decimals: Int) -> String {
        var factor = 1.0
        for _ in 0..<decimals { factor *= 10 }
        let scaled = (value * factor).rounded()
        let negative = scaled < 0
        let magnitude = abs(scaled)
        guard magnitude < 1e15 else { return String(value) }
        let integer = Int64(magnitude)
        var digits = String(integer)
        if decimals > 0 {
            while digits.count <= decimals { digits = "0" + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
        }
        return (negative && integer != 0 ? "-" : "") + digits
    }
}
