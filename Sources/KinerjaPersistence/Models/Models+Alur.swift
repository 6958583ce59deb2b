import FluentKit
import Foundation
import KinerjaDomain

public final class StatusAlurModel: Model, @unchecked Sendable {
    public static let schema = "status_alur"
    @ID(key: .id) public var id: UUID?
    @Field(key: "pemda_id") public var pemdaID: UUID
    @Field(key: "perangkat_daerah_id") public var perangkatDaerahID: UUID
    @Field(key: "jenis") public var jenis: String
    @Field(key: "tahun") public var tahun: Int
    @Field(key: "triwulan") public var triwulan: Int
    @Field(key: "status") public var status: String
    @Field(key: "catatan") public var catatan: String
    @Field(key: "oleh") public var oleh: String
    @Field(key: "waktu") public var waktu: Date
    @Field(key: "versi") public var versi: Int
    public init() {}

    func domain() throws -> StatusTersimpan {
        StatusTersimpan(
            objek: ObjekAlur(
                perangkatDaerah: TypedID(perangkatDaerahID),
                jenis: try decodeEnum(ObjekAlur.Jenis.self, jenis, table: Self.schema, id: id, column: "jenis"),
                tahun: tahun, triwulan: triwulan),
            status: try decodeEnum(StatusAlur.self, status, table: Self.schema, id: id, column: "status"),
            catatan: catatan, oleh: oleh, waktu: waktu, versi: versi)
    }
}

public final class JadwalPelaporanModel: Model, @unchecked Sendable {
    public static let schema = "jadwal_pelaporan"
    @ID(key: .id) public var id: UUID?
    @Field(key: "pemda_id") public var pemdaID: UUID
    @Field(key: "tahun") public var tahun: Int
    @Field(key: "triwulan") public var triwulan: Int
    @Field(key: "buka") public var buka: Date
    @Field(key: "tutup") public var tutup: Date
    public init() {}
}

public final class PembukaanKhususModel: Model, @unchecked Sendable {
    public static let schema = "pembukaan_khusus"
    @ID(key: .id) public var id: UUID?
    @Field(key: "pemda_id") public var pemdaID: UUID
    @Field(key: "perangkat_daerah_id") public var perangkatDaerahID: UUID
    @Field(key: "tahun") public var tahun: Int
    @Field(key: "triwulan") public var triwulan: Int
    @Field(key: "sampai") public var sampai: Date
    @Field(key: "alasan") public var alasan: String
    @Field(key: "oleh") public var oleh: String
    @Field(key: "waktu") public var waktu: Date
    public init() {}
}

/// One line of history: who changed what, when, from where, old → new.
public final class RiwayatModel: Model, @unchecked Sendable {
    public static let schema = "riwayat"
    @ID(key: .id) public var id: UUID?
    @Field(key: "pemda_id") public var pemdaID: UUID
    @OptionalField(key: "perangkat_daerah_id") public var perangkatDaerahID: UUID?
    @Field(key: "waktu") public var waktu: Date
    @Field(key: "oleh") public var oleh: String
    @Field(key: "sumber") public var sumber: String
    @Field(key: "entitas") public var entitas: String
    @OptionalField(key: "kunci") public var kunci: UUID?
    @Field(key: "uraian") public var uraian: String
    @Field(key: "periode") public var periode: String
    @Field(key: "lama") public var lama: String
    @Field(key: "baru") public var baru: String
    public init() {}
}

extension StatusAlurModel {
    convenience init(pemda: UUID, _ status: StatusTersimpan) {
        self.init()
        id = UUID.acak()
        pemdaID = pemda
        perangkatDaerahID = status.objek.perangkatDaerah.uuid
        jenis = status.objek.jenis.rawValue
        tahun = status.objek.tahun
        triwulan = status.objek.triwulan
        self.status = status.status.rawValue
        catatan = status.catatan
        oleh = status.oleh
        waktu = status.waktu
        versi = status.versi
    }
}

extension JadwalPelaporanModel {
    convenience init(pemda: UUID, _ jadwal: JadwalPelaporan) {
        self.init()
        id = UUID.acak()
        pemdaID = pemda
        tahun = jadwal.tahun
        triwulan = jadwal.triwulan
        buka = jadwal.buka
        tutup = jadwal.tutup
    }

    func domain() throws -> JadwalPelaporan {
        try JadwalPelaporan(tahun: tahun, triwulan: triwulan, buka: buka, tutup: tutup)
    }
}

