import Fluent
import Foundation
import KinerjaApplication
import KinerjaDomain
import KinerjaImport
import KinerjaPersistence
import KinerjaSpreadsheet
import Testing
import Vapor
import VaporTesting

@testable import KinerjaWeb

@Suite("Tembolok halaman turunan")
struct PageCacheTests {
    @Test func leastRecentlyUsedGoesFirst() {
        let cache = PageCache(budgetBytes: 100)
        cache.simpan("a", "A", bytes: 40)
        cache.simpan("b", "B", bytes: 40)
        #expect(cache.ambil("a", as: String.self) == "A")  // a is now the most recent
        cache.simpan("c", "C", bytes: 40)
        #expect(cache.ambil("b", as: String.self) == nil)
        #expect(cache.ambil("a", as: String.self) == "A")
        #expect(cache.ambil("c", as: String.self) == "C")
        cache.simpan("besar", "X", bytes: 1_000)
        #expect(cache.ambil("besar", as: String.self) == nil)
        #expect(PageCache(budgetBytes: 0).ambil("a", as: String.self) == nil)
    }

    /// A request that waited for its turn may serve a page stored meanwhile for a version not older than the one it
    /// read (each of the version's numbers at least as large), never an older one; a computation that ends late for
    /// an older version does not hide the newer page, and is not kept: the cache holds the newest version of a page.
    @Test func aWaitingRequestServesOnlyAPageNotOlderThanItsVersion() {
        let cache = PageCache(budgetBytes: 1_000)
        cache.simpan("pd|u3p5", "v3.5", bytes: 10, stabil: "pd", urutan: [3, 5])
        #expect(cache.terbaru("pd", sejak: [3, 4], as: String.self) == "v3.5")
        #expect(cache.terbaru("pd", sejak: [3, 5], as: String.self) == "v3.5")
        #expect(cache.terbaru("pd", sejak: [3, 6], as: String.self) == nil)
        #expect(cache.terbaru("pd", sejak: [4, 1], as: String.self) == nil)
        #expect(cache.terbaru("pd", sejak: [3], as: String.self) == nil)
        #expect(cache.terbaru("lain", sejak: [0, 0], as: String.self) == nil)
        cache.simpan("pd|u3p4", "v3.4", bytes: 10, stabil: "pd", urutan: [3, 4])
        #expect(cache.terbaru("pd", sejak: [3, 5], as: String.self) == "v3.5")
        #expect(cache.sebelumnya("pd", as: String.self) == "v3.5")
        #expect(PageCache.urutan("u12p345") == [12, 345] && PageCache.urutan("17") == [17])
        // One version per page: an older one computed after a newer is not kept; a newer one replaces the older.
        #expect(cache.lihat("pd|u3p4", as: String.self) == nil && cache.jumlah == 1)
        cache.simpan("pd|u3p6", "v3.6", bytes: 10, stabil: "pd", urutan: [3, 6])
        #expect(cache.lihat("pd|u3p5", as: String.self) == nil && cache.jumlah == 1)
        #expect(cache.terbaru("pd", sejak: [3, 5], as: String.self) == "v3.6")
        cache.simpan("lain|1", "lain", bytes: 10, stabil: "lain", urutan: [1])
        #expect(cache.jumlah == 2 && cache.dihitung == 4)
    }

    /// A write made straight to the database (as another instance would make it, without this instance's cache
    /// knowing) is seen at once: the cache key holds the Pemda's data version, which every write raises.
    /// The first request that misses a value computes it; the others wait for that computation and get its value
    /// or its error; the next miss after it computes again.
    @Test func oneComputationPerMissingValue() async throws {
        let cache = PageCache(budgetBytes: 1 << 20)
        guard case .hitung = await cache.giliran("k") else {
            Issue.record("the first request must compute")
            return
        }
        async let second = cache.giliran("k")
        async let third = cache.giliran("k")
        while cache.jumlahMenunggu("k") < 2 { await Task.yield() }
        cache.selesai("k", .success(42))
        for turn in await [second, third] {
            guard case .nilai(let value) = turn else {
                Issue.record("a waiter must get the value")
                continue
            }
            #expect(value as? Int == 42)
        }
        guard case .hitung = await cache.giliran("k") else {
            Issue.record("after the computation ended, a miss computes again")
            return
        }
        async let waiter = cache.giliran("k")
        while cache.jumlahMenunggu("k") < 1 { await Task.yield() }
        cache.selesai("k", .failure(ServerBusy()))
        guard case .gagal(let error) = await waiter else {
            Issue.record("a waiter must get the error")
            return
        }
        #expect(error is ServerBusy)
    }

