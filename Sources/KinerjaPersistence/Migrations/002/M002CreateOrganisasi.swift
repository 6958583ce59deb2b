import FluentKit
import FluentSQL
import SQLKit

struct M002CreateOrganisasi: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("perangkat_daerah")
            .id()
            .pemdaColumn()
            .field("kode", .string, .required)
            .field("nama", .string, .required)
            .field("singkatan", .string, .required)
            .unique(on: "pemda_id", "kode")
            .create()
        try await database.schema("periode")
            .id()
            .pemdaColumn()
            .pdColumn()
            .field("jenis", .string, .required)
            .field("tahun_awal", .int, .required)
            .field("tahun_akhir", .int, .required)
            .field("nama", .string, .required)
            .create()
        try await database.schema("unit_kerja")
            .id()
            .pemdaColumn()
            .pdColumn(required: true)
            .field("induk_id", .uuid, .references("unit_kerja", "id", onDelete: .cascade))
            .field("nama", .string, .required)
            .field("jabatan", .string, .required)
            .field("eselon", .string, .required)
            .create()
        try await database.schema("pejabat")
            .id()
            .pemdaColumn()
            .pdColumn(required: true)
            .field("unit_kerja_id", .uuid, .required, .references("unit_kerja", "id", onDelete: .cascade))
            .field("nama", .string, .required)
            .field("nip", .string, .required)
            .field("pangkat", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        for table in ["pejabat", "unit_kerja", "periode", "perangkat_daerah"] {
            try await database.schema(table).delete()
        }
    }
}
