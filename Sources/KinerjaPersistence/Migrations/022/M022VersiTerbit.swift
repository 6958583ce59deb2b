import FluentKit
import FluentSQL
import SQLKit

/// The published data's versions (docs/ARCHITECTURE.md "Cache"): `versi_terbit` of the Pemda (`versi_data`) and of
/// each PD (`versi_data_pd`) moves with every write except one that changes only draft realisasi already stored
/// (`KinerjaStore.hanyaDraf`), which no published view shows. A page of published figures keyed by it stays cached
/// while operators save their drafts at the end of a quarter.
struct M022VersiTerbit: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("versi_data")
            .field("versi_terbit", .int64, .required, .sql(.default(0)))
            .update()
        try await database.schema("versi_data_pd")
            .field("versi_terbit", .int64, .required, .sql(.default(0)))
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("versi_data_pd").deleteField("versi_terbit").update()
        try await database.schema("versi_data").deleteField("versi_terbit").update()
    }
}