extension PembukaanKhususModel {
    convenience init(pemda: UUID, _ item: PembukaanKhusus) {
        self.init()
        id = UUID.acak()
        pemdaID = pemda
        perangkatDaerahID = item.perangkatDaerah.uuid
        tahun = item.tahun
        triwulan = item.triwulan
        sampai = item.sampai
        alasan = item.alasan
        oleh = item.oleh
        waktu = item.waktu
    }

    /// As stored (the rule that `sampai` lies ahead held when it was written).
    func domain() throws -> PembukaanKhusus {
        try PembukaanKhusus(
            perangkatDaerah: TypedID(perangkatDaerahID), tahun: tahun, triwulan: triwulan, sampai: sampai,
            alasan: alasan, oleh: oleh, waktu: min(waktu, sampai.addingTimeInterval(-1)))
    }
}

extension RiwayatModel {
    convenience init(pemda: UUID, _ line: Riwayat) {
        self.init()
        id = UUID.acak()
        pemdaID = pemda
        perangkatDaerahID = line.perangkatDaerah?.uuid
        waktu = line.waktu
        oleh = line.oleh
        sumber = line.sumber
        entitas = line.entitas
        kunci = line.kunci
        uraian = line.uraian
        periode = line.periode
        lama = line.lama
        baru = line.baru
    }

    func domain() -> Riwayat {
        Riwayat(
            perangkatDaerah: perangkatDaerahID.map(TypedID.init), waktu: waktu, oleh: oleh, sumber: sumber,
            entitas: entitas, kunci: kunci, uraian: uraian, periode: periode, lama: lama, baru: baru)
    }
}

extension RiwayatModel: RawRow {
    static let readColumns = ["waktu", "oleh", "sumber", "entitas", "kunci", "uraian", "periode", "lama", "baru"]
    static let columns = [
        "id", "pemda_id", "perangkat_daerah_id", "waktu", "oleh", "sumber", "entitas", "kunci", "uraian", "periode",
        "lama", "baru",
    ]
    var values: [ColumnValue] {
        ColumnValue.row(
            id!, pemdaID, perangkatDaerahID, waktu, oleh, sumber, entitas, kunci, uraian, periode, lama, baru)
    }
}

public final class RevisiDokumenModel: Model, @unchecked Sendable {
    public static let schema = "revisi_dokumen"
    @ID(key: .id) public var id: UUID?
    @Field(key: "pemda_id") public var pemdaID: UUID
    @Field(key: "perangkat_daerah_id") public var perangkatDaerahID: UUID
    @Field(key: "dokumen") public var dokumen: String
    @Field(key: "tahun") public var tahun: Int
    @Field(key: "alasan") public var alasan: String
    @Field(key: "nomor_sk") public var nomorSK: String
    @Field(key: "tanggal_sk") public var tanggalSK: Date
    @OptionalField(key: "lampiran_nama") public var lampiranNama: String?
    @OptionalField(key: "lampiran_jenis") public var lampiranJenis: String?
    @OptionalField(key: "lampiran") public var lampiran: Data?
    @Field(key: "oleh") public var oleh: String
    @Field(key: "waktu") public var waktu: Date
    public init() {}

    convenience init(pemda: UUID, _ item: RevisiDokumen) {
        self.init()
        id = UUID.acak()
        pemdaID = pemda
        perangkatDaerahID = item.perangkatDaerah.uuid
        dokumen = item.dokumen.rawValue
        tahun = item.tahun
        alasan = item.alasan
        nomorSK = item.nomorSK
        tanggalSK = item.tanggalSK
        lampiranNama = item.lampiran?.namaBerkas
        lampiranJenis = item.lampiran?.jenis
        lampiran = item.lampiran?.isi
        oleh = item.oleh
        waktu = item.waktu
    }

    func domain() throws -> RevisiDokumen {
        try RevisiDokumen(
            perangkatDaerah: TypedID(perangkatDaerahID),
            dokumen: try decodeEnum(DokumenRencana.self, dokumen, table: Self.schema, id: id, column: "dokumen"),
            tahun: tahun, alasan: alasan, nomorSK: nomorSK, tanggalSK: tanggalSK,
            lampiran: lampiran.map {
                RevisiDokumen.Lampiran(namaBerkas: lampiranNama ?? "lampiran", jenis: lampiranJenis ?? "", isi: $0)
            }, oleh: oleh, waktu: waktu)
    }
}

