import Foundation

extension Laporan {
    /// A report for the whole Pemda from each PD's own (built from that PD's data alone, one PD in memory at a time):
    /// every PD under a heading row, in kode order, in one table (one header, the first PD's columns, one set of
    /// notes), its title with the Pemda's name.
    public static func gabungan(pemda: Pemda, _ parts: [(PerangkatDaerah, Laporan)]) -> Laporan? {
        let parts = parts.sorted { $0.0.kode < $1.0.kode }
        guard let (first, firstReport) = parts.first else { return nil }
        var result = firstReport
        result.baris = []
        result.catatan = []
        result.kop = [pemda.nama.uppercased()]
        result.tandaTangan = nil
        for (pd, part) in parts {
            result.baris += barisBagian(pd, part)
            result.catatan += part.catatan.map { "\(pd.kode): \($0)" }
        }
        result.judul = result.judul.map { $0.replacingOccurrences(of: first.nama, with: pemda.nama) }
        return result
    }

    /// A PD's rows in the whole Pemda's report: a heading with its kode and name, then its report's rows (none for a
    /// PD whose report has none).
    public static func barisBagian(_ pd: PerangkatDaerah, _ part: Laporan) -> [Baris] {
        guard !part.baris.isEmpty else { return [] }
        return [judulBagian(pd, kolom: part.kolom.count)] + part.baris
    }

    /// The heading of a PD's rows in the whole Pemda's report (`barisBagian`), for a report of `kolom` columns.
    public static func judulBagian(_ pd: PerangkatDaerah, kolom: Int) -> Baris {
        Baris(
            [.teks(pd.kode), .teks(pd.nama.uppercased())] + Array(repeating: .kosong, count: max(0, kolom - 2)),
            gaya: .kelompok)
    }
}
