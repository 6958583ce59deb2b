import FluentKit
import FluentSQL
import SQLKit

/// The years a Pemda has data for (`KinerjaStore.tahunData`) by index seeks: (pemda_id, tahun) on the three tables
/// that decide them, read with one seek per year (a loose index scan) instead of visiting every row (70 ms on the
/// synthetic kabupaten, on every first page after a write). The PD indexes of those tables take `tahun` as their
/// third column at the same time: SQLite has no statistics, and with the new index beside the old (pemda_id,
/// perangkat_daerah_id) it chose (pemda_id, tahun) for a PD's year and read every PD's rows of it.
struct M021IndeksTahun: AsyncMigration {
    static let tables = [
        ("target", "idx_target_pd", "idx_target_tahun"), ("pagu", "idx_pagu_pd", "idx_pagu_tahun"),
        ("realisasi_kinerja", "idx_realisasi_pd", "idx_realisasi_tahun"),
    ]

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for (table, pd, tahun) in Self.tables {
            try await sql.raw("DROP INDEX \(ident: pd)").run()
            try await sql.raw("CREATE INDEX \(ident: pd) ON \(ident: table) (pemda_id, perangkat_daerah_id, tahun)")
                .run()
            try await sql.raw("CREATE INDEX \(ident: tahun) ON \(ident: table) (pemda_id, tahun)").run()
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for (table, pd, tahun) in Self.tables {
            try await sql.raw("DROP INDEX \(ident: tahun)").run()
            try await sql.raw("DROP INDEX \(ident: pd)").run()
            try await sql.raw("CREATE INDEX \(ident: pd) ON \(ident: table) (pemda_id, perangkat_daerah_id)").run()
        }
    }
}
