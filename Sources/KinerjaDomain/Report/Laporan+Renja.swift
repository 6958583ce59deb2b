import Foundation

extension Laporan {
    /// T-C.33 / seed 003 Tabel 3.2: the Renja of year n with its prakiraan maju n+1. Money of program and kegiatan
    /// is Σ of their sub kegiatan (a printed parent pagu that differs gets a note); the total is Σ of the programs.
    public static func renja(_ indeks: IndeksKinerja, pd: PerangkatDaerah, tahun: Int, tanggal: String = "") -> Laporan
    {
        let data = indeks.data
        var rows: [Baris] = []
        var notes: [String] = []
        var totals: [Rupiah?] = [nil, nil]
        let anggaranN = AnggaranTahun(indeks, tahun: tahun)
        let anggaranNext = AnggaranTahun(indeks, tahun: tahun + 1)
        func add(_ a: Rupiah?, _ b: Rupiah?) -> Rupiah? { a.map { $0 + (b ?? .zero) } ?? b }
        func target(_ indikator: Indikator, _ year: Int, _ dokumen: [DokumenRencana]) -> String {
            let targets = indeks.targetPerIndikator[indikator.id] ?? []
            for document in dokumen {
                if let found = targets.first(where: {
                    $0.dokumen == document && $0.periode == PeriodeLaporan(tahun: year)
                }) {
                    return found.teks
                }
            }
            return ""
        }
        // Only elements of this Renja: with a target or pagu for year n or n+1, themselves or below them.
        var relevant: [TypedID<ElemenRencana>: Bool] = [:]
        func inRenja(_ node: ElemenRencana) -> Bool {
            if let known = relevant[node.id] { return known }
            let years: Set<Int> = [tahun, tahun + 1]
            let ownPagu = (indeks.paguPerElemen[node.id] ?? []).contains { years.contains($0.tahun) }
            let ownTarget = (indeks.indikatorPerElemen[node.id] ?? []).contains { indikator in
                (indeks.targetPerIndikator[indikator.id] ?? []).contains { years.contains($0.periode.tahun) }
            }
            let result = ownPagu || ownTarget || indeks.anakDari(node.id).contains(where: inRenja)
            relevant[node.id] = result
            return result
        }
        // The urusan and bidang urusan the Pemda named (imported from its tables): a row above their programs, with
        // the sum of those programs' pagu.
        let names = Dictionary(data.urusan.map { ($0.kode, $0.nama) }, uniquingKeysWith: { first, _ in first })
        var groupSums: [String: [Rupiah?]] = [:]
        if !names.isEmpty {
            func collect(_ node: ElemenRencana) {
                guard inRenja(node) else { return }
                if node.tingkat == .program, let kode = node.kode, let parts = Urusan.dari(kode) {
                    for key in [parts.urusan, parts.bidang] {
                        var sums = groupSums[key] ?? [nil, nil]
                        sums[0] = add(sums[0], anggaranN.pagu(node.id))
                        sums[1] = add(sums[1], anggaranNext.pagu(node.id))
                        groupSums[key] = sums
                    }
                    return
                }
                for child in indeks.anakDari(node.id) { collect(child) }
            }
            for root in indeks.akar(perangkatDaerah: pd.id) { collect(root) }
        }
        // T-C.33 column 8 "Catatan Penting": printed when the PD's pagu of the year carry a keterangan.
        let pdNodes = Set(data.elemen.filter { $0.perangkatDaerah == pd.id }.map(\.id))
        let catatan = data.pagu.contains {
            $0.tahun == tahun && !$0.keterangan.isEmpty && $0.dokumen != .prakiraanMaju && pdNodes.contains($0.elemen)
        }
        func susun(_ cells: [Sel], catatan note: Sel) -> [Sel] {
            catatan ? Array(cells[0..<7]) + [note] + Array(cells[7...]) : cells
        }
        var lastGroup: [Bool: String] = [:]
        func groupRows(_ kode: Kode) {
            guard let parts = Urusan.dari(kode) else { return }
            for (isBidang, key) in [(false, parts.urusan), (true, parts.bidang)] {
                guard let name = names[key], lastGroup[isBidang] != key else { continue }
                lastGroup[isBidang] = key
                if !isBidang { lastGroup[true] = nil }
                let sums = groupSums[key] ?? [nil, nil]
                rows.append(
                    Baris(
                        susun(
                            [
                                .teks(key), .teks(name), .kosong, .kosong, .kosong, .rupiah(sums[0]), .kosong, .kosong,
                                .rupiah(sums[1]),
                            ], catatan: .kosong), kedalaman: 0, gaya: .kelompok))
            }
        }
        func visit(_ node: ElemenRencana, depth: Int) {
            guard inRenja(node) else { return }
            guard node.tingkat.hasAnggaran else {
                for child in indeks.anakDari(node.id) { visit(child, depth: depth) }
                return
            }
            if node.tingkat == .program, let kode = node.kode { groupRows(kode) }
            // The indicators with a target in n or n+1; if none has one, all of them (a program prints its outcome
            // indicator without a target).
            let all = indeks.indikatorPerElemen[node.id] ?? []
            let planned = all.filter { indikator in
                (indeks.targetPerIndikator[indikator.id] ?? []).contains {
                    [tahun, tahun + 1].contains($0.periode.tahun)
                }
            }
            // Otherwise those without targets of other years (indicators of other documents are left out).
            let untargeted = all.filter { (indeks.targetPerIndikator[$0.id] ?? []).isEmpty }
            let indicators = !planned.isEmpty ? planned : !untargeted.isEmpty ? untargeted : all
            let paguN = anggaranN.pagu(node.id)
            let paguNext = anggaranNext.pagu(node.id)
            let own = indeks.paguTercatat(node.id, tahun: tahun)
            if let own, let paguN, own.jumlah != paguN {
                notes.append(
                    "\(node.kode?.asli ?? node.uraian): pagu \(tahun) tercetak \(IndonesianFormat.rupiah(own.jumlah)); "
                        + "yang ditampilkan jumlah rinciannya \(IndonesianFormat.rupiah(paguN)).")
            }
            if node.tingkat == .program {
                totals[0] = add(totals[0], paguN)
                totals[1] = add(totals[1], paguNext)
            }
            let leaf = indeks.paguTercatat(node.id, tahun: tahun)
            let style: Gaya = node.tingkat == .subKegiatan ? .biasa : .kelompok
            for (index, indikator) in (indicators.isEmpty ? [nil] : indicators.map(Optional.some)).enumerated() {
                rows.append(
                    Baris(
                        susun(
                            [
                                .teks(index == 0 ? node.kode?.asli ?? "" : ""),
                                .teks(index == 0 ? node.uraianDanHasil : ""),
                                .teks(indikator?.nama ?? ""), .teks(index == 0 ? leaf?.lokasi ?? "" : ""),
                                .teks(indikator.map { target($0, tahun, [.renjaPerubahan, .renja, .renstra]) } ?? ""),
                                index == 0 ? .rupiah(paguN) : .kosong, .teks(index == 0 ? leaf?.sumberDana ?? "" : ""),
                                .teks(
                                    indikator.map { target($0, tahun + 1, [.prakiraanMaju, .renja, .renstra]) } ?? ""),
                                index == 0 ? .rupiah(paguNext) : .kosong,
                            ], catatan: .teks(index == 0 ? leaf?.keterangan ?? "" : "")), kedalaman: depth,
                        gaya: style))
            }
            for child in indeks.anakDari(node.id) { visit(child, depth: depth + 1) }
        }
        let roots = indeks.akar(perangkatDaerah: pd.id)
        for root in roots { visit(root, depth: 0) }
        rows.append(
            Baris(
                susun(
                    [
                        .kosong, .teks("JUMLAH"), .kosong, .kosong, .kosong, .rupiah(totals[0]), .kosong, .kosong,
                        .rupiah(totals[1]),
                    ], catatan: .kosong),
                gaya: .total))
        var kolom = [
            Kolom("Kode", nomor: "1", lebar: 16), Kolom("Uraian", nomor: "2", lebar: 40),
            Kolom("Indikator", nomor: "3", lebar: 40),
            Kolom("Lokasi", nomor: "4", lebar: 14), Kolom("Target", nomor: "5", lebar: 14),
            Kolom("Pagu \(tahun)", nomor: "6", jenis: .rupiah, lebar: 18),
            Kolom("Sumber dana", nomor: "7", lebar: 10),
            Kolom("Target \(tahun + 1)", nomor: "8", lebar: 14),
            Kolom("Pagu \(tahun + 1)", nomor: "9", jenis: .rupiah, lebar: 18),
        ]
        var kepala = [
            [
                SelKepala("Kode", baris: 2),
                SelKepala("Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan", baris: 2),
                SelKepala("Indikator Kinerja Program (Outcomes)/Kegiatan (Output)", baris: 2),
                SelKepala("Rencana Tahun \(tahun)", kolom: 4),
                SelKepala("Prakiraan Maju Rencana Tahun \(tahun + 1)", kolom: 2),
            ],
            [
                SelKepala("Lokasi"), SelKepala("Target Capaian Kinerja"),
                SelKepala("Kebutuhan Dana/Pagu Indikatif"),
                SelKepala("Sumber Dana"), SelKepala("Target Capaian Kinerja"),
                SelKepala("Kebutuhan Dana/Pagu Indikatif"),
            ],
        ]
        if catatan {
            kepala[0].insert(SelKepala("Catatan Penting", baris: 2), at: 4)
            kolom.insert(Kolom("Catatan penting", nomor: "8", lebar: 18), at: 7)
            kolom[8].nomor = "9"
            kolom[9].nomor = "10"
        }
        return Laporan(
            nama: "renja", kop: [data.pemda.nama.uppercased(), pd.nama.uppercased()],
            judul: [
                "Rumusan Rencana Program dan Kegiatan \(pd.nama) Tahun \(tahun)",
                "dan Prakiraan Maju Tahun \(tahun + 1)",
            ],
            kepala: kepala, kolom: kolom, baris: rows, catatan: notes,
            tandaTangan: tandaTangan(data, pd: pd.id, tanggal: tanggal))
    }

