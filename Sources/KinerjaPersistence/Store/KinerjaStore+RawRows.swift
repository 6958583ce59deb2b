import FluentKit
import Foundation
import KinerjaDomain
import PostgresNIO
import SQLKit
import SQLiteNIO

/// Rows written in bulk without FluentKit's per-model reflection (which cost ~100 µs a row): the columns and values
/// of the large tables, bound as the drivers' own values (SQLiteNIO's on SQLite, COPY's text on PostgreSQL) in the
/// form FluentKit stores (`swift test --filter aBulkWriteStoresWhatAnInsertStores`).
/// A table's columns, written once beside its model: `columns` (every column, in the order rows are inserted),
/// `readColumns` (what its one loader decodes); `TableColumnsTests` checks both against the model's fields and the
/// migrated table on both databases.
protocol RawRow: Model {
    static var columns: [String] { get }
    static var readColumns: [String] { get }
    var values: [ColumnValue] { get }
    /// The row's id (every table's key is a UUID).
    var rawID: UUID { get }
}

extension RawRow where IDValue == UUID {
    var rawID: UUID { id! }
}

/// A column's value as the bulk writes bind it: its kind known without a dynamic cast (casting each value from
/// `any Encodable` was most of the time spent binding a bulk write).
enum ColumnValue: Sendable, Equatable {
    case text(String)
    case uuid(UUID)
    case integer(Int64)
    case bool(Bool)
    case double(Double)
    case date(Date)
    /// Null, with the kind of the column's Swift value (PostgreSQL types a bound null by it).
    case null(Kind)

    enum Kind: Sendable, Equatable { case text, uuid, integer, bool, double, date }

    /// The values of a row, each converted by its static type.
    static func row<each T: ColumnConvertible>(_ value: repeat each T) -> [ColumnValue] {
        var row: [ColumnValue] = []
        for item in repeat each value { row.append(item.column) }
        return row
    }

    /// The value as SQLKit binds it (an UPDATE, a database with neither driver): the same Swift value as before,
    /// a null as the nil of its type.
    var encodable: any Encodable & Sendable {
        switch self {
        case .text(let value): value
        case .uuid(let value): value
        case .integer(let value): value
        case .bool(let value): value
        case .double(let value): value
        case .date(let value): value
        case .null(.text): String?.none
        case .null(.uuid): UUID?.none
        case .null(.integer): Int64?.none
        case .null(.bool): Bool?.none
        case .null(.double): Double?.none
        case .null(.date): Date?.none
        }
    }
}

/// A Swift value stored in a column of the bulk-written tables.
protocol ColumnConvertible {
    static var kind: ColumnValue.Kind { get }
    var column: ColumnValue { get }
}

extension String: ColumnConvertible {
    static var kind: ColumnValue.Kind { .text }
    var column: ColumnValue { .text(self) }
}
extension UUID: ColumnConvertible {
    static var kind: ColumnValue.Kind { .uuid }
    var column: ColumnValue { .uuid(self) }
}
extension Int: ColumnConvertible {
    static var kind: ColumnValue.Kind { .integer }
    var column: ColumnValue { .integer(Int64(self)) }
}
extension Int64: ColumnConvertible {
    static var kind: ColumnValue.Kind { .integer }
    var column: ColumnValue { .integer(self) }
}
extension Bool: ColumnConvertible {
    static var kind: ColumnValue.Kind { .bool }
    var column: ColumnValue { .bool(self) }
}
extension Double: ColumnConvertible {
    static var kind: ColumnValue.Kind { .double }
    var column: ColumnValue { .double(self) }
}
extension Date: ColumnConvertible {
    static var kind: ColumnValue.Kind { .date }
    var column: ColumnValue { .date(self) }
}
extension Optional: ColumnConvertible where Wrapped: ColumnConvertible {
    static var kind: ColumnValue.Kind { Wrapped.kind }
    var column: ColumnValue { self?.column ?? .null(Wrapped.kind) }
}

/// A row of an entry table (target, pagu, realisasi): replaced by id with its next version.
protocol VersionedRow: RawRow, DariBaris, AnyObject, Sendable where IDValue == UUID {
    var versi: Int { get set }
}

/// An entry table's row from its domain value: the model (to replace a stored row) or its values alone (a new row,
/// without FluentKit's storage per field: building and then reading the models was a third of `kinerja generate`).
/// `baris` gives `values` of the model the initializer builds, but for its random id
/// (`swift test --filter aNewEntrysValuesAreItsModels`).
protocol EntryRow: VersionedRow {
    associatedtype Entri
    init(pemda: UUID, pd: UUID?, _ entri: Entri)
    static func baris(pemda: UUID, pd: UUID?, _ entri: Entri) -> [ColumnValue]
}

extension TargetModel: VersionedRow {}
extension PaguModel: VersionedRow {}
extension RealisasiKinerjaModel: VersionedRow {}
extension RealisasiAnggaranModel: VersionedRow {}

