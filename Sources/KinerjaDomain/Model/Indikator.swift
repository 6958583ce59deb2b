import Foundation

/// Direction in which an indicator improves.
public enum Polaritas: String, Sendable, Codable, CaseIterable {
    /// Higher is better.
    case naik
    /// Lower is better.
    case turun
    /// A range or stable value is best.
    case rentang
}

/// What an indicator measures, by level: input, output (kegiatan, sub kegiatan), outcome (program, sasaran),
/// impact (tujuan and above).
public enum JenisIndikator: String, Sendable, Codable, CaseIterable {
    case input
    case output
    case outcome
    case impact
}

/// The kind of value an indicator takes.
public enum JenisNilai: String, Sendable, Codable, CaseIterable {
    case angka
    case persen
    /// A ratio or index (IKM, IPM, rasio kekerasan).
    case indeks
    /// A predicate on an ordered scale (AA…D, WTP…TMP).
    case predikat
    /// Yes/no ("Ada / Tidak Ada").
    case adaTidak = "ada_tidak"
}

/// How values of several periods combine.
public enum Agregasi: String, Sendable, Codable, CaseIterable {
    /// The sum of the periods: flows such as "jumlah orang dilayani".
    case kumulatif
    /// The latest reported value: stocks, percentages, indices, predicates.
    case nilaiAkhir = "akhir"
    /// The mean of the reported periods.
    case rataRata = "rata-rata"

    /// Reads the template spellings ("kumulatif", "akhir", "nilai akhir", "rata-rata").
    public init?(teks: String) {
        switch teks.lowercased().trimmedSpaces() {
        case "kumulatif", "jumlah": self = .kumulatif
        case "akhir", "nilai akhir", "nilai_akhir", "terakhir": self = .nilaiAkhir
        case "rata-rata", "rata rata", "rata_rata", "ratarata": self = .rataRata
        default: return nil
        }
    }

    /// A default for an indicator whose aggregation is not stated: percentages, ratios, indices, predicates and
    /// averages are end values; counts are cumulative. Importers say when they used this guess.
    public static func tebakan(nama: String, satuan: String, jenisNilai: JenisNilai) -> Agregasi {
        switch jenisNilai {
        case .persen, .indeks, .predikat, .adaTidak: return .nilaiAkhir
        case .angka: break
        }
        if satuan.contains("%") || nama.contains("%") { return .nilaiAkhir }
        // Whole words only: "penganggaran" must not read as "angka".
        let words = (nama + " " + satuan).lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
        let endValueWords: Set<String> = [
            "persen", "persentase", "prosentase", "percentase", "rasio", "ratio", "indeks", "index", "nilai", "angka",
            "rata", "tingkat", "skor", "predikat", "opini", "cakupan", "prevalensi", "laju", "pertumbuhan", "indek",
        ]
        if let first = words.first, ["jumlah", "banyaknya", "junlah"].contains(first) { return .kumulatif }
        return words.contains(where: endValueWords.contains) ? .nilaiAkhir : .kumulatif
    }
}

/// Definisi operasional of an indicator.
public struct DefinisiOperasional: Hashable, Sendable, Codable {
    public var makna: String
    public var alasanPemilihan: String
    /// Rumus / cara hitung.
    public var rumus: String

    public init(makna: String = "", alasanPemilihan: String = "", rumus: String = "") {
        self.makna = makna
        self.alasanPemilihan = alasanPemilihan
        self.rumus = rumus
    }
}

/// A performance indicator attached to an element of the plan tree.
public struct Indikator: Hashable, Sendable, Codable, Identifiable {
    public var id: TypedID<Indikator>
    public var elemen: TypedID<ElemenRencana>
    public var nama: String
    public var satuan: String
    public var jenis: JenisIndikator
    public var polaritas: Polaritas
    public var jenisNilai: JenisNilai
    public var agregasi: Agregasi
    /// The method for lower-is-better capaian; nil = the Pemda's default.
    public var metodeTurun: MetodeTurun?
    /// Name of the predicate scale, for `.predikat` indicators.
    public var skala: String?
    public var definisi: DefinisiOperasional
    public var sumberData: String
    public var penanggungJawab: String
    public var isIKU: Bool
    public var baseline: Baseline?
    /// Weight in roll-ups (1 by default).
    public var bobot: Decimal
    public var urutan: Int

