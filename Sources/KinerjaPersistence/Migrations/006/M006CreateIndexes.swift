import FluentKit
import FluentSQL
import SQLKit

struct M006CreateIndexes: AsyncMigration {
    static let indexes: [(name: String, table: String, columns: String)] = [
        ("idx_pd_pemda", "perangkat_daerah", "pemda_id"),
        ("idx_unit_pd", "unit_kerja", "pemda_id, perangkat_daerah_id"),
        ("idx_pejabat_pd", "pejabat", "pemda_id, perangkat_daerah_id"),
        ("idx_elemen_pd", "elemen_rencana", "pemda_id, perangkat_daerah_id"),
        ("idx_elemen_induk", "elemen_rencana", "induk_id"),
        ("idx_indikator_pd", "indikator", "pemda_id, perangkat_daerah_id"),
        ("idx_indikator_elemen", "indikator", "elemen_id"),
        ("idx_target_pd", "target", "pemda_id, perangkat_daerah_id"),
        ("idx_pagu_pd", "pagu", "pemda_id, perangkat_daerah_id"),
        ("idx_realisasi_pd", "realisasi_kinerja", "pemda_id, perangkat_daerah_id"),
        ("idx_anggaran_pd", "realisasi_anggaran", "pemda_id, perangkat_daerah_id"),
    ]

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in Self.indexes {
            try await sql.raw(
                "CREATE INDEX \(ident: index.name) ON \(ident: index.table) (\(unsafeRaw: index.columns))"
            ).run()
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in Self.indexes {
            try await sql.raw("DROP INDEX \(ident: index.name)").run()
        }
    }
}
