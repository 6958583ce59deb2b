import Fluent
import Foundation
import KinerjaApplication
import KinerjaDomain
import KinerjaPersistence
import Vapor

/// The LKjIP of a PD (narrative stored per year through the one write path, under the workflow) and of the Pemda.
enum LKjIPController {
    static func routes(_ app: Application) {
        // Public once the Kepala PD approved the year's LKjIP; before, only for those who read the PD.
        app.route(.GET, SiteURL.Pattern.lkjip, .publik) { req, ctx in
            var isian = FormState()
            if let saved = try KinerjaApp.queryInt(req, "disimpan", range: 0...100) {
                isian.sukses = saved == 0 ? "Tidak ada perubahan." : "Naskah tersimpan: \(saved) bagian berubah."
            }
            return try await respond(req, ctx, try await query(req, ctx), isian: isian)
        }
        app.route(.POST, SiteURL.Pattern.lkjip, .tulisPD) { req, ctx in try await simpan(req, ctx) }
        // The Pemda's LKjIP: the RPJMD's sasaran and the IKU Pemda, the budget per PD; published figures for the
        // public, the working figures for a signed-in reader of the Pemda.
        app.route(.GET, SiteURL.Pattern.lkjipPemda, .publik) { req, ctx in
            let pemda = try ctx.pemdaWajib()
            let store = KinerjaStore(req.db)
            let tahun = try await tahun(req, store, pemda: pemda, pd: nil)
            let tampilan: Tampilan = ctx.pengguna?.pemda == pemda.id ? .kerja : KinerjaApp.tampilan(req)
            let (data, _) = try await LaporanKatalog.muat(
                store, pemda: pemda.id, pd: nil, denganRPJMD: true, tampilan: tampilan)
            let model = LKjIPPage.Model(
                pemda: pemda, pd: nil, lkjip: LKjIP.untukPemda(IndeksKinerja(data), tahun: tahun), naskah: [:],
                bolehSunting: false, terkunci: nil, status: .draf)
            return try await respond(req, ctx, model, isian: FormState())
        }
    }

    static func tahun(
        _ req: Request, _ store: KinerjaStore, pemda: Pemda, pd: PerangkatDaerah?
    ) async throws -> Int {
        if let chosen = try KinerjaApp.queryInt(req, "tahun", range: Batas.tahun) { return chosen }
        let years = try await store.tahunData(pemda: pemda.id, perangkatDaerah: pd?.id)
        // The last year that has realisasi is the one to report; else the last with data.
        return years.realisasiTerakhir ?? years.semua.last ?? IndonesianFormat.tahun(req.sekarang)
    }

    static func query(_ req: Request, _ ctx: RequestContext) async throws -> LKjIPPage.Model {
        let pemda = try ctx.pemdaWajib()
        let pd = try ctx.pdWajib()
        let store = KinerjaStore(req.db)
        let tahun = try await tahun(req, store, pemda: pemda, pd: pd)
        let objek = ObjekAlur(perangkatDaerah: pd.id, jenis: .lkjip, tahun: tahun)
        let status = try await store.statusAlur(pemda: pemda.id, pd: pd.id, tahun: tahun).first { $0.objek == objek }
        let reader = ctx.boleh(.bacaPD)
        if !reader {
            let approved: Set<StatusAlur> = [.disetujui, .diverifikasi, .dikunci]
            guard let status, approved.contains(status.status) else {
                throw DomainError.tidakDitemukan("LKjIP \(tahun) \(pd.nama) yang telah disetujui")
            }
        }
        let (data, _) = try await LaporanKatalog.muat(
            store, pemda: pemda.id, pd: pd.id, tampilan: reader ? .kerja : KinerjaApp.tampilan(req))
        let writer = ctx.boleh(.tulisPD)
        return LKjIPPage.Model(
            pemda: pemda, pd: pd, lkjip: LKjIP.untukPD(IndeksKinerja(data), pd: pd, tahun: tahun),
            naskah: try await store.naskahLKjIP(pemda: pemda.id, pd: pd.id, tahun: tahun), bolehSunting: writer,
            terkunci: writer
                ? try await store.alasanTerkunci(pemda: pemda, pd: pd, objek: objek, sekarang: req.sekarang) : nil,
            status: status?.status ?? .draf)
    }

    static func respond(
        _ req: Request, _ ctx: RequestContext, _ model: LKjIPPage.Model, isian: FormState
    ) async throws -> Response {
        guard req.query[String.self, at: "format"] == "docx" else {
            return KinerjaApp.htmlResponse(LKjIPPage.render(model, akun: ctx.akunBar, isian: isian))
        }
        return KinerjaApp.download(
            try LKjIPPage.docx(model), nama: "lkjip-\(model.pd?.kode ?? "pemda")-\(model.lkjip.tahun).docx",
            jenis: .docx)
    }

    /// The sections that changed from what the form showed, as one change set.
    static func simpan(_ req: Request, _ ctx: RequestContext) async throws -> Response {
        let model = try await query(req, ctx)
        let form = try RawForm.baca(req)
        var change = PerubahanData()
        change.formulirPD = model.pd?.id
        var isian = FormState()
        for bagian in BagianLKjIP.allCases {
            let name = LKjIPPage.field(bagian)
            guard let typed = form[name] else { continue }
            isian.nilai[name] = typed
            // What the form showed: the stored text, else the generated one. Generated text sent back unchanged is
            // not stored, so it keeps following the figures until someone writes his own.
            let shown = model.naskah[bagian] ?? model.lkjip.draf(bagian)
            let normalise = { (text: String) in
                text.replacingOccurrences(of: "\r\n", with: "\n").trimmed()
            }
            guard normalise(typed) != normalise(shown) else { continue }
            do {
                change.naskah.append(
                    try NaskahLKjIP(
                        perangkatDaerah: try ctx.pdWajib().id, tahun: model.lkjip.tahun, bagian: bagian,
                        teks: typed.replacingOccurrences(of: "\r\n", with: "\n")))
            } catch {
                isian.galat[name] = error.pesan
            }
        }
        func again(_ status: HTTPStatus, _ message: String) -> Response {
            isian.pesan = "Belum tersimpan: " + message
            return KinerjaApp.htmlResponse(LKjIPPage.render(model, akun: ctx.akunBar, isian: isian), status: status)
        }
        guard isian.galat.isEmpty else { return again(.badRequest, "\(isian.galat.count) bagian terlalu panjang.") }
        do {
            if !change.naskah.isEmpty {
                _ = try await KinerjaApp.terapkan(
                    req, ctx, change, sumber: "formulir LKjIP", pemda: model.pemda.id)
            }
        } catch let locked as IsianTerkunci {
            return again(.locked, locked.pesan)
        } catch let error as DomainError {
            return again(.badRequest, error.pesan)
        }
        return req.redirect(to: model.url + "?tahun=\(model.lkjip.tahun)&disimpan=\(change.naskah.count)")
    }
}