    public init(
        id: TypedID<Indikator> = .init(),
        elemen: TypedID<ElemenRencana>,
        nama: String,
        satuan: String,
        jenis: JenisIndikator,
        polaritas: Polaritas = .naik,
        jenisNilai: JenisNilai = .angka,
        agregasi: Agregasi? = nil,
        metodeTurun: MetodeTurun? = nil,
        skala: String? = nil,
        definisi: DefinisiOperasional = .init(),
        sumberData: String = "",
        penanggungJawab: String = "",
        isIKU: Bool = false,
        baseline: Baseline? = nil,
        bobot: Decimal = 1,
        urutan: Int = 0
    ) throws(DomainError) {
        let trimmed = nama.trimmed()
        guard !trimmed.isEmpty else { throw .tidakSah(field: "indikator", pesan: "Nama indikator kosong.") }
        try Batas.periksa(trimmed, field: "indikator", maks: Batas.uraian, label: "Nama indikator")
        try Batas.periksa(satuan, field: "satuan", maks: Batas.satuan, label: "Satuan")
        try Batas.periksa(sumberData, field: "sumber_data", maks: Batas.nama, label: "Sumber data")
        try Batas.periksa(penanggungJawab, field: "penanggung_jawab", maks: Batas.nama, label: "Penanggung jawab")
        guard !bobot.isNaN, !bobot.isNegativeNumber else {
            throw .tidakSah(field: "bobot", pesan: "Bobot tidak boleh negatif.")
        }
        if jenisNilai == .predikat && skala == nil {
            throw .tidakSah(field: "skala", pesan: "Indikator predikat \"\(trimmed)\" memerlukan skala.")
        }
        self.id = id
        self.elemen = elemen
        self.nama = trimmed
        self.satuan = satuan.trimmed()
        self.jenis = jenis
        self.polaritas = polaritas
        self.jenisNilai = jenisNilai
        self.agregasi = agregasi ?? Agregasi.tebakan(nama: trimmed, satuan: satuan, jenisNilai: jenisNilai)
        self.metodeTurun = metodeTurun
        self.skala = skala
        self.definisi = definisi
        self.sumberData = sumberData
        self.penanggungJawab = penanggungJawab
        self.isIKU = isIKU
        self.baseline = baseline
        self.bobot = bobot
        self.urutan = urutan
    }

    /// The rule the calculation engine needs.
    public func aturan(
        kebijakan: KebijakanCapaian, skala daftar: [String: SkalaPredikat] = SkalaPredikat.bawaan
    )
        -> AturanCapaian
    {
        AturanCapaian(
            polaritas: polaritas,
            metodeTurun: metodeTurun ?? kebijakan.metodeTurun,
            skala: skala.flatMap { daftar[$0] },
            batasRasio: kebijakan.batasRasio
        )
    }
}

/// The baseline (kondisi awal) of an indicator.
public struct Baseline: Hashable, Sendable, Codable {
    public var tahun: Int?
    public var nilai: Nilai?
    public var teks: String

    public init(tahun: Int?, nilai: Nilai?, teks: String) {
        self.tahun = tahun
        self.nilai = nilai
        self.teks = teks
    }
}

extension Indikator {
    /// The units a value typed for this indicator may carry after its number: its own satuan (lower-cased).
    public var satuanSah: Set<String> { Self.satuanSah(satuan) }

    /// The units a value may carry for an indicator whose satuan is `satuan`.
    public static func satuanSah(_ satuan: String) -> Set<String> {
        let unit = satuan.trimmedSpaces().lowercased()
        return unit.isEmpty ? [] : [unit]
    }
}
