import FluentKit
import Foundation
import KinerjaDomain
import NIOCore
import PostgresNIO
import SQLKit
import SQLiteNIO
import VaporCSQLite

/// The read path of the large tables, beneath SQLKit: a load asks the database driver (SQLiteNIO, PostgresNIO) for
/// its rows and decodes each column by position. Through SQLKit every row of SQLite became a future on the event
/// loop and every value went through a generic `Decoder` (about 5 µs a row, 85 % of loading a PD; measured with
/// perf and `kinerja bench`, docs/DEVELOPMENT.md "Performance").
struct Baris {
    fileprivate enum Isi {
        /// The row's values in the order asked for (SQLiteNIO's by-name lookup hashed every column's name, a tenth
        /// of a load).
        case sqlite([SQLiteColumn])
        /// A SQLite statement on its current row, its columns read where SQLite holds them (`RawSQLite`).
        case statement(OpaquePointer)
        /// The current row of a PostgreSQL result read as arrays (`LarikPostgres`).
        case larik(LarikPostgres)
    }
    fileprivate let isi: Isi
    /// The columns asked for, in order: a value is read by its position in them.
    let kolom: [String]
    let tabel: String

    private func galat(_ i: Int, _ ditemukan: String) -> RowError {
        let id = kolom.firstIndex(of: "id").flatMap { $0 == i ? nil : try? uuid($0) }
        return RowError(table: tabel, id: id, column: kolom[i], value: ditemukan)
    }

    private func sqlite(_ row: [SQLiteColumn], _ i: Int) -> SQLiteData {
        i < row.count ? row[i].data : .null
    }

    func kosong(_ i: Int) -> Bool {
        switch isi {
        case .sqlite(let row): if case .null = sqlite(row, i) { return true } else { return false }
        case .statement(let statement): return RawSQLite.type(statement, i) == SQLITE_NULL
        case .larik(let larik): return larik.kosong(i)
        }
    }

    func teks(_ i: Int) throws -> String {
        switch isi {
        case .sqlite(let row):
            switch sqlite(row, i) {
            case .text(let text): return text
            case .integer(let value): return String(value)
            case .float(let value): return String(value)
            case .null, .blob: throw galat(i, "(bukan teks)")
            }
        case .statement(let statement):
            // SQLite gives any value but NULL as text (each call on the handle takes its mutex: one call less).
            guard let text = RawSQLite.text(statement, i) else { throw galat(i, "(bukan teks)") }
            return text
        case .larik(let larik):
            guard let text = larik.teks(i) else { throw galat(i, "(bukan teks)") }
            return text
        }
    }

    func teksOpsional(_ i: Int) throws -> String? {
        if case .statement(let statement) = isi { return RawSQLite.text(statement, i) }
        return kosong(i) ? nil : try teks(i)
    }

    func bilangan(_ i: Int) throws -> Int {
        switch isi {
        case .sqlite(let row):
            switch sqlite(row, i) {
            case .integer(let value): return value
            case .text(let text):
                guard let value = Int(text) else { throw galat(i, text) }
                return value
            case .float, .null, .blob: throw galat(i, "(bukan bilangan bulat)")
            }
        case .statement(let statement):
            let value = RawSQLite.value(statement, i)
            switch value.map(sqlite_nio_sqlite3_value_type) ?? SQLITE_NULL {
            case SQLITE_INTEGER: return Int(sqlite_nio_sqlite3_value_int64(value))
            case SQLITE_TEXT:
                let text = RawSQLite.text(statement, i) ?? ""
                guard let value = Int(text) else { throw galat(i, text) }
                return value
            default: throw galat(i, "(bukan bilangan bulat)")
            }
        case .larik(let larik):
            if let value = larik.bilangan(i) { return value }
            if let text = larik.teks(i), let value = Int(text) { return value }
            throw galat(i, larik.teks(i) ?? "(bukan bilangan bulat)")
        }
    }

    func bilanganOpsional(_ i: Int) throws -> Int? { kosong(i) ? nil : try bilangan(i) }

    func int64(_ i: Int) throws -> Int64 {
        Int64(try bilangan(i))
    }

