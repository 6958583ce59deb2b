import FluentKit
import Foundation
import KinerjaDomain

// Conversions between the domain's value types and the rows that store them. A row that does not convert
// (a value written by hand into the database) is reported with its table and id, never skipped silently.

struct RowError: Error, CustomStringConvertible {
    var table: String
    var id: UUID?
    var column: String
    var value: String
    var description: String {
        "Baris \(table) \(id?.uuidString ?? "?"): kolom \(column) berisi \"\(value)\" yang tidak dikenal."
    }
}

func decodeEnum<E: RawRepresentable>(
    _ type: E.Type, _ raw: String, table: String, id: UUID?, column: String
) throws
    -> E where E.RawValue == String
{
    guard let value = E(rawValue: raw) else { throw RowError(table: table, id: id, column: column, value: raw) }
    return value
}

func decodeNilai(_ raw: String, table: String, id: UUID?) throws -> Nilai {
    guard let value = Nilai(kodeSimpan: raw) else { throw RowError(table: table, id: id, column: "nilai", value: raw) }
    return value
}

func decodeDecimal(_ raw: String, table: String, id: UUID?, column: String) throws -> Decimal {
    guard let value = Decimal(plain: raw) else { throw RowError(table: table, id: id, column: column, value: raw) }
    return value
}

extension PemdaModel {
    convenience init(_ pemda: Pemda) {
        self.init()
        id = pemda.id.uuid
        apply(pemda)
    }

    func apply(_ pemda: Pemda) {
        nama = pemda.nama
        jenis = pemda.jenis.rawValue
        ibukota = pemda.ibukota
        jumlahTriwulan = pemda.jumlahTriwulan
        metodeTurun = pemda.kebijakan.metodeTurun.rawValue
        batasRasio = pemda.kebijakan.batasRasio.plainString
        batasiRollUp = pemda.kebijakan.batasiRollUp
    }

    func domain(kategori: [KategoriModel]) throws -> Pemda {
        var kebijakan = KebijakanCapaian(
            metodeTurun: try decodeEnum(
                MetodeTurun.self, metodeTurun, table: Self.schema, id: id, column: "metode_turun"),
            batasRasio: try decodeDecimal(batasRasio, table: Self.schema, id: id, column: "batas_rasio"),
            batasiRollUp: batasiRollUp
        )
        if !kategori.isEmpty {
            kebijakan.kategori = try KategoriCapaian(
                pita: kategori.map {
                    KategoriCapaian.Pita(
                        batasBawah: try decodeDecimal(
                            $0.batasBawah, table: KategoriModel.schema, id: $0.id, column: "batas_bawah"),
                        label: $0.label, warna: $0.warna)
                })
        }
        return Pemda(
            id: TypedID(id!), nama: nama,
            jenis: try decodeEnum(Pemda.Jenis.self, jenis, table: Self.schema, id: id, column: "jenis"),
            ibukota: ibukota, jumlahTriwulan: jumlahTriwulan, kebijakan: kebijakan)
    }
}

extension KategoriModel {
    convenience init(pemda: UUID, _ pita: KategoriCapaian.Pita) {
        self.init()
        id = UUID.acak()
        pemdaID = pemda
        batasBawah = pita.batasBawah.plainString
        label = pita.label
        warna = pita.warna
    }
}

extension PeriodeModel {
    convenience init(pemda: UUID, _ periode: Periode) {
        self.init()
        id = UUID.acak()
        pemdaID = pemda
        perangkatDaerahID = periode.perangkatDaerah?.uuid
        jenis = periode.jenis.rawValue
        tahunAwal = periode.tahunAwal
        tahunAkhir = periode.tahunAkhir
        nama = periode.nama
    }

    func domain() throws -> Periode {
        try Periode(
            jenis: try decodeEnum(Periode.Jenis.self, jenis, table: Self.schema, id: id, column: "jenis"),
            tahunAwal: tahunAwal, tahunAkhir: tahunAkhir, nama: nama,
            perangkatDaerah: perangkatDaerahID.map(TypedID.init))
    }
}

extension PerangkatDaerahModel {
    convenience init(pemda: UUID, _ pd: PerangkatDaerah) {
        self.init()
        id = pd.id.uuid
        pemdaID = pemda
        kode = pd.kode
        nama = pd.nama
        singkatan = pd.singkatan
    }

    func domain() -> PerangkatDaerah {
        PerangkatDaerah(id: TypedID(id!), kode: kode, nama: nama, singkatan: singkatan)
    }
}

extension UnitKerjaModel {
    convenience init(pemda: UUID, _ unit: UnitKerja) {
        self.init()
        id = unit.id.uuid
        pemdaID = pemda
        perangkatDaerahID = unit.perangkatDaerah.uuid
        indukID = unit.induk?.uuid
        nama = unit.nama
        jabatan = unit.jabatan
        eselon = unit.eselon.rawValue
    }

