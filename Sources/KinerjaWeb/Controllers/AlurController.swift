import Fluent
import Foundation
import KinerjaDomain
import KinerjaPersistence
import Vapor

/// The approval workflow: a step on a PD's item (the rules decide who may), the history of a PD or of one
/// indicator, the admin's monitoring matrix and its reporting windows and reopenings.
enum AlurController {
    static func routes(_ app: Application) {
        // Anyone who reads the PD may ask; `AturanAlur` decides by role, PD and status, in the write path.
        app.route(.POST, SiteURL.Pattern.alur, .bacaPD) { req, ctx in try await langkah(req, ctx) }
        app.route(.GET, SiteURL.Pattern.riwayat, .bacaPD) { req, ctx in try await riwayat(req, ctx) }
        app.route(.GET, SiteURL.Pattern.pemantauan, .adminPemda) { req, ctx in
            var model = try await pemantauan(req, ctx)
            switch req.query[String.self, at: "disimpan"] {
            case "jadwal": model.pesan = ("Jadwal pengisian tersimpan.", false)
            case "pembukaan": model.pesan = ("Triwulan dibuka kembali untuk perangkat daerah itu.", false)
            default: break
            }
            return KinerjaApp.htmlResponse(PemantauanPage.render(model, akun: ctx.akunBar))
        }
        app.route(.POST, SiteURL.Pattern.adminJadwal, .adminPemda) { req, ctx in try await jadwal(req, ctx) }
        app.route(.POST, SiteURL.Pattern.adminPembukaan, .adminPemda) { req, ctx in try await bukaKembali(req, ctx) }
    }

    static func langkah(_ req: Request, _ ctx: RequestContext) async throws -> Response {
        let pemda = try ctx.pemdaWajib()
        let pd = try ctx.pdWajib()
        let form = try RawForm.baca(req)
        guard let pengguna = ctx.pengguna else { throw Abort(.unauthorized) }
        do {
            guard let jenis = ObjekAlur.Jenis(rawValue: form["jenis"] ?? "") else {
                throw DomainError.tidakSah(field: "jenis", pesan: "Dokumen tidak dikenal.")
            }
            guard let transisi = Transisi(rawValue: form["transisi"] ?? "") else {
                throw DomainError.tidakSah(field: "transisi", pesan: "Langkah tidak dikenal.")
            }
            guard let tahun = Int(form["tahun"] ?? ""), Batas.tahun.contains(tahun) else {
                throw DomainError.tidakSah(field: "tahun", pesan: "Tahun tidak sah.")
            }
            let triwulan = Int(form["triwulan"] ?? "") ?? 0
            guard jenis != .realisasi || (1...pemda.jumlahTriwulan).contains(triwulan) else {
                throw DomainError.tidakSah(field: "triwulan", pesan: "Triwulan tidak sah.")
            }
            let objek = ObjekAlur(perangkatDaerah: pd.id, jenis: jenis, tahun: tahun, triwulan: triwulan)
            let step = LangkahAlur(
                transisi, objek: objek, pelaku: pengguna, catatan: form["catatan"] ?? "",
                versiDibaca: Int(form["versi"] ?? ""))
            try await KinerjaApp.terapkan(
                req, ctx, PerubahanData { $0.langkah = [step] },
                sumber: "halaman PD: \(transisi.label.lowercased()) \(objek.label)", pemda: pemda.id)
            await Pemberitahuan.kirim(req, pemda: pemda, pd: pd, langkah: step)
            return req.redirect(
                to: SiteURL.perangkatDaerah(pemda: pemda.id.uuid, kode: pd.kode).path
                    + "?tahun=\(tahun)&langkah=\(transisi.rawValue)#alur")
        } catch let error as DomainError {
            return try await DisplayController.halamanPD(
                req, ctx, pesan: (error.pesan, galat: true), status: .badRequest)
        }
    }

    /// `?kunci=` one indicator or element; `dari`, `sampai` (dates, inclusive), `oleh`; `format=csv`.
    static func riwayat(_ req: Request, _ ctx: RequestContext) async throws -> Response {
        let pemda = try ctx.pemdaWajib()
        let pd = try ctx.pdWajib()
        var filter = RiwayatPage.Filter()
        filter.kunci = req.query[String.self, at: "kunci"].flatMap { UUID(uuidString: $0) }
        filter.dariTeks = req.query[String.self, at: "dari"] ?? ""
        filter.sampaiTeks = req.query[String.self, at: "sampai"] ?? ""
        filter.oleh = (req.query[String.self, at: "oleh"] ?? "").trimmedSpaces()
        let dari = filter.dariTeks.isEmpty ? nil : try JadwalPelaporan.hari(filter.dariTeks, field: "dari")
        let sampai =
            filter.sampaiTeks.isEmpty
            ? nil : try JadwalPelaporan.hari(filter.sampaiTeks, field: "sampai").addingTimeInterval(86_400)
        let store = KinerjaStore(req.db)
        let lines = try await store.riwayat(
            pemda: pemda.id, pd: filter.kunci == nil ? pd.id : nil, kunci: filter.kunci, dari: dari, sampai: sampai,
            oleh: filter.oleh, batas: req.query[String.self, at: "format"] == "csv" ? 100_000 : 500)
        // An indicator's history is shown only when it is this PD's (or the Pemda's own).
        var judul = "Riwayat perubahan \(pd.nama)"
        if let kunci = filter.kunci {
            let data = try await store.load(pemda: pemda.id, perangkatDaerah: pd.id, denganRPJMD: true)
            guard
                let nama = data.indikator.first(where: { $0.id.uuid == kunci })?.nama
                    ?? data.elemen.first(where: { $0.id.uuid == kunci })?.uraian
            else { throw DomainError.tidakDitemukan("Indikator") }
            judul = "Riwayat perubahan: \(nama)"
        }
        if req.query[String.self, at: "format"] == "csv" {
            return KinerjaApp.download(
                Data(RiwayatPage.csv(lines).utf8), nama: "riwayat-\(FileName.bersih(pd.kode)).csv", jenis: .csv)
        }
        return KinerjaApp.htmlResponse(
            RiwayatPage.render(lines, judul: judul, pemda: pemda, pd: pd, filter: filter, akun: ctx.akunBar))
    }

