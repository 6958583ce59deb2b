import FluentKit
import FluentSQL
import SQLKit

struct M003CreateRencana: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("elemen_rencana")
            .id()
            .pemdaColumn()
            .pdColumn()
            .field("induk_id", .uuid, .references("elemen_rencana", "id", onDelete: .cascade))
            .field("tingkat", .string, .required)
            .field("kode", .string)
            .field("kode_asli", .string)
            .field("nomor", .string, .required)
            .field("uraian", .string, .required)
            .field("selaras_id", .uuid, .references("elemen_rencana", "id", onDelete: .setNull))
            .field("penanggung_jawab", .string, .required)
            .field("unit_kerja_id", .uuid, .references("unit_kerja", "id", onDelete: .setNull))
            .field("urutan", .int, .required)
            .create()
        try await database.schema("indikator")
            .id()
            .pemdaColumn()
            .pdColumn()
            .field("elemen_id", .uuid, .required, .references("elemen_rencana", "id", onDelete: .cascade))
            .field("nama", .string, .required)
            .field("satuan", .string, .required)
            .field("jenis", .string, .required)
            .field("polaritas", .string, .required)
            .field("jenis_nilai", .string, .required)
            .field("agregasi", .string, .required)
            .field("metode_turun", .string)
            .field("skala", .string)
            .field("makna", .string, .required)
            .field("alasan", .string, .required)
            .field("rumus", .string, .required)
            .field("sumber_data", .string, .required)
            .field("penanggung_jawab", .string, .required)
            .field("iku", .bool, .required)
            .field("baseline_tahun", .int)
            .field("baseline_nilai", .string)
            .field("baseline_teks", .string)
            .field("bobot", .string, .required)
            .field("urutan", .int, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("indikator").delete()
        try await database.schema("elemen_rencana").delete()
    }
}
