import Foundation
import KinerjaDomain

/// IKU: the list (of the Pemda or of a PD) and one indicator's detail with its definisi operasional, targets,
/// realisasi and capaian per year.
enum IKUPage {
    static func daftar(
        _ index: IndeksKinerja, pemda: Pemda, pd: PerangkatDaerah?, akun: Layout.Akun
    ) -> String {
        let indicators = index.data.indikator.filter(\.isIKU)
        let nodes = Dictionary(index.data.elemen.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let pds = Dictionary(index.data.perangkatDaerah.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let sorted = indicators.filter { pd == nil || nodes[$0.elemen]?.perangkatDaerah == pd?.id }.sorted {
            let left = nodes[$0.elemen]
            let right = nodes[$1.elemen]
            return (left?.perangkatDaerah == nil ? 0 : 1, left.map(\.urutan) ?? 0, $0.urutan, $0.nama)
                < (right?.perangkatDaerah == nil ? 0 : 1, right.map(\.urutan) ?? 0, $1.urutan, $1.nama)
        }
        let rows = sorted.map { indikator -> HTML in
            let node = nodes[indikator.elemen]
            let owner = node?.perangkatDaerah.flatMap { pds[$0] }
            return .el(
                "tr", [],
                [
                    .el("td", [], owner.map { $0.singkatan.isEmpty ? $0.nama : $0.singkatan } ?? "Pemda"),
                    .el("td", [], node?.uraian ?? ""),
                    .el(
                        "td", [],
                        [
                            .el(
                                "a",
                                [("href", SiteURL.indikator(pemda: pemda.id.uuid, indikator: indikator.id.uuid).path)],
                                indikator.nama)
                        ]),
                    .el("td", [], indikator.satuan),
                    .el("td", [], indikator.penanggungJawab),
                ])
        }
        let title = "Indikator Kinerja Utama " + (pd?.nama ?? pemda.nama)
        var crumbs: [(String, String?)] = [("Beranda", SiteURL.beranda.path), (pemda.nama, nil)]
        if let pd { crumbs.append((pd.nama, SiteURL.perangkatDaerah(pemda: pemda.id.uuid, kode: pd.kode).path)) }
        crumbs.append(("IKU", nil))
        return Layout.page(
            title: title, breadcrumbs: crumbs, akun: akun,
            content: [
                .el("h1", [], title),
                .el(
                    "p", [("class", "muted")],
                    "\(sorted.count) indikator. Klik indikator untuk definisi operasional, target dan capaian."),
                sorted.isEmpty
                    ? .el("p", [], "Belum ada IKU.")
                    : HTMLTable.kotak(
                        kepala: [
                            "Pemilik", "Sasaran / kinerja utama", "Indikator", "Satuan",
                            "Penanggung jawab",
                        ], rows),
            ])
    }

    /// `riwayat`: the indicator's history for a signed-in reader of its PD (nil for the public), with the address
    /// of its full history page.
    static func detail(
        _ index: IndeksKinerja, indikator: Indikator, pemda: Pemda, akun: Layout.Akun,
        riwayat: (baris: [Riwayat], semua: String?)? = nil
    ) -> String {
        let node = index.data.elemen.first { $0.id == indikator.elemen }
        let pd = node?.perangkatDaerah.flatMap { id in index.data.perangkatDaerah.first { $0.id == id } }
        let history = index.riwayat(indikator)
        let years = Set(history.target.keys.map(\.tahun) + history.realisasi.keys.map(\.tahun)).sorted()
        let perYear = years.map { year -> (Int, Nilai?, Nilai?, HasilCapaian) in
            let hasil = history.hitung(tahun: year, sampai: nil, indikator: indikator, kebijakan: pemda.kebijakan)
            return (year, hasil.target, hasil.realisasi, hasil.capaian)
        }
        func row(_ label: String, _ value: String) -> HTML {
            .el("tr", [], [.el("th", [("scope", "row")], label), .el("td", [], value.isEmpty ? "–" : value)])
        }
        let polaritas: String =
            switch indikator.polaritas {
            case .naik: "Semakin tinggi semakin baik"
            case .turun: "Semakin rendah semakin baik"
            case .rentang: "Dalam rentang"
            }
        var crumbs: [(String, String?)] = [("Beranda", SiteURL.beranda.path), (pemda.nama, nil)]
        if let pd { crumbs.append((pd.nama, SiteURL.iku(pemda: pemda.id.uuid, kode: pd.kode).path)) }
        crumbs.append((indikator.nama, nil))
        let yearRows = perYear.map { year, target, real, hasil in
            HTML.el(
                "tr", [],
                [
                    .el("td", [], String(year)), .el("td", [("class", "num")], target?.teks ?? "–"),
                    .el("td", [("class", "num")], real?.teks ?? "belum diisi"),
                    .el("td", [("class", "num")], PerangkatDaerahPage.capaianText(hasil)),
                    .el("td", [], [pemda.kebijakan.kategori.kategori(hasil).map(PerangkatDaerahPage.badge) ?? .empty]),
                ])
        }
        return Layout.page(
            title: indikator.nama, breadcrumbs: crumbs, akun: akun,
            content: [
                .el("h1", [], indikator.nama),
                .el("p", [("class", "muted")], (pd?.nama ?? pemda.nama) + (node.map { " · " + $0.uraian } ?? "")),
                .el(
                    "table", [("class", "definisi")],
                    [
                        row("Satuan", indikator.satuan),
                        row("Jenis", indikator.jenis.rawValue.capitalized + (indikator.isIKU ? " · IKU" : "")),
                        row("Polaritas", polaritas),
                        row("Agregasi per triwulan", indikator.agregasi.rawValue),
                        row("Makna (definisi operasional)", indikator.definisi.makna),
                        row("Alasan pemilihan", indikator.definisi.alasanPemilihan),
                        row("Rumus / cara mengukur", indikator.definisi.rumus),
                        row(
                            "Kondisi awal",
                            indikator.baseline.map { ($0.tahun.map { "\($0): " } ?? "") + $0.teks } ?? ""),
                        row("Penanggung jawab", indikator.penanggungJawab),
                        row("Sumber data", indikator.sumberData),
                    ]),
                .el("h2", [], "Target, realisasi dan capaian per tahun"),
                perYear.contains { $0.3.persen != nil }
                    ? ChartSVG.tren(
                        perYear.map { (String($0.0), $0.3.persen) }, judul: "Tren capaian " + indikator.nama)
                    : .empty,
                HTMLTable.kotak(kepala: ["Tahun", "Target", "Realisasi", "Capaian", "Kategori"], yearRows),
                riwayatBagian(riwayat),
            ])
    }

    /// The latest changes of the indicator: who, when, from where, old → new.
    static func riwayatBagian(_ riwayat: (baris: [Riwayat], semua: String?)?) -> HTML {
        guard let riwayat else { return .empty }
        return .el(
            "section", [("id", "riwayat")],
            [
                .el("h2", [], "Riwayat perubahan"),
                riwayat.baris.isEmpty
                    ? .el("p", [("class", "muted")], "Belum ada perubahan yang tercatat.")
                    : HTMLTable.kotak(
                        kepala: RiwayatPage.kepala,
                        riwayat.baris.map { line in
                            HTML.el("tr", [], RiwayatPage.baris(line).map { HTML.el("td", [], $0) })
                        }),
                riwayat.semua.map {
                    HTML.el("p", [], [.el("a", [("href", $0)], "Semua riwayat indikator ini, saring dan unduh CSV")])
                } ?? .empty,
            ])
    }
}
