import Fluent
import Foundation
import KinerjaApplication
import KinerjaDomain
import KinerjaImport
import KinerjaPersistence
import KinerjaSpreadsheet
import Vapor

/// Upload → preview → apply, for one PD. The uploaded file waits in the database (table `unggahan`), so the
/// apply may be served by another instance.
enum ImporController {
    static func routes(_ app: Application) {
        app.route(.GET, SiteURL.Pattern.impor, .tulisPD) { req, ctx in
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
        app.route(.POST, SiteURL.Pattern.impor, .tulisPD, body: .collect(maxSize: "31mb")) { req, ctx in
            let pemda = try ctx.pemdaWajib()
            let pd = try ctx.pdWajib()
            let form = try RawForm.baca(req)
            guard let file = form.berkas["berkas"], !file.isi.isEmpty else {
                return KinerjaApp.htmlResponse(
                    ImporPage.unggah(pemda: pemda, pd: pd, akun: ctx.akunBar, galat: "Pilih berkas XLSX atau CSV."),
                    status: .badRequest)
            }
            guard let jenis = JenisImpor(rawValue: form["jenis"] ?? "otomatis"), jenis != .perangkatDaerah else {
                throw DomainError.tidakSah(field: "jenis", pesan: "Jenis impor tidak dikenal.")
            }
            guard let dokumen = DokumenRencana(rawValue: form["dokumen"] ?? "renstra") else {
                throw DomainError.tidakSah(field: "dokumen", pesan: "Dokumen tidak dikenal.")
            }
            guard let user = ctx.pengguna else { throw Abort(.unauthorized) }
            let name = FileName.bersih(file.namaBerkas)
            // The plan is computed once, here, and kept with the upload: the preview page shows it and the apply
            // writes exactly it (the form carries nothing but the upload's id).
            let (versi, tersimpan) = try await hitung(
                req, pemda: pemda, pd: pd, isi: file.isi, namaBerkas: name, jenis: jenis, dokumen: dokumen)
            let upload = KinerjaStore.Unggahan(
                namaBerkas: name, isi: file.isi, jenis: jenis.rawValue, dokumen: dokumen.rawValue, versiData: versi,
                pratinjau: try tersimpan.kode())
            try await KinerjaStore(req.db).saveUnggahan(upload, pemda: pemda.id, pd: pd.id, pengguna: user.id)
            return req.redirect(
                to: SiteURL.imporTerapkan(pemda: pemda.id.uuid, kode: pd.kode, unggahan: upload.id).path)
        }
        // The preview of an upload (GET, so it can be reloaded: it is read, not computed again), and its apply.
        app.route(.GET, SiteURL.Pattern.imporTerapkan, .tulisPD) { req, ctx in
            let (upload, tersimpan) = try await load(req, ctx)
            return halaman(ctx, upload: upload, tersimpan, status: nil)
        }
        app.route(.POST, SiteURL.Pattern.imporPeta, .tulisPD) { req, ctx in try await petakan(req, ctx) }
        app.route(.POST, SiteURL.Pattern.imporTerapkan, .tulisPD) { req, ctx in
            let pemda = try ctx.pemdaWajib()
            let pd = try ctx.pdWajib()
            let (upload, tersimpan) = try await load(req, ctx)
            let store = KinerjaStore(req.db)
            do {
                let start = ContinuousClock.now
                let written = try await ImporBerkas.terapkan(
                    store, pemda: pemda.id, tersimpan.pratinjau, versiPratinjau: upload.versiData,
                    unggahan: upload.id, oleh: ctx.pengguna?.namaPengguna ?? "",
                    sumber: "impor \(upload.namaBerkas)", sekarang: req.sekarang)
                req.application.metrik?.impor(durasi: ContinuousClock.now - start, baris: written)
                return req.redirect(
                    to: SiteURL.perangkatDaerah(pemda: pemda.id.uuid, kode: pd.kode).path + "?diimpor=\(written)")
            } catch is DataBerubah {
                // Someone saved in this Pemda since the preview: nothing was written. The preview is computed again
                // against today's data and shown, to be checked and applied again.
                let (updated, fresh) = try await hitungUlang(req, pemda: pemda, pd: pd, upload)
                return halaman(ctx, upload: updated, fresh, status: .conflict)
            }
        }
    }

    /// The mapping step: the user says what each column of an unrecognised sheet holds. The mapping is saved for
    /// the Pemda (the same layout imports directly next time) and the preview computed again with it.
    static func petakan(_ req: Request, _ ctx: RequestContext) async throws -> Response {
        let pemda = try ctx.pemdaWajib()
        let pd = try ctx.pdWajib()
        let (upload, tersimpan) = try await load(req, ctx)
        let form = try RawForm.baca(req)
        guard let tanda = form["tanda"], tersimpan.tidakDikenali.contains(where: { $0.tanda == tanda }) else {
            throw DomainError.tidakSah(field: "tanda", pesan: "Lembar yang dipetakan tidak ada pada unggahan ini.")
        }
        var kolom: [Int: String] = [:]
        for (name, value) in form.isian where name.hasPrefix(FormKey.kolomPeta.awalan) && !value.isEmpty {
            guard let index = Int(name.dropFirst(FormKey.kolomPeta.awalan.count)), (0..<CSV.kolomMaks).contains(index)
            else { continue }
            kolom[index] = value
        }
        let mapping = PetaLembar(
            tanda: tanda, jenis: form["jenis"] ?? "rencana", kolom: kolom,
            tahun: form["tahun"].flatMap { Int($0) }, triwulan: form["triwulan"].flatMap { Int($0) })
        do {
            try mapping.periksa()
        } catch {
            return halaman(ctx, upload: upload, tersimpan, status: .badRequest, galatPeta: error.pesan)
        }
        try await KinerjaStore(req.db).savePetaKolom(
            pemda: pemda.id, tanda: tanda, isi: try JSONEncoder().encode(mapping))
        _ = try await hitungUlang(req, pemda: pemda, pd: pd, upload)
        return req.redirect(to: SiteURL.imporTerapkan(pemda: pemda.id.uuid, kode: pd.kode, unggahan: upload.id).path)
    }

    /// What the preview showed, kept with the upload.
    struct PratinjauTersimpan: Codable, Sendable {
        var lembar: [String]
        var pratinjau: Pratinjau
        /// Sheets no layout recognised: the mapping step.
        var tidakDikenali: [LembarTidakDikenali]

        func kode() throws -> Data { try JSONEncoder().encode(self) }
        static func baca(_ data: Data) throws -> PratinjauTersimpan {
            try JSONDecoder().decode(PratinjauTersimpan.self, from: data)
        }
    }

    /// Reads the file and plans the import against the PD's stored data, as one bounded heavy computation. The
    /// data version is read before the data, so a write in between makes the apply refuse rather than miss it.
    static func hitung(
        _ req: Request, pemda: Pemda, pd: PerangkatDaerah, isi: Data, namaBerkas: String, jenis: JenisImpor,
        dokumen: DokumenRencana
    ) async throws -> (Int64, PratinjauTersimpan) {
        let store = KinerjaStore(req.db)
        return try await req.application.heavyWork.dengan(batas: HeavyWork.batasTunggu, galat: ServerBusy()) {
            let plan = try await ImporBerkas.rencanakan(
                store, pemda: pemda, pd: pd, isi: isi, namaBerkas: namaBerkas, jenis: jenis, dokumen: dokumen)
            return (
                plan.versiData,
                PratinjauTersimpan(
                    lembar: plan.lembar, pratinjau: plan.pratinjau, tidakDikenali: plan.hasil.tidakDikenali)
            )
        }
    }

    static func load(_ req: Request, _ ctx: RequestContext) async throws -> (KinerjaStore.Unggahan, PratinjauTersimpan)
    {
        let pemda = try ctx.pemdaWajib()
        let pd = try ctx.pdWajib()
        guard let id = req.parameters.get("unggahan", as: UUID.self),
            let upload = try await KinerjaStore(req.db).unggahan(id, pemda: pemda.id, pd: pd.id)
        else { throw DomainError.tidakDitemukan("Unggahan (mungkin sudah diterapkan atau kedaluwarsa)") }
        if let stored = try? PratinjauTersimpan.baca(upload.pratinjau) { return (upload, stored) }
        // A preview stored by an earlier version of Kinerja: computed again, with today's data version.
        return try await hitungUlang(req, pemda: pemda, pd: pd, upload)
    }

    /// The upload's preview computed again against today's data (and the Pemda's saved mappings), with the options
    /// it was uploaded with, and kept with it.
    static func hitungUlang(
        _ req: Request, pemda: Pemda, pd: PerangkatDaerah, _ upload: KinerjaStore.Unggahan
    ) async throws -> (KinerjaStore.Unggahan, PratinjauTersimpan) {
        guard let jenis = JenisImpor(rawValue: upload.jenis), let dokumen = DokumenRencana(rawValue: upload.dokumen)
        else { throw DomainError.tidakSah(field: "jenis", pesan: "Jenis impor tidak dikenal.") }
        let (versi, fresh) = try await hitung(
            req, pemda: pemda, pd: pd, isi: upload.isi, namaBerkas: upload.namaBerkas, jenis: jenis, dokumen: dokumen)
        try await KinerjaStore(req.db).updatePratinjau(upload.id, versiData: versi, pratinjau: try fresh.kode())
        var updated = upload
        updated.versiData = versi
        return (updated, fresh)
    }

    static func halaman(
        _ ctx: RequestContext, upload: KinerjaStore.Unggahan, _ tersimpan: PratinjauTersimpan, status: HTTPStatus?,
        galatPeta: String? = nil
    ) -> Response {
        let preview = tersimpan.pratinjau
        let html = ImporPage.pratinjau(
            pemda: ctx.pemda!, pd: ctx.pd!, namaBerkas: upload.namaBerkas, lembar: tersimpan.lembar,
            preview: preview, unggahan: upload.id,
            rencana: ImporPage.Rencana(jenis: upload.jenis, dokumen: upload.dokumen),
            berubah: status == .conflict, tidakDikenali: tersimpan.tidakDikenali, galatPeta: galatPeta,
            akun: ctx.akunBar)
        return KinerjaApp.htmlResponse(html, status: status ?? (preview.bisaDiterapkan ? .ok : .unprocessableEntity))
    }
}
