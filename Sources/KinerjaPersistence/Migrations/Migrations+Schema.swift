import FluentKit
import FluentSQL
import SQLKit

extension SchemaBuilder {
    func pemdaColumn() -> Self {
        field("pemda_id", .uuid, .required, .references("pemda", "id", onDelete: .cascade))
    }

    func pdColumn(required: Bool = false) -> Self {
        required
            ? field("perangkat_daerah_id", .uuid, .required, .references("perangkat_daerah", "id", onDelete: .cascade))
            : field("perangkat_daerah_id", .uuid, .references("perangkat_daerah", "id", onDelete: .cascade))
    }
}

/// The columns of `unggahan` as M008 created them (M010 adds the import plan).
func unggahan(_ database: any Database) -> SchemaBuilder {
    database.schema("unggahan")
        .id()
        .pemdaColumn()
        .pdColumn(required: true)
        .field("nama_berkas", .string, .required)
        .field("isi", .data, .required)
        .field("pengguna_id", .uuid, .required, .references("pengguna", "id", onDelete: .cascade))
        .field("waktu", .datetime, .required)
}
