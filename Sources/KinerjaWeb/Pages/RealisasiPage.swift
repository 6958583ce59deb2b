import Foundation
import KinerjaDomain

/// The realisasi entry form of one PD and triwulan: every indicator with a target in the year, and realisasi
/// keuangan and fisik of every sub kegiatan.
struct RealisasiPage {
    /// What a form row shows and reads of its indicator. The form keeps its rows for as long as it is cached (forty
    /// of them at the end of a quarter): the whole `Indikator` was 264 bytes a row (issue 14.6).
    struct IndikatorIsian: Hashable, Sendable {
        var id: TypedID<Indikator>
        var nama: String
        var satuan: String
        /// The predicate scale of a qualitative indicator (`Indikator.skala`).
        var skala: String?

        init(_ indikator: Indikator) {
            id = indikator.id
            nama = indikator.nama
            satuan = indikator.satuan
            skala = indikator.skala
        }

        var satuanSah: Set<String> { Indikator.satuanSah(satuan) }
    }

    struct BarisKinerja: Hashable, Sendable {
        var kode: String
        var uraian: String
        var indikator: IndikatorIsian
        var targetTahun: Nilai?
        var targetSampai: Nilai?
        var tersimpan: Tersimpan?
        var capaian: HasilCapaian
        var kategori: KategoriCapaian.Pita?
        var bukti: [InfoBukti]
    }

    /// A sub kegiatan's row: its id, printed code and name (not the whole `ElemenRencana`, 272 bytes).
    struct BarisAnggaran: Hashable, Sendable {
        var elemen: TypedID<ElemenRencana>
        var kode: String
        var uraian: String
        var pagu: Rupiah?
        var tersimpan: TersimpanAnggaran?
        var serapanSampai: Decimal?
    }

    struct Model {
        var pemda: Pemda
        var pd: PerangkatDaerah
        var tahun: Int
        var triwulan: Int
        var tahunTersedia: [Int]
        var kinerja: [BarisKinerja]
        var anggaran: [BarisAnggaran]
        var tanpaTarget: Int
        /// Why this triwulan takes no entries now (submitted, approved, verified, locked, or outside its window);
        /// nil when it does. The form is then shown read-only.
        var terkunci: String? = nil
        /// How many indicators are measured against triwulan targets (rencana aksi) rather than the year's.
        var denganRencanaAksi: Int = 0
        /// The texts of this triwulan's evaluation (form E.81), when written.
        var naratif: EvaluasiNaratif? = nil
        /// The PD's workflow status of the year the form was computed with (`DataKinerja.berlaku`).
        var status: [StatusTersimpan] = []
    }

    /// The names of the evaluation's text fields, in `EvaluasiNaratif.bagian`'s order.
    static let naratifFields = ["pendorong", "penghambat", "tindak_lanjut_triwulan", "tindak_lanjut_renja"]

    /// The form as the cache keeps it, per PD data version: its model (without the lock, which follows the clock)
    /// and its rows rendered for an untouched form (2 000 inputs of the synthetic kabupaten's PD were 80-150 ms a
    /// request). After a save only the rows whose figures changed are rendered again; the others are taken from the
    /// form's previous version (`BarisTersaji`). The user's token and the fieldsets around the rows are per request.
    final class Tersaji: Sendable {
        let model: Model
        let kinerja: BarisTersaji<BarisKinerja>
        let anggaran: BarisTersaji<BarisAnggaran>

        init(_ model: Model, sebelumnya: Tersaji? = nil) {
            self.model = model
            let action = SiteURL.realisasi(pemda: model.pemda.id.uuid, kode: model.pd.kode).path
            // What else a row's HTML reads: the links and field names are made of these.
            let konteks = "\(model.pemda.id.uuid)|\(model.pd.kode)|\(model.tahun)|\(model.triwulan)"
            let untouched = FormState()
            kinerja = BarisTersaji(model.kinerja, konteks: konteks, sebelumnya: sebelumnya?.kinerja) { row, out in
                RealisasiPage.kinerjaRow(row, model, isian: untouched, action: action, &out)
            }
            anggaran = BarisTersaji(model.anggaran, konteks: konteks, sebelumnya: sebelumnya?.anggaran) { row, out in
                RealisasiPage.anggaranRow(row, model, isian: untouched, &out)
            }
        }

        /// Bytes for the cache budget: the rows as kept (compressed) exactly, and `RowBytes.formulir` a row for the
        /// model.
        var ukuran: Int {
            kinerja.bytes + anggaran.bytes + (model.kinerja.count + model.anggaran.count) * RowBytes.formulir + 10_000
        }

