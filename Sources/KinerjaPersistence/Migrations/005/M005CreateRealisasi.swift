import FluentKit
import FluentSQL
import SQLKit

struct M005CreateRealisasi: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("realisasi_kinerja")
            .id()
            .pemdaColumn()
            .pdColumn()
            .field("indikator_id", .uuid, .required, .references("indikator", "id", onDelete: .cascade))
            .field("tahun", .int, .required)
            .field("triwulan", .int, .required)
            .field("nilai", .string, .required)
            .field("teks", .string, .required)
            .field("versi", .int, .required)
            .unique(on: "indikator_id", "tahun", "triwulan")
            .create()
        try await database.schema("realisasi_anggaran")
            .id()
            .pemdaColumn()
            .pdColumn()
            .field("elemen_id", .uuid, .required, .references("elemen_rencana", "id", onDelete: .cascade))
            .field("tahun", .int, .required)
            .field("triwulan", .int, .required)
            .field("keuangan_sen", .int64)
            .field("fisik", .string)
            .field("versi", .int, .required)
            .unique(on: "elemen_id", "tahun", "triwulan")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("realisasi_anggaran").delete()
        try await database.schema("realisasi_kinerja").delete()
    }
}