    func int64Opsional(_ i: Int) throws -> Int64? { kosong(i) ? nil : try int64(i) }

    func logika(_ i: Int) throws -> Bool {
        try bilangan(i) != 0
    }

    func uuid(_ i: Int) throws -> UUID {
        switch isi {
        case .sqlite(let row):
            switch sqlite(row, i) {
            case .text(let text):
                guard let value = KinerjaStore.fastUUID(text) else { throw galat(i, text) }
                return value
            case .blob(let buffer) where buffer.readableBytes == 16:
                return buffer.getUUIDBytes(at: buffer.readerIndex).map { UUID(uuid: $0) }!
            default: throw galat(i, "(bukan UUID)")
            }
        case .statement(let statement):
            if let bytes = RawSQLite.bytes(statement, i), let value = KinerjaStore.fastUUID(bytes) { return value }
            switch RawSQLite.type(statement, i) {
            case SQLITE_BLOB where sqlite_nio_sqlite3_column_bytes(statement, Int32(i)) == 16:
                var value: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
                withUnsafeMutableBytes(of: &value) {
                    $0.copyMemory(
                        from: UnsafeRawBufferPointer(
                            start: sqlite_nio_sqlite3_column_blob(statement, Int32(i)), count: 16))
                }
                return UUID(uuid: value)
            default: throw galat(i, RawSQLite.text(statement, i) ?? "(bukan UUID)")
            }
        case .larik(let larik):
            guard let value = larik.uuid(i) else { throw galat(i, larik.teks(i) ?? "(bukan UUID)") }
            return value
        }
    }

    func uuidOpsional(_ i: Int) throws -> UUID? { kosong(i) ? nil : try uuid(i) }

    func id<T>(_ i: Int) throws -> TypedID<T> { TypedID(try uuid(i)) }
    func idOpsional<T>(_ i: Int) throws -> TypedID<T>? { try uuidOpsional(i).map(TypedID.init) }

    func jenis<E: RawRepresentable>(_ type: E.Type, _ i: Int) throws -> E where E.RawValue == String {
        let raw = try teks(i)
        guard let value = E(rawValue: raw) else { throw galat(i, raw) }
        return value
    }

    func nilai(_ i: Int) throws -> Nilai {
        let raw = try teks(i)
        guard let value = Nilai(kodeSimpan: raw) else { throw galat(i, raw) }
        return value
    }

    func desimal(_ i: Int) throws -> Decimal {
        let raw = try teks(i)
        guard let value = Decimal(plain: raw) else { throw galat(i, raw) }
        return value
    }
}

/// What a row callback produced, collected on the driver's thread (SQLiteNIO calls back from its thread pool,
/// PostgresNIO on the connection's event loop, one row after another, never concurrently).
final class Kumpulan<T>: @unchecked Sendable {
    var hasil: [T] = []
    var galat: (any Error)?

    /// The rows in an array of their own size. Grown by appending, an array keeps up to twice their room, and the
    /// data cache keeps the arrays as they are loaded (a PD's year took a fifth more memory than its rows).
    var hasilTepat: [T] {
        guard hasil.capacity - hasil.count > hasil.count / 16 else { return hasil }
        var tepat: [T] = []
        tepat.reserveCapacity(hasil.count)
        tepat.append(contentsOf: hasil)
        return tepat
    }
}

extension ByteBuffer {
    fileprivate func getUUIDBytes(at index: Int) -> uuid_t? {
        guard let bytes = getBytes(at: index, length: 16) else { return nil }
        return (
            bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9],
            bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
        )
    }
}

extension KinerjaStore {
    /// How much of a SQLite file a read of the whole Pemda maps (256 MB: the synthetic kabupaten of 50 PD is 270 MB).
    static let mmapBytes = 268_435_456

    /// A bound value of a load's WHERE.
    enum Ikatan: Sendable {
        case uuid(UUID)
        case bilangan(Int)
    }

