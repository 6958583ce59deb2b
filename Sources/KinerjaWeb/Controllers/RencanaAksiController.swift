import Fluent
import Foundation
import KinerjaDomain
import KinerjaPersistence
import Vapor

/// The rencana aksi form: a PD's PK targets per triwulan, saved as one change set with versions; rows whose
/// quarters do not agree with the year are refused naming the indicator.
enum RencanaAksiController {
    static func routes(_ app: Application) {
        app.route(.GET, SiteURL.Pattern.rencanaAksi, .tulisPD) { req, ctx in
            var isian = FormState()
            if let saved = try KinerjaApp.queryInt(req, "disimpan", range: 0...1_000_000) {
                isian.sukses = saved == 0 ? "Tidak ada perubahan." : "Tersimpan: \(saved) isian berubah."
            }
            return KinerjaApp.htmlResponse(
                RencanaAksiPage.render(try await query(req, ctx), akun: ctx.akunBar, isian: isian))
        }
        app.route(.POST, SiteURL.Pattern.rencanaAksi, .tulisPD) { req, ctx in try await simpan(req, ctx) }
    }

    static func query(_ req: Request, _ ctx: RequestContext) async throws -> RencanaAksiPage.Model {
        try await RencanaAksiPage.Model.query(
            KinerjaStore(req.db), pemda: try ctx.pemdaWajib(), pd: try ctx.pdWajib(),
            tahun: try KinerjaApp.queryInt(req, "tahun", range: Batas.tahun), sekarang: req.sekarang)
    }

    /// The changed quarters as a change set, and the form state (typed values, field errors).
    static func perubahan(_ model: RencanaAksiPage.Model, _ form: RawForm) -> (PerubahanData, FormState) {
        var isian = FormState()
        var change = PerubahanData()
        change.formulirPD = model.pd.id
        for row in model.baris {
            var quarters = row.triwulan.map(\.nilai)
            for quarter in 1...row.triwulan.count {
                let key = RencanaAksiPage.key(quarter, row.indikator)
                guard let typed = form[FormKey.aksi(key)]?.trimmedSpaces() else { continue }
                isian.nilai[FormKey.aksi(key)] = typed
                guard typed != (form[FormKey.awalAksi(key)] ?? "").trimmedSpaces() else {
                    continue
                }
                let periode = PeriodeLaporan(tahun: model.tahun, triwulan: quarter)
                let kunci = KunciIsian.target(row.indikator.id, .perjanjianKinerja, periode)
                change.versiDibaca[kunci] = Int(form[FormKey.versiAksi(key)] ?? "") ?? 0
                do {
                    let parsed = try NilaiParser.parse(
                        typed, desimal: .koma, skala: row.indikator.skala.flatMap { SkalaPredikat.bawaan[$0] },
                        satuanSah: row.indikator.satuanSah)
                    quarters[quarter - 1] = parsed?.nilai
                    if let value = parsed?.nilai {
                        change.target.append(
                            Target(
                                indikator: row.indikator.id, dokumen: .perjanjianKinerja, periode: periode,
                                nilai: value,
                                teks: typed))
                    } else {
                        change.hapus.append(kunci)
                    }
                } catch {
                    isian.galat[FormKey.aksi(key)] = "\(row.kode) · \(row.indikator.nama): \(error.pesan)"
                }
            }
            if let problem = RencanaAksi.periksa(row.indikator, tahun: row.targetTahun, triwulan: quarters) {
                isian.galat[FormKey.aksi(RencanaAksiPage.key(row.triwulan.count, row.indikator))] = problem
            }
        }
        return (change, isian)
    }

    static func simpan(_ req: Request, _ ctx: RequestContext) async throws -> Response {
        let model = try await query(req, ctx)
        let (change, planned) = perubahan(model, try RawForm.baca(req))
        var isian = planned
        func again(_ status: HTTPStatus, _ page: RencanaAksiPage.Model) -> Response {
            KinerjaApp.htmlResponse(RencanaAksiPage.render(page, akun: ctx.akunBar, isian: isian), status: status)
        }
        guard isian.galat.isEmpty else {
            isian.pesan = "Belum tersimpan: \(isian.galat.count) baris perlu diperbaiki (ditandai merah)."
            return again(.badRequest, model)
        }
        do {
            let changed = try await KinerjaApp.terapkan(
                req, ctx, change, sumber: "formulir rencana aksi", pemda: try ctx.pemdaWajib().id)
            return req.redirect(
                to: SiteURL.rencanaAksi(pemda: model.pemda.id.uuid, kode: model.pd.kode).path
                    + "?tahun=\(model.tahun)&disimpan=\(changed)")
        } catch let conflict as KonflikVersi {
            isian.catat(conflict) { FormKey.aksi("1." + $0.kunci.uuidString.lowercased()) }
            return again(.conflict, try await query(req, ctx))
        } catch let locked as IsianTerkunci {
            isian.pesan = "Belum tersimpan: " + locked.pesan
            return again(.locked, model)
        } catch let error as DomainError {
            isian.pesan = "Belum tersimpan: " + error.pesan
            return again(.badRequest, model)
        }
    }
}
