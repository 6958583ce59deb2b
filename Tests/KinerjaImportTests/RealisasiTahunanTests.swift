import Foundation
import KinerjaDomain
import KinerjaImport
import KinerjaSpreadsheet
import Testing

/// The year's realisasi table (Tabel 2.1 in its 8-column shape): target, pagu, realisasi kinerja and keuangan,
/// % keuangan and % fisik, as a Pemda prints it. Correct: no finding; planted: each error found once.
@Suite("Realisasi tahunan (Tabel 2.1, 8 kolom)")
struct RealisasiTahunanTests {
    /// Realisasi keuangan in Rupiah by kode, in the order of `VariasiTataLetakTests.elemen`.
    static let keuangan: [Int64] = [470_000_000, 380_000_000, 140_000_000, 240_000_000, 90_000_000, 90_000_000]

    static func persen(_ part: Int64, _ whole: Int64) -> String {
        IndonesianFormat.number((Decimal(part) * 100 / Decimal(whole)).rounded(scale: 2), fractionDigits: 2)
    }

    static func berkas(
        kodeDalamUraian: Bool = false, ubahKeuangan: [Int: Int64] = [:], ubahPersen: [Int: String] = [:]
    ) throws -> Data {
        let header =
            (kodeDalamUraian ? [] : ["Kode"]) + [
                "Program/Kegiatan/Sub Kegiatan", "Indikator Kinerja", "Target", "Pagu (Rp)", "Realisasi Kinerja",
                "Realisasi Keuangan (Rp)", "% Keuangan", "% Fisik",
            ]
        var rows: [[XLSXCell]] = [
            [.text("Realisasi Program dan Kegiatan Dinas Kesehatan Tahun 2026", .title)], [],
            header.map { .text($0, .header) }, (1...header.count).map { .text("(\($0))", .header) },
        ]
        for (index, element) in VariasiTataLetakTests.elemen.enumerated() {
            let spent = ubahKeuangan[index] ?? keuangan[index]
            for (position, indicator) in element.indikator.enumerated() {
                let first = position == 0
                var cells: [String] = []
                if !kodeDalamUraian { cells.append(first ? element.kode : "") }
                cells.append(first ? (kodeDalamUraian ? element.kode + " - " + element.uraian : element.uraian) : "")
                let unit = indicator.satuan == "%" ? " %" : " " + indicator.satuan
                cells += [
                    indicator.nama, indicator.t26 + unit, first ? VariasiTataLetakTests.rp(element.pagu26) : "",
                    indicator.t26 + unit, first ? VariasiTataLetakTests.rp(spent) : "",
                    first ? (ubahPersen[index] ?? persen(spent, element.pagu26)) : "", first ? "100" : "",
                ]
                rows.append(cells.map { XLSXCell.text($0) })
            }
        }
        return try XLSXWriter.write([XLSXSheet(name: "Tabel 2.1", rows: rows)])
    }

    @Test(arguments: [false, true])
    func aCorrectTableGivesNoFindingAndEveryRealisasi(kodeDalamUraian: Bool) throws {
        let hasil = Importer.baca(try Self.berkas(kodeDalamUraian: kodeDalamUraian), namaBerkas: "realisasi.xlsx")
        #expect(hasil.lembar.map(\.tataLetak) == ["Realisasi tahunan (Tabel 2.1, 8 kolom)"])
        #expect(hasil.temuan.isEmpty, "\(hasil.temuan.map(\.description))")
        #expect(hasil.realisasi.count == 7)
        let sub = try #require(hasil.realisasi.first { $0.kode?.normal == "1.02.02.2.01.0002" })
        #expect(sub.tahun == 2026)
        #expect(sub.triwulan == nil)
        #expect(sub.keuangan == Rupiah(sen: 24_000_000_000))
        #expect(sub.fisik == 100)
        #expect(sub.realisasi?.nilai == .angka(2))
        #expect(
            hasil.rencana.first { $0.kode?.normal == "1.02.02.2.01.0002" }?.pagu[2026]?.jumlah
                == Rupiah(sen: 25_000_000_000))
    }

    @Test func aPercentThatIsNotRealisasiOverPaguIsFoundOnceAndSoIsARoundingSlip() throws {
        // Sub kegiatan 1: 140/150 = 93,33 printed 93,34 (a slip in the last decimal); kegiatan 2: printed 80,00.
        let hasil = Importer.baca(
            try Self.berkas(ubahPersen: [2: "93,34", 4: "80,00"]), namaBerkas: "realisasi.xlsx")
        #expect(hasil.temuan.map(\.jenis) == [.persenBerbeda, .persenBerbeda], "\(hasil.temuan.map(\.description))")
        #expect(Set(hasil.temuan.compactMap(\.tercetak)) == ["93,34", "80,00"])
    }

    @Test func aParentsRealisasiKeuanganThatIsNotTheSumIsFoundOnce() throws {
        // Kegiatan 1 printed 390 000 000 while its sub kegiatan spent 380 000 000 (its % printed accordingly).
        let hasil = Importer.baca(
            try Self.berkas(ubahKeuangan: [1: 390_000_000], ubahPersen: [1: Self.persen(390_000_000, 400_000_000)]),
            namaBerkas: "realisasi.xlsx")
        // Found at the kegiatan only: the program's figure adds up once the kegiatan is taken at its subs' sum.
        #expect(hasil.temuan.map(\.jenis) == [.realisasiIndukBerbeda], "\(hasil.temuan.map(\.description))")
        #expect(hasil.temuan.first?.baris == 7)
    }
}
