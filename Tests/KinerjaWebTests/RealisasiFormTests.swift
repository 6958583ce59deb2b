import Fluent
import Foundation
import KinerjaDomain
import KinerjaPersistence
import Testing
import Vapor
import VaporTesting

@testable import KinerjaWeb

/// The realisasi entry form as an operator uses it.
@Suite("Formulir realisasi")
struct RealisasiFormTests {
    struct Formulir {
        var path: String
        var html: String
        /// The first indicator input's key (`<uuid>` of `r.<uuid>`).
        var kunci: String
        /// The first sub kegiatan's key (`k.<uuid>`).
        var kunciAnggaran: String?

        /// The form's fields as the browser would send them, with changes.
        func isian(_ changes: [String: String]) -> [String: String] {
            var fields: [String: String] = [:]
            for prefix in [FormKey.versiRealisasi.awalan, FormKey.awalRealisasi.awalan] {
                fields[prefix + kunci] = nilaiInput(html, name: prefix + kunci) ?? ""
            }
            fields[FormKey.realisasi.awalan + kunci] = nilaiInput(html, name: FormKey.realisasi.awalan + kunci) ?? ""
            if let key = kunciAnggaran {
                for prefix in [
                    FormKey.keuangan.awalan, FormKey.fisik.awalan, FormKey.versiAnggaran.awalan,
                    FormKey.awalKeuangan.awalan, FormKey.awalFisik.awalan,
                ] {
                    fields[prefix + key] = nilaiInput(html, name: prefix + key) ?? ""
                }
            }
            return fields.merging(changes) { $1 }
        }
    }

    static func buka(
        _ app: Application, _ browser: Peramban, tahun: Int = 2024, triwulan: Int = 1
    ) async throws
        -> Formulir
    {
        let path = try await pdPath(app, kode: "DINSOS") + "/realisasi?tahun=\(tahun)&triwulan=\(triwulan)"
        var html = ""
        try await browser.buka(app, path) { res in
            #expect(res.status == .ok)
            html = res.body.string
        }
        func firstKey(_ prefix: String) -> String? {
            guard let range = html.range(of: "name=\"\(prefix)") else { return nil }
            return String(html[range.upperBound...].prefix(36))
        }
        return Formulir(
            path: path, html: html, kunci: try #require(firstKey(FormKey.realisasi.awalan)),
            kunciAnggaran: firstKey(FormKey.keuangan.awalan))
    }

    @Test func savedValueShowsOnTheFormAndInTheTables() async throws {
        try await withDemoApp { app in
            // setup
            let op = try await Peramban.masuk(app, "operator")
            let form = try await Self.buka(app, op)
            let money = try #require(form.kunciAnggaran)
            // MUT
            try await op.kirim(
                app, form.path,
                form.isian([
                    FormKey.realisasi.awalan + form.kunci: "12,5", FormKey.keuangan.awalan + money: "1.234.567,89",
                    FormKey.fisik.awalan + money: "40",
                ])
            ) { res in
                // validate
                #expect(res.status == .seeOther, "\(res.body.string.prefix(2000))")
                #expect(res.headers.first(name: .location)?.contains("disimpan=2") == true)
            }
            let again = try await Self.buka(app, op)
            #expect(nilaiInput(again.html, name: FormKey.realisasi.awalan + form.kunci) == "12,5")
            #expect(nilaiInput(again.html, name: FormKey.versiRealisasi.awalan + form.kunci) == "1")
            #expect(nilaiInput(again.html, name: FormKey.keuangan.awalan + money) == "1.234.567,89")
            // The PD page (s.d. TW I 2024) shows the realisasi keuangan.
            try await op.buka(app, try await pdPath(app, kode: "DINSOS") + "?tahun=2024&triwulan=1") { res in
                #expect(res.body.string.contains("1.234.567,89"))
            }
            // Saving the same form again changes nothing.
            try await op.kirim(app, form.path, again.isian([:])) { res in
                #expect(res.headers.first(name: .location)?.contains("disimpan=0") == true)
            }
        }
    }

