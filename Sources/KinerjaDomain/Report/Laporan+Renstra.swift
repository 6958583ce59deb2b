import Foundation

extension Laporan {
    /// T-C.27 Renstra: program, kegiatan and sub kegiatan with indicator, baseline, and for each year of the Renstra
    /// period the target and pagu (Σ of the sub kegiatan for parents), the final-year condition, PD and lokasi.
    public static func renstra(
        _ indeks: IndeksKinerja, pd: PerangkatDaerah, tahun: Int, tanggal: String = ""
    ) -> Laporan {
        let data = indeks.data
        let period = data.periode.first { $0.perangkatDaerah == pd.id && $0.jenis == .renstra && $0.contains(tahun) }
        let years = period.map { Array($0.tahun) } ?? Array(tahun...(tahun + 4))
        var rows: [Baris] = []
        var totals = [Rupiah?](repeating: nil, count: years.count)
        func target(_ indikator: Indikator, _ year: Int) -> String {
            (indeks.targetPerIndikator[indikator.id] ?? []).first {
                $0.dokumen == .renstra && $0.periode == PeriodeLaporan(tahun: year)
            }?.teks ?? ""
        }
        func visit(_ node: ElemenRencana, depth: Int) {
            guard node.tingkat.hasAnggaran else {
                for child in indeks.anakDari(node.id) { visit(child, depth: depth) }
                return
            }
            let money = years.map { indeks.pagu(node.id, tahun: $0, dokumen: .renstra) }
            if node.tingkat == .program {
                for index in years.indices {
                    if let value = money[index] { totals[index] = (totals[index] ?? .zero) + value }
                }
            }
            let indicators = (indeks.indikatorPerElemen[node.id] ?? []).filter { indikator in
                years.contains { !target(indikator, $0).isEmpty }
            }
            let lokasi = (indeks.paguPerElemen[node.id] ?? []).first { !$0.lokasi.isEmpty }?.lokasi ?? ""
            for (index, indikator) in (indicators.isEmpty ? [nil] : indicators.map(Optional.some)).enumerated() {
                var cells: [Sel] = [
                    .teks(index == 0 ? node.kode?.asli ?? "" : ""), .teks(index == 0 ? node.uraianDanHasil : ""),
                    .teks(indikator?.nama ?? ""), .teks(indikator?.baseline?.teks ?? ""),
                ]
                for (yearIndex, year) in years.enumerated() {
                    cells.append(.teks(indikator.map { target($0, year) } ?? ""))
                    cells.append(index == 0 ? .rupiah(money[yearIndex]) : .kosong)
                }
                let last = indikator.map { target($0, years.last!) } ?? ""
                let sum: Rupiah? = money.compactMap { $0 }.isEmpty ? nil : money.compactMap { $0 }.sum()
                cells += [
                    .teks(last), index == 0 ? .rupiah(sum) : .kosong,
                    .teks(index == 0 ? pd.singkatan.isEmpty ? pd.nama : pd.singkatan : ""),
                    .teks(index == 0 ? lokasi : ""),
                ]
                rows.append(Baris(cells, kedalaman: depth, gaya: node.tingkat == .subKegiatan ? .biasa : .kelompok))
            }
            for child in indeks.anakDari(node.id) { visit(child, depth: depth + 1) }
        }
        for root in indeks.akar(perangkatDaerah: pd.id) { visit(root, depth: 0) }
        var totalCells: [Sel] = [.kosong, .teks("JUMLAH"), .kosong, .kosong]
        for value in totals { totalCells += [.kosong, .rupiah(value)] }
        let grand: Rupiah? = totals.compactMap { $0 }.isEmpty ? nil : totals.compactMap { $0 }.sum()
        totalCells += [.kosong, .rupiah(grand), .kosong, .kosong]
        rows.append(Baris(totalCells, gaya: .total))
        var columns: [Kolom] = [
            Kolom("Kode", nomor: "1", lebar: 16), Kolom("Program/Kegiatan/Sub Kegiatan", nomor: "2", lebar: 34),
            Kolom("Indikator", nomor: "3", lebar: 30), Kolom("Kondisi awal", nomor: "4", lebar: 10),
        ]
        for (index, year) in years.enumerated() {
            columns.append(Kolom("Target \(year)", nomor: String(5 + index * 2), lebar: 10))
            columns.append(Kolom("Rp \(year)", nomor: String(6 + index * 2), jenis: .rupiah, lebar: 16))
        }
        let next = 5 + years.count * 2
        columns += [
            Kolom("Target akhir", nomor: String(next), lebar: 10),
            Kolom("Rp akhir", nomor: String(next + 1), jenis: .rupiah, lebar: 17),
            Kolom("Perangkat daerah", nomor: String(next + 2), lebar: 12),
            Kolom("Lokasi", nomor: String(next + 3), lebar: 12),
        ]
        return Laporan(
            nama: "renstra", kop: [data.pemda.nama.uppercased(), pd.nama.uppercased()],
            judul: ["Rencana Program, Kegiatan, Sub Kegiatan dan Pendanaan \(pd.nama) \(years.first!)-\(years.last!)"],
            kepala: [
                [
                    SelKepala("Kode", baris: 2), SelKepala("Program, Kegiatan dan Sub Kegiatan", baris: 2),
                    SelKepala("Indikator Kinerja", baris: 2), SelKepala("Kondisi Kinerja Awal", baris: 2),
                ] + years.map { SelKepala("Tahun \($0)", kolom: 2) } + [
                    SelKepala("Kondisi Kinerja pada Akhir Periode Renstra", kolom: 2),
                    SelKepala("Perangkat Daerah", baris: 2),
                    SelKepala("Lokasi", baris: 2),
                ],
                years.flatMap { _ in [SelKepala("Target"), SelKepala("Rp")] } + [SelKepala("Target"), SelKepala("Rp")],
            ],
            kolom: columns, baris: rows,
            catatan: ["Rp program dan kegiatan = jumlah sub kegiatannya; Rp akhir = jumlah seluruh tahun."],
            tandaTangan: tandaTangan(data, pd: pd.id, tanggal: tanggal))
    }
}
