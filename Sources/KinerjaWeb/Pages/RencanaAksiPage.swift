import Foundation
import KinerjaDomain

/// Rencana aksi of a PD's year: for each indicator with a target of the year, its PK target per triwulan, checked
/// against the year by the indicator's aggregation. The quarters are stored as Perjanjian Kinerja targets of the
/// triwulan, part of the PK: entered before it is submitted.
enum RencanaAksiPage {
    struct Baris: Sendable {
        var kode: String
        var uraian: String
        var indikator: Indikator
        var targetTahun: Nilai?
        var targetTahunTeks: String
        /// Per triwulan 1…n: the stored text and version.
        var triwulan: [(teks: String, nilai: Nilai?, versi: Int)]
        var periksa: String?
    }

    struct Model: Sendable {
        var pemda: Pemda
        var pd: PerangkatDaerah
        var tahun: Int
        var tahunPilihan: [Int]
        var baris: [Baris]
        var terkunci: String?
    }

    static func key(_ triwulan: Int, _ indikator: Indikator) -> String {
        "\(triwulan).\(indikator.id.uuid.uuidString.lowercased())"
    }

    /// One indicator's row: its year target, an input per triwulan with its version, the check.
    static func baris(_ row: Baris, quarters: [Int], isian: FormState) -> HTML {
        var cells: [HTML] = [
            .el("td", [("class", "kode")], row.kode),
            .el("td", [], [.el("div", [("class", "muted")], row.uraian), .text(row.indikator.nama)]),
            .el("td", [], row.indikator.satuan),
            .el("td", [], row.indikator.agregasi.rawValue),
            .el("td", [("class", "num")], row.targetTahunTeks),
        ]
        for quarter in quarters {
            let key = key(quarter, row.indikator)
            let stored = row.triwulan[quarter - 1]
            let error = isian.galat[FormKey.aksi(key)] ?? isian.konflik[FormKey.aksi(key)]
            cells.append(
                .el(
                    "td", [],
                    [
                        .el(
                            "input",
                            [
                                ("type", "text"), ("name", FormKey.aksi(key)), ("size", "8"),
                                ("value", isian.nilai[FormKey.aksi(key)] ?? stored.teks),
                                ("aria-label", "Target TW \(PeriodeLaporan.romawi(quarter)) \(row.indikator.nama)"),
                                ("aria-invalid", error == nil ? nil : "true"),
                            ]),
                        Form.tersembunyi(FormKey.awalAksi(key), stored.teks),
                        Form.tersembunyi(
                            FormKey.versiAksi(key), String(isian.versi[FormKey.aksi(key)] ?? stored.versi)),
                        Form.galatIsian(error),
                    ]))
        }
        cells.append(.el("td", [("class", row.periksa == nil ? "ok" : "warn")], row.periksa ?? "sesuai"))
        return .el("tr", [], cells)
    }

    static func render(_ model: Model, akun: Layout.Akun, isian: FormState = .init()) -> String {
        let pemdaID = model.pemda.id.uuid
        let action = SiteURL.rencanaAksi(pemda: pemdaID, kode: model.pd.kode).path
        let quarters = Array(1...model.pemda.jumlahTriwulan)
        let rows = model.baris.map { baris($0, quarters: quarters, isian: isian) }
        let heads =
            ["Kode", "Uraian / indikator", "Satuan", "Agregasi", "Target tahun"]
            + quarters.map { "TW \(PeriodeLaporan.romawi($0))" } + ["Pemeriksaan"]
        var content: [HTML] = [
            .el("h1", [], "Rencana aksi \(model.tahun)"),
            .el(
                "p", [("class", "muted")],
                [
                    .el(
                        "a", [("href", SiteURL.perangkatDaerah(pemda: pemdaID, kode: model.pd.kode).path)],
                        model.pd.nama),
                    .text(
                        " · target Perjanjian Kinerja per triwulan; capaian s.d. triwulan diukur dengan target ini bila ada. "
                            + "Kumulatif: jumlah triwulan = target tahun; nilai akhir: triwulan terakhir = target tahun; "
                            + "rata-rata: rata-ratanya."),
                ]),
            .el(
                "form", [("class", "filter"), ("method", "get"), ("action", action)],
                [
                    Form.select(
                        "Tahun", name: "tahun", options: model.tahunPilihan.map { (String($0), String($0)) },
                        selected: String(model.tahun)),
                    .el("button", [("type", "submit"), ("class", "kedua")], "Buka"),
                ]),
            Form.pesan(isian.sukses, galat: false),
            Form.pesan(isian.pesan ?? model.terkunci.map { $0 + " Rencana aksi bagian dari PK." }, galat: true),
        ]
        content.append(
            Form.post(
                action + "?tahun=\(model.tahun)", csrf: akun.csrf,
                [
                    .el(
                        "fieldset", [("disabled", model.terkunci == nil ? nil : "disabled")],
                        [HTMLTable.kotak(kepala: heads, rows)]),
                    model.terkunci == nil
                        ? .el("p", [], [.el("button", [("type", "submit")], "Simpan rencana aksi")]) : .empty,
                ]))
        return Layout.page(
            title: "Rencana aksi \(model.tahun) · \(model.pd.nama)",
            breadcrumbs: [
                ("Beranda", SiteURL.beranda.path),
                (model.pd.nama, SiteURL.perangkatDaerah(pemda: pemdaID, kode: model.pd.kode).path),
                ("Rencana aksi", nil),
            ], akun: akun, content: content)
    }
}
