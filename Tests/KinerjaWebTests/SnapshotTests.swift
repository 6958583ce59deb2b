import Foundation
import KinerjaWeb
import Testing
import Vapor
import VaporTesting

/// Pages and reports compared with stored HTML (`Tests/KinerjaWebTests/Snapshots`), one tag per line so a change
/// reads as a diff. Ids and tokens are replaced by placeholders. A missing snapshot is written and the test fails;
/// `KINERJA_RECORD=1 swift test --filter SnapshotTests` rewrites them all after a deliberate change.
@Suite("Snapshot HTML")
struct SnapshotTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    static func normal(_ html: String) -> String {
        var text = html
        let patterns = [
            ("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", "<uuid>"),
            ("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\" value=\"<csrf>\""),
            // The script's name carries its content's hash.
            ("kinerja-[0-9a-f]+\\.js", "kinerja-<hash>.js"),
        ]
        for (pattern, replacement) in patterns {
            text = text.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        return text.replacingOccurrences(of: "><", with: ">\n<") + "\n"
    }

    static func periksa(_ name: String, _ html: String) throws {
        let file = folder.appendingPathComponent(name + ".html")
        let actual = normal(html)
        let record = ProcessInfo.processInfo.environment["KINERJA_RECORD"] == "1"
        guard !record, let expected = try? String(contentsOf: file, encoding: .utf8) else {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
            if !record { Issue.record("Snapshot \(name) baru ditulis; periksa lalu jalankan lagi.") }
            return
        }
        if actual != expected {
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let first =
                Array(zip(actualLines, expectedLines)).firstIndex { $0.0 != $0.1 }
                ?? min(actualLines.count, expectedLines.count)
            Issue.record(
                """
                Snapshot \(name) berbeda pada baris \(first + 1):
                  tersimpan: \(first < expectedLines.count ? expectedLines[first] : "(akhir)")
                  sekarang:  \(first < actualLines.count ? actualLines[first] : "(akhir)")
                (KINERJA_RECORD=1 untuk menulis ulang bila perubahan disengaja)
                """)
        }
    }

    @Test func pagesAndReports() async throws {
        try await withDemoApp { app in
            let dinsos = try await pdPath(app, kode: "DINSOS")
            let setwan = try await pdPath(app, kode: "SETWAN")
            let setda = try await pdPath(app, kode: "SETDA")
            let banyuasin = pemdaPath(try await pdPath(app, kode: "PD01"))
            let pemda = pemdaPath(dinsos)
            let admin = try await Peramban.masuk(app, "admin")
            let op = try await Peramban.masuk(app, "operator")
            let anon = Peramban(cookie: "", csrf: "")
            let pages: [(String, Peramban, String)] = [
                ("beranda", anon, "/"),
                ("masuk", anon, "/masuk"),
                ("pd-dinsos-2024", admin, dinsos + "?tahun=2024"),
                ("realisasi-dinsos-2024-tw1", op, dinsos + "/realisasi?tahun=2024&triwulan=1"),
                ("rencana-dinsos-2024", op, dinsos + "/rencana?tahun=2024&dokumen=renja"),
                ("dasbor-2022", anon, pemda + "/dasbor?tahun=2022"),
                ("cascading-setwan", anon, setwan + "/cascading"),
                ("iku-setda", anon, setda + "/iku"),
                ("laporan-pilih", anon, pemda + "/laporan"),
                ("admin", admin, pemda + "/admin"),
                ("laporan-renja-2024", anon, dinsos + "/laporan/renja?tahun=2024"),
                ("laporan-capaian-sasaran-2022", anon, dinsos + "/laporan/capaian-sasaran?tahun=2022"),
                ("laporan-tujuan-sasaran-2024", anon, dinsos + "/laporan/tujuan-sasaran?tahun=2024"),
                ("laporan-realisasi-2022", anon, dinsos + "/laporan/realisasi?tahun=2022"),
                ("laporan-evaluasi-triwulan-2022", anon, dinsos + "/laporan/evaluasi-triwulan?tahun=2022"),
                ("laporan-evaluasi-renja-2023", anon, dinsos + "/laporan/evaluasi-renja?tahun=2023"),
                ("laporan-renstra-2024", anon, dinsos + "/laporan/renstra?tahun=2024"),
                ("laporan-cascading-setwan", anon, setwan + "/laporan/cascading"),
                ("laporan-iku-setda", anon, setda + "/laporan/iku"),
                ("laporan-iku-pemda-banyuasin", anon, banyuasin + "/laporan/iku-pemda"),
            ]
            for (name, browser, path) in pages {
                try await browser.buka(app, path) { res in
                    #expect(res.status == .ok, "\(name)")
                    try Self.periksa(name, res.body.string)
                }
            }
        }
    }
}
