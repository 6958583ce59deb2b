import Foundation
import KinerjaPersistence
import KinerjaWeb
import Testing
import Vapor
import VaporTesting

@Suite("Halaman web")
struct PagesTests {
    @Test func healthReportsTheDatabaseKindOnly() async throws {
        try await withDemoApp { app in
            try await app.testing().test(.GET, "/health") { res throws in
                #expect(res.status == .ok)
                // The kind of database, never its path, user or host.
                let body = try JSONDecoder().decode([String: String].self, from: Data(res.body.readableBytesView))
                #expect(body == ["status": "ok", "database": "sqlite"])
            }
        }
    }

    @Test func homeListsEveryPemdaAndPD() async throws {
        try await withDemoApp { app in
            try await app.testing().test(.GET, "/") { res in
                #expect(res.status == .ok)
                #expect(res.headers.contentType == .html)
                let html = res.body.string
                for name in [
                    "Kabupaten Batu Bara", "Kabupaten Banyuasin", "Kabupaten Balangan",
                    "Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak", "Sekretariat DPRD",
                    "Sekretariat Daerah",
                ] {
                    #expect(html.contains(HTML.escape(name)), "\(name)")
                }
                #expect(html.contains("lang=\"id\""))
            }
        }
    }

    @Test func pdPageShowsTheCapaianTable() async throws {
        try await withDemoApp { app in
            let path = try await pdPath(app, kode: "DINSOS")
            #expect(!path.isEmpty)
            let admin = try await Peramban.masuk(app, "admin")
            try await admin.buka(app, path + "?tahun=2022") { res in
                #expect(res.status == .ok)
                let html = res.body.string
                #expect(html.contains("Ratio Kekerasan Terhadap Anak"))
                #expect(html.contains("66,90 %"))  // Tabel 2.3, T ÷ R
                #expect(html.contains("Sedang"))
                #expect(html.contains("06.01.2.01.01"))
                #expect(html.contains("capaian kinerja tahun 2022"))
            }
            // 2024: the Renja pagu with the parent's printed pagu flagged (program 6.06).
            try await admin.buka(app, path + "?tahun=2024") { res in
                let html = res.body.string
                #expect(html.contains("481.722.600"))
                #expect(html.contains("Rp 487.722.600 ≠ jumlah anak"))
                #expect(html.contains("12.223.689.352"))  // Σ of all sub kegiatan
                #expect(html.contains("Renstra 2024-2026"))
            }
        }
    }

    @Test func quarterFilterIsAnArgumentNotTheClock() async throws {
        try await withDemoApp { app in
            let path = try await pdPath(app, kode: "DINSOS")
            let admin = try await Peramban.masuk(app, "admin")
            try await admin.buka(app, path + "?tahun=2022&triwulan=2") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("s.d. Triwulan II tahun 2022"))
            }
        }
    }

    @Test func badInputGetsAnIndonesianErrorNamingTheField() async throws {
        try await withDemoApp { app in
            let path = try await pdPath(app, kode: "DINSOS")
            let admin = try await Peramban.masuk(app, "admin")
            try await admin.buka(app, path + "?tahun=abc") { res in
                #expect(res.status == .badRequest)
                #expect(res.body.string.contains("tahun"))
                #expect(res.body.string.contains("bukan nilai tahun yang sah"))
            }
            try await admin.buka(app, path + "?triwulan=7") { res in
                #expect(res.status == .badRequest)
                #expect(res.body.string.contains("Triwulan harus 1 sampai 4"))
            }
            try await app.testing().test(.GET, path.replacingOccurrences(of: "DINSOS", with: "TIDAKADA")) { res in
                #expect(res.status == .notFound)
                #expect(res.body.string.contains("Perangkat daerah TIDAKADA tidak ditemukan."))
            }
            try await app.testing().test(.GET, "/tidak-ada", headers: ["Accept": "application/json"]) { res in
                #expect(res.status == .notFound)
                #expect(res.headers.contentType?.subType == "problem+json")
                #expect(res.body.string.contains("Halaman tidak ditemukan."))
                #expect(!res.body.string.contains("Abort"))
            }
        }
    }

    @Test func everyDemoPDPageRenders() async throws {
        try await withDemoApp { app in
            var paths: [String] = []
            try await app.testing().test(.GET, "/") { res in
                let html = res.body.string
                var rest = html[...]
                while let range = rest.range(of: "href=\"/pemda/") {
                    let tail = rest[range.upperBound...]
                    let end = tail.firstIndex(of: "\"")!
                    paths.append("/pemda/" + tail[..<end])
                    rest = tail[end...]
                }
            }
            paths = paths.filter { $0.contains("/pd/") }
            #expect(paths.count == 15)
            // Each PD page opens for the admin of its own Pemda and is refused to the admins of the others.
            var admins: [Peramban] = []
            for name in ["admin", "admin.banyuasin", "admin.balangan"] {
                admins.append(try await Peramban.masuk(app, name))
            }
            for path in paths {
                var opened = 0
                for admin in admins {
                    try await admin.buka(app, path) { res in
                        #expect(res.status == .ok || res.status == .forbidden, "\(path)")
                        if res.status == .ok { opened += 1 }
                    }
                }
                #expect(opened == 1, "\(path)")
            }
        }
    }

    @Test func htmlEscapesTextAndAttributes() {
        let fragment = HTML.el("a", [("title", "\"><script>")], "<b>&")
        #expect(fragment.rendered == "<a title=\"&quot;&gt;&lt;script&gt;\">&lt;b&gt;&amp;</a>")
    }
}

@Suite("Laporan web")
struct LaporanWebTests {
    @Test func reportsAsHTMLXLSXAndCSV() async throws {
        try await withDemoApp { app in
            let path = try await pdPath(app, kode: "DINSOS") + "/laporan/renja?tahun=2024"
            try await app.testing().test(.GET, path) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("12.223.689.352"))
                #expect(res.body.string.contains("size:A4 landscape"))
            }
            try await app.testing().test(.GET, path + "&format=xlsx") { res in
                #expect(res.status == .ok)
                #expect(res.headers.contentType?.subType == "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                #expect(res.body.readableBytes > 1000)
            }
            try await app.testing().test(.GET, path + "&format=csv") { res in
                #expect(res.body.string.contains("JUMLAH"))
            }
            try await app.testing().test(.GET, path + "&format=pdf") { res in
                #expect(res.status == .badRequest)
                #expect(res.body.string.contains("Format harus html, xlsx, atau csv"))
            }
            let cascading = try await pdPath(app, kode: "SETWAN") + "/laporan/cascading"
            try await app.testing().test(.GET, cascading) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("<svg"))
                #expect(res.body.string.contains("Pendalaman Tugas DPRD"))
            }
            try await app.testing().test(.GET, path.replacingOccurrences(of: "renja", with: "tidak-ada")) { res in
                #expect(res.status == .badRequest)
            }
        }
    }
}
