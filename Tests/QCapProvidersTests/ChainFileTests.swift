import Foundation
import QCapCore
import Testing
@testable import QCapProviders

@Suite struct ChainFileTests {
    static let master = "91350626GW8FWJTXK0"
    static let member = "91350622MA73BAJ895"
    static let bureau = "11350600GUB48U0ATB"

    func read(_ text: String, encoding: String.Encoding = .utf8) throws -> [QualityChain] {
        let url = FileManager.default.temporaryDirectory.appending(path: "chains-\(UUID().uuidString).csv")
        try #require(text.data(using: encoding)).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try ChainFile.read(url, displayPath: "chains.csv")
    }

    func errors(_ text: String) -> [String] {
        do {
            _ = try read(text)
            return []
        } catch let error as InputErrors {
            return error.errors.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    @Test func chineseHeadersInGB18030() throws {
        let text = "链编号,链名称,统一社会信用代码,单位名称,角色,层级\r\n"
            + "ZZ-VALVE,漳州阀门产业链,\(Self.bureau),漳州市工业和信息化局,链长单位,\r\n"
            + "ZZ-VALVE,漳州阀门产业链,\(Self.master),漳州宏图机械有限公司,链主,\r\n"
            + "ZZ-VALVE,,\(Self.member),漳州荔香机械有限公司,链员,一级\r\n"
        let chains = try read(text, encoding: TextDecoding.gb18030Encoding)
        #expect(chains.count == 1)
        let chain = try #require(chains.first)
        #expect(chain.id == "ZZ-VALVE" && chain.name == "漳州阀门产业链")
        #expect(chain.members.map(\.role) == [.leader, .master, .member])
        #expect(chain.masters.map(\.id) == [Self.master])
        #expect(chain.followers.first?.tier == "一级")
        #expect(chain.enterprises.map(\.id) == [Self.master, Self.member])
    }

    @Test func englishHeadersAndRoleSpellings() throws {
        let text = "Chain ID,Chain Name,USCC,Role,Tier\n"
            + "A,Valves,\(Self.master),Chain master,\n"
            + "A,Valves,\(Self.member.lowercased()),member,2\n"
            + "B,Food,\(Self.member),链员企业,\n"
        let chains = try read(text)
        #expect(chains.map(\.id) == ["A", "B"])
        #expect(chains[0].members.map(\.role) == [.master, .member])
        // Codes are compared in upper case; a unit may be in several chains.
        #expect(chains[0].members[1].id == Self.member)
        #expect(chains[1].members.map(\.id) == [Self.member])
    }

    @Test func badRowsNameTheFileAndRow() {
        let text = "链编号,链名称,统一社会信用代码,角色\n"
            + "A,阀门链,123,链主\n"
            + "A,阀门链,\(Self.master),链长官\n"
            + "A,另一个名字,\(Self.member),链员\n"
            + "A,阀门链,\(Self.master),链主\n"
            + "A,阀门链,\(Self.master),链员\n"
            + ",阀门链,\(Self.member),链员\n"
            + "B,,\(Self.member),链员\n"
        let errors = errors(text)
        #expect(errors.count == 6, "\(errors)")
        #expect(errors[0].hasPrefix("chains.csv:2: column \"统一社会信用代码\": malformed USCC \"123\""))
        #expect(errors[1] == "chains.csv:3: column \"角色\": unknown role \"链长官\" (row 2); expected 链长单位, 链主 or 链员 (leader, master, member)")
        #expect(errors[2].contains("chain A is named \"阀门链\" on row 1 and \"另一个名字\" here"))
        #expect(errors[3].contains("is listed twice in chain A (first on row 4)"))
        #expect(errors[4].hasPrefix("chains.csv:7: column \"链编号\": empty chain id"))
        #expect(errors[5].contains("chain B has no name on any row"))
    }

    @Test func aMissingColumnIsReported() {
        let errors = errors("链编号,统一社会信用代码\nA,\(Self.master)\n")
        #expect(errors.first?.contains("missing required column \"role\"") == true)
    }
}
