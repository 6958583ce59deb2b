import Fluent
import Foundation
import KinerjaApplication
import KinerjaDomain
import KinerjaImport
import KinerjaPersistence
import Testing
import Vapor
import VaporTesting

@testable import KinerjaWeb

/// Rencana aksi (issue 13.2, first part): PK targets per triwulan, checked against the year by aggregation, used
/// for capaian s.d. triwulan once the PK is approved, and said so.
@Suite("Rencana aksi")
struct RencanaAksiTests {
    @Test func quartersAreCheckedByAggregation() throws {
        func indikator(_ agregasi: Agregasi) throws -> Indikator {
            try Indikator(elemen: TypedID(), nama: "Uji", satuan: "Orang", jenis: .output, agregasi: agregasi)
        }
        let year = Nilai.angka(100)
        let sum: [Nilai?] = [.angka(10), .angka(20), .angka(30), .angka(40)]
        #expect(RencanaAksi.periksa(try indikator(.kumulatif), tahun: year, triwulan: sum) == nil)
        #expect(
            RencanaAksi.periksa(try indikator(.kumulatif), tahun: .angka(99), triwulan: sum)?.contains(
                "jumlah target triwulan 100 tidak sama dengan target tahun 99") == true)
        #expect(RencanaAksi.periksa(try indikator(.nilaiAkhir), tahun: .angka(40), triwulan: sum) == nil)
        #expect(RencanaAksi.periksa(try indikator(.nilaiAkhir), tahun: year, triwulan: sum) != nil)
        #expect(RencanaAksi.periksa(try indikator(.rataRata), tahun: .angka(25), triwulan: sum) == nil)
        // Not all quarters entered yet: nothing to say.
        #expect(
            RencanaAksi.periksa(try indikator(.kumulatif), tahun: .angka(5), triwulan: [.angka(1), nil, nil, nil])
                == nil)
    }

    @Test func aPDsRencanaAksiIsSavedCheckedAndMeasuresOnceThePKIsApproved() async throws {
        try await withDemoApp { app in
            let store = KinerjaStore(app.db)
            let pemda = try #require(try await store.pemda(nama: "Kabupaten Batu Bara"))
            let pd = try #require(try await store.pd(pemda: pemda.id, kode: "DINSOS"))
            let model = try await RencanaAksiPage.Model.query(
                store, pemda: pemda, pd: pd, tahun: 2024, sekarang: Date())
            let row = try #require(model.baris.first { $0.targetTahun?.angka != nil })
            let year = try #require(row.targetTahun?.angka)
            func quarters(_ total: Decimal) -> [String] {
                switch row.indikator.agregasi {
                case .kumulatif: ["0", "0", "0", IndonesianFormat.number(total)]
                case .nilaiAkhir, .rataRata: Array(repeating: IndonesianFormat.number(total), count: 4)
                }
            }
            func fields(_ values: [String]) -> [String: String] {
                var result: [String: String] = [:]
                for (index, value) in values.enumerated() {
                    let key = RencanaAksiPage.key(index + 1, row.indikator)
                    result[FormKey.aksi(key)] = value
                    result[FormKey.awalAksi(key)] = ""
                    result[FormKey.versiAksi(key)] = "0"
                }
                return result
            }
            let op = try await Peramban.masuk(app, "operator")
            let path = try await pdPath(app, kode: "DINSOS") + "/rencana-aksi?tahun=2024"
            try await op.buka(app, path) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Rencana aksi 2024"))
            }
            // Quarters that do not agree with the year: refused, naming the indicator.
            try await op.kirim(app, path, fields(quarters(year + 1))) { res in
                #expect(res.status == .badRequest)
                #expect(res.body.string.contains("tidak sama dengan target tahun"))
            }
            try await op.kirim(app, path, fields(quarters(year))) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location)?.contains("disimpan=4") == true)
            }
            try await op.buka(app, path) { res in #expect(res.body.string.contains(">sesuai<")) }
            // Measured with the quarters once the PK (which they belong to) is approved, and said so.
            let realisasi = try await pdPath(app, kode: "DINSOS") + "/realisasi?tahun=2024&triwulan=1"
            try await op.buka(app, realisasi) { res in #expect(!res.body.string.contains("id=\"rencana-aksi\"")) }
            let kepala = try await Peramban.masuk(app, "kepala")
            _ = try await AlurWebTests.langkah(app, op, .ajukan, jenis: .perjanjianKinerja)
            _ = try await AlurWebTests.langkah(app, kepala, .setujui, jenis: .perjanjianKinerja)
            try await op.buka(app, realisasi) { res in
                #expect(res.body.string.contains("dari rencana aksi (target triwulan) untuk 1 indikator"))
            }
            // The approved PK takes no more changes: the form is read-only.
            try await op.buka(app, path) { res in #expect(res.body.string.contains("Rencana aksi bagian dari PK.")) }
        }
    }
}

/// The quarterly evaluation for any triwulan (issue 13.3, first part): `?triwulan=` in the web, `--triwulan` in
/// the CLI; later quarters empty, the average capaian and its predikat below the table.
@Suite("Evaluasi triwulan s.d. triwulan")
struct EvaluasiTriwulanWebTests {
    @Test func theFormAsOfATriwulan() async throws {
        try await withDemoApp { app in
            let pd = try await pdPath(app, kode: "DINSOS")
            let anon = try await Peramban.anonim(app)
            try await anon.buka(app, pd + "/laporan/evaluasi-triwulan?tahun=2022&triwulan=2") { res in
                let html = res.body.string
                #expect(res.status == .ok)
                #expect(html.contains("Tahun 2022 s.d. Triwulan II"))
                #expect(html.contains("Rata-rata capaian kinerja s.d. TW II 2022"))
            }
            try await anon.buka(app, pd + "/laporan/evaluasi-triwulan?tahun=2022") { res in
                #expect(res.body.string.contains("Rata-rata capaian kinerja s.d. TW IV 2022: "))
            }
            try await anon.buka(app, pd + "/laporan/evaluasi-triwulan?tahun=2022&triwulan=9") { res in
                #expect(res.status == .badRequest)
            }
        }
    }

