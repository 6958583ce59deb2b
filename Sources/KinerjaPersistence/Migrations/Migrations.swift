import FluentKit
import FluentSQL
import SQLKit

/// The schema's changelog: every migration, in order. Written once for SQLite and PostgreSQL (no database enums,
/// no column changes, money as integer sen).
public enum KinerjaMigrations {
    public static let all: [any Migration] = [
        M001CreatePemda(),  // pemda and its capaian bands
        M002CreateOrganisasi(),  // periode, perangkat daerah, unit kerja, pejabat
        M003CreateRencana(),  // the plan tree and its indicators
        M004CreateTargetPagu(),  // targets per year/triwulan and pagu per year, per document
        M005CreateRealisasi(),  // realisasi kinerja, keuangan and fisik
        M006CreateIndexes(),  // lookup indexes by Pemda and PD
        M007CreateAkun(),  // users, sessions (any instance serves any user), login attempts for throttling
        M008CreateBerkas(),  // evidence files of realisasi, uploaded workbooks awaiting apply
        M009CreateVersiData(),  // a counter per Pemda, raised by every write: the key of the derived-page cache
        M010UnggahanDenganRencana(),  // an upload keeps its import plan (jenis, dokumen, computed preview, version)
        M011Penyiapan(),  // the Pemda's address and logo for the kop; one-time setup codes of a new installation
        M012HasilKeterangan(),  // outcome/output statements of elements, keterangan (catatan penting) of pagu
    ]
}

extension SchemaBuilder {
    fileprivate func pemdaColumn() -> Self {
        field("pemda_id", .uuid, .required, .references("pemda", "id", onDelete: .cascade))
    }

    fileprivate func pdColumn(required: Bool = false) -> Self {
        required
            ? field("perangkat_daerah_id", .uuid, .required, .references("perangkat_daerah", "id", onDelete: .cascade))
            : field("perangkat_daerah_id", .uuid, .references("perangkat_daerah", "id", onDelete: .cascade))
    }
}

/// The columns of `unggahan` as M008 created them (M010 adds the import plan).
private func unggahan(_ database: any Database) -> SchemaBuilder {
    database.schema("unggahan")
        .id()
        .pemdaColumn()
        .pdColumn(required: true)
        .field("nama_berkas", .string, .required)
        .field("isi", .data, .required)
        .field("pengguna_id", .uuid, .required, .references("pengguna", "id", onDelete: .cascade))
        .field("waktu", .datetime, .required)
}

struct M001CreatePemda: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("pemda")
            .id()
            .field("nama", .string, .required)
            .field("jenis", .string, .required)
            .field("ibukota", .string, .required)
            .field("jumlah_triwulan", .int, .required)
            .field("metode_turun", .string, .required)
            .field("batas_rasio", .string, .required)
            .field("batasi_rollup", .bool, .required)
            .unique(on: "nama")
            .create()
        try await database.schema("kategori_capaian")
            .id()
            .pemdaColumn()
            .field("batas_bawah", .string, .required)
            .field("label", .string, .required)
            .field("warna", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("kategori_capaian").delete()
        try await database.schema("pemda").delete()
    }
}

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

struct M003CreateRencana: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("elemen_rencana")
            .id()
            .pemdaColumn()
            .pdColumn()
            .field("induk_id", .uuid, .references("elemen_rencana", "id", onDelete: .cascade))
            .field("tingkat", .string, .required)
            .field("kode", .string)
            .field("kode_asli", .string)
            .field("nomor", .string, .required)
            .field("uraian", .string, .required)
            .field("selaras_id", .uuid, .references("elemen_rencana", "id", onDelete: .setNull))
            .field("penanggung_jawab", .string, .required)
            .field("unit_kerja_id", .uuid, .references("unit_kerja", "id", onDelete: .setNull))
            .field("urutan", .int, .required)
            .create()
        try await database.schema("indikator")
            .id()
            .pemdaColumn()
            .pdColumn()
            .field("elemen_id", .uuid, .required, .references("elemen_rencana", "id", onDelete: .cascade))
            .field("nama", .string, .required)
            .field("satuan", .string, .required)
            .field("jenis", .string, .required)
            .field("polaritas", .string, .required)
            .field("jenis_nilai", .string, .required)
            .field("agregasi", .string, .required)
            .field("metode_turun", .string)
            .field("skala", .string)
            .field("makna", .string, .required)
            .field("alasan", .string, .required)
            .field("rumus", .string, .required)
            .field("sumber_data", .string, .required)
            .field("penanggung_jawab", .string, .required)
            .field("iku", .bool, .required)
            .field("baseline_tahun", .int)
            .field("baseline_nilai", .string)
            .field("baseline_teks", .string)
            .field("bobot", .string, .required)
            .field("urutan", .int, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("indikator").delete()
        try await database.schema("elemen_rencana").delete()
    }
}

