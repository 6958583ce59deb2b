import Foundation
import KinerjaDomain
import KinerjaSpreadsheet

/// The Perjanjian Kinerja of a PD's pejabat for a year, in the official layout: title, statement, the two parties,
/// place and date, both signature blocks; then the lampiran (sasaran, indikator, target; program, anggaran,
/// keterangan, total). Print-ready HTML (each PK from a new page) and DOCX.
enum PKPage {
    static func tanggal(_ pk: PerjanjianKinerja) -> String { "\(pk.tempat),          Januari \(pk.tahun)" }

    static func render(
        _ set: [PerjanjianKinerja], pemda: Pemda, pd: PerangkatDaerah, tahun: Int, akun: Layout.Akun
    ) -> String {
        let pemdaID = pemda.id.uuid
        let base = SiteURL.pk(pemda: pemdaID, kode: pd.kode).path + "?tahun=\(tahun)"
        var content: [HTML] = [
            HTML.style(style),
            .el(
                "p", [("class", "no-print")],
                [
                    .text("Perjanjian Kinerja \(pd.nama) tahun \(tahun): \(set.count) pejabat. "),
                    .el("a", [("href", base + "&format=docx")], "Unduh DOCX"), .text(" · "),
                    .el("button", [("type", "button"), ("data-cetak", "1")], "Cetak"),
                ]),
        ]
        if set.isEmpty {
            content.append(.el("p", [], "Belum ada pejabat dengan target tahun \(tahun)."))
        }
        for pk in set {
            content.append(.el("section", [("class", "pk")], dokumen(pk)))
        }
        return Layout.page(
            title: "Perjanjian Kinerja \(tahun) · \(pd.nama)",
            breadcrumbs: [
                ("Beranda", SiteURL.beranda.path),
                (pd.nama, SiteURL.perangkatDaerah(pemda: pemdaID, kode: pd.kode).path), ("Perjanjian Kinerja", nil),
            ], akun: akun, content: content)
    }

    static func dokumen(_ pk: PerjanjianKinerja) -> [HTML] {
        let statement = pk.pernyataan
        let sign = signatures(pk)
        return [
            .el(
                "h2", [("class", "judul")], [.el("div", [], pk.judul), .el("div", [], pk.perangkatDaerah.uppercased())]),
            .el("p", [], statement[0]),
            .el("p", [("class", "pihak")], statement[1]),
            .el("p", [], statement[2]),
            .el("p", [("class", "pihak")], statement[3]),
            .el("p", [], statement[4]),
            .el("p", [], statement[5]),
            .el("p", [], statement[6]),
            .el("p", [("class", "tempat")], tanggal(pk)),
            .el(
                "div", [("class", "ttd-dua")],
                [
                    .el("div", [], sign.kedua.map { HTML.el("div", [], $0) }),
                    .el("div", [], sign.pertama.map { HTML.el("div", [], $0) }),
                ]),
            .el("h3", [("class", "judul lampiran")], "LAMPIRAN \(pk.judul)"),
            HTMLTable.kotak(
                kepala: ["No", "Sasaran", "Indikator kinerja", "Target"],
                pk.sasaran.map { line in
                    HTML.el(
                        "tr", [],
                        [
                            .el("td", [], String(line.nomor)), .el("td", [], line.uraian),
                            .el("td", [], line.indikator),
                            .el("td", [], line.target),
                        ])
                }),
            HTMLTable.kotak(
                kepala: ["No", "Program / kegiatan", "Anggaran (Rp)", "Keterangan"],
                pk.anggaran.enumerated().map { index, item in
                    HTML.el(
                        "tr", [],
                        [
                            .el("td", [], String(index + 1)), .el("td", [], item.uraian),
                            .el(
                                "td", [("class", "num")],
                                item.pagu.map { IndonesianFormat.rupiah($0, prefix: false) } ?? ""),
                            .el("td", [], item.keterangan),
                        ])
                }
                    + [
                        HTML.el(
                            "tr", [("class", "gaya-total")],
                            [
                                .el("td", [], ""), .el("td", [], "JUMLAH"),
                                .el(
                                    "td", [("class", "num")],
                                    pk.jumlahPagu.map { IndonesianFormat.rupiah($0, prefix: false) } ?? ""),
                                .el("td", [], ""),
                            ])
                    ]),
            .el(
                "div", [("class", "ttd-dua")],
                [
                    .el("div", [], sign.kedua.map { HTML.el("div", [], $0) }),
                    .el("div", [], sign.pertama.map { HTML.el("div", [], $0) }),
                ]),
        ]
    }

