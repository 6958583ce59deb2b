import Fluent
import Foundation
import KinerjaDomain
import KinerjaImport
import KinerjaPersistence
import Vapor

/// Upload → preview → apply, for one PD. The uploaded file waits in the database (table `unggahan`), so the
/// apply may be served by another instance.
enum ImporController {
    static func routes(_ app: Application) {
        app.rute(.GET, SiteURL.Pattern.impor, .tulisPD) { req, ctx in
            if let name = req.query[String.self, at: "templat"] {
                guard let jenis = Templat.Jenis(rawValue: name) else {
                    throw DomainError.tidakSah(field: "templat", pesan: "Templat \"\(name)\" tidak dikenal.")
                }
                let data = try Templat.xlsx(jenis, tahun: 2025...2029)
                return KinerjaApp.download(data, nama: "templat-\(jenis.rawValue).xlsx", jenis: .xlsx)
            }
            return KinerjaApp.htmlResponse(
                ImporPage.unggah(pemda: try ctx.pemdaWajib(), pd: try ctx.pdWajib(), akun: ctx.akunBar))
        }
        app.rute(.POST, SiteURL.Pattern.impor, .tulisPD, body: .collect(maxSize: "31mb")) { req, ctx in
            let pemda = try ctx.pemdaWajib()
            let pd = try ctx.pdWajib()
            let form = try FormulirMentah.baca(req)
            guard let file = form.berkas["berkas"], !file.isi.isEmpty else {
                return KinerjaApp.htmlResponse(
                    ImporPage.unggah(pemda: pemda, pd: pd, akun: ctx.akunBar, galat: "Pilih berkas XLSX atau CSV."),
                    status: .badRequest)
            }
            guard let user = ctx.pengguna else { throw Abort(.unauthorized) }
            let store = KinerjaStore(req.db)
            let id = try await store.simpanUnggahan(
                pemda: pemda.id, pd: pd.id, namaBerkas: file.namaBerkas, isi: file.isi, pengguna: user.id)
            let options = "jenis=\(form["jenis"] ?? "otomatis")&dokumen=\(form["dokumen"] ?? "renstra")"
            return req.redirect(
                to: SiteURL.imporTerapkan(pemda: pemda.id.uuid, kode: pd.kode, unggahan: id).path + "?" + options)
        }
        // The preview of an upload (GET, so it can be reloaded), and its apply (POST).
        app.rute(.GET, SiteURL.Pattern.imporTerapkan, .tulisPD) { req, ctx in
            let (pemda, pd, id, name, hasil, preview) = try await pratinjau(req, ctx)
            return KinerjaApp.htmlResponse(
                ImporPage.pratinjau(
                    pemda: pemda, pd: pd, namaBerkas: name, lembar: hasil.lembar.map { "\($0.nama) (\($0.tataLetak))" },
                    preview: preview, unggahan: id, akun: ctx.akunBar),
                status: preview.bisaDiterapkan ? .ok : .unprocessableEntity)
        }
        app.rute(.POST, SiteURL.Pattern.imporTerapkan, .tulisPD) { req, ctx in
            let (pemda, pd, id, _, _, preview) = try await pratinjau(req, ctx)
            guard preview.bisaDiterapkan else {
                throw DomainError.tidakSah(
                    field: "berkas", pesan: "Impor tidak diterapkan: \(preview.galat.count) galat.")
            }
            let store = KinerjaStore(req.db)
            let written = try await store.terapkan(preview.perubahan, pemda: pemda.id)
            try await store.hapusUnggahan(id)
            return req.redirect(
                to: SiteURL.perangkatDaerah(pemda: pemda.id.uuid, kode: pd.kode).path + "?diimpor=\(written)")
        }
    }

    static func pratinjau(
        _ req: Request, _ ctx: Konteks
    ) async throws -> (
        Pemda, PerangkatDaerah, UUID, String, HasilBaca, Pratinjau
    ) {
        let pemda = try ctx.pemdaWajib()
        let pd = try ctx.pdWajib()
        let store = KinerjaStore(req.db)
        guard let id = req.parameters.get("unggahan", as: UUID.self),
            let upload = try await store.unggahan(id, pemda: pemda.id, pd: pd.id)
        else { throw DomainError.tidakDitemukan("Unggahan (mungkin sudah diterapkan atau kedaluwarsa)") }
        guard let jenis = JenisImpor(rawValue: req.query[String.self, at: "jenis"] ?? "otomatis"),
            jenis != .perangkatDaerah
        else { throw DomainError.tidakSah(field: "jenis", pesan: "Jenis impor tidak dikenal.") }
        guard let dokumen = DokumenRencana(rawValue: req.query[String.self, at: "dokumen"] ?? "renstra") else {
            throw DomainError.tidakSah(field: "dokumen", pesan: "Dokumen tidak dikenal.")
        }
        let hasil = Importer.baca(
            upload.isi, namaBerkas: upload.nama, jenis: jenis, dokumen: dokumen, jumlahTriwulan: pemda.jumlahTriwulan)
        let preview = Importer.pratinjau(
            hasil, pd: pd, existing: try await store.muat(pemda: pemda.id, perangkatDaerah: pd.id))
        return (pemda, pd, id, upload.nama, hasil, preview)
    }
}
