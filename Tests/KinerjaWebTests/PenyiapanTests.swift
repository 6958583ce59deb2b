import Fluent
import Foundation
import KinerjaApplication
import KinerjaDomain
import KinerjaPersistence
import Testing
import Vapor
import VaporTesting

@testable import KinerjaWeb

/// An empty installation, as a new Pemda meets it: the setup page opened with the code from the server's log.
@Suite("Penyiapan instalasi baru")
struct PenyiapanTests {
    func withEmptyApp(_ test: (Application) async throws -> Void) async throws {
        try await withApp(
            configure: { app in
                try KinerjaApp.configure(app, database: .sqliteMemory, bcryptCost: 4)
                app.logger.logLevel = .warning
                try await app.autoMigrate()
            }, test)
    }

    /// A PNG of one pixel.
    static let png = Data(
        base64Encoded:
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")!

    static func isian(kode: String) -> [String: String] {
        [
            "kode": kode, "nama": "Kabupaten Contoh", "jenis": "kabupaten", "ibukota": "Kota Contoh",
            "alamat": "Jl. Merdeka No. 1, Kota Contoh", "rpjmd_awal": "2025", "rpjmd_akhir": "2029",
            "nama_pengguna": "bappeda", "nama_lengkap": "Admin Bappeda", "sandi": "rahasia2026",
            "sandi_ulang": "rahasia2026",
        ]
    }

    @Test func theFirstAdminSetsUpTheInstallationWithTheCodeFromTheLog() async throws {
        try await withEmptyApp { app in
            // The home page of an empty installation is the setup page.
            try await app.testing().test(.GET, "/") { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/siapkan")
            }
            let kode = Penyiapan.kodeBaru()
            try await KinerjaStore(app.db).createKodePenyiapan(hash: Akun.hash(Penyiapan.normal(kode)))
            let anon = try await Peramban.anonim(app)
            try await anon.buka(app, "/siapkan") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Kode penyiapan"))
            }
            // A wrong code: nothing is created, everything typed stays, the message is under the code.
            try await anon.kirimBerkas(
                app, "/siapkan", Self.isian(kode: "SALA-HKOD-E123"), berkas: "logo", nama: "logo.png",
                Array(Self.png)
            ) { res in
                #expect(res.status == .badRequest)
                let html = res.body.string
                #expect(html.contains("Kode penyiapan salah atau kedaluwarsa"))
                #expect(nilaiInput(html, name: "nama") == "Kabupaten Contoh")
            }
            #expect(try await PemdaModel.query(on: app.db).count() == 0)
            // Invalid fields are named.
            var bad = Self.isian(kode: kode)
            bad["rpjmd_akhir"] = "2020"
            bad["sandi_ulang"] = "lain"
            try await anon.kirimBerkas(app, "/siapkan", bad, berkas: "logo", nama: "x.txt", Array("teks".utf8)) {
                res in
                #expect(res.status == .badRequest)
                let html = res.body.string
                #expect(html.contains("Tahun akhir 2020 sebelum tahun awal 2025."))
                #expect(html.contains("Ulangan kata sandi tidak sama."))
                #expect(html.contains("Logo harus berkas PNG atau JPEG."))
            }
            // The right code (typed in lower case, without dashes): Pemda, RPJMD, admin; signed in on the admin page.
            var admin = ""
            try await anon.kirimBerkas(
                app, "/siapkan", Self.isian(kode: Penyiapan.normal(kode).lowercased()), berkas: "logo",
                nama: "logo.png", Array(Self.png)
            ) { res in
                #expect(res.status == .seeOther)
                let location = res.headers.first(name: .location) ?? ""
                #expect(location.hasSuffix("/admin?pesan=siap"))
                admin = location
                #expect(res.headers.setCookie?["kinerja_sesi"] != nil)
                let session = res.headers.setCookie?["kinerja_sesi"]?.string ?? ""
                try await app.testing().test(.GET, location, headers: ["Cookie": "kinerja_sesi=\(session)"]) {
                    page in
                    #expect(page.status == .ok)
                    #expect(page.body.string.contains("Instalasi siap."))
                    #expect(page.body.string.contains("Jl. Merdeka No. 1, Kota Contoh"))
                }
            }
            let store = KinerjaStore(app.db)
            let pemda = try #require(try await store.pemda(nama: "Kabupaten Contoh"))
            #expect(pemda.ibukota == "Kota Contoh")
            let data = try await store.loadOrganisasi(pemda: pemda.id)
            #expect(data.periode.map(\.nama) == ["RPJMD 2025-2029"])
            #expect(try await store.pengguna(namaPengguna: "bappeda")?.0.peran == .admin)
            // The logo is served for the kop; the setup page is gone and the code spent.
            try await app.testing().test(.GET, SiteURL.logo(pemda: pemda.id.uuid).path) { res in
                #expect(res.headers.contentType?.description == "image/png")
            }
            try await anon.buka(app, "/siapkan") { res in #expect(res.status == .seeOther) }
            try await anon.kirim(app, "/siapkan", Self.isian(kode: kode)) { res in #expect(res.status == .notFound) }
            #expect(try await KodePenyiapanModel.query(on: app.db).count() == 0)
            #expect(!admin.isEmpty)
            // The kop of a printed document carries the address and the logo.
            try await app.testing().test(.GET, SiteURL.laporanSeluruh(pemda: pemda.id.uuid, nama: "iku-pemda").path) {
                res in
                #expect(res.body.string.contains("Jl. Merdeka No. 1, Kota Contoh"))
                #expect(res.body.string.contains("class=\"logo-kop\""))
            }
        }
    }

    @Test func guessingTheCodeIsThrottled() async throws {
        try await withEmptyApp { app in
            try await KinerjaStore(app.db).createKodePenyiapan(hash: Akun.hash("BENAR"))
            let anon = try await Peramban.anonim(app)
            var statuses: [UInt] = []
            for attempt in 0..<7 {
                try await anon.kirim(app, "/siapkan", Self.isian(kode: "SALAH\(attempt)")) { res in
                    statuses.append(res.status.code)
                }
            }
            #expect(statuses.prefix(5).allSatisfy { $0 == 400 })
            #expect(statuses.last == 429)
        }
    }

    @Test func theCodeIsTwelveUnambiguousCharacters() {
        let kode = Penyiapan.kodeBaru()
        #expect(kode.count == 14)
        #expect(Penyiapan.normal(kode).count == 12)
        #expect(!kode.contains("0") && !kode.contains("O") && !kode.contains("1") && !kode.contains("I"))
        #expect(Penyiapan.normal(" abcd-efgh ") == "ABCDEFGH")
    }
}

/// A report asked without a year shows the period that holds its data (issue 10.6), never the clock's year.
@Suite("Tahun bawaan laporan")
struct TahunBawaanTests {
    @Test func theRenstraPrintsItsPeriodAndTheRenjaItsLatestYear() throws {
        let pd = PerangkatDaerah(kode: "DINKES", nama: "Dinas Kesehatan")
        var data = DataKinerja(pemda: Pemda(nama: "Kabupaten Contoh"), perangkatDaerah: [pd])
        data.periode = [
            try Periode(jenis: .renstra, tahunAwal: 2021, tahunAkhir: 2025, perangkatDaerah: pd.id),
            try Periode(jenis: .renstra, tahunAwal: 2026, tahunAkhir: 2030, perangkatDaerah: pd.id),
        ]
        let node = try ElemenRencana(
            perangkatDaerah: pd.id, induk: nil, tingkat: .program, kode: try Kode.parse("1.02.02"), uraian: "P")
        data.elemen = [node]
        data.pagu = [
            try Pagu(elemen: node.id, dokumen: .renstra, tahun: 2030, jumlah: Rupiah(sen: 100)),
            try Pagu(elemen: node.id, dokumen: .renja, tahun: 2027, jumlah: Rupiah(sen: 100)),
        ]
        // No realisasi yet: the latest Renstra period, from its first year; the Renja's own latest year.
        #expect(
            LaporanKatalog.tahunBawaan(.renstra, data, pd: pd, realisasiTerakhir: nil, semua: [2027, 2030]) == 2026)
        #expect(LaporanKatalog.tahunBawaan(.renja, data, pd: pd, realisasiTerakhir: nil, semua: [2027, 2030]) == 2027)
        // With realisasi of 2024, the Renstra that holds it.
        #expect(
            LaporanKatalog.tahunBawaan(.renstra, data, pd: pd, realisasiTerakhir: 2024, semua: [2024, 2030]) == 2021)
        #expect(
            LaporanKatalog.tahunBawaan(.realisasi, data, pd: pd, realisasiTerakhir: 2024, semua: [2024, 2030]) == 2024)
        let report = LaporanKatalog.bangun(.renstra, IndeksKinerja(data), pd: pd, tahun: 2026, tahunDiminta: nil)
        #expect(report.judul.joined().contains("2026-2030"))
    }
}
