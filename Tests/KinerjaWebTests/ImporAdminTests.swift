import Fluent
import Foundation
import KinerjaApplication
import KinerjaDemo
import KinerjaDomain
import KinerjaImport
import KinerjaPersistence
import KinerjaSpreadsheet
import KinerjaWeb
import Testing
import Vapor
import VaporTesting

func unggah(
    _ app: Application, _ browser: Peramban, _ path: String, name: String, _ bytes: [UInt8],
    _ check: (TestingHTTPResponse) async throws -> Void
) async throws {
    try await browser.kirimBerkas(
        app, path, ["jenis": "otomatis", "dokumen": "renja"], berkas: "berkas", nama: name, bytes, check)
}

@Suite("Impor lewat web")
struct ImporWebTests {
    @Test func uploadPreviewApply() async throws {
        try await withDemoApp { app in
            let op = try await Peramban.masuk(app, "operator")
            let pd = try await pdPath(app, kode: "DINSOS")
            let csv =
                "kode;indikator;tahun;triwulan;realisasi;realisasi_keuangan;fisik\n06.01.2.01.01;;2024;2;;2.000.000;50\n"
            var preview = ""
            try await unggah(app, op, pd + "/impor", name: "realisasi-tw2.csv", Array(csv.utf8)) { res in
                #expect(res.status == .seeOther)
                preview = res.headers.first(name: .location) ?? ""
            }
            var applyForm = ""
            try await op.buka(app, preview) { res in
                #expect(res.status == .ok)
                let html = res.body.string
                #expect(html.contains("Pratinjau impor: realisasi-tw2.csv"))
                #expect(html.contains("Rp 2.000.000"))
                #expect(html.contains("Terapkan 1 perubahan"))
                applyForm = html
            }
            // Nothing is stored before apply.
            try await op.buka(app, pd + "?tahun=2024&triwulan=2") { res in
                #expect(!res.body.string.contains("2.000.000"))
            }
            let action = try #require(applyForm.range(of: "/impor/")).upperBound
            let id = String(applyForm[action...].prefix(36))
            try await op.kirim(app, pd + "/impor/" + id) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location)?.contains("diimpor=1") == true)
            }
            try await op.buka(app, pd + "?tahun=2024&triwulan=2") { res in
                #expect(res.body.string.contains("2.000.000"))
            }
            // The upload is gone once applied.
            try await op.buka(app, preview) { res in #expect(res.status == .notFound) }
        }
    }

    @Test func officialTableShowsItsFindingsAndBrokenFilesTheirErrors() async throws {
        try await withDemoApp { app in
            let op = try await Peramban.masuk(app, "operator")
            let pd = try await pdPath(app, kode: "DINSOS")
            var preview = ""
            try await unggah(app, op, pd + "/impor", name: "tabel-3.2.xlsx", Array(try ContohBerkas.tabel32())) { res in
                preview = res.headers.first(name: .location) ?? ""
            }
            try await op.buka(app, preview) { res in
                let html = res.body.string
                #expect(html.contains("487.722.600"))  // the printed program pagu ≠ Σ children
                #expect(html.contains("481.722.600"))
            }
            try await unggah(app, op, pd + "/impor", name: "rusak.xlsx", Array("bukan zip".utf8)) { res in
                preview = res.headers.first(name: .location) ?? ""
            }
            try await op.buka(app, preview) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("Berkas belum dapat diterapkan"))
            }
        }
    }
}