    @Test func theEvaluationsTextsAreWrittenWithTheFormAndPrintedUnderIt() async throws {
        try await withDemoApp { app in
            let op = try await Peramban.masuk(app, "operator")
            let form = try await RealisasiFormTests.buka(app, op)
            #expect(form.html.contains("Evaluasi triwulan I (form E.81)"))
            try await op.kirim(
                app, form.path,
                form.isian([
                    "pendorong": "Dukungan anggaran tepat waktu", "penghambat": "Data PMKS belum mutakhir",
                    "tindak_lanjut_triwulan": "Pemutakhiran data", "tindak_lanjut_renja": "",
                ])
            ) { res in #expect(res.status == .seeOther) }
            let pd = try await pdPath(app, kode: "DINSOS")
            try await op.buka(app, pd + "/laporan/evaluasi-triwulan?tahun=2024&triwulan=1") { res in
                let html = res.body.string
                #expect(html.contains("Faktor pendorong: Dukungan anggaran tepat waktu"))
                #expect(html.contains("Faktor penghambat: Data PMKS belum mutakhir"))
                #expect(html.contains("Tindak lanjut triwulan berikutnya: Pemutakhiran data"))
                #expect(!html.contains("Tindak lanjut Renja berikutnya:"))
            }
            try await op.buka(app, pd + "/riwayat") { res in
                #expect(res.body.string.contains("Faktor penghambat"))
                #expect(res.body.string.contains("Data PMKS belum mutakhir"))
            }
            // Shown again on the form.
            let again = try await RealisasiFormTests.buka(app, op)
            #expect(again.html.contains(">Data PMKS belum mutakhir</textarea>"))
        }
    }

    /// Rencana aksi through the template (issue 13.2): `target_triwulan` in the realisasi sheet, checked against
    /// the year like the form (the error names the row and the column), applied through the one write path, and
    /// written back by the export.
    @Test func triwulanTargetsComeInThroughTheRealisasiTemplate() async throws {
        try await withDemoApp { app in
            let store = KinerjaStore(app.db)
            let pemda = try #require(try await store.pemda(nama: "Kabupaten Batu Bara"))
            let pd = try #require(try await store.pd(pemda: pemda.id, kode: "DINSOS"))
            let model = try await RencanaAksiPage.Model.query(
                store, pemda: pemda, pd: pd, tahun: 2024, sekarang: Date())
            let row = try #require(
                model.baris.first { $0.targetTahun?.angka != nil && !$0.kode.isEmpty && $0.kode.contains(".") })
            let year = try #require(row.targetTahun?.angka)
            let quarters: [Decimal] =
                row.indikator.agregasi == .kumulatif ? [0, 0, 0, year] : [year, year, year, year]
            func csv(_ values: [Decimal], triwulan: Bool = true) -> Data {
                var lines = ["kode;indikator;tahun;triwulan;target_triwulan"]
                for (index, value) in values.enumerated() {
                    lines.append(
                        "\(row.kode);\(row.indikator.nama);2024;\(triwulan ? String(index + 1) : "");"
                            + IndonesianFormat.number(value))
                }
                return Data(lines.joined(separator: "\n").utf8)
            }
            let existing = try await store.load(pemda: pemda.id, perangkatDaerah: pd.id, denganVersi: true)
            // Quarters that do not agree with the year: an error on the indicator's last row, column target_triwulan.
            let wrong = Importer.pratinjau(
                Importer.baca(csv(quarters.map { $0 + 1 }), namaBerkas: "aksi.csv"), pd: pd, existing: existing)
            let error = try #require(wrong.galat.first { $0.kolom == "target_triwulan" })
            #expect(error.baris == 5)
            #expect(error.pesan.contains("Rencana aksi: \(row.indikator.nama)"))
            #expect(!wrong.bisaDiterapkan)
            // A target without its triwulan: an error naming the column.
            let annual = Importer.baca(csv([year], triwulan: false), namaBerkas: "aksi.csv")
            #expect(annual.galat.contains { $0.kolom == "target_triwulan" && $0.baris == 2 })
            // Agreeing quarters: applied as PK targets of the triwulan, and exported back.
            let right = Importer.pratinjau(
                Importer.baca(csv(quarters), namaBerkas: "aksi.csv"), pd: pd, existing: existing)
            #expect(right.galat.isEmpty, "\(right.galat.map(\.pesan))")
            #expect(right.perubahan.target.filter { $0.dokumen == .perjanjianKinerja }.count == 4)
            try await ImporBerkas.terapkan(
                store, pemda: pemda.id, right, oleh: "uji", sumber: "impor uji", sekarang: Date())
            let after = try await RencanaAksiPage.Model.query(
                store, pemda: pemda, pd: pd, tahun: 2024, sekarang: Date())
            let saved = try #require(after.baris.first { $0.indikator.id == row.indikator.id })
            #expect(saved.triwulan.map(\.nilai) == quarters.map { .angka($0) })
            #expect(saved.periksa == nil)
            let sheet = Ekspor.lembar(try await store.load(pemda: pemda.id, perangkatDaerah: pd.id), pd: pd).realisasi
            let exported = sheet.filter { $0[2] == row.indikator.nama && $0[3] == "2024" && !$0[8].isEmpty }
            #expect(exported.count == 4)
        }
    }
}
