import FluentKit
import Foundation
import KinerjaDomain
import SQLKit

/// Every write to a Pemda's data raises the Pemda's counter in the same transaction, so that anything derived from
/// the data (a computed table, a rendered page) can be cached by any instance under the key (Pemda, counter) and is
/// never served after a change, whichever instance made it.
extension KinerjaStore {
    /// The Pemda's data version: 0 before its first write.
    public func versiData(pemda: TypedID<Pemda>) async throws -> Int64 {
        try await Self.versiData(pemda: pemda, on: db, kunci: false)
    }

    /// The version as seen inside a transaction; `kunci` locks the row on PostgreSQL (`FOR UPDATE`) so that no
    /// other writer of the Pemda commits between this check and the end of the transaction (on SQLite the single
    /// writer already guarantees it).
    static func versiData(pemda: TypedID<Pemda>, on db: any Database, kunci: Bool) async throws -> Int64 {
        guard let sql = db as? any SQLDatabase else { return 0 }
        let lock = kunci && sql.dialect.name == "postgresql"
        let row = try await sql.raw(
            "SELECT versi FROM versi_data WHERE id = \(bind: pemda.uuid)\(unsafeRaw: lock ? " FOR UPDATE" : "")"
        ).first()
        return try row?.decode(column: "versi", as: Int64.self) ?? 0
    }

    /// Runs `body` in a transaction that also raises the Pemda's data version, as the single writer on SQLite and
    /// retried when the database reports a transient conflict (`SingleWriter`).
    /// `besar`: a bulk write (tens of thousands of rows). On SQLite its connection gets, for the transaction, a
    /// 128 MB page cache, so that SQLite does not spill pages to the WAL and read them back mid-way (2 MB by default;
    /// the spill was a tenth of `kinerja generate`), and statement journals in memory (each multi-row INSERT wrote
    /// one to a temporary file); set before the transaction begins (SQLite ignores `temp_store` inside one), and
    /// back to the defaults after it.
    func write<T: Sendable>(
        pemda: TypedID<Pemda>, besar: Bool = false, _ body: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        @Sendable func transaction(_ db: any Database) async throws -> T {
            try await db.transaction { db in
                // First: on PostgreSQL the version row's lock is held from here to the commit, so the writers of one
                // Pemda follow one another and each reads what the one before committed (a status checked here
                // cannot change before this write commits).
                try await KinerjaStore.raiseVersion(pemda: pemda, on: db)
                return try await body(db)
            }
        }
        return try await SingleWriter.jalankan(db) { db in
            guard besar, let pooled = db as? any SQLDatabase, pooled.dialect.name == "sqlite" else {
                return try await transaction(db)
            }
            return try await db.withConnection { connection in
                let sql = connection as! any SQLDatabase
                try await sql.raw("PRAGMA cache_size = -131072").run()
                try await sql.raw("PRAGMA temp_store = MEMORY").run()
                let result: Result<T, any Error>
                do { result = .success(try await transaction(connection)) } catch { result = .failure(error) }
                try? await sql.raw("PRAGMA cache_size = -2000").run()
                try? await sql.raw("PRAGMA temp_store = DEFAULT").run()
                return try result.get()
            }
        }
    }

    /// A write that changes no Pemda data (sessions, login attempts, uploads awaiting apply): one transaction,
    /// through the same single writer and retry.
    func writeUnversioned<T: Sendable>(
        _ body: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        try await SingleWriter.jalankan(db) { db in try await db.transaction { db in try await body(db) } }
    }

    /// `INSERT … ON CONFLICT DO UPDATE`: the same statement on SQLite (3.24+) and PostgreSQL, atomic under
    /// concurrent writers.
    static func raiseVersion(pemda: TypedID<Pemda>, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw(
            """
            INSERT INTO versi_data (id, versi) VALUES (\(bind: pemda.uuid), 1)
            ON CONFLICT (id) DO UPDATE SET versi = versi_data.versi + 1
            """
        ).run()
    }
}

/// The apply of a preview found the Pemda's data changed since the preview was computed: nothing was written.
public struct DataBerubah: Error, Sendable {
    public var sejak: Int64
    public var kini: Int64
}
