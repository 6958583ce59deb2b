import Foundation
import KinerjaApplication
import KinerjaDemo
import KinerjaDomain
import KinerjaSpreadsheet
import Testing

@testable import KinerjaWeb

/// A cached report keeps its rows compact (`BarisLaporanRingkas`): they read back as they were, cell for cell and
/// number for number (every report of every demo PD, and rows made to be awkward), the kept table is the report's
/// table, a report built again is recognised, and damaged bytes are refused, never shown.
@Suite("Baris laporan ringkas")
struct BarisLaporanRingkasTests {
    @Test
    func aReportsRowsKeptCompactAreItsRows() throws {
        var reports = 0
        var rows = 0
        var kept = 0
        for data in try Demo.dataSets() {
            let index = IndeksKinerja(data)
            let years = Set(data.target.map(\.periode.tahun)).sorted()
            for pd in data.perangkatDaerah {
                for name in NamaLaporan.allCases where name != .ikuPemda {
                    let laporan = LaporanKatalog.bangun(
                        name, index, pd: pd, tahun: years.last ?? 2025, tahunDiminta: years.last)
                    let ringkas = BarisLaporanRingkas(laporan.baris)
                    let back = try ringkas.baris()
                    #expect(back == laporan.baris, "\(name.rawValue) \(pd.kode)")
                    // Exactly: the numbers print as before (a Decimal's scale is kept, not only its value).
                    #expect(back.map { $0.sel.map(\.teks) } == laporan.baris.map { $0.sel.map(\.teks) })
                    reports += 1
                    rows += laporan.baris.count
                    kept += ringkas.ukuran
                }
            }
        }
        #expect(reports > 50 && rows > 1_000)
        // Far smaller than the rows as values (ten cells of 24 bytes and an array each).
        #expect(kept * 4 < rows * 10 * 24)
    }

    @Test
    func awkwardRowsComeBackExactly() throws {
        let awkward: [Laporan.Baris] = [
            Laporan.Baris([]),
            Laporan.Baris([.kosong, .teks(""), .teks("Ünïcødé — 🇮🇩 \"<&>\"\n\ttab")], kedalaman: 3, gaya: .kelompok),
            Laporan.Baris(
                [
                    .angka(nil), .angka(Decimal(string: "1.50")), .angka(Decimal(string: "-0.000001")),
                    .angka(Decimal(string: "12345678901234567890123456789012345678")),
                    .persen(nil), .persen(Decimal(string: "100.00")), .rupiah(nil), .rupiah(Rupiah(sen: .min)),
                    .rupiah(Rupiah(sen: .max)), .rupiah(Rupiah(sen: 0)), .tidakTerdefinisi(catatan: 0),
                    .tidakTerdefinisi(catatan: 300), .tidakTerdefinisi(catatan: 7),
                ], kedalaman: -1, gaya: .subtotal),
            Laporan.Baris([.teks(String(repeating: "panjang ", count: 50_000))], kedalaman: Int.max, gaya: .total),
            Laporan.Baris([.teks("x")], kedalaman: Int.min),
        ]
        for rows in [awkward, [], Array(repeating: awkward[2], count: 20_000)] {
            let back = try BarisLaporanRingkas(rows).baris()
            #expect(back == rows)
            #expect(back.map { $0.sel.map(\.teks) } == rows.map { $0.sel.map(\.teks) })
        }
    }

    @Test
    func aCachedReportPrintsItsTableAndKnowsItself() throws {
        let data = try #require(try Demo.dataSets().first)
        let pd = try #require(data.perangkatDaerah.first)
        let laporan = LaporanKatalog.bangun(.realisasi, IndeksKinerja(data), pd: pd, tahun: 2024, tahunDiminta: 2024)
        #expect(!laporan.baris.isEmpty)
        let tersaji = LaporanTersaji(laporan)
        #expect(try tersaji.laporan() == laporan)
        #expect(tersaji.kepala.baris.isEmpty && tersaji.kepala.judul == laporan.judul)
        #expect(tersaji.tabel.html.rendered == LaporanHTML.tabel(laporan).rendered)
        #expect(tersaji.sama(laporan))
        var changed = laporan
        changed.baris[changed.baris.count / 2].sel[0] = .teks("lain")
        #expect(!tersaji.sama(changed))
        var retitled = laporan
        retitled.judul.append("lain")
        #expect(!tersaji.sama(retitled))
        #expect(!tersaji.sama(Laporan(nama: laporan.nama, kop: [], judul: [], kepala: [], kolom: [], baris: [])))
    }

    @Test
    func aWholePemdaPartKeptCompactIsThePart() throws {
        let data = try #require(try Demo.dataSets().first)
        for pd in data.perangkatDaerah {
            let laporan = LaporanKatalog.bangun(
                .realisasi, IndeksKinerja(data), pd: pd, tahun: 2024, tahunDiminta: 2024)
            let held = [ObjekAlur(perangkatDaerah: pd.id, jenis: .realisasi, tahun: 2024, triwulan: 2)]
            let part = BagianLaporan(laporan: laporan, sementara: [], ditahan: held)
            let back = try BagianTersimpan(part).bagian()
            #expect(back.laporan == laporan && back.ditahan == held && back.sementara.isEmpty)
        }
    }

    @Test
    func damagedRowsAreRefused() throws {
        let rows = [Laporan.Baris([.teks("satu"), .angka(1)]), Laporan.Baris([.rupiah(Rupiah(sen: 500))])]
        let good = BarisLaporanRingkas(rows)
        #expect(try good.baris() == rows)
        // The bytes cut short, or with a byte more: refused.
        let raw = try good.potongan.flatMap { try $0.teks() }
        for cut in [raw.count - 1, raw.count / 2, 1] {
            let truncated = Array(raw[..<cut])
            let chunk = truncated.withUnsafeBufferPointer { Deflate.Chunk(bytes: $0) }
            #expect(throws: (any Error).self) { try BarisLaporanRingkas(potongan: [chunk], jumlah: rows.count).baris() }
        }
        let longer = raw + [0]
        let chunk = longer.withUnsafeBufferPointer { Deflate.Chunk(bytes: $0) }
        #expect(throws: (any Error).self) { try BarisLaporanRingkas(potongan: [chunk], jumlah: rows.count).baris() }
    }
}
