import FluentKit
import FluentSQL
import SQLKit

struct M007CreateAkun: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("pengguna")
            .id()
            .pemdaColumn()
            .pdColumn()
            .field("nama_pengguna", .string, .required)
            .field("nama_lengkap", .string, .required)
            .field("peran", .string, .required)
            .field("sandi_hash", .string, .required)
            .field("aktif", .bool, .required)
            .field("dibuat", .datetime, .required)
            .unique(on: "nama_pengguna")
            .create()
        // The session token itself is never stored: only its SHA-256.
        try await database.schema("sesi")
            .id()
            .field("token_hash", .string, .required)
            .field("pengguna_id", .uuid, .required, .references("pengguna", "id", onDelete: .cascade))
            .field("csrf", .string, .required)
            .field("dibuat", .datetime, .required)
            .field("kedaluwarsa", .datetime, .required)
            .unique(on: "token_hash")
            .create()
        try await database.schema("percobaan_masuk")
            .id()
            .field("nama_pengguna", .string, .required)
            .field("alamat", .string, .required)
            .field("waktu", .datetime, .required)
            .field("berhasil", .bool, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX idx_percobaan_nama ON percobaan_masuk (nama_pengguna, waktu)").run()
        try await sql.raw("CREATE INDEX idx_percobaan_alamat ON percobaan_masuk (alamat, waktu)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("percobaan_masuk").delete()
        try await database.schema("sesi").delete()
        try await database.schema("pengguna").delete()
    }
}
