import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import QCapCore
import QCapProviders
import QCapStore

/// Records one `qcap assess` in the workspace's result store as one transaction: the run is opened before the first
/// enterprise is assessed, every batch is added as it is emitted, and the run is committed only after the whole
/// cohort was assessed and the output written. Any failure (bad input, a write error, a killed process) rolls it back,
/// so the store never holds a partial run.
final class RunRecorder {
    let store: ResultStore
    let displayPath: String
    let descriptors: [RubricDescriptor]
    let period: String

    private init(store: ResultStore, displayPath: String, descriptors: [RubricDescriptor], period: String) {
        self.store = store
        self.displayPath = displayPath
        self.descriptors = descriptors
        self.period = period
    }

    /// Opens the store (creating it) and begins the run. The store is the workspace's own, or that of `storeRoot`
    /// (`qcap init --example` records the baseline year it writes under `history/` in the example's store).
    static func begin(_ workspace: Workspace, asOf: Day, extraRubricFiles: [URL], storeRoot: URL? = nil) throws(CommandFailure) -> RunRecorder {
        let displayPath = displayPath(storeRoot ?? workspace.root)
        let store: ResultStore
        do {
            store = try ResultStore(url: ResultStore.url(workspace: storeRoot ?? workspace.root))
            let record = RunRecord(created: RunRecord.timestamp(), who: Self.who(),
                                   asOf: asOf, period: workspace.config.period,
                                   inputsHash: WorkspaceInputs.hash(of: workspace, extraRubricFiles: extraRubricFiles),
                                   qcapVersion: CommandTree.version, workspace: workspace.config.name,
                                   regionCode: workspace.config.regionCode, regionName: workspace.config.regionName,
                                   rubrics: workspace.engines.map(\.descriptor.id))
            try store.beginRun(record)
        } catch {
            throw Self.writeFailure(error, displayPath: displayPath)
        }
        return RunRecorder(store: store, displayPath: displayPath, descriptors: workspace.engines.map(\.descriptor),
                           period: workspace.config.period)
    }

    /// The login name: $USER, $LOGNAME, else the account of the process (containers often set neither variable).
    static func who() -> String {
        let environment = ProcessInfo.processInfo.environment
        if let name = environment["USER"] ?? environment["LOGNAME"], !name.isEmpty { return name }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "unknown"
    }

    func record(_ runs: [AssessmentRun]) throws(CommandFailure) {
        do {
            for run in runs { try store.add(run, descriptors: descriptors) }
        } catch {
            throw Self.writeFailure(error, displayPath: displayPath)
        }
    }

    /// Commits the run and returns its id.
    func commit() throws(CommandFailure) -> Int {
        do {
            return try store.commitRun()
        } catch {
            throw Self.writeFailure(error, displayPath: displayPath)
        }
    }

    func rollback() {
        store.rollbackRun()
    }

    /// The store's path as messages show it: under the workspace folder's name, as `Workspace` shows its files.
    static func displayPath(_ root: URL) -> String {
        let base = root.lastPathComponent
        return base.isEmpty || base == "." ? ResultStore.relativePath : "\(base)/\(ResultStore.relativePath)"
    }

    /// A store that cannot be written (locked by another `qcap assess`, a full disk, not a database) stops the run
    /// like any output that cannot be written: exit 3 naming the store file and the reason; the transaction is rolled
    /// back, so the store keeps exactly the runs it had.
    static func writeFailure(_ error: StoreError, displayPath: String) -> CommandFailure {
        .output(path: displayPath, reason: error.description.replacingOccurrences(of: error.path + ": ", with: ""))
    }

    /// A store that cannot be read is reported like bad input (exit 3), naming the store file.
    static func failure(_ error: StoreError, displayPath: String) -> CommandFailure {
        let message = error.description.replacingOccurrences(of: error.path + ": ", with: "")
        return .input(InputErrors([InputError(file: displayPath, message: message)]))
    }
}
