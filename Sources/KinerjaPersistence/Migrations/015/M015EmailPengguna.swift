import FluentKit
import FluentSQL
import SQLKit

/// A user's email address for notifications (empty: none).
struct M015EmailPengguna: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("pengguna").field("email", .string, .required, .sql(.default(""))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("pengguna").deleteField("email").update()
    }
}
