import FluentKit
import FluentSQL
import SQLKit

/// The murni value of a revised Renstra target: kept when a target of a Renstra that went through the workflow is
/// first replaced (the current value stays in `target`).
struct M016TargetMurni: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("target_murni")
            .id()
            .pemdaColumn()
            .pdColumn()
            .field("indikator_id", .uuid, .required, .references("indikator", "id", onDelete: .cascade))
            .field("dokumen", .string, .required)
            .field("tahun", .int, .required)
            .field("triwulan", .int, .required)
            .field("nilai", .string, .required)
            .field("teks", .string, .required)
            .field("waktu", .datetime, .required)
            .unique(on: "indikator_id", "dokumen", "tahun", "triwulan")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("target_murni").delete()
    }
}
