import FluentKit
import FluentSQL
import SQLKit

struct M012HasilKeterangan: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("elemen_rencana").field("hasil", .string, .required, .sql(.default(""))).update()
        try await database.schema("pagu").field("keterangan", .string, .required, .sql(.default(""))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("pagu").deleteField("keterangan").update()
        try await database.schema("elemen_rencana").deleteField("hasil").update()
    }
}
