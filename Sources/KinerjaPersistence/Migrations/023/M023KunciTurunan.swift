import FluentKit
import FluentSQL
import SQLKit

/// On PostgreSQL, the bulk tables' `pemda_id` and `perangkat_daerah_id` stop being foreign keys: indicators, targets,
/// pagu and realisasi belong to their element or indicator (`elemen_id`, `indikator_id`, still foreign keys with
/// `ON DELETE CASCADE`), and those columns copy the owner's, so deleting a Pemda or a PD still deletes every such row
/// through its element. PostgreSQL checked each of those keys row by row in a trigger: 45 000 targets took 1,35 s
/// to insert with their three keys and 0,45 s with one (docs/DEVELOPMENT.md "Performance", session 12). SQLite
/// keeps them: it checks a key by one index lookup, and dropping one there means rebuilding the table.
/// `swift test --filter aDeletedPemdaOrPDLeavesNoRowOnEitherDatabase`.
struct M023KunciTurunan: AsyncMigration {
    static let tables = ["indikator", "target", "pagu", "realisasi_kinerja", "realisasi_anggaran"]

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        for table in Self.tables {
            try await sql.raw(
                """
                ALTER TABLE \(ident: table) DROP CONSTRAINT IF EXISTS \(ident: table + "_pemda_id_fkey"), \
                DROP CONSTRAINT IF EXISTS \(ident: table + "_perangkat_daerah_id_fkey")
                """
            ).run()
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        for table in Self.tables {
            try await sql.raw(
                """
                ALTER TABLE \(ident: table) \
                ADD CONSTRAINT \(ident: table + "_pemda_id_fkey") FOREIGN KEY (pemda_id) \
                REFERENCES pemda (id) ON DELETE CASCADE, \
                ADD CONSTRAINT \(ident: table + "_perangkat_daerah_id_fkey") FOREIGN KEY (perangkat_daerah_id) \
                REFERENCES perangkat_daerah (id) ON DELETE CASCADE
                """
            ).run()
        }
    }
}
