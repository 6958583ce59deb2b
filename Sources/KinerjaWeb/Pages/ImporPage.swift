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

    static func pratinjau(
        pemda: Pemda, pd: PerangkatDaerah, namaBerkas: String, lembar: [String], preview: Pratinjau, unggahan: UUID,
        rencana: Rencana, berubah: Bool = false, akun: Layout.Akun
    ) -> String {
        let findings = preview.temuan.sorted {
            ($0.keparahan, $0.lembar, $0.baris ?? 0) < ($1.keparahan, $1.lembar, $1.baris ?? 0)
        }
        let rows = findings.map { item in
            HTML.el(
                "tr", [("class", item.keparahan == .galat ? "galat" : nil)],
                [
                    .el("td", [], item.keparahan.label), .el("td", [], item.lembar),
                    .el("td", [("class", "num")], item.baris.map(String.init) ?? ""), .el("td", [], item.kolom ?? ""),
                    .el("td", [], item.pesan), .el("td", [("class", "num")], item.tercetak ?? ""),
                    .el("td", [("class", "num")], item.dihitung ?? ""),
                ])
        }
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
                            .text(String(findings.count - preview.galat.count)),
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
        if !rows.isEmpty {
            content.append(.el("h2", [], "Galat, peringatan dan temuan konsistensi"))
            content.append(
                Tabel.kotak(kepala: ["Jenis", "Lembar", "Baris", "Kolom", "Pesan", "Tercetak", "Dihitung"], rows))
        }
        for (title, items) in [("Baru", preview.dibuat), ("Berubah", preview.diubah)] where !items.isEmpty {
            content.append(
                .el(
                    // Open when short enough to read at a glance: the user sees what he is about to apply.
                    "details", [("open", items.count <= 50 ? "open" : nil)],
                    [
                        .el("summary", [], "\(title) (\(items.count))"),
                        .el("ul", [], items.prefix(500).map { HTML.el("li", [], $0) }),
                    ]))
        }
        return Layout.page(
            title: "Pratinjau impor · " + pd.nama, breadcrumbs: crumbs(pemda, pd), akun: akun, content: content)
    }

    static func crumbs(_ pemda: Pemda, _ pd: PerangkatDaerah) -> [(String, String?)] {
        [
            ("Beranda", SiteURL.beranda.path),
            (pd.nama, SiteURL.perangkatDaerah(pemda: pemda.id.uuid, kode: pd.kode).path), ("Impor", nil),
        ]
    }
}
