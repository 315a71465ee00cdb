/// `qcap version`.
enum VersionCommand {
    static let spec = CommandSpec("version", summary: "Print the QCap version.")

    static func run() throws(CommandFailure) {
        try QCapCommand.printResult("qcap \(CommandTree.version)\n")
    }
}
