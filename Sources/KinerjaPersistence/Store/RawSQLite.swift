import Foundation
import KinerjaDomain
import NIOPosix
import SQLiteNIO
import VaporCSQLite

/// A load's read of a SQLite connection beneath SQLiteNIO: the statement is stepped and each column read where
/// SQLite holds it, by the load's own decoder (`Baris`). SQLiteNIO made a `String` of every text column, an array of
/// values and another of named columns for every row; together with the row decoding that was 70 % of loading a PD,
/// the database's own stepping 30 % (perf on `kinerja bench --bagian muat`, docs/DEVELOPMENT.md "Performance").
///
/// SQLiteNIO does not publish a connection's `sqlite3` handle; it is read from the connection by reflection. The
/// handle is only used while the connection is leased to the load (`withConnection`), on a thread of NIO's pool
/// like SQLiteNIO's own queries, and the connection is opened in SQLite's serialized mode. Where the handle cannot
/// be found (another SQLiteNIO), the load goes through SQLiteNIO's rows as before.
enum RawSQLite {
    /// The connection's `sqlite3*`, or nil when this SQLiteNIO keeps it elsewhere.
    static func handle(_ connection: SQLiteConnection) -> OpaquePointer? {
        Mirror(reflecting: connection).descendant("handle", "raw") as? OpaquePointer
    }

    static func type(_ statement: OpaquePointer, _ i: Int) -> Int32 {
        sqlite_nio_sqlite3_column_type(statement, Int32(i))
    }

    /// A column's value where SQLite holds it (valid until the statement steps again). One call that takes the
    /// connection's mutex; the `sqlite3_value_*` calls on its result take none. Each `sqlite3_column_*` call takes and
    /// leaves it (the connection is opened in serialized mode): two calls per text column made the mutex an eighth of
    /// a load (perf). The value is SQLite's "unprotected" kind, safe here because the load holds the connection alone.
    static func value(_ statement: OpaquePointer, _ i: Int) -> OpaquePointer? {
        sqlite_nio_sqlite3_column_value(statement, Int32(i))
    }

    /// A column's value as UTF-8 text where SQLite holds it, valid until the statement steps again; nil for NULL.
    static func bytes(_ statement: OpaquePointer, _ i: Int) -> UnsafeBufferPointer<UInt8>? {
        guard let value = value(statement, i), let start = sqlite_nio_sqlite3_value_text(value) else { return nil }
        return UnsafeBufferPointer(start: start, count: Int(sqlite_nio_sqlite3_value_bytes(value)))
    }

    static func text(_ statement: OpaquePointer, _ i: Int) -> String? {
        bytes(statement, i).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Runs `sql` with `binds` on `handle` and calls `row` on each row, on a thread of NIO's pool.
    static func query(
        _ handle: OpaquePointer, _ sql: String, _ binds: [KinerjaStore.Ikatan],
        row: @escaping @Sendable (OpaquePointer) throws -> Void
    ) async throws {
        try await queries(handle, [(sql, binds, row)])
    }

    /// Runs each statement in turn, as `query` does, in one job of NIO's pool: a hop to the pool and back for a
    /// handful of small reads instead of one each.
    static func queries(
        _ handle: OpaquePointer,
        _ statements: [(sql: String, binds: [KinerjaStore.Ikatan], row: @Sendable (OpaquePointer) throws -> Void)]
    ) async throws {
        let box = Handle(handle)
        try await NIOThreadPool.singleton.runIfActive {
            let handle = box.raw
            // The connection is serialized (SQLiteNIO opens it FULLMUTEX): every call below takes and leaves its
            // recursive mutex, which was a sixth of a load (perf). Held once for the whole statement, each of those
            // becomes a check of the owner. Nobody else waits for it: the lease keeps others off this connection.
            let mutex = sqlite_nio_sqlite3_db_mutex(handle)
            sqlite_nio_sqlite3_mutex_enter(mutex)
            defer { sqlite_nio_sqlite3_mutex_leave(mutex) }
            for (sql, binds, row) in statements { try step(handle, sql, binds, row) }
        }
    }

    /// One statement prepared, bound, stepped and finalized on the calling thread, the connection's mutex held.
    private static func step(
        _ handle: OpaquePointer, _ sql: String, _ binds: [KinerjaStore.Ikatan], _ row: (OpaquePointer) throws -> Void
    ) throws {
        var prepared: OpaquePointer?
        try check(sqlite_nio_sqlite3_prepare_v2(handle, sql, -1, &prepared, nil), handle, sql)
        guard let statement = prepared else { return }
        defer { sqlite_nio_sqlite3_finalize(statement) }
        for (n, bind) in binds.enumerated() {
            let index = Int32(n + 1)
            switch bind {
            case .uuid(let uuid):
                let text = KinerjaStore.uuidText(uuid)
                try check(
                    sqlite_nio_sqlite3_bind_text64(
                        statement, index, text, UInt64(text.utf8.count), transient, UInt8(SQLITE_UTF8)),
                    handle, sql)
            case .bilangan(let value):
                try check(sqlite_nio_sqlite3_bind_int64(statement, index, Int64(value)), handle, sql)
            }
        }
        while true {
            let result = sqlite_nio_sqlite3_step(statement)
            if result == SQLITE_DONE { return }
            guard result == SQLITE_ROW else {
                try check(result, handle, sql)
                return
            }
            try row(statement)
        }
    }

    /// Runs a statement that returns nothing worth reading (a PRAGMA).
    static func execute(_ handle: OpaquePointer, _ sql: String) async throws {
        try await query(handle, sql, []) { _ in }
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private static func check(_ result: Int32, _ handle: OpaquePointer, _ sql: String) throws {
        guard result != SQLITE_OK, result != SQLITE_ROW, result != SQLITE_DONE else { return }
        let message = sqlite_nio_sqlite3_errmsg(handle).map { String(cString: $0) } ?? "kode \(result)"
        throw DomainError.konflik("Basis data SQLite menolak pembacaan: \(message).")
    }

    /// The handle carried to the pool's thread (SQLite serializes calls on it; the lease keeps others away).
    private struct Handle: @unchecked Sendable {
        let raw: OpaquePointer
        init(_ raw: OpaquePointer) { self.raw = raw }
    }
}
