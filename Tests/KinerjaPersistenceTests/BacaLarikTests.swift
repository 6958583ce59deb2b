import FluentKit
import Foundation
import KinerjaTestSupport
import SQLKit
import Testing

@testable import KinerjaPersistence

/// The large tables' read path (`KinerjaStore.baca`): on PostgreSQL one row of arrays (`LarikPostgres`), on SQLite
/// the statement's rows. Both give back what was stored: NULLs, texts with every kind of character, integers at their
/// limits, booleans; no rows; an aggregate; a row of thousands; and a value of the wrong kind is named by its column.
@Suite("Baca tabel besar")
struct BacaLarikTests {
    struct Baris: Equatable, Hashable {
        var id: UUID
        var pd: UUID?
        var teks: String?
        var angka: Int64
        var benar: Bool
    }

    static let teks: [String?] = [
        nil, "", "biasa", "tab\tdi tengah", "baris\nbaru\r\n", "kutip 'satu' \"dua\"", "garis \\ miring",
        "Ümlaut é 🎉 ñ",
        String(repeating: "panjang ", count: 2_000), "{kurung,koma}", "NULL",
    ]

    @Test(arguments: TestBackend.available)
    func whatIsStoredIsReadBack(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { db in
            let sql = try #require(db as? any SQLDatabase)
            let postgres = sql.dialect.name == "postgresql"
            try await sql.raw(
                postgres
                    ? """
                    CREATE TABLE uji_baca (id uuid PRIMARY KEY, pemda_id uuid NOT NULL, perangkat_daerah_id uuid,
                    teks text, angka bigint NOT NULL, benar boolean NOT NULL)
                    """
                    : """
                    CREATE TABLE uji_baca (id TEXT PRIMARY KEY, pemda_id TEXT NOT NULL, perangkat_daerah_id TEXT,
                    teks TEXT, angka INTEGER NOT NULL, benar INTEGER NOT NULL)
                    """
            ).run()
            let pemda = UUID()
            let lain = UUID()
            let pd = UUID()
            var disimpan: [Baris] = []
            for (i, teks) in Self.teks.enumerated() {
                let angka: [Int64] = [0, -1, 1, .max, .min, 42, 1_234_567_890_123]
                disimpan.append(
                    Baris(
                        id: UUID(), pd: i.isMultiple(of: 3) ? nil : pd, teks: teks, angka: angka[i % angka.count],
                        benar: i.isMultiple(of: 2)))
            }
            for i in 0..<3_000 {
                disimpan.append(Baris(id: UUID(), pd: pd, teks: "baris \(i)", angka: Int64(i), benar: false))
            }
            func simpan(_ b: Baris, pemda: UUID) async throws {
                func id(_ uuid: UUID?) -> any SQLExpression {
                    guard let uuid else { return SQLLiteral.null }
                    return postgres ? SQLBind(uuid) : SQLBind(KinerjaStore.uuidText(uuid))
                }
                try await sql.insert(into: "uji_baca")
                    .columns("id", "pemda_id", "perangkat_daerah_id", "teks", "angka", "benar")
                    .values(
                        id(b.id), id(pemda), id(b.pd),
                        b.teks.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null,
                        SQLBind(b.angka), postgres ? SQLBind(b.benar) : SQLBind(b.benar ? 1 : 0)
                    )
                    .run()
            }
            for b in disimpan { try await simpan(b, pemda: pemda) }
            try await simpan(Baris(id: UUID(), pd: nil, teks: "Pemda lain", angka: 7, benar: true), pemda: lain)

            let kolom = ["id", "perangkat_daerah_id", "teks", "angka", "benar"]
            @Sendable func baca(_ scope: KinerjaStore.Scope) async throws -> [Baris] {
                try await KinerjaStore.baca("uji_baca", kolom, scope, on: db) { row in
                    Baris(
                        id: try row.uuid(0), pd: try row.uuidOpsional(1), teks: try row.teksOpsional(2),
                        angka: try row.int64(3), benar: try row.logika(4))
                }
            }
            let semua = try await baca(KinerjaStore.Scope(pemda: pemda, pd: nil, denganRPJMD: false))
            #expect(semua.count == disimpan.count)
            #expect(Set(semua) == Set(disimpan))
            let milikPD = try await baca(KinerjaStore.Scope(pemda: pemda, pd: pd, denganRPJMD: false))
            #expect(Set(milikPD) == Set(disimpan.filter { $0.pd == pd }))
            let denganPemda = try await baca(KinerjaStore.Scope(pemda: pemda, pd: pd, denganRPJMD: true))
            #expect(Set(denganPemda) == Set(disimpan))
            let beberapa = Array(disimpan.prefix(5))
            let menurutID = try await baca(
                KinerjaStore.Scope(pemda: pemda, pd: nil, denganRPJMD: false, ids: beberapa.map(\.id)))
            #expect(Set(menurutID) == Set(beberapa))
            // No rows.
            #expect(try await baca(KinerjaStore.Scope(pemda: UUID(), pd: nil, denganRPJMD: false)).isEmpty)
            // An aggregate: one row.
            let hitung = try await KinerjaStore.baca(
                "uji_baca", ["count(*) AS n", "count(teks) AS t"],
                KinerjaStore.Scope(pemda: pemda, pd: nil, denganRPJMD: false), on: db
            ) { row in [try row.bilangan(0), try row.bilangan(1)] }
            #expect(hitung == [[disimpan.count, disimpan.filter { $0.teks != nil }.count]])
            // A text where a UUID is expected: the error names the table, the row and the column.
            do {
                _ = try await KinerjaStore.baca(
                    "uji_baca", kolom, KinerjaStore.Scope(pemda: lain, pd: nil, denganRPJMD: false), on: db
                ) { row in try row.uuid(2) }
                Issue.record("teks terbaca sebagai UUID")
            } catch let error as RowError {
                #expect(error.table == "uji_baca" && error.column == "teks" && error.value == "Pemda lain")
                #expect(error.id != nil)
            }
        }
    }
}