        private let bersama = Memo<Bool, SharedHTML>()

        /// The fieldsets of an untouched form, the same for every request (locked or not): their HTML put together
        /// per request from the rows, their gzip kept once made.
        func isian(terkunci: Bool) -> SharedHTML {
            bersama.nilai(terkunci) {
                let model = model
                // Each table's rows go where its fieldset holds a place (a fieldset without rows is not shown).
                let sets = [kinerja.chunks, anggaran.chunks].filter { !$0.isEmpty }
                return SharedHTML(
                    kerangka: {
                        .join(
                            RealisasiPage.isianFieldsets(
                                model, kinerjaRows: [.tempatBagian], anggaranRows: [.tempatBagian], isian: FormState(),
                                disabled: terkunci ? "disabled" : nil))
                    }, baris: sets)
            }
        }
    }

    /// `tersaji`: the cached form, whose fieldsets serve when nothing was typed into them.
    static func render(
        _ model: Model, akun: Layout.Akun, isian: FormState = FormState(), tersaji: Tersaji? = nil
    ) -> String {
        let (page, parts) = halaman(model, akun: akun, isian: isian, tersaji: tersaji)
        return SharedHTML.gabung(page, parts)
    }

    /// The form with the place of its shared part (the cached form's fieldsets, when nothing was typed into them),
    /// and that part: as served.
    static func halaman(
        _ model: Model, akun: Layout.Akun, isian: FormState = FormState(), tersaji: Tersaji? = nil
    ) -> (String, [SharedHTML]) {
        let pemdaID = model.pemda.id.uuid
        let action = SiteURL.realisasi(pemda: pemdaID, kode: model.pd.kode).path
        let tw = PeriodeLaporan.romawi(model.triwulan)
        var content: [HTML] = [
            .el("h1", [], "Realisasi Triwulan \(tw) Tahun \(model.tahun)"),
            .el(
                "p", [("class", "muted")],
                [
                    .el(
                        "a", [("href", SiteURL.perangkatDaerah(pemda: pemdaID, kode: model.pd.kode).path)],
                        model.pd.nama),
                    .text(
                        " · isi realisasi triwulan ini saja (bukan kumulatif); capaian s.d. triwulan dihitung menurut "
                            + "cara agregasi indikator. Angka ditulis cara Indonesia: 1.234,5."),
                ]),
            filter(model, action: action),
            Form.pesan(isian.sukses, galat: false),
            Form.pesan(isian.pesan, galat: true),
        ]
        if let locked = model.terkunci, isian.pesan == nil {
            content.append(
                .el(
                    "div", [("class", "pesan galat"), ("role", "status"), ("id", "terkunci")],
                    locked + " Formulir hanya dapat dibaca."))
        }
        let disabled = model.terkunci == nil ? nil : "disabled"
        if model.kinerja.isEmpty && model.anggaran.isEmpty {
            content.append(.el("p", [], "Tidak ada indikator bertarget pada tahun \(model.tahun)."))
        }
        let parts = tersaji.flatMap { isian.tanpaIsian ? [$0.isian(terkunci: model.terkunci != nil)] : nil } ?? []
        let fields: [HTML] =
            if !parts.isEmpty {
                [.tempatBagian]
            } else {
                isianFieldsets(
                    model, kinerjaRows: model.kinerja.map { kinerjaRow($0, model, isian: isian, action: action) },
                    anggaranRows: model.anggaran.map { anggaranRow($0, model, isian: isian) }, isian: isian,
                    disabled: disabled)
            }
        if !fields.isEmpty {
            content.append(
                Form.post(
                    action + "?tahun=\(model.tahun)&triwulan=\(model.triwulan)", csrf: akun.csrf, multipart: true,
                    fields + [
                        model.terkunci == nil
                            ? .el("p", [], [.el("button", [("type", "submit")], "Simpan realisasi")]) : .empty
                    ]))
        }
        if model.denganRencanaAksi > 0 {
            content.append(
                .el(
                    "p", [("class", "muted"), ("id", "rencana-aksi")],
                    "Target s.d. TW \(tw) dari rencana aksi (target triwulan) untuk \(model.denganRencanaAksi) "
                        + "indikator; yang lain dari target tahun."))
        }
        if model.tanpaTarget > 0 {
            content.append(
                .el(
                    "p", [("class", "muted")],
                    "\(model.tanpaTarget) indikator tidak bertarget pada tahun \(model.tahun) dan tidak ditampilkan."))
        }
        let page = Layout.page(
            title: "Realisasi TW \(tw) \(model.tahun) · \(model.pd.nama)",
            breadcrumbs: [
                ("Beranda", SiteURL.beranda.path),
                (model.pd.nama, SiteURL.perangkatDaerah(pemda: pemdaID, kode: model.pd.kode).path),
                ("Realisasi", nil),
            ], akun: akun, content: content)
        return (page, parts)
    }

