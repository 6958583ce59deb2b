import Foundation
import KinerjaDomain

/// The admin's view of a year: every PD × document and triwulan with its status, the PD that are late, the
/// reporting windows and the reopenings, with the forms to set them.
enum PemantauanPage {
    struct Model: Sendable {
        var pemda: Pemda
        var tahun: Int
        var pd: [PerangkatDaerah]
        var status: [StatusTersimpan]
        var jadwal: [JadwalPelaporan]
        var pembukaan: [PembukaanKhusus]
        var sekarang: Date
        var pesan: (String, Bool)?

        func panel(_ pd: PerangkatDaerah) -> AlurPanel {
            AlurPanel(
                pemda: pemda, pd: pd, tahun: tahun,
                status: Dictionary(
                    status.filter { $0.objek.perangkatDaerah == pd.id }.map { ($0.objek, $0) },
                    uniquingKeysWith: { first, _ in first }),
                jadwal: Dictionary(jadwal.map { ($0.triwulan, $0) }, uniquingKeysWith: { first, _ in first }),
                pengguna: nil, sekarang: sekarang)
        }
    }

    static func render(_ model: Model, akun: Layout.Akun) -> String {
        let pemdaID = model.pemda.id.uuid
        let quarters = Array(1...model.pemda.jumlahTriwulan)
        let documents: [ObjekAlur.Jenis] = [.renja, .perjanjianKinerja]
        var late: [String: [String]] = [:]
        let rows = model.pd.map { pd -> HTML in
            let panel = model.panel(pd)
            let items =
                documents.map { ObjekAlur(perangkatDaerah: pd.id, jenis: $0, tahun: model.tahun) }
                + quarters.map {
                    ObjekAlur(perangkatDaerah: pd.id, jenis: .realisasi, tahun: model.tahun, triwulan: $0)
                }
            let cells = items.map { item -> HTML in
                if panel.terlambat(item) {
                    late["TW \(PeriodeLaporan.romawi(item.triwulan))", default: []].append(pd.nama)
                }
                return .el(
                    "td", [],
                    [
                        AlurPanel.badge(panel.statusOf(item)),
                        panel.terlambat(item) ? .el("span", [("class", "warn")], " terlambat") : .empty,
                    ])
            }
            return .el(
                "tr", [],
                [
                    .el(
                        "td", [],
                        [
                            .el(
                                "a",
                                [
                                    (
                                        "href",
                                        SiteURL.perangkatDaerah(pemda: pemdaID, kode: pd.kode).path
                                            + "?tahun=\(model.tahun)#alur"
                                    )
                                ], pd.nama)
                        ])
                ] + cells)
        }
        let heads =
            ["Perangkat daerah"] + documents.map(\.label) + quarters.map { "Realisasi TW \(PeriodeLaporan.romawi($0))" }
        var content: [HTML] = [
            HTML.style(AlurPanel.style),
            .el("h1", [], "Pemantauan pelaporan \(model.tahun)"),
            Form.pesan(model.pesan?.0, galat: model.pesan?.1 ?? false),
            .el(
                "form", [("method", "get"), ("class", "filter")],
                [Form.input("Tahun", name: "tahun", value: String(model.tahun)), .el("button", [], "Tampilkan")]),
            .el("h2", [], "Terlambat"),
            late.isEmpty
                ? .el("p", [("class", "ok")], "Tidak ada perangkat daerah yang terlambat.")
                : .el(
                    "ul", [("id", "terlambat")],
                    late.keys.sorted().map { key in
                        HTML.el("li", [], "\(key): \(late[key]!.count) PD — " + late[key]!.joined(separator: ", "))
                    }),
            .el("h2", [], "Status per perangkat daerah"),
            HTMLTable.kotak(kepala: heads, rows, atribut: [("id", "matriks-alur")]),
        ]
        content += formulir(model, akun: akun)
        return Layout.page(
            title: "Pemantauan pelaporan",
            breadcrumbs: [("Beranda", SiteURL.beranda.path), (model.pemda.nama, nil), ("Pemantauan", nil)],
            akun: akun, content: content)
    }

    /// The windows and reopenings of the year, and the forms to set them.
    static func formulir(_ model: Model, akun: Layout.Akun) -> [HTML] {
        let pemdaID = model.pemda.id.uuid
        let quarterOptions = (1...model.pemda.jumlahTriwulan).map { (String($0), "TW \(PeriodeLaporan.romawi($0))") }
        return [
            .el("h2", [], "Jadwal pengisian realisasi \(model.tahun)"),
            model.jadwal.isEmpty
                ? .el("p", [("class", "muted")], "Belum ada jadwal: setiap triwulan terbuka untuk diisi.")
                : .el(
                    "ul", [("id", "jadwal")],
                    model.jadwal.map {
                        HTML.el(
                            "li", [],
                            "TW \(PeriodeLaporan.romawi($0.triwulan)): \(IndonesianFormat.tanggal($0.buka)) s.d. "
                                + IndonesianFormat.tanggal($0.hariTerakhir))
                    }),
            Form.post(
                SiteURL.adminJadwal(pemda: pemdaID).path, csrf: akun.csrf, attributes: [("class", "filter")],
                [
                    Form.tersembunyi("tahun", String(model.tahun)),
                    Form.select("Triwulan", name: "triwulan", options: quarterOptions, selected: nil),
                    Form.input("Dibuka", name: "buka", type: "date"),
                    Form.input("Ditutup (hari terakhir)", name: "tutup", type: "date"),
                    .el("button", [("type", "submit")], "Simpan jadwal"),
                ]),
            .el("h2", [], "Dibuka kembali untuk perangkat daerah"),
            model.pembukaan.isEmpty
                ? .el("p", [("class", "muted")], "Belum ada.")
                : .el(
                    "ul", [],
                    model.pembukaan.map { item in
                        HTML.el(
                            "li", [],
                            "\(model.pd.first { $0.id == item.perangkatDaerah }?.nama ?? "?") · TW "
                                + "\(PeriodeLaporan.romawi(item.triwulan)) sampai \(IndonesianFormat.tanggalISO(item.sampai.addingTimeInterval(-1)))"
                                + " · \(item.alasan) (\(item.oleh))")
                    }),
            Form.post(
                SiteURL.adminPembukaan(pemda: pemdaID).path, csrf: akun.csrf, attributes: [("class", "filter")],
                [
                    Form.tersembunyi("tahun", String(model.tahun)),
                    Form.select(
                        "Perangkat daerah", name: "pd", options: model.pd.map { ($0.kode, $0.nama) }, selected: nil),
                    Form.select("Triwulan", name: "triwulan", options: quarterOptions, selected: nil),
                    Form.input("Sampai tanggal", name: "sampai", type: "date"),
                    Form.input("Alasan", name: "alasan"),
                    .el("button", [("type", "submit")], "Buka kembali"),
                ]),
        ]
    }
}