struct M004CreateTargetPagu: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("target")
            .id()
            .pemdaColumn()
            .pdColumn()
            .field("indikator_id", .uuid, .required, .references("indikator", "id", onDelete: .cascade))
            .field("dokumen", .string, .required)
            .field("tahun", .int, .required)
            .field("triwulan", .int, .required)
            .field("nilai", .string, .required)
            .field("teks", .string, .required)
            .field("versi", .int, .required)
            .unique(on: "indikator_id", "dokumen", "tahun", "triwulan")
            .create()
        try await database.schema("pagu")
            .id()
            .pemdaColumn()
            .pdColumn()
            .field("elemen_id", .uuid, .required, .references("elemen_rencana", "id", onDelete: .cascade))
            .field("dokumen", .string, .required)
            .field("tahun", .int, .required)
            .field("jumlah_sen", .int64, .required)
            .field("sumber_dana", .string, .required)
            .field("lokasi", .string, .required)
            .field("versi", .int, .required)
            .unique(on: "elemen_id", "dokumen", "tahun")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("pagu").delete()
        try await database.schema("target").delete()
    }
}

struct M005CreateRealisasi: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("realisasi_kinerja")
            .id()
            .pemdaColumn()
            .pdColumn()
            .field("indikator_id", .uuid, .required, .references("indikator", "id", onDelete: .cascade))
            .field("tahun", .int, .required)
            .field("triwulan", .int, .required)
            .field("nilai", .string, .required)
            .field("teks", .string, .required)
            .field("versi", .int, .required)
            .unique(on: "indikator_id", "tahun", "triwulan")
            .create()
        try await database.schema("realisasi_anggaran")
            .id()
            .pemdaColumn()
            .pdColumn()
            .field("elemen_id", .uuid, .required, .references("elemen_rencana", "id", onDelete: .cascade))
            .field("tahun", .int, .required)
            .field("triwulan", .int, .required)
            .field("keuangan_sen", .int64)
            .field("fisik", .string)
            .field("versi", .int, .required)
            .unique(on: "elemen_id", "tahun", "triwulan")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("realisasi_anggaran").delete()
        try await database.schema("realisasi_kinerja").delete()
    }
}

struct M006CreateIndexes: AsyncMigration {
    static let indexes: [(name: String, table: String, columns: String)] = [
        ("idx_pd_pemda", "perangkat_daerah", "pemda_id"),
        ("idx_unit_pd", "unit_kerja", "pemda_id, perangkat_daerah_id"),
        ("idx_pejabat_pd", "pejabat", "pemda_id, perangkat_daerah_id"),
        ("idx_elemen_pd", "elemen_rencana", "pemda_id, perangkat_daerah_id"),
        ("idx_elemen_induk", "elemen_rencana", "induk_id"),
        ("idx_indikator_pd", "indikator", "pemda_id, perangkat_daerah_id"),
        ("idx_indikator_elemen", "indikator", "elemen_id"),
        ("idx_target_pd", "target", "pemda_id, perangkat_daerah_id"),
        ("idx_pagu_pd", "pagu", "pemda_id, perangkat_daerah_id"),
        ("idx_realisasi_pd", "realisasi_kinerja", "pemda_id, perangkat_daerah_id"),
        ("idx_anggaran_pd", "realisasi_anggaran", "pemda_id, perangkat_daerah_id"),
    ]

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in Self.indexes {
            try await sql.raw(
                "CREATE INDEX \(ident: index.name) ON \(ident: index.table) (\(unsafeRaw: index.columns))"
            ).run()
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in Self.indexes {
            try await sql.raw("DROP INDEX \(ident: index.name)").run()
        }
    }
}

