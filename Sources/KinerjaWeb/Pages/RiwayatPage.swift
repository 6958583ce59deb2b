import Foundation
import KinerjaDomain
import KinerjaSpreadsheet

/// The history of a PD's data, or of one indicator: who changed what, when, from where, old → new; filterable by
/// date and person, downloadable as CSV.
enum RiwayatPage {
    struct Filter: Sendable {
        var kunci: UUID?
        var dariTeks = ""
        var sampaiTeks = ""
        var oleh = ""
    }

    static let kepala = ["Waktu", "Oleh", "Sumber", "Jenis", "Uraian", "Periode", "Semula", "Menjadi"]

    static func baris(_ line: Riwayat) -> [String] {
        [
            IndonesianFormat.waktu(line.waktu), line.oleh, line.sumber, line.entitas, line.uraian, line.periode,
            line.lama, line.baru,
        ]
    }

    static func csv(_ lines: [Riwayat]) -> String {
        CSV.write([kepala] + lines.map(baris))
    }

    static func render(
        _ lines: [Riwayat], judul: String, pemda: Pemda, pd: PerangkatDaerah, filter: Filter, akun: Layout.Akun
    ) -> String {
        let url = SiteURL.riwayat(pemda: pemda.id.uuid, kode: pd.kode).path
        var query = [("kunci", filter.kunci?.uuidString.lowercased() ?? ""), ("dari", filter.dariTeks)]
        query += [("sampai", filter.sampaiTeks), ("oleh", filter.oleh)]
        let csvLink =
            url + "?"
            + (query.filter { !$0.1.isEmpty }.map {
                "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? "")"
            } + ["format=csv"]).joined(separator: "&")
        let form = HTML.el(
            "form", [("method", "get"), ("action", url), ("class", "filter")],
            [
                filter.kunci.map { Form.tersembunyi("kunci", $0.uuidString.lowercased()) } ?? .empty,
                Form.input("Dari tanggal", name: "dari", value: filter.dariTeks, type: "date"),
                Form.input("Sampai tanggal", name: "sampai", value: filter.sampaiTeks, type: "date"),
                Form.input("Oleh (nama pengguna)", name: "oleh", value: filter.oleh),
                .el("button", [("type", "submit")], "Saring"),
            ])
        let rows = lines.map { line in HTML.el("tr", [], baris(line).map { HTML.el("td", [], $0) }) }
        return Layout.page(
            title: judul,
            breadcrumbs: [
                ("Beranda", SiteURL.beranda.path), (pemda.nama, nil),
                (pd.nama, SiteURL.perangkatDaerah(pemda: pemda.id.uuid, kode: pd.kode).path), ("Riwayat", nil),
            ], akun: akun,
            content: [
                .el("h1", [], judul),
                .el(
                    "p", [("class", "muted")],
                    "Setiap perubahan data tercatat di sini dan tidak pernah dihapus. \(lines.count) baris"
                        + (lines.count >= 500 ? " (terbaru; unduh CSV untuk semuanya)" : "") + "."),
                form,
                .el("p", [], [.el("a", [("href", csvLink)], "Unduh CSV")]),
                lines.isEmpty
                    ? .el("p", [], "Belum ada perubahan yang tercatat.")
                    : HTMLTable.kotak(kepala: kepala, rows, atribut: [("id", "riwayat")]),
            ])
    }
}
