import FluentKit
import FluentSQL
import SQLKit

/// The narrative sections of a PD's LKjIP, one row per PD, year and section.
struct M018NaskahLKjIP: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("naskah_lkjip")
            .id()
            .pemdaColumn()
            .pdColumn(required: true)
            .field("tahun", .int, .required)
            .field("bagian", .string, .required)
            .field("teks", .string, .required)
            .unique(on: "perangkat_daerah_id", "tahun", "bagian")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("naskah_lkjip").delete()
    }
}
