import FluentKit
import FluentSQL
import SQLKit

struct M009CreateVersiData: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // No foreign key: the counter outlives a deleted Pemda, so a Pemda recreated with the same id never meets
        // a cached page of its previous life.
        try await database.schema("versi_data")
            .id()
            .field("versi", .int64, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("versi_data").delete()
    }
}
