import Foundation
import KinerjaDomain
import KinerjaSpreadsheet

/// The Pemda's dashboard: capaian per PD and per sasaran for a year up to a triwulan, with charts, and the
/// indicators not yet reported.
struct DashboardPage {
    struct PerPD: Sendable {
        var pd: PerangkatDaerah
        /// The PD's capaian over its whole table (its capaian table itself is not kept: 450 rows a PD).
        var capaianKeseluruhan: RollUp.Hasil
        var pagu: Rupiah?
        var realisasiKeuangan: Rupiah?
        /// What the dashboard shows of this PD row by row, rendered with the PD's part (cached per PD data
        /// version): its rows of the per-sasaran table and the list of its indicators not yet reported. The page
        /// then joins 50 parts instead of walking 50 capaian tables on every render (160-200 ms after a write).
        var barisSasaran: [HTML] = []
        var belumDilaporkan = 0
        var daftarBelum: HTML = .empty

        /// Bytes for the cache budget: the rendered HTML exactly.
        var ukuran: Int { ukuranHTML + 1_000 }

        var ukuranHTML: Int { barisSasaran.reduce(0) { $0 + $1.rendered.utf8.count } + daftarBelum.rendered.utf8.count }

        init(
            pd: PerangkatDaerah, tabel: TabelCapaian, pagu: Rupiah?, realisasiKeuangan: Rupiah?,
            kategori: KategoriCapaian
        ) {
            self.pd = pd
            capaianKeseluruhan = tabel.capaianKeseluruhan
            self.pagu = pagu
            self.realisasiKeuangan = realisasiKeuangan
            barisSasaran = DashboardPage.barisSasaran(pd: pd, tabel: tabel, kategori: kategori)
            let late = tabel.belumDilaporkan
            belumDilaporkan = late.count
            daftarBelum =
                late.isEmpty
                ? .empty
                : .el(
                    "details", [],
                    [.el("summary", [], "daftar"), .el("ul", [], late.map { HTML.el("li", [], $0.indikator.nama) })])
        }
    }

    /// One PD's part of the dashboard (cached per PD data version).
    struct Bagian: Sendable {
        var perPD: PerPD
        var tren: [(pd: PerangkatDaerah, indikator: Indikator, nilai: [Decimal?])]
        var sementara: [ObjekAlur]
        var ditahan: [ObjekAlur]
        /// The fingerprint of what the part was computed from (`Masukan`): the part's next version, after a write
        /// in its PD, is this one when its inputs are equal (a draft saved changes no published figure).
        var sidikJari: SidikJari? = nil

        /// Everything a part is computed from.
        struct Masukan: Hashable {
            var pd: PerangkatDaerah
            var tahun: Int
            var triwulan: Int?
            var tampilan: Tampilan
            var angka: AngkaTerbit
        }
    }

    struct Model: Sendable {
        var pemda: Pemda
        var tahun: Int
        var triwulan: Int?
        var tahunTersedia: [Int]
        var perPD: [PerPD]
        /// Capaian of each sasaran-level indicator s.d. each triwulan of the year (the trend).
        var tren: [(pd: PerangkatDaerah, indikator: Indikator, nilai: [Decimal?])]
        /// Published figures only, or with provisional ones; the note naming what is provisional or held back.
        var tampilan: Tampilan = .terbit
        var catatanTerbit: String?
        /// The fingerprint of what the page is made of (the Pemda, the year's choice, its parts' fingerprints);
        /// nil when a part has none. The page's next version is this one when it is equal.
        var sidikJari: SidikJari? = nil
    }

    /// One bar per PD: its overall capaian in its category's colour, linked to its page.
    static func batang(_ model: Model) -> [ChartSVG.Batang] {
        let pemdaID = model.pemda.id.uuid
        let kategori = model.pemda.kebijakan.kategori
        return model.perPD.map { item in
            ChartSVG.Batang(
                label: item.pd.singkatan.isEmpty ? item.pd.nama : item.pd.singkatan,
                nilai: item.capaianKeseluruhan.capaian,
                warna: item.capaianKeseluruhan.capaian.map { kategori.kategori($0).warna } ?? "#999",
                tautan: SiteURL.perangkatDaerah(pemda: pemdaID, kode: item.pd.kode).path(
                    tahun: model.tahun, triwulan: model.triwulan))
        }
    }

