import Foundation
import KinerjaDemo
import KinerjaDomain
import KinerjaPersistence
import KinerjaSpreadsheet
import KinerjaTestSupport
import Testing

/// Seed 003 Tabel 2.3 (capaian of the sasaran indicators in 2022), reproduced from the demo data after a trip
/// through the database.
@Suite("Golden: seed 003 Tabel 2.3")
struct Tabel23Tests {
    /// The row no formula reproduces: target 4, realisasi 3.49, printed 112.03 %. T ÷ R gives 114.61 and
    /// (2T − R) ÷ T gives 112.75; NOTES.md of seed 003 documents it.
    static let unreproducible = "Ratio Kekerasan Terhadap Perempuan"

    @Test(arguments: TestBackend.available)
    func capaianOfTheSixIndicators(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { db in
            let store = KinerjaStore(db)
            _ = try await Demo.load(into: store)
            let pemda = try #require(try await store.pemda(nama: "Kabupaten Batu Bara"))
            let pd = try #require(try await store.pd(pemda: pemda.id, kode: "DINSOS"))
            let data = try await store.load(pemda: pemda.id, perangkatDaerah: pd.id)
            let table = TabelCapaian(indeks: IndeksKinerja(data), perangkatDaerah: pd.id, tahun: 2022)
            let rows = try CSV.records(try SeedFiles.text("003/capaian_sasaran_2022.csv"))
            #expect(rows.count == 6)
            var checked = 0
            for row in rows {
                let nama = row["indikator"]!
                let printed = try #require(Decimal(plain: row["pct_capaian"]!))
                let item = try #require(
                    table.baris.flatMap(\.indikator).first { $0.indikator.nama == nama && $0.realisasi != nil })
                let computed = try #require(item.capaian.persen)
                if nama == Self.unreproducible {
                    #expect(computed.rounded(scale: 2) == Decimal(string: "114.61"))
                    #expect(computed.rounded(scale: 2) != printed)
                    continue
                }
                // The document truncates one value (99.8265 → 99.82) and rounds the others (66.8971 → 66.90).
                let matches = computed.rounded(scale: 2) == printed || computed.truncated(scale: 2) == printed
                #expect(matches, "\(nama): dihitung \(computed), tercetak \(printed)")
                checked += 1
            }
            #expect(checked == 5)
        }
    }

    @Test func theOtherLowerIsBetterMethodGivesTheOtherNumbers() {
        let selisih = AturanCapaian(polaritas: .turun, metodeTurun: .selisih)
        let result = CapaianEngine.capaian(
            target: .angka(Decimal(string: "16.45")!), realisasi: .angka(Decimal(string: "24.59")!), aturan: selisih)
        #expect(result.persen?.rounded(scale: 4) == Decimal(string: "50.5167"))
    }
}
