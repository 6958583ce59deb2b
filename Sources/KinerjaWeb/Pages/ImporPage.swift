import Foundation
import KinerjaDomain
import KinerjaImport

/// Import into a PD: upload, preview (what would be created and changed, every error and finding with sheet, row
/// and column), then apply.
enum ImporPage {
    static func unggah(pemda: Pemda, pd: PerangkatDaerah, akun: Layout.Akun, galat: String? = nil) -> String {
        let action = SiteURL.impor(pemda: pemda.id.uuid, kode: pd.kode).path
        return Layout.page(
            title: "Impor · " + pd.nama, breadcrumbs: crumbs(pemda, pd), akun: akun,
            content: [
                .el("h1", [], "Impor data \(pd.nama)"),
                Form.pesan(galat, galat: true),
                .el(
                    "p", [],
                    "Unggah berkas XLSX atau CSV: templat Kinerja, atau tabel resmi (Tabel 3.2 / T-C.33, Tabel 2.1). "
                        + "Berkas diperiksa dulu; tidak ada yang disimpan sebelum Anda menekan \"Terapkan\"."),
                Form.post(
                    action, csrf: akun.csrf, attributes: [("class", "kartu")], multipart: true,
                    [
                        Form.input(
                            "Berkas (XLSX atau CSV, maks. 30 MB)", name: "berkas", type: "file",
                            extra: [("accept", ".xlsx,.csv"), ("required", "required")]),
                        Form.select(
                            "Jenis isi", name: "jenis",
                            options: [
                                ("otomatis", "Kenali otomatis"), ("rencana", "Rencana (program, target, pagu)"),
                                ("realisasi", "Realisasi"), ("iku", "IKU"), ("cascading", "Cascading"),
                            ], selected: "otomatis"),
                        Form.select(
                            "Dokumen target dan pagu (bila kolom dokumen kosong)", name: "dokumen",
                            options: DokumenRencana.allCases.map { ($0.rawValue, $0.label) }, selected: "renstra"),
                        .el("p", [], [.el("button", [("type", "submit")], "Periksa berkas")]),
                    ]),
                .el("h2", [], "Templat"),
                .el(
                    "ul", [],
                    Templat.Jenis.allCases.filter { $0 != .perangkatDaerah }.map { jenis in
                        HTML.el(
                            "li", [],
                            [
                                .el(
                                    "a", [("href", action + "?templat=" + jenis.rawValue)],
                                    "Templat " + jenis.rawValue + " (XLSX)")
                            ])
                    }),
            ])
    }

    /// The options the upload was read with, shown on the preview (they are kept with the upload).
    struct Rencana {
        var jenis: String
        var dokumen: String

        var label: String {
            let kind = JenisImpor(rawValue: jenis).map(Self.labelJenis) ?? jenis
            let document = DokumenRencana(rawValue: dokumen)?.label ?? dokumen
            return "Jenis isi: \(kind) · dokumen target dan pagu bila kolom dokumen kosong: \(document)"
        }

        static func labelJenis(_ jenis: JenisImpor) -> String {
            switch jenis {
            case .otomatis: "dikenali otomatis"
            case .rencana: "rencana"
            case .realisasi: "realisasi"
            case .iku: "IKU"
            case .cascading: "cascading"
            case .perangkatDaerah: "perangkat daerah"
            }
        }
    }

    /// The findings of a preview, errors first, by sheet and row.
    static func temuanRows(_ preview: Pratinjau) -> [HTML] {
        let findings = preview.temuan.sorted {
            ($0.keparahan, $0.lembar, $0.baris ?? 0) < ($1.keparahan, $1.lembar, $1.baris ?? 0)
        }
        return findings.map { item in
            HTML.el(
                "tr", [("class", item.keparahan == .galat ? "galat" : nil)],
                [
                    .el("td", [], item.keparahan.label), .el("td", [], item.lembar),
                    .el("td", [("class", "num")], item.baris.map(String.init) ?? ""), .el("td", [], item.kolom ?? ""),
                    .el("td", [], item.pesan), .el("td", [("class", "num")], item.tercetak ?? ""),
                    .el("td", [("class", "num")], item.dihitung ?? ""),
                ])
        }
    }