/// The murni value of a revised target (`target_murni`).
public final class TargetMurniModel: Model, @unchecked Sendable {
    public static let schema = "target_murni"
    @ID(key: .id) public var id: UUID?
    @Field(key: "pemda_id") public var pemdaID: UUID
    @OptionalField(key: "perangkat_daerah_id") public var perangkatDaerahID: UUID?
    @Field(key: "indikator_id") public var indikatorID: UUID
    @Field(key: "dokumen") public var dokumen: String
    @Field(key: "tahun") public var tahun: Int
    @Field(key: "triwulan") public var triwulan: Int
    @Field(key: "nilai") public var nilai: String
    @Field(key: "teks") public var teks: String
    @Field(key: "waktu") public var waktu: Date
    public init() {}

    convenience init(_ stored: TargetModel, waktu: Date) {
        self.init()
        id = UUID.acak()
        pemdaID = stored.pemdaID
        perangkatDaerahID = stored.perangkatDaerahID
        indikatorID = stored.indikatorID
        dokumen = stored.dokumen
        tahun = stored.tahun
        triwulan = stored.triwulan
        nilai = stored.nilai
        teks = stored.teks
        self.waktu = waktu
    }

    func domain() throws -> Target {
        Target(
            indikator: TypedID(indikatorID),
            dokumen: try decodeEnum(DokumenRencana.self, dokumen, table: Self.schema, id: id, column: "dokumen"),
            periode: PeriodeLaporan(tahun: tahun, kodeTriwulan: triwulan),
            nilai: try decodeNilai(nilai, table: Self.schema, id: id), teks: teks)
    }
}

public final class EvaluasiNaratifModel: Model, @unchecked Sendable {
    public static let schema = "evaluasi_naratif"
    @ID(key: .id) public var id: UUID?
    @Field(key: "pemda_id") public var pemdaID: UUID
    @Field(key: "perangkat_daerah_id") public var perangkatDaerahID: UUID
    @Field(key: "tahun") public var tahun: Int
    @Field(key: "triwulan") public var triwulan: Int
    @Field(key: "pendorong") public var pendorong: String
    @Field(key: "penghambat") public var penghambat: String
    @Field(key: "tindak_lanjut_triwulan") public var tindakLanjutTriwulan: String
    @Field(key: "tindak_lanjut_renja") public var tindakLanjutRenja: String
    public init() {}

    convenience init(pemda: UUID, _ item: EvaluasiNaratif) {
        self.init()
        id = UUID.acak()
        pemdaID = pemda
        perangkatDaerahID = item.perangkatDaerah.uuid
        tahun = item.tahun
        triwulan = item.triwulan
        pendorong = item.pendorong
        penghambat = item.penghambat
        tindakLanjutTriwulan = item.tindakLanjutTriwulan
        tindakLanjutRenja = item.tindakLanjutRenja
    }

    func domain() throws -> EvaluasiNaratif {
        try EvaluasiNaratif(
            perangkatDaerah: TypedID(perangkatDaerahID), tahun: tahun, triwulan: triwulan, pendorong: pendorong,
            penghambat: penghambat, tindakLanjutTriwulan: tindakLanjutTriwulan, tindakLanjutRenja: tindakLanjutRenja)
    }
}

public final class NaskahLKjIPModel: Model, @unchecked Sendable {
    public static let schema = "naskah_lkjip"
    @ID(key: .id) public var id: UUID?
    @Field(key: "pemda_id") public var pemdaID: UUID
    @Field(key: "perangkat_daerah_id") public var perangkatDaerahID: UUID
    @Field(key: "tahun") public var tahun: Int
    @Field(key: "bagian") public var bagian: String
    @Field(key: "teks") public var teks: String
    public init() {}

    convenience init(pemda: UUID, _ item: NaskahLKjIP) {
        self.init()
        id = UUID.acak()
        pemdaID = pemda
        perangkatDaerahID = item.perangkatDaerah.uuid
        tahun = item.tahun
        bagian = item.bagian.rawValue
        teks = item.teks
    }

    func domain() throws -> NaskahLKjIP {
        try NaskahLKjIP(
            perangkatDaerah: TypedID(perangkatDaerahID), tahun: tahun,
            bagian: try decodeEnum(BagianLKjIP.self, bagian, table: Self.schema, id: id, column: "bagian"), teks: teks)
    }
}
