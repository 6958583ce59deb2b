import Foundation

extension Laporan {
    /// A revised Renstra beside its murni: for each indicator with Renstra targets in the period, each year's murni
    /// target (the value before its first revision, else the current one) and its revised value ("tetap" when never
    /// revised).
    public static func renstraMurniPerubahan(
        _ indeks: IndeksKinerja, pd: PerangkatDaerah, tahun: Int, murni: [Target], tanggal: String = ""
    ) -> Laporan {
        let data = indeks.data
        let period = data.periode.first { $0.perangkatDaerah == pd.id && $0.jenis == .renstra && $0.contains(tahun) }
        let years = period.map { Array($0.tahun) } ?? Array(tahun...(tahun + 4))
        let before = Dictionary(
            murni.filter { $0.dokumen == .renstra && $0.periode.triwulan == nil }.map {
                ("\($0.indikator.uuid)/\($0.periode.tahun)", $0.teks)
            }, uniquingKeysWith: { first, _ in first })
        func current(_ indikator: Indikator, _ year: Int) -> String? {
            (indeks.targetPerIndikator[indikator.id] ?? []).first {
                $0.dokumen == .renstra && $0.periode == PeriodeLaporan(tahun: year)
            }?.teks
        }
        var rows: [Baris] = []
        var revisedCount = 0
        func visit(_ node: ElemenRencana, depth: Int) {
            let indicators = (indeks.indikatorPerElemen[node.id] ?? []).filter { indikator in
                years.contains { current(indikator, $0) != nil || before["\(indikator.id.uuid)/\($0)"] != nil }
            }
            for (index, indikator) in indicators.enumerated() {
                var cells: [Sel] = [
                    .teks(index == 0 ? node.kode?.asli ?? node.nomor : ""), .teks(index == 0 ? node.uraian : ""),
                    .teks(indikator.nama), .teks(indikator.satuan),
                ]
                for year in years {
                    let old = before["\(indikator.id.uuid)/\(year)"]
                    if old != nil { revisedCount += 1 }
                    cells.append(.teks(old ?? current(indikator, year) ?? ""))
                    cells.append(
                        .teks(
                            old == nil
                                ? (current(indikator, year) == nil ? "" : "tetap")
                                : current(indikator, year) ?? "dihapus"))
                }
                rows.append(Baris(cells, kedalaman: depth, gaya: node.tingkat == .subKegiatan ? .biasa : .kelompok))
            }
            for child in indeks.anakDari(node.id) { visit(child, depth: depth + 1) }
        }
        for root in indeks.akar(perangkatDaerah: pd.id) { visit(root, depth: 0) }
        var columns: [Kolom] = [
            Kolom("Kode", nomor: "1", lebar: 14), Kolom("Uraian", nomor: "2", lebar: 34),
            Kolom("Indikator", nomor: "3", lebar: 32), Kolom("Satuan", nomor: "4", lebar: 9),
        ]
        var yearHeads: [SelKepala] = []
        var subHeads: [SelKepala] = []
        for (index, year) in years.enumerated() {
            columns.append(Kolom("Murni \(year)", nomor: "\(5 + index * 2)", lebar: 10))
            columns.append(Kolom("Perubahan \(year)", nomor: "\(6 + index * 2)", lebar: 10))
            yearHeads.append(SelKepala("Target \(year)", kolom: 2))
            subHeads += [SelKepala("Murni"), SelKepala("Perubahan")]
        }
        return Laporan(
            nama: "renstra-perubahan", kop: [data.pemda.nama.uppercased(), pd.nama.uppercased()],
            judul: [
                "Renstra Murni dan Perubahan \(pd.nama) \(period.map { "\($0.tahunAwal)-\($0.tahunAkhir)" } ?? "\(tahun)")"
            ],
            kepala: [
                [
                    SelKepala("Kode", baris: 2), SelKepala("Tujuan/Sasaran/Program/Kegiatan", baris: 2),
                    SelKepala("Indikator", baris: 2), SelKepala("Satuan", baris: 2),
                ] + yearHeads,
                subHeads,
            ],
            kolom: columns, baris: rows,
            catatan: [
                "Murni: target Renstra sebelum revisi pertamanya; perubahan: target kini. \"tetap\": tidak pernah direvisi. "
                    + "\(revisedCount) target direvisi."
            ],
            tandaTangan: tandaTangan(data, pd: pd.id, tanggal: tanggal))
    }
}
