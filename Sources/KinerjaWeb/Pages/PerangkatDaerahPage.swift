import Foundation
import KinerjaApplication
import KinerjaDomain
import KinerjaImport

/// A PD's plan tree with targets, realisasi and capaian for a year up to a triwulan.
struct PerangkatDaerahPage {
    struct Model: Sendable {
        var pemda: Pemda
        var pd: PerangkatDaerah
        var tahunTersedia: [Int]
        var tahun: Int
        var triwulan: Int?
        var tabel: TabelCapaian
        /// RPJMD and the PD's Renstra periods that contain the year.
        var periode: [Periode]
        var unitKerja: [UnitKerja] = []
        var pejabat: [Pejabat] = []
        /// The Renstra's target of the year beside the measured one (Renja, PK… by priority).
        var targetRenstra: [TypedID<Indikator>: Nilai] = [:]
        /// The PD's workflow status of the year the table was computed with (`DataKinerja.berlaku`).
        var status: [StatusTersimpan] = []
    }

    /// A model with what the page shows of it rendered once, as the cache keeps it: the table (the costly part),
    /// and everything else that is the same for every reader (a cached page still walked its 850 rows per request
    /// for the summary and the count of what is not reported: a fifth of serving it). Per request only the user's
    /// links, the workflow panel and messages.
    ///
    /// Kept compressed and without the capaian table (issue 14.6): the table was most of a cached page (about 1 MB a
    /// PD of the synthetic kabupaten, against 30 kB for its rows compressed). The page's next version is computed
    /// from the PD's data (the data cache follows a draft saved) and renders only the rows whose fingerprint changed.
    struct Tersaji: Sendable {
        /// The model without its table's rows and the Renstra's targets: what the page around the table reads.
        let model: Model
        /// The year filter and the summary.
        let ringkasan: HTML
        /// The warning of indicators with a target and no realisasi yet (empty when there are none).
        let terlambat: HTML
        /// The table's rows as rendered (compressed): the next version of the page renders only the rows a write
        /// changed.
        let baris: BarisTersaji<BarisTabel>
        /// The reports, the units and officials, the table and its note, the same for every request: compressed
        /// once, its rows as `baris` keeps them (35 kB of the synthetic kabupaten's 390 kB, served to every browser).
        let bawah: SharedHTML

        init(_ model: Model, sebelumnya: Tersaji? = nil) {
            let url = SiteURL.perangkatDaerah(pemda: model.pemda.id.uuid, kode: model.pd.kode)
            ringkasan = .join([PerangkatDaerahPage.filter(model, action: url.path), PerangkatDaerahPage.summary(model)])
            let late = model.tabel.belumDilaporkan.count
            terlambat =
                late == 0
                ? .empty : .el("p", [("class", "warn")], "\(late) indikator bertarget belum diisi realisasinya.")
            // A row reads nothing of the page but its input.
            baris = BarisTersaji(
                model.tabel.baris.map { row in
                    BarisTabel(baris: row, renstra: row.indikator.map { model.targetRenstra[$0.indikator.id] })
                }, konteks: "", sebelumnya: sebelumnya?.baris, ingat: .sidikJari, tulis: PerangkatDaerahPage.tableRows)
            var ringan = model
            ringan.tabel.baris = []
            ringan.targetRenstra = [:]
            let sekitar = ringan
            bawah = SharedHTML(
                kerangka: {
                    .join(PerangkatDaerahPage.bawah(sekitar, tabel: PerangkatDaerahPage.table([.tempatBagian])))
                }, baris: [baris.chunks])
            self.model = ringan
        }

        /// Bytes for the cache budget: the rows as kept (compressed) and the rest of the page's HTML exactly, and
        /// what is left of the model (its units and officials) roughly.
        var ukuran: Int {
            baris.bytes + baris.sidikJari.count * 8 + ringkasan.rendered.utf8.count + terlambat.rendered.utf8.count
                + bawah.ukuran + 20_000
        }
    }

    /// A row of the table with what it shows beside it: the Renstra's target of each of its indicators.
    struct BarisTabel: Hashable, Sendable {
        var baris: TabelCapaian.Baris
        var renstra: [Nilai?]
    }