    /// The indicators with a target and no realisasi yet, per PD, with a link to the form for who may fill it.
    static func belumDilaporkan(_ model: Model, akun: Layout.Akun) -> [HTML] {
        let pemdaID = model.pemda.id.uuid
        var items: [HTML] = []
        let late = model.perPD.reduce(0) { $0 + $1.belumDilaporkan }
        items.append(.el("h2", [], "Indikator bertarget yang belum dilaporkan (\(late))"))
        if late == 0 {
            items.append(.el("p", [("class", "ok")], "Semua indikator bertarget sudah diisi realisasinya."))
        } else {
            items.append(
                .el(
                    "ul", [],
                    model.perPD.compactMap { item -> HTML? in
                        guard item.belumDilaporkan > 0 else { return nil }
                        var children: [HTML] = [.text("\(item.pd.nama): \(item.belumDilaporkan) indikator")]
                        if let user = akun.pengguna,
                            Akses.tulisPD(pemda: model.pemda.id, pd: item.pd.id).boleh(user)
                        {
                            children.append(.text(" · "))
                            children.append(
                                .el(
                                    "a",
                                    [
                                        (
                                            "href",
                                            SiteURL.realisasi(pemda: pemdaID, kode: item.pd.kode).path(
                                                tahun: model.tahun,
                                                triwulan: model.triwulan ?? model.pemda.jumlahTriwulan)
                                        )
                                    ], "isi realisasi"))
                        }
                        children.append(item.daftarBelum)
                        return .el("li", [], children)
                    }))
        }
        return items
    }

    /// The dashboard as the cache keeps it: its model, and its content rendered once per kind of viewer (what a
    /// viewer may write changes its links; the page around it carries the viewer's own name and token). Rendering
    /// the synthetic kabupaten's dashboard (1,8 MB) took 90 ms a request.
    final class Tersaji: @unchecked Sendable {
        let model: Model
        private let isi = Memo<String, SharedHTML>()

        init(_ model: Model) { self.model = model }

        /// The content for the viewer's kind, shared by every request of that kind (its gzip kept once made).
        func konten(_ akun: Layout.Akun) -> SharedHTML {
            let key =
                akun.pengguna.map {
                    "\($0.peran.rawValue)|\($0.pemda.uuid.uuidString)|\($0.perangkatDaerah?.uuid.uuidString ?? "")"
                } ?? "-"
            return isi.nilai(key) {
                // Compressed at once: the text (1,8 MB for the synthetic kabupaten) is not kept.
                let chunk = Gzip.Chunk(HTML.join(DashboardPage.isi(model, akun: akun)).rendered)
                return SharedHTML(chunks: { [chunk] })
            }
        }
    }

    static func render(_ tersaji: Tersaji, akun: Layout.Akun) -> String {
        SharedHTML.gabung(halaman(tersaji.model, akun: akun, isi: .tempatBagian), [tersaji.konten(akun)])
    }

    static func halaman(_ model: Model, akun: Layout.Akun, isi: HTML) -> String {
        Layout.page(
            title: "Dasbor " + model.pemda.nama,
            breadcrumbs: [("Beranda", SiteURL.beranda.path), (model.pemda.nama, nil), ("Dasbor", nil)], akun: akun,
            content: [isi])
    }

    static func isi(_ model: Model, akun: Layout.Akun) -> [HTML] {
        let pemdaID = model.pemda.id.uuid
        let kategori = model.pemda.kebijakan.kategori
        let periode = model.triwulan.map { "s.d. Triwulan \(PeriodeLaporan.romawi($0)) " } ?? ""
        let bars = batang(model)
        var content: [HTML] = [
            .el("h1", [], "Dasbor capaian kinerja \(model.pemda.nama)"),
            .el(
                "p", [("class", "muted")],
                "Tahun \(model.tahun) \(periode)· capaian rata-rata indikator setiap perangkat daerah"),
            filter(model, action: SiteURL.dasbor(pemda: pemdaID).path),
            PilihTampilan.render(
                tampilan: model.tampilan, catatan: model.catatanTerbit,
                path: SiteURL.dasbor(pemda: pemdaID).path(tahun: model.tahun, triwulan: model.triwulan)),
            legenda(kategori),
            .el(
                "div", [("class", "box"), ("style", "max-height:none")],
                [ChartSVG.batang(bars, judul: "Capaian per perangkat daerah")]),
            .el("h2", [], "Per perangkat daerah"),
            tabelPD(model, akun: akun),
            .el("h2", [], "Per sasaran"),
            tabelSasaran(model),
        ]
        if !model.tren.isEmpty {
            content.append(.el("h2", [], "Tren capaian sasaran per triwulan \(model.tahun)"))
            content.append(
                .el(
                    "div", [("class", "grid")],
                    model.tren.prefix(60).map { item in
                        HTML.el(
                            "div", [("class", "kartu")],
                            [
                                .el(
                                    "div", [("class", "muted")],
                                    item.pd.singkatan.isEmpty ? item.pd.nama : item.pd.singkatan),
                                .el("div", [], item.indikator.nama),
                                ChartSVG.tren(
                                    item.nilai.enumerated().map {
                                        ("TW " + PeriodeLaporan.romawi($0.offset + 1), $0.element)
                                    },
                                    judul: "Tren capaian " + item.indikator.nama),
                            ])
                    }))
        }
        content += belumDilaporkan(model, akun: akun)
        return content
    }