    /// The form's fieldsets around its rows: realisasi kinerja with evidence, realisasi keuangan and fisik, the
    /// triwulan's evaluation (read-only when the triwulan is closed).
    static func isianFieldsets(
        _ model: Model, kinerjaRows: [HTML], anggaranRows: [HTML], isian: FormState, disabled: String?
    ) -> [HTML] {
        var fields: [HTML] = []
        let tw = PeriodeLaporan.romawi(model.triwulan)
        if !model.kinerja.isEmpty {
            fields.append(
                .el(
                    "fieldset", [("disabled", disabled)],
                    [
                        .el("legend", [], "Realisasi kinerja"),
                        HTMLTable.kotak(
                            kepala: [
                                "Kode", "Uraian / indikator", "Satuan", "Target tahun",
                                "Target s.d. TW \(tw)", "Realisasi TW \(tw)",
                                "Capaian s.d. TW \(tw)", "Bukti (PDF/JPG/PNG, maks. 5 MB)",
                            ], kinerjaRows, atribut: [("class", "isian")]),
                    ]))
        }
        if !model.anggaran.isEmpty {
            fields.append(
                .el(
                    "fieldset", [("disabled", disabled)],
                    [
                        .el("legend", [], "Realisasi keuangan dan fisik sub kegiatan"),
                        HTMLTable.kotak(
                            kepala: [
                                "Kode", "Sub kegiatan", "Pagu (Rp)",
                                "Realisasi keuangan TW \(tw) (Rp)",
                                "Fisik TW \(tw) (%)", "Serapan s.d. TW \(tw)",
                            ], anggaranRows),
                    ]))
        }
        let texts = model.naratif?.bagian.map(\.teks) ?? Array(repeating: "", count: naratifFields.count)
        let labels = [
            "Faktor pendorong", "Faktor penghambat", "Tindak lanjut triwulan berikutnya",
            "Tindak lanjut Renja berikutnya",
        ]
        fields.append(
            .el(
                "fieldset", [("disabled", disabled)],
                [.el("legend", [], "Evaluasi triwulan \(tw) (form E.81)")]
                    + naratifFields.enumerated().map { index, name in
                        HTML.el(
                            "label", [],
                            [
                                .text(labels[index]),
                                .el("textarea", [("name", name), ("rows", "3")], isian.nilai[name] ?? texts[index]),
                                Form.tersembunyi("awal_" + name, texts[index]),
                                Form.galatIsian(isian.galat[name]),
                            ])
                    }))
        return fields
    }

    /// One row of the form: an indicator's realisasi, its capaian and evidence.
    static func kinerjaRow(_ row: BarisKinerja, _ model: Model, isian: FormState, action: String) -> HTML {
        PenulisHTML.html { kinerjaRow(row, model, isian: isian, action: action, &$0) }
    }

