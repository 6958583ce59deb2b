import Fluent
import Foundation
import KinerjaDomain
import KinerjaPersistence
import Vapor

/// The Admin Pemda's forms. Each POST either redirects with a message or renders the page again with the typed
/// values and the error next to its field.
enum AdminController {
    static func routes(_ app: Application) {
        app.route(.GET, SiteURL.Pattern.admin, .adminPemda) { req, ctx in
            var isian = FormState()
            isian.sukses = req.query[String.self, at: "pesan"].flatMap { AdminController.pesan[$0] }
            return try await halaman(req, ctx, isian)
        }
        app.route(.POST, SiteURL.Pattern.adminPengguna, .adminPemda) { req, ctx in try await tambahPengguna(req, ctx) }
        app.route(.POST, SiteURL.Pattern.adminPenggunaUbah, .adminPemda) { req, ctx in try await ubahPengguna(req, ctx)
        }
        app.route(.POST, SiteURL.Pattern.adminPD, .adminPemda) { req, ctx in try await tambahOrganisasi(req, ctx) }
        app.route(.POST, SiteURL.Pattern.adminPeriode, .adminPemda) { req, ctx in try await tambahPeriode(req, ctx) }
        app.route(.POST, SiteURL.Pattern.adminKategori, .adminPemda) { req, ctx in try await simpanKategori(req, ctx) }
    }

    static func halaman(
        _ req: Request, _ ctx: RequestContext, _ isian: FormState, status: HTTPStatus = .ok
    ) async throws -> Response {
        let pemda = try ctx.pemdaWajib()
        let store = KinerjaStore(req.db)
        // Organisation only: the plan rows are not needed here.
        let data = try await store.loadOrganisasi(pemda: pemda.id)
        let model = AdminPage.Model(
            pemda: pemda, pengguna: try await store.listPengguna(pemda: pemda.id), data: data,
            profil: try await store.profil(pemda: pemda.id))
        return KinerjaApp.htmlResponse(AdminPage.render(model, akun: ctx.akunBar, isian: isian), status: status)
    }

    /// Messages after a redirect, by code (a link cannot put other text on the page).
    static let pesan: [String: String] = [
        "pengguna-baru": "Pengguna ditambahkan.", "pengguna": "Pengguna diperbarui.",
        "pd": "Perangkat daerah ditambahkan.", "unit": "Unit kerja ditambahkan.", "pejabat": "Pejabat ditambahkan.",
        "periode": "Periode ditambahkan.", "kategori": "Kebijakan capaian disimpan.",
        "profil": "Alamat dan logo Pemda disimpan.",
        "siap": "Instalasi siap. Tambahkan perangkat daerah dan pengguna di bawah, lalu impor rencana setiap PD.",
    ]

    static func selesai(_ req: Request, _ ctx: RequestContext, _ kode: String, anchor: String) throws -> Response {
        let path = SiteURL.admin(pemda: try ctx.pemdaWajib().id.uuid).path
        return req.redirect(to: path + "?pesan=" + kode + "#" + anchor)
    }

    /// Runs `body`; a domain error re-renders the page with the typed values and the message on its field.
    static func dengan(
        _ req: Request, _ ctx: RequestContext, _ form: RawForm, _ body: () async throws -> Response
    ) async throws -> Response {
        do {
            return try await body()
        } catch let error as DomainError {
            return try await halaman(req, ctx, FormState(form: form, galat: error), status: error.statusFormulir)
        }
    }

    static func pdID(_ raw: String?, pemda: Pemda, req: Request) async throws -> TypedID<PerangkatDaerah>? {
        guard let raw, !raw.isEmpty else { return nil }
        guard let id = UUID(uuidString: raw),
            try await KinerjaStore(req.db).listPD(pemda: pemda.id).contains(where: { $0.id.uuid == id })
        else { throw DomainError.tidakSah(field: "perangkat_daerah", pesan: "Perangkat daerah tidak dikenal.") }
        return TypedID(id)
    }

    static func tambahPengguna(_ req: Request, _ ctx: RequestContext) async throws -> Response {
        let form = try RawForm.baca(req)
        return try await dengan(req, ctx, form) {
            let pemda = try ctx.pemdaWajib()
            guard let peran = Peran(rawValue: form["peran"] ?? "") else {
                throw DomainError.tidakSah(field: "peran", pesan: "Peran tidak dikenal.")
            }
            let user = try Pengguna(
                namaPengguna: form["nama_pengguna"] ?? "", namaLengkap: form["nama_lengkap"] ?? "", peran: peran,
                pemda: pemda.id,
                perangkatDaerah: peran.perluPD ? try await pdID(form["perangkat_daerah"], pemda: pemda, req: req) : nil,
                email: form["email"] ?? "")
            try Pengguna.periksaSandi(form["sandi"] ?? "")
            let hash = try await req.passwordHasher.hash(form["sandi"] ?? "")
            try await KinerjaStore(req.db).add(user, sandiHash: hash)
            return try selesai(req, ctx, "pengguna-baru", anchor: "pengguna")
        }
    }

