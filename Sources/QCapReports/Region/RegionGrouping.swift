import QCapCore

/// How `qcap region --by` splits the region: by district (the GB/T 2260 code on the roster), by industry (the GB/T 4754
/// major class, letter and two digits: C34) or by size class.
public enum RegionGrouping: String, Sendable, Codable, CaseIterable {
    case district, industry, size

    /// The group an enterprise falls in; "" when the roster leaves the attribute empty.
    public func key(of enterprise: Enterprise) -> String {
        switch self {
        case .district: return enterprise.region.trimmedWhitespace
        case .industry:
            let code = enterprise.industry.trimmedWhitespace.uppercased()
            // The major class (大类) is the section letter and two digits; a bare two-digit code is manufacturing's.
            if let first = code.first, first.isLetter { return String(code.prefix(3)) }
            return code.isEmpty ? "" : "C" + code.prefix(2)
        case .size:
            switch ComparisonFilter.sizeClass(enterprise.size) {
            case "large": return "大型"
            case "medium": return "中型"
            case "small": return "小型"
            case "micro": return "微型"
            default: return enterprise.size.trimmedWhitespace
            }
        }
    }

    /// A group's name: the district's from the workspace (`region.districts` in qcap.json), the industry class's
    /// from GB/T 4754-2017, the size class in both languages; the key itself when nothing better is known.
    public func name(of key: String, districts: [String: String]) -> LocalizedText {
        guard !key.isEmpty else { return LocalizedText(zh: "未填写", en: "not given") }
        switch self {
        case .district:
            return districts[key].map { LocalizedText(zh: $0, en: $0) } ?? LocalizedText(key)
        case .industry:
            return IndustryClasses.name(of: key) ?? LocalizedText(key)
        case .size:
            switch key {
            case "大型": return LocalizedText(zh: "大型", en: "large")
            case "中型": return LocalizedText(zh: "中型", en: "medium")
            case "小型": return LocalizedText(zh: "小型", en: "small")
            case "微型": return LocalizedText(zh: "微型", en: "micro")
            default: return LocalizedText(key)
            }
        }
    }

    /// Groups in their natural order: codes ascending, size classes from large to micro, "not given" last.
    public func sorted(_ keys: [String]) -> [String] {
        let sizes = ["大型", "中型", "小型", "微型"]
        return keys.sorted { lhs, rhs in
            if lhs.isEmpty != rhs.isEmpty { return rhs.isEmpty }
            if self == .size {
                let left = sizes.firstIndex(of: lhs) ?? sizes.count, right = sizes.firstIndex(of: rhs) ?? sizes.count
                if left != right { return left < right }
            }
            return lhs < rhs
        }
    }

    public var title: LocalizedText {
        switch self {
        case .district: return LocalizedText(zh: "区县", en: "District")
        case .industry: return LocalizedText(zh: "行业", en: "Industry")
        case .size: return LocalizedText(zh: "规模", en: "Size")
        }
    }
}

/// The names of the manufacturing major classes (大类) of GB/T 4754-2017 《国民经济行业分类》, section C.
public enum IndustryClasses {
    static let names: [String: LocalizedText] = [
        "C13": LocalizedText(zh: "农副食品加工业", en: "Agricultural and sideline food processing"),
        "C14": LocalizedText(zh: "食品制造业", en: "Food manufacturing"),
        "C15": LocalizedText(zh: "酒、饮料和精制茶制造业", en: "Liquor, beverages and refined tea"),
        "C16": LocalizedText(zh: "烟草制品业", en: "Tobacco products"),
        "C17": LocalizedText(zh: "纺织业", en: "Textiles"),
        "C18": LocalizedText(zh: "纺织服装、服饰业", en: "Textile garments and apparel"),
        "C19": LocalizedText(zh: "皮革、毛皮、羽毛及其制品和制鞋业", en: "Leather, fur, feathers and footwear"),
        "C20": LocalizedText(zh: "木材加工和木、竹、藤、棕、草制品业", en: "Wood, bamboo, rattan, palm and straw products"),
        "C21": LocalizedText(zh: "家具制造业", en: "Furniture"),
        "C22": LocalizedText(zh: "造纸和纸制品业", en: "Paper and paper products"),
        "C23": LocalizedText(zh: "印刷和记录媒介复制业", en: "Printing and reproduction of recorded media"),
        "C24": LocalizedText(zh: "文教、工美、体育和娱乐用品制造业", en: "Cultural, educational, arts, sports and entertainment goods"),
        "C25": LocalizedText(zh: "石油、煤炭及其他燃料加工业", en: "Petroleum, coal and other fuel processing"),
        "C26": LocalizedText(zh: "化学原料和化学制品制造业", en: "Chemical raw materials and chemical products"),
        "C27": LocalizedText(zh: "医药制造业", en: "Pharmaceuticals"),
        "C28": LocalizedText(zh: "化学纤维制造业", en: "Chemical fibres"),
        "C29": LocalizedText(zh: "橡胶和塑料制品业", en: "Rubber and plastic products"),
        "C30": LocalizedText(zh: "非金属矿物制品业", en: "Non-metallic mineral products"),
        "C31": LocalizedText(zh: "黑色金属冶炼和压延加工业", en: "Ferrous metal smelting and rolling"),
        "C32": LocalizedText(zh: "有色金属冶炼和压延加工业", en: "Non-ferrous metal smelting and rolling"),
        "C33": LocalizedText(zh: "金属制品业", en: "Metal products"),
        "C34": LocalizedText(zh: "通用设备制造业", en: "General-purpose machinery"),
        "C35": LocalizedText(zh: "专用设备制造业", en: "Special-purpose machinery"),
        "C36": LocalizedText(zh: "汽车制造业", en: "Motor vehicles"),
        "C37": LocalizedText(zh: "铁路、船舶、航空航天和其他运输设备制造业", en: "Railway, ships, aerospace and other transport equipment"),
        "C38": LocalizedText(zh: "电气机械和器材制造业", en: "Electrical machinery and equipment"),
        "C39": LocalizedText(zh: "计算机、通信和其他电子设备制造业", en: "Computers, communication and other electronic equipment"),
        "C40": LocalizedText(zh: "仪器仪表制造业", en: "Instruments and meters"),
        "C41": LocalizedText(zh: "其他制造业", en: "Other manufacturing"),
        "C42": LocalizedText(zh: "废弃资源综合利用业", en: "Comprehensive use of waste resources"),
        "C43": LocalizedText(zh: "金属制品、机械和设备修理业", en: "Repair of metal products, machinery and equipment"),
    ]

    /// "C34 通用设备制造业"; nil for a code outside section C's major classes.
    public static func name(of code: String) -> LocalizedText? {
        guard let name = names[code.uppercased()] else { return nil }
        return LocalizedText(zh: "\(code) \(name.zh)", en: "\(code) \(name.en)")
    }
}