    /// The page with the place of its shared part (`Tersaji.bawah`): as served.
    static func halaman(
        _ tersaji: Tersaji, akun: Layout.Akun, bolehTulis: Bool, diimpor: Int? = nil, alur: AlurPanel? = nil,
        pesan: (String, galat: Bool)? = nil
    ) -> String {
        let model = tersaji.model
        let periode = model.triwulan.map { "s.d. Triwulan \(PeriodeLaporan.romawi($0)) " } ?? ""
        var content: [HTML] = [
            .el("h1", [], model.pd.nama),
            .el(
                "p", [("class", "muted")],
                "\(model.pemda.nama) · capaian kinerja \(periode)tahun \(model.tahun)"
                    + (model.periode.isEmpty ? "" : " · " + model.periode.map(\.nama).joined(separator: ", "))),
            .el("p", [("class", "tindakan")], tindakan(model, bolehTulis: bolehTulis)),
            Form.pesan(diimpor.map { "Impor diterapkan: \($0) baris ditulis." }, galat: false),
            Form.pesan(pesan?.0, galat: pesan?.galat ?? false),
            tersaji.ringkasan,
        ]
        if let alur { content.append(alur.render(csrf: akun.csrf)) }
        content.append(tersaji.terlambat)
        content.append(.tempatBagian)
        return Layout.page(
            title: model.pd.nama,
            breadcrumbs: [("Beranda", SiteURL.beranda.path), (model.pemda.nama, nil), (model.pd.nama, nil)],
            akun: akun, content: content)
    }

    /// Links to what can be done with this PD; entry and import only for those allowed to write.
    static func tindakan(_ model: Model, bolehTulis: Bool) -> [HTML] {
        let pemda = model.pemda.id.uuid
        let kode = model.pd.kode
        var links: [(String, String)] = []
        if bolehTulis {
            links.append(
                (
                    "Isi realisasi",
                    SiteURL.realisasi(pemda: pemda, kode: kode).path(tahun: model.tahun, triwulan: model.triwulan ?? 1)
                ))
            links.append(("Ubah rencana", SiteURL.rencana(pemda: pemda, kode: kode).path + "?tahun=\(model.tahun)"))
            links.append(("Impor", SiteURL.impor(pemda: pemda, kode: kode).path))
            links.append(("Rencana aksi", SiteURL.rencanaAksi(pemda: pemda, kode: kode).path + "?tahun=\(model.tahun)"))
        }
        links += [
            ("Riwayat perubahan", SiteURL.riwayat(pemda: pemda, kode: kode).path),
            ("Perjanjian Kinerja", SiteURL.pk(pemda: pemda, kode: kode).path + "?tahun=\(model.tahun)"),
            ("LKjIP", SiteURL.lkjip(pemda: pemda, kode: kode).path + "?tahun=\(model.tahun)"),
            ("Cascading", SiteURL.cascading(pemda: pemda, kode: kode).path),
            ("IKU", SiteURL.iku(pemda: pemda, kode: kode).path),
            ("Laporan", SiteURL.laporanPemda(pemda: pemda).path),
        ]
        return links.enumerated().flatMap { index, link in
            [index == 0 ? HTML.empty : .text(" · "), .el("a", [("href", link.1)], link.0)]
        }
    }

    static func filter(_ model: Model, action: String) -> HTML {
        let years = Set(model.tahunTersedia + [model.tahun]).sorted()
        let yearOptions = years.map { year in
            HTML.el(
                "option", [("value", String(year)), ("selected", year == model.tahun ? "selected" : nil)], String(year))
        }
        var quarterOptions: [HTML] = [.el("option", [("value", "")], "Setahun penuh")]
        for quarter in 1...model.pemda.jumlahTriwulan {
            quarterOptions.append(
                .el(
                    "option", [("value", String(quarter)), ("selected", quarter == model.triwulan ? "selected" : nil)],
                    "s.d. Triwulan \(PeriodeLaporan.romawi(quarter))"))
        }
        return .el(
            "form", [("class", "filter"), ("method", "get"), ("action", action)],
            [
                .el("label", [], [.text("Tahun"), .el("select", [("name", "tahun")], yearOptions)]),
                .el("label", [], [.text("Periode"), .el("select", [("name", "triwulan")], quarterOptions)]),
                .el("button", [("type", "submit")], "Tampilkan"),
            ])
    }