    static func filter(_ model: Model, action: String) -> HTML {
        var quarters: [(String, String)] = [("", "Setahun penuh")]
        quarters += (1...model.pemda.jumlahTriwulan).map { (String($0), "s.d. Triwulan " + PeriodeLaporan.romawi($0)) }
        return .el(
            "form", [("class", "filter"), ("method", "get"), ("action", action)],
            [
                Form.select(
                    "Tahun", name: "tahun", options: model.tahunTersedia.map { (String($0), String($0)) },
                    selected: String(model.tahun)),
                Form.select(
                    "Periode", name: "triwulan", options: quarters, selected: model.triwulan.map(String.init) ?? ""),
                .el("button", [("type", "submit")], "Tampilkan"),
            ])
    }

    static func legenda(_ kategori: KategoriCapaian) -> HTML {
        .el(
            "p", [("class", "muted")],
            [.text("Kategori: ")]
                + kategori.pita.map { pita in
                    HTML.join([
                        PerangkatDaerahPage.badge(pita), .text(" ≥ \(IndonesianFormat.number(pita.batasBawah)) %  "),
                    ])
                })
    }

    static func tabelPD(_ model: Model, akun: Layout.Akun) -> HTML {
        let kategori = model.pemda.kebijakan.kategori
        let rows = model.perPD.map { item -> HTML in
            let overall = item.capaianKeseluruhan
            let serapan = item.pagu.flatMap { Serapan.persen(realisasi: item.realisasiKeuangan, pagu: $0) }
            let link = SiteURL.perangkatDaerah(pemda: model.pemda.id.uuid, kode: item.pd.kode).path(
                tahun: model.tahun, triwulan: model.triwulan)
            let badge: HTML = overall.capaian.map { PerangkatDaerahPage.badge(kategori.kategori($0)) } ?? .empty
            let cells: [HTML] = [
                .el("td", [], [.el("a", [("href", link)], item.pd.nama)]),
                .el("td", [("class", "num")], overall.capaian.map { IndonesianFormat.percent($0) } ?? "–"),
                .el("td", [], [badge]),
                .el("td", [("class", "num")], String(overall.dihitung)),
                .el("td", [("class", "num")], String(item.belumDilaporkan)),
                .el("td", [("class", "num")], item.pagu.map { IndonesianFormat.rupiah($0, prefix: false) } ?? "–"),
                .el(
                    "td", [("class", "num")],
                    item.realisasiKeuangan.map { IndonesianFormat.rupiah($0, prefix: false) } ?? "belum diisi"),
                .el("td", [("class", "num")], serapan.map { IndonesianFormat.percent($0) } ?? "–"),
            ]
            return .el("tr", [], cells)
        }
        return HTMLTable.kotak(
            kepala: [
                "Perangkat daerah", "Capaian", "Kategori", "Indikator dihitung", "Belum dilaporkan",
                "Pagu (Rp)", "Realisasi keuangan (Rp)", "Serapan",
            ], rows)
    }

    static func tabelSasaran(_ model: Model) -> HTML {
        var rows = model.perPD.flatMap(\.barisSasaran)
        if rows.isEmpty {
            rows = [
                .el("tr", [], [.el("td", [("colspan", "5"), ("class", "muted")], "Belum ada sasaran berindikator.")])
            ]
        }
        return HTMLTable.kotak(kepala: ["Perangkat daerah", "Sasaran", "Indikator", "Capaian", "Kategori"], rows)
    }

    /// One PD's rows of the per-sasaran table.
    static func barisSasaran(pd: PerangkatDaerah, tabel: TabelCapaian, kategori: KategoriCapaian) -> [HTML] {
        var rows: [HTML] = []
        for baris in tabel.baris
        where [.tujuanPD, .sasaranPD, .sasaran].contains(baris.elemen.tingkat) && !baris.indikator.isEmpty {
            let capaian = baris.capaianElemen.capaian
            rows.append(
                .el(
                    "tr", [],
                    [
                        .el("td", [], pd.singkatan.isEmpty ? pd.nama : pd.singkatan),
                        .el("td", [], baris.elemen.uraian),
                        .el("td", [("class", "num")], String(baris.indikator.count)),
                        .el("td", [("class", "num")], capaian.map { IndonesianFormat.percent($0) } ?? "–"),
                        .el("td", [], [capaian.map { PerangkatDaerahPage.badge(kategori.kategori($0)) } ?? .empty]),
                    ]))
        }
        return rows
    }
}
