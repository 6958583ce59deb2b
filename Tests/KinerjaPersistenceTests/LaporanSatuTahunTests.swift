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
    /// The demo's Pemda (with their approved PK and Renja Perubahan, realisasi verified, provisional and held back)
    /// and a synthetic kabupaten of two PD and three years, stored.
    static func demoDanSintetis(_ store: KinerjaStore) async throws -> [DataKinerja] {
        let demo = try await Demo.load(into: store)
        let synthetic = try SyntheticKabupaten(jumlahPD: 2, seed: 5, jumlahTahun: 3).build()
        try await store.create(synthetic)
        return demo + [synthetic]
    }

    @Test(arguments: TestBackend.available)
    func aReportOfOneYearIsTheSameFromThatYearAlone(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { db in
            let store = KinerjaStore(db)
            let sets = try await Self.demoDanSintetis(store)
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

    /// The evaluation of the Renja reads what it shows (`LaporanKatalog.pilihanMuat`: three years' targets, the
    /// realisasi kinerja of the years before, no money): the same report, cell for cell, as from all of the PD's rows,
    /// for every PD of the demo and of a synthetic kabupaten, every year from the one after its first targets to the
    /// one after its last, as each kind of reader sees it; what it names as provisional or held back is the realisasi
    /// kinerja of the years before (the only figures it shows), and the whole Pemda's report is its PD's.
    @Test(arguments: TestBackend.available)
    func theEvaluationOfTheRenjaIsTheSameFromWhatItReads(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { db in
            let store = KinerjaStore(db)
            let sets = try await Self.demoDanSintetis(store)
            var compared = 0
            var withFigures = 0
            var withItems = 0
            for data in sets {
                let pemda = data.pemda.id
                let periode = try await store.periode(pemda: pemda, perangkatDaerah: nil)
                let targetYears = data.target.map(\.periode.tahun)
                guard let first = targetYears.min(), let last = targetYears.max() else { continue }
                for pd in data.perangkatDaerah {
                    #expect(
                        try await store.periode(pemda: pemda, perangkatDaerah: pd.id)
                            == periode.filter { $0.perangkatDaerah == nil || $0.perangkatDaerah == pd.id })
                    let kerja = try await LaporanKatalog.muatTerbit(store, pemda: pemda, pd: pd.id, tampilan: .kerja)
                    var kinerjaSaja = kerja.data
                    kinerjaSaja.anggaran = []
                    let withKinerja = kinerjaSaja.objekBerisi(jenis: [.realisasi])
                    for tampilan in [Tampilan.terbit, .kerja] {
                        let all = try await LaporanKatalog.muatTerbit(
                            store, pemda: pemda, pd: pd.id, tampilan: tampilan)
                        for year in (first + 1)...(last + 1) {
                            let pilihan = try #require(
                                LaporanKatalog.pilihanMuat(.evaluasiRenja, tahun: year, periode: periode, pd: pd.id))
                            let read = try await LaporanKatalog.muatTerbit(
                                store, pemda: pemda, pd: pd.id, pilihan: pilihan, tampilan: tampilan)
                            #expect(read.data.pagu.isEmpty && read.data.anggaran.isEmpty)
                            #expect(read.data.realisasi.allSatisfy { $0.periode.tahun < year })
                            #expect(
                                read.sementara == all.sementara.filter { $0.tahun < year && withKinerja.contains($0) })
                            #expect(read.ditahan == all.ditahan.filter { $0.tahun < year && withKinerja.contains($0) })
                            if !read.sementara.isEmpty || !read.ditahan.isEmpty { withItems += 1 }
                            let fromAll = Laporan.evaluasiRenja(IndeksKinerja(all.data), pd: pd, tahun: year)
                            let fromRead = Laporan.evaluasiRenja(IndeksKinerja(read.data), pd: pd, tahun: year)
                            #expect(fromRead == fromAll, "\(data.pemda.nama) \(pd.kode) \(year) \(tampilan)")
                            compared += 1
                            if fromAll.baris.contains(where: {
                                $0.sel.contains { if case .persen(.some) = $0 { true } else { false } }
                            }) {
                                withFigures += 1
                            }
                        }
                    }
                }
                // The whole Pemda's report gathers the parts as each PD's own report reads them.
                let year = last
                let whole = try await LaporanKatalog.seluruhPemda(
                    .evaluasiRenja, store: store, pemda: pemda, tahun: year, tampilan: .kerja)
                let parts = try await data.perangkatDaerah.asyncMap { pd in
                    (
                        pd,
                        try await LaporanKatalog.buat(
                            .evaluasiRenja, store: store, pemda: pemda, pd: pd, tahun: year, tampilan: .kerja)
                    )
                }
                #expect(whole.baris == Laporan.gabungan(pemda: data.pemda, parts)?.baris)
            }
            #expect(compared >= 20 && withFigures >= 4, "\(compared) \(withFigures)")
            #expect(withItems > 0)
        }
    }
}

extension Array {
    fileprivate func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
