import Fluent
import Foundation
import KinerjaDomain
import KinerjaPersistence
import Vapor

/// Login, logout and change of password.
enum AkunController {
    static func routes(_ app: Application) {
        app.rute(.GET, SiteURL.Pattern.masuk, .publik) { req, ctx in
            if ctx.pengguna != nil { return req.redirect(to: SiteURL.beranda.path) }
            return KinerjaApp.htmlResponse(
                MasukPage.render(akun: ctx.akunBar, namaPengguna: "", lanjut: lanjut(req), galat: nil))
        }
        app.rute(.POST, SiteURL.Pattern.masuk, .publik) { req, ctx in try await masuk(req, ctx) }
        app.rute(.POST, SiteURL.Pattern.keluar, .masuk) { req, _ in
            if let token = req.cookies[Akun.cookieSesi]?.string {
                try await KinerjaStore(req.db).hapusSesi(tokenHash: Akun.hash(token))
            }
            let response = req.redirect(to: SiteURL.beranda.path)
            response.cookies[Akun.cookieSesi] = Akun.cookie("", request: req, maxAge: 0)
            return response
        }
        app.rute(.GET, SiteURL.Pattern.sandi, .masuk) { req, ctx in
            KinerjaApp.htmlResponse(MasukPage.sandi(akun: ctx.akunBar, galat: [:], sukses: nil))
        }
        app.rute(.POST, SiteURL.Pattern.sandi, .masuk) { req, ctx in try await ubahSandi(req, ctx) }
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

    /// Only a local path may follow a login (no open redirect).
    static func lanjut(_ req: Request) -> String {
        let raw = (try? req.query.get(String.self, at: "lanjut")) ?? (try? req.content.get(String.self, at: "lanjut"))
        guard let raw, raw.hasPrefix("/"), !raw.hasPrefix("//"), !raw.contains("\\") else { return "/" }
        return raw
    }

    static func masuk(_ req: Request, _ ctx: Konteks) async throws -> Response {
        let form = try req.content.decode(MasukForm.self)
        let nama = (form.namaPengguna ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let sandi = form.sandi ?? ""
        let store = KinerjaStore(req.db)
        let now = Date()
        let alamat = Akun.alamat(req)
        func gagal(_ pesan: String, status: HTTPStatus = .unauthorized) -> Response {
            KinerjaApp.htmlResponse(
                MasukPage.render(akun: ctx.akunBar, namaPengguna: nama, lanjut: lanjut(req), galat: pesan),
                status: status)
        }
        guard !nama.isEmpty, !sandi.isEmpty else {
            return gagal("Isi nama pengguna dan kata sandi.", status: .badRequest)
        }
        let failures = try await store.gagalMasuk(
            namaPengguna: nama, alamat: alamat, sejak: now.addingTimeInterval(-Akun.jendelaGagal))
        if failures.nama >= Akun.batasGagalNama || failures.alamat >= Akun.batasGagalAlamat {
            let until = (failures.tertua ?? now).addingTimeInterval(Akun.jendelaGagal)
            let minutes = max(1, Int((until.timeIntervalSince(now) / 60).rounded(.up)))
            return gagal(
                "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam \(minutes) menit.", status: .tooManyRequests
            )
        }
        let found = try await store.pengguna(namaPengguna: nama)
        // Verify against a real hash even for an unknown name, so timing does not tell which names exist.
        let hash = found?.sandiHash ?? dummyHash(req)
        let valid = try await req.password.async.verify(sandi, created: hash).get()
        guard let (pengguna, _) = found, valid, pengguna.aktif else {
            try await store.catatPercobaan(namaPengguna: nama, alamat: alamat, berhasil: false, waktu: now)
            req.logger.notice("masuk gagal: \(nama) dari \(alamat)")
            return gagal("Nama pengguna atau kata sandi salah.")
        }
        try await store.bersihkanPercobaan(namaPengguna: nama, sebelum: now.addingTimeInterval(-86_400))
        let token = Akun.tokenAcak()
        try await store.buatSesi(
            pengguna: pengguna.id, tokenHash: Akun.hash(token), csrf: Akun.tokenAcak(), sekarang: now,
            kedaluwarsa: now.addingTimeInterval(Akun.umurSesi))
        req.logger.info("masuk: \(pengguna.namaPengguna) (\(pengguna.peran.rawValue)) dari \(alamat)")
        let response = req.redirect(to: lanjut(req), redirectType: .normal)
        response.cookies[Akun.cookieSesi] = Akun.cookie(token, request: req, maxAge: nil)
        return response
    }

    static func dummyHash(_ req: Request) -> String {
        (try? req.password.hash("kinerja-bukan-sandi")) ?? ""
    }

    static func ubahSandi(_ req: Request, _ ctx: Konteks) async throws -> Response {
        guard let user = ctx.pengguna, let sesi = req.storage[SesiKey.self] else { throw Abort(.unauthorized) }
        let lama = (try? req.content.get(String.self, at: "sandi_lama")) ?? ""
        let baru = (try? req.content.get(String.self, at: "sandi_baru")) ?? ""
        let ulang = (try? req.content.get(String.self, at: "sandi_ulang")) ?? ""
        let store = KinerjaStore(req.db)
        var galat: [String: String] = [:]
        if let (_, hash) = try await store.pengguna(user.id),
            try await req.password.async.verify(lama, created: hash).get()
        {
        } else {
            galat["sandi_lama"] = "Kata sandi lama salah."
        }
        do { try Pengguna.periksaSandi(baru, field: "sandi_baru") } catch { galat["sandi_baru"] = error.pesan }
        if baru != ulang { galat["sandi_ulang"] = "Ulangan kata sandi tidak sama." }
        guard galat.isEmpty else {
            return KinerjaApp.htmlResponse(
                MasukPage.sandi(akun: ctx.akunBar, galat: galat, sukses: nil), status: .badRequest)
        }
        let hash = try await req.password.async.hash(baru).get()
        try await store.ubahSandi(user.id, sandiHash: hash, kecuali: sesi.id)
        return KinerjaApp.htmlResponse(
            MasukPage.sandi(
                akun: ctx.akunBar, galat: [:], sukses: "Kata sandi diubah. Sesi lain akun ini telah diakhiri."))
    }
}
