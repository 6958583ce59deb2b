import Foundation
import KinerjaDomain

/// The home page: every Pemda with its perangkat daerah.
struct HomePage {
    struct Model {
        var daftar: [(Pemda, [PerangkatDaerah])]
        /// What needs the signed-in user now (empty for the public).
        var tugas: [Tugas] = []
    }

    struct Tugas: Sendable {
        var judul: String
        var rincian: String
        var tautan: String
    }

    static func render(_ model: Model, akun: Layout.Akun) -> String {
        var content: [HTML] = []
        if akun.pengguna != nil {
            content.append(.el("h1", [], "Tugas Anda"))
            content.append(
                model.tugas.isEmpty
                    ? .el("p", [("class", "ok"), ("id", "tugas")], "Tidak ada yang menunggu Anda saat ini.")
                    : .el(
                        "ul", [("id", "tugas")],
                        model.tugas.map { item in
                            HTML.el(
                                "li", [],
                                [
                                    .el("a", [("href", item.tautan)], item.judul),
                                    .el("div", [("class", "muted")], item.rincian),
                                ])
                        }))
        }
        content.append(.el(akun.pengguna == nil ? "h1" : "h2", [], "Perangkat daerah"))
        if akun.pengguna == nil {
            content.append(
                .el(
                    "p", [("class", "muted")],
                    [
                        .text("Dasbor, laporan, IKU dan cascading setiap Pemda terbuka untuk umum. "),
                        .el("a", [("href", SiteURL.masuk.path)], "Masuk"),
                        .text(" untuk membuka halaman kerja perangkat daerah, mengisi realisasi dan mengimpor data."),
                    ]))
        }
        if model.daftar.isEmpty {
            content.append(
                .el(
                    "p", [],
                    "Belum ada data. Jalankan \"kinerja demo\" atau \"kinerja serve --demo\" untuk memuat data contoh.")
            )
        }
        for (pemda, pds) in model.daftar {
            content.append(.el("h2", [], pemda.nama))
            let id = pemda.id.uuid
            content.append(
                .el(
                    "p", [("class", "tautan-pemda")],
                    [
                        .el("a", [("href", SiteURL.dasbor(pemda: id).path)], "Dasbor"), .text(" · "),
                        .el("a", [("href", SiteURL.laporanPemda(pemda: id).path)], "Laporan"), .text(" · "),
                        .el("a", [("href", SiteURL.ikuPemda(pemda: id).path)], "IKU"), .text(" · "),
                        .el("a", [("href", SiteURL.cascadingPemda(pemda: id).path)], "Cascading"), .text(" · "),
                        .el("a", [("href", SiteURL.lkjipPemda(pemda: id).path)], "LKjIP"),
                    ]))
            if pds.isEmpty {
                content.append(.el("p", [("class", "muted")], "Belum ada perangkat daerah."))
                continue
            }
            content.append(
                .el(
                    "ul", [("class", "pd")],
                    pds.map { pd in
                        .el(
                            "li", [],
                            [
                                .el(
                                    "a", [("href", SiteURL.perangkatDaerah(pemda: pemda.id.uuid, kode: pd.kode).path)],
                                    pd.nama),
                                .el("span", [("class", "muted")], " (\(pd.kode))"),
                            ])
                    }))
        }
        return Layout.page(title: "Beranda", akun: akun, content: content)
    }
}
