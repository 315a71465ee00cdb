/// `qcap version`.
enum VersionCommand {
    static let spec = CommandSpec("version", summary: "Print the QCap version.")

    static func run() {
        print("qcap \(CommandTree.version)")
    }
}
