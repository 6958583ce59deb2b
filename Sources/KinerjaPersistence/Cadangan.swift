import FluentKit
import Foundation
import KinerjaDomain
import SQLKit

/// Backups of the embedded database: a consistent copy taken while the server runs, and putting one back.
/// PostgreSQL has its own tools (`pg_dump`, `pg_restore`): `resepPostgres` says how.
public enum Cadangan {
    /// A consistent copy of the SQLite database in `file` (`VACUUM INTO`: readers and the writer go on meanwhile;
    /// the copy is compact). Refuses to overwrite a file.
    public static func buat(_ db: any Database, ke file: String) async throws {
        guard !FileManager.default.fileExists(atPath: file) else {
            throw DomainError.tidakSah(field: "berkas", pesan: "Berkas \(file) sudah ada; pilih nama lain.")
        }
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "sqlite" else {
            throw DomainError.tidakSah(field: "DATABASE_URL", pesan: resepPostgres)
        }
        try await sql.raw("VACUUM INTO \(bind: file)").run()
    }

    /// Puts a backup back as the SQLite database at `target` (the server stopped): checks that it is a SQLite file,
    /// then replaces the database in one rename, with its WAL files removed. The database it replaces is kept
    /// beside it as `<target>.sebelum-pulih`.
    public static func pulihkan(dari backup: String, ke target: String) throws {
        let manager = FileManager.default
        guard let handle = FileHandle(forReadingAtPath: backup) else {
            throw DomainError.tidakSah(field: "berkas", pesan: "Berkas cadangan \(backup) tidak ada.")
        }
        let header = handle.readData(ofLength: 16)
        try? handle.close()
        guard header == Data("SQLite format 3\u{0}".utf8) else {
            throw DomainError.tidakSah(field: "berkas", pesan: "\(backup) bukan cadangan SQLite Kinerja.")
        }
        let staging = target + ".pulih"
        try? manager.removeItem(atPath: staging)
        try manager.copyItem(atPath: backup, toPath: staging)
        if manager.fileExists(atPath: target) {
            let previous = target + ".sebelum-pulih"
            try? manager.removeItem(atPath: previous)
            try manager.copyItem(atPath: target, toPath: previous)
        }
        guard rename(staging, target) == 0 else {
            throw DomainError.tidakSah(field: "berkas", pesan: "Tidak dapat mengganti \(target) (errno \(errno)).")
        }
        for suffix in ["-wal", "-shm"] { try? manager.removeItem(atPath: target + suffix) }
    }

    public static let resepPostgres = """
        Basis data PostgreSQL dicadangkan dengan alatnya sendiri:
          pg_dump --format=custom --file kinerja.dump "$DATABASE_URL"
        dan dipulihkan (server Kinerja dihentikan dahulu):
          pg_restore --clean --if-exists --no-owner --dbname "$DATABASE_URL" kinerja.dump
        """
}
