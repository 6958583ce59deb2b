import FluentKit
import Foundation

// Fluent models, one per table. Every row carries its Pemda (`pemda_id`); rows below a perangkat daerah also carry
// it (`perangkat_daerah_id`) so that a PD's data loads with one indexed query per table. Enums are stored as
// strings, money as integer sen, indicator values as `Nilai.kodeSimpan` text: the subset SQLite and PostgreSQL
// share.

public final class PemdaModel: Model, @unchecked Sendable {
    public static let schema = "pemda"
    @ID(key: .id) public var id: UUID?
    @Field(key: "nama") public var nama: String
    @Field(key: "jenis") public var jenis: String
    @Field(key: "ibukota") public var ibukota: String
    @Field(key: "jumlah_triwulan") public var jumlahTriwulan: Int
    @Field(key: "metode_turun") public var metodeTurun: String
    @Field(key: "batas_rasio") public var batasRasio: String
    @Field(key: "batasi_rollup") public var batasiRollUp: Bool
    public init() {}
}

public final class KategoriModel: Model, @unchecked Sendable {
    public static let schema = "kategori_capaian"
    @ID(key: .id) public var id: UUID?
    @Field(key: "pemda_id") public var pemdaID: UUID
    @Field(key: "batas_bawah") public var batasBawah: String
    @Field(key: "label") public var label: String
    @Field(key: "warna") public var warna: String
    public init() {}
}

public final class PeriodeModel: Model, @unchecked Sendable {
    public static let schema = "periode"
    @ID(key: .id) public var id: UUID?
    @Field(key: "pemda_id") public var pemdaID: UUID
    @OptionalField(key: "perangkat_daerah_id") public var perangkatDaerahID: UUID?
    @Field(key: "jenis") public var jenis: String
    @Field(key: "tahun_awal") public var tahunAwal: Int
    @Field(key: "tahun_akhir") public var tahunAkhir: Int
    @Field(key: "nama") public var nama: String
    public init() {}
}

public final class PerangkatDaerahModel: Model, @unchecked Sendable {
    public static let schema = "perangkat_daerah"
    @ID(key: .id) public var id: UUID?
    @Field(key: "pemda_id") public var pemdaID: UUID
    @Field(key: "kode") public var kode: String
    @Field(key: "nama") public var nama: String
    @Field(key: "singkatan") public var singkatan: String
    public init() {}
}

public final class UnitKerjaModel: Model, @unchecked Sendable {
    public static let schema = "unit_kerja"
    @ID(key: .id) public var id: UUID?
    @Field(key: "pemda_id") public var pemdaID: UUID
    @Field(key: "perangkat_daerah_id") public var perangkatDaerahID: UUID
    @OptionalField(key: "induk_id") public var indukID: UUID?
    @Field(key: "nama") public var nama: String
    @Field(key: "jabatan") public var jabatan: String
    @Field(key: "eselon") public var eselon: String
    public init() {}
}

public final class PejabatModel: Model, @unchecked Sendable {
    public static let schema = "pejabat"
    @ID(key: .id) public var id: UUID?
    @Field(key: "pemda_id") public var pemdaID: UUID
    @Field(key: "perangkat_daerah_id") public var perangkatDaerahID: UUID
    @Field(key: "unit_kerja_id") public var unitKerjaID: UUID
    @Field(key: "nama") public var nama: String
    @Field(key: "nip") public var nip: String
    @Field(key: "pangkat") public var pangkat: String
    public init() {}
}

public final class ElemenRencanaModel: Model, @unchecked Sendable {
    public static let schema = "elemen_rencana"
    @ID(key: .id) public var id: UUID?
    @Field(key: "pemda_id") public var pemdaID: UUID
    @OptionalField(key: "perangkat_daerah_id") public var perangkatDaerahID: UUID?
    @OptionalField(key: "induk_id") public var indukID: UUID?
    @Field(key: "tingkat") public var tingkat: String
    @OptionalField(key: "kode") public var kode: String?
    @OptionalField(key: "kode_asli") public var kodeAsli: String?
    @Field(key: "nomor") public var nomor: String
    @Field(key: "uraian") public var uraian: String
    @OptionalField(key: "selaras_id") public var selarasID: UUID?
    @Field(key: "penanggung_jawab") public var penanggungJawab: String
    @OptionalField(key: "unit_kerja_id") public var unitKerjaID: UUID?
    @Field(key: "urutan") public var urutan: Int
    @Field(key: "hasil") public var hasil: String
    public init() {}
}

