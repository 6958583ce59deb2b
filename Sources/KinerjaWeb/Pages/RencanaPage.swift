import Foundation
import KinerjaDomain

/// Editing a PD's plan for one year and document: the annual target of every indicator and the pagu of every sub
/// kegiatan (program and kegiatan pagu are their children's sum, shown, not typed).
struct RencanaPage {
    struct Baris {
        var node: ElemenRencana
        var kedalaman: Int
        var indikator: [(Indikator, Tersimpan?)]
        var pagu: (versi: Int, jumlah: Rupiah)?
        var paguJumlahAnak: Rupiah?
    }

    struct Model {
        var pemda: Pemda
        var pd: PerangkatDaerah
        var tahun: Int
        var dokumen: DokumenRencana
        var tahunPilihan: [Int]
        var baris: [Baris]
        /// The Pemda's (RPJMD) tujuan and sasaran, as parents a PD's tujuan or sasaran may hang under.
        var induk: [(String, String)] = []
        /// The stored pagu of the year and document, whole (a save changes its amount and keeps the rest).
        var paguTercatat: [TypedID<ElemenRencana>: Pagu] = [:]
        /// The basis of this revised document (Renja Perubahan, Renstra, PK) of the year, when recorded.
        var revisi: RevisiDokumen? = nil
    }

    /// The table rows of one element: its pagu (typed on a sub kegiatan, else the sum of its children) and one row
    /// per indicator with its target.
    static func baris(_ row: Baris, isian: FormState) -> [HTML] {
        var rows: [HTML] = []
        let indent = String(repeating: "\u{2003}", count: row.kedalaman)
        let title: HTML = .el(
            "td", [],
            [
                .text(indent), .el("span", [("class", "muted")], row.node.tingkat.labelAwal + ": "),
                .text(row.node.uraian),
            ])
        var paguCell: HTML = .el(
            "td", [("class", "num")], row.paguJumlahAnak.map { IndonesianFormat.rupiah($0, prefix: false) } ?? "")
        if row.node.tingkat == .subKegiatan {
            let key = row.node.id.uuid.uuidString.lowercased()
            let original = row.pagu.map { IndonesianFormat.rupiah($0.jumlah, prefix: false) } ?? ""
            let error = isian.galat[FormKey.pagu.awalan + key] ?? isian.konflik[FormKey.pagu.awalan + key]
            paguCell = .el(
                "td", [],
                [
                    .el(
                        "input",
                        [
                            ("type", "text"), ("name", FormKey.pagu.awalan + key),
                            ("value", isian.nilai[FormKey.pagu.awalan + key] ?? original),
                            ("inputmode", "decimal"), ("size", "16"), ("aria-label", "Pagu " + row.node.uraian),
                            ("aria-invalid", error == nil ? nil : "true"),
                        ]),
                    Form.tersembunyi(
                        FormKey.versiPagu.awalan + key,
                        String(isian.versi[FormKey.pagu.awalan + key] ?? row.pagu?.versi ?? 0)),
                    Form.tersembunyi(FormKey.awalPagu.awalan + key, original),
                    Form.galatIsian(error),
                ])
        }
        let items: [(Indikator, Tersimpan?)?] = row.indikator.isEmpty ? [nil] : row.indikator
        for (position, item) in items.enumerated() {
            var cells: [HTML] = [
                .el("td", [("class", "kode")], position == 0 ? (row.node.kode?.asli ?? row.node.nomor) : ""),
                position == 0 ? title : .el("td", [], ""),
            ]
            if let (indikator, stored) = item {
                let key = indikator.id.uuid.uuidString.lowercased()
                let original = stored?.teks ?? ""
                let error = isian.galat[FormKey.target.awalan + key] ?? isian.konflik[FormKey.target.awalan + key]
                cells += [
                    .el("td", [], [.el("label", [("for", FormKey.target.awalan + key)], indikator.nama)]),
                    .el("td", [], indikator.satuan),
                    .el(
                        "td", [],
                        [
                            .el(
                                "input",
                                [
                                    ("type", "text"), ("name", FormKey.target.awalan + key),
                                    ("id", FormKey.target.awalan + key),
                                    ("value", isian.nilai[FormKey.target.awalan + key] ?? original), ("size", "12"),
                                    ("aria-invalid", error == nil ? nil : "true"),
                                ]),
                            Form.tersembunyi(
                                FormKey.versiTarget.awalan + key,
                                String(isian.versi[FormKey.target.awalan + key] ?? stored?.versi ?? 0)),
                            Form.tersembunyi(FormKey.awalTarget.awalan + key, original),
                            Form.galatIsian(error),
                        ]),
                ]
            } else {
                cells += [.el("td", [("class", "muted"), ("colspan", "3")], "Belum ada indikator")]
            }
            cells.append(position == 0 ? paguCell : .el("td", [], ""))
            rows.append(.el("tr", [("class", "lvl-" + row.node.tingkat.rawValue)], cells))
        }
        return rows
    }

