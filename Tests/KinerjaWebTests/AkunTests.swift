import Fluent
import Foundation
import KinerjaDomain
import KinerjaPersistence
import KinerjaWeb
import Testing
import Vapor
import VaporTesting

@Suite("Akun: masuk, sesi, CSRF, pembatasan")
struct AkunTests {
    @Test func loginCreatesADatabaseSessionWithSafeCookieFlags() async throws {
        try await withDemoApp { app in
            // setup
            let anon = try await Peramban.anonim(app)
            // MUT
            try await app.testing().test(
                .POST, "/masuk",
                beforeRequest: { req in
                    req.headers.add(name: .cookie, value: anon.cookie)
                    req.headers.add(name: "X-Forwarded-Proto", value: "https")
                    try req.content.encode(
                        ["_csrf": anon.csrf, "nama_pengguna": "Operator", "sandi": "demo2026", "lanjut": "/health"],
                        as: .urlEncodedForm)
                },
                afterResponse: { res in
                    // validate
                    #expect(res.status == .seeOther)
                    #expect(res.headers.first(name: .location) == "/health")
                    let cookie = try #require(res.headers.setCookie?["kinerja_sesi"])
                    #expect(cookie.isHTTPOnly)
                    // X-Forwarded-Proto from a peer that is not a configured proxy is not believed.
                    #expect(!cookie.isSecure)
                    #expect(cookie.sameSite == .lax)
                    // Only the hash of the token is stored.
                    let stored = try await SesiModel.query(on: app.db).all()
                    #expect(stored.count == 1)
                    #expect(stored[0].tokenHash != cookie.string)
                    #expect(stored[0].tokenHash.count == 64)
                })
        }
    }

    @Test func wrongPasswordIsRefusedAndTheSixthTryIsThrottled() async throws {
        try await withDemoApp { app in
            let anon = try await Peramban.anonim(app)
            for attempt in 1...5 {
                try await anon.kirim(app, "/masuk", ["nama_pengguna": "operator", "sandi": "salah\(attempt)"]) { res in
                    #expect(res.status == .unauthorized)
                    #expect(res.body.string.contains("Nama pengguna atau kata sandi salah."))
                    #expect(res.body.string.contains("value=\"operator\""))  // what was typed stays
                }
            }
            // Even the right password is refused while the name is locked.
            try await anon.kirim(app, "/masuk", ["nama_pengguna": "operator", "sandi": "demo2026"]) { res in
                #expect(res.status == .tooManyRequests)
                #expect(res.body.string.contains("Terlalu banyak percobaan masuk yang gagal"))
            }
            // Another name is not locked.
            try await anon.kirim(app, "/masuk", ["nama_pengguna": "kepala", "sandi": "demo2026"]) { res in
                #expect(res.status == .seeOther)
            }
        }
    }

    @Test func formsWithoutTheCSRFTokenAreRefused() async throws {
        try await withDemoApp { app in
            let op = try await Peramban.masuk(app, "operator")
            try await op.kirim(app, "/keluar", csrf: false) { res in
                #expect(res.status == .forbidden)
                #expect(res.body.string.contains("Formulir kedaluwarsa atau tidak sah"))
            }
            var wrong = op
            wrong.csrf = String(op.csrf.reversed())
            try await wrong.kirim(app, "/keluar") { res in #expect(res.status == .forbidden) }
            // Another user's token does not fit this session.
            let other = try await Peramban.masuk(app, "kepala")
            wrong.csrf = other.csrf
            try await wrong.kirim(app, "/keluar") { res in #expect(res.status == .forbidden) }
            try await op.kirim(app, "/keluar") { res in #expect(res.status == .seeOther) }
        }
    }

    @Test func logoutEndsTheSessionInTheDatabase() async throws {
        try await withDemoApp { app in
            let path = try await pdPath(app, kode: "DINSOS")
            let op = try await Peramban.masuk(app, "operator")
            try await op.buka(app, path) { res in #expect(res.status == .ok) }
            try await op.kirim(app, "/keluar") { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.setCookie?["kinerja_sesi"]?.maxAge == 0)
            }
            // The old cookie no longer opens anything.
            try await op.buka(app, path) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location)?.hasPrefix("/masuk?lanjut=") == true)
            }
        }
    }

    @Test func changePasswordChecksTheOldOneAndEndsOtherSessions() async throws {
        try await withDemoApp { app in
            let path = try await pdPath(app, kode: "DINSOS")
            let first = try await Peramban.masuk(app, "operator")
            let second = try await Peramban.masuk(app, "operator")
            try await first.kirim(
                app, "/akun/sandi", ["sandi_lama": "keliru", "sandi_baru": "pendek", "sandi_ulang": "lain"]
            ) { res in
                #expect(res.status == .badRequest)
                let html = res.body.string
                #expect(html.contains("Kata sandi lama salah."))
                #expect(html.contains("Kata sandi minimal 8 karakter dan memuat huruf serta angka."))
                #expect(html.contains("Ulangan kata sandi tidak sama."))
            }
            try await first.kirim(
                app, "/akun/sandi", ["sandi_lama": "demo2026", "sandi_baru": "baru2027x", "sandi_ulang": "baru2027x"]
            ) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Kata sandi diubah"))
            }
            try await first.buka(app, path) { res in #expect(res.status == .ok) }
            try await second.buka(app, path) { res in #expect(res.status == .seeOther) }
            _ = try await Peramban.masuk(app, "operator", sandi: "baru2027x")
        }
    }

    @Test func securityHeadersOnEveryPage() async throws {
        try await withDemoApp { app in
            try await app.testing().test(.GET, "/") { res in
                #expect(res.headers.first(name: "X-Frame-Options") == "DENY")
                #expect(res.headers.first(name: "Content-Security-Policy")?.contains("default-src 'self'") == true)
                #expect(res.headers.first(name: "X-Content-Type-Options") == "nosniff")
                #expect(res.headers.first(name: .cacheControl) == nil)
            }
            // A signed-in user's pages are never stored by caches.
            let admin = try await Peramban.masuk(app, "admin")
            try await admin.buka(app, "/") { res in
                #expect(res.headers.first(name: .cacheControl) == "private, no-store")
            }
        }
    }

    @Test func passwordAndUserRulesAreDomainRules() throws {
        #expect(throws: DomainError.self) { try Pengguna.periksaSandi("abcdefgh") }
        #expect(throws: DomainError.self) { try Pengguna.periksaSandi("1234567") }
        try Pengguna.periksaSandi("demo2026")
        let pemda = TypedID<Pemda>()
        #expect(throws: DomainError.self) {
            try Pengguna(namaPengguna: "op", namaLengkap: "", peran: .operatorPD, pemda: pemda)
        }
        #expect(throws: DomainError.self) {
            try Pengguna(namaPengguna: "operator", namaLengkap: "", peran: .operatorPD, pemda: pemda)
        }
        let user = try Pengguna(namaPengguna: " Admin.Satu ", namaLengkap: "", peran: .admin, pemda: pemda)
        #expect(user.namaPengguna == "admin.satu")
    }
}
