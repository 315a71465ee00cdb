import Foundation
import QCapCore
import QCapProviders
import QCapStore

/// How `compare`, `report` and `history` reach a workspace's result store.
struct StoreAccess {
    let root: URL
    let config: WorkspaceConfig
    let store: ResultStore?
    let displayPath: String

    /// Reads the workspace's qcap.json and opens its store if there is one (readers never create a store).
    static func open(_ arguments: ParsedArguments, context: CommandContext) throws(CommandFailure) -> StoreAccess {
        let root = context.url(arguments.value("workspace") ?? ".")
        let config: WorkspaceConfig
        do {
            config = try WorkspaceConfig.read(root.appending(path: WorkspaceConfig.fileName), displayPath: display(root, WorkspaceConfig.fileName))
        } catch {
            throw .input(error)
        }
        let displayPath = RunRecorder.displayPath(root)
        do {
            return StoreAccess(root: root, config: config, store: try ResultStore.openExisting(workspace: root), displayPath: displayPath)
        } catch {
            throw RunRecorder.failure(error, displayPath: displayPath)
        }
    }

    /// The store, or a usage error that says to run `qcap assess` first.
    func requireStore(workspaceArgument: String) throws(CommandFailure) -> ResultStore {
        guard let store else {
            throw .usage("no results are stored in \(displayPath) yet; run `qcap assess --workspace \(workspaceArgument)` first")
        }
        return store
    }

    /// Runs a store read, turning a failure into exit 3 naming the store file.
    func read<T>(_ body: () throws(StoreError) -> T) throws(CommandFailure) -> T {
        do {
            return try body()
        } catch {
            throw RunRecorder.failure(error, displayPath: displayPath)
        }
    }

    /// The rubrics of the given results exactly as stored, by content hash.
    func descriptors(for results: [RubricResult], store: ResultStore) throws(CommandFailure) -> [String: RubricDescriptor] {
        var descriptors: [String: RubricDescriptor] = [:]
        for hash in Set(results.map(\.rubric.hash)) {
            if let descriptor = try read({ () throws(StoreError) in try store.descriptor(hash: hash) }) { descriptors[hash] = descriptor }
        }
        return descriptors
    }

    static func display(_ root: URL, _ path: String) -> String {
        let base = root.lastPathComponent
        return base.isEmpty || base == "." ? path : "\(base)/\(path)"
    }
}
