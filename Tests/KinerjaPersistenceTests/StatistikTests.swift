import FluentKit
import Foundation
import KinerjaDemo
import KinerjaDomain
import KinerjaTestSupport
import SQLKit
import SQLiteNIO
import Testing

@testable import KinerjaPersistence

/// The planner's statistics (`perbaruiStatistik`): taken after a bulk write, taken again only when a table has
/// grown or shrunk by half, and with them SQLite reads a Pemda that owns the file in table order.
@Suite("Statistik perencana kueri")
struct StatistikTests {
    /// Two PD of the synthetic kabupaten: more than 20 000 rows, a bulk write (`write(besar:)`).
    static func kabupaten() throws -> DataKinerja {
        try SyntheticKabupaten(jumlahPD: 2, seed: 3).build()
    }

    @Test(arguments: TestBackend.available)
    func aBulkWriteLeavesStatisticsThatAreKeptUntilTheTablesChange(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { db in
            let store = KinerjaStore(db)
            // Nothing to analyze in an empty database.
            #expect(try await store.perbaruiStatistik() == [])
            let data = try Self.kabupaten()
            try await store.create(data)
            // On SQLite the bulk write took them: nothing is stale. PostgreSQL leaves them to autovacuum.
            let dianalisis = try await store.perbaruiStatistik()
            #expect(backend == .postgres || dianalisis == [])
            #expect(try await store.perbaruiStatistik() == [])
            let sql = try #require(db as? any SQLDatabase)
            struct Angka: Decodable { var n: Double? }
            struct Jumlah: Decodable { var n: Int }
            func tercatat(_ table: String) async throws -> Double? {
                try await sql.raw(
                    backend == .sqlite
                        ? "SELECT max(CAST(stat AS INTEGER)) AS n FROM sqlite_stat1 WHERE tbl = \(bind: table)"
                        : "SELECT reltuples::float8 AS n FROM pg_class WHERE relname = \(bind: table)"
                ).first(decoding: Angka.self)?.n ?? nil
            }
            func baris(_ table: String) async throws -> Double {
                try await sql.raw("SELECT count(*) AS n FROM \(unsafeRaw: table)").first(decoding: Jumlah.self).map {
                    Double($0.n)
                } ?? 0
            }
            // (elemen_rencana has fewer than 1 000 rows: left.)
            for table in ["target", "indikator", "pagu", "realisasi_kinerja"] {
                #expect(try await tercatat(table) == (try await baris(table)), "\(table)")
            }
            // A second Pemda as large as the first doubles the tables: taken again after its bulk write.
            var kedua = try SyntheticKabupaten(jumlahPD: 2, seed: 4).build()
            kedua.pemda = Pemda(nama: "Kabupaten Kedua", ibukota: "Kota Kedua")
            try await store.create(kedua)
            if backend == .postgres { try await store.perbaruiStatistik() }
            #expect(try await store.perbaruiStatistik() == [])
            let target = try await baris("target")
            #expect(target == 2 * Double(data.target.count))
            let dicatat = try #require(try await tercatat("target"))
            #expect(abs(dicatat - target) <= target / 100, "target: \(dicatat) dari \(target)")
        }
    }

    @Test func aPemdaThatOwnsTheFileIsReadInTableOrderAndAPDThroughItsIndex() async throws {
        try await withTestDatabase(.sqlite) { db in
            let store = KinerjaStore(db)
            let data = try Self.kabupaten()
            try await store.create(data)
            let sqlite = try #require(db as? any SQLiteDatabase)
            func plan(_ table: String, _ scope: KinerjaStore.Scope) async throws -> String {
                let (sql, ikatan) = KinerjaStore.kueri(table, ["id"], scope, tahunan: true, postgres: false)
                let binds: [SQLiteData] = ikatan.map {
                    switch $0 {
                    case .uuid(let uuid): .text(uuid.uuidString)
                    case .bilangan(let value): .integer(value)
                    }
                }
                return try await sqlite.withConnection { try await $0.query("EXPLAIN QUERY PLAN " + sql, binds) }
                    .compactMap { $0.column("detail")?.string }.joined(separator: "; ")
            }
            let pemda = data.pemda.id.uuid
            let pd = try #require(data.perangkatDaerah.first).id.uuid
            for table in ["target", "pagu", "realisasi_kinerja", "realisasi_anggaran"] {
                let semua = try await plan(table, .init(pemda: pemda, pd: nil, denganRPJMD: false))
                #expect(semua.hasPrefix("SCAN \(table)"), "\(table): \(semua)")
                let satuPD = try await plan(table, .init(pemda: pemda, pd: pd, denganRPJMD: false, tahun: 2025))
                #expect(satuPD.contains("USING INDEX"), "\(table): \(satuPD)")
            }
        }
    }
}
