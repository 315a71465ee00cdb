import Foundation
import Testing
@testable import QCapStore

@Suite struct SQLiteDatabaseTests {
    func memory() throws -> SQLiteDatabase {
        let db = try SQLiteDatabase(path: ":memory:")
        try db.executeScript("CREATE TABLE t (id INTEGER PRIMARY KEY, i INTEGER, r REAL, s TEXT, b BLOB, u TEXT UNIQUE)")
        return db
    }

    @Test func valuesRoundTripThroughBoundParameters() throws {
        let db = try memory()
        let values: [SQLiteValue] = [.integer(Int64.max), .real(-0.25), .text("漳州 \u{0} nul & 'quote'"), .blob([0, 1, 255]), .text("u1")]
        let id = try db.insert("INSERT INTO t (i, r, s, b, u) VALUES (?1, ?2, ?3, ?4, ?5)", values)
        let row = try #require(try db.query("SELECT i, r, s, b, u FROM t WHERE id = ?1", .integer(id)).first)
        #expect(row.values == values)
        #expect(row["s"] == .text("漳州 \u{0} nul & 'quote'"))
        #expect(row["missing"] == .null)
    }

    @Test func emptyTextStaysTextAndNilBindsNull() throws {
        let db = try memory()
        try db.run("INSERT INTO t (s, b, i) VALUES (?1, ?2, ?3)", .text(""), .blob([]), SQLiteValue(nil as Int?))
        let row = try #require(try db.query("SELECT s, typeof(s) AS ts, typeof(i) AS ti FROM t").first)
        #expect(row["s"] == .text(""))
        #expect(row.string("ts") == "text")
        #expect(row.string("ti") == "null")
    }

    @Test func inputTextIsNeverSQL() throws {
        let db = try memory()
        let hostile = "x'); DROP TABLE t; --"
        try db.run("INSERT INTO t (s) VALUES (?1)", .text(hostile))
        #expect(try db.query("SELECT s FROM t").first?.string("s") == hostile)
        #expect(try db.query("SELECT count(*) AS n FROM sqlite_master WHERE name = 't'").first?.int("n") == 1)
    }

    @Test func parameterCountMustMatch() throws {
        let db = try memory()
        #expect { try db.run("INSERT INTO t (i) VALUES (?1)") } throws: { ($0 as? SQLiteError)?.kind == .misuse }
    }

    @Test func constraintViolationIsTyped() throws {
        let db = try memory()
        try db.run("INSERT INTO t (u) VALUES (?1)", .text("same"))
        #expect { try db.run("INSERT INTO t (u) VALUES (?1)", .text("same")) } throws: { error in
            guard let error = error as? SQLiteError else { return false }
            return error.kind == .constraint && error.description.contains("UNIQUE")
        }
    }

    @Test func syntaxErrorNamesTheStatement() throws {
        let db = try memory()
        #expect { try db.run("SELEKT 1") } throws: { ($0 as? SQLiteError)?.sql == "SELEKT 1" }
    }

    @Test func transactionCommitsOrRollsBack() throws {
        let db = try memory()
        try db.transaction { try db.run("INSERT INTO t (i) VALUES (1)") }
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try db.transaction {
                try db.run("INSERT INTO t (i) VALUES (2)")
                throw Stop()
            }
        }
        #expect(!db.isInTransaction)
        #expect(try db.query("SELECT i FROM t").map { $0.int("i") } == [1])
    }

    @Test func explicitRollbackDiscardsEverything() throws {
        let db = try memory()
        try db.begin()
        #expect(db.isInTransaction)
        try db.run("INSERT INTO t (i) VALUES (1)")
        db.rollback()
        db.rollback() // harmless when nothing is open
        #expect(try db.query("SELECT count(*) AS n FROM t").first?.int("n") == 0)
    }

    @Test func userVersion() throws {
        let db = try memory()
        #expect(try db.userVersion() == 0)
        try db.setUserVersion(7)
        #expect(try db.userVersion() == 7)
    }

    @Test func fileDatabaseUsesWriteAheadLogAndBusyTimeout() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "qcap-sqlite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appending(path: "x.sqlite").path
        let writer = try SQLiteDatabase(path: path)
        #expect(try writer.enableWriteAheadLog() == "wal")
        try writer.executeScript("CREATE TABLE t (i INTEGER)")
        try writer.begin(.immediate)
        try writer.run("INSERT INTO t (i) VALUES (1)")

        let other = try SQLiteDatabase(path: path, busyTimeout: 50)
        // A reader is not blocked by the open write transaction, and does not see it.
        #expect(try other.query("SELECT count(*) AS n FROM t").first?.int("n") == 0)
        // A second writer waits the busy timeout, then gives up with a typed error.
        #expect { try other.begin(.immediate) } throws: { ($0 as? SQLiteError)?.kind == .busy }
        try writer.commit()
        #expect(try other.query("SELECT count(*) AS n FROM t").first?.int("n") == 1)
    }

    @Test func aFileThatIsNotADatabaseFailsAtOpen() throws {
        let url = FileManager.default.temporaryDirectory.appending(path: "qcap-notdb-\(UUID().uuidString).sqlite")
        try Data(String(repeating: "not a database ", count: 100).utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect { _ = try SQLiteDatabase(path: url.path) } throws: { ($0 as? SQLiteError)?.kind == .corrupt }
    }

    @Test func closedDatabaseThrowsInsteadOfCrashing() throws {
        let db = try memory()
        db.close()
        #expect { _ = try db.query("SELECT 1") } throws: { ($0 as? SQLiteError)?.kind == .misuse }
    }
}
