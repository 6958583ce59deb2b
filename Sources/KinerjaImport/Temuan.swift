import Foundation
import KinerjaDomain

/// A finding about an input file: an error that blocks applying it, a warning, or a contradiction the document
/// makes with itself. Always located by sheet, row and column.
public struct Temuan: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Keparahan: String, Sendable, Hashable, Codable, Comparable {
        case galat
        case peringatan

        public static func < (lhs: Keparahan, rhs: Keparahan) -> Bool { lhs == .galat && rhs == .peringatan }

        public var label: String { self == .galat ? "Galat" : "Peringatan" }
    }

    /// Kinds of finding; the raw value is what CSV output and tests use.
    public enum Jenis: String, Sendable, Hashable, Codable, CaseIterable {
        case berkas
        case kolomTidakAda = "kolom_tidak_ada"
        case kolomTidakDikenal = "kolom_tidak_dikenal"
        case nilaiTidakSah = "nilai_tidak_sah"
        case angkaAmbigu = "angka_ambigu"
        case kodeTidakSah = "kode_tidak_sah"
        case kodeTidakMengikutiInduk = "kode_tidak_mengikuti_induk"
        case kodeGanda = "kode_ganda"
        case indukTidakAda = "induk_tidak_ada"
        case tidakDitemukan = "tidak_ditemukan"
        case paguIndukBerbeda = "pagu_induk_berbeda"
        case realisasiIndukBerbeda = "realisasi_induk_berbeda"
        case persenBerbeda = "persen_berbeda"
        case rumusBerbeda = "rumus_berbeda"
        case persenDijumlahkan = "persen_dijumlahkan"
        case tahunTanpaTarget = "tahun_tanpa_target"
        case tanpaSatuan = "tanpa_satuan"
        case programTanpaOutcome = "program_tanpa_outcome"
        case kegiatanTanpaOutput = "kegiatan_tanpa_output"
        case galatRumus = "galat_rumus"
        case rumusTanpaNilai = "rumus_tanpa_nilai"
        case totalPeriodeBerbeda = "total_periode_berbeda"
        case jumlahTriwulanBerbeda = "jumlah_triwulan_berbeda"
    }

    public var keparahan: Keparahan
    public var jenis: Jenis
    public var lembar: String
    /// 1-based row of the sheet; nil for the file as a whole.
    public var baris: Int?
    /// Column header (or letter) at fault.
    public var kolom: String?
    public var pesan: String
    public var tercetak: String?
    public var dihitung: String?
    public var selisih: String?

    public init(
        _ keparahan: Keparahan, _ jenis: Jenis, lembar: String, baris: Int?, kolom: String?, pesan: String,
        tercetak: String? = nil, dihitung: String? = nil, selisih: String? = nil
    ) {
        self.keparahan = keparahan
        self.jenis = jenis
        self.lembar = lembar
        self.baris = baris
        self.kolom = kolom
        self.pesan = pesan
        self.tercetak = tercetak
        self.dihitung = dihitung
        self.selisih = selisih
    }

    public var lokasi: String {
        var parts = ["lembar \(lembar)"]
        if let baris { parts.append("baris \(baris)") }
        if let kolom { parts.append("kolom \(kolom)") }
        return parts.joined(separator: ", ")
    }

    public var description: String { "\(keparahan.label) (\(lokasi)): \(pesan)" }

    static let csvHeader = [
        "keparahan", "jenis", "lembar", "baris", "kolom", "pesan", "tercetak", "dihitung", "selisih",
    ]

    var csvRow: [String] {
        [
            keparahan.rawValue, jenis.rawValue, lembar, baris.map(String.init) ?? "", kolom ?? "", pesan,
            tercetak ?? "",
            dihitung ?? "", selisih ?? "",
        ]
    }
}
