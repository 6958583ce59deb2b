import FluentKit
import Foundation
import KinerjaDomain
import PostgresNIO
import SQLKit
import SQLiteNIO

/// Rows written in bulk without FluentKit's per-model reflection (which cost ~100 µs a row): the columns and values
/// of the large tables, bound through the same database encoder as FluentKit uses, so the stored form is the same.
/// A table's columns, written once beside its model: `columns` (every column, in the order rows are inserted),
/// `readColumns` (what its one loader decodes); `TableColumnsTests` checks both against the model's fields and the
/// migrated table on both databases.
protocol RawRow: Model {
    static var columns: [String] { get }
    static var readColumns: [String] { get }
    var values: [any Encodable & Sendable] { get }
    /// The row's id (every table's key is a UUID).
    var rawID: UUID { get }
}

extension RawRow where IDValue == UUID {
    var rawID: UUID { id! }
}

/// A row of an entry table (target, pagu, realisasi): replaced by id with its next version.
protocol VersionedRow: RawRow, DariBaris, AnyObject, Sendable where IDValue == UUID {
    var versi: Int { get set }
}

extension TargetModel: VersionedRow {}
extension PaguModel: VersionedRow {}
extension RealisasiKinerjaModel: VersionedRow {}
extension RealisasiAnggaranModel: VersionedRow {}

extension KinerjaStore {
    /// INSERTs `rows` in statements of as many rows as the bound-parameter limits allow (SQLite 32 766,
    /// PostgreSQL 65 535); falls back to FluentKit on a database without SQL.
    /// Rows of one table given as existentials (the change set's replaced and new entries).
    func insertMixed(_ rows: [any RawRow], on db: any Database) async throws {
        guard let first = rows.first else { return }
        try await insertAs(first, rows, on: db)
    }

    private func insertAs<M: RawRow>(_: M, _ rows: [any RawRow], on db: any Database) async throws {
        try await insertRows(rows.map { $0 as! M }, on: db)
    }

    func insertRows<M: RawRow>(_ rows: [M], on db: any Database) async throws {
        guard !rows.isEmpty else { return }
        guard db is any SQLDatabase else {
            try await insert(rows, on: db)
            return
        }
        try await insertValues(into: M.schema, columns: M.columns, rows.map(\.values), on: db)
    }

    /// Rows given as values in `columns`' order, without building a model per row (the history of a large
    /// import is as many rows as its entries).
    func insertValues(
        into table: String, columns: [String], _ rows: [[any Encodable & Sendable]], on db: any Database
    ) async throws {
        guard !rows.isEmpty, let sql = db as? any SQLDatabase else { return }
        let perStatement = max(1, 30_000 / columns.count)
        if let sqlite = db as? any SQLiteDatabase {
            try await Self.insertSQLite(into: table, columns: columns, rows, perStatement: perStatement, on: sqlite)
            return
        }
        if let postgres = db as? any PostgresDatabase {
            try await Self.insertPostgres(
                into: table, columns: columns, rows, perStatement: perStatement, on: postgres, logger: db.logger)
            return
        }
        // Any other SQL database: through SQLKit.
        var start = 0
        while start < rows.count {
            let end = min(start + perStatement, rows.count)
            var query = sql.insert(into: table).columns(columns)
            for row in rows[start..<end] {
                query = query.values(row.map { SQLBind($0) as any SQLExpression })
            }
            try await query.run()
            start = end
        }
    }
}

extension KinerjaStore {
    /// `uuid.uuidString` (upper-case hex, 8-4-4-4-12), without Foundation's formatting.
    static func uuidText(_ uuid: UUID) -> String {
        let digits: [UInt8] = Array("0123456789ABCDEF".utf8)
        return withUnsafeBytes(of: uuid.uuid) { bytes in
            String(unsafeUninitializedCapacity: 36) { out in
                var position = 0
                for (index, byte) in bytes.enumerated() {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        out[position] = UInt8(ascii: "-")
                        position += 1
                    }
                    out[position] = digits[Int(byte >> 4)]
                    out[position + 1] = digits[Int(byte & 0x0F)]
                    position += 2
                }
                return position
            }
        }
    }

    /// UPDATEs the `kolom` of stored rows to the rows' values, 200 rows per statement:
    /// `SET c = CASE id WHEN ? THEN ? … ELSE c END … WHERE id IN (…)`, the same SQL on SQLite and PostgreSQL (the
    /// `ELSE c` gives PostgreSQL each column's type for the bound values, nulls included).
    func updateRows<M: RawRow>(_ rows: [M], columns kolom: [String], on db: any Database) async throws {
        guard !rows.isEmpty else { return }
        guard let sql = db as? any SQLDatabase else {
            throw DomainError.tidakSah(field: "db", pesan: "Penyimpanan ini tidak mendukung SQL.")
        }
        let index = kolom.map { name in M.columns.firstIndex(of: name)! }
        for chunk in rows.chunked(200) {
            let values = chunk.map(\.values)
            var query = SQLQueryString("UPDATE \(M.schema) SET ")
            for (n, column) in kolom.enumerated() {
                query.appendLiteral(n == 0 ? "\(column) = CASE id" : ", \(column) = CASE id")
                for (row, value) in zip(chunk, values) {
                    query.appendLiteral(" WHEN ")
                    query.appendInterpolation(bind: row.rawID)
                    query.appendLiteral(" THEN ")
                    query.appendInterpolation(bind: value[index[n]])
                }
                query.appendLiteral(" ELSE \(column) END")
            }
            query.appendLiteral(" WHERE id IN (")
            query.appendInterpolation(binds: chunk.map(\.rawID))
            query.appendLiteral(")")
            try await sql.raw(query).run()
        }
    }
}

