import Foundation
import KinerjaDomain
import KinerjaSpreadsheet

/// The LKjIP of a PD (or of the Pemda) for a year in the outline of PermenPAN-RB 53/2014: ikhtisar eksekutif,
/// Bab I-IV, lampiran. Print-ready HTML and DOCX; for whoever may write the PD's data, the narrative sections as a
/// form above the document, pre-filled with sentences generated from the figures.
enum LKjIPPage {
    struct Model: Sendable {
        var pemda: Pemda
        var pd: PerangkatDaerah?
        var lkjip: LKjIP
        var naskah: [BagianLKjIP: String]
        /// The form is shown (the user may write the PD's data).
        var bolehSunting: Bool
        /// Why the sections take no changes now (submitted, approved…), shown instead of the save button.
        var terkunci: String?
        var status: StatusAlur

        func teks(_ bagian: BagianLKjIP) -> String { naskah[bagian] ?? lkjip.draf(bagian) }

        var url: String {
            pd.map { SiteURL.lkjip(pemda: pemda.id.uuid, kode: $0.kode).path }
                ?? SiteURL.lkjipPemda(pemda: pemda.id.uuid).path
        }
    }

    static func field(_ bagian: BagianLKjIP) -> String { "naskah." + bagian.rawValue }

    static func render(_ model: Model, akun: Layout.Akun, isian: FormState = FormState()) -> String {
        let lkjip = model.lkjip
        var content: [HTML] = [
            HTML.style(PKPage.style + style),
            .el(
                "p", [("class", "no-print")],
                [
                    .text(
                        "LKjIP \(lkjip.instansi) tahun \(lkjip.tahun)"
                            + (model.pd == nil ? "" : " · status \(model.status.label.lowercased())") + ". "),
                    .el("a", [("href", model.url + "?tahun=\(lkjip.tahun)&format=docx")], "Unduh DOCX"), .text(" · "),
                    .el("button", [("type", "button"), ("data-cetak", "1")], "Cetak"),
                ]),
        ]
        if let pesan = isian.pesan { content.append(.el("p", [("class", "galat no-print")], pesan)) }
        if let sukses = isian.sukses { content.append(.el("p", [("class", "sukses no-print")], sukses)) }
        if model.bolehSunting { content.append(form(model, akun: akun, isian: isian)) }
        content.append(.el("article", [("class", "lkjip")], dokumen(model)))
        var crumbs: [(String, String?)] = [("Beranda", SiteURL.beranda.path)]
        if let pd = model.pd {
            crumbs.append((pd.nama, SiteURL.perangkatDaerah(pemda: model.pemda.id.uuid, kode: pd.kode).path))
        }
        crumbs.append(("LKjIP \(lkjip.tahun)", nil))
        return Layout.page(
            title: "LKjIP \(lkjip.tahun) · \(lkjip.instansi)", breadcrumbs: crumbs, akun: akun, content: content)
    }

    /// The narrative sections as textareas; the stored text, else the generated one.
    static func form(_ model: Model, akun: Layout.Akun, isian: FormState) -> HTML {
        var fields: [HTML] = [Form.tersembunyi("tahun", String(model.lkjip.tahun))]
        for bagian in BagianLKjIP.allCases {
            let name = field(bagian)
            let text = model.teks(bagian)
            fields.append(
                .el(
                    "label", [],
                    [
                        .text(bagian.label + (model.naskah[bagian] == nil ? " (teks awal dari data — sunting)" : "")),
                        .el("textarea", [("name", name), ("rows", "5")], isian.nilai[name] ?? text),
                        Form.galatIsian(isian.galat[name]),
                    ]))
        }
        if let reason = model.terkunci {
            fields.append(.el("p", [("id", "terkunci"), ("class", "warn")], reason))
        } else {
            fields.append(.el("button", [("type", "submit")], "Simpan naskah LKjIP"))
        }
        return .el(
            "details", [("class", "no-print naskah"), ("open", model.naskah.isEmpty ? "" : nil)],
            [
                .el("summary", [], "Naskah LKjIP (disimpan per tahun; angka diambil dari data)"),
                Form.post(
                    model.url, csrf: akun.csrf,
                    [.el("fieldset", [("disabled", model.terkunci == nil ? nil : "")], fields)]
                ),
            ])
    }

    static func paragraphs(_ text: String) -> [HTML] {
        text.components(separatedBy: "\n\n").map { $0.trimmed() }
            .filter { !$0.isEmpty }.map { HTML.el("p", [], $0) }
    }

