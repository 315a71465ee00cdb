/// The Unified Social Credit Code of GB 32100-2015.
///
/// A malformed code (wrong length, a character outside the code set) is bad input. A well-formed code whose check
/// character does not match is only a finding for review: real codes that fail the check exist in registries.
/// Positions 1–2 may be letters (e.g. `Y` = 其他), unlike what some libraries assume.
public enum USCC {
    /// The code set: digits and capital letters without I, O, Z, S and V. A character's value is its index here.
    public static let alphabet: [UInt8] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY".utf8)
    /// 3^i mod 31 for positions 1–17.
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    public static let expectedForm = "18 characters from 0-9 and A-H J-N P-R T U W-Y, positions 3-8 digits"

    public enum Verdict: Sendable, Equatable {
        case valid
        /// Well formed, but the 18th character is not the computed one.
        case checkFailed(expected: Character)
        /// Not a code at all; the string says why.
        case malformed(String)

        public var isValid: Bool { self == .valid }
    }

    public static func validate(_ code: String) -> Verdict {
        // Full-width characters (０-９, Ａ-Ｚ from a Chinese input method) look right on screen; say so, with where,
        // rather than count them as wrong characters or report a byte length.
        let characters = Array(code)
        if let index = characters.firstIndex(where: isFullWidth) {
            let ascii = String(characters.map { isFullWidth($0) ? halfWidth($0) : $0 })
            return .malformed("character \(index + 1) '\(characters[index])' is a full-width character; type the code in half-width "
                              + "(ASCII) characters: \(ascii)")
        }
        guard characters.count == 18 else {
            return .malformed("has \(characters.count) characters, expected 18")
        }
        var values: [Int] = []
        values.reserveCapacity(18)
        for (index, character) in characters.enumerated() {
            guard let byte = character.asciiValue, let value = alphabet.firstIndex(of: byte) else {
                let why = character.isLowercase && character.isASCII ? "is lower case" : "is not in the code set"
                return .malformed("character \(index + 1) '\(character)' \(why)")
            }
            if (2...7).contains(index) && value > 9 {
                return .malformed("character \(index + 1) must be a digit (administrative division code)")
            }
            values.append(value)
        }
        let expected = checkCharacter(values: values)
        return characters[17] == expected ? .valid : .checkFailed(expected: expected)
    }

    /// U+FF01–U+FF5E (full-width ASCII forms) and the ideographic space.
    static func isFullWidth(_ character: Character) -> Bool {
        character.unicodeScalars.contains { (0xFF01...0xFF5E).contains($0.value) || $0.value == 0x3000 }
    }

    static func halfWidth(_ character: Character) -> Character {
        guard let scalar = character.unicodeScalars.first else { return character }
        if scalar.value == 0x3000 { return " " }
        return Unicode.Scalar(scalar.value - 0xFEE0).map(Character.init) ?? character
    }

    /// The check character for the first 17 characters of a code (which must already be in the code set).
    public static func checkCharacter(forPrefix prefix: String) -> Character? {
        let bytes = Array(prefix.utf8)
        guard bytes.count == 17 else { return nil }
        var values: [Int] = []
        for byte in bytes {
            guard let value = alphabet.firstIndex(of: byte) else { return nil }
            values.append(value)
        }
        return checkCharacter(values: values)
    }

    static func checkCharacter(values: [Int]) -> Character {
        var sum = 0
        for (value, weight) in zip(values.prefix(17), weights) {
            sum += value * weight
        }
        let c = (31 - sum % 31) % 31
        return Character(Unicode.Scalar(alphabet[c]))
    }
}