    static func ubahPengguna(_ req: Request, _ ctx: RequestContext) async throws -> Response {
        let form = try RawForm.baca(req)
        return try await dengan(req, ctx, form) {
            let pemda = try ctx.pemdaWajib()
            let store = KinerjaStore(req.db)
            guard let id = req.parameters.get("pengguna", as: UUID.self),
                let (current, _) = try await store.pengguna(TypedID(id)), current.pemda == pemda.id
            else { throw DomainError.tidakDitemukan("Pengguna") }
            guard let peran = Peran(rawValue: form["peran"] ?? "") else {
                throw DomainError.tidakSah(field: "peran", pesan: "Peran tidak dikenal.")
            }
            let active = form["aktif"] != "0"
            try Pengguna.periksaUbah(current, oleh: ctx.pengguna?.id, peranBaru: peran, aktif: active)
            let updated = try Pengguna(
                id: current.id, namaPengguna: current.namaPengguna, namaLengkap: current.namaLengkap, peran: peran,
                pemda: pemda.id,
                perangkatDaerah: peran.perluPD ? try await pdID(form["perangkat_daerah"], pemda: pemda, req: req) : nil,
                aktif: active, email: form["email"] ?? current.email)
            try await store.update(updated)
            if form["kunci"] == "buka" {
                // Lifts the throttling of this name from every address (after a lock-out the owner reports).
                try await store.unlockLogin(namaPengguna: current.namaPengguna)
                req.logger.notice(
                    "kunci masuk dibuka: \(Log.aman(current.namaPengguna)) oleh \(Log.aman(ctx.pengguna?.namaPengguna ?? "?"))"
                )
            }
            if let sandi = form["sandi"], !sandi.isEmpty {
                try Pengguna.periksaSandi(sandi)
                try await store.ubahSandi(current.id, sandiHash: try await req.passwordHasher.hash(sandi))
            }
            return try selesai(req, ctx, "pengguna", anchor: "pengguna")
        }
    }

    static func tambahOrganisasi(_ req: Request, _ ctx: RequestContext) async throws -> Response {
        let form = try RawForm.baca(req)
        return try await dengan(req, ctx, form) {
            let pemda = try ctx.pemdaWajib()
            let store = KinerjaStore(req.db)
            switch form["aksi"] {
            case "pd":
                let pd = PerangkatDaerah(
                    kode: (form["kode"] ?? "").trimmedSpaces().uppercased(),
                    nama: (form["nama"] ?? "").trimmedSpaces(),
                    singkatan: (form["singkatan"] ?? "").trimmedSpaces())
                try await KinerjaApp.terapkan(
                    req, ctx, PerubahanData { $0.perangkatDaerahBaru = [pd] }, sumber: "halaman admin", pemda: pemda.id)
                return try selesai(req, ctx, "pd", anchor: "pd")
            case "unit":
                guard let pd = try await pdID(form["unit_pd"], pemda: pemda, req: req) else {
                    throw DomainError.tidakSah(field: "unit_pd", pesan: "Pilih perangkat daerah.")
                }
                let nama = (form["unit_nama"] ?? "").trimmedSpaces()
                guard !nama.isEmpty else {
                    throw DomainError.tidakSah(field: "unit_nama", pesan: "Nama unit wajib diisi.")
                }
                guard let eselon = Eselon(rawValue: form["unit_eselon"] ?? "") else {
                    throw DomainError.tidakSah(field: "unit_eselon", pesan: "Eselon tidak dikenal.")
                }
                var change = PerubahanData()
                change.unitKerjaBaru = [
                    UnitKerja(perangkatDaerah: pd, nama: nama, jabatan: form["unit_jabatan"] ?? "", eselon: eselon)
                ]
                _ = try await KinerjaApp.terapkan(req, ctx, change, sumber: "halaman admin", pemda: pemda.id)
                return try selesai(req, ctx, "unit", anchor: "pd")
            case "pejabat":
                guard let raw = form["pejabat_unit"], let unit = UUID(uuidString: raw) else {
                    throw DomainError.tidakSah(field: "pejabat_unit", pesan: "Pilih unit kerja.")
                }
                let nama = (form["pejabat_nama"] ?? "").trimmedSpaces()
                guard !nama.isEmpty else {
                    throw DomainError.tidakSah(field: "pejabat_nama", pesan: "Nama pejabat wajib diisi.")
                }
                let data = try await store.loadOrganisasi(pemda: pemda.id)
                guard data.unitKerja.contains(where: { $0.id.uuid == unit }) else {
                    throw DomainError.tidakSah(field: "pejabat_unit", pesan: "Unit kerja tidak dikenal.")
                }
                var change = PerubahanData()
                change.pejabatBaru = [
                    try Pejabat(
                        unitKerja: TypedID(unit), nama: nama, nip: form["pejabat_nip"] ?? "",
                        pangkat: form["pejabat_pangkat"] ?? "")
                ]
                _ = try await KinerjaApp.terapkan(req, ctx, change, sumber: "halaman admin", pemda: pemda.id)
                return try selesai(req, ctx, "pejabat", anchor: "pd")
            default:
                throw DomainError.tidakSah(field: "aksi", pesan: "Aksi tidak dikenal.")
            }
        }
    }

