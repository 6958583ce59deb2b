import Foundation
import KinerjaDomain
import KinerjaImport
import KinerjaPersistence
import KinerjaSpreadsheet
import KinerjaTestSupport
import Testing

/// The Renstra table (T-C.27) as Pemda print it: tujuan and sasaran in their own columns, baseline, target and Rp
/// for five years, the condition at the end of the period, the unit in charge. Two layouts built here (years in
/// the headers; `Tahun-1 … Tahun-5` with the period in the title and the kode in the uraian), each correct with no
/// finding, and with planted errors found once.
@Suite("Renstra T-C.27")
struct RenstraTataLetakTests {
    struct Baris {
        var tujuan = ""
        var sasaran = ""
        var kode = ""
        var uraian = ""
        var indikator = ""
        var baseline = ""
        var target: [String] = []
        var pagu: [Int64] = []
        var akhir = ""
        var paguAkhir: Int64?
        var pj = ""
    }

    static func rp(_ value: Int64) -> String {
        IndonesianFormat.rupiah(Rupiah(sen: value * 100)).replacingOccurrences(of: "Rp ", with: "")
    }

    static func isi(paguAkhirKegiatan: Int64 = 1_000_000_000) -> [Baris] {
        [
            Baris(
                tujuan: "Meningkatnya derajat kesehatan masyarakat", indikator: "Angka harapan hidup (Tahun)",
                baseline: "69,5", target: ["69,7", "69,9", "70,1", "70,3", "70,5"], akhir: "70,5"),
            Baris(
                sasaran: "Meningkatnya mutu pelayanan kesehatan", indikator: "Persentase puskesmas terakreditasi",
                baseline: "60 %", target: ["70 %", "75 %", "80 %", "85 %", "90 %"], akhir: "90 %"),
            Baris(
                kode: "1.02.02", uraian: "PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT",
                indikator: "Persentase fasilitas kesehatan sesuai standar", baseline: "65 %",
                target: ["70 %", "75 %", "80 %", "85 %", "90 %"],
                pagu: [200_000_000, 210_000_000, 220_000_000, 230_000_000, 240_000_000], akhir: "90 %",
                paguAkhir: 1_100_000_000, pj: "Bidang Pelayanan Kesehatan"),
            Baris(
                kode: "1.02.02.2.01", uraian: "Penyediaan Fasilitas Pelayanan Kesehatan",
                indikator: "Jumlah puskesmas yang ditingkatkan (Unit)", baseline: "2",
                target: ["2", "2", "2", "2", "2"],
                pagu: [180_000_000, 190_000_000, 200_000_000, 210_000_000, 220_000_000], akhir: "10",
                paguAkhir: paguAkhirKegiatan, pj: "Seksi Fasilitas Kesehatan"),
            Baris(
                kode: "1.02.02.2.02", uraian: "Penyediaan Layanan Kesehatan Rujukan",
                indikator: "Jumlah dokumen layanan rujukan (Dokumen)", baseline: "1",
                target: ["1", "1", "1", "1", "1"],
                pagu: [20_000_000, 20_000_000, 20_000_000, 20_000_000, 20_000_000], akhir: "5", paguAkhir: 100_000_000,
                pj: "Seksi Rujukan"),
        ]
    }

    /// `tahunDiKepala`: years printed in the headers, else `Tahun-1 … Tahun-5` and the period in the title;
    /// `kodeDalamUraian`: no kode column.
    static func berkas(_ rows: [Baris], tahunDiKepala: Bool, kodeDalamUraian: Bool, total: Int64? = nil) throws -> Data
    {
        let years = 2026...2030
        let fixed =
            ["Tujuan", "Sasaran"] + (kodeDalamUraian ? [] : ["Kode"]) + [
                "Program dan Kegiatan", "Indikator Kinerja Tujuan, Sasaran, Program (Outcome) dan Kegiatan (Output)",
                "Data Capaian pada Tahun Awal Perencanaan",
            ]
        var r1 = fixed + ["Target Kinerja Program dan Kerangka Pendanaan"] + Array(repeating: "", count: 9)
        r1 += ["Kondisi Kinerja pada Akhir Periode Renstra", "", "Unit Kerja PD Penanggung Jawab", "Lokasi"]
        var r2 = Array(repeating: "", count: fixed.count)
        for (index, year) in years.enumerated() {
            r2 += [tahunDiKepala ? "Tahun \(year)" : "Tahun-\(index + 1)", ""]
        }
        r2 += ["", "", "", ""]
        var r3 = Array(repeating: "", count: fixed.count)
        for _ in years { r3 += ["Target", "Rp"] }
        r3 += ["Target", "Rp", "", ""]
        let numbering = (1...r1.count).map { "(\($0))" }
        var sheet: [[XLSXCell]] = [
            [.text("Tabel 5.1", .title)],
            [.text("Rencana Program, Kegiatan dan Pendanaan Dinas Kesehatan Kabupaten Contoh Tahun 2026-2030", .title)],
            [],
        ]
        sheet += [r1, r2, r3, numbering].map { $0.map { XLSXCell.text($0, .header) } }
        for row in rows {
            var cells = [row.tujuan, row.sasaran]
            if kodeDalamUraian {
                cells.append(row.kode.isEmpty ? row.uraian : row.kode + " - " + row.uraian)
            } else {
                cells += [row.kode, row.uraian]
            }
            cells += [row.indikator, row.baseline]
            for index in 0..<5 {
                cells.append(index < row.target.count ? row.target[index] : "")
                cells.append(index < row.pagu.count ? rp(row.pagu[index]) : "")
            }
            cells += [row.akhir, row.paguAkhir.map(rp) ?? "", row.pj, row.kode.isEmpty ? "" : "Kab. Contoh"]
            sheet.append(cells.map { XLSXCell.text($0) })
        }
        var totalRow = Array(repeating: "", count: r1.count)
        totalRow[fixed.count - 3] = "JUMLAH"
        let programs = rows.filter { $0.kode.split(separator: ".").count == 3 }
        for index in 0..<5 {
            totalRow[fixed.count + index * 2 + 1] = rp(
                index == 0
                    ? (total ?? programs.map { $0.pagu[0] }.reduce(0, +)) : programs.map { $0.pagu[index] }.reduce(0, +)
            )
        }
        sheet.append(totalRow.map { XLSXCell.text($0, .boldText) })
        return try XLSXWriter.write([XLSXSheet(name: "T-C.27", rows: sheet)])
    }

