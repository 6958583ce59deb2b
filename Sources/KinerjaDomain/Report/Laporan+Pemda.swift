import Foundation

extension Laporan {
    /// A report for the whole Pemda: the PD report of each perangkat daerah in kode order, each under a heading row,
    /// in one table (one header, one set of notes).
    public static func seluruhPemda(_ indeks: IndeksKinerja, _ build: (PerangkatDaerah) -> Laporan) -> Laporan? {
        let pds = indeks.data.perangkatDaerah.sorted { $0.kode < $1.kode }
        guard let first = pds.first else { return nil }
        var result = build(first)
        result.baris = []
        result.catatan = []
        result.kop = [indeks.data.pemda.nama.uppercased()]
        result.tandaTangan = nil
        for pd in pds {
            let part = build(pd)
            guard !part.baris.isEmpty else { continue }
            let width = part.kolom.count
            result.baris.append(
                Baris(
                    [.teks(pd.kode), .teks(pd.nama.uppercased())] + Array(repeating: .kosong, count: max(0, width - 2)),
                    gaya: .kelompok))
            result.baris += part.baris
            result.catatan += part.catatan.map { "\(pd.kode): \($0)" }
        }
        result.judul = result.judul.map { $0.replacingOccurrences(of: first.nama, with: indeks.data.pemda.nama) }
        return result
    }
}