    /// Seed 003 Tabel 2.3: capaian of the PD's sasaran indicators in a year, with the capaian category.
    public static func capaianSasaran(
        _ indeks: IndeksKinerja, pd: PerangkatDaerah, tahun: Int, tanggal: String = ""
    ) -> Laporan {
        let data = indeks.data
        let kebijakan = data.pemda.kebijakan
        var notes: [String] = []
        let sasaran = data.elemen.filter { $0.perangkatDaerah == pd.id && $0.tingkat == .sasaranPD }
            .sorted(by: IndeksKinerja.urutanElemen)
        // The same rows as the LKjIP's Bab III A (one computation of Tabel 2.3).
        let rows = LKjIP.rows(indeks, sasaran: sasaran, tahun: tahun, tahunAkhir: nil, dokumenAkhir: .renstra).map {
            item -> Baris in
            let indikator = item.sumber
            var capaian: Sel = .persen(item.hasil.persen)
            if case .tidakTerhitung(let reason) = item.hasil {
                notes.append("\(indikator.nama): \(reason.pesan).")
                capaian = .tidakTerdefinisi(catatan: 1)
            }
            if case .dibatasi(let bound) = item.hasil {
                notes.append(
                    "\(indikator.nama): realisasi 0 pada indikator turun; capaian dibatasi \(IndonesianFormat.percent(bound))."
                )
            }
            let method =
                indikator.polaritas == .turun
                ? " (turun, \((indikator.metodeTurun ?? kebijakan.metodeTurun) == .kebalikan ? "T/R" : "(2T-R)/T"))"
                : ""
            return Baris([
                .teks(String(item.nomor)), .teks(item.sasaranPertama ? item.sasaran : ""),
                .teks(indikator.nama + method), .teks(indikator.satuan), .teks(item.target), .teks(item.realisasi),
                capaian, .teks(item.kategori),
            ])
        }
        return Laporan(
            nama: "capaian-sasaran", kop: [data.pemda.nama.uppercased(), pd.nama.uppercased()],
            judul: ["Pencapaian Kinerja Sasaran \(pd.nama) Tahun \(tahun)"],
            kepala: [
                [
                    SelKepala("No"), SelKepala("Sasaran Strategis"), SelKepala("Indikator Kinerja"),
                    SelKepala("Satuan"),
                    SelKepala("Target"), SelKepala("Realisasi"), SelKepala("Capaian (%)"), SelKepala("Kategori"),
                ]
            ],
            kolom: [
                Kolom("No", nomor: "1", lebar: 5), Kolom("Sasaran", nomor: "2", lebar: 36),
                Kolom("Indikator", nomor: "3", lebar: 40),
                Kolom("Satuan", nomor: "4", lebar: 9), Kolom("Target", nomor: "5", lebar: 12),
                Kolom("Realisasi", nomor: "6", lebar: 12),
                Kolom("Capaian", nomor: "7=6/5", jenis: .persen, lebar: 11), Kolom("Kategori", nomor: "8", lebar: 14),
            ],
            baris: rows,
            catatan: notes + [
                "Kategori menurut pita capaian Pemda (bawaan Permendagri 86/2017). Indikator turun dihitung dengan metode yang tertulis."
            ],
            tandaTangan: tandaTangan(data, pd: pd.id, tanggal: tanggal))
    }
}