extension ElemenRencanaModel: RawRow {
    /// The columns the loader decodes (`loadElemen`).
    static let readColumns = [
        "id", "perangkat_daerah_id", "induk_id", "tingkat", "kode_asli", "nomor", "uraian", "selaras_id",
        "penanggung_jawab", "unit_kerja_id", "urutan", "hasil",
    ]

    /// What a change of an element may change (`PerubahanData.elemenUbah`): never its PD, level or kode.
    static let updatableColumns = ["uraian", "kode_asli", "induk_id", "penanggung_jawab", "nomor", "hasil"]

    static let columns = [
        "id", "pemda_id", "perangkat_daerah_id", "induk_id", "tingkat", "kode", "kode_asli", "nomor", "uraian",
        "selaras_id", "penanggung_jawab", "unit_kerja_id", "urutan", "hasil",
    ]
    var values: [any Encodable & Sendable] {
        [
            id!, pemdaID, perangkatDaerahID, indukID, tingkat, kode, kodeAsli, nomor, uraian, selarasID,
            penanggungJawab, unitKerjaID, urutan, hasil,
        ]
    }
}

extension IndikatorModel: RawRow {
    static let readColumns = [
        "id", "elemen_id", "nama", "satuan", "jenis", "polaritas", "jenis_nilai", "agregasi", "metode_turun", "skala",
        "makna", "alasan", "rumus", "sumber_data", "penanggung_jawab", "iku", "baseline_tahun", "baseline_nilai",
        "baseline_teks", "bobot", "urutan",
    ]

    /// What a change of an indicator may change (`PerubahanData.indikatorUbah`): never its element or PD.
    static let updatableColumns = [
        "nama", "satuan", "jenis", "polaritas", "jenis_nilai", "agregasi", "makna", "alasan", "rumus", "sumber_data",
        "penanggung_jawab", "bobot", "iku", "baseline_teks", "baseline_nilai", "baseline_tahun",
    ]

    static let columns = [
        "id", "pemda_id", "perangkat_daerah_id", "elemen_id", "nama", "satuan", "jenis", "polaritas", "jenis_nilai",
        "agregasi", "metode_turun", "skala", "makna", "alasan", "rumus", "sumber_data", "penanggung_jawab", "iku",
        "baseline_tahun", "baseline_nilai", "baseline_teks", "bobot", "urutan",
    ]
    var values: [any Encodable & Sendable] {
        [
            id!, pemdaID, perangkatDaerahID, elemenID, nama, satuan, jenis, polaritas, jenisNilai, agregasi,
            metodeTurun,
            skala, makna, alasan, rumus, sumberData, penanggungJawab, iku, baselineTahun, baselineNilai, baselineTeks,
            bobot, urutan,
        ]
    }
}

extension TargetModel: RawRow {
    static let readColumns = ["id", "indikator_id", "dokumen", "tahun", "triwulan", "nilai", "teks"]

    static let columns = [
        "id", "pemda_id", "perangkat_daerah_id", "indikator_id", "dokumen", "tahun", "triwulan", "nilai", "teks",
        "versi",
    ]
    var values: [any Encodable & Sendable] {
        [id ?? UUID.acak(), pemdaID, perangkatDaerahID, indikatorID, dokumen, tahun, triwulan, nilai, teks, versi]
    }
}

extension PaguModel: RawRow {
    static let readColumns = [
        "id", "elemen_id", "dokumen", "tahun", "jumlah_sen", "sumber_dana", "lokasi", "keterangan",
    ]

    static let columns = [
        "id", "pemda_id", "perangkat_daerah_id", "elemen_id", "dokumen", "tahun", "jumlah_sen", "sumber_dana", "lokasi",
        "keterangan", "versi",
    ]
    var values: [any Encodable & Sendable] {
        [
            id ?? UUID.acak(), pemdaID, perangkatDaerahID, elemenID, dokumen, tahun, jumlahSen, sumberDana, lokasi,
            keterangan, versi,
        ]
    }
}

extension RealisasiKinerjaModel: RawRow {
    static let readColumns = ["id", "indikator_id", "tahun", "triwulan", "nilai", "teks"]

    static let columns = [
        "id", "pemda_id", "perangkat_daerah_id", "indikator_id", "tahun", "triwulan", "nilai", "teks", "versi",
    ]
    var values: [any Encodable & Sendable] {
        [id ?? UUID.acak(), pemdaID, perangkatDaerahID, indikatorID, tahun, triwulan, nilai, teks, versi]
    }
}

