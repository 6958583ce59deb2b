import FluentKit
import Foundation
import KinerjaApplication
import KinerjaDemo
import KinerjaDomain
import KinerjaTestSupport
import Testing

@testable import KinerjaPersistence

/// A report that reads one year (`NamaLaporan.satuTahun`) is built from that year's rows alone: the same report, cell
/// for cell, as from all of the PD's years, for every PD and year of the demo (with its approved PK and Renja
/// Perubahan, realisasi verified, provisional and held back) and of a synthetic kabupaten of three years, as each
/// kind of reader sees it; what it names as provisional or held back is that year's.
@Suite("Laporan satu tahun")
struct LaporanSatuTahunTests {
    @Test(arguments: TestBackend.available)
    func aReportOfOneYearIsTheSameFromThatYearAlone(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { db in
            let store = KinerjaStore(db)
            var sets = try await Demo.load(into: store)
            let synthetic = try SyntheticKabupaten(jumlahPD: 2, seed: 5, jumlahTahun: 3).build()
            try await store.create(synthetic)
            sets.append(synthetic)
            var compared = 0
            var withCapaian = 0
            var withItems = 0
            for data in sets {
                let pemda = data.pemda.id
                for pd in data.perangkatDaerah {
                    // The years of the PD's realisasi, and one of targets only.
                    let elemen = Set(data.elemen.filter { $0.perangkatDaerah == pd.id }.map(\.id))
                    let indikator = Set(data.indikator.filter { elemen.contains($0.elemen) }.map(\.id))
                    let withRealisasi = Set(
                        data.realisasi.filter { indikator.contains($0.indikator) }.map(\.periode.tahun))
                    let targetOnly = Set(data.target.map(\.periode.tahun)).subtracting(withRealisasi).min()
                    let years = withRealisasi.sorted() + (targetOnly.map { [$0] } ?? [])
                    for tampilan in [Tampilan.terbit, .kerja] {
                        let all = try await LaporanKatalog.muatTerbit(
                            store, pemda: pemda, pd: pd.id, tampilan: tampilan)
                        for year in years {
                            let one = try await LaporanKatalog.muatTerbit(
                                store, pemda: pemda, pd: pd.id, tahun: year, tampilan: tampilan)
                            #expect(one.data.target.allSatisfy { $0.periode.tahun == year })
                            #expect(one.sementara == all.sementara.filter { $0.tahun == year })
                            #expect(one.ditahan == all.ditahan.filter { $0.tahun == year })
                            if !one.sementara.isEmpty || !one.ditahan.isEmpty { withItems += 1 }
                            for name in NamaLaporan.allCases where name.satuTahun {
                                let fromAll = LaporanKatalog.bangun(
                                    name, IndeksKinerja(all.data), pd: pd, tahun: year, tahunDiminta: year)
                                let fromOne = LaporanKatalog.bangun(
                                    name, IndeksKinerja(one.data), pd: pd, tahun: year, tahunDiminta: year)
                                #expect(
                                    fromOne == fromAll,
                                    "\(name.rawValue) \(data.pemda.nama) \(pd.kode) \(year) \(tampilan)")
                                compared += 1
                                if fromAll.baris.contains(where: {
                                    $0.sel.contains { if case .persen(.some) = $0 { true } else { false } }
                                }) {
                                    withCapaian += 1
                                }
                            }
                        }
                    }
                }
            }
            // The comparison saw reports with capaian, and readers for whom some realisasi is provisional or held back.
            #expect(compared >= 12 && withCapaian >= 4, "\(compared) \(withCapaian)")
            #expect(withItems > 0)
        }
    }
}