    func domain() throws -> UnitKerja {
        UnitKerja(
            id: TypedID(id!), perangkatDaerah: TypedID(perangkatDaerahID), induk: indukID.map(TypedID.init),
            nama: nama, jabatan: jabatan,
            eselon: try decodeEnum(Eselon.self, eselon, table: Self.schema, id: id, column: "eselon"))
    }
}

extension PejabatModel {
    convenience init(pemda: UUID, pd: UUID, _ pejabat: Pejabat) {
        self.init()
        id = pejabat.id.uuid
        pemdaID = pemda
        perangkatDaerahID = pd
        unitKerjaID = pejabat.unitKerja.uuid
        nama = pejabat.nama
        nip = pejabat.nip
        pangkat = pejabat.pangkat
    }

    func domain() throws -> Pejabat {
        try Pejabat(id: TypedID(id!), unitKerja: TypedID(unitKerjaID), nama: nama, nip: nip, pangkat: pangkat)
    }
}

extension ElemenRencanaModel {
    /// The values of the model `init(pemda:_:)` builds, without building it (a new element of a bulk write).
    static func baris(pemda: UUID, _ node: ElemenRencana) -> [ColumnValue] {
        ColumnValue.row(
            node.id.uuid, pemda, node.perangkatDaerah?.uuid, node.induk?.uuid, node.tingkat.rawValue, node.kode?.normal,
            node.kode?.asli, node.nomor, node.uraian, node.selarasDengan?.uuid, node.penanggungJawab,
            node.unitKerja?.uuid, node.urutan, node.hasil)
    }

    convenience init(pemda: UUID, _ node: ElemenRencana) {
        self.init()
        id = node.id.uuid
        pemdaID = pemda
        perangkatDaerahID = node.perangkatDaerah?.uuid
        indukID = node.induk?.uuid
        tingkat = node.tingkat.rawValue
        kode = node.kode?.normal
        kodeAsli = node.kode?.asli
        nomor = node.nomor
        uraian = node.uraian
        selarasID = node.selarasDengan?.uuid
        penanggungJawab = node.penanggungJawab
        unitKerjaID = node.unitKerja?.uuid
        urutan = node.urutan
        hasil = node.hasil
    }
}

extension IndikatorModel {
    /// The values of the model `init(pemda:pd:_:)` builds, without building it (a new indicator of a bulk write).
    static func baris(pemda: UUID, pd: UUID?, _ indikator: Indikator) -> [ColumnValue] {
        ColumnValue.row(
            indikator.id.uuid, pemda, pd, indikator.elemen.uuid, indikator.nama, indikator.satuan,
            indikator.jenis.rawValue, indikator.polaritas.rawValue, indikator.jenisNilai.rawValue,
            indikator.agregasi.rawValue, indikator.metodeTurun?.rawValue, indikator.skala, indikator.definisi.makna,
            indikator.definisi.alasanPemilihan, indikator.definisi.rumus, indikator.sumberData,
            indikator.penanggungJawab, indikator.isIKU, indikator.baseline?.tahun,
            indikator.baseline?.nilai?.kodeSimpan,
            indikator.baseline?.teks, indikator.bobot.plainString, indikator.urutan)
    }

    convenience init(pemda: UUID, pd: UUID?, _ indikator: Indikator) {
        self.init()
        id = indikator.id.uuid
        pemdaID = pemda
        perangkatDaerahID = pd
        elemenID = indikator.elemen.uuid
        nama = indikator.nama
        satuan = indikator.satuan
        jenis = indikator.jenis.rawValue
        polaritas = indikator.polaritas.rawValue
        jenisNilai = indikator.jenisNilai.rawValue
        agregasi = indikator.agregasi.rawValue
        metodeTurun = indikator.metodeTurun?.rawValue
        skala = indikator.skala
        makna = indikator.definisi.makna
        alasan = indikator.definisi.alasanPemilihan
        rumus = indikator.definisi.rumus
        sumberData = indikator.sumberData
        penanggungJawab = indikator.penanggungJawab
        iku = indikator.isIKU
        baselineTahun = indikator.baseline?.tahun
        baselineNilai = indikator.baseline?.nilai?.kodeSimpan
        baselineTeks = indikator.baseline?.teks
        bobot = indikator.bobot.plainString
        urutan = indikator.urutan
    }
}

extension TargetModel: EntryRow {
    static func baris(pemda: UUID, pd: UUID?, _ target: Target) -> [ColumnValue] {
        ColumnValue.row(
            UUID.acak(), pemda, pd, target.indikator.uuid, target.dokumen.rawValue, target.periode.tahun,
            target.periode.kodeTriwulan, target.nilai.kodeSimpan, target.teks, 1)
    }