    /// What follows the summary, the same for every reader: the reports, the units and officials, the table.
    static func bawah(_ model: Model, tabel: HTML) -> [HTML] {
        var content: [HTML] = []
        let reports = LaporanKatalog.nama.map { name, label in
            let path =
                SiteURL.laporan(pemda: model.pemda.id.uuid, kode: model.pd.kode, nama: name).path
                + "?tahun=\(model.tahun)"
            return HTML.el(
                "li", [],
                [
                    .el("a", [("href", path)], label), .text(" · "),
                    .el("a", [("href", path + "&format=xlsx")], "XLSX"),
                    .text(" · "), .el("a", [("href", path + "&format=csv")], "CSV"),
                ])
        }
        content.append(.el("details", [], [.el("summary", [], "Laporan"), .el("ul", [], reports)]))
        if !model.unitKerja.isEmpty {
            let officials = Dictionary(grouping: model.pejabat, by: \.unitKerja)
            content.append(
                .el(
                    "details", [],
                    [
                        .el("summary", [], "Unit kerja dan pejabat (\(model.unitKerja.count))"),
                        .el(
                            "ul", [],
                            model.unitKerja.sorted { ($0.eselon, $0.nama) < ($1.eselon, $1.nama) }.map { unit in
                                let names = (officials[unit.id] ?? []).sorted { $0.nama < $1.nama }.map {
                                    $0.nama + ($0.nip.isEmpty ? "" : ", NIP \($0.nipTercetak)")
                                        + ($0.pangkat.isEmpty ? "" : ", \($0.pangkat)")
                                }
                                return HTML.el(
                                    "li", [],
                                    "Eselon \(unit.eselon.rawValue) · \(unit.nama)"
                                        + (unit.jabatan.isEmpty ? "" : " (\(unit.jabatan))")
                                        + (names.isEmpty ? "" : " — " + names.joined(separator: "; ")))
                            }),
                    ]))
        }
        content.append(.el("div", [("class", "box")], [tabel]))
        content.append(
            .el(
                "p", [("class", "muted")],
                "Pagu induk = jumlah pagu anak (tanda ⚠ bila pagu tercatat berbeda). Capaian indikator \"turun\" "
                    + "dihitung dengan metode Pemda (\(model.pemda.kebijakan.metodeTurun == .kebalikan ? "T ÷ R" : "(2T − R) ÷ T")); "
                    + "\"belum diisi\" berarti realisasi belum dilaporkan, bukan nol. Target diukur: dari Perjanjian Kinerja, "
                    + "Renja Perubahan, Renja, prakiraan maju, lalu Renstra — yang pertama ada."))
        return content
    }

    static func summary(_ model: Model) -> HTML {
        let overall = model.tabel.capaianKeseluruhan
        let kategori = model.pemda.kebijakan.kategori
        let roots = model.tabel.baris.filter { $0.kedalaman == 0 && $0.elemen.tingkat.hasAnggaran }
        let pagu = roots.compactMap(\.pagu).sum()
        let spent = roots.compactMap(\.realisasiKeuangan)
        var items: [HTML] = [
            .el(
                "div", [],
                [
                    .el("strong", [], "Capaian rata-rata: "),
                    overall.capaian.map { value in
                        HTML.join([.text(IndonesianFormat.percent(value) + " "), badge(kategori.kategori(value))])
                    } ?? .text("–"),
                    .el(
                        "span", [("class", "muted")],
                        " (\(overall.dihitung) indikator dihitung, \(overall.dilewati) tanpa capaian)"),
                ])
        ]
        if pagu.sen > 0 {
            let serapan = Serapan.persen(realisasi: spent.isEmpty ? nil : spent.sum(), pagu: pagu)
            items.append(
                .el(
                    "div", [],
                    [
                        .el("strong", [], "Pagu: "), .text(IndonesianFormat.rupiah(pagu)),
                        .el("strong", [], " · Realisasi keuangan: "),
                        .text(spent.isEmpty ? "belum diisi" : IndonesianFormat.rupiah(spent.sum())),
                        .text(serapan.map { " (" + IndonesianFormat.percent($0) + ")" } ?? ""),
                    ]))
        }
        return .el("div", [("class", "summary")], items)
    }

    static func badge(_ pita: KategoriCapaian.Pita) -> HTML { PenulisHTML.html { badge(pita, &$0) } }

    static func badge(_ pita: KategoriCapaian.Pita, _ out: inout PenulisHTML) {
        out.el(
            "span", ["class": "badge", "style": "background:\(pita.warna);color:\(warnaTeks(pita.warna))"], pita.label)
    }