extension RealisasiAnggaranModel: RawRow {
    static let readColumns = ["id", "elemen_id", "tahun", "triwulan", "keuangan_sen", "fisik"]

    static let columns = [
        "id", "pemda_id", "perangkat_daerah_id", "elemen_id", "tahun", "triwulan", "keuangan_sen", "fisik", "versi",
    ]
    var values: [any Encodable & Sendable] {
        [id ?? UUID.acak(), pemdaID, perangkatDaerahID, elemenID, tahun, triwulan, keuanganSen, fisik, versi]
    }
}

extension UrusanModel: RawRow {
    static let readColumns = ["kode", "nama"]
    static let columns = ["id", "pemda_id", "kode", "nama"]
    var values: [any Encodable & Sendable] { [id!, pemdaID, kode, nama] }
}

extension KinerjaStore {
    /// A bulk INSERT on SQLite with its values bound as SQLiteNIO's own (text, integer, null) and its statement text
    /// built once per size: SQLKit's serializer and SQLiteKit's `Encodable` encoder were a sixth of `kinerja
    /// generate`. The stored form is the encoder's: a UUID as its upper-case text, a Bool as 0 or 1.
    static func insertSQLite(
        into table: String, columns: [String], _ rows: [[any Encodable & Sendable]], perStatement: Int,
        on sqlite: any SQLiteDatabase
    ) async throws {
        let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ",") + ")"
        let head = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
        var statements: [Int: String] = [:]
        var start = 0
        while start < rows.count {
            let end = min(start + perStatement, rows.count)
            let count = end - start
            let text =
                statements[count]
                ?? {
                    let built = head + Array(repeating: row, count: count).joined(separator: ",")
                    statements[count] = built
                    return built
                }()
            var binds: [SQLiteData] = []
            binds.reserveCapacity(count * columns.count)
            for values in rows[start..<end] {
                for value in values { binds.append(try sqliteData(value)) }
            }
            let bound = binds
            try await sqlite.withConnection { connection in
                try await connection.query(text, bound) { _ in }
            }
            start = end
        }
    }

    /// The SQLite value of a column value, as SQLiteKit's encoder stores it.
    static func sqliteData(_ value: Any) throws -> SQLiteData {
        // In SQLiteKit's encoder's order: its own conversions (text, integers, Bool, Double, Date…) first; a UUID
        // (not one of them) as the text its `Encodable` gives.
        switch value {
        case let text as String: return .text(text)
        case let uuid as UUID: return .text(uuidText(uuid))
        case let optional as (any OptionalValue): return try optional.wrapped.map(sqliteData) ?? .null
        case let convertible as any SQLiteDataConvertible:
            guard let data = convertible.sqliteData else { break }
            return data
        default: break
        }
        throw DomainError.konflik("Nilai \(type(of: value)) tidak dapat disimpan di SQLite.")
    }
}

/// An optional column value: its wrapped value, or nil for null.
protocol OptionalValue {
    var wrapped: Any? { get }
}

extension Optional: OptionalValue {
    var wrapped: Any? {
        switch self {
        case .none: nil
        case .some(let value): value
        }
    }
}

extension KinerjaStore {
    /// The same bulk INSERT on PostgreSQL, bound through PostgresNIO (`$1, $2 …`) without SQLKit's serializer and
    /// PostgresKit's `Encodable` encoder.
    static func insertPostgres(
        into table: String, columns: [String], _ rows: [[any Encodable & Sendable]], perStatement: Int,
        on postgres: any PostgresDatabase, logger: Logger
    ) async throws {
        let head = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
        var start = 0
        while start < rows.count {
            let end = min(start + perStatement, rows.count)
            var text = head
            var binds = PostgresBindings(capacity: (end - start) * columns.count)
            var n = 0
            for (index, values) in rows[start..<end].enumerated() {
                text += index == 0 ? "(" : ",("
                for (column, value) in values.enumerated() {
                    n += 1
                    text += column == 0 ? "$\(n)" : ",$\(n)"
                    try bindPostgres(value, to: &binds)
                }
                text += ")"
            }
            let query = PostgresQuery(unsafeSQL: text, binds: binds)
            _ = try await postgres.withConnection { connection in
                connection.eventLoop.makeFutureWithTask {
                    try await connection.query(query, logger: logger)
                    return true
                }
            }.get()
            start = end
        }
    }

    /// A column value bound as PostgresKit's encoder binds it (UUID, text, integers, Bool, Double, Date, null).
    static func bindPostgres(_ value: Any, to binds: inout PostgresBindings) throws {
        switch value {
        case let text as String: binds.append(text)
        case let uuid as UUID: binds.append(uuid)
        case let number as Int: binds.append(number)
        case let number as Int64: binds.append(number)
        case let flag as Bool: binds.append(flag)
        case let number as Double: binds.append(number)
        case let date as Date: binds.append(date)
        case let optional as (any OptionalValue):
            guard let wrapped = optional.wrapped else {
                binds.appendNull()
                return
            }
            try bindPostgres(wrapped, to: &binds)
        default:
            throw DomainError.konflik("Nilai \(type(of: value)) tidak dapat disimpan di PostgreSQL.")
        }
    }
}