    @Test func aWriteByAnyoneIsSeenAtOnce() async throws {
        try await withDemoApp { app in
            let admin = try await Peramban.masuk(app, "admin")
            let pd = try await pdPath(app, kode: "DINSOS")
            let pemdaURL = pemdaPath(pd)
            let pages = [
                // The public pages show a figure not yet verified when asked for provisional figures.
                pd + "?tahun=2024&triwulan=1", pemdaURL + "/dasbor?tahun=2024&triwulan=1&sementara=1",
                pd + "/laporan/realisasi?tahun=2024&sementara=1",
            ]
            for page in pages {
                try await admin.buka(app, page) { res in
                    #expect(res.status == .ok, "\(page)")
                    #expect(!res.body.string.contains("7.654.321"))
                }
            }
            #expect(app.pageCache.jumlah >= 3)
            // Another instance writes.
            let store = KinerjaStore(app.db)
            let pemda = try #require(try await store.pemda(nama: "Kabupaten Batu Bara"))
            let dinsos = try #require(try await store.pd(pemda: pemda.id, kode: "DINSOS"))
            let data = try await store.load(pemda: pemda.id, perangkatDaerah: dinsos.id, tahun: 2024)
            let sub = try #require(data.elemen.first { $0.tingkat == .subKegiatan })
            let before = try await store.versiData(pemda: pemda.id)
            try await store.apply(
                try PerubahanData {
                    $0.anggaran = [
                        try RealisasiAnggaran(
                            elemen: sub.id, periode: PeriodeLaporan(tahun: 2024, triwulan: 1),
                            keuangan: Rupiah(7_654_321), fisik: nil)
                    ]
                }, pemda: pemda.id)
            #expect(try await store.versiData(pemda: pemda.id) == before + 1)
            for page in pages {
                try await admin.buka(app, page) { res in #expect(res.body.string.contains("7.654.321"), "\(page)") }
            }
        }
    }

    /// A realisasi saved in one PD leaves the other PD's pages and the dashboard's other parts cached (their keys
    /// are the PD's version and the Pemda's common one); a change of the Pemda's common data (here an element's
    /// text, which the cascading of other PD may show) recomputes every page.
    @Test func aWriteInOnePDLeavesTheOtherPDCached() async throws {
        try await withDemoApp { app in
            let admin = try await Peramban.masuk(app, "admin")
            let store = KinerjaStore(app.db)
            let pemda = try #require(try await store.pemda(nama: "Kabupaten Batu Bara"))
            let pds = try await store.listPD(pemda: pemda.id)
            let dinsos = try #require(pds.first { $0.kode == "DINSOS" })
            let other = try #require(pds.first { $0.kode != "DINSOS" })
            let dinsosURL = try await pdPath(app, kode: "DINSOS")
            let otherURL = try await pdPath(app, kode: other.kode)
            let dashboard = pemdaPath(dinsosURL) + "/dasbor?tahun=2024&sementara=1"
            // The PD pages without `tahun` (a page with it also checks the year against the Pemda's years, cached
            // under the Pemda's version).
            let pages = [dinsosURL, otherURL, dashboard]
            for page in pages { try await admin.buka(app, page) { #expect($0.status == .ok, "\(page)") } }
            var cached = app.pageCache.dihitung
            let otherKey = try await store.kunciVersi(pemda: pemda.id, pd: other.id)
            let dinsosKey = try await store.kunciVersi(pemda: pemda.id, pd: dinsos.id)

            let sub = try await Self.tulisKeuangan(store, pemda: pemda.id, pd: dinsos.id, Rupiah(7_654_321))
            #expect(try await store.kunciVersi(pemda: pemda.id, pd: other.id) == otherKey)
            #expect(try await store.kunciVersi(pemda: pemda.id, pd: dinsos.id) != dinsosKey)
            // The other PD's page is served from the cache: nothing computed but the Pemda's context (its PD and
            // profile, keyed by its published version, which a realisasi added moves).
            try await admin.buka(app, otherURL) { #expect($0.status == .ok) }
            #expect(app.pageCache.dihitung == cached + 1)
            cached += 1
            // Dinsos's page is computed again, with the new figure; its year as loaded is kept apart.
            let loaded = app.dataCache.dihitung
            try await admin.buka(app, dinsosURL) { #expect($0.status == .ok) }
            #expect(app.pageCache.dihitung == cached + 1)
            #expect(app.dataCache.dihitung == loaded + 1)
            // The dashboard: the page, Dinsos's part and the Pemda's years; the other parts from the cache. Dinsos's
            // 2024 is loaded (the PD page showed its latest year).
            try await admin.buka(app, dashboard) { res in #expect(res.body.string.contains("7.654.321")) }
            #expect(app.pageCache.dihitung == cached + 4)
            #expect(app.dataCache.dihitung == loaded + 2)
            // Dinsos's realisasi report reads its year only (`NamaLaporan.satuTahun`): the 2024 the dashboard loaded.
            // The capaian of its sasaran reaches back two years: all its years are loaded.
            try await admin.buka(app, dinsosURL + "/laporan/realisasi?tahun=2024") { #expect($0.status == .ok) }
            #expect(app.pageCache.dihitung == cached + 5)
            #expect(app.dataCache.dihitung == loaded + 2)
            try await admin.buka(app, dinsosURL + "/laporan/capaian-sasaran?tahun=2024") { res in
                #expect(res.status == .ok)
            }
            #expect(app.pageCache.dihitung == cached + 6)
            #expect(app.dataCache.dihitung == loaded + 3)
            // Another year of Dinsos: one value more (taken from the years the reports loaded).
            let beforeYear = app.dataCache.dihitung
            let years = try await store.tahunData(pemda: pemda.id, perangkatDaerah: dinsos.id).semua
            if let other = years.first(where: { $0 != 2024 }) {
                try await admin.buka(app, dinsosURL + "?tahun=\(other)") { #expect($0.status == .ok) }
                #expect(app.dataCache.dihitung == beforeYear + 1)
            }

            // A change of the structure is common: every PD's key moves.
            var changed = sub
            changed.uraian += " (diubah)"
            try await store.apply(try PerubahanData { $0.elemenUbah = [changed] }, pemda: pemda.id)
            #expect(try await store.kunciVersi(pemda: pemda.id, pd: other.id) != otherKey)
        }
    }

    /// A row is rendered again only when its input or the page's context differs from what stood at its place in
    /// the previous version; otherwise its HTML is taken as it was.
    @Test func rowsAreRenderedAgainOnlyWhenTheirInputChanged() {
        let calls = Panggilan()
        let first = BarisTersaji(["a", "b", "c"], konteks: "x") {
            calls.catat($0)
            return HTML.text($0)
        }
        #expect(calls.ambil() == ["a", "b", "c"] && first.dirender == 3)
        let second = BarisTersaji(["a", "B", "c", "d"], konteks: "x", sebelumnya: first) {
            calls.catat($0)
            return HTML.text($0)
        }
        #expect(calls.ambil() == ["B", "d"] && second.dirender == 2)
        #expect(second.html.map(\.rendered) == ["a", "B", "c", "d"])
        let otherPage = BarisTersaji(["a", "B", "c", "d"], konteks: "y", sebelumnya: second) {
            calls.catat($0)
            return HTML.text($0)
        }
        #expect(calls.ambil() == ["a", "B", "c", "d"])
        #expect(otherPage.bytesTeks == 4)
    }

    /// Rows are kept compressed in blocks (`BarisTersaji.barisPerBlok`): a block whose rows all stayed is taken
    /// whole, a block with a changed row takes its other rows' bytes from the previous block, and every row decodes
    /// to what was rendered, across blocks, when rows are added or removed, and for rows of every length (empty,
    /// non-ASCII, long).
    @Test(arguments: [BarisTersaji<String>.Ingat.masukan, .sidikJari])
    func rowsKeptInCompressedBlocksDecodeToWhatWasRendered(ingat: BarisTersaji<String>.Ingat) {
        func teks(_ index: Int, _ versi: Int) -> String {
            switch index % 5 {
            case 0: ""
            case 1: "baris \(index) · capaian 1.234,5 % — Rp \(versi)"
            case 2: String(repeating: "<td class=\"num\">\(index)</td>", count: 40)
            default: "\(index)/\(versi)"
            }
        }
        let size = BarisTersaji<String>.barisPerBlok
        let count = size * 3 + 7
        let rendered = Panggilan()
        let render: @Sendable (String) -> HTML = { input in
            rendered.catat(input)
            return HTML.el("tr", [], input)
        }
        var calls: Int { rendered.jumlah }
        let inputs = (0..<count).map { teks($0, 1) }
        let first = BarisTersaji(inputs, konteks: "x", ingat: ingat, render: render)
        #expect(first.blok.count == 4 && calls == count)
        #expect(first.html.map(\.rendered) == inputs.map { HTML.el("tr", [], $0).rendered })
        #expect(first.bytes < first.bytesTeks)
        #expect(ingat == .masukan ? first.masukan == inputs && first.sidikJari.isEmpty : first.masukan.isEmpty)
        // One row changed in the second block, one row added at the end.
        var changed = inputs
        changed[size + 4] = teks(size + 4, 2)
        changed.append("baru")
        rendered.kosongkan()
        let second = BarisTersaji(changed, konteks: "x", sebelumnya: first, ingat: ingat, render: render)
        #expect(calls == 2 && second.dirender == 2)
        #expect(second.blok[0].chunk.deflate == first.blok[0].chunk.deflate)
        #expect(second.blok[2].chunk.deflate == first.blok[2].chunk.deflate)
        #expect(second.html.map(\.rendered) == changed.map { HTML.el("tr", [], $0).rendered })
        // Rows removed: the last block shrinks and is rendered from the previous one's rows.
        rendered.kosongkan()
        let third = BarisTersaji(
            Array(changed.prefix(size * 2 + 1)), konteks: "x", sebelumnya: second, ingat: ingat, render: render)
        #expect(calls == 0 && third.blok.count == 3)
        #expect(third.html.map(\.rendered) == changed.prefix(size * 2 + 1).map { HTML.el("tr", [], $0).rendered })
        // No rows.
        let empty = BarisTersaji([String](), konteks: "x", sebelumnya: third, ingat: ingat, render: render)
        #expect(empty.blok.isEmpty && empty.html.isEmpty && empty.chunks.isEmpty)
    }

    /// A kept part decodes to its text, and a damaged one is refused rather than shown.
    @Test func aChunkDecodesToItsTextAndADamagedOneIsRefused() throws {
        for text in ["", "a", String(repeating: "Kabupaten Batu Bara · ", count: 5_000), "ü€𝄞"] {
            let chunk = Gzip.Chunk(text)
            #expect(try chunk.teks() == Array(text.utf8))
            #expect(SharedHTML(chunks: { [chunk, chunk] }).bytes == Array((text + text).utf8))
        }
        let chunk = Gzip.Chunk(String(repeating: "Realisasi triwulan ", count: 200))
        var broken = chunk.deflate
        broken[broken.count / 2] ^= 0x55
        let damaged = Gzip.Chunk.init(deflate: broken, crc: chunk.crc, count: chunk.count)
        #expect(throws: (any Error).self) { try damaged.teks() }
        let short = Gzip.Chunk.init(deflate: chunk.deflate, crc: chunk.crc, count: chunk.count - 1)
        #expect(throws: (any Error).self) { try short.teks() }
    }

    /// After a write, the next version of the PD page and of the realisasi form render only the rows the write
    /// changed, and give byte for byte what a render from nothing gives.
    @Test func theNextVersionOfAPageRendersOnlyTheRowsAWriteChanged() async throws {
        try await withDemoApp { app in
            let (admin, store, pemda, dinsos) = try await Self.batuBaraDinsos(app)
            let dinsosURL = try await pdPath(app, kode: "DINSOS")
            let pdYear = dinsosURL + "?tahun=2024&triwulan=1"
            let form = dinsosURL + "/realisasi?tahun=2024&triwulan=1"
            for page in [pdYear, form] { try await admin.buka(app, page) { #expect($0.status == .ok, "\(page)") } }
            _ = try await Self.tulisKeuangan(store, pemda: pemda.id, pd: dinsos.id, Rupiah(7_654_321))
            for page in [pdYear, form] {
                try await admin.buka(app, page) { res in #expect(res.body.string.contains("7.654.321"), "\(page)") }
            }
            let ids = [pemda.id.uuid.uuidString, dinsos.id.uuid.uuidString]
            let pdPage = try #require(
                app.pageCache.sebelumnya(
                    (["pd", "DINSOS", "2024", "1"] + ids).joined(separator: "|"), as: PerangkatDaerahPage.Tersaji.self))
            // The sub kegiatan and the elements above it, whose sums changed.
            #expect(
                pdPage.baris.dirender > 0 && pdPage.baris.dirender < pdPage.baris.html.count / 2,
                "\(pdPage.baris.dirender) of \(pdPage.baris.html.count)")
            let freshPD = PerangkatDaerahPage.Tersaji(
                try await PerangkatDaerahPage.Model.query(store, pemda: pemda.id, pd: dinsos, tahun: 2024, triwulan: 1))
            #expect(freshPD.baris.html.map(\.rendered) == pdPage.baris.html.map(\.rendered))
            #expect(freshPD.bawah.html.rendered == pdPage.bawah.html.rendered)
            // Kept compressed, and without the capaian table.
            #expect(pdPage.model.tabel.baris.isEmpty && pdPage.baris.bytes * 5 < pdPage.baris.bytesTeks)
            let formPage = try #require(
                app.pageCache.sebelumnya(
                    (["realisasi-form", "DINSOS", "2024", "1"] + ids).joined(separator: "|"),
                    as: RealisasiPage.Tersaji.self))
            // One sub kegiatan's keuangan: its row only.
            #expect(formPage.anggaran.dirender == 1 && formPage.kinerja.dirender == 0)
            let fresh = RealisasiPage.Tersaji(formPage.model)
            #expect(fresh.isian(terkunci: false).html.rendered == formPage.isian(terkunci: false).html.rendered)
        }
    }

    /// A dashboard computed after writes that left what it is made of as it was (a figure changed and changed back)
    /// is its previous version, not a new computation; after a real change it is computed again and shows it. A
    /// report built again equal to its previous version is that version (with the HTML and XLSX it made).
    @Test func aDashboardWhoseInputsDidNotChangeIsItsPreviousVersion() async throws {
        try await withDemoApp { app in
            let (admin, store, pemda, dinsos) = try await Self.batuBaraDinsos(app)
            let dashboard = pemdaPath(try await pdPath(app, kode: "DINSOS")) + "/dasbor?tahun=2024&sementara=1"
            let stabil = ["dasbor", "2024", "0", "sementara", pemda.id.uuid.uuidString, "-"].joined(separator: "|")
            _ = try await Self.tulisKeuangan(store, pemda: pemda.id, pd: dinsos.id, Rupiah(1_111_111))
            let report = try await pdPath(app, kode: "DINSOS") + "/laporan/realisasi?tahun=2024&sementara=1"
            let reportKey =
                (["laporan", "DINSOS", "realisasi", "2024", "0", "sementara"]
                + [pemda.id.uuid.uuidString, dinsos.id.uuid.uuidString]).joined(separator: "|")
            try await admin.buka(app, report) { #expect($0.body.string.contains("1.111.111")) }
            let firstReport = try #require(app.pageCache.sebelumnya(reportKey, as: LaporanTersaji.self))
            var before = ""
            try await admin.buka(app, dashboard) { before = $0.body.string }
            #expect(before.contains("1.111.111"))
            let first = try #require(app.pageCache.sebelumnya(stabil, as: DashboardPage.Tersaji.self))
            let version = try await store.versiData(pemda: pemda.id)
            _ = try await Self.tulisKeuangan(store, pemda: pemda.id, pd: dinsos.id, Rupiah(7_654_321))
            _ = try await Self.tulisKeuangan(store, pemda: pemda.id, pd: dinsos.id, Rupiah(1_111_111))
            #expect(try await store.versiData(pemda: pemda.id) == version + 2)
            // The same page (each response has its own form token).
            func tanpaToken(_ html: String) -> String {
                html.replacingOccurrences(of: #"value="[0-9a-f]{40,}""#, with: "", options: .regularExpression)
            }
            try await admin.buka(app, dashboard) { res in #expect(tanpaToken(res.body.string) == tanpaToken(before)) }
            #expect(app.pageCache.sebelumnya(stabil, as: DashboardPage.Tersaji.self) === first)
            try await admin.buka(app, report) { #expect($0.body.string.contains("1.111.111")) }
            #expect(app.pageCache.sebelumnya(reportKey, as: LaporanTersaji.self) === firstReport)
            _ = try await Self.tulisKeuangan(store, pemda: pemda.id, pd: dinsos.id, Rupiah(7_654_321))
            try await admin.buka(app, report) { #expect($0.body.string.contains("7.654.321")) }
            #expect(app.pageCache.sebelumnya(reportKey, as: LaporanTersaji.self) !== firstReport)
            try await admin.buka(app, dashboard) { res in #expect(res.body.string.contains("7.654.321")) }
            #expect(app.pageCache.sebelumnya(stabil, as: DashboardPage.Tersaji.self) !== first)
        }
    }

    /// At the end of a quarter operators save drafts, which no published page shows: the published dashboard and
    /// reports (keyed by the published versions) are served from the cache after such a save, not computed again,
    /// while the pages that show drafts (the PD page, the provisional view) show the new figure at once. Once the
    /// triwulan is verified, the published pages show it too.
    @Test func aDraftSavedLeavesThePublishedPagesCached() async throws {
        try await withDemoApp { app in
            let (admin, store, pemda, dinsos) = try await Self.batuBaraDinsos(app)
            let dinsosURL = try await pdPath(app, kode: "DINSOS")
            let published = [
                pemdaPath(dinsosURL) + "/dasbor?tahun=2024", dinsosURL + "/laporan/realisasi?tahun=2024",
                dinsosURL + "/laporan/evaluasi-triwulan?tahun=2024",
                pemdaPath(dinsosURL) + "/laporan/realisasi?tahun=2024",
            ]
            // TW I 2024 of Dinsos holds a draft keuangan (its first save adds a triwulan held back: every page moves).
            let sub = try await Self.tulisKeuangan(store, pemda: pemda.id, pd: dinsos.id, Rupiah(1_111_111))
            var pages: [String: String] = [:]
            for page in published {
                try await admin.buka(app, page) { res in
                    #expect(res.status == .ok, "\(page)")
                    #expect(!res.body.string.contains("1.111.111"), "\(page)")
                    pages[page] = res.body.string
                }
            }
            let cached = app.pageCache.dihitung
            let terbit = try await store.versiData(pemda: pemda.id, terbit: true)
            // The draft saved again: the published pages are the cached ones.
            _ = try await Self.tulisKeuangan(store, pemda: pemda.id, pd: dinsos.id, Rupiah(7_654_321))
            #expect(try await store.versiData(pemda: pemda.id, terbit: true) == terbit)
            for page in published {
                try await admin.buka(app, page) { res in
                    #expect(res.status == .ok, "\(page)")
                    #expect(!res.body.string.contains("7.654.321"), "\(page)")
                }
            }
            #expect(app.pageCache.dihitung == cached)
            // The pages of drafts show it.
            try await admin.buka(app, dinsosURL + "?tahun=2024") { #expect($0.body.string.contains("7.654.321")) }
            try await admin.buka(app, pemdaPath(dinsosURL) + "/dasbor?tahun=2024&sementara=1") {
                #expect($0.body.string.contains("7.654.321"))
            }
            // Verified, the triwulan is published: every published page shows it.
            try await store.apply(
                PerubahanData {
                    $0.penetapan = [
                        StatusTersimpan(
                            objek: .realisasi(dinsos.id, PeriodeLaporan(tahun: 2024, triwulan: 1), jumlahTriwulan: 4),
                            status: .diverifikasi, waktu: Date())
                    ]
                }, pemda: pemda.id)
            for page in published {
                try await admin.buka(app, page) { res in
                    #expect(res.body.string.contains("7.654.321"), "\(page)")
                }
            }
            #expect(sub.tingkat == .subKegiatan)
        }
    }

    /// A whole Pemda's report is gathered from its PD's parts, each kept per PD version: the first request builds
    /// every part, and after a write in one PD the other parts come from the cache (read back from the compact form
    /// it keeps) while that PD's is built again. Either way the file served is the report computed from the data.
    @Test func aWholePemdaReportFromBuiltAndKeptPartsIsTheReport() async throws {
        try await withDemoApp { app in
            let (admin, store, pemda, dinsos) = try await Self.batuBaraDinsos(app)
            let url = pemdaPath(try await pdPath(app, kode: "DINSOS")) + "/laporan/realisasi?tahun=2024&sementara=1"
            var first: [String]?
            var builtFirst = 0
            for (round, keuangan) in [(1, nil), (2, Rupiah(7_654_321))] as [(Int, Rupiah?)] {
                if let keuangan { try await Self.tulisKeuangan(store, pemda: pemda.id, pd: dinsos.id, keuangan) }
                let parts = app.pageCache.dihitung
                var served = Data()
                try await admin.buka(app, url + "&format=xlsx") { res in
                    #expect(res.status == .ok)
                    served = Data(res.body.readableBytesView)
                }
                // Every part built the first time; the second, the written PD's part and the report around it.
                let built = app.pageCache.dihitung - parts
                let pdCount = try await store.listPD(pemda: pemda.id).count
                if round == 1 {
                    builtFirst = built
                    #expect(built > pdCount, "\(built) dihitung, \(pdCount) PD")
                } else {
                    #expect(built == builtFirst - pdCount + 1, "\(built) dihitung, pertama \(builtFirst)")
                }
                let whole = LaporanKatalog.denganAlamat(
                    try await LaporanKatalog.seluruhPemda(
                        .realisasi, store: store, pemda: pemda.id, tahun: 2024, tampilan: .sementara),
                    try await store.profil(pemda: pemda.id))
                let expected = try XLSXReader().read(try LaporanEkspor.xlsx(whole))
                let read = try XLSXReader().read(served)
                #expect(read.sheets.map(\.cells) == expected.sheets.map(\.cells), "putaran \(round)")
                // The report is kept from its parts' rows as the cache keeps them: the CSV served from it next is
                // the report's too.
                let key = (["laporan-seluruh", "realisasi", "2024", "sementara", pemda.id.uuid.uuidString, "-"])
                    .joined(separator: "|")
                #expect(app.pageCache.sebelumnya(key, as: LaporanTersaji.self)?.dariBagian == true)
                try await admin.buka(app, url + "&format=csv") { res in
                    #expect(res.status == .ok)
                    #expect(res.body.string == LaporanEkspor.csv(whole), "putaran \(round)")
                }
                // The write is in the second file.
                let cells = read.sheets.map { "\($0.cells)" }
                if let first { #expect(cells != first) } else { first = cells }
            }
        }
    }

    /// A report keeps its table's HTML and its XLSX with it in the cache; both follow the data and the Pemda's
    /// address (set on the admin's profile page), whose writes move the version the report is filed under.
    @Test func aCachedReportsXLSXFollowsTheDataAndTheAddress() async throws {
        try await withDemoApp { app in
            let admin = try await Peramban.masuk(app, "admin")
            let store = KinerjaStore(app.db)
            let pemda = try #require(try await store.pemda(nama: "Kabupaten Batu Bara"))
            let dinsos = try await pdPath(app, kode: "DINSOS")
            let report = dinsos + "/laporan/realisasi?tahun=2024&sementara=1"
            func xlsx() async throws -> String {
                var bytes = Data()
                try await admin.buka(app, report + "&format=xlsx") { res in
                    #expect(res.status == .ok)
                    bytes = Data(res.body.readableBytesView)
                }
                return try XLSXReader().read(bytes).sheets[0].textRows().flatMap { $0 }.joined(separator: "|")
            }
            let first = try await xlsx()
            #expect(try await xlsx() == first)
            #expect(!first.contains("Jl. Pahlawan Cache"))
            try await admin.kirimBerkas(
                app, pemdaPath(dinsos) + "/admin/profil", ["alamat": "Jl. Pahlawan Cache No. 9"], berkas: "logo",
                nama: "", []
            ) { res in #expect(res.status == .seeOther) }
            #expect(try await xlsx().contains("Jl. Pahlawan Cache No. 9"))
            try await admin.buka(app, report) { res in #expect(res.body.string.contains("Jl. Pahlawan Cache No. 9")) }
            // A realisasi keuangan written in the PD is in the next download and on the next page.
            let dinsosID = try #require(try await store.listPD(pemda: pemda.id).first { $0.kode == "DINSOS" }).id
            try await Self.tulisKeuangan(store, pemda: pemda.id, pd: dinsosID, Rupiah(8_765_432))
            let after = try await xlsx()
            #expect(after.contains("8765432") || after.contains("8.765.432"))
            try await admin.buka(app, report) { res in #expect(res.body.string.contains("8.765.432")) }
        }
    }

    /// The demo's admin signed in, the store, Batu Bara and its Dinsos.
    static func batuBaraDinsos(_ app: Application) async throws -> (Peramban, KinerjaStore, Pemda, PerangkatDaerah) {
        let admin = try await Peramban.masuk(app, "admin")
        let store = KinerjaStore(app.db)
        let pemda = try #require(try await store.pemda(nama: "Kabupaten Batu Bara"))
        let dinsos = try #require(try await store.listPD(pemda: pemda.id).first { $0.kode == "DINSOS" })
        return (admin, store, pemda, dinsos)
    }

    /// Writes a realisasi keuangan of TW I 2024 on the PD's first sub kegiatan; returns that sub kegiatan.
    @discardableResult
    static func tulisKeuangan(
        _ store: KinerjaStore, pemda: TypedID<Pemda>, pd: TypedID<PerangkatDaerah>, _ keuangan: Rupiah
    ) async throws -> ElemenRencana {
        let data = try await store.load(pemda: pemda, perangkatDaerah: pd, tahun: 2024)
        let sub = try #require(data.elemen.first { $0.tingkat == .subKegiatan })
        try await store.apply(
            try PerubahanData {
                $0.anggaran = [
                    try RealisasiAnggaran(
                        elemen: sub.id, periode: PeriodeLaporan(tahun: 2024, triwulan: 1), keuangan: keuangan,
                        fisik: nil)
                ]
            }, pemda: pemda)
        return sub
    }
}

/// A stop lets the requests under way end before the databases close (a request that met a closed database crashed
/// the process).
@Suite("Berhenti")
struct BerhentiTests {
    struct Lambat: AsyncResponder {
        let selesai: @Sendable () -> Void
        func respond(to request: Request) async throws -> Response {
            try await Task.sleep(for: .milliseconds(300))
            selesai()
            return Response(status: .ok)
        }
    }

    final class Tanda: @unchecked Sendable {
        private let lock = NSLock()
        private var isi = false
        var nilai: Bool { lock.withLock { isi } }
        func set() { lock.withLock { isi = true } }
    }

    /// A page's loads read through a second event loop's connection while the instance is quiet (at most as many
    /// requests under way as cores), and through the request's own only when it is busier (the other connection is
    /// then often a writer's).
    @Test func aSecondReaderOnlyWhileTheInstanceIsQuiet() async throws {
        try await withApp(
            configure: { app in try KinerjaApp.configure(app, database: .sqliteMemory, bcryptCost: 4) },
            { app in
                let berjalan = try #require(app.storage[InFlightRequestsKey.self])
                let request = Request(application: app, on: app.eventLoopGroup.next())
                let kedua = try #require(request.store.pembacaKedua)
                #expect(kedua.eventLoop !== request.db.eventLoop || System.coreCount == 1)
                // More requests under way than cores: each held in a slow responder.
                let banyak = System.coreCount + 1
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for _ in 0..<banyak {
                        group.addTask {
                            let lain = Request(application: app, on: app.eventLoopGroup.next())
                            _ = try await berjalan.respond(to: lain, chainingTo: Lambat {})
                        }
                    }
                    while berjalan.berjalan < banyak { await Task.yield() }
                    #expect(request.store.pembacaKedua == nil)
                    try await group.waitForAll()
                }
                #expect(request.store.pembacaKedua != nil)
            })
    }

    @Test func aStopWaitsForTheRequestsUnderWay() async throws {
        try await withApp(
            configure: { _ in },
            { app in
                let berjalan = InFlightRequests(batas: .seconds(30))
                let done = Tanda()
                let request = Request(application: app, on: app.eventLoopGroup.next())
                async let response = berjalan.respond(to: request, chainingTo: Lambat { done.set() })
                while berjalan.berjalan == 0 { await Task.yield() }
                await berjalan.shutdownAsync(app)
                #expect(done.nilai)
                #expect(berjalan.berjalan == 0)
                let status = try await response.status
                #expect(status == .ok)
            })
    }
}

/// The rows a render was called for, from whichever thread (a table's blocks are written on every core).
final class Panggilan: @unchecked Sendable {
    private let lock = NSLock()
    private var rows: [String] = []

    func catat(_ row: String) { lock.withLock { rows.append(row) } }

    /// The rows so far, in the order called, and forgotten.
    func ambil() -> [String] {
        lock.withLock {
            defer { rows = [] }
            return rows
        }
    }

    var jumlah: Int { lock.withLock { rows.count } }

    func kosongkan() { lock.withLock { rows = [] } }
}
