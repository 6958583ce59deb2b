import FluentKit
import FluentSQL
import SQLKit

/// The name of the Pemda's head (Bupati, Walikota, Gubernur), who signs the PK: a column of the Pemda's profile,
/// empty for the Pemda already stored.
struct M019KepalaDaerah: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("pemda_profil")
            .field("kepala_daerah", .string, .required, .sql(.default("")))
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("pemda_profil").deleteField("kepala_daerah").update()
    }
}
