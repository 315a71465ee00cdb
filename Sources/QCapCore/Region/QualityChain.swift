import QCapCore

/// A quality chain of the 质量强链 programme: the chain's leader unit (链长单位) organises, the chain master (链主)
/// leads, and the members (链员) follow. Read from a workspace's `chains.csv` (`ChainFile`).
public struct QualityChain: Sendable, Equatable {
    public enum Role: String, Sendable, Codable, CaseIterable {
        /// 链长单位: the organising unit, often a government department.
        case leader
        /// 链主: the leading enterprise.
        case master
        /// 链员: a member enterprise, often a supplier.
        case member

        public var name: LocalizedText {
            switch self {
            case .leader: return LocalizedText(zh: "链长单位", en: "chain leader")
            case .master: return LocalizedText(zh: "链主", en: "chain master")
            case .member: return LocalizedText(zh: "链员", en: "chain member")
            }
        }
    }

    public struct Member: Sendable, Equatable {
        /// The unit's Unified Social Credit Code.
        public var id: String
        /// The name as the table gives it (the roster's name is preferred where the unit is assessed).
        public var name: String
        public var role: Role
        /// Tier as written (一级, 二级, 1, 2 …), when given.
        public var tier: String?

        public init(id: String, name: String, role: Role, tier: String? = nil) {
            self.id = id
            self.name = name
            self.role = role
            self.tier = tier
        }
    }

    public var id: String
    public var name: String
    /// In table order.
    public var members: [Member]

    public init(id: String, name: String, members: [Member]) {
        self.id = id
        self.name = name
        self.members = members
    }

    public var masters: [Member] { members.filter { $0.role == .master } }
    /// The 链员 only.
    public var followers: [Member] { members.filter { $0.role == .member } }
    /// The enterprises of the chain: the 链主 and the 链员 (the 链长单位 organises, it is not graded).
    public var enterprises: [Member] { members.filter { $0.role != .leader } }
}
