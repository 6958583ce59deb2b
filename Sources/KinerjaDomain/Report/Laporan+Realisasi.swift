import Foundation

extension Laporan {
    /// Realisasi summary (Renja Kecamatan style): per program, kegiatan and sub kegiatan the target, realisasi
    /// kinerja and capaian, pagu, realisasi keuangan, % keuangan and % fisik, with program and kegiatan as subtotals
    /// (Σ of their sub kegiatan) and a total. A year up to a triwulan; missing stays missing.
    public static func realisasi(
        _ indeks: IndeksKinerja, pd: PerangkatDaerah, tahun: Int, sampaiTriwulan: Int? = nil, tanggal: String = ""
    ) -> Laporan {
        let data = indeks.data
        let table = TabelCapaian(indeks: indeks, perangkatDaerah: pd.id, tahun: tahun, sampaiTriwulan: sampaiTriwulan)
        var rows: [Baris] = []
        var totalPagu: Rupiah?
        var totalSpent: Rupiah?
        var notes: [String] = []
        for baris in table.baris where baris.elemen.tingkat.hasAnggaran {
            let node = baris.elemen
            let depth = node.tingkat == .program ? 0 : node.tingkat == .kegiatan ? 1 : 2
            if node.tingkat == .program {
                if let pagu = baris.pagu { totalPagu = (totalPagu ?? .zero) + pagu }
                if let spent = baris.realisasiKeuangan { totalSpent = (totalSpent ?? .zero) + spent }
            }
            let items: [TabelCapaian.BarisIndikator?] = baris.indikator.isEmpty ? [nil] : baris.indikator
            for (index, item) in items.enumerated() {
                var capaian: Sel = .persen(item?.capaian.persen)
                if let item, case .tidakTerhitung(let reason) = item.capaian {
                    capaian = .tidakTerdefinisi(catatan: 1)
                    let note = "Capaian \"–*\": \(reason.pesan)."
                    if !notes.contains(note) { notes.append(note) }
                }
                rows.append(
                    Baris(
                        [
                            .teks(index == 0 ? node.kode?.asli ?? "" : ""), .teks(index == 0 ? node.uraian : ""),
                            .teks(item?.indikator.nama ?? ""), .teks(item?.target?.teks ?? ""),
                            .teks(item.map { $0.realisasi?.teks ?? "belum diisi" } ?? ""), capaian,
                            index == 0 ? .rupiah(baris.pagu) : .kosong,
                            index == 0 ? .rupiah(baris.realisasiKeuangan) : .kosong,
                            index == 0 ? .persen(baris.serapan) : .kosong, index == 0 ? .persen(baris.fisik) : .kosong,
                        ], kedalaman: depth, gaya: node.tingkat == .subKegiatan ? .biasa : .kelompok))
            }
        }
        rows.append(
            Baris(
                [
                    .kosong, .teks("JUMLAH"), .kosong, .kosong, .kosong, .kosong, .rupiah(totalPagu),
                    .rupiah(totalSpent),
                    .persen(totalPagu.flatMap { Serapan.persen(realisasi: totalSpent, pagu: $0) }), .kosong,
                ], gaya: .total))
        let period = sampaiTriwulan.map { " s.d. Triwulan \(PeriodeLaporan.romawi($0))" } ?? ""
        return Laporan(
            nama: "realisasi", kop: [data.pemda.nama.uppercased(), pd.nama.uppercased()],
            judul: ["Realisasi Kinerja dan Keuangan \(pd.nama) Tahun \(tahun)\(period)"],
            kepala: [
                [
                    SelKepala("Kode", baris: 2), SelKepala("Program/Kegiatan/Sub Kegiatan", baris: 2),
                    SelKepala("Indikator", baris: 2), SelKepala("Kinerja", kolom: 3), SelKepala("Keuangan", kolom: 3),
                    SelKepala("Fisik (%)", baris: 2),
                ],
                [
                    SelKepala("Target"), SelKepala("Realisasi"), SelKepala("Capaian (%)"), SelKepala("Pagu (Rp)"),
                    SelKepala("Realisasi (Rp)"), SelKepala("Serapan (%)"),
                ],
            ],
            kolom: [
                Kolom("Kode", nomor: "1", lebar: 16), Kolom("Uraian", nomor: "2", lebar: 38),
                Kolom("Indikator", nomor: "3", lebar: 36),
                Kolom("Target", nomor: "4", lebar: 11), Kolom("Realisasi", nomor: "5", lebar: 11),
                Kolom("Capaian", nomor: "6=5/4", jenis: .persen, lebar: 10),
                Kolom("Pagu", nomor: "7", jenis: .rupiah, lebar: 17),
                Kolom("Realisasi keuangan", nomor: "8", jenis: .rupiah, lebar: 17),
                Kolom("Serapan", nomor: "9=8/7", jenis: .persen, lebar: 10),
                Kolom("Fisik", nomor: "10", jenis: .persen, lebar: 9),
            ],
            baris: rows,
            catatan: notes + [
                "Pagu dan realisasi keuangan program dan kegiatan = jumlah sub kegiatannya. \"belum diisi\" berarti realisasi belum dilaporkan."
            ],
            tandaTangan: tandaTangan(data, pd: pd.id, tanggal: tanggal))
    }
}
