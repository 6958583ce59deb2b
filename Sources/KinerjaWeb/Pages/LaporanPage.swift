import Foundation
import KinerjaDomain
import KinerjaPersistence

/// Reports: which exist, how they are built from stored data, and their HTML (screen and print).
enum LaporanKatalog {
    static let nama: [(String, String)] = [
        ("renja", "Renja T-C.33 (Tabel 3.2): target dan pagu tahun n, prakiraan maju n+1"),
        ("capaian-sasaran", "Capaian kinerja sasaran (Tabel 2.3)"),
        ("tujuan-sasaran", "Tujuan dan sasaran dengan target tahunan (Tabel 3.1)"),
        ("realisasi", "Realisasi kinerja dan keuangan dengan subtotal"),
        ("evaluasi-triwulan", "Evaluasi per triwulan (Permendagri 86): K dan Rp per triwulan"),
        ("evaluasi-renja", "Evaluasi Renja dan pencapaian Renstra (Tabel 2.1), kolom 1-11"),
        ("renstra", "Renstra T-C.27: target dan pagu setiap tahun periode"),
        ("cascading", "Cascading (pohon kinerja): bagan dan tabel"),
        ("iku", "Indikator Kinerja Utama PD per unit dan eselon"),
        ("iku-pemda", "Indikator Kinerja Utama Pemda (Lampiran I)"),
    ]

    static func buat(
        _ name: String, store: KinerjaStore, pemda: TypedID<Pemda>, pd: PerangkatDaerah?, tahun: Int?
    ) async throws
        -> Laporan
    {
        if name == "iku-pemda" {
            // The Pemda's own IKU: no PD needed.
            return Laporan.ikuPemda(IndeksKinerja(try await store.muat(pemda: pemda)))
        }
        guard nama.contains(where: { $0.0 == name }) else {
            throw DomainError.tidakSah(
                field: "laporan", pesan: "Laporan \"\(name)\" tidak dikenal (\(nama.map(\.0).joined(separator: ", ")))."
            )
        }
        guard let pd else {
            throw DomainError.tidakSah(field: "pd", pesan: "Laporan \"\(name)\" dibuat untuk satu perangkat daerah.")
        }
        let years = try await store.tahunData(pemda: pemda, perangkatDaerah: pd.id)
        let data = try await store.muat(pemda: pemda, perangkatDaerah: pd.id, denganRPJMD: name == "cascading")
        let year =
            tahun ?? tahunBawaan(name, data, pd: pd, realisasiTerakhir: years.realisasiTerakhir, semua: years.semua)
        return bangun(name, IndeksKinerja(data), pd: pd, tahun: year, tahunDiminta: tahun)
    }

    /// The year a report shows when none is asked: the period that holds its data, never the clock. The Renstra:
    /// the first year of the PD's Renstra period (the one with the latest realisasi, else the latest period); the
    /// Renja: the latest year with Renja targets or pagu; the others: the latest year with realisasi, else the
    /// latest year with any data.
    static func tahunBawaan(
        _ name: String, _ data: DataKinerja, pd: PerangkatDaerah, realisasiTerakhir: Int?, semua: [Int]
    ) -> Int {
        let fallback = realisasiTerakhir ?? semua.last ?? 2025
        switch name {
        case "renstra":
            let periods = data.periode.filter { $0.jenis == .renstra && $0.perangkatDaerah == pd.id }
            let chosen =
                realisasiTerakhir.flatMap { year in periods.first { $0.contains(year) } }
                ?? periods.max { $0.tahunAwal < $1.tahunAwal }
            return chosen?.tahunAwal ?? semua.first ?? fallback
        case "renja":
            let renja: Set<DokumenRencana> = [.renja, .renjaPerubahan]
            let targetYears = data.target.filter { renja.contains($0.dokumen) }.map(\.periode.tahun)
            let paguYears = data.pagu.filter { renja.contains($0.dokumen) }.map(\.tahun)
            return (targetYears + paguYears).max() ?? fallback
        default:
            return fallback
        }
    }

