import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A path with symbolic links and `.`/`..` resolved, also for a path that does not exist yet: its nearest existing
/// ancestor is resolved and the rest appended, so two spellings of one file compare equal.
public enum RealPath {
    /// Whether `path` lies inside the folder `root` (both resolved), or is `root` itself.
    public static func isInside(_ path: String, root: String) -> Bool {
        let folder = of(root)
        let resolved = of(path)
        return resolved == folder || resolved.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }

    public static func of(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var existing = (absolute as NSString).standardizingPath
        var rest: [String] = []
        while true {
            if let resolved = realpath(existing, nil) {
                defer { free(resolved) }
                var result = String(cString: resolved)
                for component in rest.reversed() { result = (result as NSString).appendingPathComponent(component) }
                return result
            }
            let parent = (existing as NSString).deletingLastPathComponent
            if parent == existing || parent.isEmpty { return (absolute as NSString).standardizingPath }
            rest.append((existing as NSString).lastPathComponent)
            existing = parent
        }
    }
}
