import FluentKit
import FluentSQL
import SQLKit

struct M001CreatePemda: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("pemda")
            .id()
            .field("nama", .string, .required)
            .field("jenis", .string, .required)
            .field("ibukota", .string, .required)
            .field("jumlah_triwulan", .int, .required)
            .field("metode_turun", .string, .required)
            .field("batas_rasio", .string, .required)
            .field("batasi_rollup", .bool, .required)
            .unique(on: "nama")
            .create()
        try await database.schema("kategori_capaian")
            .id()
            .pemdaColumn()
            .field("batas_bawah", .string, .required)
            .field("label", .string, .required)
            .field("warna", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("kategori_capaian").delete()
        try await database.schema("pemda").delete()
    }
}
