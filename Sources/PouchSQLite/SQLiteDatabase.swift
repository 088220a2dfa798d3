import Foundation
import GRDB
import PouchStore

/// The SQLite database of a store directory (`pouch.sqlite`, WAL): GRDB's pool of one writer and
/// several readers, the FTS5 index, and SQLite's errors told as `StoreError`s.
final class SQLiteDatabase: StoreDatabase {
    let pool: DatabasePool
    /// The store directory.
    let directory: String
    let index: FTS5Index

    init(pool: DatabasePool, directory: String, documentLengths: DocumentLengths) {
        self.pool = pool
        self.directory = directory
        index = FTS5Index(pool: pool, documentLengths: documentLengths)
    }

    var location: String { directory }
    var textIndex: any TextIndex { index }

    func read<T: Sendable>(_ body: @escaping @Sendable (any SQLConnection) throws -> T) async throws -> T {
        try await pool.read { db in try body(SQLiteConnection(db)) }
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (any SQLConnection) throws -> T) async throws -> T {
        try await pool.write { db in try body(SQLiteConnection(db)) }
    }

    func readNow<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try pool.unsafeReentrantRead { db in try body(SQLiteConnection(db)) }
    }

    func storeError(_ error: any Error) -> StoreError? {
        SQLiteStore.storeError(error, directory: directory)
    }

    func isStaleMasterKey(_ error: any Error) -> Bool {
        (error as? DatabaseError)?.message?.contains(SealedStore.staleMasterKey) == true
    }

    func close() async {
        try? pool.close()
    }

    /// Closes the pool now, saying why it could not (a restore must know the file is let go).
    func closeNow() throws {
        try pool.close()
    }
}
