/// The normal forms certificate texts are compared in.
///
/// Registry exports and questionnaires write the same thing many ways: `GB/T19001-2016` and `GB／T 19001—2016`,
/// `ISO 9001:2015` and `ISO9001：2015`, `CNAS` and `ｃｎａｓ`. Comparing normal forms keeps every rule in the rubric
/// data written once, in its natural spelling.
enum CertificateText {
    /// Full-width ASCII variants (U+FF01–FF5E) as ASCII and the ideographic space as a space; other text unchanged.
    static func halfWidth(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF01...0xFF5E: scalars.append(Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar)
            case 0x3000: scalars.append(" ")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Standard numbers, certificate numbers, codes: half-width, no whitespace, upper case, and `:` and every dash
    /// as `-` (so `ISO 9001:2015` matches `ISO9001-2015`).
    static func identifier(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in halfWidth(text).unicodeScalars where !scalar.properties.isWhitespace {
            switch scalar {
            case ":", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}": scalars.append("-")
            case "a"..."z": scalars.append(Unicode.Scalar(scalar.value - 32) ?? scalar)
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Names, scopes and product keywords: half-width, no whitespace, lower case. Chinese is written without word
    /// breaks, so keywords are found as substrings of this form.
    static func words(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in asciiLowercased(halfWidth(text)).unicodeScalars where !scalar.properties.isWhitespace {
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// Whether `part` occurs in `text`. A byte search over UTF-8 (which is self-synchronising, so a match never
    /// starts inside a character): Foundation's `contains` goes through NSString and dominated the run time when
    /// every leaf of every enterprise classified its certificates.
    static func contains(_ text: String, _ part: String) -> Bool {
        var text = text, part = part
        return text.withUTF8 { haystack in
            part.withUTF8 { needle in
                guard !needle.isEmpty else { return true }
                guard haystack.count >= needle.count, let first = needle.first else { return false }
                var start = 0
                let last = haystack.count - needle.count
                while start <= last {
                    if haystack[start] == first {
                        var matched = 1
                        while matched < needle.count && haystack[start + matched] == needle[matched] { matched += 1 }
                        if matched == needle.count { return true }
                    }
                    start += 1
                }
                return false
            }
        }
    }

    private static func asciiLowercased(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32) ?? scalar : scalar)
        }
        return String(scalars)
    }

    /// Whether `mark` occurs in `text` as a whole word: not run together with ASCII letters or digits on either
    /// side (`CNAS C001-M` has CNAS; `SCNAS` does not). Case and width are ignored.
    static func containsWord(_ text: String, _ mark: String) -> Bool {
        // Spaces are kept here: they are what separates `UKAS 0001` into words.
        let haystack = Array(asciiLowercased(halfWidth(text)).unicodeScalars)
        let needle = Array(asciiLowercased(halfWidth(mark)).unicodeScalars)
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        func isWordScalar(_ index: Int) -> Bool {
            guard haystack.indices.contains(index) else { return false }
            let scalar = haystack[index]
            return scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
        }
        for start in 0...(haystack.count - needle.count) where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            if !isWordScalar(start - 1) && !isWordScalar(start + needle.count) { return true }
        }
        return false
    }
}
