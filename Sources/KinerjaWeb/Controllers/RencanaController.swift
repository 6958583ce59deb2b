import Fluent
import Foundation
import KinerjaDomain
import KinerjaPersistence
import Vapor

/// Editing targets and pagu of a PD for a year and document, with the same safety as the realisasi form.
enum RencanaController {
    static func routes(_ app: Application) {
        app.route(.GET, SiteURL.Pattern.rencana, .tulisPD) { req, ctx in
            let model = try await query(req, ctx)
            var isian = FormState()
            if let saved = try KinerjaApp.queryInt(req, "disimpan", range: 0...1_000_000) {
                isian.sukses = saved == 0 ? "Tidak ada perubahan." : "Tersimpan: \(saved) isian berubah."
            }
            switch req.query[String.self, at: "ditambah"] {
            case "elemen": isian.sukses = "Elemen rencana ditambahkan."
            case "indikator": isian.sukses = "Indikator ditambahkan."
            case "revisi": isian.sukses = "Dasar perubahan tersimpan."
            default: break
            }
            return KinerjaApp.htmlResponse(RencanaPage.render(model, akun: ctx.akunBar, isian: isian))
        }
        app.route(.POST, SiteURL.Pattern.rencana, .tulisPD) { req, ctx in try await simpan(req, ctx) }
        app.route(.POST, SiteURL.Pattern.rencanaElemen, .tulisPD) { req, ctx in try await tambahElemen(req, ctx) }
        app.route(.POST, SiteURL.Pattern.rencanaIndikator, .tulisPD) { req, ctx in try await tambahIndikator(req, ctx) }
        app.route(.POST, SiteURL.Pattern.rencanaRevisi, .tulisPD, body: .collect(maxSize: "6mb")) { req, ctx in
            try await simpanRevisi(req, ctx)
        }
        app.route(.GET, SiteURL.Pattern.rencanaRevisiLampiran, .bacaPD) { req, ctx in
            let pemda = try ctx.pemdaWajib()
            let pd = try ctx.pdWajib()
            let tahun = try KinerjaApp.queryInt(req, "tahun", range: Batas.tahun) ?? 0
            let dokumen = DokumenRencana(rawValue: req.query[String.self, at: "dokumen"] ?? "")
            guard
                let item = try await KinerjaStore(req.db).revisi(
                    pemda: pemda.id, pd: pd.id, tahun: tahun, denganLampiran: true
                ).first(where: { $0.dokumen == dokumen }), let file = item.lampiran
            else { throw DomainError.tidakDitemukan("Lampiran") }
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .contentType, value: file.jenis)
            headers.replaceOrAdd(name: .contentDisposition, value: FileName.contentDisposition(file.namaBerkas))
            headers.replaceOrAdd(name: "Content-Security-Policy", value: "sandbox")
            return Response(status: .ok, headers: headers, body: .init(data: file.isi))
        }
    }

    static func query(_ req: Request, _ ctx: RequestContext) async throws -> RencanaPage.Model {
        guard let dokumen = DokumenRencana(rawValue: req.query[String.self, at: "dokumen"] ?? "renja") else {
            throw DomainError.tidakSah(field: "dokumen", pesan: "Dokumen tidak dikenal.")
        }
        return try await RencanaPage.Model.query(
            KinerjaStore(req.db), pemda: try ctx.pemdaWajib(), pd: try ctx.pdWajib(),
            tahun: try KinerjaApp.queryInt(req, "tahun", range: Batas.tahun), dokumen: dokumen)
    }

    /// The plan form as a change set (each entry with the version the form was read at) and what was typed, with
    /// a message on every field that is not a value: callable without HTTP.
    static func perubahan(_ model: RencanaPage.Model, _ form: RawForm, oleh: String) -> (PerubahanData, FormState) {
        var isian = FormState()
        // The form's changes as one change set: each entry with the version the form was read at.
        var change = PerubahanData()
        change.formulirPD = model.pd.id
        change.oleh = oleh
        let periode = PeriodeLaporan(tahun: model.tahun)
        for row in model.baris {
            let label = row.node.kode?.asli ?? row.node.nomor
            for (indikator, _) in row.indikator {
                let key = indikator.id.uuid.uuidString.lowercased()
                guard let typed = form[FormKey.target.awalan + key]?.trimmedSpaces() else {
                    continue
                }
                isian.nilai[FormKey.target.awalan + key] = typed
                guard typed != (form[FormKey.awalTarget.awalan + key] ?? "").trimmedSpaces() else {
                    continue
                }
                do {
                    let parsed = try NilaiParser.parse(
                        typed, desimal: .koma, skala: indikator.skala.flatMap { SkalaPredikat.bawaan[$0] },
                        satuanSah: indikator.satuanSah)
                    let kunci = KunciIsian.target(indikator.id, model.dokumen, periode)
                    change.versiDibaca[kunci] = Int(form[FormKey.versiTarget.awalan + key] ?? "") ?? 0
                    if let value = parsed?.nilai {
                        change.target.append(
                            Target(
                                indikator: indikator.id, dokumen: model.dokumen, periode: periode, nilai: value,
                                teks: typed))
                    } else {
                        change.hapus.append(kunci)
                    }
                } catch {
                    isian.galat[FormKey.target.awalan + key] = "\(label) · \(indikator.nama): \(error.pesan)"
                }
            }
            guard row.node.tingkat == .subKegiatan else { continue }
            let key = row.node.id.uuid.uuidString.lowercased()
            guard let typed = form[FormKey.pagu.awalan + key]?.trimmedSpaces() else { continue }
            isian.nilai[FormKey.pagu.awalan + key] = typed
            guard typed != (form[FormKey.awalPagu.awalan + key] ?? "").trimmedSpaces() else {
                continue
            }
            do {
                let amount = try RealisasiController.rupiah(typed, field: "pagu")
                let kunci = KunciIsian.pagu(row.node.id, model.dokumen, tahun: model.tahun)
                change.versiDibaca[kunci] = Int(form[FormKey.versiPagu.awalan + key] ?? "") ?? 0
                if let amount {
                    // The amount changes; sumber dana, lokasi and keterangan stay as stored.
                    let stored = model.paguTercatat[row.node.id]
                    change.pagu.append(
                        try Pagu(
                            elemen: row.node.id, dokumen: model.dokumen, tahun: model.tahun, jumlah: amount,
                            sumberDana: stored?.sumberDana ?? "", lokasi: stored?.lokasi ?? "",
                            keterangan: stored?.keterangan ?? ""))
                } else {
                    change.hapus.append(kunci)
                }
            } catch {
                isian.galat[FormKey.pagu.awalan + key] = "\(label) · pagu: \(error.pesan)"
            }
        }
        return (change, isian)
    }

    static func simpan(_ req: Request, _ ctx: RequestContext) async throws -> Response {
        let model = try await query(req, ctx)
        let form = try RawForm.baca(req)
        let planned = perubahan(model, form, oleh: ctx.pengguna?.namaPengguna ?? "?")
        let change = planned.0
        var isian = planned.1
        guard isian.galat.isEmpty else {
            isian.pesan = "Belum tersimpan: \(isian.galat.count) isian perlu diperbaiki (ditandai merah)."
            return KinerjaApp.htmlResponse(
                RencanaPage.render(model, akun: ctx.akunBar, isian: isian), status: .badRequest)
        }
        let pemda = try ctx.pemdaWajib()
        let pd = try ctx.pdWajib()
        do {
            let changed = try await KinerjaApp.terapkan(req, ctx, change, sumber: "formulir rencana", pemda: pemda.id)
            return req.redirect(
                to: SiteURL.rencana(pemda: pemda.id.uuid, kode: pd.kode).path
                    + "?tahun=\(model.tahun)&dokumen=\(model.dokumen.rawValue)&disimpan=\(changed)")
        } catch let conflict as KonflikVersi {
            let fresh = try await query(req, ctx)
            isian.catat(conflict) {
                ($0.apa == "pagu" ? FormKey.pagu.awalan : FormKey.target.awalan) + $0.kunci.uuidString.lowercased()
            }
            return KinerjaApp.htmlResponse(
                RencanaPage.render(fresh, akun: ctx.akunBar, isian: isian), status: .conflict)
        } catch let error where FormState.sibuk(error) {
            isian.pesan = FormState.pesanSibuk
            return KinerjaApp.htmlResponse(
                RencanaPage.render(model, akun: ctx.akunBar, isian: isian), status: .serviceUnavailable)
        } catch let locked as IsianTerkunci {
            isian.pesan = "Belum tersimpan: " + locked.pesan
            return KinerjaApp.htmlResponse(RencanaPage.render(model, akun: ctx.akunBar, isian: isian), status: .locked)
        } catch let error as DomainError {
            isian.pesan = "Belum tersimpan: " + error.pesan
            return KinerjaApp.htmlResponse(
                RencanaPage.render(model, akun: ctx.akunBar, isian: isian), status: .badRequest)
        }
    }

    /// Records the basis of the revised document shown (reason, SK number and date, and the SK file when given;
    /// without a new file the one stored is kept).
    static func simpanRevisi(_ req: Request, _ ctx: RequestContext) async throws -> Response {
        let form = try RawForm.baca(req)
        return try await dengan(req, ctx, form, apa: "revisi") { model in
            let pemda = try ctx.pemdaWajib()
            let pd = try ctx.pdWajib()
            var lampiran: RevisiDokumen.Lampiran?
            if let file = form.berkas["lampiran"], !file.isi.isEmpty {
                if let problem = RealisasiController.periksaBukti(file) {
                    throw DomainError.tidakSah(field: "lampiran", pesan: problem)
                }
                lampiran = RevisiDokumen.Lampiran(
                    namaBerkas: FileName.bersih(file.namaBerkas), jenis: RealisasiController.jenis(file.isi),
                    isi: file.isi)
            } else if model.revisi?.lampiran != nil {
                lampiran = try await KinerjaStore(req.db).revisi(
                    pemda: pemda.id, pd: pd.id, tahun: model.tahun, denganLampiran: true
                ).first { $0.dokumen == model.dokumen }?.lampiran
            }
            let item = try RevisiDokumen(
                perangkatDaerah: pd.id, dokumen: model.dokumen, tahun: model.tahun, alasan: form["alasan"] ?? "",
                nomorSK: form["nomor_sk"] ?? "",
                tanggalSK: try JadwalPelaporan.hari(form["tanggal_sk"] ?? "", field: "tanggal_sk"), lampiran: lampiran,
                oleh: ctx.pengguna?.namaPengguna ?? "", waktu: req.sekarang)
            try await KinerjaApp.terapkan(
                req, ctx, PerubahanData { $0.revisi = [item] }, sumber: "formulir rencana: dasar perubahan",
                pemda: pemda.id)
        }
    }

    /// Runs `body`; a domain error re-renders the plan page with what was typed and the message on its field.
    static func dengan(
        _ req: Request, _ ctx: RequestContext, _ form: RawForm, apa: String,
        _ body: (RencanaPage.Model) async throws -> Void
    ) async throws -> Response {
        let model = try await query(req, ctx)
        do {
            try await body(model)
            let pd = try ctx.pdWajib()
            return req.redirect(
                to: SiteURL.rencana(pemda: try ctx.pemdaWajib().id.uuid, kode: pd.kode).path
                    + "?tahun=\(model.tahun)&dokumen=\(model.dokumen.rawValue)&ditambah=\(apa)#struktur")
        } catch let error as DomainError {
            return KinerjaApp.htmlResponse(
                RencanaPage.render(model, akun: ctx.akunBar, isian: FormState(form: form, galat: error)),
                status: error.statusFormulir)
        }
    }

    static func tambahElemen(_ req: Request, _ ctx: RequestContext) async throws -> Response {
        let form = try RawForm.baca(req)
        return try await dengan(req, ctx, form, apa: "elemen") { model in
            let pemda = try ctx.pemdaWajib()
            let pd = try ctx.pdWajib()
            guard let tingkat = Tingkat(rawValue: form["tingkat"] ?? ""), tingkat.isPD else {
                throw DomainError.tidakSah(field: "tingkat", pesan: "Tingkat tidak dikenal.")
            }
            // The parent: one of this PD's elements, or a tujuan/sasaran of the Pemda.
            var induk: TypedID<ElemenRencana>?
            if let raw = form["induk"], !raw.isEmpty {
                guard let id = UUID(uuidString: raw),
                    model.baris.contains(where: { $0.node.id.uuid == id })
                        || model.induk.contains(where: { $0.0 == raw.lowercased() })
                else { throw DomainError.tidakSah(field: "induk", pesan: "Induk bukan elemen perangkat daerah ini.") }
                induk = TypedID(id)
            }
            let kodeText = (form["kode"] ?? "").trimmedSpaces()
            var kode: Kode?
            if !kodeText.isEmpty {
                do { kode = try Kode.parse(kodeText) } catch {
                    throw DomainError.tidakSah(
                        field: "kode", pesan: "Kode \"\(kodeText)\" tidak sah (contoh 06.01.2.01.01).")
                }
            }
            if tingkat.hasKode && kode == nil {
                throw DomainError.tidakSah(field: "kode", pesan: "\(tingkat.labelAwal) memerlukan kode.")
            }
            let node = try ElemenRencana(
                perangkatDaerah: pd.id, induk: induk, tingkat: tingkat, kode: kode,
                uraian: form["uraian"] ?? "", urutan: model.baris.count + 1)
            try await KinerjaApp.terapkan(
                req, ctx, PerubahanData { $0.elemenBaru = [node] }, sumber: "formulir rencana", pemda: pemda.id)
        }
    }

    static func tambahIndikator(_ req: Request, _ ctx: RequestContext) async throws -> Response {
        let form = try RawForm.baca(req)
        return try await dengan(req, ctx, form, apa: "indikator") { model in
            let pemda = try ctx.pemdaWajib()
            guard let raw = form["elemen"], let id = UUID(uuidString: raw),
                let row = model.baris.first(where: { $0.node.id.uuid == id })
            else { throw DomainError.tidakSah(field: "elemen", pesan: "Pilih elemen perangkat daerah ini.") }
            guard let jenis = JenisIndikator(rawValue: form["jenis"] ?? ""),
                let polaritas = Polaritas(rawValue: form["polaritas"] ?? "")
            else { throw DomainError.tidakSah(field: "jenis", pesan: "Jenis atau polaritas tidak dikenal.") }
            let nama = (form["nama"] ?? "").trimmedSpaces()
            let satuan = (form["satuan"] ?? "").trimmedSpaces()
            let indikator = try Indikator(
                elemen: row.node.id, nama: nama, satuan: satuan, jenis: jenis, polaritas: polaritas,
                agregasi: Agregasi.tebakan(nama: nama, satuan: satuan, jenisNilai: .angka),
                urutan: row.indikator.count + 1)
            try await KinerjaApp.terapkan(
                req, ctx, PerubahanData { $0.indikatorBaru = [indikator] }, sumber: "formulir rencana", pemda: pemda.id)
        }
    }
}