    /// `SELECT columns FROM table WHERE pemda … [pd] [tahun] [ids]`, the placeholders in the dialect's form.
    static func kueri(
        _ table: String, _ columns: [String], _ scope: Scope, tahunan: Bool, postgres: Bool
    ) -> (String, [Ikatan]) {
        var binds: [Ikatan] = []
        func tempat(_ value: Ikatan) -> String {
            binds.append(value)
            return postgres ? "$\(binds.count)" : "?"
        }
        // Rows by their id or their owners' ids go through the index that starts with that column: on SQLite the
        // Pemda's column is written `+pemda_id`, which keeps SQLite's planner from choosing the (pemda_id, tahun)
        // index and scanning every row of the Pemda's year (a save compared its 450 indicators' stored realisasi in
        // 42-55 ms instead of 5). PostgreSQL plans by its statistics (and has no unary plus for a uuid).
        let byOwner = !postgres && (scope.ids != nil || scope.pemilik != nil)
        var sql =
            "SELECT \(columns.joined(separator: ", ")) FROM \(table) WHERE \(byOwner ? "+" : "")\(scope.kolomPemda) = "
            + tempat(.uuid(scope.pemda))
        if let pd = scope.pd {
            sql +=
                scope.denganRPJMD
                ? " AND (perangkat_daerah_id = \(tempat(.uuid(pd))) OR perangkat_daerah_id IS NULL)"
                : " AND perangkat_daerah_id = \(tempat(.uuid(pd)))"
        }
        if tahunan, let tahun = scope.tahun {
            sql += " AND tahun = \(tempat(.bilangan(tahun)))"
            if let triwulan = scope.triwulan { sql += " AND triwulan = \(tempat(.bilangan(triwulan)))" }
        }
        if tahunan, let years = scope.tahunDalam {
            sql +=
                years.isEmpty
                ? " AND 1 = 0" : " AND tahun IN (\(years.map { tempat(.bilangan($0)) }.joined(separator: ", ")))"
        }
        if tahunan, let tahun = scope.tahunSebelum { sql += " AND tahun < \(tempat(.bilangan(tahun)))" }
        if let ids = scope.ids {
            sql += " AND id IN (\(ids.map { tempat(.uuid($0)) }.joined(separator: ", ")))"
        }
        if let (kolom, ids) = scope.pemilik {
            sql += " AND \(kolom) IN (\(ids.map { tempat(.uuid($0)) }.joined(separator: ", ")))"
        }
        return (sql, binds)
    }

    /// One of `bacaBanyak`'s reads: the rows of `table` in `scope`, each given to `terima` as it arrives.
    struct Bacaan: Sendable {
        var table: String
        var columns: [String]
        var scope: Scope
        /// Whether the scope's years choose the rows (`kueri`).
        var tahunan = false
        var terima: @Sendable (Baris) throws -> Void
    }

    /// A read among others (`bacaBanyak`) whose rows are made `T`s by `baris` as they arrive, gathered in the
    /// `Kumpulan` returned with it.
    static func bacaan<T>(
        _ table: String, _ columns: [String], _ scope: Scope, tahunan: Bool = false,
        _ baris: @escaping @Sendable (Baris) throws -> T
    ) -> (Bacaan, Kumpulan<T>) {
        let kumpulan = Kumpulan<T>()
        return (
            Bacaan(table: table, columns: columns, scope: scope, tahunan: tahunan) { row in
                kumpulan.hasil.append(try baris(row))
            }, kumpulan
        )
    }

    /// Several small reads, in order, on one connection: on SQLite in one job of NIO's pool (a `baca` or a Fluent
    /// query each is a hop to the pool and back: the seven small reads of a PD's load were a twentieth of a cold PD
    /// page, perf), elsewhere one `baca` after another.
    ///
    /// With `peta`, SQLite maps the file for the reads, as `baca` does for a read of the whole Pemda.
    static func bacaBanyak(_ bacaan: [Bacaan], peta: Bool = false, on db: any Database) async throws {
        if let sqlite = db as? any SQLiteDatabase {
            let dibaca = try await sqlite.withConnection { connection -> Bool in
                guard let handle = RawSQLite.handle(connection) else { return false }
                if peta { try await RawSQLite.execute(handle, "PRAGMA mmap_size = \(mmapBytes)") }
                var failure: (any Error)?
                do {
                    try await RawSQLite.queries(
                        handle,
                        bacaan.map { satu in
                            let (sql, ikatan) = kueri(
                                satu.table, satu.columns, satu.scope, tahunan: satu.tahunan, postgres: false)
                            let names = satu.columns.map { $0.components(separatedBy: " AS ").last! }
                            return (
                                sql, ikatan,
                                { statement in
                                    try satu.terima(Baris(isi: .statement(statement), kolom: names, tabel: satu.table))
                                }
                            )
                        })
                } catch {
                    failure = error
                }
                if peta { try? await RawSQLite.execute(handle, "PRAGMA mmap_size = 0") }
                if let failure { throw failure }
                return true
            }
            if dibaca { return }
        }
        for satu in bacaan {
            _ = try await baca(satu.table, satu.columns, satu.scope, tahunan: satu.tahunan, on: db) {
                try satu.terima($0)
            }
        }
    }

