/// One schema step: the statements that take the store from `version - 1` to `version`.
public struct StoreMigration: Sendable {
    public let version: Int
    public let sql: StaticString

    public init(version: Int, sql: StaticString) {
        self.version = version
        self.sql = sql
    }
}

/// The store's schema, versioned with `PRAGMA user_version`. A migration is appended, never edited: a store written by
/// an older qcap is brought forward step by step, each step in its own transaction, and a store from a newer qcap is
/// refused rather than misread.
public enum StoreSchema {
    public static let migrations: [StoreMigration] = [
        StoreMigration(version: 1, sql: """
            CREATE TABLE runs (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                created TEXT NOT NULL,
                who TEXT NOT NULL,
                as_of TEXT NOT NULL,
                period TEXT NOT NULL,
                inputs_hash TEXT NOT NULL,
                qcap_version TEXT NOT NULL,
                workspace TEXT NOT NULL DEFAULT '',
                region_code TEXT NOT NULL DEFAULT '',
                region_name TEXT NOT NULL DEFAULT '',
                rubrics TEXT NOT NULL DEFAULT '[]',
                enterprise_count INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX runs_by_period ON runs (period, id);

            CREATE TABLE enterprises (
                run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
                enterprise_id TEXT NOT NULL,
                name TEXT NOT NULL,
                region TEXT NOT NULL,
                industry TEXT NOT NULL,
                size TEXT NOT NULL,
                products TEXT NOT NULL DEFAULT '[]',
                review TEXT NOT NULL DEFAULT '[]',
                PRIMARY KEY (run_id, enterprise_id)
            ) WITHOUT ROWID;

            CREATE TABLE rubrics (
                hash TEXT PRIMARY KEY,
                id TEXT NOT NULL,
                version TEXT NOT NULL,
                descriptor TEXT NOT NULL
            );

            CREATE TABLE results (
                id INTEGER PRIMARY KEY,
                run_id INTEGER NOT NULL,
                enterprise_id TEXT NOT NULL,
                rubric_id TEXT NOT NULL,
                rubric_version TEXT NOT NULL,
                rubric_hash TEXT NOT NULL,
                title_zh TEXT NOT NULL,
                title_en TEXT NOT NULL,
                model TEXT NOT NULL,
                tailoring TEXT NOT NULL,
                score REAL,
                raw_score REAL,
                scale_score REAL,
                scale_max REAL,
                level_rank INTEGER,
                level_id TEXT,
                level_zh TEXT,
                level_en TEXT,
                coverage REAL NOT NULL,
                detail TEXT NOT NULL,
                UNIQUE (run_id, enterprise_id, rubric_id),
                FOREIGN KEY (run_id, enterprise_id) REFERENCES enterprises (run_id, enterprise_id) ON DELETE CASCADE
            );
            CREATE INDEX results_by_enterprise ON results (enterprise_id, rubric_id, run_id);

            CREATE TABLE citations (
                run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
                id INTEGER NOT NULL,
                provider TEXT NOT NULL,
                file TEXT NOT NULL,
                line INTEGER,
                row INTEGER,
                source TEXT NOT NULL,
                assessor TEXT,
                round TEXT,
                PRIMARY KEY (run_id, id)
            ) WITHOUT ROWID;

            CREATE TABLE findings (
                result_id INTEGER NOT NULL REFERENCES results (id) ON DELETE CASCADE,
                ordinal INTEGER NOT NULL,
                criterion TEXT NOT NULL,
                outcome TEXT NOT NULL,
                score REAL,
                level INTEGER,
                message_zh TEXT NOT NULL,
                message_en TEXT NOT NULL,
                raw_outcome TEXT,
                raw_score REAL,
                evidence TEXT,
                details TEXT,
                PRIMARY KEY (result_id, ordinal)
            ) WITHOUT ROWID;
            """),
        // Facts read from workbook sheets cite a cell (`certificates.xlsx[证书]!D17`).
        StoreMigration(version: 2, sql: """
            ALTER TABLE citations ADD COLUMN cell TEXT;
            """),
        // Coverage is the evidenced share of the applicable weight and has no value when nothing applies (the column
        // then holds 0 and nothing_applies 1; rows written before keep 0 and the older definition); a rubric without
        // levels has a verdict in place of a level.
        StoreMigration(version: 3, sql: """
            ALTER TABLE results ADD COLUMN nothing_applies INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE results ADD COLUMN verdict_zh TEXT;
            ALTER TABLE results ADD COLUMN verdict_en TEXT;
            """),
    ]

    public static var latestVersion: Int { migrations.map(\.version).max() ?? 0 }

    /// Applies the migrations the database has not seen yet, each in its own transaction together with the new
    /// `user_version`, so a failed step leaves the store at the previous version.
    static func migrate(_ database: SQLiteDatabase, migrations: [StoreMigration], path: String) throws(StoreError) {
        let current: Int
        do {
            current = try database.userVersion()
        } catch {
            throw StoreError(path: path, problem: .sqlite(error))
        }
        let known = migrations.map(\.version).max() ?? 0
        if current > known { throw StoreError(path: path, problem: .newerSchema(found: current, known: known)) }
        for migration in migrations.sorted(by: { $0.version < $1.version }) where migration.version > current {
            do {
                try database.begin(.immediate)
                // Another process may have migrated while this one waited for the lock.
                if try database.userVersion() >= migration.version {
                    try database.commit()
                    continue
                }
                try database.executeScript(migration.sql)
                try database.setUserVersion(migration.version)
                try database.commit()
            } catch {
                database.rollback()
                throw StoreError(path: path, problem: .migrationFailed(version: migration.version, error))
            }
        }
    }
}