    static func dokumen(_ model: Model) -> [HTML] {
        let lkjip = model.lkjip
        var html: [HTML] = [
            .el(
                "h1", [("class", "judul")],
                [.el("div", [], lkjip.judul), .el("div", [], lkjip.instansi.uppercased())]),
            .el("h2", [], "Ikhtisar Eksekutif"),
        ]
        html += paragraphs(model.teks(.ikhtisar))
        html.append(.el("h2", [], "Bab I Pendahuluan"))
        html += paragraphs(model.teks(.pendahuluan))
        html.append(.el("h2", [], "Bab II Perencanaan Kinerja"))
        html += paragraphs(model.teks(.perencanaan))
        html.append(.el("h3", [], "Sasaran \(lkjip.periode) dan target akhir periode"))
        html.append(HTMLTable.kotak(kepala: renstraKepala(lkjip), tabelRenstra(lkjip).map(row)))
        if let pk = lkjip.pk.first {
            html.append(.el("h3", [], "Perjanjian Kinerja Tahun \(lkjip.tahun)"))
            html.append(HTMLTable.kotak(kepala: pkKepala, tabelPK(pk).map(row)))
        }
        html.append(.el("h2", [], "Bab III Akuntabilitas Kinerja"))
        html.append(.el("h3", [], "A. Capaian Kinerja \(lkjip.tahun)"))
        html.append(HTMLTable.kotak(kepala: capaianKepala, tabelCapaian(lkjip).map(row), atribut: [("id", "capaian")]))
        html.append(.el("p", [("id", "rata-rata")], rataRata(lkjip)))
        html.append(.el("h3", [], "Perbandingan dengan tahun sebelumnya dan target akhir \(lkjip.periode)"))
        html.append(HTMLTable.kotak(kepala: perbandinganKepala(lkjip), tabelPerbandingan(lkjip).map(row)))
        html.append(.el("h3", [], "Analisis capaian"))
        html += paragraphs(model.teks(.analisis))
        html.append(
            .el("h3", [], lkjip.pemdaSendiri ? "B. Realisasi Anggaran per Perangkat Daerah" : "B. Realisasi Anggaran"))
        html.append(
            HTMLTable.kotak(kepala: anggaranKepala(lkjip), tabelAnggaran(lkjip).map(row), atribut: [("id", "anggaran")])
        )
        html.append(
            .el(
                "p", [("class", "muted")],
                "Efisiensi = capaian kinerja ÷ serapan anggaran; di atas 1 berarti hasil dicapai dengan biaya lebih "
                    + "kecil dari rencana."))
        html.append(.el("h2", [], "Bab IV Penutup"))
        html += paragraphs(model.teks(.penutup))
        if !lkjip.pk.isEmpty {
            html.append(.el("h2", [("class", "lampiran")], "Lampiran: Perjanjian Kinerja"))
            for pk in lkjip.pk { html.append(.el("section", [("class", "pk")], PKPage.dokumen(pk))) }
        }
        return html
    }

    // MARK: - Tables as text cells (shared by HTML and DOCX)

    static let capaianKepala = [
        "No", "Sasaran", "Indikator kinerja", "Satuan", "Target", "Realisasi", "Capaian (%)", "Kategori",
    ]
    static let pkKepala = ["No", "Sasaran", "Indikator kinerja", "Target"]

    static func percent(_ hasil: HasilCapaian) -> String {
        hasil.persen.map { IndonesianFormat.percent($0) } ?? hasil.description
    }

    static func tabelCapaian(_ lkjip: LKjIP) -> [[String]] {
        lkjip.capaian.map { item in
            [
                String(item.nomor), item.sasaranPertama ? item.sasaran : "", item.indikator, item.satuan, item.target,
                item.realisasi, percent(item.hasil), item.kategori,
            ]
        }
    }

    static func renstraKepala(_ lkjip: LKjIP) -> [String] {
        ["Sasaran", "Indikator kinerja", "Satuan", "Target akhir \(lkjip.tahunAkhir.map(String.init) ?? "periode")"]
    }

    /// Bab II: the plan's sasaran in brief, with their indicators and the period's end target.
    static func tabelRenstra(_ lkjip: LKjIP) -> [[String]] {
        lkjip.capaian.map { [$0.sasaranPertama ? $0.sasaran : "", $0.indikator, $0.satuan, $0.targetAkhir] }
    }

    static func tabelPK(_ pk: PerjanjianKinerja) -> [[String]] {
        pk.sasaran.map { [String($0.nomor), $0.uraian, $0.indikator, $0.target] }
    }

    static func perbandinganKepala(_ lkjip: LKjIP) -> [String] {
        let years = [lkjip.tahun - 2, lkjip.tahun - 1]
        return ["Indikator kinerja"] + years.flatMap { ["Realisasi \($0)", "Capaian \($0)"] } + [
            "Realisasi \(lkjip.tahun)", "Capaian \(lkjip.tahun)",
            "Target akhir \(lkjip.tahunAkhir.map(String.init) ?? "periode")", "Capaian thd target akhir",
        ]
    }

    static func tabelPerbandingan(_ lkjip: LKjIP) -> [[String]] {
        lkjip.capaian.map { item in
            [item.indikator] + item.lalu.flatMap { [$0.realisasi, percent($0.hasil)] } + [
                item.realisasi, percent(item.hasil), item.targetAkhir, percent(item.capaianAkhir),
            ]
        }
    }

    static func anggaranKepala(_ lkjip: LKjIP) -> [String] {
        [
            "No", lkjip.pemdaSendiri ? "Perangkat daerah" : "Program", "Pagu (Rp)", "Realisasi (Rp)", "Serapan (%)",
            "Capaian kinerja (%)", "Efisiensi",
        ]
    }