    /// The rows of `table` in `scope`, each turned into a `T` by `baris` as it arrives (no intermediate row array).
    func baca<T>(
        _ table: String, _ columns: [String], _ scope: Scope, tahunan: Bool = false,
        _ baris: @escaping @Sendable (Baris) throws -> T
    ) async throws -> [T] {
        try await Self.baca(table, columns, scope, tahunan: tahunan, on: db, baris)
    }

    /// `baca` on a given connection (a transaction's).
    static func baca<T>(
        _ table: String, _ columns: [String], _ scope: Scope, tahunan: Bool = false, on db: any Database,
        _ baris: @escaping @Sendable (Baris) throws -> T
    ) async throws -> [T] {
        if let sqlite = db as? any SQLiteDatabase {
            let (sql, ikatan) = kueri(table, columns, scope, tahunan: tahunan, postgres: false)
            // An expression's name is what follows its AS.
            let names = columns.map { $0.components(separatedBy: " AS ").last! }
            let kumpulan = Kumpulan<T>()
            try await sqlite.withConnection { connection in
                // A read of the whole Pemda goes through the OS's mapping of the file instead of a copy per page
                // into SQLite's 2 MB cache (the copies were a tenth of that load; a PD's read gains nothing
                // measurable). The mapping is dropped after the read: its pages are the kernel's cache of the file,
                // but while mapped they count in the process's resident memory (two connections that had read the
                // whole Pemda held 570 MB "resident" for good).
                let peta = scope.seluruhPemda
                if let handle = RawSQLite.handle(connection) {
                    if peta { try await RawSQLite.execute(handle, "PRAGMA mmap_size = \(mmapBytes)") }
                    var failure: (any Error)?
                    do {
                        try await RawSQLite.query(handle, sql, ikatan) { statement in
                            kumpulan.hasil.append(
                                try baris(Baris(isi: .statement(statement), kolom: names, tabel: table)))
                        }
                    } catch {
                        failure = error
                    }
                    if peta { try? await RawSQLite.execute(handle, "PRAGMA mmap_size = 0") }
                    if let failure { throw failure }
                    return
                }
                let binds: [SQLiteData] = ikatan.map {
                    switch $0 {
                    case .uuid(let uuid): .text(uuidText(uuid))
                    case .bilangan(let value): .integer(value)
                    }
                }
                if peta { _ = try await connection.query("PRAGMA mmap_size = \(mmapBytes)") }
                var failure: (any Error)?
                do {
                    try await connection.query(sql, binds) { row in
                        guard kumpulan.galat == nil else { return }
                        do {
                            kumpulan.hasil.append(
                                try baris(Baris(isi: .sqlite(row.columns), kolom: names, tabel: table)))
                        } catch {
                            kumpulan.galat = error
                        }
                    }
                } catch {
                    failure = error
                }
                if peta { _ = try? await connection.query("PRAGMA mmap_size = 0") }
                if let failure { throw failure }
            }
            if let galat = kumpulan.galat { throw galat }
            return kumpulan.hasilTepat
        }
        if let postgres = db as? any PostgresDatabase {
            // The rows as one row of arrays, a column each (`LarikPostgres`), each expression named by its place.
            let names = columns.map { $0.components(separatedBy: " AS ").last! }
            let aliased = columns.enumerated().map {
                "\($0.element.components(separatedBy: " AS ").first!) AS k\($0.offset)"
            }
            let (inner, ikatan) = kueri(table, aliased, scope, tahunan: tahunan, postgres: true)
            let sql =
                "SELECT " + columns.indices.map { "array_agg(k\($0))" }.joined(separator: ", ") + " FROM (" + inner
                + ") AS baris"
            let binds: [PostgresData] = ikatan.map {
                switch $0 {
                case .uuid(let uuid): PostgresData(uuid: uuid)
                case .bilangan(let value): PostgresData(int: value)
                }
            }
            // Decoded where PostgresNIO hands the row over, on the connection's event loop (through its async
            // sequence every batch of rows went from the event loop to a task and back).
            let kumpulan = Kumpulan<T>()
            try await postgres.query(sql, binds) { row in
                guard kumpulan.galat == nil else { return }
                do {
                    let larik = try LarikPostgres(row, nama: names, tabel: table)
                    let kini = Baris(isi: .larik(larik), kolom: names, tabel: table)
                    kumpulan.hasil.reserveCapacity(kumpulan.hasil.count + larik.jumlah)
                    for _ in 0..<larik.jumlah {
                        kumpulan.hasil.append(try baris(kini))
                        larik.maju()
                    }
                } catch {
                    kumpulan.galat = error
                }
            }.get()
            if let galat = kumpulan.galat { throw galat }
            return kumpulan.hasil
        }
        throw DomainError.konflik("Basis data ini tidak didukung (hanya SQLite dan PostgreSQL).")
    }
}