extension KinerjaStore {
    /// Writes `rows` in bulk: on SQLite in INSERTs of as many rows as its bound-parameter limit allows (32 766), on
    /// PostgreSQL in one COPY; through FluentKit on a database without SQL.
    /// Rows of one table given as existentials (the change set's replaced entries).
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
        into table: String, columns: [String], _ rows: [[ColumnValue]], on db: any Database
    ) async throws {
        guard !rows.isEmpty else { return }
        guard let sql = db as? any SQLDatabase else {
            throw DomainError.tidakSah(field: "db", pesan: "Penyimpanan ini tidak mendukung SQL.")
        }
        if let postgres = db as? any PostgresDatabase {
            try await Self.insertPostgres(into: table, columns: columns, rows, on: postgres, logger: db.logger)
            return
        }
        // INSERTs of as many rows as the bound-parameter limits allow.
        let perStatement = max(1, 30_000 / columns.count)
        if let sqlite = db as? any SQLiteDatabase {
            try await Self.insertSQLite(into: table, columns: columns, rows, perStatement: perStatement, on: sqlite)
            return
        }
        // Any other SQL database: through SQLKit.
        var start = 0
        while start < rows.count {
            let end = min(start + perStatement, rows.count)
            var query = sql.insert(into: table).columns(columns)
            for row in rows[start..<end] {
                query = query.values(row.map { SQLBind($0.encodable) as any SQLExpression })
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
            var query = SQLQueryString("UPDATE \(unsafeRaw: M.schema) SET ")
            for (n, column) in kolom.enumerated() {
                query.appendLiteral(n == 0 ? "\(column) = CASE id" : ", \(column) = CASE id")
                for (row, value) in zip(chunk, values) {
                    query.appendLiteral(" WHEN ")
                    query.appendInterpolation(bind: row.rawID)
                    query.appendLiteral(" THEN ")
                    query.appendInterpolation(bind: value[index[n]].encodable)
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
    var values: [ColumnValue] {
        ColumnValue.row(
            id!, pemdaID, perangkatDaerahID, indukID, tingkat, kode, kodeAsli, nomor, uraian, selarasID,
            penanggungJawab, unitKerjaID, urutan, hasil,
        )
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
    var values: [ColumnValue] {
        ColumnValue.row(
            id!, pemdaID, perangkatDaerahID, elemenID, nama, satuan, jenis, polaritas, jenisNilai, agregasi,
            metodeTurun,
            skala, makna, alasan, rumus, sumberData, penanggungJawab, iku, baselineTahun, baselineNilai, baselineTeks,
            bobot, urutan,
        )
    }
}

extension TargetModel: RawRow {
    static let readColumns = ["id", "indikator_id", "dokumen", "tahun", "triwulan", "nilai", "teks"]

    static let columns = [
        "id", "pemda_id", "perangkat_daerah_id", "indikator_id", "dokumen", "tahun", "triwulan", "nilai", "teks",
        "versi",
    ]
    var values: [ColumnValue] {
        ColumnValue.row(
            id ?? UUID.acak(), pemdaID, perangkatDaerahID, indikatorID, dokumen, tahun, triwulan, nilai, teks, versi)
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
    var values: [ColumnValue] {
        ColumnValue.row(
            id ?? UUID.acak(), pemdaID, perangkatDaerahID, elemenID, dokumen, tahun, jumlahSen, sumberDana, lokasi,
            keterangan, versi,
        )
    }
}

extension RealisasiKinerjaModel: RawRow {
    static let readColumns = ["id", "indikator_id", "tahun", "triwulan", "nilai", "teks"]

    static let columns = [
        "id", "pemda_id", "perangkat_daerah_id", "indikator_id", "tahun", "triwulan", "nilai", "teks", "versi",
    ]
    var values: [ColumnValue] {
        ColumnValue.row(id ?? UUID.acak(), pemdaID, perangkatDaerahID, indikatorID, tahun, triwulan, nilai, teks, versi)
    }
}

extension RealisasiAnggaranModel: RawRow {
    static let readColumns = ["id", "elemen_id", "tahun", "triwulan", "keuangan_sen", "fisik"]

    static let columns = [
        "id", "pemda_id", "perangkat_daerah_id", "elemen_id", "tahun", "triwulan", "keuangan_sen", "fisik", "versi",
    ]
    var values: [ColumnValue] {
        ColumnValue.row(
            id ?? UUID.acak(), pemdaID, perangkatDaerahID, elemenID, tahun, triwulan, keuanganSen, fisik, versi)
    }
}

extension UrusanModel: RawRow {
    static let readColumns = ["kode", "nama"]
    static let columns = ["id", "pemda_id", "kode", "nama"]
    var values: [ColumnValue] { ColumnValue.row(id!, pemdaID, kode, nama) }
}

extension KinerjaStore {
    /// A bulk INSERT on SQLite with its values bound as SQLiteNIO's own (text, integer, null) and its statement text
    /// built once per size: SQLKit's serializer and SQLiteKit's `Encodable` encoder were a sixth of `kinerja
    /// generate`. The stored form is the encoder's: a UUID as its upper-case text, a Bool as 0 or 1.
    static func insertSQLite(
        into table: String, columns: [String], _ rows: [[ColumnValue]], perStatement: Int,
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
                for value in values { binds.append(sqliteData(value)) }
            }
            let bound = binds
            try await sqlite.withConnection { connection in
                try await connection.query(text, bound) { _ in }
            }
            start = end
        }
    }

    /// The SQLite value of a column value, as SQLiteKit's encoder stores it: a UUID as its upper-case text, the
    /// others by SQLiteNIO's own conversions.
    static func sqliteData(_ value: ColumnValue) -> SQLiteData {
        switch value {
        case .text(let text): .text(text)
        case .uuid(let uuid): .text(uuidText(uuid))
        case .integer(let number): .integer(Int(number))
        case .bool(let flag): flag.sqliteData ?? .null
        case .double(let number): .float(number)
        case .date(let date): date.sqliteData ?? .null
        case .null: .null
        }
    }
}

extension KinerjaStore {
    /// The same bulk write on PostgreSQL as one `COPY … FROM STDIN` per table, the rows streamed as COPY's text in
    /// buffers of about 1 MB (no statement to parse, no parameters to bind; the server inserts them in batches). The
    /// text is what PostgreSQL's input functions read back into the value PostgresNIO would have bound
    /// (`copyText`; `swift test --filter aBulkWriteStoresWhatAnInsertStores`). Inside the write's transaction: a row
    /// refused (a unique key, a foreign key) fails the COPY and the transaction with it.
    static func insertPostgres(
        into table: String, columns: [String], _ rows: [[ColumnValue]], on postgres: any PostgresDatabase,
        logger: Logger
    ) async throws {
        _ = try await postgres.withConnection { connection in
            connection.eventLoop.makeFutureWithTask {
                try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
                    var buffer = ByteBuffer()
                    buffer.reserveCapacity(1 << 20)
                    for values in rows {
                        for (column, value) in values.enumerated() {
                            if column > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
                            copyText(value, into: &buffer)
                        }
                        buffer.writeInteger(UInt8(ascii: "\n"))
                        if buffer.readableBytes >= 1 << 20 {
                            try await writer.write(buffer)
                            buffer.clear()
                        }
                    }
                    if buffer.readableBytes > 0 { try await writer.write(buffer) }
                }
                return true
            }
        }.get()
    }

    /// A column value as COPY's text format writes it: `\N` for null; a backslash, tab, newline and carriage return
    /// escaped; a UUID, integer, Bool (`t`/`f`) and Double (Swift's shortest exact text) as PostgreSQL reads them; a
    /// Date as the UTC timestamp of the microseconds PostgresNIO binds (`Int64` of the interval since 2000, toward
    /// zero).
    static func copyText(_ value: ColumnValue, into buffer: inout ByteBuffer) {
        switch value {
        case .text(let text):
            guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else {
                buffer.writeString(text)
                return
            }
            for byte in text.utf8 {
                switch byte {
                case 0x5C: buffer.writeStaticString("\\\\")
                case 0x09: buffer.writeStaticString("\\t")
                case 0x0A: buffer.writeStaticString("\\n")
                case 0x0D: buffer.writeStaticString("\\r")
                default: buffer.writeInteger(byte)
                }
            }
        case .uuid(let uuid): buffer.writeString(uuidText(uuid))
        case .integer(let number): buffer.writeString(String(number))
        case .bool(let flag): buffer.writeInteger(UInt8(ascii: flag ? "t" : "f"))
        case .double(let number): buffer.writeString(number.description)
        case .date(let date): buffer.writeString(timestampText(date))
        case .null: buffer.writeStaticString("\\N")
        }
    }

    /// `2026-12-01 21:26:00.123456+00`: the microsecond PostgresNIO binds for `date` (its `Int64` of the microseconds
    /// since 2000-01-01 UTC), as timestamptz text.
    static func timestampText(_ date: Date) -> String {
        let since2000 = Int64(date.timeIntervalSince(Date(timeIntervalSince1970: 946_684_800)) * 1_000_000)
        let micro = since2000 + 946_684_800 * 1_000_000
        var seconds = micro / 1_000_000
        var fraction = micro % 1_000_000
        if fraction < 0 {
            fraction += 1_000_000
            seconds -= 1
        }
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        func pad(_ value: Int64, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return pad(Int64(parts.tm_year) + 1900, 4) + "-" + pad(Int64(parts.tm_mon) + 1, 2) + "-"
            + pad(Int64(parts.tm_mday), 2) + " " + pad(Int64(parts.tm_hour), 2) + ":" + pad(Int64(parts.tm_min), 2)
            + ":" + pad(Int64(parts.tm_sec), 2) + "." + pad(fraction, 6) + "+00"
    }

}
