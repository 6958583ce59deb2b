import Foundation
import KinerjaDomain
import KinerjaImport
import KinerjaPersistence
import KinerjaSpreadsheet
import KinerjaTestSupport
import Testing

/// Outcome/output statements and keterangan (issue 10.3): read from their own column or row, stored, printed by
/// the Renja report; and the perkiraan capaian table.
@Suite("Rumusan hasil, keterangan, perkiraan capaian")
struct PernyataanTests {
    /// A Renja with a "Sasaran Program/Kegiatan" column, an `Output:` row of its own and "Catatan Penting".
    static func renja() throws -> Data {
        let header = [
            "Kode", "Program/Kegiatan/Sub Kegiatan", "Sasaran Program/Kegiatan", "Indikator Kinerja", "Target 2026",
            "Pagu Indikatif 2026 (Rp)", "Catatan Penting",
        ]
        let rows: [[String]] = [
            [
                "1.02.02", "PROGRAM PEMENUHAN UPAYA KESEHATAN", "Meningkatnya mutu layanan kesehatan",
                "Persentase fasilitas kesehatan terakreditasi", "80 %", "500.000.000", "Prioritas daerah",
            ],
            [
                "1.02.02.2.01", "Penyediaan Fasilitas Pelayanan Kesehatan", "", "Jumlah fasilitas yang ditingkatkan",
                "3 Unit", "500.000.000", "",
            ],
            ["", "Output: Tersedianya fasilitas kesehatan yang layak", "", "", "", "", ""],
            [
                "1.02.02.2.01.0001", "Pembangunan Puskesmas", "", "Jumlah puskesmas yang dibangun", "1 Unit",
                "500.000.000", "DAK fisik",
            ],
            ["", "JUMLAH", "", "", "", "500.000.000", ""],
        ]
        var sheet: [[XLSXCell]] = [[.text("Rencana Kerja Dinas Kesehatan 2026", .title)], []]
        sheet.append(header.map { .text($0, .header) })
        sheet.append((1...header.count).map { .text(String($0), .header) })
        sheet += rows.map { $0.map { XLSXCell.text($0) } }
        return try XLSXWriter.write([XLSXSheet(name: "Renja", rows: sheet)])
    }

    @Test func theStatementsAndKeteranganAreReadWithoutFindings() throws {
        let hasil = Importer.baca(try Self.renja(), namaBerkas: "renja.xlsx")
        #expect(hasil.temuan.isEmpty, "\(hasil.temuan.map(\.description))")
        let byKode = Dictionary(grouping: hasil.rencana) { $0.kode?.normal ?? "" }
        #expect(byKode["1.02.02"]?.first?.hasil == "Meningkatnya mutu layanan kesehatan")
        #expect(byKode["1.02.02.2.01"]?.first?.hasil == "Tersedianya fasilitas kesehatan yang layak")
        #expect(byKode["1.02.02"]?.first?.keterangan == "Prioritas daerah")
        #expect(hasil.rencana.count == 3)
    }

