import Foundation
import KinerjaDomain
import KinerjaSpreadsheet

/// The Perjanjian Kinerja of a PD's pejabat for a year, in the official layout: title, statement, the two parties,
/// place and date, both signature blocks; then the lampiran (sasaran, indikator, target; program, anggaran,
/// keterangan, total). Print-ready HTML (each PK from a new page) and DOCX.
enum PKPage {
    static func tanggal(_ pk: PerjanjianKinerja) -> String { "\(pk.tempat),          Januari \(pk.tahun)" }

    /// `perubahan`: the set is a PK Perubahan, with a link to the original (murni).
    static func render(
        _ set: [PerjanjianKinerja], pemda: Pemda, pd: PerangkatDaerah?, tahun: Int, akun: Layout.Akun,
        perubahan: Bool = false
    ) -> String {
        let pemdaID = pemda.id.uuid
        let base =
            (pd.map { SiteURL.pk(pemda: pemdaID, kode: $0.kode).path } ?? SiteURL.pkPemda(pemda: pemdaID).path)
            + "?tahun=\(tahun)"
        let owner = pd?.nama ?? pemda.nama
        var content: [HTML] = [
            HTML.style(style),
            .el(
                "p", [("class", "no-print")],
                [
                    .text(
                        "Perjanjian Kinerja \(owner) tahun \(tahun)" + (pd == nil ? ". " : ": \(set.count) pejabat. ")),
                    .el("a", [("href", base + "&format=docx")], "Unduh DOCX"), .text(" · "),
                    .el("button", [("type", "button"), ("data-cetak", "1")], "Cetak"),
                    perubahan
                        ? .el(
                            "span", [], [.text(" · "), .el("a", [("href", base + "&murni=1")], "PK sebelum perubahan")])
                        : .empty,
                ]),
        ]
        if set.isEmpty {
            content.append(.el("p", [], "Belum ada pejabat dengan target tahun \(tahun)."))
        }
        for pk in set {
            content.append(.el("section", [("class", "pk")], dokumen(pk)))
        }
        var crumbs: [(String, String?)] = [("Beranda", SiteURL.beranda.path)]
        if let pd { crumbs.append((pd.nama, SiteURL.perangkatDaerah(pemda: pemdaID, kode: pd.kode).path)) }
        crumbs.append(("Perjanjian Kinerja", nil))
        return Layout.page(
            title: "Perjanjian Kinerja \(tahun) · \(owner)", breadcrumbs: crumbs, akun: akun, content: content)
    }

    /// The parties' lines ("Nama: …\nJabatan: …") are indented.
    static func isPihak(_ line: String) -> Bool { line.hasPrefix("Nama: ") }

    static func signatureBlocks(_ pk: PerjanjianKinerja) -> HTML {
        let sign = signatures(pk)
        return .el(
            "div", [("class", "ttd-dua")],
            [
                .el("div", [], sign.kedua.map { HTML.el("div", [], $0) }),
                .el("div", [], sign.pertama.map { HTML.el("div", [], $0) }),
            ])
    }

    static func dokumen(_ pk: PerjanjianKinerja) -> [HTML] {
        var header: [HTML] = [
            .el(
                "h2", [("class", "judul")], [.el("div", [], pk.judul), .el("div", [], pk.perangkatDaerah.uppercased())])
        ]
        if let basis = pk.dasarPerubahan { header.append(.el("p", [("class", "dasar")], "Dasar perubahan: " + basis)) }
        return header
            + pk.pernyataan.map { line in .el("p", isPihak(line) ? [("class", "pihak")] : [], line) }
            + [
                .el("p", [("class", "tempat")], tanggal(pk)),
                signatureBlocks(pk),
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
                signatureBlocks(pk),
            ]
    }

    /// The two signature blocks: pihak kedua on the left, pihak pertama on the right.
    static func signatures(_ pk: PerjanjianKinerja) -> (kedua: [String], pertama: [String]) {
        func block(_ title: String, _ party: PerjanjianKinerja.Pihak) -> [String] {
            [title, party.jabatan, "", "", "", party.nama.isEmpty ? "(………………………)" : party.nama, party.pangkat]
                + (party.nip.isEmpty ? [] : ["NIP. \(party.nip)"])
        }
        guard let kedua = pk.kedua else { return ([], block("", pk.pertama)) }
        return (block("Pihak Kedua,", kedua), block("Pihak Pertama,", pk.pertama))
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
            let sign = signatures(pk)
            blocks += [
                .paragraph(pk.judul, bold: true, alignment: .center, size: 12, spaceAfter: 0),
                .paragraph(pk.perangkatDaerah.uppercased(), bold: true, alignment: .center, size: 12, spaceAfter: 12),
            ]
            if let basis = pk.dasarPerubahan {
                blocks.append(.paragraph("Dasar perubahan: " + basis, alignment: .both))
            }
            blocks += pk.pernyataan.map { .paragraph($0, alignment: isPihak($0) ? .left : .both) }
            blocks += [
                .paragraph(tanggal(pk), alignment: .right),
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
