import Foundation
import KinerjaDomain
import KinerjaPersistence
import Testing
import Vapor
import VaporTesting

@testable import KinerjaWeb

/// A Renja Perubahan (issue 12.5): its figures need a basis (reason, SK number and date, the SK file); the murni
/// stays; a report shows both side by side; capaian is measured against it only once approved, and reports say
/// which document they measure against.
@Suite("Renja Perubahan dan dasar perubahan")
struct RevisiWebTests {
    @Test func aRenjaPerubahanWithItsBasisMurniBesideItAndMeasuredOnceApproved() async throws {
        try await withDemoApp { app in
            let op = try await Peramban.masuk(app, "operator")
            let kepala = try await Peramban.masuk(app, "kepala")
            let pd = try await pdPath(app, kode: "DINSOS")
            let path = pd + "/rencana?tahun=2024&dokumen=renja_perubahan"
            var page = ""
            try await op.buka(app, path) { res in
                #expect(res.status == .ok)
                page = res.body.string
                #expect(page.contains("Belum ada dasar perubahan"))
            }
            // A sub kegiatan's indicator (the report shows program, kegiatan and sub kegiatan).
            let row = try #require(page.range(of: "class=\"lvl-sub_kegiatan\""))
            let range = try #require(page[row.upperBound...].range(of: "name=\"\(FormKey.target.awalan)"))
            let key = String(page[range.upperBound...].prefix(36))
            func fields(_ html: String, _ value: String) -> [String: String] {
                [
                    FormKey.target.awalan + key: value,
                    FormKey.versiTarget.awalan + key: nilaiInput(html, name: FormKey.versiTarget.awalan + key) ?? "0",
                    FormKey.awalTarget.awalan + key: nilaiInput(html, name: FormKey.awalTarget.awalan + key) ?? "",
                ]
            }
            // Without a basis: refused, naming what is missing; nothing stored.
            try await op.kirim(app, path, fields(page, "9")) { res in
                #expect(res.status == .badRequest)
                #expect(res.body.string.contains("belum memiliki dasar perubahan"))
            }
            // A basis without its SK number: refused under its field.
            let revisi = pd + "/rencana/revisi?tahun=2024&dokumen=renja_perubahan"
            try await op.kirimBerkas(
                app, revisi, ["alasan": "Pergeseran anggaran", "nomor_sk": " ", "tanggal_sk": "2024-08-12"],
                berkas: "lampiran", nama: "sk.pdf", Array("%PDF-1.4 sk".utf8)
            ) { res in
                #expect(res.status == .badRequest)
                #expect(res.body.string.contains("Tuliskan nomor SK perubahan."))
            }
            try await op.kirimBerkas(
                app, revisi,
                ["alasan": "Pergeseran anggaran", "nomor_sk": "050/123/BAPPEDA/2024", "tanggal_sk": "2024-08-12"],
                berkas: "lampiran", nama: "sk perubahan.pdf", Array("%PDF-1.4 sk".utf8)
            ) { res in
                #expect(res.status == .seeOther)
            }
            try await op.buka(app, path) { res in
                page = res.body.string
                #expect(page.contains("Dasar perubahan tercatat: SK nomor 050/123/BAPPEDA/2024 tanggal 12-08-2024"))
                #expect(page.contains("lampiran: sk perubahan.pdf"))
            }
            try await kepala.buka(app, pd + "/rencana/revisi/lampiran?tahun=2024&dokumen=renja_perubahan") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.hasPrefix("%PDF"))
            }
            try await op.kirim(app, path, fields(page, "9")) { res in #expect(res.status == .seeOther) }
            // Murni and perubahan side by side, with the basis and the status.
            let report = pd + "/laporan/renja-perubahan?tahun=2024"
            try await kepala.buka(app, report) { res in
                let html = res.body.string
                #expect(res.status == .ok)
                #expect(html.contains("Renja Murni dan Perubahan"))
                #expect(
                    html.contains(
                        "Dasar perubahan: SK nomor 050/123/BAPPEDA/2024 tanggal 12-08-2024: Pergeseran anggaran."))
                #expect(html.contains("Status Renja Perubahan: draf."))
                #expect(html.contains(">9<"))
                #expect(html.contains("tetap"))
            }
            // Not approved yet: the year is measured against the Renja; approved: against the Renja Perubahan.
            let realisasi = pd + "/laporan/realisasi?tahun=2024"
            try await kepala.buka(app, realisasi) { res in
                #expect(res.body.string.contains("Target tahun 2024 diukur menurut Renja"))
                #expect(!res.body.string.contains("Renja Perubahan (disetujui)"))
            }
            var (code, _) = try await AlurWebTests.langkah(app, op, .ajukan, jenis: .renjaPerubahan)
            #expect(code == .seeOther)
            (code, _) = try await AlurWebTests.langkah(app, kepala, .setujui, jenis: .renjaPerubahan)
            #expect(code == .seeOther)
            try await kepala.buka(app, realisasi) { res in
                #expect(
                    res.body.string.contains("Target tahun 2024 diukur menurut Renja Perubahan (disetujui), lalu Renja")
                )
            }
            // Approved: the Renja Perubahan takes no more changes, the basis is in the history.
            try await op.buka(app, path) { res in page = res.body.string }
            try await op.kirim(app, path, fields(page, "10")) { res in
                #expect(res.status == .locked)
                #expect(res.body.string.contains("Renja Perubahan 2024"))
            }
            try await kepala.buka(app, pd + "/riwayat") { res in
                #expect(res.body.string.contains("Dasar perubahan Renja Perubahan"))
            }
        }
    }

    @Test func aRenstraOnceSubmittedIsRevisedWithItsBasisAndKeepsItsMurni() async throws {
        try await withDemoApp { app in
            let op = try await Peramban.masuk(app, "operator")
            let kepala = try await Peramban.masuk(app, "kepala")
            let pd = try await pdPath(app, kode: "DINSOS")
            let path = pd + "/rencana?tahun=2025&dokumen=renstra"
            var page = ""
            try await op.buka(app, path) { res in page = res.body.string }
            let range = try #require(page.range(of: "name=\"\(FormKey.target.awalan)"))
            let key = String(page[range.upperBound...].prefix(36))
            func save(_ value: String) async throws -> (HTTPStatus, String) {
                try await op.buka(app, path) { res in page = res.body.string }
                var result: (HTTPStatus, String) = (.ok, "")
                try await op.kirim(
                    app, path,
                    [
                        FormKey.target.awalan + key: value,
                        FormKey.versiTarget.awalan + key: nilaiInput(page, name: FormKey.versiTarget.awalan + key)
                            ?? "0",
                        FormKey.awalTarget.awalan + key: nilaiInput(page, name: FormKey.awalTarget.awalan + key) ?? "",
                    ]
                ) { res in result = (res.status, res.body.string) }
                return result
            }
            // Before it is ever submitted, a Renstra target is corrected freely.
            #expect(try await save("31").0 == .seeOther)
            // Submitted and returned: a change is now a revision and needs the year's basis.
            _ = try await AlurWebTests.langkah(app, op, .ajukan, jenis: .renstra, tahun: 2025)
            _ = try await AlurWebTests.langkah(
                app, kepala, .kembalikan, catatan: "Revisi target", jenis: .renstra, tahun: 2025)
            let (code, html) = try await save("35")
            #expect(code == .badRequest)
            #expect(html.contains("Renstra 2025 Dinas Sosial"))
            #expect(html.contains("Renstra yang sudah pernah diajukan hanya dapat direvisi"))
            try await op.kirimBerkas(
                app, pd + "/rencana/revisi?tahun=2025&dokumen=renstra",
                ["alasan": "Penyesuaian RPJMD", "nomor_sk": "188/45/2025", "tanggal_sk": "2025-03-03"],
                berkas: "lampiran", nama: "", []
            ) { res in #expect(res.status == .seeOther) }
            #expect(try await save("35").0 == .seeOther)
            #expect(try await save("36").0 == .seeOther)
            // The report shows the murni (the value before the first revision) beside the revised one.
            try await kepala.buka(app, pd + "/laporan/renstra-perubahan?tahun=2025") { res in
                let report = res.body.string
                #expect(res.status == .ok)
                #expect(report.contains("Renstra Murni dan Perubahan"))
                #expect(report.contains("<td>31</td><td>36</td>"))
                #expect(report.contains("1 target direvisi."))
                #expect(
                    report.contains(
                        "Dasar perubahan tahun 2025: SK nomor 188/45/2025 tanggal 03-03-2025: Penyesuaian RPJMD."))
            }
        }
    }
}
