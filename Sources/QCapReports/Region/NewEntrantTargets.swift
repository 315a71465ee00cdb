import QCapCore

/// The national targets of MIIT, NDRC and NFRA's 《制造业卓越质量工程实施意见》 as a rubric's `nationalTargets`
/// parameter gives them: per year, how many **new** enterprises (新增) should reach each level, and how many new
/// enterprises should implement advanced QMS standards. They are national figures: a region sets its own new
/// entrants beside them for context, never as a quota.
///
/// The parameter's shape is `{year: {"newAtLevel": {level: n}, "newQMSAdopters": n}}`; a year given in the older
/// shape `{year: {level: n}}` reads as `newAtLevel`. A level may be named by id, rank or name in either language.
public struct NewEntrantTargets: Sendable, Codable, Equatable {
    public struct LevelTarget: Sendable, Codable, Equatable {
        public var level: Comparison.Level
        public var target: Double
    }

    public struct Year: Sendable, Codable, Equatable {
        public var year: String
        /// Low level first.
        public var levels: [LevelTarget]
        public var newQMSAdopters: Double?
    }

    public var years: [Year]

    public init(years: [Year]) {
        self.years = years
    }

    /// Reads the parameter against the rubric's levels; entries that name no level or are not numbers are left out
    /// with a note each.
    public static func parse(_ value: JSONValue, rubric: String, levels: [Comparison.Level]) -> (targets: NewEntrantTargets?, notes: [LocalizedText]) {
        var notes: [LocalizedText] = []
        guard let perYear = value.objectValue else {
            return (nil, [LocalizedText(zh: "\(rubric) 的参数 nationalTargets 不是按年份组织的对象，已忽略。",
                                        en: "The nationalTargets parameter of \(rubric) is not an object keyed by year; ignored.")])
        }
        var years: [Year] = []
        for (year, entry) in perYear.sorted(by: { $0.key < $1.key }) {
            guard let members = entry.objectValue else {
                notes.append(LocalizedText(zh: "\(rubric) 的 nationalTargets.\(year) 不是对象，已忽略。",
                                           en: "nationalTargets.\(year) of \(rubric) is not an object; ignored."))
                continue
            }
            let structured = members["newAtLevel"] != nil || members["newQMSAdopters"] != nil
            var adopters: Double?
            if let number = members["newQMSAdopters"] {
                if let count = number.numberValue, count.isFinite, count >= 0 {
                    adopters = count
                } else {
                    notes.append(LocalizedText(zh: "\(rubric) 的 nationalTargets.\(year).newQMSAdopters 不是非负数，已忽略。",
                                               en: "nationalTargets.\(year).newQMSAdopters of \(rubric) is not a non-negative number; ignored."))
                }
            }
            let perLevel = structured ? (members["newAtLevel"]?.objectValue ?? JSONObject()) : members
            var rows: [LevelTarget] = []
            for (name, number) in perLevel {
                guard let target = number.numberValue, target.isFinite, target >= 0,
                      let level = levels.first(where: { $0.id == name || String($0.rank) == name || $0.name.zh == name || $0.name.en == name }) else {
                    let path = structured ? "\(year).newAtLevel.\(name)" : "\(year).\(name)"
                    notes.append(LocalizedText(zh: "\(rubric) 的 nationalTargets.\(path) 无法对应到等级或不是非负数，已忽略。",
                                               en: "nationalTargets.\(path) of \(rubric) names no level of the rubric or is not a non-negative number; ignored."))
                    continue
                }
                rows.append(LevelTarget(level: level, target: target))
            }
            rows.sort { $0.level.rank < $1.level.rank }
            if !rows.isEmpty || adopters != nil { years.append(Year(year: year, levels: rows, newQMSAdopters: adopters)) }
        }
        return (years.isEmpty ? nil : NewEntrantTargets(years: years), notes)
    }

    /// The rubric's parameter, or the one a tailoring (`{"parameters": {"nationalTargets": …}}`) sets instead.
    public static func parameter(descriptor: RubricDescriptor?, tailoring: JSONValue?) -> JSONValue? {
        tailoring?["parameters"]?["nationalTargets"] ?? descriptor?.parameter("nationalTargets")
    }
}

/// Who rose to or past a level between a baseline and now: the count MIIT's new-entrant targets are about.
///
/// An enterprise is a new entrant at level L when it holds L or higher now and held a lower level, or none, in the
/// baseline. One that rose two steps is a new entrant at both levels it passed; one that fell is a new entrant
/// nowhere. One first assessed in this period (no baseline result for the rubric) counts too — nationally it is a new
/// enterprise at that level, as no earlier count included it — and is reported apart (`firstAssessed`), so a reader
/// who wants only risers subtracts it.
public enum NewEntrants {
    public enum Kind: Sendable, Equatable {
        case rose
        case firstAssessed
    }

    /// Whether an enterprise with `current` (and `baseline`, nil when it has no baseline result; a result without a
    /// level has rank nil inside) entered level `rank`.
    public static func kind(rank: Int, current: Int?, baseline: Int??) -> Kind? {
        guard let current, current >= rank else { return nil }
        switch baseline {
        case .none: return .firstAssessed
        case .some(let held):
            if let held, held >= rank { return nil }
            return .rose
        }
    }
}
