import FluentKit
import FluentSQL
import SQLKit

/// An upload waiting between preview and apply keeps what the preview showed: the import's jenis and dokumen, the
/// computed preview (so a reload does not redo it and the apply writes exactly what was shown) and the Pemda's data
/// version it was computed against (the apply refuses when the data moved on). Uploads live a day at most, so the
/// table is recreated rather than altered (the schema never changes columns in place); uploads pending at the
/// upgrade are dropped.
struct M010UnggahanDenganRencana: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("unggahan").delete()
        try await unggahan(database)
            .field("jenis", .string, .required)
            .field("dokumen", .string, .required)
            .field("versi_data", .int64, .required)
            .field("pratinjau", .data, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("unggahan").delete()
        try await unggahan(database).create()
    }
}
