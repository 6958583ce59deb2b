import FluentKit
import FluentSQL
import SQLKit

/// The approval workflow and the audit trail: the status of each PD's document and realisasi triwulan (a missing row
/// is a draf), the reporting windows and their reopenings per PD, and the history of every write (never deleted by
/// the application).
struct M013Alur: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("status_alur")
            .id()
            .pemdaColumn()
            .pdColumn(required: true)
            .field("jenis", .string, .required)
            .field("tahun", .int, .required)
            .field("triwulan", .int, .required)
            .field("status", .string, .required)
            .field("catatan", .string, .required)
            .field("oleh", .string, .required)
            .field("waktu", .datetime, .required)
            .field("versi", .int, .required)
            .unique(on: "perangkat_daerah_id", "jenis", "tahun", "triwulan")
            .create()
        try await database.schema("jadwal_pelaporan")
            .id()
            .pemdaColumn()
            .field("tahun", .int, .required)
            .field("triwulan", .int, .required)
            .field("buka", .datetime, .required)
            .field("tutup", .datetime, .required)
            .unique(on: "pemda_id", "tahun", "triwulan")
            .create()
        try await database.schema("pembukaan_khusus")
            .id()
            .pemdaColumn()
            .pdColumn(required: true)
            .field("tahun", .int, .required)
            .field("triwulan", .int, .required)
            .field("sampai", .datetime, .required)
            .field("alasan", .string, .required)
            .field("oleh", .string, .required)
            .field("waktu", .datetime, .required)
            .create()
        // No foreign key to the PD or the entry: history outlives what it describes.
        try await database.schema("riwayat")
            .id()
            .field("pemda_id", .uuid, .required)
            .field("perangkat_daerah_id", .uuid)
            .field("waktu", .datetime, .required)
            .field("oleh", .string, .required)
            .field("sumber", .string, .required)
            .field("entitas", .string, .required)
            .field("kunci", .uuid)
            .field("uraian", .string, .required)
            .field("periode", .string, .required)
            .field("lama", .string, .required)
            .field("baru", .string, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "riwayat_pd_waktu").on("riwayat").column("pemda_id").column("perangkat_daerah_id")
            .column("waktu").run()
        try await sql.create(index: "riwayat_kunci").on("riwayat").column("kunci").run()
    }

    func revert(on database: any Database) async throws {
        for table in ["riwayat", "pembukaan_khusus", "jadwal_pelaporan", "status_alur"] {
            try await database.schema(table).delete()
        }
    }
}
