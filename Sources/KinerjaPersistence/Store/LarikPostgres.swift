import Foundation
import NIOCore
import PostgresNIO

/// A PostgreSQL result read as one row of arrays, one per column (`SELECT array_agg(k0), array_agg(k1), … FROM
/// (the load's SELECT) AS baris`), whose elements are read in place, row after row.
///
/// Read row by row, PostgresNIO made every value a `PostgresCell` that names its column (an array of cells per row,
/// a retain and a release of the column's name and of the row's buffer per value): two fifths of a PostgreSQL load
/// (perf, docs/DEVELOPMENT.md "Session 15"). As arrays, a load is one message of a few cells whatever its rows, and
/// each value is read at its place in the array's binary form (`array_send`: dimensions, a null flag, the element
/// type, then each element as its length, -1 for NULL, and its bytes).
final class LarikPostgres: @unchecked Sendable {
    /// A column: its array's elements copied out of PostgresNIO's buffer (read through a pointer, no reference counted
    /// per value), the element type's OID, where the current row's element starts (at its length).
    private struct Kolom {
        var awal: UnsafeMutableRawPointer
        var ujung: Int
        var jenis: UInt32
        var posisi: Int
    }
    private let kolom: UnsafeMutablePointer<Kolom>
    private let banyakKolom: Int
    /// How many rows (elements per array).
    let jumlah: Int

    /// The row of arrays; `nama`: the columns' names, for errors. A column NULL throughout is no rows (what
    /// `array_agg` gives for none).
    init(_ row: PostgresRow, nama: [String], tabel: String) throws {
        var kolom: [Kolom] = []
        var jumlah: Int?
        do {
            for (i, cell) in row.enumerated() {
                func salah(_ apa: String) -> RowError {
                    RowError(table: tabel, id: nil, column: i < nama.count ? nama[i] : "\(i)", value: apa)
                }
                var banyak = 0
                var isi = cell.bytes ?? ByteBuffer()
                var jenis: UInt32 = 0
                if cell.bytes != nil {
                    guard cell.format == .binary, let dimensi = isi.readInteger(as: Int32.self),
                        isi.readInteger(as: Int32.self) != nil, let oid = isi.readInteger(as: UInt32.self)
                    else { throw salah("(bukan larik)") }
                    jenis = oid
                    if dimensi == 1 {
                        guard let n = isi.readInteger(as: Int32.self), isi.readInteger(as: Int32.self) != nil else {
                            throw salah("(larik terpotong)")
                        }
                        banyak = Int(n)
                    } else if dimensi != 0 {
                        throw salah("(larik \(dimensi) dimensi)")
                    }
                }
                if let jumlah, jumlah != banyak { throw salah("(\(banyak) nilai, kolom lain \(jumlah))") }
                jumlah = banyak
                let ujung = isi.readableBytes
                let awal = UnsafeMutableRawPointer.allocate(byteCount: max(ujung, 1), alignment: 8)
                isi.withUnsafeReadableBytes {
                    if let base = $0.baseAddress { awal.copyMemory(from: base, byteCount: $0.count) }
                }
                kolom.append(Kolom(awal: awal, ujung: ujung, jenis: jenis, posisi: 0))
                // Every element's length within the column's bytes, checked once: the reads below trust them.
                var posisi = 0
                for _ in 0..<banyak {
                    guard posisi + 4 <= ujung else { throw salah("(larik terpotong)") }
                    posisi +=
                        4 + max(Int(Int32(bigEndian: awal.loadUnaligned(fromByteOffset: posisi, as: Int32.self))), 0)
                }
                guard posisi <= ujung else { throw salah("(larik terpotong)") }
            }
        } catch {
            for k in kolom { k.awal.deallocate() }
            throw error
        }
        self.kolom = .allocate(capacity: max(kolom.count, 1))
        self.kolom.initialize(from: kolom, count: kolom.count)
        banyakKolom = kolom.count
        self.jumlah = jumlah ?? 0
    }

    deinit {
        for i in 0..<banyakKolom { kolom[i].awal.deallocate() }
        kolom.deallocate()
    }

    private func panjang(_ i: Int, _ posisi: Int) -> Int32 {
        Int32(bigEndian: kolom[i].awal.loadUnaligned(fromByteOffset: posisi, as: Int32.self))
    }

    /// Moves every column to the next row's element.
    func maju() {
        for i in 0..<banyakKolom {
            kolom[i].posisi += 4 + max(Int(panjang(i, kolom[i].posisi)), 0)
        }
    }

    /// The element type of column `i`.
    private func jenis(_ i: Int) -> UInt32 { i < banyakKolom ? kolom[i].jenis : 0 }

    /// The current row's element of column `i`: its bytes; nil for NULL.
    private func elemen(_ i: Int) -> UnsafeRawBufferPointer? {
        guard i < banyakKolom, jumlah > 0 else { return nil }
        let posisi = kolom[i].posisi
        let n = panjang(i, posisi)
        guard n >= 0 else { return nil }
        return UnsafeRawBufferPointer(start: kolom[i].awal + posisi + 4, count: Int(n))
    }

    func kosong(_ i: Int) -> Bool { elemen(i) == nil }

    /// The element as text: a text type's, or an integer's digits.
    func teks(_ i: Int) -> String? {
        guard let bytes = elemen(i) else { return nil }
        switch jenis(i) {
        case PostgresDataType.text.rawValue, PostgresDataType.varchar.rawValue, PostgresDataType.bpchar.rawValue,
            PostgresDataType.name.rawValue:
            return String(decoding: bytes, as: UTF8.self)
        default:
            return bilangan(i).map(String.init)
        }
    }

    /// The element as an integer, when its type is an integer type (or a boolean: 1 or 0).
    func bilangan(_ i: Int) -> Int? {
        guard let bytes = elemen(i) else { return nil }
        switch (jenis(i), bytes.count) {
        case (PostgresDataType.int8.rawValue, 8): return Int(Int64(bigEndian: bytes.loadUnaligned(as: Int64.self)))
        case (PostgresDataType.int4.rawValue, 4): return Int(Int32(bigEndian: bytes.loadUnaligned(as: Int32.self)))
        case (PostgresDataType.int2.rawValue, 2): return Int(Int16(bigEndian: bytes.loadUnaligned(as: Int16.self)))
        case (PostgresDataType.bool.rawValue, 1): return Int(bytes[0])
        default: return nil
        }
    }

    /// The element as a UUID: a `uuid` element, or a text one in UUID form.
    func uuid(_ i: Int) -> UUID? {
        guard let bytes = elemen(i) else { return nil }
        if jenis(i) == PostgresDataType.uuid.rawValue, bytes.count == 16 {
            return UUID(uuid: bytes.loadUnaligned(as: uuid_t.self))
        }
        return bytes.withMemoryRebound(to: UInt8.self) { KinerjaStore.fastUUID($0) }
    }
}