    convenience init(pemda: UUID, pd: UUID?, _ target: Target) {
        self.init()
        id = UUID.acak()
        pemdaID = pemda
        perangkatDaerahID = pd
        indikatorID = target.indikator.uuid
        dokumen = target.dokumen.rawValue
        tahun = target.periode.tahun
        triwulan = target.periode.kodeTriwulan
        nilai = target.nilai.kodeSimpan
        teks = target.teks
        versi = 1
    }
}

extension PaguModel: EntryRow {
    static func baris(pemda: UUID, pd: UUID?, _ pagu: Pagu) -> [ColumnValue] {
        ColumnValue.row(
            UUID.acak(), pemda, pd, pagu.elemen.uuid, pagu.dokumen.rawValue, pagu.tahun, pagu.jumlah.sen,
            pagu.sumberDana,
            pagu.lokasi, pagu.keterangan, 1)
    }

    convenience init(pemda: UUID, pd: UUID?, _ pagu: Pagu) {
        self.init()
        id = UUID.acak()
        pemdaID = pemda
        perangkatDaerahID = pd
        elemenID = pagu.elemen.uuid
        dokumen = pagu.dokumen.rawValue
        tahun = pagu.tahun
        jumlahSen = pagu.jumlah.sen
        sumberDana = pagu.sumberDana
        lokasi = pagu.lokasi
        keterangan = pagu.keterangan
        versi = 1
    }
}

extension RealisasiKinerjaModel: EntryRow {
    static func baris(pemda: UUID, pd: UUID?, _ realisasi: RealisasiKinerja) -> [ColumnValue] {
        ColumnValue.row(
            UUID.acak(), pemda, pd, realisasi.indikator.uuid, realisasi.periode.tahun, realisasi.periode.kodeTriwulan,
            realisasi.nilai.kodeSimpan, realisasi.teks, 1)
    }

    convenience init(pemda: UUID, pd: UUID?, _ realisasi: RealisasiKinerja) {
        self.init()
        id = UUID.acak()
        pemdaID = pemda
        perangkatDaerahID = pd
        indikatorID = realisasi.indikator.uuid
        tahun = realisasi.periode.tahun
        triwulan = realisasi.periode.kodeTriwulan
        nilai = realisasi.nilai.kodeSimpan
        teks = realisasi.teks
        versi = 1
    }
}

extension RealisasiAnggaranModel: EntryRow {
    static func baris(pemda: UUID, pd: UUID?, _ anggaran: RealisasiAnggaran) -> [ColumnValue] {
        ColumnValue.row(
            UUID.acak(), pemda, pd, anggaran.elemen.uuid, anggaran.periode.tahun, anggaran.periode.kodeTriwulan,
            anggaran.keuangan?.sen, anggaran.fisik?.plainString, 1)
    }

    convenience init(pemda: UUID, pd: UUID?, _ anggaran: RealisasiAnggaran) {
        self.init()
        id = UUID.acak()
        pemdaID = pemda
        perangkatDaerahID = pd
        elemenID = anggaran.elemen.uuid
        tahun = anggaran.periode.tahun
        triwulan = anggaran.periode.kodeTriwulan
        keuanganSen = anggaran.keuangan?.sen
        fisik = anggaran.fisik?.plainString
        versi = 1
    }
}

/// Storage fact, written once: a period's `triwulan` column holds 0 for the whole year.
extension PeriodeLaporan {
    var kodeTriwulan: Int { triwulan ?? 0 }

    init(tahun: Int, kodeTriwulan: Int) {
        self.init(tahun: tahun, triwulan: kodeTriwulan == 0 ? nil : kodeTriwulan)
    }
}

extension TargetModel {
    var periode: PeriodeLaporan { PeriodeLaporan(tahun: tahun, kodeTriwulan: triwulan) }
    var dokumenRencana: DokumenRencana {
        get throws { try decodeEnum(DokumenRencana.self, dokumen, table: Self.schema, id: id, column: "dokumen") }
    }
}

extension PaguModel {
    var dokumenRencana: DokumenRencana {
        get throws { try decodeEnum(DokumenRencana.self, dokumen, table: Self.schema, id: id, column: "dokumen") }
    }
}

extension RealisasiKinerjaModel {
    var periode: PeriodeLaporan { PeriodeLaporan(tahun: tahun, kodeTriwulan: triwulan) }
}

extension RealisasiAnggaranModel {
    var periode: PeriodeLaporan { PeriodeLaporan(tahun: tahun, kodeTriwulan: triwulan) }
}