    static let bentuk: [(tahunDiKepala: Bool, kodeDalamUraian: Bool)] = [(true, false), (false, true)]

    @Test(arguments: [0, 1])
    func aCorrectRenstraGivesNoFindingAndEveryElement(bentuk index: Int) throws {
        let form = Self.bentuk[index]
        let hasil = Importer.baca(
            try Self.berkas(Self.isi(), tahunDiKepala: form.tahunDiKepala, kodeDalamUraian: form.kodeDalamUraian),
            namaBerkas: "renstra.xlsx")
        #expect(hasil.lembar.map(\.tataLetak) == ["Renstra T-C.27 (2026-2030)"])
        #expect(hasil.temuan.isEmpty, "\(hasil.temuan.map(\.description))")
        #expect(hasil.periodeRenstra == [2026...2030])
        #expect(hasil.rencana.map(\.tingkat) == [.tujuanPD, .sasaranPD, .program, .kegiatan, .kegiatan])
        let tujuan = hasil.rencana[0]
        #expect(tujuan.uraian == "Meningkatnya derajat kesehatan masyarakat")
        #expect(tujuan.indikator == "Angka harapan hidup")
        #expect(tujuan.satuan == "Tahun")
        #expect(tujuan.target[2030]?.nilai == .angka(Decimal(string: "70.5")!))
        #expect(tujuan.baseline?.nilai == .angka(Decimal(string: "69.5")!))
        let kegiatan = hasil.rencana[3]
        #expect(kegiatan.kode?.normal == "1.02.02.2.01")
        #expect(kegiatan.pagu[2028]?.jumlah == Rupiah(sen: 20_000_000_000))
        #expect(kegiatan.pagu[2028]?.dokumen == .renstra)
        #expect(kegiatan.target[2026]?.dokumen == .renstra)
        #expect(kegiatan.satuan == "Unit")
        #expect(kegiatan.penanggungJawab == "Seksi Fasilitas Kesehatan")
    }

    @Test(arguments: [0, 1])
    func theEndOfPeriodRpThatIsNotTheSumOfTheYearsIsFoundOnce(bentuk index: Int) throws {
        let form = Self.bentuk[index]
        let hasil = Importer.baca(
            try Self.berkas(
                Self.isi(paguAkhirKegiatan: 1_200_000_000), tahunDiKepala: form.tahunDiKepala,
                kodeDalamUraian: form.kodeDalamUraian), namaBerkas: "renstra.xlsx")
        #expect(hasil.temuan.map(\.jenis) == [.totalPeriodeBerbeda], "\(hasil.temuan.map(\.description))")
    }

    @Test(arguments: [0, 1])
    func aChildThatDoesNotAddUpAndAWrongTotalAreEachFoundOnce(bentuk index: Int) throws {
        let form = Self.bentuk[index]
        var rows = Self.isi()
        rows[4].pagu[1] = 25_000_000
        rows[4].paguAkhir = 105_000_000
        let hasil = Importer.baca(
            try Self.berkas(
                rows, tahunDiKepala: form.tahunDiKepala, kodeDalamUraian: form.kodeDalamUraian, total: 199_000_000),
            namaBerkas: "renstra.xlsx")
        // Program 2027 ≠ Σ kegiatan 2027; the printed total 2026 ≠ Σ programs.
        #expect(
            hasil.temuan.map(\.jenis) == [.paguIndukBerbeda, .paguIndukBerbeda], "\(hasil.temuan.map(\.description))")
    }

    @Test(arguments: TestBackend.available)
    func applyingTheRenstraCreatesItsPeriod(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { db in
            let store = KinerjaStore(db)
            let (pemda, pd) = try await emptyPD(store)
            let data = try Self.berkas(Self.isi(), tahunDiKepala: true, kodeDalamUraian: false)
            let preview = try await importFile(store, pemda: pemda, pd: pd, data, name: "renstra.xlsx")
            #expect(preview.bisaDiterapkan, "\(preview.galat.map(\.description))")
            #expect(preview.dibuat.contains("Renstra 2026-2030 Dinas Uji (diusulkan dari berkas)"))
            let stored = try await store.load(pemda: pemda.id, perangkatDaerah: pd.id)
            #expect(stored.periode.map(\.nama) == ["Renstra 2026-2030"])
            #expect(stored.elemen.count == 5)
            #expect(Set(stored.target.map(\.dokumen)) == [.renstra])
            // Importing the same file again changes nothing and proposes no second period.
            let again = try await importFile(store, pemda: pemda, pd: pd, data, name: "renstra.xlsx", apply: false)
            #expect(again.perubahan.isEmpty)
        }
    }
}
