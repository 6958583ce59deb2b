import Foundation

extension Laporan {
    /// Seed 003 Tabel 2.1: evaluation of the Renja of year n-1 and achievement of the Renstra to year n, columns
    /// 1-11, computed by each indicator's aggregation (never summing percentages across years). Where the stored
    /// Renstra target (as printed) differs from the correct end-of-period target, the report shows the correct value
    /// and says so in a note.
    public static func evaluasiRenja(
        _ indeks: IndeksKinerja, pd: PerangkatDaerah, tahun: Int, tanggal: String = ""
    ) -> Laporan {
        let data = indeks.data
        let kebijakan = data.pemda.kebijakan
        let period = data.periode.first { $0.perangkatDaerah == pd.id && $0.jenis == .renstra && $0.contains(tahun) }
        let start = period?.tahunAwal ?? tahun - 4
        let end = period?.tahunAkhir ?? tahun
        var rows: [Baris] = []
        var notes: [String] = []
        func number(_ nilai: Nilai?) -> Decimal? { nilai?.angka }
        func visit(_ node: ElemenRencana, depth: Int) {
            if node.tingkat.hasAnggaran {
                for indikator in indeks.indikatorPerElemen[node.id] ?? [] {
                    let history = indeks.riwayat(indikator)
                    let renstra = (indeks.targetPerIndikator[indikator.id] ?? []).first {
                        $0.dokumen == .renstra && $0.periode == PeriodeLaporan(tahun: end)
                    }
                    let sixTarget = history.targetTahun(tahun - 1)
                    let ninthTarget = history.targetTahun(tahun)
                    guard renstra != nil || sixTarget != nil || ninthTarget != nil else { continue }
                    let evaluasi = EvaluasiRenja(
                        targetRenstra: number(renstra?.nilai),
                        realisasiSampaiLalu: start <= tahun - 2
                            ? number(history.realisasiSampai(tahun: start...(tahun - 2))) : nil,
                        targetTahunLalu: number(sixTarget),
                        realisasiTahunLalu: number(history.realisasiTahun(tahun - 1)),
                        targetTahunIni: number(ninthTarget), agregasi: indikator.agregasi,
                        aturan: indikator.aturan(kebijakan: kebijakan))
                    func percent(_ hasil: HasilCapaian) -> Sel {
                        if case .tidakTerhitung(let reason) = hasil {
                            let note = "\"–*\": \(reason.pesan)."
                            if !notes.contains(note) { notes.append(note) }
                            return .tidakTerdefinisi(catatan: 1)
                        }
                        return .persen(hasil.persen)
                    }
                    if let printed = evaluasi.targetRenstra, let correct = evaluasi.kolom4, printed != correct {
                        notes.append(
                            "\(node.kode?.asli ?? node.uraian) \(indikator.nama): target Renstra tercetak \(IndonesianFormat.number(printed)) "
                                + "menjumlahkan nilai tahunan; indikator \(indikator.agregasi.rawValue) ditampilkan \(IndonesianFormat.number(correct))."
                        )
                    }
                    rows.append(
                        Baris(
                            [
                                .teks(node.kode?.asli ?? ""), .teks(node.uraian), .teks(indikator.nama),
                                .angka(evaluasi.kolom4),
                                .angka(evaluasi.realisasiSampaiLalu), .angka(evaluasi.targetTahunLalu),
                                .angka(evaluasi.realisasiTahunLalu), percent(evaluasi.kolom8),
                                .angka(evaluasi.targetTahunIni),
                                .angka(evaluasi.kolom10), percent(evaluasi.kolom11),
                            ], kedalaman: depth, gaya: node.tingkat == .subKegiatan ? .biasa : .kelompok))
                }
            }
            for child in indeks.anakDari(node.id) { visit(child, depth: node.tingkat.hasAnggaran ? depth + 1 : depth) }
        }
        for root in indeks.akar(perangkatDaerah: pd.id) { visit(root, depth: 0) }
        return Laporan(
            nama: "evaluasi-renja", kop: [data.pemda.nama.uppercased(), pd.nama.uppercased()],
            judul: [
                "Rekapitulasi Evaluasi Hasil Pelaksanaan Renja \(pd.nama)",
                "dan Pencapaian Renstra s.d. Tahun \(tahun - 1)",
            ],
            kepala: [
                [
                    SelKepala("Kode", baris: 2), SelKepala("Program/Kegiatan/Sub Kegiatan", baris: 2),
                    SelKepala("Indikator Kinerja", baris: 2),
                    SelKepala("Target Kinerja Capaian Renstra s.d. Tahun \(end)", baris: 2),
                    SelKepala("Realisasi Target Kinerja s.d. Tahun \(tahun - 2)", baris: 2),
                    SelKepala("Target dan Realisasi Tahun \(tahun - 1)", kolom: 3),
                    SelKepala("Target Renja Tahun \(tahun)", baris: 2),
                    SelKepala("Perkiraan Realisasi Capaian Renstra s.d. Tahun Berjalan", kolom: 2),
                ],
                [
                    SelKepala("Target Renja"), SelKepala("Realisasi Renja"), SelKepala("Tingkat Realisasi (%)"),
                    SelKepala("Realisasi Capaian s.d. Tahun \(tahun)"), SelKepala("Tingkat Capaian Renstra (%)"),
                ],
            ],
            kolom: [
                Kolom("Kode", nomor: "1", lebar: 16), Kolom("Uraian", nomor: "2", lebar: 34),
                Kolom("Indikator", nomor: "3", lebar: 34),
                Kolom("Target Renstra", nomor: "4", jenis: .angka, lebar: 10),
                Kolom("Realisasi s.d. n-2", nomor: "5", jenis: .angka, lebar: 10),
                Kolom("Target n-1", nomor: "6", jenis: .angka, lebar: 9),
                Kolom("Realisasi n-1", nomor: "7", jenis: .angka, lebar: 9),
                Kolom("Tingkat realisasi", nomor: "8=(7/6)", jenis: .persen, lebar: 10),
                Kolom("Target n", nomor: "9", jenis: .angka, lebar: 9),
                Kolom("Realisasi s.d. n", nomor: "10=(5,7,9)", jenis: .angka, lebar: 10),
                Kolom("Tingkat capaian", nomor: "11=(10/4)", jenis: .persen, lebar: 10),
            ],
            baris: rows,
            catatan: notes + [
                "Kolom 10 menggabungkan 5, 7 dan 9 menurut agregasi indikator: dijumlahkan untuk indikator kumulatif, nilai terakhir untuk persentase, indeks dan nilai akhir lainnya.",
                "Kolom 8 dan 11 mengikuti aturan capaian (0 terhadap 0 = 100 %, tidak pernah #DIV/0!).",
            ],
            tandaTangan: tandaTangan(data, pd: pd.id, tanggal: tanggal))
    }
}
