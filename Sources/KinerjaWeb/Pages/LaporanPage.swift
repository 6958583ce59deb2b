import Foundation
import KinerjaApplication
import KinerjaDomain

/// A report's HTML (screen and print); which reports exist and how they are built: `LaporanKatalog`.
public enum LaporanHTML {
    /// Paper for printing: A4 or F4 (folio, 215 × 330 mm), landscape.
    public enum Kertas: String, Sendable {
        case a4
        case f4

        var css: String { self == .a4 ? "A4 landscape" : "330mm 215mm" }
    }

    /// A whole printable page of the report (for the CLI's `--format html`).
    public static func halaman(_ laporan: Laporan, kertas: Kertas = .a4, logo: String? = nil) -> String {
        html(laporan, kertas: kertas, logo: logo)
    }

    /// `logo`: the address of the Pemda's logo (a path of the site, or a `data:` URI for a file), left of the kop.
    /// `tabel`: the report's table already rendered (`tabel(laporan)`, kept by the cache).
    static func html(
        _ laporan: Laporan, sebelumTabel: HTML = .empty, tabel rendered: HTML? = nil, kertas: Kertas = .a4,
        akun: Layout.Akun? = nil, logo: String? = nil
    ) -> String {
        var content: [HTML] = [
            .el(
                "div", [("class", "kop")],
                (logo.map { [HTML.el("img", [("src", $0), ("alt", "Logo"), ("class", "logo-kop")])] } ?? [])
                    + laporan.kop.map { HTML.el("div", [], $0) }),
            .el("h1", [("class", "judul")], laporan.judul.map { HTML.el("div", [], $0) }),
            sebelumTabel,
            rendered ?? tabel(laporan),
        ]
        if !laporan.catatan.isEmpty {
            content.append(.el("ol", [("class", "catatan")], laporan.catatan.map { HTML.el("li", [], $0) }))
        }
        if let sign = laporan.tandaTangan {
            if let evaluator = laporan.tandaTanganEvaluasi {
                content.append(.el("div", [("class", "ttd-pasangan")], [tandaTangan(evaluator), tandaTangan(sign)]))
            } else {
                content.append(tandaTangan(sign))
            }
        }
        let style = """
            .kop{text-align:center;font-weight:700}.logo-kop{display:block;margin:0 auto .3rem;max-height:64px}.judul{text-align:center;font-size:1.1rem}
            table.laporan th{text-align:center}tr.nomor th{font-weight:400;font-size:.8rem}
            tr.gaya-kelompok td{font-weight:600;background:#f6f8fa}tr.gaya-total td{font-weight:700;border-top:2px solid #333}
            .catatan{font-size:.85rem}.ttd{margin:2rem 0 0 auto;width:18rem;text-align:center}.ttd .ruang{height:4rem}.ttd .nama{font-weight:700;text-decoration:underline}.ttd-pasangan{display:flex;justify-content:space-between;gap:2rem}.ttd-pasangan .ttd{margin:2rem 0 0}
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
            content: [HTML.style(style), print] + content)
    }

    /// The report's table: the header grid as printed (spans), the numbering row, the rows with their style.
    static func tabel(_ laporan: Laporan) -> HTML {
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
        return .el(
            "div", [("class", "box")],
            [
                .el(
                    "table", [("class", laporan.kolom.count > 12 ? "laporan lebar" : "laporan")],
                    [.el("thead", [], header), .el("tbody", [], body)])
            ])
    }

    /// The signature block: place and date, position, room to sign, name, rank and NIP.
    static func tandaTangan(_ sign: Laporan.TandaTangan) -> HTML {
        .el(
            "div", [("class", "ttd")],
            [
                .el("div", [], sign.tempat.isEmpty ? "\u{00A0}" : "\(sign.tempat), \(sign.tanggal)"),
                sign.peran.isEmpty ? .empty : .el("div", [], sign.peran + ","), .el("div", [], sign.jabatan),
                .el("div", [("class", "ruang")], ""),
                .el("div", [("class", "nama")], sign.nama), .el("div", [], sign.pangkat),
                .el("div", [], sign.nip.isEmpty ? "" : "NIP. \(sign.nip)"),
            ])
    }
}
