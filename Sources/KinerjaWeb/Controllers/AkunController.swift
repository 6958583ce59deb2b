import Fluent
import Foundation
import KinerjaDomain
import KinerjaPersistence
import Vapor

/// Login, logout and change of password.
enum AkunController {
    static func routes(_ app: Application) {
        app.route(.GET, SiteURL.Pattern.masuk, .publik) { req, ctx in
            if ctx.pengguna != nil { return req.redirect(to: SiteURL.beranda.path) }
            return KinerjaApp.htmlResponse(
                LoginPage.render(akun: ctx.akunBar, namaPengguna: "", lanjut: lanjut(req), galat: nil))
        }
        app.route(.POST, SiteURL.Pattern.masuk, .publik) { req, ctx in try await masuk(req, ctx) }
        app.route(.POST, SiteURL.Pattern.keluar, .masuk) { req, _ in
            if let token = req.cookies[Akun.cookieSesi]?.string {
                try await KinerjaStore(req.db).deleteSesi(tokenHash: Akun.hash(token))
            }
            let response = req.redirect(to: SiteURL.beranda.path)
            response.cookies[Akun.cookieSesi] = Akun.cookie("", request: req, maxAge: 0)
            return response
        }
        app.route(.GET, SiteURL.Pattern.sandi, .masuk) { req, ctx in
            KinerjaApp.htmlResponse(LoginPage.sandi(akun: ctx.akunBar, galat: [:], sukses: nil))
        }
        app.route(.POST, SiteURL.Pattern.sandi, .masuk) { req, ctx in try await ubahSandi(req, ctx) }
    }

    struct MasukForm: Content {
        var namaPengguna: String?
        var sandi: String?
        var lanjut: String?

        enum CodingKeys: String, CodingKey {
            case namaPengguna = "nama_pengguna"
            case sandi, lanjut
        }
    }

    /// Only a path of this site may follow a login: one that `SafeRedirect.lokal` accepts (a relative path of a
    /// known page, no control characters, no `//` or `\\`), else the home page.
    static func lanjut(_ req: Request) -> String {
        let raw = (try? req.query.get(String.self, at: "lanjut")) ?? (try? req.content.get(String.self, at: "lanjut"))
        return raw.flatMap { SafeRedirect.lokal($0, app: req.application) } ?? SiteURL.beranda.path
    }

    static func masuk(_ req: Request, _ ctx: RequestContext) async throws -> Response {
        let form = try req.content.decode(MasukForm.self)
        let nama = (form.namaPengguna ?? "").trimmedSpaces().lowercased()
        let sandi = form.sandi ?? ""
        let store = KinerjaStore(req.db)
        let now = req.sekarang
        let alamat = Akun.alamat(req)
        func gagal(_ pesan: String, status: HTTPStatus = .unauthorized) -> Response {
            KinerjaApp.htmlResponse(
                LoginPage.render(
                    akun: ctx.akunBar, namaPengguna: String(nama.prefix(Batas.namaPengguna)), lanjut: lanjut(req),
                    galat: pesan),
                status: status)
        }
        guard !nama.isEmpty, !sandi.isEmpty else {
            return gagal("Isi nama pengguna dan kata sandi.", status: .badRequest)
        }
        guard nama.count <= Batas.namaPengguna else { return gagal("Nama pengguna atau kata sandi salah.") }
        // Recorded as a failure before the check, then counted: the count is atomic (see catatPercobaan).
        let attempt = try await store.recordPercobaan(namaPengguna: nama, alamat: alamat, waktu: now)
        let failures = try await store.failedLogins(
            namaPengguna: nama, alamat: alamat, sejak: now.addingTimeInterval(-Akun.jendelaGagal))
        if failures.pasangan > Akun.batasGagalPasangan || failures.alamat > Akun.batasGagalAlamat {
            try await store.cancelPercobaan(attempt)
            let until = (failures.tertua ?? now).addingTimeInterval(Akun.jendelaGagal)
            let minutes = max(1, Int((until.timeIntervalSince(now) / 60).rounded(.up)))
            req.logger.notice("masuk ditolak (batas): \(Log.aman(nama)) dari \(Log.aman(alamat))")
            return gagal(
                "Terlalu banyak percobaan masuk yang gagal dari alamat ini. Coba lagi dalam \(minutes) menit, "
                    + "atau minta admin Pemda membuka kunci.", status: .tooManyRequests)
        }
        // Many failures for one name from many addresses: each further try waits longer (at most 10 s), which slows
        // the attacker without locking the owner out.
        let delay = min(10, max(0, failures.nama - Akun.batasGagalNamaTanpaJeda))
        if delay > 0 { try await Task.sleep(for: .seconds(delay)) }
        let found = try await store.pengguna(namaPengguna: nama)
        let valid = try await req.passwordHasher.cocok(sandi, hash: found?.sandiHash)
        guard let (pengguna, _) = found, valid, pengguna.aktif else {
            try await store.gagal(percobaan: attempt)
            req.logger.notice("masuk gagal: \(Log.aman(nama)) dari \(Log.aman(alamat))")
            return gagal("Nama pengguna atau kata sandi salah.")
        }
        try await store.loginSucceeded(
            percobaan: attempt, namaPengguna: nama, alamat: alamat, sebelum: now.addingTimeInterval(-86_400))
        req.logger.info(
            "masuk: \(Log.aman(pengguna.namaPengguna)) (\(pengguna.peran.rawValue)) dari \(Log.aman(alamat))")
        return try await Akun.mulaiSesi(req, pengguna, ke: lanjut(req))
    }

    static func ubahSandi(_ req: Request, _ ctx: RequestContext) async throws -> Response {
        guard let user = ctx.pengguna, let sesi = req.storage[SesiKey.self] else { throw Abort(.unauthorized) }
        let lama = (try? req.content.get(String.self, at: "sandi_lama")) ?? ""
        let baru = (try? req.content.get(String.self, at: "sandi_baru")) ?? ""
        let ulang = (try? req.content.get(String.self, at: "sandi_ulang")) ?? ""
        let store = KinerjaStore(req.db)
        var galat: [String: String] = [:]
        let stored = try await store.pengguna(user.id)?.sandiHash
        if try await !req.passwordHasher.cocok(lama, hash: stored) { galat["sandi_lama"] = "Kata sandi lama salah." }
        do { try Pengguna.periksaSandi(baru, field: "sandi_baru") } catch { galat["sandi_baru"] = error.pesan }
        if baru != ulang { galat["sandi_ulang"] = "Ulangan kata sandi tidak sama." }
        guard galat.isEmpty else {
            return KinerjaApp.htmlResponse(
                LoginPage.sandi(akun: ctx.akunBar, galat: galat, sukses: nil), status: .badRequest)
        }
        let hash = try await req.passwordHasher.hash(baru)
        try await store.ubahSandi(user.id, sandiHash: hash, kecuali: sesi.id)
        return KinerjaApp.htmlResponse(
            LoginPage.sandi(
                akun: ctx.akunBar, galat: [:], sukses: "Kata sandi diubah. Sesi lain akun ini telah diakhiri."))
    }
}