    @Test(arguments: TestBackend.available)
    func theyAreStoredAndPrintedByTheRenja(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { db in
            let store = KinerjaStore(db)
            let (pemda, pd) = try await emptyPD(store)
            let preview = try await importFile(store, pemda: pemda, pd: pd, try Self.renja(), name: "renja.xlsx")
            #expect(preview.bisaDiterapkan, "\(preview.galat.map(\.description))")
            let stored = try await store.load(pemda: pemda.id, perangkatDaerah: pd.id)
            let program = try #require(stored.elemen.first { $0.kode?.normal == "1.02.02" })
            #expect(program.hasil == "Meningkatnya mutu layanan kesehatan")
            #expect(stored.pagu.first { $0.elemen == program.id }?.keterangan == "Prioritas daerah")
            // The same file again changes nothing.
            let again = try await importFile(store, pemda: pemda, pd: pd, try Self.renja(), name: "renja.xlsx")
            #expect(again.perubahan.isEmpty, "\(again.diubah)")
            let report = Laporan.renja(IndeksKinerja(stored), pd: pd, tahun: 2026)
            #expect(report.kolom.map(\.judul).contains("Catatan penting"))
            #expect(report.kolom.map(\.nomor) == (1...10).map(String.init))
            let first = try #require(report.baris.first)
            #expect(
                first.sel[1].teks
                    == "PROGRAM PEMENUHAN UPAYA KESEHATAN\nSasaran program: Meningkatnya mutu layanan kesehatan")
            #expect(first.sel[7].teks == "Prioritas daerah")
            #expect(report.baris.contains { $0.sel[7].teks == "DAK fisik" })
        }
    }

    @Test func withoutKeteranganTheRenjaKeepsItsNineColumns() throws {
        let pd = PerangkatDaerah(kode: "X", nama: "Dinas X")
        let report = Laporan.renja(
            IndeksKinerja(DataKinerja(pemda: Pemda(nama: "Kabupaten X"), perangkatDaerah: [pd])), pd: pd, tahun: 2026)
        #expect(report.kolom.count == 9)
    }

    // MARK: - Perkiraan capaian

    /// The perkiraan capaian table of 2025: target, estimate and its %, pagu, estimated Rp and its %. The second
    /// indicator is lower-is-better, its % printed as (2T-R)/T.
    static func perkiraan(persenK: [String] = ["87,50", "110,00"], persenRp: String = "90,00") throws -> Data {
        let header = [
            "Kode", "Program/Kegiatan", "Indikator Kinerja", "Target 2025", "Perkiraan Realisasi 2025",
            "Tingkat Capaian (%)", "Pagu 2025 (Rp)", "Perkiraan Realisasi Anggaran 2025 (Rp)", "% Anggaran",
        ]
        let rows: [[String]] = [
            [
                "1.02.02", "PROGRAM PEMENUHAN UPAYA KESEHATAN", "Persentase fasilitas terakreditasi", "80 %", "70 %",
                persenK[0], "1.000.000.000", "900.000.000", persenRp,
            ],
            ["", "", "Jumlah kasus kematian ibu", "100 Kasus", "90 Kasus", persenK[1], "", "", ""],
        ]
        var sheet: [[XLSXCell]] = [[.text("Perkiraan Capaian Kinerja Tahun Berjalan", .title)], []]
        sheet.append(header.map { .text($0, .header) })
        sheet.append((1...header.count).map { .text("(\($0))", .header) })
        sheet += rows.map { $0.map { XLSXCell.text($0) } }
        return try XLSXWriter.write([XLSXSheet(name: "Perkiraan", rows: sheet)])
    }

    @Test func aCorrectPerkiraanTableGivesNoFinding() throws {
        let hasil = Importer.baca(try Self.perkiraan(), namaBerkas: "perkiraan.xlsx")
        #expect(hasil.lembar.first?.tataLetak.hasPrefix("Perkiraan capaian 2025") == true, "\(hasil.lembar)")
        #expect(hasil.temuan.isEmpty, "\(hasil.temuan.map(\.description))")
        // Targets and pagu are read; the estimates are not stored as realisasi.
        #expect(hasil.rencana.first?.target[2025]?.nilai == .angka(80))
        #expect(hasil.rencana.first?.pagu[2025]?.jumlah == Rupiah(sen: 100_000_000_000))
        #expect(hasil.realisasi.isEmpty)
    }

    @Test func aWrongPercentOfTheEstimateIsFoundOnceEach() throws {
        let hasil = Importer.baca(
            try Self.perkiraan(persenK: ["87,50", "111,00"], persenRp: "9,00"), namaBerkas: "perkiraan.xlsx")
        #expect(hasil.temuan.map(\.jenis) == [.persenBerbeda, .persenBerbeda], "\(hasil.temuan.map(\.description))")
        #expect(hasil.temuan.map(\.baris) == [5, 6])
    }
}
