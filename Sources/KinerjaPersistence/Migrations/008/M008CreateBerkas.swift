import FluentKit
import FluentSQL
import SQLKit

struct M008CreateBerkas: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("bukti")
            .id()
            .pemdaColumn()
            .pdColumn(required: true)
            .field("indikator_id", .uuid, .required, .references("indikator", "id", onDelete: .cascade))
            .field("tahun", .int, .required)
            .field("triwulan", .int, .required)
            .field("nama_berkas", .string, .required)
            .field("jenis", .string, .required)
            .field("ukuran", .int, .required)
            .field("isi", .data, .required)
            .field("diunggah_oleh", .string, .required)
            .field("waktu", .datetime, .required)
            .create()
        try await unggahan(database).create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX idx_bukti_pd ON bukti (pemda_id, perangkat_daerah_id, tahun, triwulan)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("unggahan").delete()
        try await database.schema("bukti").delete()
    }
}
