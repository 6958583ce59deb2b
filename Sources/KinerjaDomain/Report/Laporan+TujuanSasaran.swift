import Foundation

extension Laporan {
    /// Seed 003 Tabel 3.1: the PD's tujuan and sasaran with their indicators and the Renstra targets of each year of
    /// the period that contains `tahun` (or of `tahun` to `tahun + 2` when no period is stored).
    public static func tujuanSasaran(
        _ indeks: IndeksKinerja, pd: PerangkatDaerah, tahun: Int, tanggal: String = ""
    ) -> Laporan {
        let data = indeks.data
        let period = data.periode.first { $0.perangkatDaerah == pd.id && $0.jenis == .renstra && $0.contains(tahun) }
        let years = period.map { Array($0.tahun) } ?? Array(tahun...(tahun + 2))
        func target(_ indikator: Indikator, _ year: Int) -> String {
            let targets = indeks.targetPerIndikator[indikator.id] ?? []
            for document in [DokumenRencana.renstra, .rpjmd, .renja] {
                if let found = targets.first(where: {
                    $0.dokumen == document && $0.periode == PeriodeLaporan(tahun: year)
                }) {
                    return found.teks
                }
            }
            return ""
        }
        var rows: [Baris] = []
        var number = 0
        let tujuanList = indeks.akar(perangkatDaerah: pd.id).filter { $0.tingkat == .tujuanPD }
        for tujuan in tujuanList {
            let tujuanIndicators = (indeks.indikatorPerElemen[tujuan.id] ?? []).map(\.nama).joined(separator: "; ")
            var first = true
            number += 1
            for sasaran in indeks.anakDari(tujuan.id) where sasaran.tingkat == .sasaranPD {
                for indikator in indeks.indikatorPerElemen[sasaran.id] ?? [] {
                    let targets = years.map { target(indikator, $0) }
                    guard targets.contains(where: { !$0.isEmpty }) else { continue }
                    rows.append(
                        Baris(
                            [
                                .teks(first ? "\(number)." : ""), .teks(first ? tujuan.uraian : ""),
                                .teks(first ? tujuanIndicators : ""), .teks(sasaran.uraian), .teks(indikator.nama),
                            ] + targets.map { .teks($0) }))
                    first = false
                }
            }
        }
        return Laporan(
            nama: "tujuan-sasaran", kop: [data.pemda.nama.uppercased(), pd.nama.uppercased()],
            judul: ["Tujuan dan Sasaran \(pd.nama) Tahun \(years.first!)-\(years.last!)"],
            kepala: [
                [
                    SelKepala("No", baris: 2), SelKepala("Tujuan", baris: 2),
                    SelKepala("Indikator Kinerja Tujuan", baris: 2),
                    SelKepala("Sasaran", baris: 2), SelKepala("Indikator Kinerja Sasaran", baris: 2),
                    SelKepala("Target Kinerja Tujuan/Sasaran pada Tahun", kolom: years.count),
                ],
                years.map { SelKepala(String($0)) },
            ],
            kolom: [
                Kolom("No", nomor: "1", lebar: 5), Kolom("Tujuan", nomor: "2", lebar: 30),
                Kolom("Indikator tujuan", nomor: "3", lebar: 30),
                Kolom("Sasaran", nomor: "4", lebar: 30), Kolom("Indikator sasaran", nomor: "5", lebar: 34),
            ] + years.enumerated().map { Kolom(String($1), nomor: String($0 + 6), lebar: 10) },
            baris: rows, tandaTangan: tandaTangan(data, pd: pd.id, tanggal: tanggal))
    }
}
