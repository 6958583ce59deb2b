import Foundation

/// The document a target or pagu belongs to. A Renja starts from its Renstra year; a perubahan keeps the murni
/// values it replaces.
public enum DokumenRencana: String, Sendable, Codable, CaseIterable, Comparable {
    case rpjmd
    case renstra
    case renja
    case renjaPerubahan = "renja_perubahan"
    /// The next year's indicative values printed in a Renja (T-C.33 "prakiraan maju n+1").
    case prakiraanMaju = "prakiraan_maju"
    case perjanjianKinerja = "pk"

    public static func < (lhs: DokumenRencana, rhs: DokumenRencana) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    public var label: String {
        switch self {
        case .rpjmd: "RPJMD"
        case .renstra: "Renstra"
        case .renja: "Renja"
        case .renjaPerubahan: "Renja Perubahan"
        case .prakiraanMaju: "Prakiraan Maju"
        case .perjanjianKinerja: "Perjanjian Kinerja"
        }
    }

    /// For the year's measurement, which document's target wins when several exist: PK, then Renja
    /// Perubahan, then Renja, then the previous Renja's prakiraan maju, then Renstra, then RPJMD.
    public static let prioritasTahunan: [DokumenRencana] = [
        .perjanjianKinerja, .renjaPerubahan, .renja, .prakiraanMaju, .renstra, .rpjmd,
    ]

    /// The document's place in `prioritasTahunan` (0 wins), without searching it (asked for every target of a table).
    public var peringkatTahunan: Int {
        switch self {
        case .perjanjianKinerja: 0
        case .renjaPerubahan: 1
        case .renja: 2
        case .prakiraanMaju: 3
        case .renstra: 4
        case .rpjmd: 5
        }
    }
}

/// A target of an indicator for a year (and optionally a triwulan) in a document.
public struct Target: Hashable, Sendable, Codable {
    public var indikator: TypedID<Indikator>
    public var dokumen: DokumenRencana
    public var periode: PeriodeLaporan
    public var nilai: Nilai
    /// As printed ("2 dokument", "B = 66.04").
    public var teks: String

    public init(
        indikator: TypedID<Indikator>, dokumen: DokumenRencana, periode: PeriodeLaporan, nilai: Nilai, teks: String = ""
    ) {
        self.indikator = indikator
        self.dokumen = dokumen
        self.periode = periode
        self.nilai = nilai
        self.teks = teks.isEmpty ? nilai.teks : teks
    }
}

/// The budget ceiling of a program, kegiatan or sub kegiatan for a year in a document.
public struct Pagu: Hashable, Sendable, Codable {
    public var elemen: TypedID<ElemenRencana>
    public var dokumen: DokumenRencana
    public var tahun: Int
    public var jumlah: Rupiah
    public var sumberDana: String
    public var lokasi: String
    /// Keterangan / catatan penting printed beside the year's pagu (T-C.33 column "Catatan Penting").
    public var keterangan: String

    public init(
        elemen: TypedID<ElemenRencana>, dokumen: DokumenRencana, tahun: Int, jumlah: Rupiah, sumberDana: String = "",
        lokasi: String = "", keterangan: String = ""
    )
        throws(DomainError)
    {
        guard jumlah.sen >= 0 else { throw .tidakSah(field: "pagu_\(tahun)", pesan: "Pagu tidak boleh negatif.") }
        try Batas.periksa(keterangan, field: "keterangan", maks: Batas.catatan, label: "Keterangan")
        self.elemen = elemen
        self.dokumen = dokumen
        self.tahun = tahun
        self.jumlah = jumlah
        self.sumberDana = sumberDana
        self.lokasi = lokasi
        self.keterangan = keterangan.trimmed()
    }
}

extension Pagu {
    /// Only a program, kegiatan or sub kegiatan has a pagu: the one rule for forms, imports and the CLI.
    public static func periksaTingkat(_ tingkat: Tingkat, tahun: Int) throws(DomainError) {
        guard tingkat.hasAnggaran else {
            throw .tidakSah(field: "pagu_\(tahun)", pesan: "\(tingkat.labelAwal) tidak mempunyai pagu.")
        }
    }
}

extension RealisasiAnggaran {
    /// Physical progress is a percentage 0-100: the one rule and message for forms, imports and the CLI.
    public static func periksaFisik(_ fisik: Decimal?) throws(DomainError) {
        if let fisik, fisik.isNegativeNumber || Decimal(100).isLessThan(fisik) || fisik.isNaN {
            throw .tidakSah(
                field: "fisik", pesan: "Realisasi fisik harus 0 sampai 100. Terisi \(IndonesianFormat.number(fisik)) %."
            )
        }
    }

    /// Money spent is recorded on sub kegiatan only; a parent's is the sum of its children.
    public static func periksaTingkat(_ tingkat: Tingkat) throws(DomainError) {
        guard tingkat == .subKegiatan else {
            throw .tidakSah(field: "realisasi_keuangan", pesan: "Realisasi keuangan hanya untuk sub kegiatan.")
        }
    }
}

/// What was achieved on an indicator in a period.
public struct RealisasiKinerja: Hashable, Sendable, Codable {
    public var indikator: TypedID<Indikator>
    public var periode: PeriodeLaporan
    public var nilai: Nilai
    public var teks: String

    public init(
        indikator: TypedID<Indikator>, periode: PeriodeLaporan, nilai: Nilai, teks: String = ""
    ) throws(DomainError) {
        if case .rentang = nilai {
            throw .tidakSah(field: "realisasi", pesan: "Realisasi tidak boleh berupa rentang.")
        }
        self.indikator = indikator
        self.periode = periode
        self.nilai = nilai
        self.teks = teks.isEmpty ? nilai.teks : teks
    }
}

/// Money spent and physical progress of a sub kegiatan in a triwulan. Either figure may be missing.
public struct RealisasiAnggaran: Hashable, Sendable, Codable {
    public var elemen: TypedID<ElemenRencana>
    public var periode: PeriodeLaporan
    public var keuangan: Rupiah?
    /// Physical progress in percent (0-100).
    public var fisik: Decimal?

    public init(
        elemen: TypedID<ElemenRencana>, periode: PeriodeLaporan, keuangan: Rupiah?, fisik: Decimal?
    ) throws(DomainError) {
        if let keuangan, keuangan.sen < 0 {
            throw .tidakSah(field: "realisasi_keuangan", pesan: "Realisasi keuangan tidak boleh negatif.")
        }
        try Self.periksaFisik(fisik)
        self.elemen = elemen
        self.periode = periode
        self.keuangan = keuangan
        self.fisik = fisik
    }
}