    /// A draft saved again through the form (figures already stored, a triwulan in progress) is followed in the
    /// data cache (`PageCache.ikutiDraf`): Dinsos's 2024 under the new version is derived from the one under the
    /// version before, equal to what the database reads (rows in any order), and the form and the PD page after the
    /// save read it from there (no load of the PD) and show the saved figures.
    @Test func aDraftSavedAgainIsFollowedInTheDataCache() async throws {
        try await withDemoApp { app in
            let op = try await Peramban.masuk(app, "operator")
            let store = KinerjaStore(app.db)
            let pemda = try #require(try await store.pemda(nama: "Kabupaten Batu Bara"))
            let dinsos = try #require(try await store.pd(pemda: pemda.id, kode: "DINSOS"))
            let form = try await Self.buka(app, op)
            let money = try #require(form.kunciAnggaran)
            let pdPage = try await pdPath(app, kode: "DINSOS") + "?tahun=2024&triwulan=1"
            func simpan(_ form: Formulir, _ kinerja: String, _ keuangan: String, _ fisik: String) async throws {
                try await op.kirim(
                    app, form.path,
                    form.isian([
                        FormKey.realisasi.awalan + form.kunci: kinerja, FormKey.keuangan.awalan + money: keuangan,
                        FormKey.fisik.awalan + money: fisik,
                    ])
                ) { res in #expect(res.status == .seeOther, "\(res.body.string.prefix(2000))") }
            }
            // The first save adds rows: not followed (the triwulan's rows are read again).
            try await simpan(form, "12,5", "1.000.000", "10")
            try await op.buka(app, pdPage) { #expect($0.body.string.contains("1.000.000")) }
            let loads = app.dataCache.dihitung
            try await simpan(try await Self.buka(app, op), "13,25", "2.345.678,90", "12,50")
            let key = PageCache.kunci(
                ["tahun-pd", "2024"], pemda: pemda.id,
                versiPD: (dinsos.id, try await store.kunciVersi(pemda: pemda.id, pd: dinsos.id)))
            let followed = try #require(app.dataCache.lihat(key, as: DataKinerja.self))
            let read = try await store.load(pemda: pemda.id, perangkatDaerah: dinsos.id, tahun: 2024)
            #expect(Set(followed.realisasi) == Set(read.realisasi) && Set(followed.anggaran) == Set(read.anggaran))
            var sameOrder = followed
            sameOrder.realisasi = read.realisasi
            sameOrder.anggaran = read.anggaran
            #expect(sameOrder == read)
            // The pages after the save read it: nothing loaded.
            let after = try await Self.buka(app, op)
            #expect(nilaiInput(after.html, name: FormKey.realisasi.awalan + form.kunci) == "13,25")
            try await op.buka(app, pdPage) { #expect($0.body.string.contains("2.345.678,90")) }
            #expect(app.dataCache.dihitung == loads)
        }
    }

    /// A draft saved again is followed in the cached forms too (`RealisasiPage.Model.mengikuti`): the form the
    /// writer opens after the save is the one before with the saved rows computed again, not computed whole, and
    /// it is what the stored data gives (its rows, their HTML, versions, capaian and serapan), save after save, for
    /// the triwulan saved and for a later one of the year whose capaian takes it in. The PD pages are not followed
    /// (they keep no capaian table, issue 14.6): opened after the save they are computed from the data the save
    /// followed, with the money of the elements above a sub kegiatan saved, and equal what a page computed from the
    /// database gives.
    @Test func aDraftSavedAgainFollowsTheCachedForms() async throws {
        try await withDemoApp { app in
            let op = try await Peramban.masuk(app, "operator")
            let store = KinerjaStore(app.db)
            let pemda = try #require(try await store.pemda(nama: "Kabupaten Batu Bara"))
            let dinsos = try #require(try await store.pd(pemda: pemda.id, kode: "DINSOS"))
            let first = try await Self.buka(app, op)
            let money = try #require(first.kunciAnggaran)
            // The first save adds rows (not a draft replaced): the forms are computed again.
            try await op.kirim(
                app, first.path,
                first.isian([
                    FormKey.realisasi.awalan + first.kunci: "10", FormKey.keuangan.awalan + money: "1.000.000",
                    FormKey.fisik.awalan + money: "10",
                ])
            ) { res in #expect(res.status == .seeOther) }
            let pdPath = try await pdPath(app, kode: "DINSOS")
            // The PD pages followed too, with the money of the sub kegiatan and the elements above it when the save
            // has some (the first, third and fifth).
            for (n, (kinerja, keuangan, fisik)) in [
                ("13,25", "2.345.678,90", "12,50"), ("14", "2.345.678,90", "12,50"), ("0", "0", "0"),
                ("1.234,5", "0", "0"), ("7", "999.999.999", "100"),
            ].enumerated() {
                let form = try await Self.buka(app, op)
                _ = try await Self.buka(app, op, triwulan: 2)
                for query in ["?tahun=2024&triwulan=1", "?tahun=2024"] {
                    try await op.buka(app, pdPath + query) { #expect($0.status == .ok) }
                }
                let computed = app.pageCache.dihitung
                try await op.kirim(
                    app, form.path,
                    form.isian([
                        FormKey.realisasi.awalan + form.kunci: kinerja, FormKey.keuangan.awalan + money: keuangan,
                        FormKey.fisik.awalan + money: fisik,
                    ])
                ) { res in #expect(res.status == .seeOther, "simpan \(n)") }
                let versi = try await store.kunciVersi(pemda: pemda.id, pd: dinsos.id)
                for triwulan in [1, 2] {
                    let key = PageCache.kunci(
                        ["realisasi-form", "DINSOS", "2024", "\(triwulan)"], pemda: pemda.id,
                        versiPD: (dinsos.id, versi))
                    let followed = try #require(
                        app.pageCache.lihat(key, as: RealisasiPage.Tersaji.self), "TW \(triwulan), simpan \(n)")
                    let fresh = RealisasiPage.Tersaji(
                        try await RealisasiPage.Model.muat(
                            store, pemda: pemda, pd: dinsos, year: 2024, quarter: triwulan, years: [2024]))
                    #expect(followed.model.kinerja == fresh.model.kinerja, "TW \(triwulan), simpan \(n)")
                    #expect(followed.model.anggaran == fresh.model.anggaran, "TW \(triwulan), simpan \(n)")
                    #expect(followed.model.tanpaTarget == fresh.model.tanpaTarget)
                    #expect(followed.model.denganRencanaAksi == fresh.model.denganRencanaAksi)
                    #expect(followed.kinerja.html.map(\.rendered) == fresh.kinerja.html.map(\.rendered))
                    #expect(followed.anggaran.html.map(\.rendered) == fresh.anggaran.html.map(\.rendered))
                }
                // Opening the forms after the save computes nothing; the two PD pages are computed, from the data
                // the save followed (nothing loaded).
                let loads = app.dataCache.dihitung
                let after = try await Self.buka(app, op)
                _ = try await Self.buka(app, op, triwulan: 2)
                #expect(nilaiInput(after.html, name: FormKey.realisasi.awalan + form.kunci) == kinerja)
                #expect(nilaiInput(after.html, name: FormKey.keuangan.awalan + money) == keuangan)
                #expect(app.pageCache.dihitung == computed, "simpan \(n)")
                for query in ["?tahun=2024&triwulan=1", "?tahun=2024"] {
                    try await op.buka(app, pdPath + query) { #expect($0.body.string.contains(keuangan)) }
                }
                #expect(app.pageCache.dihitung == computed + 2, "simpan \(n)")
                #expect(app.dataCache.dihitung == loads, "simpan \(n)")
                for triwulan in [1, 0] {
                    let key = PageCache.kunci(
                        ["pd", "DINSOS", "2024", "\(triwulan)"], pemda: pemda.id, versiPD: (dinsos.id, versi))
                    let cached = try #require(
                        app.pageCache.lihat(key, as: PerangkatDaerahPage.Tersaji.self), "PD TW \(triwulan), simpan \(n)"
                    )
                    let fresh = PerangkatDaerahPage.Tersaji(
                        try await PerangkatDaerahPage.Model.query(
                            KinerjaStore(app.db), pemda: pemda.id, pd: dinsos, tahun: 2024,
                            triwulan: triwulan == 0 ? nil : triwulan))
                    #expect(cached.baris.html.map(\.rendered) == fresh.baris.html.map(\.rendered))
                    #expect(cached.bawah.html.rendered == fresh.bawah.html.rendered)
                    #expect(cached.ringkasan.rendered == fresh.ringkasan.rendered)
                    #expect(cached.terlambat.rendered == fresh.terlambat.rendered)
                    // Only the rows the save changed were rendered.
                    #expect(cached.baris.dirender < cached.baris.sidikJari.count / 2, "PD TW \(triwulan), simpan \(n)")
                }
            }
        }
    }

    @Test func twoPeopleNeverSilentlyOverwriteEachOther() async throws {
        try await withDemoApp { app in
            let op = try await Peramban.masuk(app, "operator")
            let admin = try await Peramban.masuk(app, "admin")
            let seenByOperator = try await Self.buka(app, op)
            let seenByAdmin = try await Self.buka(app, admin)
            try await op.kirim(
                app, seenByOperator.path, seenByOperator.isian([FormKey.realisasi.awalan + seenByOperator.kunci: "13"])
            ) {
                res in #expect(res.status == .seeOther)
            }
            // The admin saves from the form he loaded before the operator's change.
            var conflictPage = ""
            try await admin.kirim(
                app, seenByAdmin.path, seenByAdmin.isian([FormKey.realisasi.awalan + seenByAdmin.kunci: "14"])
            ) { res in
                #expect(res.status == .conflict)
                conflictPage = res.body.string
                #expect(conflictPage.contains("Tersimpan: 13; isian Anda: 14"))
                // His value is kept.
                #expect(nilaiInput(conflictPage, name: FormKey.realisasi.awalan + seenByAdmin.kunci) == "14")
            }
            let stored = try await Self.buka(app, op)
            #expect(nilaiInput(stored.html, name: FormKey.realisasi.awalan + stored.kunci) == "13")
            // Saving the conflict page again is a deliberate overwrite.
            let resubmit = Formulir(
                path: seenByAdmin.path, html: conflictPage, kunci: seenByAdmin.kunci, kunciAnggaran: nil)
            var fields = resubmit.isian([:])
            fields[FormKey.awalRealisasi.awalan + resubmit.kunci] =
                nilaiInput(conflictPage, name: FormKey.awalRealisasi.awalan + resubmit.kunci) ?? ""
            try await admin.kirim(app, seenByAdmin.path, fields) { res in #expect(res.status == .seeOther) }
            let final = try await Self.buka(app, op)
            #expect(nilaiInput(final.html, name: FormKey.realisasi.awalan + final.kunci) == "14")
        }
    }

    @Test func invalidEntriesKeepWhatWasTypedAndWriteNothing() async throws {
        try await withDemoApp { app in
            let op = try await Peramban.masuk(app, "operator")
            let form = try await Self.buka(app, op)
            let money = try #require(form.kunciAnggaran)
            try await op.kirim(
                app, form.path,
                form.isian([
                    FormKey.realisasi.awalan + form.kunci: "dua belas", FormKey.keuangan.awalan + money: "1.000,5",
                    FormKey.fisik.awalan + money: "140",
                ])
            ) { res in
                #expect(res.status == .badRequest)
                let html = res.body.string
                #expect(html.contains("bukan angka, rentang, predikat"))
                #expect(html.contains("fisik harus 0 sampai 100."))
                #expect(nilaiInput(html, name: FormKey.realisasi.awalan + form.kunci) == "dua belas")
                #expect(nilaiInput(html, name: FormKey.fisik.awalan + money) == "140")
                #expect(html.contains("Belum tersimpan: 2 isian perlu diperbaiki"))
            }
            // The valid money value was not written either.
            let again = try await Self.buka(app, op)
            #expect(nilaiInput(again.html, name: FormKey.keuangan.awalan + money) == "")
        }
    }

    @Test func evidenceIsCheckedByContentAndServedToReaders() async throws {
        try await withDemoApp { app in
            let op = try await Peramban.masuk(app, "operator")
            let form = try await Self.buka(app, op)
            try await op.kirimBerkas(
                app, form.path, form.isian([:]), berkas: FormKey.bukti.awalan + form.kunci, nama: "virus.exe",
                Array("MZ\u{90}\u{0}".utf8)
            ) { res in
                #expect(res.status == .badRequest)
                #expect(res.body.string.contains("virus.exe bukan PDF, PNG, atau JPEG."))
            }
            let pdf = Array("%PDF-1.4\n% bukti kegiatan\n%%EOF\n".utf8)
            try await op.kirimBerkas(
                app, form.path, form.isian([:]), berkas: FormKey.bukti.awalan + form.kunci,
                nama: "laporan kegiatan.pdf", pdf
            ) { res in
                #expect(res.status == .seeOther)
            }
            let again = try await Self.buka(app, op)
            #expect(again.html.contains("laporan kegiatan.pdf"))
            let marker = try #require(again.html.range(of: "/bukti/"))
            let start = again.html[..<marker.lowerBound].range(of: "href=\"", options: .backwards)!.upperBound
            let end = again.html[marker.upperBound...].firstIndex(of: "\"")!
            let link = String(again.html[start..<end])
            let kepala = try await Peramban.masuk(app, "kepala")
            try await kepala.buka(app, link) { res in
                #expect(res.status == .ok)
                #expect(res.headers.contentType?.description.hasPrefix("application/pdf") == true)
                #expect(Array(res.body.readableBytesView) == pdf)
            }
            let setwan = try await Peramban.masuk(app, "operator.setwan")
            try await setwan.buka(app, link) { res in #expect(res.status == .forbidden) }
        }
    }

    @Test func liveCapaianUsesTheSameCalculation() async throws {
        try await withDemoApp { app in
            let op = try await Peramban.masuk(app, "operator")
            let store = KinerjaStore(app.db)
            let pemda = try #require(try await store.pemda(nama: "Kabupaten Batu Bara"))
            let pd = try #require(try await store.pd(pemda: pemda.id, kode: "DINSOS"))
            let data = try await store.load(pemda: pemda.id, perangkatDaerah: pd.id, tahun: 2024)
            let index = IndeksKinerja(data)
            // An increasing indicator with a numeric 2024 target.
            let candidates = data.indikator.compactMap { item -> (Indikator, Decimal)? in
                guard item.polaritas == .naik, let value = index.riwayat(item).targetTahun(2024, sampai: 1)?.angka,
                    value > 0
                else { return nil }
                return (item, value)
            }
            let (indikator, target) = try #require(candidates.first)
            let typed = IndonesianFormat.number(target / 2)
            let path =
                try await pdPath(app, kode: "DINSOS") + "/realisasi/capaian?indikator=\(indikator.id.uuid.uuidString)"
                + "&tahun=2024&triwulan=1&nilai="
                + (typed.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
            try await op.buka(app, path) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("\"capaian\":\"50,00 %\""), "\(typed): \(res.body.string)")
                #expect(res.body.string.contains("Sangat Rendah"))
            }
            try await op.buka(app, path.replacingOccurrences(of: "nilai=", with: "nilai=abc")) { res in
                #expect(res.body.string.contains("bukan angka"))
            }
        }
    }
}