    /// Builds a named report of one PD from loaded data.
    static func bangun(
        _ name: String, _ index: IndeksKinerja, pd: PerangkatDaerah, tahun year: Int, tahunDiminta: Int?
    ) -> Laporan {
        switch name {
        case "renja": Laporan.renja(index, pd: pd, tahun: year)
        case "tujuan-sasaran": Laporan.tujuanSasaran(index, pd: pd, tahun: year)
        case "realisasi": Laporan.realisasi(index, pd: pd, tahun: year)
        case "evaluasi-triwulan": Laporan.evaluasiTriwulan(index, pd: pd, tahun: year)
        case "evaluasi-renja": Laporan.evaluasiRenja(index, pd: pd, tahun: year)
        case "iku": Laporan.iku(index, pd: pd)
        case "renstra": Laporan.renstra(index, pd: pd, tahun: year)
        case "cascading": Laporan.cascading(index, pd: pd, tahun: tahunDiminta)
        default: Laporan.capaianSasaran(index, pd: pd, tahun: year)
        }
    }

    /// A report for the whole Pemda (every PD under its heading).
    static func seluruhPemda(
        _ name: String, store: KinerjaStore, pemda: TypedID<Pemda>, tahun: Int
    ) async throws -> Laporan {
        guard nama.contains(where: { $0.0 == name }), name != "iku-pemda" else {
            throw DomainError.tidakSah(
                field: "laporan", pesan: "Laporan \"\(name)\" tidak dikenal untuk seluruh Pemda.")
        }
        let index = IndeksKinerja(try await store.muat(pemda: pemda))
        guard
            let laporan = Laporan.seluruhPemda(
                index, { bangun(name, index, pd: $0, tahun: tahun, tahunDiminta: tahun) })
        else {
            throw DomainError.tidakDitemukan("Perangkat daerah")
        }
        return laporan
    }

    /// Paper for printing: A4 or F4 (folio, 215 × 330 mm), landscape.
    enum Kertas: String, Sendable {
        case a4
        case f4

        var css: String { self == .a4 ? "A4 landscape" : "330mm 215mm" }
    }

    /// The kop's address line: the Pemda's office address under its name (all formats).
    static func denganAlamat(_ laporan: Laporan, _ profil: ProfilPemda) -> Laporan {
        guard !profil.alamat.isEmpty else { return laporan }
        var result = laporan
        result.kop.append(profil.alamat)
        return result
    }

