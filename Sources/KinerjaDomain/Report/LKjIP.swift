import Foundation

/// The sections of an LKjIP a PD writes (PermenPAN-RB 53/2014): each is stored per PD × year, pre-filled with
/// sentences generated from the data that the user rewrites.
public enum BagianLKjIP: String, Sendable, Codable, CaseIterable, Hashable {
    case ikhtisar
    case pendahuluan
    case perencanaan
    case analisis
    case penutup

    public var label: String {
        switch self {
        case .ikhtisar: "Ikhtisar eksekutif"
        case .pendahuluan: "Bab I Pendahuluan"
        case .perencanaan: "Bab II Perencanaan kinerja"
        case .analisis: "Bab III Analisis capaian: faktor penyebab dan upaya"
        case .penutup: "Bab IV Penutup"
        }
    }
}

/// A stored narrative section of a PD's LKjIP.
public struct NaskahLKjIP: Hashable, Sendable, Codable {
    public var perangkatDaerah: TypedID<PerangkatDaerah>
    public var tahun: Int
    public var bagian: BagianLKjIP
    public var teks: String

    public init(
        perangkatDaerah: TypedID<PerangkatDaerah>, tahun: Int, bagian: BagianLKjIP, teks: String
    )
        throws(DomainError)
    {
        try Batas.periksa(teks, field: bagian.rawValue, maks: 20_000, label: bagian.label)
        self.perangkatDaerah = perangkatDaerah
        self.tahun = tahun
        self.bagian = bagian
        self.teks = teks.trimmed()
    }
}

/// The Laporan Kinerja Instansi Pemerintah of a PD (or of the Pemda) for a year: the measurement behind each
/// chapter, computed by the capaian engine, and the generated sentences that pre-fill its narrative.
public struct LKjIP: Sendable {
    /// Bab III A: one indicator of a sasaran, this year against its target, the years before, and the Renstra's
    /// (RPJMD's) end target.
    public struct Capaian: Sendable, Hashable {
        public var nomor: Int
        /// The indicator measured (its rules: polarity, method).
        public var sumber: Indikator
        public var sasaran: String
        /// Whether this is the sasaran's first indicator (the table prints the sasaran once).
        public var sasaranPertama: Bool
        public var indikator: String
        public var satuan: String
        public var target: String
        public var realisasi: String
        public var hasil: HasilCapaian
        public var kategori: String
        /// Realisasi and capaian of the two years before, oldest first (tahun, realisasi, capaian).
        public var lalu: [Lalu]
        public var targetAkhir: String
        /// This year's realisasi against the period's end target.
        public var capaianAkhir: HasilCapaian

        public struct Lalu: Sendable, Hashable {
            public var tahun: Int
            public var realisasi: String
            public var hasil: HasilCapaian
        }
    }

    /// Bab III B: a program (for the Pemda, a PD) with its pagu, realisasi, serapan and the capaian of its
    /// indicators.
    public struct Anggaran: Sendable, Hashable {
        public var uraian: String
        public var pagu: Rupiah?
        public var realisasi: Rupiah?
        public var capaianKinerja: Decimal?

        public var serapan: Decimal? {
            guard let pagu, let realisasi, pagu.sen > 0 else { return nil }
            return Decimal(realisasi.sen).dividing(by: Decimal(pagu.sen)).multiplying(by: 100).rounded(scale: 2)
        }

        /// Capaian kinerja ÷ serapan anggaran: above 1 the results cost less than planned.
        public var efisiensi: Decimal? {
            guard let capaianKinerja, let serapan, serapan > 0 else { return nil }
            return capaianKinerja.dividing(by: serapan).rounded(scale: 2)
        }
    }

    public var tahun: Int
    public var pemda: String
    /// The PD's name, or the Pemda's for the Pemda's LKjIP.
    public var instansi: String
    public var pemdaSendiri: Bool
    /// "Renstra 2021-2026" / "RPJMD 2021-2026".
    public var periode: String
    public var tahunAkhir: Int?
    public var capaian: [Capaian]
    public var anggaran: [Anggaran]
    public var pk: [PerjanjianKinerja]
    public var kebijakan: KebijakanCapaian

    /// The average capaian of the indicators with one, and its band.
    public var rataRata: Decimal? {
        let values = capaian.compactMap(\.hasil.persen)
        guard !values.isEmpty else { return nil }
        return values.sum().dividing(by: Decimal(values.count)).rounded(scale: 2)
    }

    public var predikat: String { rataRata.map { kebijakan.kategori.kategori($0).label } ?? "" }

    public var jumlahAnggaran: Anggaran {
        let pagu = anggaran.compactMap(\.pagu)
        let realisasi = anggaran.compactMap(\.realisasi)
        return Anggaran(
            uraian: "JUMLAH", pagu: pagu.isEmpty ? nil : pagu.sum(),
            realisasi: realisasi.isEmpty ? nil : realisasi.sum(),
            capaianKinerja: rataRata)
    }

    public var judul: String { "LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP) TAHUN \(tahun)" }