public final class IndikatorModel: Model, @unchecked Sendable {
    public static let schema = "indikator"
    @ID(key: .id) public var id: UUID?
    @Field(key: "pemda_id") public var pemdaID: UUID
    @OptionalField(key: "perangkat_daerah_id") public var perangkatDaerahID: UUID?
    @Field(key: "elemen_id") public var elemenID: UUID
    @Field(key: "nama") public var nama: String
    @Field(key: "satuan") public var satuan: String
    @Field(key: "jenis") public var jenis: String
    @Field(key: "polaritas") public var polaritas: String
    @Field(key: "jenis_nilai") public var jenisNilai: String
    @Field(key: "agregasi") public var agregasi: String
    @OptionalField(key: "metode_turun") public var metodeTurun: String?
    @OptionalField(key: "skala") public var skala: String?
    @Field(key: "makna") public var makna: String
    @Field(key: "alasan") public var alasan: String
    @Field(key: "rumus") public var rumus: String
    @Field(key: "sumber_data") public var sumberData: String
    @Field(key: "penanggung_jawab") public var penanggungJawab: String
    @Field(key: "iku") public var iku: Bool
    @OptionalField(key: "baseline_tahun") public var baselineTahun: Int?
    @OptionalField(key: "baseline_nilai") public var baselineNilai: String?
    @OptionalField(key: "baseline_teks") public var baselineTeks: String?
    @Field(key: "bobot") public var bobot: String
    @Field(key: "urutan") public var urutan: Int
    public init() {}
}

/// Triwulan 0 stands for the whole year, so that the unique key works the same on both databases (NULLs are
/// distinct in a PostgreSQL unique constraint).
public final class TargetModel: Model, @unchecked Sendable {
    public static let schema = "target"
    @ID(key: .id) public var id: UUID?
    @Field(key: "pemda_id") public var pemdaID: UUID
    @OptionalField(key: "perangkat_daerah_id") public var perangkatDaerahID: UUID?
    @Field(key: "indikator_id") public var indikatorID: UUID
    @Field(key: "dokumen") public var dokumen: String
    @Field(key: "tahun") public var tahun: Int
    @Field(key: "triwulan") public var triwulan: Int
    @Field(key: "nilai") public var nilai: String
    @Field(key: "teks") public var teks: String
    @Field(key: "versi") public var versi: Int
    public init() {}
}

public final class PaguModel: Model, @unchecked Sendable {
    public static let schema = "pagu"
    @ID(key: .id) public var id: UUID?
    @Field(key: "pemda_id") public var pemdaID: UUID
    @OptionalField(key: "perangkat_daerah_id") public var perangkatDaerahID: UUID?
    @Field(key: "elemen_id") public var elemenID: UUID
    @Field(key: "dokumen") public var dokumen: String
    @Field(key: "tahun") public var tahun: Int
    @Field(key: "jumlah_sen") public var jumlahSen: Int64
    @Field(key: "sumber_dana") public var sumberDana: String
    @Field(key: "lokasi") public var lokasi: String
    @Field(key: "keterangan") public var keterangan: String
    @Field(key: "versi") public var versi: Int
    public init() {}
}

public final class RealisasiKinerjaModel: Model, @unchecked Sendable {
    public static let schema = "realisasi_kinerja"
    @ID(key: .id) public var id: UUID?
    @Field(key: "pemda_id") public var pemdaID: UUID
    @OptionalField(key: "perangkat_daerah_id") public var perangkatDaerahID: UUID?
    @Field(key: "indikator_id") public var indikatorID: UUID
    @Field(key: "tahun") public var tahun: Int
    @Field(key: "triwulan") public var triwulan: Int
    @Field(key: "nilai") public var nilai: String
    @Field(key: "teks") public var teks: String
    @Field(key: "versi") public var versi: Int
    public init() {}
}

public final class RealisasiAnggaranModel: Model, @unchecked Sendable {
    public static let schema = "realisasi_anggaran"
    @ID(key: .id) public var id: UUID?
    @Field(key: "pemda_id") public var pemdaID: UUID
    @OptionalField(key: "perangkat_daerah_id") public var perangkatDaerahID: UUID?
    @Field(key: "elemen_id") public var elemenID: UUID
    @Field(key: "tahun") public var tahun: Int
    @Field(key: "triwulan") public var triwulan: Int
    @OptionalField(key: "keuangan_sen") public var keuanganSen: Int64?
    @OptionalField(key: "fisik") public var fisik: String?
    @Field(key: "versi") public var versi: Int
    public init() {}
}
