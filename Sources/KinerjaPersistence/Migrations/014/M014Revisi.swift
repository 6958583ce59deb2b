import FluentKit
import FluentSQL
import SQLKit

/// The basis of revised documents: reason, SK number and date, the SK file, per PD, document and year.
struct M014Revisi: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("revisi_dokumen")
            .id()
            .pemdaColumn()
            .pdColumn(required: true)
            .field("dokumen", .string, .required)
            .field("tahun", .int, .required)
            .field("alasan", .string, .required)
            .field("nomor_sk", .string, .required)
            .field("tanggal_sk", .datetime, .required)
            .field("lampiran_nama", .string)
            .field("lampiran_jenis", .string)
            .field("lampiran", .data)
            .field("oleh", .string, .required)
            .field("waktu", .datetime, .required)
            .unique(on: "perangkat_daerah_id", "dokumen", "tahun")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("revisi_dokumen").delete()
    }
}
