import FluentKit
import Foundation
import KinerjaDomain

public final class PenggunaModel: Model, @unchecked Sendable {
    public static let schema = "pengguna"
    @ID(key: .id) public var id: UUID?
    @Field(key: "pemda_id") public var pemdaID: UUID
    @OptionalField(key: "perangkat_daerah_id") public var perangkatDaerahID: UUID?
    @Field(key: "nama_pengguna") public var namaPengguna: String
    @Field(key: "nama_lengkap") public var namaLengkap: String
    @Field(key: "peran") public var peran: String
    @Field(key: "sandi_hash") public var sandiHash: String
    @Field(key: "aktif") public var aktif: Bool
    @Field(key: "dibuat") public var dibuat: Date
    @Field(key: "email") public var email: String
    public init() {}

    convenience init(_ pengguna: Pengguna, sandiHash: String, dibuat: Date) {
        self.init()
        id = pengguna.id.uuid
        pemdaID = pengguna.pemda.uuid
        perangkatDaerahID = pengguna.perangkatDaerah?.uuid
        namaPengguna = pengguna.namaPengguna
        namaLengkap = pengguna.namaLengkap
        peran = pengguna.peran.rawValue
        self.sandiHash = sandiHash
        aktif = pengguna.aktif
        email = pengguna.email
        self.dibuat = dibuat
    }

    func domain() throws -> Pengguna {
        try Self.pengguna(
            id: id!, namaPengguna: namaPengguna, namaLengkap: namaLengkap, peran: peran, pemda: pemdaID,
            perangkatDaerah: perangkatDaerahID, aktif: aktif, email: email)
    }

    /// A user from the columns of a `pengguna` row (the model's, or a join's read beneath Fluent: the session).
    static func pengguna(
        id: UUID, namaPengguna: String, namaLengkap: String, peran: String, pemda: UUID, perangkatDaerah: UUID?,
        aktif: Bool, email: String
    ) throws -> Pengguna {
        try Pengguna(
            id: TypedID(id), namaPengguna: namaPengguna, namaLengkap: namaLengkap,
            peran: decodeEnum(Peran.self, peran, table: "pengguna", id: id, column: "peran"), pemda: TypedID(pemda),
            perangkatDaerah: perangkatDaerah.map(TypedID.init), aktif: aktif, email: email)
    }
}

public final class SesiModel: Model, @unchecked Sendable {
    public static let schema = "sesi"
    @ID(key: .id) public var id: UUID?
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "pengguna_id") public var penggunaID: UUID
    @Field(key: "csrf") public var csrf: String
    @Field(key: "dibuat") public var dibuat: Date
    @Field(key: "kedaluwarsa") public var kedaluwarsa: Date
    public init() {}
}

public final class PercobaanMasukModel: Model, @unchecked Sendable {
    public static let schema = "percobaan_masuk"
    @ID(key: .id) public var id: UUID?
    @Field(key: "nama_pengguna") public var namaPengguna: String
    @Field(key: "alamat") public var alamat: String
    @Field(key: "waktu") public var waktu: Date
    @Field(key: "berhasil") public var berhasil: Bool
    public init() {}
}

public final class BuktiModel: Model, @unchecked Sendable {
    public static let schema = "bukti"
    @ID(key: .id) public var id: UUID?
    @Field(key: "pemda_id") public var pemdaID: UUID
    @Field(key: "perangkat_daerah_id") public var perangkatDaerahID: UUID
    @Field(key: "indikator_id") public var indikatorID: UUID
    @Field(key: "tahun") public var tahun: Int
    @Field(key: "triwulan") public var triwulan: Int
    @Field(key: "nama_berkas") public var namaBerkas: String
    @Field(key: "jenis") public var jenis: String
    @Field(key: "ukuran") public var ukuran: Int
    @Field(key: "isi") public var isi: Data
    @Field(key: "diunggah_oleh") public var diunggahOleh: String
    @Field(key: "waktu") public var waktu: Date
    public init() {}
}

public final class UnggahanModel: Model, @unchecked Sendable {
    public static let schema = "unggahan"
    @ID(key: .id) public var id: UUID?
    @Field(key: "pemda_id") public var pemdaID: UUID
    @Field(key: "perangkat_daerah_id") public var perangkatDaerahID: UUID
    @Field(key: "nama_berkas") public var namaBerkas: String
    @Field(key: "isi") public var isi: Data
    @Field(key: "pengguna_id") public var penggunaID: UUID
    @Field(key: "waktu") public var waktu: Date
    @Field(key: "jenis") public var jenis: String
    @Field(key: "dokumen") public var dokumen: String
    @Field(key: "versi_data") public var versiData: Int64
    @Field(key: "pratinjau") public var pratinjau: Data
    public init() {}
}

public final class PemdaProfilModel: Model, @unchecked Sendable {
    public static let schema = "pemda_profil"
    @ID(custom: "id", generatedBy: .user) public var id: UUID?
    @Field(key: "alamat") public var alamat: String
    @OptionalField(key: "logo") public var logo: Data?
    @OptionalField(key: "logo_jenis") public var logoJenis: String?
    @Field(key: "kepala_daerah") public var kepalaDaerah: String
    public init() {}
}

public final class KodePenyiapanModel: Model, @unchecked Sendable {
    public static let schema = "kode_penyiapan"
    @ID(key: .id) public var id: UUID?
    @Field(key: "kode_hash") public var kodeHash: String
    @Field(key: "dibuat") public var dibuat: Date
    public init() {}
}

public final class UrusanModel: Model, @unchecked Sendable {
    public static let schema = "urusan"
    @ID(key: .id) public var id: UUID?
    @Field(key: "pemda_id") public var pemdaID: UUID
    @Field(key: "kode") public var kode: String
    @Field(key: "nama") public var nama: String
    public init() {}
}

public final class PetaKolomModel: Model, @unchecked Sendable {
    public static let schema = "peta_kolom"
    @ID(key: .id) public var id: UUID?
    @Field(key: "pemda_id") public var pemdaID: UUID
    @Field(key: "tanda") public var tanda: String
    @Field(key: "isi") public var isi: Data
    @Field(key: "dibuat") public var dibuat: Date
    public init() {}
}
