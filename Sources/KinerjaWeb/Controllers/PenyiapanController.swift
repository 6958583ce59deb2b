import Fluent
import Foundation
import KinerjaDomain
import KinerjaPersistence
import Vapor

/// The first run of an empty installation (`/siapkan`), the Pemda's logo, and its profile on the admin page.
enum PenyiapanController {
    static func routes(_ app: Application) {
        app.route(.GET, SiteURL.Pattern.siapkan, .publik) { req, ctx in
            guard try await !KinerjaStore(req.db).hasPemda() else { return req.redirect(to: SiteURL.beranda.path) }
            return KinerjaApp.htmlResponse(PenyiapanPage.render(akun: ctx.akunBar, isian: FormState()))
        }
        app.route(.POST, SiteURL.Pattern.siapkan, .publik, body: .collect(maxSize: "2mb")) { req, ctx in
            try await siapkan(req, ctx)
        }
        app.route(.GET, SiteURL.Pattern.logo, .publik) { req, ctx in
            let profil = try await KinerjaStore(req.db).profil(pemda: try ctx.pemdaWajib().id, denganLogo: true)
            guard let logo = profil.logo, let jenis = profil.logoJenis else { throw DomainError.tidakDitemukan("Logo") }
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .contentType, value: jenis)
            headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=300")
            headers.replaceOrAdd(name: "Content-Security-Policy", value: "sandbox")
            return Response(status: .ok, headers: headers, body: .init(data: logo))
        }
        app.route(.POST, SiteURL.Pattern.adminProfil, .adminPemda, body: .collect(maxSize: "2mb")) { req, ctx in
            let pemda = try ctx.pemdaWajib()
            let form = try RawForm.baca(req)
            let logo = form.berkas["logo"].flatMap { $0.isi.isEmpty ? nil : $0.isi }
            return try await AdminController.dengan(req, ctx, form) {
                let perubahan = PerubahanData {
                    $0.profil = ProfilPemda(
                        alamat: form["alamat"] ?? "", logo: logo, kepalaDaerah: form["kepala_daerah"] ?? "")
                    $0.hapusLogo = form["hapus_logo"] == "1"
                    $0.oleh = ctx.pengguna?.namaPengguna ?? ""
                }
                try await KinerjaApp.terapkan(
                    req, ctx, perubahan, sumber: "halaman admin: profil Pemda", pemda: pemda.id)
                return try AdminController.selesai(req, ctx, "profil", anchor: "profil")
            }
        }
    }

    /// Creates the Pemda, its RPJMD period and the first admin (one transaction), then signs the admin in and
    /// opens the admin page. Wrong codes count as failed logins of the name `#penyiapan` from the address.
    static func siapkan(_ req: Request, _ ctx: RequestContext) async throws -> Response {
        let store = KinerjaStore(req.db)
        guard try await !store.hasPemda() else {
            throw DomainError.tidakDitemukan("Halaman penyiapan (instalasi sudah disiapkan)")
        }
        let form = try RawForm.baca(req)
        var isian = FormState()
        for name in [
            "kode", "nama", "jenis", "ibukota", "alamat", "rpjmd_awal", "rpjmd_akhir", "nama_pengguna", "nama_lengkap",
        ] {
            isian.nilai[name] = (form[name] ?? "").trimmedSpaces()
        }
        func ulang(_ status: HTTPStatus) -> Response {
            if isian.pesan == nil { isian.pesan = "Belum disiapkan: periksa isian yang ditandai." }
            return KinerjaApp.htmlResponse(PenyiapanPage.render(akun: ctx.akunBar, isian: isian), status: status)
        }
        let alamat = Akun.alamat(req)
        let now = req.sekarang
        let attempt = try await store.recordPercobaan(namaPengguna: "#penyiapan", alamat: alamat, waktu: now)
        let failures = try await store.failedLogins(
            namaPengguna: "#penyiapan", alamat: alamat, sejak: now.addingTimeInterval(-Akun.jendelaGagal))
        guard failures.pasangan <= Akun.batasGagalPasangan else {
            try await store.cancelPercobaan(attempt)
            isian.pesan = "Terlalu banyak kode penyiapan yang salah dari alamat ini. Coba lagi dalam 15 menit."
            return ulang(.tooManyRequests)
        }
        let pemda = Pemda(
            nama: isian.nilai["nama"] ?? "", jenis: Pemda.Jenis(rawValue: isian.nilai["jenis"] ?? "") ?? .kabupaten,
            ibukota: isian.nilai["ibukota"] ?? "")
        let logo = form.berkas["logo"].flatMap { $0.isi.isEmpty ? nil : $0.isi }
        let profil = ProfilPemda(
            alamat: isian.nilai["alamat"] ?? "", logo: logo, kepalaDaerah: isian.nilai["kepala_daerah"] ?? "")
        var rpjmd: Periode?
        var admin: Pengguna?
        func catat(_ error: DomainError, _ field: String? = nil) {
            isian.galat[field ?? error.field ?? "nama"] = error.pesan
        }
        do { try profil.periksa() } catch { catat(error) }
        if pemda.nama.isEmpty { isian.galat["nama"] = "Nama Pemda wajib diisi." }
        let awal = Int(isian.nilai["rpjmd_awal"] ?? "")
        let akhir = Int(isian.nilai["rpjmd_akhir"] ?? "")
        if let awal, let akhir {
            do { rpjmd = try Periode(jenis: .rpjmd, tahunAwal: awal, tahunAkhir: akhir) } catch { catat(error) }
        } else {
            isian.galat[awal == nil ? "rpjmd_awal" : "rpjmd_akhir"] = "Tahun ditulis dengan angka, mis. 2025."
        }
        do {
            admin = try Pengguna(
                namaPengguna: isian.nilai["nama_pengguna"] ?? "", namaLengkap: isian.nilai["nama_lengkap"] ?? "",
                peran: .admin, pemda: pemda.id)
        } catch { catat(error) }
        let sandi = form["sandi"] ?? ""
        do { try Pengguna.periksaSandi(sandi) } catch { catat(error, "sandi") }
        if sandi != form["sandi_ulang"] { isian.galat["sandi_ulang"] = "Ulangan kata sandi tidak sama." }
        guard isian.galat.isEmpty, let admin else {
            try await store.cancelPercobaan(attempt)
            return ulang(.badRequest)
        }
        do {
            try await store.siapkan(
                pemda: pemda, profil: profil, rpjmd: rpjmd, admin: admin,
                sandiHash: try await req.passwordHasher.hash(sandi),
                kodeHash: Akun.hash(Penyiapan.normal(isian.nilai["kode"] ?? "")), sekarang: now)
        } catch let error as DomainError {
            if error.field == "kode" {
                try await store.gagal(percobaan: attempt)
            } else {
                try await store.cancelPercobaan(attempt)
            }
            catat(error, error.field ?? "nama")
            isian.pesan = error.pesan
            return ulang(error.statusFormulir)
        }
        try await store.cancelPercobaan(attempt)
        req.logger.notice("instalasi disiapkan: \(Log.aman(pemda.nama)), admin \(Log.aman(admin.namaPengguna))")
        return try await Akun.mulaiSesi(req, admin, ke: SiteURL.admin(pemda: pemda.id.uuid).path + "?pesan=siap")
    }
}