    static func render(_ model: Model, akun: Layout.Akun, isian: FormState = .init()) -> String {
        let pemdaID = model.pemda.id.uuid
        let action = SiteURL.rencana(pemda: pemdaID, kode: model.pd.kode).path
        var rows: [HTML] = []
        for row in model.baris { rows += baris(row, isian: isian) }
        let content: [HTML] = [
            .el("h1", [], "Rencana \(model.dokumen.label) \(model.tahun)"),
            .el(
                "p", [("class", "muted")],
                [
                    .el(
                        "a", [("href", SiteURL.perangkatDaerah(pemda: pemdaID, kode: model.pd.kode).path)],
                        model.pd.nama),
                    .text(
                        " · target tahunan setiap indikator dan pagu setiap sub kegiatan; pagu program dan kegiatan = jumlah anaknya."
                    ),
                ]),
            .el(
                "form", [("class", "filter"), ("method", "get"), ("action", action)],
                [
                    Form.select(
                        "Tahun", name: "tahun", options: model.tahunPilihan.map { (String($0), String($0)) },
                        selected: String(model.tahun)),
                    Form.select(
                        "Dokumen", name: "dokumen",
                        options: DokumenRencana.allCases.filter { $0 != .rpjmd }.map { ($0.rawValue, $0.label) },
                        selected: model.dokumen.rawValue),
                    .el("button", [("type", "submit"), ("class", "kedua")], "Buka"),
                ]),
            Form.pesan(isian.sukses, galat: false),
            Form.pesan(isian.pesan, galat: true),
            dasarPerubahan(model, akun: akun, isian: isian),
            Form.post(
                action + "?tahun=\(model.tahun)&dokumen=\(model.dokumen.rawValue)", csrf: akun.csrf,
                [
                    HTMLTable.kotak(
                        kepala: [
                            "Kode", "Uraian", "Indikator", "Satuan", "Target \(model.tahun)",
                            "Pagu \(model.tahun) (Rp)",
                        ], rows),
                    .el("p", [], [.el("button", [("type", "submit")], "Simpan rencana")]),
                ]),
        ]
        let structure = struktur(model, akun: akun, isian: isian)
        return Layout.page(
            title: "Rencana \(model.tahun) · \(model.pd.nama)",
            breadcrumbs: [
                ("Beranda", SiteURL.beranda.path),
                (model.pd.nama, SiteURL.perangkatDaerah(pemda: pemdaID, kode: model.pd.kode).path), ("Rencana", nil),
            ], akun: akun, content: content + structure)
    }

    /// The basis of a revised document (reason, SK number and date, the SK file), required before a Renja
    /// Perubahan's figures are saved.
    static func dasarPerubahan(_ model: Model, akun: Layout.Akun, isian: FormState) -> HTML {
        guard RevisiDokumen.dokumenDapatDirevisi.contains(model.dokumen) else { return .empty }
        let pemdaID = model.pemda.id.uuid
        let query = "?tahun=\(model.tahun)&dokumen=\(model.dokumen.rawValue)"
        func value(_ name: String, _ stored: String?) -> String { isian.nilai[name] ?? stored ?? "" }
        let dateValue = model.revisi.map { IndonesianFormat.tanggalISO($0.tanggalSK) } ?? ""
        let current: HTML =
            model.revisi.map { item in
                HTML.el(
                    "p", [("id", "dasar-perubahan")],
                    [
                        .text("Dasar perubahan tercatat: \(item.uraian)"),
                        item.lampiran.map { file in
                            HTML.join([
                                .text(" · "),
                                .el(
                                    "a",
                                    [
                                        (
                                            "href",
                                            SiteURL.rencanaRevisiLampiran(pemda: pemdaID, kode: model.pd.kode).path
                                                + query
                                        )
                                    ], "lampiran: \(file.namaBerkas)"),
                            ])
                        } ?? .empty,
                    ])
            }
            ?? .el(
                "p", [("class", model.dokumen == .renjaPerubahan ? "warn" : "muted"), ("id", "dasar-perubahan")],
                model.dokumen == .renjaPerubahan
                    ? "Belum ada dasar perubahan: target dan pagu Renja Perubahan disimpan setelah alasan dan SK dicatat."
                    : "Bila dokumen ini direvisi, catat alasan dan SK perubahannya.")
        return .el(
            "section", [("class", "kartu")],
            [
                .el("h2", [], "Dasar perubahan \(model.dokumen.label) \(model.tahun)"),
                current,
                Form.post(
                    SiteURL.rencanaRevisi(pemda: pemdaID, kode: model.pd.kode).path + query, csrf: akun.csrf,
                    attributes: [("class", "filter")], multipart: true,
                    [
                        Form.input(
                            "Alasan perubahan", name: "alasan", value: value("alasan", model.revisi?.alasan),
                            galat: isian.galat["alasan"]),
                        Form.input(
                            "Nomor SK", name: "nomor_sk", value: value("nomor_sk", model.revisi?.nomorSK),
                            galat: isian.galat["nomor_sk"]),
                        Form.input(
                            "Tanggal SK", name: "tanggal_sk", value: value("tanggal_sk", dateValue), type: "date",
                            galat: isian.galat["tanggal_sk"]),
                        .el(
                            "label", [],
                            [
                                .text("Lampiran SK (PDF/JPG/PNG, maks. 5 MB)"),
                                .el(
                                    "input",
                                    [
                                        ("type", "file"), ("name", "lampiran"),
                                        ("accept", "application/pdf,image/png,image/jpeg"),
                                    ]),
                            ]),
                        .el("button", [("type", "submit")], "Simpan dasar perubahan"),
                    ]),
            ])
    }

