import Fluent
import Foundation
import KinerjaDomain
import KinerjaPersistence
import Vapor

/// `kinerja backup FILE`: a consistent copy of the SQLite database while the server runs (for PostgreSQL, the
/// pg_dump recipe).
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "berkas", help: "Berkas cadangan yang dibuat (belum ada)")
        var berkas: String
    }

    var help: String { "Mencadangkan basis data SQLite selagi server berjalan (PostgreSQL: resep pg_dump)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await Cadangan.buat(context.application.db, ke: signature.berkas)
        let size = (try? FileManager.default.attributesOfItem(atPath: signature.berkas)[.size] as? Int) ?? 0
        context.console.print("Cadangan dibuat: \(signature.berkas) (\(size / 1024) kB).")
    }
}

/// `kinerja restore FILE --yes`: puts a backup back as the SQLite database of `DATABASE_URL` (stop the server
/// first); the database it replaces is kept as `<file>.sebelum-pulih`.
struct RestoreCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "berkas", help: "Berkas cadangan dari \"kinerja backup\"")
        var berkas: String
    }

    var help: String { "Memulihkan basis data SQLite dari cadangan (hentikan server dahulu)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard case .sqliteFile(let path) = try DatabaseConfig.parse(Environment.get("DATABASE_URL")) else {
            throw DomainError.tidakSah(field: "DATABASE_URL", pesan: Cadangan.resepPostgres)
        }
        // `--yes` (ConsoleKit's own: it answers every confirmation).
        guard context.console.confirmOverride == true else {
            context.console.print(
                "Basis data \(path) akan diganti oleh \(signature.berkas). Hentikan server dahulu, lalu ulangi dengan --yes."
            )
            return
        }
        // This process's own connection keeps the old file (renamed over, not written): the backup takes its place.
        try Cadangan.pulihkan(dari: signature.berkas, ke: path)
        context.console.print("Dipulihkan: \(path) dari \(signature.berkas); yang lama di \(path).sebelum-pulih.")
    }
}
