import FluentKit
import Foundation
import KinerjaDemo
import KinerjaDomain
import KinerjaTestSupport
import Testing

@testable import KinerjaPersistence

/// A load reads half its tables through `pembacaKedua` while it reads the other half: the same data as one after
/// the other, for a whole Pemda, a PD, a year; inside a transaction the second reader is not used.
@Suite("Muat dalam dua separuh")
struct MuatSerentakTests {
    @Test(arguments: TestBackend.available)
    func twoHalvesLoadWhatOneReaderLoads(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { db in
            let data = try SyntheticKabupaten(jumlahPD: 2, seed: 5, jumlahTahun: 2).build()
            try await KinerjaStore(db).create(data)
            var serentak = KinerjaStore(db)
            serentak.pembacaKedua = db
            let satu = KinerjaStore(db)
            let pemda = data.pemda.id
            let pd = try #require(data.perangkatDaerah.last).id
            for (pdDipilih, tahun) in [(nil, nil), (pd, nil), (nil, 2025), (pd, 2026)]
                as [(TypedID<PerangkatDaerah>?, Int?)]
            {
                let a = try await serentak.load(pemda: pemda, perangkatDaerah: pdDipilih, tahun: tahun)
                let b = try await satu.load(pemda: pemda, perangkatDaerah: pdDipilih, tahun: tahun)
                #expect(a.target == b.target && a.indikator == b.indikator && a.pagu == b.pagu)
                #expect(a.elemen == b.elemen && a.realisasi == b.realisasi && a.anggaran == b.anggaran)
                #expect(a.pemda == b.pemda && a.perangkatDaerah == b.perangkatDaerah && a.periode == b.periode)
                #expect(a.unitKerja == b.unitKerja && a.pejabat == b.pejabat && a.urusan == b.urusan)
                #expect(!a.target.isEmpty && !a.indikator.isEmpty && !a.pagu.isEmpty && !a.unitKerja.isEmpty)
            }
            // In a transaction: its own connection only (the second reader would not see what it wrote).
            let dalam = try await db.transaction { tx in
                var store = KinerjaStore(tx)
                store.pembacaKedua = db
                return try await store.load(pemda: pemda).target.count
            }
            #expect(dalam == data.target.count)
        }
    }
}