/// The one-time setup code: printed in the log when `serve` starts on an installation without a Pemda.
enum Penyiapan {
    /// Twelve characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown as `ABCD-EFGH-JKMN`: 58 bits.
    static let abjad = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")

    static func kodeBaru() -> String {
        var generator = SystemRandomNumberGenerator()
        let letters = (0..<12).map { _ in abjad[Int.random(in: 0..<abjad.count, using: &generator)] }
        return [0, 4, 8].map { String(letters[$0..<$0 + 4]) }.joined(separator: "-")
    }

    /// As typed: case, spaces and dashes do not matter.
    static func normal(_ kode: String) -> String {
        kode.uppercased().filter { $0.isLetter || $0.isNumber }
    }
}

/// On `serve`, an installation without a Pemda prints a fresh setup code (its hash is stored, so whichever
/// instance serves the setup page accepts it). A database not migrated yet is said so, not an error.
struct PenyiapanLifecycle: LifecycleHandler {
    func didBootAsync(_ application: Application) async throws {
        guard application.environment.arguments.dropFirst().first == "serve",
            !application.environment.arguments.contains("--demo")
        else { return }
        // A database older than the binary (an upgrade without `kinerja migrate`) would answer requests with errors
        // on the columns it lacks: the server does not start, and says what to run.
        let pending = try await application.migrator.previewPrepareBatch().get()
        guard pending.isEmpty else {
            throw DomainError.tidakSah(
                field: "basis data",
                pesan: "Basis data belum dimigrasi ke versi program ini (\(pending.count) migrasi tertunda): jalankan "
                    + "\"kinerja migrate --yes\" lebih dulu.")
        }
        let store = KinerjaStore(application.db)
        let empty: Bool
        do {
            empty = try await !store.hasPemda()
        } catch {
            application.logger.warning("Basis data belum siap (jalankan \"kinerja migrate\" lebih dulu).")
            return
        }
        guard empty else { return }
        let kode = Penyiapan.kodeBaru()
        try await store.createKodePenyiapan(hash: Akun.hash(Penyiapan.normal(kode)))
        application.logger.notice(
            "Kode penyiapan: \(kode) — instalasi ini belum mempunyai Pemda: buka /siapkan dan masukkan kode ini (berlaku 24 jam)."
        )
    }
}
