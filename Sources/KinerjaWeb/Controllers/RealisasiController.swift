import Fluent
import Foundation
import KinerjaDomain
import KinerjaPersistence
import Vapor

/// Realisasi entry per PD and triwulan, its live capaian, and the evidence files.
enum RealisasiController {
    /// Evidence: PDF, PNG or JPEG, at most 5 MB each (checked by content, not by name).
    static let batasBukti = 5 * 1024 * 1024

    static func routes(_ app: Application) {
        app.route(.GET, SiteURL.Pattern.realisasi, .tulisPD) { req, ctx in
            let (model, tersaji) = try await RealisasiPage.Model.query(
                req, pemda: try ctx.pemdaWajib(), pd: try ctx.pdWajib(),
                tahun: try KinerjaApp.queryInt(req, "tahun", range: Batas.tahun),
                triwulan: try KinerjaApp.queryInt(req, "triwulan", range: 1...12))
            var isian = FormState()
            if let saved = try KinerjaApp.queryInt(req, "disimpan", range: 0...1_000_000) {
                isian.sukses = saved == 0 ? "Tidak ada perubahan." : "Tersimpan: \(saved) isian berubah."
            }
            let (page, parts) = RealisasiPage.halaman(model, akun: ctx.akunBar, isian: isian, tersaji: tersaji)
            return KinerjaApp.htmlResponse(req, page, bagian: parts)
        }
        app.route(.POST, SiteURL.Pattern.realisasi, .tulisPD, body: .collect(maxSize: "40mb")) { req, ctx in
            try await simpan(req, ctx)
        }
        app.route(.GET, SiteURL.Pattern.realisasi + ["capaian"], .tulisPD) { req, ctx in try await capaian(req, ctx) }
        app.route(.GET, SiteURL.Pattern.bukti, .bacaPD) { req, ctx in
            guard let id = req.parameters.get("bukti", as: UUID.self),
                let file = try await KinerjaStore(req.db).bukti(
                    id, pemda: try ctx.pemdaWajib().id, pd: try ctx.pdWajib().id)
            else { throw DomainError.tidakDitemukan("Bukti") }
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .contentType, value: file.jenis)
            headers.replaceOrAdd(
                name: .contentDisposition, value: FileName.contentDisposition(file.nama, inline: true))
            headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
            headers.replaceOrAdd(name: "Content-Security-Policy", value: "sandbox")
            return Response(status: .ok, headers: headers, body: .init(data: file.isi))
        }
    }

    static func simpan(_ req: Request, _ ctx: RequestContext) async throws -> Response {
        let pemda = try ctx.pemdaWajib()
        let pd = try ctx.pdWajib()
        let form = try RawForm.baca(req)
        let model = try await RealisasiPage.Model.query(
            req, pemda: pemda, pd: pd, tahun: try KinerjaApp.queryInt(req, "tahun", range: Batas.tahun),
            triwulan: try KinerjaApp.queryInt(req, "triwulan", range: 1...12)
        ).model
        let periode = PeriodeLaporan(tahun: model.tahun, triwulan: model.triwulan)
        var isian = FormState()
        // The form's changes as one change set: each entry with the version the form was read at.
        var change = PerubahanData()
        change.formulirPD = pd.id
        change.oleh = ctx.pengguna?.namaPengguna ?? "?"
        bacaKinerja(form, model, periode, into: &change, &isian)
        bacaAnggaran(form, model, periode, into: &change, &isian)
        bacaNaratif(form, model, into: &change, &isian)
        guard isian.galat.isEmpty else {
            isian.pesan =
                "Belum tersimpan: \(isian.galat.count) isian perlu diperbaiki (ditandai merah). Isian lain tetap seperti yang Anda ketik."
            return KinerjaApp.htmlResponse(
                RealisasiPage.render(model, akun: ctx.akunBar, isian: isian), status: .badRequest)
        }
        do {
            let changed = try await KinerjaApp.terapkan(req, ctx, change, sumber: "formulir realisasi", pemda: pemda.id)
            return req.redirect(
                to: SiteURL.realisasi(pemda: pemda.id.uuid, kode: pd.kode).path
                    + "?tahun=\(model.tahun)&triwulan=\(model.triwulan)&disimpan=\(changed)")
        } catch let conflict as KonflikVersi {
            // Show both values; the form now carries the stored versions, so saving again overwrites deliberately.
            let fresh = try await RealisasiPage.Model.query(
                req, pemda: pemda, pd: pd, tahun: model.tahun, triwulan: model.triwulan
            ).model
            isian.catat(conflict) {
                ($0.apa == "realisasi" ? FormKey.realisasi.awalan : FormKey.keuangan.awalan)
                    + $0.kunci.uuidString.lowercased()
            }
            return KinerjaApp.htmlResponse(
                RealisasiPage.render(fresh, akun: ctx.akunBar, isian: isian), status: .conflict)
        } catch let error where FormState.sibuk(error) {
            // Too many saves at once: nothing was written; the page keeps everything typed (files must be chosen
            // again: no browser keeps a file input).
            isian.pesan = FormState.pesanSibuk
            return KinerjaApp.htmlResponse(
                RealisasiPage.render(model, akun: ctx.akunBar, isian: isian), status: .serviceUnavailable)
        } catch let error as DomainError {
            isian.pesan = "Belum tersimpan: " + error.pesan
            return KinerjaApp.htmlResponse(
                RealisasiPage.render(model, akun: ctx.akunBar, isian: isian), status: .badRequest)
        } catch let locked as IsianTerkunci {
            // Submitted, approved, verified, locked or outside its window: the page keeps what was typed.
            isian.pesan = "Belum tersimpan: " + locked.pesan
            return KinerjaApp.htmlResponse(
                RealisasiPage.render(model, akun: ctx.akunBar, isian: isian), status: .locked)
        }
    }

    /// The evaluation's texts: one entry when any of them changed.
    static func bacaNaratif(
        _ form: RawForm, _ model: RealisasiPage.Model, into change: inout PerubahanData, _ isian: inout FormState
    ) {
        let typed = RealisasiPage.naratifFields.map { (form[$0] ?? "").trimmed() }
        for (name, text) in zip(RealisasiPage.naratifFields, typed) { isian.nilai[name] = text }
        let unchanged = zip(RealisasiPage.naratifFields, typed).allSatisfy { name, text in
            text == (form["awal_" + name] ?? "").trimmed()
        }
        guard !unchanged else { return }
        do {
            change.naratif = [
                try EvaluasiNaratif(
                    perangkatDaerah: model.pd.id, tahun: model.tahun, triwulan: model.triwulan, pendorong: typed[0],
                    penghambat: typed[1], tindakLanjutTriwulan: typed[2], tindakLanjutRenja: typed[3])
            ]
        } catch {
            isian.galat[error.field ?? "pendorong"] = error.pesan
        }
    }

    /// The form's realisasi kinerja and evidence files: changed values into the change set, each with the version
    /// it was read at; a value that does not parse is a field error naming the indicator.
    static func bacaKinerja(
        _ form: RawForm, _ model: RealisasiPage.Model, _ periode: PeriodeLaporan, into change: inout PerubahanData,
        _ isian: inout FormState
    ) {
        for row in model.kinerja {
            let key = row.indikator.id.uuid.uuidString.lowercased()
            if let file = form.berkas[FormKey.bukti.awalan + key], !file.isi.isEmpty {
                if let problem = periksaBukti(file) {
                    isian.galat[FormKey.bukti.awalan + key] = problem
                } else {
                    change.bukti.append(
                        BerkasBukti(
                            indikator: row.indikator.id, periode: periode,
                            namaBerkas: FileName.bersih(file.namaBerkas), jenis: jenis(file.isi), isi: file.isi))
                }
            }
            guard let typed = form[FormKey.realisasi.awalan + key] else { continue }
            let text = typed.trimmedSpaces()
            isian.nilai[FormKey.realisasi.awalan + key] = text
            guard text != (form[FormKey.awalRealisasi.awalan + key] ?? "").trimmedSpaces() else {
                continue
            }
            let version = Int(form[FormKey.versiRealisasi.awalan + key] ?? "") ?? 0
            do {
                let parsed = try NilaiParser.parse(
                    text, desimal: .koma, skala: row.indikator.skala.flatMap { SkalaPredikat.bawaan[$0] },
                    satuanSah: row.indikator.satuanSah)
                let kunci = KunciIsian.realisasi(row.indikator.id, periode)
                change.versiDibaca[kunci] = version
                if let value = parsed?.nilai {
                    change.realisasi.append(
                        try RealisasiKinerja(indikator: row.indikator.id, periode: periode, nilai: value, teks: text))
                } else {
                    change.hapus.append(kunci)
                }
            } catch {
                isian.galat[FormKey.realisasi.awalan + key] = "\(row.kode) · \(row.indikator.nama): \(error.pesan)"
            }
        }
    }

    /// The form's realisasi keuangan and fisik of the sub kegiatan, checked by the domain's rules.
    static func bacaAnggaran(
        _ form: RawForm, _ model: RealisasiPage.Model, _ periode: PeriodeLaporan, into change: inout PerubahanData,
        _ isian: inout FormState
    ) {
        for row in model.anggaran {
            let key = row.elemen.uuid.uuidString.lowercased()
            let keuanganText = (form[FormKey.keuangan.awalan + key] ?? "").trimmedSpaces()
            let fisikText = (form[FormKey.fisik.awalan + key] ?? "").trimmedSpaces()
            isian.nilai[FormKey.keuangan.awalan + key] = keuanganText
            isian.nilai[FormKey.fisik.awalan + key] = fisikText
            let unchanged =
                keuanganText == (form[FormKey.awalKeuangan.awalan + key] ?? "").trimmedSpaces()
                && fisikText == (form[FormKey.awalFisik.awalan + key] ?? "").trimmedSpaces()
            if unchanged || (form[FormKey.keuangan.awalan + key] == nil && form[FormKey.fisik.awalan + key] == nil) {
                continue
            }
            let label = "\(row.kode) · \(row.uraian)"
            var keuangan: Rupiah?
            var fisik: Decimal?
            do {
                keuangan = try rupiah(keuanganText, field: "realisasi_keuangan")
            } catch {
                isian.galat[FormKey.keuangan.awalan + key] = "\(label): realisasi keuangan \(error.pesan)"
            }
            do {
                fisik = try angka(fisikText)
            } catch {
                isian.galat[FormKey.fisik.awalan + key] = "\(label): fisik \(error.pesan)"
            }
            guard isian.galat[FormKey.keuangan.awalan + key] == nil && isian.galat[FormKey.fisik.awalan + key] == nil
            else { continue }
            let kunci = KunciIsian.anggaran(row.elemen, periode)
            change.versiDibaca[kunci] = Int(form[FormKey.versiAnggaran.awalan + key] ?? "") ?? 0
            guard keuangan != nil || fisik != nil else {
                change.hapus.append(kunci)
                continue
            }
            do {
                // The domain's rules (money never negative, fisik 0-100) with the domain's message.
                change.anggaran.append(
                    try RealisasiAnggaran(elemen: row.elemen, periode: periode, keuangan: keuangan, fisik: fisik))
            } catch {
                isian.galat[(error.field == "fisik" ? FormKey.fisik.awalan : FormKey.keuangan.awalan) + key] =
                    "\(label): \(error.pesan)"
            }
        }
    }

    /// An Indonesian number as typed in a form ("1.234,5"): a dot groups thousands, a comma marks decimals.
    static func angka(_ text: String) throws(DomainError) -> Decimal? {
        // Read exactly: no space of any kind inside the number, at most 18 digits.
        let inner = text.trimmedSpaces()
        guard !inner.contains(where: \.isWhitespace), inner.filter(\.isNumber).count <= 18 else {
            throw .tidakSah(field: "angka", pesan: "\"\(String(text.prefix(60)))\" bukan angka (contoh 1.234.567,89).")
        }
        let reading: AngkaIndonesia.Hasil
        do { reading = try AngkaIndonesia.baca(text) } catch {
            throw .tidakSah(field: "angka", pesan: "\"\(text)\" bukan angka (contoh 1.234.567,89).")
        }
        return reading.nilai(desimal: .koma)
    }

    /// Rupiah as typed ("1.234.567,89"): at most two decimals, never negative; empty is nil.
    static func rupiah(_ text: String, field: String) throws(DomainError) -> Rupiah? {
        guard let value = try angka(text) else { return nil }
        guard let money = Rupiah(exactly: value), money.sen >= 0 else {
            throw .tidakSah(field: field, pesan: "Rupiah tidak sah (paling banyak 2 angka desimal, tidak negatif).")
        }
        return money
    }

    static func periksaBukti(_ file: RawForm.Berkas) -> String? {
        if file.isi.count > batasBukti {
            return "Berkas \(file.namaBerkas) lebih dari 5 MB."
        }
        if jenis(file.isi) == "application/octet-stream" {
            return "Berkas \(file.namaBerkas) bukan PDF, PNG, atau JPEG."
        }
        return nil
    }

    /// The content type read from the file's first bytes.
    static func jenis(_ data: Data) -> String {
        let head = [UInt8](data.prefix(8))
        if head.starts(with: [0x25, 0x50, 0x44, 0x46]) { return "application/pdf" }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        return "application/octet-stream"
    }

    struct CapaianJSON: Content {
        var capaian: String
        var kategori: String?
        var warna: String?
        var warnaTeks: String?
        var galat: String?
    }

    /// The capaian as the user types: the same calculation as the tables, with the typed value in place of the
    /// triwulan's stored one.
    static func capaian(_ req: Request, _ ctx: RequestContext) async throws -> Response {
        let pemda = try ctx.pemdaWajib()
        let pd = try ctx.pdWajib()
        guard let id = req.query[UUID.self, at: "indikator"] else {
            throw DomainError.tidakSah(field: "indikator", pesan: "Indikator wajib diisi.")
        }
        guard let tahun = try KinerjaApp.queryInt(req, "tahun", range: Batas.tahun),
            let triwulan = try KinerjaApp.queryInt(req, "triwulan", range: 1...pemda.jumlahTriwulan)
        else { throw DomainError.tidakSah(field: "tahun", pesan: "Tahun dan triwulan wajib diisi.") }
        // Asked on every pause in typing: the PD's year is loaded once per data version, not per keystroke.
        let index = try await req.turunan(
            ["indeks", pd.kode, String(tahun)], pemda: pemda.id, pd: pd.id,
            ukuran: \.ukuranTembolok
        ) { IndeksKinerja(try await req.store.load(pemda: pemda.id, perangkatDaerah: pd.id, tahun: tahun)) }
        let data = index.data
        guard let indikator = data.indikator.first(where: { $0.id.uuid == id }) else {
            throw DomainError.tidakDitemukan("Indikator")
        }
        let text = req.query[String.self, at: "nilai"] ?? ""
        var result = CapaianJSON(capaian: "–")
        do {
            let parsed = try NilaiParser.parse(
                text, desimal: .koma, skala: indikator.skala.flatMap { SkalaPredikat.bawaan[$0] },
                satuanSah: indikator.satuanSah)
            let hasil = index.riwayat(indikator)
                .dengan(realisasi: parsed?.nilai, pada: PeriodeLaporan(tahun: tahun, triwulan: triwulan))
                .hitung(tahun: tahun, sampai: triwulan, indikator: indikator, kebijakan: data.pemda.kebijakan)
            result.capaian = PerangkatDaerahPage.capaianText(hasil.capaian)
            result.kategori = hasil.kategori?.label
            result.warna = hasil.kategori?.warna
            result.warnaTeks = hasil.kategori.map { PerangkatDaerahPage.warnaTeks($0.warna) }
        } catch {
            result.galat = error.pesan
        }
        return try await result.encodeResponse(for: req)
    }
}