    // MARK: - Building

    /// A PD's LKjIP: its sasaran (PD) indicators, its programs, its Renstra, its PK set.
    public static func untukPD(_ indeks: IndeksKinerja, pd: PerangkatDaerah, tahun: Int) -> LKjIP {
        let data = indeks.data
        let period = data.periode.first { $0.perangkatDaerah == pd.id && $0.jenis == .renstra && $0.contains(tahun) }
        let nodes = data.elemen.filter { $0.perangkatDaerah == pd.id }.sorted(by: IndeksKinerja.urutanElemen)
        let programs = nodes.filter { $0.tingkat == .program }.map { node in
            Anggaran(
                uraian: node.uraian, pagu: indeks.pagu(node.id, tahun: tahun),
                realisasi: indeks.realisasiKeuangan(node.id, tahun: tahun),
                capaianKinerja: average(indeks, node: node, tahun: tahun))
        }
        return LKjIP(
            tahun: tahun, pemda: data.pemda.nama, instansi: pd.nama, pemdaSendiri: false,
            periode: period.map { "Renstra \($0.tahunAwal)-\($0.tahunAkhir)" } ?? "Renstra",
            tahunAkhir: period?.tahunAkhir,
            capaian: rows(
                indeks, sasaran: nodes.filter { $0.tingkat == .sasaranPD }, tahun: tahun,
                tahunAkhir: period?.tahunAkhir, dokumenAkhir: .renstra),
            anggaran: programs, pk: PerjanjianKinerja.untukPD(indeks, pd: pd, tahun: tahun),
            kebijakan: data.pemda.kebijakan)
    }

    /// The Pemda's LKjIP: the sasaran of the RPJMD with their indicators (the IKU Pemda), the budget per PD.
    public static func untukPemda(_ indeks: IndeksKinerja, tahun: Int) -> LKjIP {
        let data = indeks.data
        let period = data.periode.first { $0.perangkatDaerah == nil && $0.jenis == .rpjmd && $0.contains(tahun) }
        let sasaran = data.elemen.filter { $0.perangkatDaerah == nil && $0.tingkat == .sasaran }
            .sorted(by: IndeksKinerja.urutanElemen)
        let perPD = data.perangkatDaerah.sorted { $0.kode < $1.kode }.map { pd in
            let programs = data.elemen.filter { $0.perangkatDaerah == pd.id && $0.tingkat == .program }
            let pagu = programs.compactMap { indeks.pagu($0.id, tahun: tahun) }
            let realisasi = programs.compactMap { indeks.realisasiKeuangan($0.id, tahun: tahun) }
            let values: [Decimal] = programs.compactMap { average(indeks, node: $0, tahun: tahun) }
            let mean: Decimal? =
                values.isEmpty ? nil : values.sum().dividing(by: Decimal(values.count)).rounded(scale: 2)
            let paguTotal: Rupiah? = pagu.isEmpty ? nil : pagu.sum()
            let realisasiTotal: Rupiah? = realisasi.isEmpty ? nil : realisasi.sum()
            return Anggaran(uraian: pd.nama, pagu: paguTotal, realisasi: realisasiTotal, capaianKinerja: mean)
        }.filter { $0.pagu != nil || $0.realisasi != nil }
        return LKjIP(
            tahun: tahun, pemda: data.pemda.nama, instansi: data.pemda.nama, pemdaSendiri: true,
            periode: period.map { "RPJMD \($0.tahunAwal)-\($0.tahunAkhir)" } ?? "RPJMD",
            tahunAkhir: period?.tahunAkhir,
            capaian: rows(
                indeks, sasaran: sasaran, tahun: tahun, tahunAkhir: period?.tahunAkhir, dokumenAkhir: .rpjmd,
                semua: true),
            anggaran: perPD, pk: [], kebijakan: data.pemda.kebijakan)
    }

    /// The capaian rows of the sasaran's indicators that have a target or a realisasi in the year, numbered.
    /// `semua`: also the indicators without a target or realisasi in the year (the IKU Pemda is reported whole).
    static func rows(
        _ indeks: IndeksKinerja, sasaran: [ElemenRencana], tahun: Int, tahunAkhir: Int?, dokumenAkhir: DokumenRencana,
        semua: Bool = false
    ) -> [Capaian] {
        let kebijakan = indeks.data.pemda.kebijakan
        var result: [Capaian] = []
        for node in sasaran {
            var first = true
            for indikator in indeks.indikatorPerElemen[node.id] ?? [] {
                let history = indeks.riwayat(indikator)
                let target = history.targetTahun(tahun)
                let realisasi = history.realisasiTahun(tahun)
                guard semua || target != nil || realisasi != nil else { continue }
                let rule = indikator.aturan(kebijakan: kebijakan)
                let hasil = CapaianEngine.capaian(target: target, realisasi: realisasi, aturan: rule)
                let lalu = [tahun - 2, tahun - 1].map { year in
                    let value = history.realisasiTahun(year)
                    return Capaian.Lalu(
                        tahun: year, realisasi: value?.teks ?? "–",
                        hasil: CapaianEngine.capaian(target: history.targetTahun(year), realisasi: value, aturan: rule))
                }
                let end = tahunAkhir.flatMap {
                    indeks.riwayat(indikator, dokumen: dokumenAkhir).targetTahun($0) ?? history.targetTahun($0)
                }
                result.append(
                    Capaian(
                        nomor: result.count + 1, sumber: indikator, sasaran: node.uraian, sasaranPertama: first,
                        indikator: indikator.nama,
                        satuan: indikator.satuan, target: target?.teks ?? "–",
                        realisasi: realisasi?.teks ?? "belum diisi",
                        hasil: hasil, kategori: kebijakan.kategori.kategori(hasil)?.label ?? "", lalu: lalu,
                        targetAkhir: end?.teks ?? "–",
                        capaianAkhir: CapaianEngine.capaian(target: end, realisasi: realisasi, aturan: rule)))
                first = false
            }
        }
        return result
    }