    /// Dark or white text, whichever contrasts more with a band's colour (the Pemda chooses the colours).
    static func warnaTeks(_ hex: String) -> String {
        let digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        guard digits.count == 6, let value = Int(digits, radix: 16) else { return "#fff" }
        func channel(_ shift: Int) -> Double {
            let c = Double((value >> shift) & 0xFF) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        let luminance = 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
        // Contrast with white vs with #1f2328 (luminance ≈ 0.016).
        return (1.05 / (luminance + 0.05)) >= ((luminance + 0.05) / 0.066) ? "#fff" : "#1f2328"
    }

    static func table(_ rows: [HTML]) -> HTML {
        let headers = [
            "Kode", "Uraian", "Indikator", "Satuan", "Target Renstra", "Target diukur", "Realisasi", "Capaian",
            "Kategori", "Pagu (Rp)",
            "Realisasi keuangan (Rp)", "Serapan", "Fisik",
        ]
        return .el(
            "table", [],
            [
                .el("thead", [], [.el("tr", [], headers.map { HTML.el("th", [("scope", "col")], $0) })]),
                .el("tbody", [], rows),
            ])
    }

    /// The `<tr>`s of one element: one per indicator (the element's cells spanning them), or one saying it has none.
    static func tableRows(_ input: BarisTabel, _ out: inout PenulisHTML) {
        let baris = input.baris
        let node = baris.elemen
        let span = String(max(1, baris.indikator.count))
        let rowClass = "lvl-" + node.tingkat.rawValue
        func lead() {
            out.el("td", ["class": "kode", "rowspan": span], node.kode?.asli ?? node.nomor)
            out.buka("td", ["rowspan": span])
            out.teks(String(repeating: "\u{2003}", count: baris.kedalaman))
            out.el("span", ["class": "muted"], node.tingkat.labelAwal + ": ")
            out.teks(node.uraian)
            out.tutup("td")
        }
        func money() {
            out.buka("td", ["class": "num", "rowspan": span])
            out.teks(baris.pagu.map { IndonesianFormat.rupiah($0, prefix: false) } ?? "")
            if let recorded = baris.paguTercatatBerbeda {
                out.el(
                    "span",
                    [
                        "class": "warn",
                        "title": "Pagu tercatat " + IndonesianFormat.rupiah(recorded) + " ≠ jumlah anak",
                    ],
                    " ⚠")
            }
            out.tutup("td")
            out.el(
                "td", ["class": "num", "rowspan": span],
                baris.realisasiKeuangan.map { IndonesianFormat.rupiah($0, prefix: false) } ?? "")
            out.el("td", ["class": "num", "rowspan": span], baris.serapan.map { IndonesianFormat.percent($0) } ?? "")
            out.el("td", ["class": "num", "rowspan": span], baris.fisik.map { IndonesianFormat.percent($0) } ?? "")
        }
        if baris.indikator.isEmpty {
            out.buka("tr", ["class": rowClass])
            lead()
            out.el("td", ["colspan": "7", "class": "muted"], "Belum ada indikator")
            money()
            out.tutup("tr")
            return
        }
        for (index, item) in baris.indikator.enumerated() {
            out.buka("tr", ["class": rowClass])
            if index == 0 { lead() }
            out.el("td", [:], item.indikator.nama)
            out.el("td", [:], item.indikator.satuan)
            out.el("td", ["class": "num"], input.renstra[index]?.teks ?? "–")
            out.el("td", ["class": "num"], item.target?.teks ?? "–")
            out.el("td", ["class": "num"], item.realisasi?.teks ?? "belum diisi")
            out.el("td", ["class": "num", "title": capaianTitle(item.capaian)], capaianText(item.capaian))
            out.buka("td")
            if let kategori = item.kategori { badge(kategori, &out) }
            out.tutup("td")
            if index == 0 { money() }
            out.tutup("tr")
        }
    }

    static func capaianText(_ hasil: HasilCapaian) -> String {
        switch hasil {
        case .nilai(let value): IndonesianFormat.percent(value)
        case .dibatasi(let value): IndonesianFormat.percent(value) + "*"
        case .belumDiisi: "belum diisi"
        case .tanpaTarget: "tanpa target"
        case .tidakTerhitung: "–"
        }
    }

    static func capaianTitle(_ hasil: HasilCapaian) -> String {
        switch hasil {
        case .dibatasi: "Dibatasi pada batas rasio Pemda (realisasi 0 pada indikator turun)"
        case .tidakTerhitung(let reason): reason.pesan
        default: ""
        }
    }
}