@Suite("Admin Pemda")
struct AdminTests {
    @Test func adminAddsAUserWhoCanLogIn() async throws {
        try await withDemoApp { app in
            let admin = try await Peramban.masuk(app, "admin")
            let pemda = pemdaPath(try await pdPath(app, kode: "DINSOS"))
            var page = ""
            try await admin.buka(app, pemda + "/admin") { res in
                #expect(res.status == .ok)
                page = res.body.string
            }
            let setwanOption = try #require(page.range(of: "\">Sekretariat DPRD"))
            let start = page[..<setwanOption.lowerBound].range(of: "value=\"", options: .backwards)!.upperBound
            let setwanID = String(page[start..<setwanOption.lowerBound])
            // Bad input: the error names the field and the typed values stay.
            try await admin.kirim(
                app, pemda + "/admin/pengguna",
                [
                    "nama_pengguna": "Op Baru", "nama_lengkap": "Siti", "peran": "operator",
                    "perangkat_daerah": setwanID, "sandi": "abc",
                ]
            ) { res in
                #expect(res.status == .badRequest)
                #expect(res.body.string.contains("Nama pengguna 3-40 karakter"))
                #expect(res.body.string.contains("value=\"Siti\""))
            }
            try await admin.kirim(
                app, pemda + "/admin/pengguna",
                [
                    "nama_pengguna": "op.baru", "nama_lengkap": "Siti", "peran": "operator",
                    "perangkat_daerah": setwanID, "sandi": "rahasia123",
                ]
            ) { res in #expect(res.status == .seeOther) }
            let newUser = try await Peramban.masuk(app, "op.baru", sandi: "rahasia123")
            try await newUser.buka(app, try await pdPath(app, kode: "SETWAN") + "/realisasi") { res in
                #expect(res.status == .ok)
            }
            try await newUser.buka(app, try await pdPath(app, kode: "DINSOS") + "/realisasi") { res in
                #expect(res.status == .forbidden)
            }
        }
    }

    @Test func adminEditsOrganisationPeriodsAndBands() async throws {
        try await withDemoApp { app in
            let admin = try await Peramban.masuk(app, "admin")
            let pemda = pemdaPath(try await pdPath(app, kode: "DINSOS"))
            try await admin.kirim(
                app, pemda + "/admin/pd",
                ["aksi": "pd", "kode": "DISDIK", "nama": "Dinas Pendidikan", "singkatan": "Disdik"]
            ) { res in
                #expect(res.status == .seeOther)
            }
            try await admin.kirim(app, pemda + "/admin/pd", ["aksi": "pd", "kode": "DISDIK", "nama": "Lagi"]) { res in
                #expect(res.status == .conflict)
                #expect(res.body.string.contains("Perangkat daerah dengan kode DISDIK sudah ada."))
            }
            try await admin.kirim(
                app, pemda + "/admin/periode", ["jenis": "rpjmd", "tahun_awal": "2030", "tahun_akhir": "2029"]
            ) { res in
                #expect(res.status == .badRequest)
                #expect(res.body.string.contains("Tahun akhir 2029 sebelum tahun awal 2030."))
            }
            try await admin.kirim(
                app, pemda + "/admin/periode", ["jenis": "rpjmd", "tahun_awal": "2030", "tahun_akhir": "2034"]
            ) { res in
                #expect(res.status == .seeOther)
            }
            var bands: [String: String] = ["metode_turun": "selisih", "batas_rasio": "150"]
            for (index, (bound, label)) in [("90", "Baik"), ("60", "Cukup"), ("0", "Kurang")].enumerated() {
                bands["batas_\(index)"] = bound
                bands["label_\(index)"] = label
                bands["warna_\(index)"] = "#336699"
            }
            try await admin.kirim(app, pemda + "/admin/kategori", bands) { res in #expect(res.status == .seeOther) }
            try await admin.buka(app, pemda + "/admin") { res in
                let html = res.body.string
                #expect(html.contains("Dinas Pendidikan"))
                #expect(html.contains("RPJMD 2030-2034"))
                #expect(html.contains("value=\"Cukup\""))
            }
            let store = KinerjaStore(app.db)
            let stored = try #require(try await store.pemda(nama: "Kabupaten Batu Bara"))
            #expect(stored.kebijakan.metodeTurun == .selisih)
            #expect(stored.kebijakan.kategori.pita.map(\.label) == ["Baik", "Cukup", "Kurang"])
            var badNIP = ["aksi": "pejabat", "pejabat_nama": "Budi", "pejabat_nip": "123"]
            badNIP["pejabat_unit"] = UUID().uuidString
            try await admin.kirim(app, pemda + "/admin/pd", badNIP) { res in
                #expect(res.status == .badRequest)
                #expect(res.body.string.contains("Unit kerja tidak dikenal."))
            }
        }
    }
}

@Suite("Halaman baca")
struct HalamanBacaTests {
    @Test func dashboardDrawsChartsAndListsMissingRealisasi() async throws {
        try await withDemoApp { app in
            let pemda = pemdaPath(try await pdPath(app, kode: "DINSOS"))
            try await app.testing().test(.GET, pemda + "/dasbor?tahun=2022") { res in
                #expect(res.status == .ok)
                let html = res.body.string
                #expect(html.contains("<svg"))
                #expect(html.contains("Capaian per perangkat daerah"))
                #expect(html.contains("Per sasaran"))
                #expect(html.contains("belum dilaporkan"))
            }
        }
    }

    @Test func cascadingIKUAndReportChooser() async throws {
        try await withDemoApp { app in
            let setwan = try await pdPath(app, kode: "SETWAN")
            let pemda = pemdaPath(setwan)
            try await app.testing().test(.GET, setwan + "/cascading") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("<details"))
                #expect(res.body.string.contains("Pendalaman Tugas DPRD"))
            }
            try await app.testing().test(.GET, pemda + "/cascading") { res in #expect(res.status == .ok) }
            try await app.testing().test(.GET, pemda + "/iku") { res in #expect(res.status == .ok) }
            let balangan = try await pdPath(app, kode: "SETDA")
            var detail = ""
            try await app.testing().test(.GET, balangan + "/iku") { res in
                #expect(res.status == .ok)
                let html = res.body.string
                let marker = try #require(html.range(of: "/indikator/"))
                let start = html[..<marker.lowerBound].range(of: "href=\"", options: .backwards)!.upperBound
                let end = html[marker.upperBound...].firstIndex(of: "\"")!
                detail = String(html[start..<end])
            }
            try await app.testing().test(.GET, detail) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Makna (definisi operasional)"))
            }
            try await app.testing().test(.GET, pemda + "/laporan") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Seluruh Pemda"))
            }
            try await app.testing().test(.GET, pemda + "/laporan?nama=realisasi&pd=&tahun=2024&format=xlsx") { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == pemda + "/laporan/realisasi?tahun=2024&format=xlsx")
            }
            var served = Data()
            try await app.testing().test(.GET, pemda + "/laporan/realisasi?tahun=2024&format=xlsx") { res in
                #expect(res.status == .ok)
                #expect(res.headers.contentDisposition?.filename == "realisasi-seluruh.xlsx")
                served = Data(res.body.readableBytesView)
            }
            // Written PD by PD as the parts came (cold): the file of the whole report with the Pemda's address.
            let store = KinerjaStore(app.db)
            var found: Pemda?
            for nama in ["Kabupaten Batu Bara", "Kabupaten Banyuasin", "Kabupaten Balangan"] {
                if let candidate = try await store.pemda(nama: nama),
                    try await store.pd(pemda: candidate.id, kode: "SETWAN") != nil
                {
                    found = candidate
                }
            }
            let owner = try #require(found)
            let whole = LaporanKatalog.denganAlamat(
                try await LaporanKatalog.seluruhPemda(.realisasi, store: store, pemda: owner.id, tahun: 2024),
                try await store.profil(pemda: owner.id))
            let expected = try XLSXReader().read(try LaporanEkspor.xlsx(whole))
            let read = try XLSXReader().read(served)
            #expect(read.sheets.map(\.cells) == expected.sheets.map(\.cells))
            #expect(read.sheets.first?.cells.count ?? 0 > 10)
            try await app.testing().test(.GET, pemda + "/laporan/evaluasi-renja?tahun=2023&kertas=f4") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("size:330mm 215mm"))
            }
        }
    }
}