    /// The average capaian of an element's own indicators in the year.
    static func average(_ indeks: IndeksKinerja, node: ElemenRencana, tahun: Int) -> Decimal? {
        let kebijakan = indeks.data.pemda.kebijakan
        let values = (indeks.indikatorPerElemen[node.id] ?? []).compactMap { indikator -> Decimal? in
            let history = indeks.riwayat(indikator)
            return CapaianEngine.capaian(
                target: history.targetTahun(tahun), realisasi: history.realisasiTahun(tahun),
                aturan: indikator.aturan(kebijakan: kebijakan)
            ).persen
        }
        return values.isEmpty ? nil : values.sum().dividing(by: Decimal(values.count)).rounded(scale: 2)
    }

    // MARK: - Generated text

    /// The sentences a section starts from, written from the figures; the user rewrites them.
    public func draf(_ bagian: BagianLKjIP) -> String {
        let measured = capaian.filter { $0.hasil.persen != nil }
        let reached = measured.filter { ($0.hasil.persen ?? 0) >= 100 }.count
        let average = rataRata.map { "\(IndonesianFormat.percent($0)) (\(predikat))" } ?? "belum dapat dihitung"
        let total = jumlahAnggaran
        let money =
            total.pagu.map { pagu in
                "Realisasi anggaran \(total.realisasi.map { IndonesianFormat.rupiah($0) } ?? "Rp 0") dari pagu "
                    + "\(IndonesianFormat.rupiah(pagu))"
                    + (total.serapan.map { " (serapan \(IndonesianFormat.percent($0)))" } ?? "") + "."
            } ?? "Pagu anggaran tahun \(tahun) belum tercatat."
        switch bagian {
        case .ikhtisar:
            return "Laporan Kinerja \(instansi) Tahun \(tahun) menyajikan capaian \(capaian.count) indikator kinerja "
                + "sasaran \(periode). Rata-rata capaian kinerja \(average); \(reached) dari \(measured.count) "
                + "indikator yang terukur mencapai atau melampaui targetnya. \(money)"
        case .pendahuluan:
            return "Laporan Kinerja Instansi Pemerintah (LKjIP) \(instansi) Tahun \(tahun) disusun sebagai wujud "
                + "pertanggungjawaban atas pelaksanaan tugas dan fungsi dalam mencapai sasaran yang ditetapkan dalam "
                + "\(periode), sesuai Peraturan Menteri PAN-RB Nomor 53 Tahun 2014."
        case .perencanaan:
            let goals = Set(capaian.map(\.sasaran)).count
            return "\(periode) menetapkan sasaran yang diukur dengan indikator kinerja; pada tahun \(tahun) "
                + "\(goals) sasaran dengan \(capaian.count) indikator diperjanjikan"
                + (pk.isEmpty ? "." : " dalam \(pk.count) Perjanjian Kinerja (lampiran).")
        case .analisis:
            var lines: [String] = []
            var seen: Set<String> = []
            for row in capaian where seen.insert(row.sasaran).inserted {
                let own = capaian.filter { $0.sasaran == row.sasaran }
                let parts = own.map { item in
                    "indikator \(item.indikator) dengan target \(item.target) \(item.satuan) dan realisasi "
                        + "\(item.realisasi) \(item.satuan), capaian \(item.hasil.description)"
                        + (item.kategori.isEmpty ? "" : " (\(item.kategori))")
                }
                lines.append("Sasaran \"\(row.sasaran)\" diukur dengan " + parts.joined(separator: "; ") + ".")
            }
            return lines.isEmpty
                ? "Belum ada indikator sasaran dengan target tahun \(tahun)." : lines.joined(separator: "\n\n")
        case .penutup:
            return
                "Secara umum kinerja \(instansi) tahun \(tahun) berada pada kategori \(predikat.isEmpty ? "yang belum dapat dinilai" : predikat) "
                + "dengan rata-rata capaian \(average). Indikator yang belum mencapai target menjadi perhatian "
                + "dalam penyusunan rencana kerja tahun berikutnya."
        }
    }
}
