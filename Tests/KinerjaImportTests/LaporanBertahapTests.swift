import Foundation
import KinerjaDemo
import KinerjaDomain
import Testing
import ZIPFoundation

@testable import KinerjaImport

/// A whole Pemda's XLSX written PD by PD while the parts come (`LaporanEkspor.Bertahap`) is the XLSX of the whole
/// report: every part of the archive, inflated, the same bytes, whatever order the parts arrive in.
@Suite("XLSX seluruh Pemda bertahap")
struct LaporanBertahapTests {
    /// Every part of an archive, inflated, by its path.
    func isi(_ data: Data) throws -> [String: Data] {
        let archive = try Archive(data: data, accessMode: .read)
        var parts: [String: Data] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            parts[entry.path] = bytes
        }
        return parts
    }

    @Test func theSheetWrittenPartByPartIsTheSheetOfTheWholeReport() throws {
        var data = try SyntheticKabupaten(
            jumlahPD: 5, seed: 13, jumlahTahun: 2, programPerPD: 3, kegiatanPerProgram: 2, subPerKegiatan: 3
        ).build()
        // A PD without rows among them: no heading, no rows, its place taken by the next.
        data.perangkatDaerah.append(PerangkatDaerah(kode: "PD003A", nama: "Badan Tanpa Rencana"))
        let index = IndeksKinerja(data)
        let pds = data.perangkatDaerah.sorted { $0.kode < $1.kode }
        let reports: [(PerangkatDaerah) -> Laporan] = [
            { Laporan.realisasi(index, pd: $0, tahun: 2025) },
            { Laporan.renja(index, pd: $0, tahun: 2026) },
            { Laporan.evaluasiRenja(index, pd: $0, tahun: 2026) },
        ]
        var rng = SplitMix64(seed: 7)
        var compared = 0
        for build in reports {
            let parts = pds.map { ($0, build($0)) }
            for alamat in ["", "Jl. Jenderal Sudirman No. 1 ☎ (0711) 123"] {
                var whole = try #require(Laporan.gabungan(pemda: data.pemda, parts))
                whole.catatan.append("Realisasi yang belum disahkan tidak ditampilkan.")
                if !alamat.isEmpty { whole.kop.append(alamat) }
                let expected = try isi(try LaporanEkspor.xlsx(whole))
                let orders = [
                    Array(parts.indices), Array(parts.indices.reversed()), parts.indices.shuffled(using: &rng),
                ]
                for order in orders {
                    let bertahap = LaporanEkspor.Bertahap(jumlah: parts.count, pemda: data.pemda, alamat: alamat)
                    for index in order { bertahap.terima(index, parts[index].0, parts[index].1) }
                    let written = try bertahap.selesai(whole)
                    #expect(!bertahap.utuh, "the rows written part by part were used")
                    #expect(try isi(written) == expected, "\(whole.nama) \(order)")
                    compared += 1
                }
                // From every core at once, as the report's parts arrive.
                let bertahap = LaporanEkspor.Bertahap(jumlah: parts.count, pemda: data.pemda, alamat: alamat)
                let shuffled = parts.indices.shuffled(using: &rng)
                DispatchQueue.concurrentPerform(iterations: shuffled.count) { at in
                    let index = shuffled[at]
                    bertahap.terima(index, parts[index].0, parts[index].1)
                }
                #expect(try isi(try bertahap.selesai(whole)) == expected)
                #expect(!bertahap.utuh)
            }
        }
        #expect(compared == 18)
    }

    /// A finished report that is not the one its parts made (another kop) is written whole: the same file as `xlsx`.
    @Test func aReportOtherThanItsPartsIsWrittenWhole() throws {
        let data = try SyntheticKabupaten(
            jumlahPD: 2, seed: 17, jumlahTahun: 1, programPerPD: 2, kegiatanPerProgram: 1, subPerKegiatan: 2
        ).build()
        let index = IndeksKinerja(data)
        let parts = data.perangkatDaerah.sorted { $0.kode < $1.kode }.map {
            ($0, Laporan.realisasi(index, pd: $0, tahun: 2025))
        }
        var whole = try #require(Laporan.gabungan(pemda: data.pemda, parts))
        whole.kop.append("Alamat yang tidak disebut sebelumnya")
        let bertahap = LaporanEkspor.Bertahap(jumlah: parts.count, pemda: data.pemda)
        for (index, part) in parts.enumerated() { bertahap.terima(index, part.0, part.1) }
        #expect(try isi(try bertahap.selesai(whole)) == (try isi(try LaporanEkspor.xlsx(whole))))
        #expect(bertahap.utuh)
        // More parts than it was told of (a PD added while the report was read), or fewer: written whole, no crash.
        let plain = try #require(Laporan.gabungan(pemda: data.pemda, parts))
        for told in [1, 3] {
            let counted = LaporanEkspor.Bertahap(jumlah: told, pemda: data.pemda)
            for (index, part) in parts.enumerated() { counted.terima(index, part.0, part.1) }
            #expect(try isi(try counted.selesai(plain)) == (try isi(try LaporanEkspor.xlsx(plain))))
            #expect(counted.utuh)
        }
    }
}
