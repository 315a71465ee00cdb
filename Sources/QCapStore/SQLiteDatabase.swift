import CSQLite
import Foundation

/// A value bound to a statement or read from a result column.
public enum SQLiteValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    public init(_ value: String?) { self = value.map { .text($0) } ?? .null }
    public init(_ value: Int?) { self = value.map { .integer(Int64($0)) } ?? .null }
    public init(_ value: Double?) { self = value.map { .real($0) } ?? .null }

    public var int: Int? {
        switch self {
        case .integer(let value): return Int(exactly: value)
        case .real(let value): return Int(exactly: value)
        default: return nil
        }
    }

    public var double: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .real(let value): return value
        default: return nil
        }
    }

    public var string: String? {
        switch self {
        case .text(let value): return value
        case .integer(let value): return String(value)
        case .real(let value): return String(value)
        case .blob(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .null: return nil
        }
    }

    public var isNull: Bool { self == .null }
}

/// What went wrong in SQLite: the extended result code, SQLite's own message and the statement that failed.
public struct SQLiteError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Another process holds the lock longer than the busy timeout.
        case busy
        /// A UNIQUE, NOT NULL, CHECK or FOREIGN KEY constraint failed.
        case constraint
        /// The file is not a database, or the database is damaged.
        case corrupt
        case readOnly
        case cannotOpen
        /// The disk or the database is full.
        case full
        /// The wrapper was used wrongly (a value too big to bind, a statement on a closed database).
        case misuse
        case other
    }

    public let code: Int32
    public let message: String
    public let sql: String?

    public init(code: Int32, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    public var kind: Kind {
        switch code & 0xFF {
        case SQLITE_BUSY, SQLITE_LOCKED: return .busy
        case SQLITE_CONSTRAINT: return .constraint
        case SQLITE_CORRUPT, SQLITE_NOTADB: return .corrupt
        case SQLITE_READONLY: return .readOnly
        case SQLITE_CANTOPEN: return .cannotOpen
        case SQLITE_FULL: return .full
        case SQLITE_MISUSE, SQLITE_TOOBIG, SQLITE_RANGE: return .misuse
        default: return .other
        }
    }

    public var description: String {
        var text = "SQLite error \(code): \(message)"
        if let sql { text += " (in: \(sql.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")))" }
        return text
    }
}

/// One row of a query result; columns by name or by position. A missing column reads as NULL.
public struct SQLiteRow: Sendable {
    public let columns: [String]
    public let values: [SQLiteValue]

    public subscript(_ index: Int) -> SQLiteValue {
        values.indices.contains(index) ? values[index] : .null
    }

    public subscript(_ name: String) -> SQLiteValue {
        guard let index = columns.firstIndex(of: name) else { return .null }
        return values[index]
    }

    public func int(_ name: String) -> Int? { self[name].int }
    public func double(_ name: String) -> Double? { self[name].double }
    public func string(_ name: String) -> String? { self[name].string }
    /// A text column that is NOT NULL in the schema; "" if it ever is NULL.
    public func text(_ name: String) -> String { self[name].string ?? "" }
}

/// A thin wrapper over the SQLite C API: prepared statements with bound parameters, typed errors, transactions.
///
/// SQL is taken as `StaticString` only, so statement text is always written in the source and never assembled from
/// input: every value travels as a bound parameter (`?1`, `?2`, …). The one exception, `PRAGMA user_version = N`
/// (PRAGMAs take no parameters), formats an `Int` in `setUserVersion`.
///
/// A database object belongs to one thread at a time (it is not `Sendable`); open one per thread or process.
public final class SQLiteDatabase {
    public enum Mode: Sendable {
        /// Read and write, creating the file when it does not exist.
        case readWrite
        case readOnly
    }

    public enum TransactionKind: Sendable {
        /// Takes the write lock at once, so two writers queue on the busy timeout instead of failing halfway.
        case immediate
        /// Takes locks only when first needed (for read-only transactions).
        case deferred
    }

    public let path: String
    private var handle: OpaquePointer?
    private var cache: [String: OpaquePointer] = [:]