extension KinerjaStore {
    /// The database's own read of what `load` reads — the same tables, rows and columns — counted inside the
    /// database (`count(column)` of every column), so that nothing is sent or decoded: the floor a load is measured
    /// against (`kinerja bench`). Returns the number of rows.
    public func bacaBasisData(
        pemda: TypedID<Pemda>, perangkatDaerah pd: TypedID<PerangkatDaerah>?, tahun: Int? = nil,
        pilihan: PilihanMuat? = nil
    ) async throws -> Int {
        guard let sql = db as? any SQLDatabase else { return 0 }
        let postgres = sql.dialect.name == "postgresql"
        let scope = Scope(pemda: pemda.uuid, pd: pd?.uuid, denganRPJMD: false, tahun: tahun)
        let (targetScope, realisasiScope) = scope.dipilih(pilihan)
        // What `load` reads with the same arguments.
        let tables: [(String, [String], Bool, Scope)] =
            [
                (ElemenRencanaModel.schema, ElemenRencanaModel.readColumns, false, scope),
                (IndikatorModel.schema, IndikatorModel.readColumns, false, scope),
                (TargetModel.schema, TargetModel.readColumns, true, targetScope),
                (RealisasiKinerjaModel.schema, RealisasiKinerjaModel.readColumns, true, realisasiScope),
            ]
            + (pilihan == nil
                ? [
                    (PaguModel.schema, PaguModel.readColumns, true, scope),
                    (RealisasiAnggaranModel.schema, RealisasiAnggaranModel.readColumns, true, scope),
                ] : [])
        var rows = 0
        for (table, columns, tahunan, scope) in tables {
            let counts = columns.map { "count(\($0))" }.joined(separator: " + ")
            let counted = try await baca(table, ["count(*) AS n", "\(counts) AS c"], scope, tahunan: tahunan) {
                try $0.bilangan(0)
            }
            rows += counted.first ?? 0
        }
        return rows
    }
}

/// The stored entries the one write path compares a change set with, as models (their id and version are what a
/// replacement keeps), read beneath Fluent: its reflection cost ~50 µs a row, and a realisasi form of 450
/// indicators compared every stored row of them.
extension KinerjaStore {
    static func entriTersimpan<M: VersionedRow>(
        _ type: M.Type, pemilik kolom: String, _ ids: [UUID], pemda: UUID, tahun: Int? = nil, on db: any Database
    ) async throws -> [M] {
        guard !ids.isEmpty else { return [] }
        let scope = Scope(pemda: pemda, pd: nil, denganRPJMD: false, tahun: tahun, pemilik: (kolom, ids))
        return try await baca(M.schema, M.columns, scope, tahunan: true, on: db) { row in try M.dariBaris(row) }
    }
}

