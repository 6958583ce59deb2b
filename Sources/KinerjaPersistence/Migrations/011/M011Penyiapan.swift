import FluentKit
import FluentSQL
import SQLKit

/// The first day of an installation (and of its documents): the Pemda's address and logo (printed in the kop of documents) beside the
/// Pemda row (which every request reads, so the logo's bytes stay out of it), and the one-time setup codes the
/// server prints while no Pemda exists (only their SHA-256 is stored).
struct M011Penyiapan: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("pemda_profil")
            .field("id", .uuid, .identifier(auto: false), .references("pemda", "id", onDelete: .cascade))
            .field("alamat", .string, .required)
            .field("logo", .data)
            .field("logo_jenis", .string)
            .create()
        try await database.schema("kode_penyiapan")
            .id()
            .field("kode_hash", .string, .required)
            .field("dibuat", .datetime, .required)
            .create()
        // The names of urusan and bidang urusan (`1.02` URUSAN PEMERINTAHAN BIDANG KESEHATAN) as documents print them.
        try await database.schema("urusan")
            .id()
            .pemdaColumn()
            .field("kode", .string, .required)
            .field("nama", .string, .required)
            .unique(on: "pemda_id", "kode")
            .create()
        // Column mappings the Pemda confirmed for sheets Kinerja did not recognise, by header signature.
        try await database.schema("peta_kolom")
            .id()
            .pemdaColumn()
            .field("tanda", .string, .required)
            .field("isi", .data, .required)
            .field("dibuat", .datetime, .required)
            .unique(on: "pemda_id", "tanda")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("peta_kolom").delete()
        try await database.schema("urusan").delete()
        try await database.schema("kode_penyiapan").delete()
        try await database.schema("pemda_profil").delete()
    }
}
