import Testing
@testable import QCapCore

@Suite struct USCCTests {
    @Test func validCodesPass() {
        #expect(USCC.validate("91350600K8PBRNYTPB") == .valid)
        #expect(USCC.validate("91350100M000100Y43") == .valid)
    }

    @Test func aWrongCheckCharacterIsReportedWithTheExpectedOne() {
        #expect(USCC.validate("91350203LXG0TEQY7X") == .checkFailed(expected: "F"))
    }

    @Test func lettersInTheFirstPositionsAreAllowed() {
        // Y = 其他 registration authority; python-stdnum wrongly insists on digits here.
        let prefix = "Y1350600MA2XXXXX1"
        guard let check = USCC.checkCharacter(forPrefix: prefix) else { Issue.record("no check character"); return }
        #expect(USCC.validate(prefix + String(check)) == .valid)
    }

    @Test func malformedCodesSayWhy() {
        #expect(USCC.validate("123") == .malformed("has 3 characters, expected 18"))
        #expect(USCC.validate("91350600K8PBRNYTPI") == .malformed("character 18 'I' is not in the code set"))
        #expect(USCC.validate("9135A600K8PBRNYTPB") == .malformed("character 5 must be a digit (administrative division code)"))
        #expect(USCC.validate("91350600K8PBRNYTP中").isValid == false)
    }

    /// Eighteen full-width characters are 54 bytes: the message says what is wrong, not "18 characters, expected 18".
    @Test func fullWidthCodesSaySo() {
        #expect(USCC.validate("９１３５０６００Ｋ８ＰＢＲＮＹＴＰＢ")
                == .malformed("character 1 '９' is a full-width character; type the code in half-width (ASCII) characters: 91350600K8PBRNYTPB"))
        #expect(USCC.validate("91350600K8PBRNYTPＢ")
                == .malformed("character 18 'Ｂ' is a full-width character; type the code in half-width (ASCII) characters: 91350600K8PBRNYTPB"))
        #expect(USCC.validate("91350600K8PBRNYTP") == .malformed("has 17 characters, expected 18"))
    }

    /// Codes published online (collected in python-stdnum's tests), including a 事业单位 code (12…) and letters in the
    /// organization code.
    @Test(arguments: ["91110000600037341L", "121200004013590816", "91310115MA1K3BTP2B", "91620105L015101280",
                      "9115220107837757XE"])
    func publishedCodesAreValid(code: String) {
        #expect(USCC.validate(code) == .valid)
    }

    /// The weights are 3^i mod 31.
    @Test func weightsArePowersOfThreeModuloThirtyOne() {
        var power = 1
        for weight in USCC.weights {
            #expect(weight == power)
            power = power * 3 % 31
        }
    }
}
