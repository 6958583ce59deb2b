import FluentKit
import FluentSQL
import SQLKit

/// Data versions finer than the Pemda's (docs/ARCHITECTURE.md "Cache"): `versi_data.versi_umum` counts the writes of
/// what every page of the Pemda may show (its policy, PD list, organisation, periods, RPJMD, Pemda-level
/// indicators, reporting windows), `versi_data_pd` the writes of one PD's own data. `versi_data.versi` still counts
/// every write. No foreign keys, like `versi_data`: a counter outlives what it counts.
struct M020VersiDataPD: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("versi_data")
            .field("versi_umum", .int64, .required, .sql(.default(0)))
            .update()
        try await database.schema("versi_data_pd")
            .id()
            .field("pemda_id", .uuid, .required)
            .field("versi", .int64, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("versi_data_pd").delete()
        try await database.schema("versi_data").deleteField("versi_umum").update()
    }
}
