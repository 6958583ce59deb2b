import Foundation

extension Laporan {
    /// The quarterly evaluation form (Permendagri 86/2017): per program, kegiatan and sub kegiatan and indicator, K
    /// (kinerja) and Rp pairs for the Renstra target at the end of the period, realisasi to last year, this year's
    /// target, realisasi of each triwulan (that triwulan alone), this year's realisasi, Renstra realisasi to date and
    /// its level of achievement, with the Kepala's signature block. With `sampaiTriwulan` n, the evaluation as of TW
    /// n: later triwulan stay empty and the year's columns are s.d. TW n; below the table, the average capaian of
    /// the year's indicators s.d. TW n and its predikat from the Pemda's bands. As form E.81: the sasaran a
    /// program serves first (its sasaran PD in the cascading), the unit penanggung jawab and a keterangan (the
    /// category of the year's capaian s.d. TW n) last; "Disusun" by the Kepala PD, "Dievaluasi" by the Kepala
    /// Bappeda.
    public static func evaluasiTriwulan(
        _ indeks: IndeksKinerja, pd: PerangkatDaerah, tahun: Int, sampaiTriwulan: Int? = nil, tanggal: String = ""
    ) -> Laporan {
        let data = indeks.data
        let kebijakan = data.pemda.kebijakan
        let quarters = data.pemda.jumlahTriwulan
        let last = min(sampaiTriwulan ?? quarters, quarters)
        var achievements: [Decimal] = []
        let period = data.periode.first { $0.perangkatDaerah == pd.id && $0.jenis == .renstra && $0.contains(tahun) }
        let start = period?.tahunAwal ?? tahun
        let end = period?.tahunAkhir ?? tahun
        var rows: [Baris] = []
        // Each year's money once for the whole table (a parent's is its subtree's).
        let yearly = Dictionary(uniqueKeysWithValues: (start...end).map { ($0, AnggaranTahun(indeks, tahun: $0)) })
        let renstraYearly = Dictionary(
            uniqueKeysWithValues: (start...end).map { ($0, AnggaranTahun(indeks, tahun: $0, dokumen: .renstra)) })
        let thisYear = yearly[tahun] ?? AnggaranTahun(indeks, tahun: tahun)
        let toDate = AnggaranTahun(indeks, tahun: tahun, sampai: last)
        func money(_ id: TypedID<ElemenRencana>, _ years: ClosedRange<Int>) -> Rupiah? {
            let values = years.compactMap { (yearly[$0] ?? AnggaranTahun(indeks, tahun: $0)).realisasiKeuangan(id) }
            return values.isEmpty ? nil : values.sum()
        }
        func renstraPagu(_ id: TypedID<ElemenRencana>) -> Rupiah? {
            let values = (start...end).compactMap { renstraYearly[$0]?.pagu(id) }
            return values.isEmpty ? nil : values.sum()
        }
        /// Money spent in that triwulan alone: Σ of the sub kegiatan's figures for it; missing when none reported.
        func quarterMoney(_ id: TypedID<ElemenRencana>, _ quarter: Int) -> Rupiah? {
            let children = indeks.anakDari(id).filter(\.tingkat.hasAnggaran)
            if !children.isEmpty {
                let values = children.compactMap { quarterMoney($0.id, quarter) }
                return values.isEmpty ? nil : values.sum()
            }
            return (indeks.anggaranPerElemen[id] ?? []).first {
                $0.periode == PeriodeLaporan(tahun: tahun, triwulan: quarter)
            }?
            .keuangan
        }
        let units = Dictionary(data.unitKerja.map { ($0.id, $0.nama) }, uniquingKeysWith: { first, _ in first })
        var printedSasaran: Set<String> = []
        func visit(_ node: ElemenRencana, depth: Int, sasaran: String) {
            guard node.tingkat.hasAnggaran else {
                let served = node.tingkat == .sasaranPD ? node.uraian : sasaran
                for child in indeks.anakDari(node.id) { visit(child, depth: depth, sasaran: served) }
                return
            }
            let indicators = indeks.indikatorPerElemen[node.id] ?? []
            let unit = node.unitKerja.flatMap { units[$0] } ?? node.penanggungJawab
            for (index, indikator) in (indicators.isEmpty ? [nil] : indicators.map(Optional.some)).enumerated() {
                let first = index == 0
                var cells: [Sel] = [
                    .teks(printedSasaran.insert(sasaran).inserted ? sasaran : ""),
                    .teks(first ? node.kode?.asli ?? "" : ""), .teks(first ? node.uraian : ""),
                    .teks(indikator?.nama ?? ""),
                ]
                let renstra = indikator.map { indeks.riwayat($0, dokumen: .renstra) }
                let history = indikator.map { indeks.riwayat($0) }
                func k(_ nilai: Nilai?) -> Sel { .teks(nilai?.teks ?? "") }
                func rp(_ value: Rupiah?) -> Sel { first ? .rupiah(value) : .kosong }
                // The period's end target by the rule of Tabel 2.1's column 4 (`EvaluasiRenja.kolom4`): a kumulatif
                // indicator's Renstra total; any other the final year's target, else the Renstra's.
                let renstraEnd = renstra?.targetAkhir(tahun: start...end)
                let targetEnd =
                    indikator?.agregasi == .kumulatif ? renstraEnd : (history?.targetTahun(end) ?? renstraEnd)
                cells += [k(targetEnd), rp(renstraPagu(node.id))]
                cells += [
                    k(start <= tahun - 1 ? history?.realisasiSampai(tahun: start...(tahun - 1)) : nil),
                    rp(start <= tahun - 1 ? money(node.id, start...(tahun - 1)) : nil),
                ]
                cells += [k(history?.targetTahun(tahun)), rp(thisYear.pagu(node.id))]
                for quarter in 1...quarters {
                    cells += [
                        k(quarter <= last ? history?.realisasi[PeriodeLaporan(tahun: tahun, triwulan: quarter)] : nil),
                        rp(quarter <= last ? quarterMoney(node.id, quarter) : nil),
                    ]
                }
                cells += [
                    k(history?.realisasiTahun(tahun, sampai: last)),
                    rp(toDate.realisasiKeuangan(node.id)),
                ]
                var keterangan = ""
                if let indikator, let history {
                    let hasil = history.hitung(tahun: tahun, sampai: last, indikator: indikator, kebijakan: kebijakan)
                    if let percent = hasil.capaian.persen { achievements.append(percent) }
                    keterangan = kebijakan.kategori.kategori(hasil.capaian)?.label ?? ""
                }
                let toDate = history?.realisasiSampai(tahun: start...tahun)
                let moneyToDate = money(node.id, start...tahun)
                cells += [k(toDate), rp(moneyToDate)]
                let achievement = indikator.map {
                    CapaianEngine.capaian(target: targetEnd, realisasi: toDate, aturan: $0.aturan(kebijakan: kebijakan))
                }
                cells += [
                    .persen(achievement?.persen),
                    first
                        ? .persen(renstraPagu(node.id).flatMap { Serapan.persen(realisasi: moneyToDate, pagu: $0) })
                        : .kosong,
                ]
                cells += [.teks(first ? unit : ""), .teks(keterangan)]
                rows.append(Baris(cells, kedalaman: depth, gaya: node.tingkat == .subKegiatan ? .biasa : .kelompok))
            }
            for child in indeks.anakDari(node.id) { visit(child, depth: depth + 1, sasaran: sasaran) }
        }
        for root in indeks.akar(perangkatDaerah: pd.id) { visit(root, depth: 0, sasaran: "") }
        var top: [SelKepala] = [
            SelKepala("Sasaran", baris: 2), SelKepala("Kode", baris: 2),
            SelKepala("Program/Kegiatan/Sub Kegiatan", baris: 2), SelKepala("Indikator", baris: 2),
        ]
        top += [
            SelKepala("Target Renstra \(end)", kolom: 2), SelKepala("Realisasi s.d. \(tahun - 1)", kolom: 2),
            SelKepala("Target \(tahun)", kolom: 2),
        ]
        top += (1...quarters).map { SelKepala("Triwulan \(PeriodeLaporan.romawi($0))", kolom: 2) }
        top += [
            SelKepala("Realisasi \(tahun)", kolom: 2), SelKepala("Realisasi Renstra s.d. \(tahun)", kolom: 2),
            SelKepala("Tingkat Capaian Renstra (%)", kolom: 2), SelKepala("Unit Penanggung Jawab", baris: 2),
            SelKepala("Keterangan", baris: 2),
        ]
        let pairs = 6 + quarters
        var columns: [Kolom] = [
            Kolom("Sasaran", nomor: "1", lebar: 24), Kolom("Kode", nomor: "2", lebar: 14),
            Kolom("Uraian", nomor: "3", lebar: 30), Kolom("Indikator", nomor: "4", lebar: 28),
        ]
        for pair in 0..<pairs {
            let isPercent = pair == pairs - 1
            columns.append(Kolom("K", nomor: String(5 + pair * 2), jenis: isPercent ? .persen : .teks, lebar: 8))
            columns.append(Kolom("Rp", nomor: String(6 + pair * 2), jenis: isPercent ? .persen : .rupiah, lebar: 14))
        }
        columns.append(Kolom("Unit penanggung jawab", nomor: String(5 + pairs * 2), lebar: 20))
        columns.append(Kolom("Keterangan", nomor: String(6 + pairs * 2), lebar: 14))
        return Laporan(
            nama: "evaluasi-triwulan", kop: [data.pemda.nama.uppercased(), pd.nama.uppercased()],
            judul: [
                "Evaluasi terhadap Hasil Renja \(pd.nama) Tahun \(tahun)"
                    + (last < quarters ? " s.d. Triwulan \(PeriodeLaporan.romawi(last))" : "")
            ],
            kepala: [top, (0..<pairs).flatMap { _ in [SelKepala("K"), SelKepala("Rp")] }], kolom: columns, baris: rows,
            catatan: [
                rataRata(achievements, kebijakan: kebijakan, sampai: last, tahun: tahun),
                "K = kinerja, Rp = realisasi keuangan. Triwulan berisi realisasi triwulan itu saja; realisasi tahunan dan s.d. tahun ini digabung menurut agregasi indikator.",
                "Rp program dan kegiatan = jumlah sub kegiatannya. Kosong = belum dilaporkan, bukan nol.",
                "Keterangan: kategori capaian kinerja tahun \(tahun) s.d. TW \(PeriodeLaporan.romawi(last)) menurut pita capaian Pemda.",
            ],
            tandaTangan: tandaTangan(data, pd: pd.id, tanggal: tanggal, peran: "Disusun oleh"),
            tandaTanganEvaluasi: tandaTanganBappeda(data, tanggal: tanggal))
    }

    /// "Rata-rata capaian kinerja s.d. TW II 2024: 87,50 % (Tinggi), dari 12 indikator.": the form's average row.
    static func rataRata(_ values: [Decimal], kebijakan: KebijakanCapaian, sampai: Int, tahun: Int) -> String {
        guard !values.isEmpty else {
            return "Rata-rata capaian kinerja s.d. TW \(PeriodeLaporan.romawi(sampai)) \(tahun): belum dapat dihitung."
        }
        let mean = values.sum().dividing(by: Decimal(values.count))
        return "Rata-rata capaian kinerja s.d. TW \(PeriodeLaporan.romawi(sampai)) \(tahun): "
            + "\(IndonesianFormat.percent(mean)) (\(kebijakan.kategori.kategori(mean).label)), dari \(values.count) indikator."
    }
}