    /// The two signature blocks: pihak kedua on the left, pihak pertama on the right.
    static func signatures(_ pk: PerjanjianKinerja) -> (kedua: [String], pertama: [String]) {
        func block(_ title: String, _ party: PerjanjianKinerja.Pihak) -> [String] {
            [title, party.jabatan, "", "", "", party.nama.isEmpty ? "(………………………)" : party.nama, party.pangkat]
                + (party.nip.isEmpty ? [] : ["NIP. \(party.nip)"])
        }
        return (block("Pihak Kedua,", pk.kedua), block("Pihak Pertama,", pk.pertama))
    }

    static let style = """
        section.pk{break-after:page;max-width:48rem;margin:0 auto 3rem}section.pk .judul{text-align:center}
        section.pk p{text-align:justify}p.pihak{white-space:pre-line;margin-left:2rem}p.tempat{text-align:right!important}
        .ttd-dua{display:grid;grid-template-columns:1fr 1fr;gap:2rem;text-align:center;margin:1.5rem 0;break-inside:avoid}
        .ttd-dua div div:nth-child(6){font-weight:700;text-decoration:underline}
        @media print{body{font-size:11pt}main{padding:0}.box{overflow:visible;max-height:none;border:0}}
        """

    /// The same documents as one DOCX, each PK from a new page.
    static func docx(_ set: [PerjanjianKinerja]) throws -> Data { try DOCXWriter.write(blocks(set)) }

    /// The PK set as DOCX blocks (also the LKjIP's lampiran).
    static func blocks(_ set: [PerjanjianKinerja]) -> [DOCXBlock] {
        var blocks: [DOCXBlock] = []
        for (index, pk) in set.enumerated() {
            if index > 0 { blocks.append(.pageBreak) }
            let statement = pk.pernyataan
            let sign = signatures(pk)
            blocks += [
                .paragraph(pk.judul, bold: true, alignment: .center, size: 12, spaceAfter: 0),
                .paragraph(pk.perangkatDaerah.uppercased(), bold: true, alignment: .center, size: 12, spaceAfter: 12),
                .paragraph(statement[0], alignment: .both), .paragraph(statement[1]), .paragraph(statement[2]),
                .paragraph(statement[3]), .paragraph(statement[4]), .paragraph(statement[5], alignment: .both),
                .paragraph(statement[6], alignment: .both), .paragraph(tanggal(pk), alignment: .right),
                .twoColumns(left: sign.kedua, right: sign.pertama), .pageBreak,
                .paragraph("LAMPIRAN \(pk.judul)", bold: true, alignment: .center, size: 12, spaceAfter: 0),
                .paragraph(pk.perangkatDaerah.uppercased(), bold: true, alignment: .center, size: 12, spaceAfter: 12),
                .table(
                    rows: [[("No", true), ("Sasaran", true), ("Indikator kinerja", true), ("Target", true)]]
                        + pk.sasaran.map {
                            [(String($0.nomor), false), ($0.uraian, false), ($0.indikator, false), ($0.target, false)]
                        },
                    widths: [600, 3200, 3800, 1400]),
                .table(
                    rows: [[("No", true), ("Program / kegiatan", true), ("Anggaran (Rp)", true), ("Keterangan", true)]]
                        + pk.anggaran.enumerated().map { index, item in
                            [
                                (String(index + 1), false), (item.uraian, false),
                                (item.pagu.map { IndonesianFormat.rupiah($0, prefix: false) } ?? "", false),
                                (item.keterangan, false),
                            ]
                        }
                        + [
                            [
                                ("", false), ("JUMLAH", true),
                                (pk.jumlahPagu.map { IndonesianFormat.rupiah($0, prefix: false) } ?? "", true),
                                ("", false),
                            ]
                        ],
                    widths: [600, 4600, 2200, 1600]),
                .twoColumns(left: sign.kedua, right: sign.pertama),
            ]
        }
        return blocks
    }
}
