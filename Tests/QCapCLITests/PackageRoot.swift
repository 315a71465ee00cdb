import Foundation

/// The committed files of the package, wherever the tests run.
enum PackageRoot {
    static let url = QCapBinary.packageRoot

    static func read(_ path: String) throws -> String {
        try String(contentsOf: url.appending(path: path), encoding: .utf8)
    }
}
