import Foundation
import KinerjaDomain

/// The cascading of a PD or of the whole Pemda as a collapsible tree: each node with its indicators, targets and
/// penanggung jawab. Works without JavaScript (`details`); the first levels are open.
enum PohonPage {
    /// A node's indicators with their targets, each a link to its page.
    static func daftarIndikator(_ item: PohonKinerja.Simpul, _ indicators: [Indikator], pemda: Pemda) -> HTML {
        .el(
            "ul", [("class", "indikator")],
            item.indikator.enumerated().map { offset, pair in
                let link =
                    offset < indicators.count
                    ? SiteURL.indikator(pemda: pemda.id.uuid, indikator: indicators[offset].id.uuid).path
                    : nil
                return HTML.el(
                    "li", [],
                    [
                        link.map { HTML.el("a", [("href", $0)], pair.nama) } ?? .text(pair.nama),
                        .el("span", [("class", "muted")], pair.target.isEmpty ? "" : " · target " + pair.target),
                    ])
            })
    }

    static func render(
        _ tree: PohonKinerja, index: IndeksKinerja, judul: String, tahun: Int?, pemda: Pemda, pd: PerangkatDaerah?,
        akun: Layout.Akun
    ) -> String {
        let units = Dictionary(index.data.unitKerja.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let openDepth = pd == nil ? 2 : 4
        func node(_ position: Int) -> HTML {
            let item = tree.simpul[position]
            let element = item.elemen
            let pj = element.unitKerja.flatMap { units[$0]?.jabatan }
            let indicators = index.indikatorPerElemen[element.id] ?? []
            let body: [HTML] = item.indikator.isEmpty ? [] : [daftarIndikator(item, indicators, pemda: pemda)]
            let summary: [HTML] = [
                .el("span", [("class", "tingkat")], element.tingkat.labelAwal),
                .text(" " + (element.kode.map { $0.asli + " " } ?? "") + element.uraian),
                pj.map { HTML.el("span", [("class", "muted")], " — PJ: " + $0) } ?? .empty,
            ]
            if item.anak.isEmpty {
                return .el("li", [], [.el("div", [("class", "daun")], summary)] + body)
            }
            return .el(
                "li", [],
                [
                    .el(
                        "details", [("open", item.kedalaman < openDepth ? "open" : nil)],
                        [.el("summary", [], summary)] + body + [.el("ul", [], item.anak.map(node))])
                ])
        }
        let roots = tree.simpul.indices.filter { position in !tree.simpul.contains { $0.anak.contains(position) } }
        let style = """
            ul.pohon,ul.pohon ul{list-style:none;padding-left:1.1rem;border-left:1px dotted #8c959f}
            ul.pohon{border:0;padding-left:0}ul.pohon li{margin:.25rem 0}.tingkat{font-size:.75rem;background:#eef2f6;padding:0 .3rem;border-radius:.2rem}
            ul.indikator{border:0!important;font-size:.88rem}ul.indikator li::before{content:"▸ ";color:#57606a}
            @media print{details>summary{list-style:none}details:not([open])>*:not(summary){display:block}}
            """
        var crumbs: [(String, String?)] = [("Beranda", SiteURL.beranda.path), (pemda.nama, nil)]
        if let pd { crumbs.append((pd.nama, SiteURL.perangkatDaerah(pemda: pemda.id.uuid, kode: pd.kode).path)) }
        crumbs.append(("Cascading", nil))
        var content: [HTML] = [
            HTML.style(style),
            .el("h1", [], judul),
            .el(
                "p", [("class", "muted")],
                "\(tree.simpul.count) simpul"
                    + (tahun.map { " · target tahun \($0)" } ?? " · target terakhir setiap indikator")
                    + ". Klik sebuah simpul untuk membuka atau menutup."),
        ]
        if let pd {
            content.append(
                .el(
                    "p", [],
                    [
                        .el(
                            "a",
                            [("href", SiteURL.laporan(pemda: pemda.id.uuid, kode: pd.kode, nama: "cascading").path)],
                            "Bagan dan tabel cascading (untuk dicetak)")
                    ]))
        }
        content.append(
            tree.simpul.isEmpty
                ? .el("p", [], "Belum ada pohon kinerja.") : .el("ul", [("class", "pohon")], roots.map(node)))
        return Layout.page(title: judul, breadcrumbs: crumbs, akun: akun, content: content)
    }
}