    /// Rows printed without kode and the stored elements they were taken for, with how sure.
    static func pencocokan(_ preview: Pratinjau) -> [HTML] {
        var result: [HTML] = []
        if !preview.dicocokkan.isEmpty {
            // Rows printed without kode: which stored element each was taken for, and how sure.
            result.append(
                .el("h2", [("id", "dicocokkan")], "Baris tanpa kode yang dicocokkan (\(preview.dicocokkan.count))"))
            result.append(
                HTMLTable.kotak(
                    kepala: ["Lembar", "Baris", "Tercetak", "Dicocokkan dengan", "Keyakinan", "Dasar"],
                    preview.dicocokkan.map { match in
                        HTML.el(
                            "tr", [("class", match.keyakinan < 90 ? "ragu" : nil)],
                            [
                                .el("td", [], match.lembar), .el("td", [("class", "num")], String(match.baris)),
                                .el("td", [], match.tercetak), .el("td", [], match.elemen),
                                .el("td", [("class", "num")], "\(match.keyakinan) %"), .el("td", [], match.dasar),
                            ])
                    }))
        }
        return result
    }

    /// What the apply creates and changes, open when short enough to read at a glance.
    static func daftarPerubahan(_ preview: Pratinjau) -> [HTML] {
        var result: [HTML] = []
        for (title, items) in [("Baru", preview.dibuat), ("Berubah", preview.diubah)] where !items.isEmpty {
            result.append(
                .el(
                    // Open when short enough to read at a glance: the user sees what he is about to apply.
                    "details", [("open", items.count <= 50 ? "open" : nil)],
                    [
                        .el("summary", [], "\(title) (\(items.count))"),
                        .el("ul", [], items.prefix(500).map { HTML.el("li", [], $0) }),
                    ]))
        }
        return result
    }

    static func pratinjau(
        pemda: Pemda, pd: PerangkatDaerah, namaBerkas: String, lembar: [String], preview: Pratinjau, unggahan: UUID,
        rencana: Rencana, berubah: Bool = false, tidakDikenali: [LembarTidakDikenali] = [], galatPeta: String? = nil,
        akun: Layout.Akun
    ) -> String {
        let rows = temuanRows(preview)
        var content: [HTML] = [
            .el("h1", [], "Pratinjau impor: \(namaBerkas)"),
            .el("p", [("class", "muted")], "\(pd.nama) · lembar: " + lembar.joined(separator: ", ")),
            .el("p", [("class", "muted")], rencana.label),
            .el(
                "div", [("class", "summary")],
                [
                    .el("div", [], [.el("strong", [], "Baru: "), .text(String(preview.dibuat.count))]),
                    .el("div", [], [.el("strong", [], "Berubah: "), .text(String(preview.diubah.count))]),
                    .el("div", [], [.el("strong", [], "Tetap: "), .text(String(preview.tetap))]),
                    .el("div", [], [.el("strong", [], "Galat: "), .text(String(preview.galat.count))]),
                    .el(
                        "div", [],
                        [
                            .el("strong", [], "Peringatan dan temuan: "),
                            .text(String(preview.temuan.count - preview.galat.count)),
                        ]),
                ]),
        ]
        if berubah {
            content.append(
                Form.pesan(
                    "Data Pemda telah berubah sejak pratinjau sebelumnya dibuat, jadi tidak ada yang disimpan. Inilah "
                        + "pratinjau baru terhadap data terkini: periksa lagi lalu terapkan.", galat: true))
        }
        if preview.bisaDiterapkan {
            content.append(
                Form.post(
                    SiteURL.imporTerapkan(pemda: pemda.id.uuid, kode: pd.kode, unggahan: unggahan).path,
                    csrf: akun.csrf,
                    [
                        .el(
                            "p", [],
                            [
                                .el(
                                    "button", [("type", "submit")],
                                    preview.perubahan.isEmpty
                                        ? "Tidak ada perubahan" : "Terapkan \(preview.perubahan.jumlah) perubahan"),
                                .text(" "),
                                .el("a", [("href", SiteURL.impor(pemda: pemda.id.uuid, kode: pd.kode).path)], "Batal"),
                            ])
                    ]))
        } else {
            content.append(
                Form.pesan(
                    "Berkas belum dapat diterapkan: \(preview.galat.count) galat. Perbaiki baris dan kolom yang disebut lalu unggah lagi.",
                    galat: true))
        }
        if !tidakDikenali.isEmpty {
            content.append(.el("h2", [("id", "peta")], "Peta kolom: lembar yang belum dikenali"))
            content.append(
                .el(
                    "p", [],
                    "Tandai isi setiap kolom. Peta disimpan untuk Pemda ini: berkas dengan tata letak yang sama "
                        + "berikutnya langsung terbaca."))
            content.append(Form.pesan(galatPeta, galat: true))
            for sheet in tidakDikenali {
                content.append(
                    petaForm(
                        sheet, action: SiteURL.imporPeta(pemda: pemda.id.uuid, kode: pd.kode, unggahan: unggahan).path,
                        csrf: akun.csrf))
            }
        }
        if !rows.isEmpty {
            content.append(.el("h2", [], "Galat, peringatan dan temuan konsistensi"))
            content.append(
                HTMLTable.kotak(kepala: ["Jenis", "Lembar", "Baris", "Kolom", "Pesan", "Tercetak", "Dihitung"], rows))
        }
        content += pencocokan(preview) + daftarPerubahan(preview)
        return Layout.page(
            title: "Pratinjau impor · " + pd.nama, breadcrumbs: crumbs(pemda, pd), akun: akun, content: content)
    }