    /// `logo`: the address of the Pemda's logo (a path of the site, or a `data:` URI for a file), left of the kop.
    static func html(
        _ laporan: Laporan, sebelumTabel: HTML = .empty, kertas: Kertas = .a4, akun: Layout.Akun? = nil,
        logo: String? = nil
    ) -> String {
        let header =
            laporan.kepalaGrid.map { placed in
                HTML.el(
                    "tr", [],
                    placed.map { item in
                        HTML.el(
                            "th",
                            [
                                ("colspan", item.sel.kolom > 1 ? String(item.sel.kolom) : nil),
                                ("rowspan", item.sel.baris > 1 ? String(item.sel.baris) : nil), ("scope", "col"),
                            ],
                            item.sel.teks)
                    })
            } + [HTML.el("tr", [("class", "nomor")], laporan.kolom.map { HTML.el("th", [], $0.nomor) })]
        let kodeColumn = laporan.kolom.first?.judul.lowercased().hasPrefix("kode") == true
        let body = laporan.baris.map { baris in
            HTML.el(
                "tr", [("class", baris.gaya == .biasa ? nil : "gaya-\(baris.gaya)")],
                baris.sel.enumerated().map { column, sel in
                    let numeric = column < laporan.kolom.count && laporan.kolom[column].jenis != .teks
                    let indent = column == 1 ? String(repeating: "\u{2003}", count: baris.kedalaman) : ""
                    // A statement under the uraian ("Sasaran program: …") stands on its own line.
                    let kind =
                        numeric
                        ? "num" : (column == 0 && kodeColumn ? "kode" : sel.teks.contains("\n") ? "baris-baru" : nil)
                    return HTML.el("td", [("class", kind)], indent + sel.teks)
                })
        }
        var content: [HTML] = [
            .el(
                "div", [("class", "kop")],
                (logo.map { [HTML.el("img", [("src", $0), ("alt", "Logo"), ("class", "logo-kop")])] } ?? [])
                    + laporan.kop.map { HTML.el("div", [], $0) }),
            .el("h1", [("class", "judul")], laporan.judul.map { HTML.el("div", [], $0) }),
            sebelumTabel,
            .el(
                "div", [("class", "box")],
                [
                    .el(
                        "table", [("class", laporan.kolom.count > 12 ? "laporan lebar" : "laporan")],
                        [.el("thead", [], header), .el("tbody", [], body)])
                ]),
        ]
        if !laporan.catatan.isEmpty {
            content.append(.el("ol", [("class", "catatan")], laporan.catatan.map { HTML.el("li", [], $0) }))
        }
        if let sign = laporan.tandaTangan {
            content.append(
                .el(
                    "div", [("class", "ttd")],
                    [
                        .el("div", [], "\(sign.tempat), \(sign.tanggal)"), .el("div", [], sign.jabatan),
                        .el("div", [("class", "ruang")], ""),
                        .el("div", [("class", "nama")], sign.nama), .el("div", [], sign.pangkat),
                        .el("div", [], sign.nip.isEmpty ? "" : "NIP. \(sign.nip)"),
                    ]))
        }
        let style = """
            .kop{text-align:center;font-weight:700}.logo-kop{display:block;margin:0 auto .3rem;max-height:64px}.judul{text-align:center;font-size:1.1rem}
            table.laporan th{text-align:center}tr.nomor th{font-weight:400;font-size:.8rem}
            tr.gaya-kelompok td{font-weight:600;background:#f6f8fa}tr.gaya-total td{font-weight:700;border-top:2px solid #333}
            .catatan{font-size:.85rem}.ttd{margin:2rem 0 0 auto;width:18rem;text-align:center}.ttd .ruang{height:4rem}.ttd .nama{font-weight:700;text-decoration:underline}
            @page{size:\(kertas.css);margin:12mm 10mm;@bottom-right{content:"Halaman " counter(page) " dari " counter(pages);font-size:9pt}}
            @media print{body{font-size:9pt}main{padding:0}table.laporan{font-size:8pt;width:100%}table.laporan th,table.laporan td{padding:1px 3px}
            table.laporan td.num{white-space:normal}td.baris-baru{white-space:pre-line}table.laporan.lebar{font-size:7pt}table.laporan.lebar th,table.laporan.lebar td{padding:1px 2px;overflow-wrap:anywhere;hyphens:auto}
            thead{display:table-header-group}tr{break-inside:avoid}.ttd{break-inside:avoid}svg{max-width:100%;height:auto}
            .box table th:first-child,.box table td:first-child{position:static}}
            table.laporan td{overflow-wrap:break-word}
            """
        let print = HTML.el(
            "p", [("class", "no-print")],
            [
                .el("button", [("type", "button"), ("data-cetak", "1")], "Cetak"),
                .el("span", [("class", "muted")], " · atau Ctrl+P; kertas \(kertas == .a4 ? "A4" : "F4") lanskap"),
            ])
        return Layout.page(
            title: laporan.judul.first ?? laporan.nama,
            breadcrumbs: [("Beranda", SiteURL.beranda.path), (laporan.nama, nil)], akun: akun,
            content: [HTML(rendered: "<style>" + style + "</style>"), print] + content)
    }
}