/// A model built from a row read in its `columns` order.
protocol DariBaris {
    static func dariBaris(_ row: Baris) throws -> Self
}

extension PemdaModel: DariBaris {
    /// The columns `dariBaris` reads, in its order.
    static let kolomBaca = [
        "id", "nama", "jenis", "ibukota", "jumlah_triwulan", "metode_turun", "batas_rasio", "batasi_rollup",
    ]

    static func dariBaris(_ row: Baris) throws -> PemdaModel {
        let model = PemdaModel()
        model.id = try row.uuid(0)
        model.nama = try row.teks(1)
        model.jenis = try row.teks(2)
        model.ibukota = try row.teks(3)
        model.jumlahTriwulan = try row.bilangan(4)
        model.metodeTurun = try row.teks(5)
        model.batasRasio = try row.teks(6)
        model.batasiRollUp = try row.logika(7)
        return model
    }
}

extension KategoriModel: DariBaris {
    /// The columns `dariBaris` reads, in its order.
    static let kolomBaca = ["id", "pemda_id", "batas_bawah", "label", "warna"]

    static func dariBaris(_ row: Baris) throws -> KategoriModel {
        let model = KategoriModel()
        model.id = try row.uuid(0)
        model.pemdaID = try row.uuid(1)
        model.batasBawah = try row.teks(2)
        model.label = try row.teks(3)
        model.warna = try row.teks(4)
        return model
    }
}

extension TargetModel: DariBaris {
    static func dariBaris(_ row: Baris) throws -> TargetModel {
        let model = TargetModel()
        model.id = try row.uuid(0)
        model.pemdaID = try row.uuid(1)
        model.perangkatDaerahID = try row.uuidOpsional(2)
        model.indikatorID = try row.uuid(3)
        model.dokumen = try row.teks(4)
        model.tahun = try row.bilangan(5)
        model.triwulan = try row.bilangan(6)
        model.nilai = try row.teks(7)
        model.teks = try row.teks(8)
        model.versi = try row.bilangan(9)
        return model
    }
}

extension PaguModel: DariBaris {
    static func dariBaris(_ row: Baris) throws -> PaguModel {
        let model = PaguModel()
        model.id = try row.uuid(0)
        model.pemdaID = try row.uuid(1)
        model.perangkatDaerahID = try row.uuidOpsional(2)
        model.elemenID = try row.uuid(3)
        model.dokumen = try row.teks(4)
        model.tahun = try row.bilangan(5)
        model.jumlahSen = try row.int64(6)
        model.sumberDana = try row.teks(7)
        model.lokasi = try row.teks(8)
        model.keterangan = try row.teks(9)
        model.versi = try row.bilangan(10)
        return model
    }
}

extension RealisasiKinerjaModel: DariBaris {
    static func dariBaris(_ row: Baris) throws -> RealisasiKinerjaModel {
        let model = RealisasiKinerjaModel()
        model.id = try row.uuid(0)
        model.pemdaID = try row.uuid(1)
        model.perangkatDaerahID = try row.uuidOpsional(2)
        model.indikatorID = try row.uuid(3)
        model.tahun = try row.bilangan(4)
        model.triwulan = try row.bilangan(5)
        model.nilai = try row.teks(6)
        model.teks = try row.teks(7)
        model.versi = try row.bilangan(8)
        return model
    }
}

extension RealisasiAnggaranModel: DariBaris {
    static func dariBaris(_ row: Baris) throws -> RealisasiAnggaranModel {
        let model = RealisasiAnggaranModel()
        model.id = try row.uuid(0)
        model.pemdaID = try row.uuid(1)
        model.perangkatDaerahID = try row.uuidOpsional(2)
        model.elemenID = try row.uuid(3)
        model.tahun = try row.bilangan(4)
        model.triwulan = try row.bilangan(5)
        model.keuanganSen = try row.int64Opsional(6)
        model.fisik = try row.teksOpsional(7)
        model.versi = try row.bilangan(8)
        return model
    }
}
