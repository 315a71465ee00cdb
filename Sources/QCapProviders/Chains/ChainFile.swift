import Foundation
import QCapCore

/// Reads a workspace's quality chains (`chains.csv`, or an .xlsx sheet): one row per unit and chain, with the chain's
/// id and name, the unit's USCC (and name), its role (链长单位 / 链主 / 链员) and optionally its tier. Headers may be
/// Chinese or English, the file UTF-8 or GB18030 (through `TableReader`, like every table).
///
/// Bad input names the file and row: a malformed USCC, an unknown role, a chain id without a name, one chain given two
/// names, a unit listed twice in a chain. A USCC whose check character fails is accepted (as everywhere: real codes
/// sometimes fail); a unit not on the roster is accepted too — a chain reaches beyond the region, and such a member is
/// shown without evidence.
public enum ChainFile {
    /// The file a workspace uses when qcap.json names none.
    public static let defaultPath = "chains.csv"

    static let columns = [
        ColumnSpec(key: "chain", aliases: ["链编号", "产业链编号", "链代码", "chain id", "chain"]),
        ColumnSpec(key: "chainName", aliases: ["链名称", "产业链名称", "产业链", "chain name"], required: false),
        ColumnSpec(key: "uscc", aliases: ["统一社会信用代码", "社会信用代码", "信用代码", "USCC", "credit code"]),
        ColumnSpec(key: "name", aliases: ["单位名称", "企业名称", "名称", "name", "enterprise"], required: false),
        ColumnSpec(key: "role", aliases: ["角色", "链上角色", "链上身份", "role"]),
        ColumnSpec(key: "tier", aliases: ["层级", "配套层级", "tier"], required: false),
    ]

    public static func read(_ url: URL, displayPath: String, sheet: String? = nil) throws(InputErrors) -> [QualityChain] {
        let table: Table
        let header: HeaderMap
        do {
            table = try TableReader.read(url, displayName: displayPath, sheet: sheet)
            header = try HeaderMap(table: table, columns: columns)
        } catch {
            throw InputErrors([error])
        }
        var errors: [InputError] = []
        var chains: [QualityChain] = []
        var index: [String: Int] = [:]
        var nameRow: [String: Int] = [:]
        var seen: [String: Int] = [:]
        for row in table.rows {
            guard let chain = header.value("chain", in: row) else {
                errors.append(header.error("chain", in: row, message: "empty chain id", expected: "the chain's id, e.g. ZZ-VALVE"))
                continue
            }
            let name = header.value("chainName", in: row)
            if let position = index[chain] {
                if let name, chains[position].name != name {
                    if chains[position].name.isEmpty {
                        chains[position].name = name
                        nameRow[chain] = row.number
                    } else {
                        errors.append(header.error("chainName", in: row, message: "chain \(chain) is named \"\(chains[position].name)\" on row \(nameRow[chain] ?? 0) and \"\(name)\" here",
                                                   expected: "one name per chain id"))
                    }
                }
            } else {
                index[chain] = chains.count
                chains.append(QualityChain(id: chain, name: name ?? "", members: []))
                if name != nil { nameRow[chain] = row.number }
            }
            let code = (header.value("uscc", in: row) ?? "").uppercased()
            if case .malformed(let why) = USCC.validate(code) {
                errors.append(header.error("uscc", in: row, message: "malformed USCC \"\(code)\": \(why)", expected: USCC.expectedForm))
                continue
            }
            let roleText = header.value("role", in: row) ?? ""
            guard let role = Self.roles[Self.roleKey(roleText)] else {
                errors.append(header.error("role", in: row, message: "unknown role \"\(roleText)\"", expected: "链长单位, 链主 or 链员 (leader, master, member)"))
                continue
            }
            let key = chain + "\u{0}" + code
            if let first = seen[key] {
                errors.append(header.error("uscc", in: row, message: "\(code) is listed twice in chain \(chain) (first on row \(first))", expected: "one row per unit and chain"))
                continue
            }
            seen[key] = row.number
            if let position = index[chain] {
                chains[position].members.append(QualityChain.Member(id: code, name: header.value("name", in: row) ?? "", role: role,
                                                                    tier: header.value("tier", in: row)))
            }
        }
        for chain in chains where chain.name.isEmpty {
            errors.append(InputError(file: table.file, message: "chain \(chain.id) has no name on any row", expected: "a 链名称 (chain name) on at least one of its rows"))
        }
        if !errors.isEmpty { throw InputErrors(errors) }
        return chains
    }

    /// The spellings of the roles (compared after removing spaces, ASCII case ignored).
    static let roles: [String: QualityChain.Role] = [
        "链长单位": .leader, "链长": .leader, "牵头单位": .leader, "leader": .leader, "chainleader": .leader,
        "链主": .master, "链主企业": .master, "master": .master, "chainmaster": .master,
        "链员": .member, "链员企业": .member, "配套企业": .member, "member": .member, "chainmember": .member,
    ]

    static func roleKey(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
    }
}
