import Foundation
import KinerjaDomain
import KinerjaImport
import KinerjaSpreadsheet
import Testing

/// Form E.81 (Permendagri 86/2017): the Renja evaluated by triwulan, K and Rp pairs. Built here from the test
/// Renja; correct: no finding; planted: each error found once.
@Suite("Evaluasi Renja per triwulan (E.81)")
struct EvaluasiTriwulanTests {
    static let spent = RealisasiTahunanTests.keuangan

    /// Rp per triwulan: 10, 20, 30, 40 % of the year's realisasi.
    static func quarters(_ total: Int64) -> [Int64] { [total / 10, total / 5, total * 3 / 10, total * 2 / 5] }

    static func berkas(
        ubahTahunIni: [Int: Int64] = [:], ubahPersen: [Int: String] = [:], ubahK: [Int: String] = [:]
    ) throws -> Data {
        let pairs = [
            "Target Renstra PD pada Akhir Periode Renstra",
            "Realisasi Capaian Kinerja Renstra PD sampai dengan Renja PD Tahun Lalu",
            "Target Kinerja dan Anggaran Renja PD Tahun Berjalan yang Dievaluasi",
        ]
        let after = [
            "Realisasi Capaian Kinerja dan Anggaran Renja PD yang Dievaluasi",
            "Realisasi Kinerja dan Anggaran Renstra PD s/d Tahun Berjalan",
            "Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra PD s/d Tahun Berjalan (%)",
        ]
        var r1 = [
            "No", "Sasaran", "Kode", "Urusan/Bidang Urusan/Program/Kegiatan",
            "Indikator Kinerja Program (outcome)/Kegiatan (output)",
        ]
        var r2 = Array(repeating: "", count: r1.count)
        var r3 = Array(repeating: "", count: r1.count)
        for name in pairs {
            r1 += [name, ""]
            r2 += ["", ""]
            r3 += ["K", "Rp"]
        }
        r1 += ["Realisasi Kinerja Pada Triwulan"] + Array(repeating: "", count: 7)
        for tw in ["I", "II", "III", "IV"] {
            r2 += [tw, ""]
            r3 += ["K", "Rp"]
        }
        for name in after {
            r1 += [name, ""]
            r2 += ["", ""]
            r3 += ["K", "Rp"]
        }
        r1 += ["Unit PD Penanggung Jawab", "Keterangan"]
        r2 += ["", ""]
        r3 += ["", ""]
        var rows: [[XLSXCell]] = [
            [.text("Evaluasi terhadap Hasil Renja Dinas Kesehatan Kabupaten Contoh Tahun 2026", .title)], [],
        ]
        rows += [r1, r2, r3, (1...r1.count).map { String($0) }].map { $0.map { XLSXCell.text($0, .header) } }
        let rp = VariasiTataLetakTests.rp
        for (index, element) in VariasiTataLetakTests.elemen.enumerated() {
            let year = Self.spent[index]
            let parts = Self.quarters(year)
            let end = element.pagu26 * 5
            let lastYears = element.pagu26 * 2
            let toDate = lastYears + (ubahTahunIni[index] ?? year)
            let percent = IndonesianFormat.number(
                (Decimal(toDate) * 100 / Decimal(end)).rounded(scale: 2), fractionDigits: 2)
            for (position, indicator) in element.indikator.enumerated() {
                let first = position == 0
                let unit = indicator.satuan == "%" ? " %" : " " + indicator.satuan
                var cells = [
                    first ? String(index + 1) : "", "", first ? element.kode : "", first ? element.uraian : "",
                    indicator.nama,
                    indicator.t27 + unit, first ? rp(end) : "", indicator.t26 + unit, first ? rp(lastYears) : "",
                    indicator.t26 + unit, first ? rp(element.pagu26) : "",
                ]
                for (tw, amount) in parts.enumerated() {
                    cells += [tw == 3 ? indicator.t26 + unit : "", first ? rp(amount) : ""]
                }
                cells += [
                    (first ? ubahK[index] : nil) ?? indicator.t26 + unit, first ? rp(ubahTahunIni[index] ?? year) : "",
                    indicator.t26 + unit,
                    first ? rp(toDate) : "", "", first ? (ubahPersen[index] ?? percent) : "",
                    first ? "Bidang Yankes" : "",
                    "",
                ]
                rows.append(cells.map { XLSXCell.text($0) })
            }
        }
        return try XLSXWriter.write([XLSXSheet(name: "E.81", rows: rows)])
    }

    @Test func aCorrectFormGivesNoFindingAndARealisasiPerTriwulan() throws {
        let hasil = Importer.baca(try Self.berkas(), namaBerkas: "e81.xlsx")
        #expect(hasil.lembar.map(\.tataLetak) == ["Evaluasi Renja per triwulan (E.81)"])
        #expect(hasil.temuan.isEmpty, "\(hasil.temuan.map(\.description))")
        let sub = hasil.realisasi.filter { $0.kode?.normal == "1.02.02.2.01.0002" }
        #expect(sub.map(\.triwulan) == [1, 2, 3, 4])
        #expect(sub.compactMap(\.keuangan).sum() == Rupiah(sen: 24_000_000_000))
        #expect(sub.last?.realisasi?.nilai == .angka(2))
        let plan = try #require(hasil.rencana.first { $0.kode?.normal == "1.02.02.2.01.0002" })
        #expect(plan.target[2026]?.nilai == .angka(2))
        #expect(plan.pagu[2026]?.jumlah == Rupiah(sen: 25_000_000_000))
    }

    @Test func theYearThatIsNotTheSumOfItsQuartersAndAWrongPercentAreEachFoundOnce() throws {
        // Sub kegiatan 2 prints 250 000 000 for the year (its quarters add up to 240 000 000; the Renstra to date
        // and its % follow the printed figure); sub kegiatan 3 prints a wrong %.
        let hasil = Importer.baca(
            try Self.berkas(ubahTahunIni: [3: 250_000_000], ubahPersen: [5: "12,34"]), namaBerkas: "e81.xlsx")
        #expect(
            hasil.temuan.map(\.jenis).sorted { $0.rawValue < $1.rawValue } == [.jumlahTriwulanBerbeda, .persenBerbeda],
            "\(hasil.temuan.map(\.description))")
    }

    @Test func aYearsKThatIsNeitherSumNorLastNorMeanOfTheQuartersIsFoundOnce() throws {
        // Sub kegiatan 2 (1 puskesmas in triwulan IV) prints 2 for the year.
        let hasil = Importer.baca(try Self.berkas(ubahK: [2: "2 Unit"]), namaBerkas: "e81.xlsx")
        #expect(hasil.temuan.map(\.jenis) == [.jumlahTriwulanBerbeda], "\(hasil.temuan.map(\.description))")
        #expect(hasil.temuan.first?.pesan.contains("Realisasi K tahun ini") == true)
    }
}