    /// The mapping form of one sheet: each column with its header and first values, and what it holds.
    static func petaForm(_ sheet: LembarTidakDikenali, action: String, csrf: String) -> HTML {
        let years =
            sheet.tahun.isEmpty ? Array(2024...2031) : Array((sheet.tahun.min()! - 1)...(sheet.tahun.max()! + 1))
        let names: [(String, String)] =
            [("", "— abaikan —")]
            + (PetaLembar.namaRencana + PetaLembar.namaRealisasi.filter { !PetaLembar.namaRencana.contains($0) })
            .map { ($0, $0.replacingOccurrences(of: "_", with: " ")) }
            + years.flatMap { [("target_\($0)", "target \($0)"), ("pagu_\($0)", "pagu \($0)")] }
        let rows = sheet.kolom.map { column in
            HTML.el(
                "tr", [],
                [
                    .el("td", [], column.kepala.isEmpty ? "(tanpa judul)" : column.kepala),
                    .el("td", [("class", "muted")], column.contoh.joined(separator: " · ")),
                    .el(
                        "td", [],
                        [
                            Form.select(
                                "Isi kolom \(column.indeks + 1)", name: FormKey.kolomPeta("\(column.indeks)"),
                                options: names,
                                selected: tebakan(column.kepala, years: years))
                        ]),
                ])
        }
        return Form.post(
            action, csrf: csrf, attributes: [("class", "kartu")],
            [
                .el("h3", [], "Lembar \(sheet.lembar) (judul kolom di baris \(sheet.barisKepala))"),
                .el("input", [("type", "hidden"), ("name", "tanda"), ("value", sheet.tanda)]),
                Form.select(
                    "Jenis isi", name: "jenis",
                    options: [("rencana", "Rencana (target, pagu)"), ("realisasi", "Realisasi")],
                    selected: "rencana"),
                Form.input(
                    "Tahun realisasi (bila tanpa kolom tahun)", name: "tahun", extra: [("inputmode", "numeric")]),
                Form.input("Triwulan (kosong: setahun)", name: "triwulan", extra: [("inputmode", "numeric")]),
                HTMLTable.kotak(kepala: ["Judul kolom", "Contoh isi", "Isi kolom"], rows),
                .el("p", [], [.el("button", [("type", "submit")], "Simpan peta dan periksa lagi")]),
            ])
    }

    /// A first guess from the header text; the user confirms or changes it.
    static func tebakan(_ header: String, years: [Int]) -> String {
        let text = header.lowercased()
        let year = PetaLembar.tahunDalam(text)
        if text.contains("kode") { return "kode" }
        if text.contains("indikator") { return "indikator" }
        if text.contains("satuan") { return "satuan" }
        if text.contains("program") || text.contains("kegiatan") || text.contains("uraian") { return "uraian" }
        if text.contains("target"), let year, years.contains(year) { return "target_\(year)" }
        if text.contains("pagu") || text.contains("anggaran"), let year, years.contains(year) { return "pagu_\(year)" }
        if text.contains("lokasi") { return "lokasi" }
        if text.contains("sumber dana") { return "sumber_dana" }
        return ""
    }

    static func crumbs(_ pemda: Pemda, _ pd: PerangkatDaerah) -> [(String, String?)] {
        [
            ("Beranda", SiteURL.beranda.path),
            (pd.nama, SiteURL.perangkatDaerah(pemda: pemda.id.uuid, kode: pd.kode).path), ("Impor", nil),
        ]
    }
}
