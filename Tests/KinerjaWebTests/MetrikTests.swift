import Foundation
import Testing
import Vapor
import VaporTesting

@testable import KinerjaWeb

/// Operations (issue 14.7): `/metrics` in Prometheus's format for the monitoring, a log line and an id per request,
/// pages compressed for a client that accepts it, the script cached under a versioned name.
@Suite("Operasi")
struct MetrikTests {
    @Test func metricsAreForTheMonitoringOnlyAndCountRequestsCacheAndImports() async throws {
        try await withDemoApp { app in
            let anon = try await Peramban.anonim(app)
            try await anon.buka(app, "/") { res in
                #expect(res.status == .ok)
                #expect(res.headers.first(name: "X-Request-Id")?.isEmpty == false)
            }
            let pd = try await pdPath(app, kode: "DINSOS")
            let report = pd + "/laporan/renja?tahun=2024"
            for _ in 0..<2 { try await anon.buka(app, report) { res in #expect(res.status == .ok) } }
            // Not from a loopback peer (the test's requests have none) and without the token: not there.
            try await anon.buka(app, "/metrics") { res in #expect(res.status == .notFound) }
            setenv("KINERJA_METRIK_TOKEN", "rahasia-uji", 1)
            defer { unsetenv("KINERJA_METRIK_TOKEN") }
            try await app.testing().test(.GET, "/metrics", headers: ["Authorization": "Bearer salah"]) { res in
                #expect(res.status == .notFound)
            }
            try await app.testing().test(.GET, "/metrics", headers: ["Authorization": "Bearer rahasia-uji"]) { res in
                let text = res.body.string
                #expect(res.status == .ok)
                #expect(
                    text.contains(
                        "kinerja_http_permintaan_total{rute=\"/pemda/:pemda/pd/:kode/laporan/:nama\",metode=\"GET\",status=\"200\"} 2"
                    ))
                #expect(text.contains("kinerja_http_durasi_seconds_bucket{rute=\"/\",metode=\"GET\""))
                #expect(text.contains("kinerja_tembolok_hit_total"))
                #expect(text.contains("kinerja_basis_data_koneksi_maks"))
                // The caches' bytes as counted, never above their budgets, and the process's resident memory.
                func nilai(_ name: String) -> Double? {
                    text.split(separator: "\n").first { $0.hasPrefix(name + " ") }
                        .flatMap { $0.split(separator: " ").last }.flatMap { Double($0) }
                }
                for cache in ["halaman", "data"] {
                    let used = nilai("kinerja_tembolok_terpakai_bytes{tembolok=\"\(cache)\"}")
                    let budget = nilai("kinerja_tembolok_anggaran_bytes{tembolok=\"\(cache)\"}")
                    #expect(used != nil && budget != nil && used! <= budget!, "\(cache)")
                }
                #expect((nilai("kinerja_tembolok_terpakai_bytes{tembolok=\"halaman\"}") ?? 0) > 0)
                #if os(Linux)
                    #expect((nilai("kinerja_proses_memori_resident_bytes{jenis=\"anonim\"}") ?? 0) > 1_000_000)
                    #expect((nilai("kinerja_proses_memori_resident_bytes{jenis=\"berkas\"}") ?? 0) > 1_000_000)
                #endif
            }
        }
    }

    @Test func pagesAreCompressedAndTheScriptIsCachedUnderItsVersionedName() async throws {
        try await withDemoApp { app in
            let pd = try await pdPath(app, kode: "DINSOS") + "/laporan/renja?tahun=2024"
            var plain = 0
            try await app.testing(method: .running(port: 0)).test(.GET, pd) { res in
                plain = res.body.readableBytes
                #expect(res.headers.first(name: .contentEncoding) == nil)
            }
            try await app.testing(method: .running(port: 0)).test(
                .GET, pd, headers: ["Accept-Encoding": "gzip"]
            ) { res in
                #expect(res.headers.first(name: .contentEncoding) == "gzip")
                #expect(res.body.readableBytes * 4 < plain, "\(res.body.readableBytes) dari \(plain)")
            }
            try await app.testing().test(.GET, "/aset/" + Script.nama) { res in
                #expect(res.status == .ok)
                #expect(res.headers.first(name: .cacheControl)?.contains("immutable") == true)
            }
            try await app.testing().test(.GET, "/aset/kinerja.js") { res in #expect(res.status == .notFound) }
        }
    }

    /// With pages compressed, the CSRF token must not be the same bytes in every response (BREACH): each form
    /// carries it masked with a fresh pad, and every masked form of it is accepted; a changed one is not.
    @Test func theCSRFTokenIsMaskedAfreshInEveryResponse() async throws {
        try await withDemoApp { app in
            let op = try await Peramban.masuk(app, "operator")
            var tokens: [String] = []
            for _ in 0..<2 {
                try await op.buka(app, "/akun/sandi") { res in tokens.append(csrfDari(res.body.string)) }
            }
            #expect(tokens[0] != tokens[1])
            // The older of the two still works (signing out ends the session: the rest on a new one).
            try await Peramban(cookie: op.cookie, csrf: tokens[0]).kirim(app, "/keluar", [:]) { res in
                #expect(res.status == .seeOther)
            }
            let again = try await Peramban.masuk(app, "operator")
            var fresh = ""
            try await again.buka(app, "/akun/sandi") { res in fresh = csrfDari(res.body.string) }
            var forged = Array(fresh)
            forged[forged.count - 1] = forged.last == "0" ? "1" : "0"
            try await Peramban(cookie: again.cookie, csrf: String(forged)).kirim(app, "/keluar", [:]) { res in
                #expect(res.status == .forbidden)
            }
            try await Peramban(cookie: again.cookie, csrf: fresh).kirim(app, "/keluar", [:]) { res in
                #expect(res.status == .seeOther)
            }
        }
    }
}
