import FluentKit
import FluentSQL
import SQLKit

/// The texts of a PD's quarterly evaluation: faktor pendorong, penghambat, tindak lanjut.
struct M017EvaluasiNaratif: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("evaluasi_naratif")
            .id()
            .pemdaColumn()
            .pdColumn(required: true)
            .field("tahun", .int, .required)
            .field("triwulan", .int, .required)
            .field("pendorong", .string, .required)
            .field("penghambat", .string, .required)
            .field("tindak_lanjut_triwulan", .string, .required)
            .field("tindak_lanjut_renja", .string, .required)
            .unique(on: "perangkat_daerah_id", "tahun", "triwulan")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("evaluasi_naratif").delete()
    }
}
