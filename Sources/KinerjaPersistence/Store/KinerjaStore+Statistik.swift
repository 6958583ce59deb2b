import FluentKit
import Foundation
import KinerjaDomain
import SQLKit

/// The planner's statistics of the large tables. SQLite has none until `ANALYZE` is run, and without them it reads
/// a whole Pemda through the (pemda_id, …) index, one seek from the index into the table per row, even when the
/// Pemda owns every row of the file: target's 212 500 rows in 258 ms against 101 ms scanned in order (measured with
/// the synthetic kabupaten, docs/DEVELOPMENT.md "Performance"). With them it scans when the Pemda is the file and
/// seeks when it is one of twenty (a PD, a year, an owner's rows still go through their index). PostgreSQL keeps its
/// own statistics: autovacuum analyzes a table about a minute after a bulk write (here at once, 0,7 s for the
/// synthetic kabupaten).
extension KinerjaStore {
    /// The tables a load reads by Pemda, PD and year.
    static let tabelBesar = [
        "elemen_rencana", "indikator", "target", "pagu", "realisasi_kinerja", "realisasi_anggaran", "riwayat",
    ]

    /// Runs `ANALYZE` on each large table whose statistics are missing or whose row count has grown or shrunk by
    /// more than half since they were taken (a first import, `generate`, a Pemda removed); a table of fewer than 1 000 rows
    /// is left (any plan reads it fast). Returns the tables analyzed. On SQLite, called when the server starts and
    /// after every bulk write (`write(besar:)`); on PostgreSQL autovacuum does it (a minute after a bulk write).
    @discardableResult
    public func perbaruiStatistik() async throws -> [String] {
        try await Self.perbaruiStatistik(on: db)
    }

    static func perbaruiStatistik(on db: any Database) async throws -> [String] {
        guard let sql = db as? any SQLDatabase else { return [] }
        struct Tercatat: Decodable {
            var tabel: String
            var baris: Double
        }
        struct Nama: Decodable {
            var tabel: String
        }
        let tercatat: [Tercatat]
        let ada: Set<String>
        if sql.dialect.name == "sqlite" {
            ada = Set(
                try await sql.raw("SELECT name AS tabel FROM sqlite_master WHERE type = 'table'")
                    .all(decoding: Nama.self).map(\.tabel))
            // `sqlite_stat1` exists once ANALYZE has run; its `stat` starts with the table's row count then.
            tercatat =
                ada.contains("sqlite_stat1")
                ? try await sql.raw(
                    "SELECT tbl AS tabel, max(CAST(stat AS INTEGER)) AS baris FROM sqlite_stat1 GROUP BY tbl"
                ).all(decoding: Tercatat.self) : []
        } else {
            // `reltuples` is -1 (PostgreSQL 14+) or 0 before the first ANALYZE or VACUUM.
            tercatat = try await sql.raw(
                """
                SELECT relname AS tabel, reltuples::float8 AS baris FROM pg_class
                WHERE relkind = 'r' AND pg_table_is_visible(oid)
                """
            ).all(decoding: Tercatat.self)
            ada = Set(tercatat.map(\.tabel))
        }
        let menurut = Dictionary(tercatat.map { ($0.tabel, $0.baris) }, uniquingKeysWith: max)
        var dianalisis: [String] = []
        // A database not yet migrated has none of them.
        for tabel in tabelBesar where ada.contains(tabel) {
            let baris = Double(
                try await sql.raw("SELECT count(*) AS n FROM \(unsafeRaw: tabel)").first(decoding: Jumlah.self)?.n ?? 0)
            guard baris >= 1_000 else { continue }
            if let lalu = menurut[tabel], lalu > 0, baris * 2 <= lalu * 3, baris * 3 >= lalu * 2 { continue }
            try await sql.raw("ANALYZE \(unsafeRaw: tabel)").run()
            dianalisis.append(tabel)
        }
        return dianalisis
    }

    private struct Jumlah: Decodable {
        var n: Int
    }
}
