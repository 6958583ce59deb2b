import FluentKit
import FluentSQL
import SQLKit

struct M004CreateTargetPagu: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("target")
            .id()
            .pemdaColumn()
            .pdColumn()
            .field("indikator_id", .uuid, .required, .references("indikator", "id", onDelete: .cascade))
            .field("dokumen", .string, .required)
            .field("tahun", .int, .required)
            .field("triwulan", .int, .required)
            .field("nilai", .string, .required)
            .field("teks", .string, .required)
            .field("versi", .int, .required)
            .unique(on: "indikator_id", "dokumen", "tahun", "triwulan")
            .create()
        try await database.schema("pagu")
            .id()
            .pemdaColumn()
            .pdColumn()
            .field("elemen_id", .uuid, .required, .references("elemen_rencana", "id", onDelete: .cascade))
            .field("dokumen", .string, .required)
            .field("tahun", .int, .required)
            .field("jumlah_sen", .int64, .required)
            .field("sumber_dana", .string, .required)
            .field("lokasi", .string, .required)
            .field("versi", .int, .required)
            .unique(on: "elemen_id", "dokumen", "tahun")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("pagu").delete()
        try await database.schema("target").delete()
    }
}
