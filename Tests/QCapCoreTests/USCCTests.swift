import Testing
@testable import QCapCore

/// GB 32100-2015 check characters. The valid codes were published online (collected in python-stdnum's tests);
/// the failing one is from issue 4.
@Suite struct USCCTests {
    @Test(arguments: ["91110000600037341L", "121200004013590816", "91310115MA1K3BTP2B", "91620105L015101280",
                      "9115220107837757XE", "91350600K8PBRNYTPB"])
    func publishedCodesAreValid(code: String) {
        #expect(USCC.validate(code) == .valid)
    }

    @Test func aWrongCheckCharacterIsAFindingNotMalformed() {
        #expect(USCC.validate("91350203LXG0TEQY7X") == .checkFailed(expected: "F"))
        #expect(USCC.validate("91110000600037341N") == .checkFailed(expected: "L"))
    }

    /// Unlike python-stdnum, positions 1–2 may be letters (registration authority Y = 其他, for instance).
    @Test func codesMayBeginWithALetter() throws {
        for prefix in ["Y1350600MA2Y8XQ41", "A1110000600037341", "N2350600123456789"] {
            let check = try #require(USCC.checkCharacter(forPrefix: prefix))
            #expect(USCC.validate(prefix + String(check)) == .valid, "\(prefix)\(check)")
        }
    }

    @Test func malformedCodesSayWhy() {
        guard case .malformed(let length) = USCC.validate("12345") else { Issue.record("length"); return }
        #expect(length.contains("18"))
        guard case .malformed(let character) = USCC.validate("9111000060003IOZSV") else { Issue.record("character"); return }
        #expect(character.contains("'I'"))
        guard case .malformed(let region) = USCC.validate("91AB0000600037341L") else { Issue.record("region"); return }
        #expect(region.contains("digit"))
    }

    /// Weights are 3^i mod 31.
    @Test func weightsArePowersOfThreeModuloThirtyOne() {
        var power = 1
        for weight in USCC.weights {
            #expect(weight == power)
            power = power * 3 % 31
        }
    }
}