    static func tambahPeriode(_ req: Request, _ ctx: RequestContext) async throws -> Response {
        let form = try RawForm.baca(req)
        return try await dengan(req, ctx, form) {
            let pemda = try ctx.pemdaWajib()
            guard let jenis = Periode.Jenis(rawValue: form["jenis"] ?? "") else {
                throw DomainError.tidakSah(field: "jenis", pesan: "Jenis periode tidak dikenal.")
            }
            guard let first = Int((form["tahun_awal"] ?? "").trimmedSpaces()) else {
                throw DomainError.tidakSah(field: "tahun_awal", pesan: "Tahun awal harus angka.")
            }
            guard let last = Int((form["tahun_akhir"] ?? "").trimmedSpaces()) else {
                throw DomainError.tidakSah(field: "tahun_akhir", pesan: "Tahun akhir harus angka.")
            }
            let pd = try await pdID(form["perangkat_daerah"], pemda: pemda, req: req)
            if jenis == .renstra && pd == nil {
                throw DomainError.tidakSah(
                    field: "perangkat_daerah", pesan: "Renstra milik satu perangkat daerah: pilih PD.")
            }
            let periode = try Periode(
                jenis: jenis, tahunAwal: first, tahunAkhir: last, perangkatDaerah: jenis == .rpjmd ? nil : pd)
            try await KinerjaApp.terapkan(
                req, ctx, PerubahanData { $0.periodeBaru = [periode] }, sumber: "halaman admin", pemda: pemda.id)
            return try selesai(req, ctx, "periode", anchor: "periode")
        }
    }

    static func simpanKategori(_ req: Request, _ ctx: RequestContext) async throws -> Response {
        let form = try RawForm.baca(req)
        return try await dengan(req, ctx, form) {
            var pemda = try ctx.pemdaWajib()
            var bands: [KategoriCapaian.Pita] = []
            for index in 0..<6 {
                let bound = (form["batas_\(index)"] ?? "").trimmedSpaces()
                let label = (form["label_\(index)"] ?? "").trimmedSpaces()
                if bound.isEmpty && label.isEmpty { continue }
                guard let value = try RealisasiController.angka(bound), !label.isEmpty else {
                    throw DomainError.tidakSah(
                        field: "batas_\(index)", pesan: "Baris \(index + 1): isi batas bawah (angka) dan label.")
                }
                let colour = form["warna_\(index)"] ?? "#999999"
                guard colour.count == 7, colour.hasPrefix("#"), colour.dropFirst().allSatisfy(\.isHexDigit) else {
                    throw DomainError.tidakSah(
                        field: "warna_\(index)", pesan: "Baris \(index + 1): warna harus #RRGGBB.")
                }
                bands.append(KategoriCapaian.Pita(batasBawah: value, label: label, warna: colour))
            }
            guard let metode = MetodeTurun(rawValue: form["metode_turun"] ?? "") else {
                throw DomainError.tidakSah(field: "metode_turun", pesan: "Metode tidak dikenal.")
            }
            guard let ratio = try RealisasiController.angka(form["batas_rasio"] ?? "") else {
                throw DomainError.tidakSah(field: "batas_rasio", pesan: "Batas rasio wajib diisi.")
            }
            pemda.kebijakan = KebijakanCapaian(
                metodeTurun: metode, batasRasio: ratio, batasiRollUp: pemda.kebijakan.batasiRollUp,
                kategori: try KategoriCapaian(pita: bands))
            try await KinerjaApp.terapkan(
                req, ctx, PerubahanData { $0.pemda = pemda }, sumber: "halaman admin", pemda: pemda.id)
            return try selesai(req, ctx, "kategori", anchor: "kategori")
        }
    }
}