struct M007CreateAkun: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("pengguna")
            .id()
            .pemdaColumn()
            .pdColumn()
            .field("nama_pengguna", .string, .required)
            .field("nama_lengkap", .string, .required)
            .field("peran", .string, .required)
            .field("sandi_hash", .string, .required)
            .field("aktif", .bool, .required)
            .field("dibuat", .datetime, .required)
            .unique(on: "nama_pengguna")
            .create()
        // The session token itself is never stored: only its SHA-256.
        try await database.schema("sesi")
            .id()
            .field("token_hash", .string, .required)
            .field("pengguna_id", .uuid, .required, .references("pengguna", "id", onDelete: .cascade))
            .field("csrf", .string, .required)
            .field("dibuat", .datetime, .required)
            .field("kedaluwarsa", .datetime, .required)
            .unique(on: "token_hash")
            .create()
        try await database.schema("percobaan_masuk")
            .id()
            .field("nama_pengguna", .string, .required)
            .field("alamat", .string, .required)
            .field("waktu", .datetime, .required)
            .field("berhasil", .bool, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX idx_percobaan_nama ON percobaan_masuk (nama_pengguna, waktu)").run()
        try await sql.raw("CREATE INDEX idx_percobaan_alamat ON percobaan_masuk (alamat, waktu)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("percobaan_masuk").delete()
        try await database.schema("sesi").delete()
        try await database.schema("pengguna").delete()
    }
}

struct M008CreateBerkas: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("bukti")
            .id()
            .pemdaColumn()
            .pdColumn(required: true)
            .field("indikator_id", .uuid, .required, .references("indikator", "id", onDelete: .cascade))
            .field("tahun", .int, .required)
            .field("triwulan", .int, .required)
            .field("nama_berkas", .string, .required)
            .field("jenis", .string, .required)
            .field("ukuran", .int, .required)
            .field("isi", .data, .required)
            .field("diunggah_oleh", .string, .required)
            .field("waktu", .datetime, .required)
            .create()
        try await unggahan(database).create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX idx_bukti_pd ON bukti (pemda_id, perangkat_daerah_id, tahun, triwulan)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("unggahan").delete()
        try await database.schema("bukti").delete()
    }
}

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

/// The first day of an installation (and of its documents): the Pemda's address and logo (printed in the kop of documents) beside the
/// Pemda row (which every request reads, so the logo's bytes stay out of it), and the one-time setup codes the
/// server prints while no Pemda exists (only their SHA-256 is stored).
struct M011Penyiapan: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("pemda_profil")
            .field("id", .uuid, .identifier(auto: false), .references("pemda", "id", onDelete: .cascade))
            .field("alamat", .string, .required)
            .field("logo", .data)
            .field("logo_jenis", .string)
            .create()
        try await database.schema("kode_penyiapan")
            .id()
            .field("kode_hash", .string, .required)
            .field("dibuat", .datetime, .required)
            .create()
        // The names of urusan and bidang urusan (`1.02` URUSAN PEMERINTAHAN BIDANG KESEHATAN) as documents print them.
        try await database.schema("urusan")
            .id()
            .pemdaColumn()
            .field("kode", .string, .required)
            .field("nama", .string, .required)
            .unique(on: "pemda_id", "kode")
            .create()
        // Column mappings the Pemda confirmed for sheets Kinerja did not recognise, by header signature.
        try await database.schema("peta_kolom")
            .id()
            .pemdaColumn()
            .field("tanda", .string, .required)
            .field("isi", .data, .required)
            .field("dibuat", .datetime, .required)
            .unique(on: "pemda_id", "tanda")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("peta_kolom").delete()
        try await database.schema("urusan").delete()
        try await database.schema("kode_penyiapan").delete()
        try await database.schema("pemda_profil").delete()
    }
}

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