    /// Adding to the tree: an element under one of the PD's elements (or a Pemda sasaran), and an indicator on one
    /// of the PD's elements. The store checks level and kode against the parent.
    static func struktur(_ model: Model, akun: Layout.Akun, isian: FormState) -> [HTML] {
        let pemdaID = model.pemda.id.uuid
        let query = "?tahun=\(model.tahun)&dokumen=\(model.dokumen.rawValue)"
        let elements = model.baris.map { row in
            (
                row.node.id.uuid.uuidString.lowercased(),
                String(repeating: "· ", count: row.kedalaman) + row.node.tingkat.labelAwal + " "
                    + (row.node.kode.map { $0.asli + " " } ?? "") + String(row.node.uraian.prefix(60))
            )
        }
        let parents = [("", "— (tanpa induk / akar PD)")] + model.induk.map { ($0.0, $0.1) } + elements
        func value(_ name: String) -> String { isian.nilai[name] ?? "" }
        return [
            .el("h2", [("id", "struktur")], "Tambah ke pohon rencana"),
            Form.post(
                SiteURL.rencanaElemen(pemda: pemdaID, kode: model.pd.kode).path + query, csrf: akun.csrf,
                attributes: [("class", "kartu filter")],
                [
                    .el("strong", [], "Elemen baru"),
                    Form.select(
                        "Tingkat", name: "tingkat",
                        options: [Tingkat.tujuanPD, .sasaranPD, .program, .kegiatan, .subKegiatan].map {
                            ($0.rawValue, $0.labelAwal)
                        }, selected: isian.nilai["tingkat"] ?? Tingkat.program.rawValue),
                    Form.select("Induk", name: "induk", options: parents, selected: isian.nilai["induk"]),
                    Form.input(
                        "Kode (program dan di bawahnya)", name: "kode", value: value("kode"), galat: isian.galat["kode"]
                    ),
                    Form.input(
                        "Uraian", name: "uraian", value: value("uraian"),
                        galat: isian.galat["uraian"] ?? isian.galat["induk"]),
                    .el("button", [("type", "submit")], "Tambah elemen"),
                ]),
            Form.post(
                SiteURL.rencanaIndikator(pemda: pemdaID, kode: model.pd.kode).path + query, csrf: akun.csrf,
                attributes: [("class", "kartu filter")],
                [
                    .el("strong", [], "Indikator baru"),
                    Form.select("Elemen", name: "elemen", options: elements, selected: isian.nilai["elemen"]),
                    Form.input("Nama indikator", name: "nama", value: value("nama"), galat: isian.galat["indikator"]),
                    Form.input("Satuan", name: "satuan", value: value("satuan")),
                    Form.select(
                        "Jenis", name: "jenis",
                        options: JenisIndikator.allCases.map { ($0.rawValue, $0.rawValue.capitalized) },
                        selected: isian.nilai["jenis"] ?? JenisIndikator.output.rawValue),
                    Form.select(
                        "Polaritas", name: "polaritas",
                        options: [
                            ("naik", "Naik (makin tinggi makin baik)"), ("turun", "Turun (makin rendah makin baik)"),
                        ],
                        selected: isian.nilai["polaritas"] ?? "naik"),
                    .el("button", [("type", "submit")], "Tambah indikator"),
                ]),
        ]
    }
}
