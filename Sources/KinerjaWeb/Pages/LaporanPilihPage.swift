import Foundation
import KinerjaApplication
import KinerjaDomain
import KinerjaImport

/// Choose a report: which, for which PD (or the whole Pemda), which year, which paper and format.
enum LaporanPilihPage {
    static func render(pemda: Pemda, pds: [PerangkatDaerah], tahun: [Int], akun: Layout.Akun) -> String {
        let action = SiteURL.laporanPemda(pemda: pemda.id.uuid).path
        let pdOptions = [("", "Seluruh Pemda")] + pds.map { ($0.kode, "\($0.nama) (\($0.kode))") }
        let yearOptions = tahun.reversed().map { (String($0), String($0)) }
        return Layout.page(
            title: "Laporan " + pemda.nama,
            breadcrumbs: [("Beranda", SiteURL.beranda.path), (pemda.nama, nil), ("Laporan", nil)], akun: akun,
            content: [
                .el("h1", [], "Laporan \(pemda.nama)"),
                .el(
                    "p", [("class", "muted")],
                    "Tabel resmi dihitung dari data: tampilkan untuk dibaca atau dicetak (A4/F4 lanskap, kop, nomor halaman, "
                        + "tanda tangan), atau unduh XLSX (dengan rumus) dan CSV."),
                .el(
                    "form", [("method", "get"), ("action", action), ("class", "kartu")],
                    [
                        Form.select(
                            "Laporan", name: "nama", options: LaporanKatalog.nama.map { ($0.0, $0.1) }, selected: nil),
                        Form.select("Perangkat daerah", name: "pd", options: pdOptions, selected: nil),
                        Form.select("Tahun", name: "tahun", options: yearOptions, selected: nil),
                        Form.select(
                            "Evaluasi s.d. triwulan", name: "triwulan",
                            options: [("", "Setahun")]
                                + (1...pemda.jumlahTriwulan).map {
                                    (String($0), "Triwulan \(PeriodeLaporan.romawi($0))")
                                }, selected: nil),
                        Form.select(
                            "Kertas (cetak)", name: "kertas", options: [("a4", "A4 lanskap"), ("f4", "F4 lanskap")],
                            selected: "a4"),
                        Form.select(
                            "Format", name: "format",
                            options: [("html", "Tampilkan / cetak"), ("xlsx", "Unduh XLSX"), ("csv", "Unduh CSV")],
                            selected: "html"),
                        .el("p", [], [.el("button", [("type", "submit")], "Buat laporan")]),
                    ]),
                .el("h2", [], "Daftar laporan"),
                .el(
                    "ul", [],
                    LaporanKatalog.nama.map { name, label in
                        HTML.el("li", [], [.el("strong", [], name), .text(" — " + label)])
                    }),
                .el(
                    "p", [("class", "muted")],
                    "\"Seluruh Pemda\" menyusun laporan setiap perangkat daerah di bawah judulnya; IKU Pemda hanya untuk seluruh Pemda."
                ),
            ])
    }
}