    /// The same, written into bytes (as the form's cached rows are).
    static func kinerjaRow(
        _ row: BarisKinerja, _ model: Model, isian: FormState, action: String, _ out: inout PenulisHTML
    ) {
        let pemdaID = model.pemda.id.uuid
        let key = row.indikator.id.uuid.uuidString.lowercased()
        let name = FormKey.realisasi.awalan + key
        let original = row.tersimpan?.teks ?? ""
        let typed = isian.nilai[name] ?? original
        let error = isian.galat[name] ?? isian.konflik[name]
        let version = isian.versi[name] ?? row.tersimpan?.versi ?? 0
        out.buka("tr")
        out.el("td", ["class": "kode"], row.kode)
        out.buka("td")
        out.el("div", ["class": "muted"], row.uraian)
        out.el("label", ["for": name], row.indikator.nama)
        out.tutup("td")
        out.el("td", [:], row.indikator.satuan)
        out.el("td", ["class": "num"], row.targetTahun?.teks ?? "–")
        out.el("td", ["class": "num"], row.targetSampai?.teks ?? "–")
        out.buka("td")
        out.buka(
            "input",
            [
                "type": "text", "name": name, "id": name, "value": typed, "inputmode": "decimal", "size": "10",
                "autocomplete": "off", "aria-invalid": error == nil ? nil : "true", "aria-describedby": "c." + key,
                "data-capaian": action + "/capaian?indikator=\(key)&tahun=\(model.tahun)&triwulan=\(model.triwulan)",
            ])
        out.tersembunyi(FormKey.versiRealisasi.awalan + key, String(version))
        out.tersembunyi(FormKey.awalRealisasi.awalan + key, original)
        out.galatIsian(error)
        out.tutup("td")
        out.buka("td", ["class": "num", "id": "c." + key, "aria-live": "polite"])
        out.teks(PerangkatDaerahPage.capaianText(row.capaian) + " ")
        if let kategori = row.kategori { PerangkatDaerahPage.badge(kategori, &out) }
        out.tutup("td")
        out.buka("td")
        for item in row.bukti {
            out.buka("div")
            out.el(
                "a", ["href": SiteURL.bukti(pemda: pemdaID, kode: model.pd.kode, bukti: item.id).path], item.namaBerkas)
            out.el(
                "span", ["class": "muted"],
                " (\(IndonesianFormat.number(Decimal(item.ukuran) / 1024, maxFractionDigits: 0)) KB)")
            out.tutup("div")
        }
        out.buka(
            "input",
            [
                "type": "file", "name": FormKey.bukti.awalan + key, "accept": "application/pdf,image/png,image/jpeg",
                "aria-label": "Bukti " + row.indikator.nama,
            ])
        if let galat = isian.galat[FormKey.bukti.awalan + key] { out.el("div", ["class": "galat-isian"], galat) }
        out.tutup("td")
        out.tutup("tr")
    }

    /// One row of the form: a sub kegiatan's realisasi keuangan and fisik.
    static func anggaranRow(_ row: BarisAnggaran, _ model: Model, isian: FormState) -> HTML {
        PenulisHTML.html { anggaranRow(row, model, isian: isian, &$0) }
    }

    /// The same, written into bytes (as the form's cached rows are).
    static func anggaranRow(_ row: BarisAnggaran, _ model: Model, isian: FormState, _ out: inout PenulisHTML) {
        let key = row.elemen.uuid.uuidString.lowercased()
        let keuangan = FormKey.keuangan.awalan + key
        let fisik = FormKey.fisik.awalan + key
        let originalK = row.tersimpan?.keuangan.map { IndonesianFormat.rupiah($0, prefix: false) } ?? ""
        let originalF = row.tersimpan?.fisik.map { IndonesianFormat.number($0) } ?? ""
        let error = isian.galat[keuangan] ?? isian.galat[fisik] ?? isian.konflik[keuangan]
        out.buka("tr")
        out.el("td", ["class": "kode"], row.kode)
        out.buka("td")
        out.el("label", ["for": keuangan], row.uraian)
        out.tutup("td")
        out.el("td", ["class": "num"], row.pagu.map { IndonesianFormat.rupiah($0, prefix: false) } ?? "–")
        out.buka("td")
        out.buka(
            "input",
            [
                "type": "text", "name": keuangan, "id": keuangan, "value": isian.nilai[keuangan] ?? originalK,
                "inputmode": "decimal", "size": "16", "autocomplete": "off",
                "aria-invalid": error == nil ? nil : "true",
            ])
        out.tersembunyi(
            FormKey.versiAnggaran.awalan + key, String(isian.versi[keuangan] ?? row.tersimpan?.versi ?? 0))
        out.tersembunyi(FormKey.awalKeuangan.awalan + key, originalK)
        out.tersembunyi(FormKey.awalFisik.awalan + key, originalF)
        out.galatIsian(error)
        out.tutup("td")
        out.buka("td")
        out.buka(
            "input",
            [
                "type": "text", "name": fisik, "value": isian.nilai[fisik] ?? originalF, "inputmode": "decimal",
                "size": "6", "aria-label": "Fisik (%) " + row.uraian,
            ])
        out.tutup("td")
        out.el("td", ["class": "num"], row.serapanSampai.map { IndonesianFormat.percent($0) } ?? "–")
        out.tutup("tr")
    }

    static func filter(_ model: Model, action: String) -> HTML {
        .el(
            "form", [("class", "filter"), ("method", "get"), ("action", action)],
            [
                Form.select(
                    "Tahun", name: "tahun", options: model.tahunTersedia.map { (String($0), String($0)) },
                    selected: String(model.tahun)),
                Form.select(
                    "Triwulan", name: "triwulan",
                    options: (1...model.pemda.jumlahTriwulan).map {
                        (String($0), "Triwulan " + PeriodeLaporan.romawi($0))
                    },
                    selected: String(model.triwulan)),
                .el("button", [("type", "submit"), ("class", "kedua")], "Buka"),
            ])
    }
}