    static func pemantauan(_ req: Request, _ ctx: RequestContext) async throws -> PemantauanPage.Model {
        let pemda = try ctx.pemdaWajib()
        let store = KinerjaStore(req.db)
        let years = try await store.tahunData(pemda: pemda.id, perangkatDaerah: nil)
        let tahun =
            try KinerjaApp.queryInt(req, "tahun", range: Batas.tahun) ?? years.realisasiTerakhir ?? years.semua.last
            ?? IndonesianFormat.tahun(req.sekarang)
        return PemantauanPage.Model(
            pemda: pemda, tahun: tahun, pd: try await store.loadOrganisasi(pemda: pemda.id).perangkatDaerah,
            status: try await store.statusAlur(pemda: pemda.id, tahun: tahun),
            jadwal: try await store.jadwal(pemda: pemda.id, tahun: tahun),
            pembukaan: try await store.pembukaan(pemda: pemda.id, tahun: tahun), sekarang: req.sekarang)
    }

    /// Sets a triwulan's window (replacing the one set before).
    static func jadwal(_ req: Request, _ ctx: RequestContext) async throws -> Response {
        try await ubahPemantauan(req, ctx, disimpan: "jadwal") { form, pemda in
            let tahun = try bilangan(form["tahun"], field: "tahun", range: Batas.tahun)
            let triwulan = try bilangan(form["triwulan"], field: "triwulan", range: 1...pemda.jumlahTriwulan)
            let window = try JadwalPelaporan(
                tahun: tahun, triwulan: triwulan, buka: try JadwalPelaporan.hari(form["buka"] ?? "", field: "buka"),
                tutup: try JadwalPelaporan.hari(form["tutup"] ?? "", field: "tutup").addingTimeInterval(86_400))
            try await KinerjaApp.terapkan(
                req, ctx, PerubahanData { $0.jadwal = [window] }, sumber: "halaman pemantauan: jadwal",
                pemda: pemda.id)
            return tahun
        }
    }

    /// Reopens a triwulan for one PD until the end of a day, with a reason.
    static func bukaKembali(_ req: Request, _ ctx: RequestContext) async throws -> Response {
        try await ubahPemantauan(req, ctx, disimpan: "pembukaan") { form, pemda in
            let tahun = try bilangan(form["tahun"], field: "tahun", range: Batas.tahun)
            let triwulan = try bilangan(form["triwulan"], field: "triwulan", range: 1...pemda.jumlahTriwulan)
            let pds = try await KinerjaStore(req.db).loadOrganisasi(pemda: pemda.id).perangkatDaerah
            guard let pd = pds.first(where: { $0.kode == (form["pd"] ?? "") }) else {
                throw DomainError.tidakSah(field: "pd", pesan: "Pilih perangkat daerah.")
            }
            let item = try PembukaanKhusus(
                perangkatDaerah: pd.id, tahun: tahun, triwulan: triwulan,
                sampai: try JadwalPelaporan.hari(form["sampai"] ?? "", field: "sampai").addingTimeInterval(86_400),
                alasan: form["alasan"] ?? "", oleh: ctx.pengguna?.namaPengguna ?? "", waktu: req.sekarang)
            try await KinerjaApp.terapkan(
                req, ctx, PerubahanData { $0.pembukaan = [item] }, sumber: "halaman pemantauan: buka kembali",
                pemda: pemda.id)
            return tahun
        }
    }

    /// An admin change on the monitoring page (`body` returns the year it concerns): back to the page with a
    /// confirmation, or the page again with the domain's message.
    static func ubahPemantauan(
        _ req: Request, _ ctx: RequestContext, disimpan: String,
        _ body: (RawForm, Pemda) async throws -> Int
    ) async throws -> Response {
        let pemda = try ctx.pemdaWajib()
        let form = try RawForm.baca(req)
        do {
            let tahun = try await body(form, pemda)
            return req.redirect(
                to: SiteURL.pemantauan(pemda: pemda.id.uuid).path + "?tahun=\(tahun)&disimpan=\(disimpan)")
        } catch let error as DomainError {
            var model = try await pemantauan(req, ctx)
            model.pesan = (error.pesan, true)
            return KinerjaApp.htmlResponse(PemantauanPage.render(model, akun: ctx.akunBar), status: .badRequest)
        }
    }

    static func bilangan(_ text: String?, field: String, range: ClosedRange<Int>) throws(DomainError) -> Int {
        guard let value = Int((text ?? "").trimmedSpaces()), range.contains(value) else {
            throw .tidakSah(
                field: field, pesan: "Isian \(field) harus bilangan \(range.lowerBound)-\(range.upperBound).")
        }
        return value
    }
}
