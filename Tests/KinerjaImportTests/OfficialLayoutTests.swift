import Foundation
import KinerjaDemo
import KinerjaDomain
import KinerjaImport
import KinerjaPersistence
import KinerjaSpreadsheet
import KinerjaTestSupport
import Testing

@Suite("Tata letak resmi dan pemeriksaan konsistensi")
struct OfficialLayoutTests {
    @Test func tabel32IsRecognisedAndProgram606IsFound() throws {
        let hasil = Importer.baca(try ContohBerkas.tabel32(), namaBerkas: "tabel32.xlsx")
        #expect(hasil.lembar.map(\.tataLetak) == ["Renja T-C.33 (Tabel 3.2)"])
        #expect(hasil.galat.isEmpty, "\(hasil.galat)")
        // 86 elements (10 programs, 22 kegiatan, 54 sub kegiatan): the repeated header and the continued row merged.
        #expect(Set(hasil.rencana.compactMap { $0.kode?.normal }).count == 86)
        let continued = try #require(hasil.rencana.first { $0.kode?.asli == "06.01.2.02.01" })
        #expect(continued.uraian == "Penyediaan Gaji dan Tunjangan ASN")
        let program = try #require(hasil.temuan.first { $0.jenis == .paguIndukBerbeda && $0.pesan.contains("6.06") })
        #expect(program.tercetak == "487.722.600")
        #expect(program.dihitung == "481.722.600")
        #expect(program.selisih == "6.000.000")
        #expect(program.kolom?.contains("Pagu Indikatif") == true)
        let total = try #require(hasil.temuan.first { $0.jenis == .paguIndukBerbeda && $0.pesan.contains("Total") })
        #expect(total.tercetak == "12.223.689.352" && total.dihitung == "12.229.689.352")
        // 2025 (prakiraan maju) closes exactly: no finding for it.
        #expect(!hasil.temuan.contains { $0.jenis == .paguIndukBerbeda && $0.kolom?.contains("2025") == true })
        // "245.000,000" is reported with the reading chosen.
        #expect(hasil.temuan.contains { $0.jenis == .angkaAmbigu && $0.tercetak == "245.000,000" })
    }

    @Test func tabel21FindsTheRowsItsNotesList() throws {
        let hasil = Importer.baca(try ContohBerkas.tabel21(), namaBerkas: "tabel21.xlsx")
        #expect(hasil.lembar.map(\.tataLetak) == ["Evaluasi Renja (Tabel 2.1)"])
        let records = try CSV.records(try SeedFiles.text("003/evaluasi_renja_2022.csv"))
        // Sheet row → source line of the document (data start on row 7).
        func lines(_ jenis: Temuan.Jenis, column: String) -> Set<Int> {
            Set(
                hasil.temuan.filter { $0.jenis == jenis && $0.kolom?.hasPrefix(column) == true }.compactMap { finding in
                    finding.baris.flatMap { Int(records[$0 - 7]["source_line"]!) }
                })
        }
        #expect(
            lines(.persenBerbeda, column: "(8)").union(lines(.galatRumus, column: "(8)"))
                == [227, 254, 256, 259, 260, 265, 266, 279, 280, 286, 312])
        #expect(lines(.rumusBerbeda, column: "(10)") == [265, 266, 274])
        #expect(lines(.persenBerbeda, column: "(11)") == [312])
        #expect(lines(.persenDijumlahkan, column: "(4)").contains(215))
        #expect(hasil.galat.isEmpty, "\(hasil.galat)")
    }

    @Test(arguments: TestBackend.available)
    func officialLayoutsImportIntoTheSameModel(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { db in
            let store = KinerjaStore(db)
            let (pemda, pd) = try await emptyPD(store, kode: "DINSOS")
            let first = try await importFile(
                store, pemda: pemda, pd: pd, try ContohBerkas.tabel32(), name: "tabel32.xlsx")
            #expect(first.bisaDiterapkan, "\(first.galat)")
            let second = try await importFile(
                store, pemda: pemda, pd: pd, try ContohBerkas.tabel21(), name: "tabel21.xlsx")
            #expect(second.bisaDiterapkan, "\(second.galat)")
            let data = try await store.load(pemda: pemda.id, perangkatDaerah: pd.id)
            let index = IndeksKinerja(data)
            let program = try #require(data.elemen.first { $0.kode?.normal == "06.06" })
            #expect(index.pagu(program.id, tahun: 2024) == Rupiah(481_722_600))
            #expect(index.paguTercatat(program.id, tahun: 2024)?.jumlah == Rupiah(487_722_600))
            let total = data.elemen.filter { $0.tingkat == .program }.compactMap { index.pagu($0.id, tahun: 2024) }
                .sum()
            #expect(total == Rupiah(12_223_689_352))
            #expect(data.pagu.contains { $0.dokumen == .prakiraanMaju && $0.tahun == 2025 })
            #expect(data.realisasi.contains { $0.periode.tahun == 2022 })
            // The same file again changes nothing.
            let again = try await importFile(
                store, pemda: pemda, pd: pd, try ContohBerkas.tabel21(), name: "tabel21.xlsx", apply: false)
            #expect(again.perubahan.isEmpty, "\(again.diubah)")
        }
    }
}
