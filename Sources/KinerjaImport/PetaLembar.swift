import Foundation
import KinerjaDomain

/// What a user told Kinerja about a sheet it did not recognise: which column holds what, in the template's names
/// (`kode`, `uraian`, `indikator`, `satuan`, `target_2026`, `pagu_2026`, `realisasi`, `realisasi_keuangan`, …).
/// Saved per Pemda under the sheet's header signature, so that the same layout imports directly next time; on the
/// command line a JSON file of these (`kinerja import FILE --peta PETA.json`).
public struct PetaLembar: Codable, Sendable, Hashable {
    /// The header row's texts, normalised and joined: how a sheet of the same layout is recognised.
    public var tanda: String
    /// `rencana` or `realisasi`.
    public var jenis: String
    /// Column (0-based) → template name; columns not listed are ignored.
    public var kolom: [Int: String]
    /// For a realisasi sheet without `tahun`/`triwulan` columns: the period of every row.
    public var tahun: Int?
    public var triwulan: Int?

    public init(tanda: String, jenis: String, kolom: [Int: String], tahun: Int? = nil, triwulan: Int? = nil) {
        self.tanda = tanda
        self.jenis = jenis
        self.kolom = kolom
        self.tahun = tahun
        self.triwulan = triwulan
    }

    /// The names a column may be given (besides `target_YYYY` and `pagu_YYYY`).
    public static let namaRencana = [
        "kode", "uraian", "indikator", "satuan", "lokasi", "sumber_dana", "baseline", "penanggung_jawab", "polaritas",
        "hasil", "keterangan",
    ]
    public static let namaRealisasi = [
        "kode", "uraian", "indikator", "realisasi", "realisasi_keuangan", "fisik", "persen_keuangan", "tahun",
        "triwulan", "target_triwulan",
    ]

    /// Checks the mapping against the template: the columns a reader needs, and only names it knows.
    public func periksa() throws(DomainError) {
        let names = Set(kolom.values)
        let yearly = { (name: String) in
            name.hasPrefix("target_") || name.hasPrefix("pagu_")
                ? Int(name.split(separator: "_").last ?? "").map { (1945...2200).contains($0) } ?? false : false
        }
        switch jenis {
        case "rencana":
            for name in names where !Self.namaRencana.contains(name) && !yearly(name) {
                throw .tidakSah(field: "peta", pesan: "Kolom \"\(name)\" tidak dikenal untuk rencana.")
            }
            guard names.contains("uraian") || names.contains("kode"), names.contains("indikator") else {
                throw .tidakSah(field: "peta", pesan: "Tandai sekurangnya kolom kode atau uraian, dan indikator.")
            }
        case "realisasi":
            for name in names where !Self.namaRealisasi.contains(name) {
                throw .tidakSah(field: "peta", pesan: "Kolom \"\(name)\" tidak dikenal untuk realisasi.")
            }
            guard names.contains("kode") || names.contains("uraian") else {
                throw .tidakSah(field: "peta", pesan: "Tandai kolom kode atau uraian.")
            }
            guard names.contains("tahun") || tahun != nil else {
                throw .tidakSah(field: "tahun", pesan: "Sebutkan tahun realisasi (atau tandai kolom tahun).")
            }
        default:
            throw .tidakSah(field: "jenis", pesan: "Jenis peta harus rencana atau realisasi.")
        }
        guard Set(kolom.values).count == kolom.count else {
            throw .tidakSah(field: "peta", pesan: "Satu nama kolom dipakai untuk dua kolom.")
        }
    }

    /// The sheet as the template reads it: a header row of template names, then the data rows below the header
    /// (and below a numbering row, if any).
    func sebagaiTemplat(_ table: TabelMasukan, kepala: Int) -> TabelMasukan {
        let ordered = kolom.keys.sorted()
        var header = ordered.map { Sel.teks(kolom[$0]!) }
        var extra: [Sel] = []
        if jenis == "realisasi" {
            if let tahun, !kolom.values.contains("tahun") {
                header.append(.teks("tahun"))
                extra.append(.teks(String(tahun)))
            }
            if let triwulan, !kolom.values.contains("triwulan") {
                header.append(.teks("triwulan"))
                extra.append(.teks(String(triwulan)))
            }
        }
        var rows = [TabelMasukan.Baris(nomor: table.baris[kepala].nomor, sel: header)]
        for row in table.baris.dropFirst(kepala + 1) where !row.isKosong {
            if Self.barisNomor(row) { continue }
            rows.append(TabelMasukan.Baris(nomor: row.nomor, sel: ordered.map { row[$0] } + extra))
        }
        return TabelMasukan(lembar: table.lembar, baris: rows)
    }

    /// A four-digit year in a header text (`Target 2026`), for guessing a column's name.
    public static func tahunDalam(_ text: String) -> Int? { TataLetakResmi.year(in: text) }

    /// A numbering row (`1 2 3 …`, `(1) (2) …`).
    static func barisNomor(_ row: TabelMasukan.Baris) -> Bool {
        let cells = row.sel.filter { !$0.isKosong }
        guard cells.count >= 3 else { return false }
        return cells.enumerated().allSatisfy { TataLetakResmi.leadingInteger($0.element.teks) == $0.offset + 1 }
    }
}

/// A sheet Kinerja did not recognise, as the mapping step shows it: its header row, each column's header text
/// and first values.
public struct LembarTidakDikenali: Codable, Sendable, Hashable {
    public struct Kolom: Codable, Sendable, Hashable {
        public var indeks: Int
        public var kepala: String
        public var contoh: [String]
    }

    public var lembar: String
    public var tanda: String
    /// 1-based row number of the header row in the sheet.
    public var barisKepala: Int
    public var kolom: [Kolom]
    /// Years seen in the headers and title, to offer `target_YYYY` / `pagu_YYYY`.
    public var tahun: [Int]

    /// The header row: the first of the first 25 rows with the most text cells (at least two).
    static func dari(_ table: TabelMasukan) -> (LembarTidakDikenali, Int)? {
        var best: (index: Int, count: Int)?
        for (index, row) in table.baris.prefix(25).enumerated() {
            let count = row.sel.filter { cell in
                if case .teks(let text) = cell { return !text.trimmedSpaces().isEmpty }
                return false
            }.count
            if count >= 2, count > (best?.count ?? 0) { best = (index, count) }
        }
        guard let (index, _) = best else { return nil }
        let header = table.baris[index]
        let below = table.baris.dropFirst(index + 1).filter { !$0.isKosong && !PetaLembar.barisNomor($0) }
        let width = table.baris.prefix(index + 30).map(\.sel.count).max() ?? header.sel.count
        let columns = (0..<width).compactMap { column -> Kolom? in
            let samples = below.prefix(30).map { $0[column].teks }.filter { !$0.isEmpty }.prefix(3)
            let text = header[column].teks
            guard !text.isEmpty || !samples.isEmpty else { return nil }
            return Kolom(indeks: column, kepala: text, contoh: Array(samples))
        }
        let titles = table.baris.prefix(index + 1).flatMap { $0.sel.map(\.teks) }
        let years = Set(titles.compactMap { TataLetakResmi.year(in: $0) })
        return (
            LembarTidakDikenali(
                lembar: table.lembar, tanda: tanda(header), barisKepala: header.nomor, kolom: columns,
                tahun: years.sorted()),
            index
        )
    }

    static func tanda(_ header: TabelMasukan.Baris) -> String {
        header.sel.map { normalHeader($0.teks) }.joined(separator: "|")
    }
}
