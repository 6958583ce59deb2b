import Foundation

extension Laporan {
    /// A report for the whole Pemda: the PD report of each perangkat daerah in kode order, each under a heading row,
    /// in one table (one header, one set of notes).
    public static func seluruhPemda(_ indeks: IndeksKinerja, _ build: (PerangkatDaerah) -> Laporan) -> Laporan? {
        gabungan(pemda: indeks.data.pemda, indeks.data.perangkatDaerah.map { ($0, build($0)) })
    }

    /// The whole Pemda's report from each PD's own (built from that PD's data alone, one PD in memory at a time):
    /// every PD under its heading, in kode order, the first PD's columns and title with the Pemda's name.
    public static func gabungan(pemda: Pemda, _ parts: [(PerangkatDaerah, Laporan)]) -> Laporan? {
        let parts = parts.sorted { $0.0.kode < $1.0.kode }
        guard let (first, firstReport) = parts.first else { return nil }
        var result = firstReport
        result.baris = []
        result.catatan = []
        result.kop = [pemda.nama.uppercased()]
        result.tandaTangan = nil
        for (pd, part) in parts {
            guard !part.baris.isEmpty else { continue }
            let width = part.kolom.count
            result.baris.append(
                Baris(
                    [.teks(pd.kode), .teks(pd.nama.uppercased())] + Array(repeating: .kosong, count: max(0, width - 2)),
                    gaya: .kelompok))
            result.baris += part.baris
            result.catatan += part.catatan.map { "\(pd.kode): \($0)" }
        }
        result.judul = result.judul.map { $0.replacingOccurrences(of: first.nama, with: pemda.nama) }
        return result
    }
}