    static func tabelAnggaran(_ lkjip: LKjIP) -> [[String]] {
        func line(_ number: String, _ item: LKjIP.Anggaran) -> [String] {
            [
                number, item.uraian, item.pagu.map { IndonesianFormat.rupiah($0, prefix: false) } ?? "–",
                item.realisasi.map { IndonesianFormat.rupiah($0, prefix: false) } ?? "–",
                item.serapan.map { IndonesianFormat.percent($0) } ?? "–",
                item.capaianKinerja.map { IndonesianFormat.percent($0) } ?? "–",
                item.efisiensi.map { IndonesianFormat.number($0, fractionDigits: 2) } ?? "–",
            ]
        }
        return lkjip.anggaran.enumerated().map { line(String($0.offset + 1), $0.element) }
            + [line("", lkjip.jumlahAnggaran)]
    }

    static func rataRata(_ lkjip: LKjIP) -> String {
        guard let average = lkjip.rataRata else { return "Rata-rata capaian kinerja: belum dapat dihitung." }
        let measured = lkjip.capaian.filter { $0.hasil.persen != nil }.count
        return "Rata-rata capaian kinerja \(lkjip.tahun): \(IndonesianFormat.percent(average)) (\(lkjip.predikat)), "
            + "dari \(measured) indikator."
    }

    static func row(_ cells: [String]) -> HTML {
        .el("tr", [], cells.map { HTML.el("td", [], $0) })
    }

    static let style = """
        article.lkjip{max-width:60rem;margin:0 auto}article.lkjip h1.judul{text-align:center;font-size:1.3rem}
        article.lkjip p{text-align:justify}details.naskah textarea{width:100%}details.naskah label{display:block;margin:.5rem 0}
        h2.lampiran{break-before:page}
        """

    // MARK: - DOCX

    static func docx(_ model: Model) throws -> Data {
        let lkjip = model.lkjip
        func heading(_ text: String, size: Int = 12) -> DOCXBlock {
            .paragraph(text, bold: true, alignment: .left, size: size, spaceAfter: 6)
        }
        func text(_ bagian: BagianLKjIP) -> [DOCXBlock] {
            model.teks(bagian).components(separatedBy: "\n\n").map { .paragraph($0, alignment: .both) }
        }
        func table(_ head: [String], _ rows: [[String]], _ widths: [Int], size: Int = 9) -> DOCXBlock {
            .table(rows: [head.map { ($0, true) }] + rows.map { $0.map { ($0, false) } }, widths: widths, size: size)
        }
        var blocks: [DOCXBlock] = [
            .paragraph(lkjip.judul, bold: true, alignment: .center, size: 14, spaceAfter: 0),
            .paragraph(lkjip.instansi.uppercased(), bold: true, alignment: .center, size: 14, spaceAfter: 12),
            heading("IKHTISAR EKSEKUTIF"),
        ]
        blocks += text(.ikhtisar)
        blocks += [.pageBreak, heading("BAB I PENDAHULUAN")] + text(.pendahuluan)
        blocks += [heading("BAB II PERENCANAAN KINERJA")] + text(.perencanaan)
        blocks += [
            heading("Sasaran \(lkjip.periode) dan target akhir periode", size: 11),
            table(renstraKepala(lkjip), tabelRenstra(lkjip), [3000, 3600, 1200, 1838]),
        ]
        if let pk = lkjip.pk.first {
            blocks += [
                heading("Perjanjian Kinerja Tahun \(lkjip.tahun)", size: 11),
                table(pkKepala, tabelPK(pk), [600, 3200, 3800, 1400]),
            ]
        }
        blocks += [
            heading("BAB III AKUNTABILITAS KINERJA"), heading("A. Capaian Kinerja \(lkjip.tahun)", size: 11),
            table(capaianKepala, tabelCapaian(lkjip), [450, 2000, 2300, 850, 1000, 1000, 1000, 1038]),
            .paragraph(rataRata(lkjip)),
            heading("Perbandingan dengan tahun sebelumnya dan target akhir \(lkjip.periode)", size: 11),
            table(
                perbandinganKepala(lkjip), tabelPerbandingan(lkjip), [1638] + Array(repeating: 1000, count: 8), size: 8),
            heading("Analisis capaian", size: 11),
        ]
        blocks += text(.analisis)
        blocks += [
            heading(
                lkjip.pemdaSendiri ? "B. Realisasi Anggaran per Perangkat Daerah" : "B. Realisasi Anggaran", size: 11),
            table(anggaranKepala(lkjip), tabelAnggaran(lkjip), [450, 2700, 1600, 1600, 1000, 1188, 1100]),
            heading("BAB IV PENUTUP"),
        ]
        blocks += text(.penutup)
        // Lampiran: the PK set, each from a new page.
        if !lkjip.pk.isEmpty { blocks += [.pageBreak] + PKPage.blocks(lkjip.pk) }
        return try DOCXWriter.write(blocks)
    }
}