    /// Opens (or creates) the database at `path`; `":memory:"` opens a private in-memory database.
    /// `busyTimeout` is how long, in milliseconds, a statement waits for another connection's lock.
    public init(path: String, mode: Mode = .readWrite, busyTimeout: Int = 5_000) throws(SQLiteError) {
        self.path = path
        var db: OpaquePointer?
        let flags = mode == .readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        let status = sqlite3_open_v2(path, &db, flags | SQLITE_OPEN_NOFOLLOW, nil)
        guard status == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            if let db { sqlite3_close_v2(db) }
            throw SQLiteError(code: status, message: message)
        }
        handle = db
        sqlite3_extended_result_codes(db, 1)
        sqlite3_busy_timeout(db, Int32(clamping: busyTimeout))
        // SQLite opens lazily: read the header now, so a file that is not a database fails here, not mid-run.
        _ = try query("PRAGMA schema_version")
    }

    deinit {
        close()
    }

    /// Finalizes the cached statements and closes the connection; later calls throw `misuse`.
    public func close() {
        for statement in cache.values { sqlite3_finalize(statement) }
        cache.removeAll()
        if let handle { sqlite3_close_v2(handle) }
        handle = nil
    }

    // MARK: - Statements

    /// Runs a statement to completion and returns the number of rows it changed.
    @discardableResult
    public func run(_ sql: StaticString, _ values: SQLiteValue...) throws(SQLiteError) -> Int {
        try run(sql, values)
    }

    @discardableResult
    public func run(_ sql: StaticString, _ values: [SQLiteValue]) throws(SQLiteError) -> Int {
        let db = try connection()
        try withStatement(sql.description, values) { statement throws(SQLiteError) in
            while try step(statement, sql: sql.description) {}
        }
        return Int(sqlite3_changes(db))
    }

    /// Runs an INSERT and returns the new row's id.
    public func insert(_ sql: StaticString, _ values: [SQLiteValue]) throws(SQLiteError) -> Int64 {
        let db = try connection()
        try run(sql, values)
        return sqlite3_last_insert_rowid(db)
    }

    /// Runs a query and returns every row.
    public func query(_ sql: StaticString, _ values: SQLiteValue...) throws(SQLiteError) -> [SQLiteRow] {
        try query(sql, values)
    }

    public func query(_ sql: StaticString, _ values: [SQLiteValue]) throws(SQLiteError) -> [SQLiteRow] {
        try query(sql.description, values)
    }

    /// Runs several `;`-separated statements that take no parameters (schema scripts).
    public func executeScript(_ sql: StaticString) throws(SQLiteError) {
        try executeScript(sql.description)
    }

    // MARK: - Transactions

    /// Whether a transaction is open on this connection.
    public var isInTransaction: Bool {
        guard let handle else { return false }
        return sqlite3_get_autocommit(handle) == 0
    }

    public func begin(_ kind: TransactionKind = .immediate) throws(SQLiteError) {
        switch kind {
        case .immediate: try run("BEGIN IMMEDIATE")
        case .deferred: try run("BEGIN DEFERRED")
        }
    }

    public func commit() throws(SQLiteError) {
        try run("COMMIT")
    }

    /// Rolls back the open transaction; does nothing when none is open (SQLite may already have rolled back).
    public func rollback() {
        guard isInTransaction else { return }
        _ = try? run("ROLLBACK")
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    @discardableResult
    public func transaction<T>(_ kind: TransactionKind = .immediate, _ body: () throws -> T) throws -> T {
        try begin(kind)
        do {
            let value = try body()
            try commit()
            return value
        } catch {
            rollback()
            throw error
        }
    }

    // MARK: - Settings

    /// `PRAGMA user_version`: the schema version migrations compare against.
    public func userVersion() throws(SQLiteError) -> Int {
        try query("PRAGMA user_version").first?[0].int ?? 0
    }

    public func setUserVersion(_ version: Int) throws(SQLiteError) {
        // PRAGMAs take no bound parameters; the text is built from an Int, never from input.
        try executeScript("PRAGMA user_version = \(version)")
    }

    /// Switches to write-ahead logging (readers do not block the writer); returns the journal mode now in force
    /// (`"wal"`, or `"memory"` for an in-memory database).
    @discardableResult
    public func enableWriteAheadLog() throws(SQLiteError) -> String {
        let mode = try query("PRAGMA journal_mode = WAL").first?[0].string ?? ""
        try run("PRAGMA synchronous = NORMAL")
        return mode
    }

    public func journalMode() throws(SQLiteError) -> String {
        try query("PRAGMA journal_mode").first?[0].string ?? ""
    }

    public func enableForeignKeys() throws(SQLiteError) {
        try run("PRAGMA foreign_keys = ON")
    }

    /// The SQLite library version, e.g. "3.40.1".
    public static var libraryVersion: String { String(cString: sqlite3_libversion()) }

    // MARK: - Internals

    private func connection() throws(SQLiteError) -> OpaquePointer {
        guard let handle else { throw SQLiteError(code: SQLITE_MISUSE, message: "the database is closed") }
        return handle
    }

    private func error(_ code: Int32, sql: String?) -> SQLiteError {
        let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "the database is closed"
        return SQLiteError(code: code, message: message, sql: sql)
    }

    private func query(_ sql: String, _ values: [SQLiteValue]) throws(SQLiteError) -> [SQLiteRow] {
        var rows: [SQLiteRow] = []
        try withStatement(sql, values) { statement throws(SQLiteError) in
            let count = Int(sqlite3_column_count(statement))
            let names = (0..<count).map { String(cString: sqlite3_column_name(statement, Int32($0))) }
            while try step(statement, sql: sql) {
                rows.append(SQLiteRow(columns: names, values: (0..<count).map { column(statement, Int32($0)) }))
            }
        }
        return rows
    }

    private func executeScript(_ sql: String) throws(SQLiteError) {
        let db = try connection()
        var message: UnsafeMutablePointer<CChar>?
        let status = sqlite3_exec(db, sql, nil, nil, &message)
        if status != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(db))
            sqlite3_free(message)
            throw SQLiteError(code: status, message: text, sql: sql)
        }
    }

    /// Prepares (or reuses) the statement, binds `values`, runs `body`, and resets it for the next use.
    private func withStatement(_ sql: String, _ values: [SQLiteValue],
                               _ body: (OpaquePointer) throws(SQLiteError) -> Void) throws(SQLiteError) {
        let statement = try prepared(sql)
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        let expected = Int(sqlite3_bind_parameter_count(statement))
        guard expected == values.count else {
            throw SQLiteError(code: SQLITE_RANGE, message: "the statement takes \(expected) parameter(s), \(values.count) given", sql: sql)
        }
        for (offset, value) in values.enumerated() {
            try bind(value, at: Int32(offset + 1), to: statement, sql: sql)
        }
        try body(statement)
    }

    private func prepared(_ sql: String) throws(SQLiteError) -> OpaquePointer {
        if let statement = cache[sql] { return statement }
        let db = try connection()
        var statement: OpaquePointer?
        let status = sqlite3_prepare_v3(db, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard status == SQLITE_OK, let statement else { throw error(status, sql: sql) }
        cache[sql] = statement
        return statement
    }

    private func bind(_ value: SQLiteValue, at index: Int32, to statement: OpaquePointer, sql: String) throws(SQLiteError) {
        let status: Int32
        switch value {
        case .null:
            status = sqlite3_bind_null(statement, index)
        case .integer(let number):
            status = sqlite3_bind_int64(statement, index, number)
        case .real(let number):
            status = sqlite3_bind_double(statement, index, number)
        case .text(let text):
            let bytes = Array(text.utf8)
            guard bytes.count < Int32.max else { throw SQLiteError(code: SQLITE_TOOBIG, message: "text too long to bind", sql: sql) }
            // A zero-length buffer may have no address, and a NULL pointer would bind NULL instead of "".
            status = bytes.isEmpty
                ? sqlite3_bind_text(statement, index, "", 0, qcap_sqlite_transient())
                : bytes.withUnsafeBufferPointer { buffer in
                    buffer.withMemoryRebound(to: CChar.self) {
                        sqlite3_bind_text(statement, index, $0.baseAddress, Int32(buffer.count), qcap_sqlite_transient())
                    }
                }
        case .blob(let bytes):
            guard bytes.count < Int32.max else { throw SQLiteError(code: SQLITE_TOOBIG, message: "blob too long to bind", sql: sql) }
            status = bytes.isEmpty
                ? sqlite3_bind_zeroblob(statement, index, 0)
                : bytes.withUnsafeBytes { sqlite3_bind_blob(statement, index, $0.baseAddress, Int32($0.count), qcap_sqlite_transient()) }
        }
        if status != SQLITE_OK { throw error(status, sql: sql) }
    }

    /// Advances the statement: true when a row is ready, false when it is done.
    private func step(_ statement: OpaquePointer, sql: String) throws(SQLiteError) -> Bool {
        let status = sqlite3_step(statement)
        switch status {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw error(status, sql: sql)
        }
    }

    private func column(_ statement: OpaquePointer, _ index: Int32) -> SQLiteValue {
        switch sqlite3_column_type(statement, index) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(statement, index))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(statement, index))
        case SQLITE_TEXT:
            guard let text = sqlite3_column_text(statement, index) else { return .text("") }
            let count = Int(sqlite3_column_bytes(statement, index))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(statement, index))
            guard count > 0, let bytes = sqlite3_column_blob(statement, index) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
        default:
            return .null
        }
    }
}
