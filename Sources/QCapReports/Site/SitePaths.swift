import QCapCore

/// Where each page of the site lives, relative to the site's folder, and the links between them. Every page sits one
/// folder deep (`districts/`, `chains/`, `enterprises/`) except the region's `index.html`, so a link from any page is
/// `../<folder>/<file>` or `../index.html` — relative, offline, and valid wherever the folder is copied.
public enum SitePaths {
    public static let index = "index.html"

    public static func district(_ code: String, page: Int = 1) -> String {
        "districts/\(slug(code))\(page > 1 ? "-\(page)" : "").html"
    }

    public static func chain(_ id: String) -> String {
        "chains/\(slug(id)).html"
    }

    public static func enterprise(_ id: String) -> String {
        "enterprises/\(slug(id)).html"
    }

    /// A page path as linked from a page in one of the folders.
    public static func fromSubfolder(_ path: String) -> String { "../" + path }

    /// A file name from an id: letters, digits, `-` and `_` kept, anything else replaced; when something was replaced,
    /// a short hash of the id keeps two ids from sharing a file.
    public static func slug(_ id: String) -> String {
        let kept = String(id.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (CharacterSetASCII.alphanumerics(scalar) || scalar == "-" || scalar == "_") ? Character(scalar) : "_"
        })
        guard kept != id || kept.isEmpty else { return kept }
        return kept + "-" + String(SHA256.hex(id).prefix(8))
    }
}

/// ASCII letters and digits, without Foundation's character sets.
enum CharacterSetASCII {
    static func alphanumerics(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}
