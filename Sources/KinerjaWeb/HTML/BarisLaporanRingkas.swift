import Foundation
import KinerjaDomain
import KinerjaSpreadsheet

/// A report's rows as the page cache keeps them: each row's cells written as bytes (a tag, then the text's UTF-8 or
/// the number's own bytes) and the whole deflated in pieces of 1 MB, on as many cores as there are. As values, a
/// PD's realisasi report held 230 kB of rows (ten cells of 24 bytes and an array each) for as long as its version
/// lived, and the whole Pemda's 12 MB, with its fifty parts again beside it; the rows are read again only for an
/// XLSX or CSV, for a table's HTML made the first time it is asked, and to see whether a report built again is the
/// one kept. `swift test --filter aReportsRowsKeptCompactAreItsRows`.
struct BarisLaporanRingkas: Sendable {
    let potongan: [Deflate.Chunk]
    let jumlah: Int

    /// Pieces as they were kept (tests).
    init(potongan: [Deflate.Chunk], jumlah: Int) {
        self.potongan = potongan
        self.jumlah = jumlah
    }

    init(_ baris: [Laporan.Baris]) {
        jumlah = baris.count
        var bytes: [UInt8] = []
        bytes.reserveCapacity(baris.count * 96)
        for row in baris { Self.tulis(row, ke: &bytes) }
        // Level 1: a whole Pemda's 8 MB of rows are kept in a sixth of their bytes by either level, and this one is
        // on the way of the report's first request.
        potongan = Deflate.serentak(bytes, level: 1)
    }

    /// A whole Pemda's rows from its PD's parts as kept (`Laporan.gabungan`'s: each PD with rows under its heading,
    /// in the order given), their pieces taken as they are: only the headings are written and compressed. The
    /// pieces are read back one after another as one text, so a part's rows follow its heading's.
    static func gabungan(
        _ parts: [(pd: PerangkatDaerah, kolom: Int, baris: BarisLaporanRingkas)]
    ) -> BarisLaporanRingkas {
        var potongan: [Deflate.Chunk] = []
        var jumlah = 0
        for part in parts where part.baris.jumlah > 0 {
            var bytes: [UInt8] = []
            tulis(Laporan.judulBagian(part.pd, kolom: part.kolom), ke: &bytes)
            potongan += Deflate.serentak(bytes, level: 1)
            potongan += part.baris.potongan
            jumlah += 1 + part.baris.jumlah
        }
        return BarisLaporanRingkas(potongan: potongan, jumlah: jumlah)
    }

    /// The bytes kept, for the cache's budget.
    var ukuran: Int { potongan.reduce(0) { $0 + $1.deflate.count } }

    /// The rows as they were given; a damaged piece is refused (zlib checks its length and CRC-32).
    func baris() throws -> [Laporan.Baris] {
        var result: [Laporan.Baris] = []
        result.reserveCapacity(jumlah)
        var bytes: [UInt8] = []
        for chunk in potongan { bytes += try chunk.teks() }
        var pembaca = Pembaca(bytes: bytes)
        while result.count < jumlah { result.append(try pembaca.baris()) }
        guard pembaca.posisi == bytes.count else { throw Rusak() }
        return result
    }

    struct Rusak: Error {}

    // MARK: Writing

    private enum Tanda: UInt8 {
        case kosong, teks, angkaKosong, angka, rupiahKosong, rupiah, persenKosong, persen, tidakTerdefinisi
    }

    private static func tulis(_ row: Laporan.Baris, ke bytes: inout [UInt8]) {
        angka(row.kedalaman, ke: &bytes)
        let gaya: UInt8 =
            switch row.gaya {
            case .biasa: 0
            case .kelompok: 1
            case .subtotal: 2
            case .total: 3
            }
        bytes.append(gaya)
        angka(row.sel.count, ke: &bytes)
        for sel in row.sel {
            switch sel {
            case .kosong: bytes.append(Tanda.kosong.rawValue)
            case .teks(var text):
                bytes.append(Tanda.teks.rawValue)
                text.withUTF8 { utf8 in
                    angka(utf8.count, ke: &bytes)
                    bytes.append(contentsOf: utf8)
                }
            case .angka(let value): desimal(value, .angkaKosong, .angka, ke: &bytes)
            case .persen(let value): desimal(value, .persenKosong, .persen, ke: &bytes)
            case .rupiah(nil): bytes.append(Tanda.rupiahKosong.rawValue)
            case .rupiah(let value?):
                bytes.append(Tanda.rupiah.rawValue)
                withUnsafeBytes(of: value.sen.littleEndian) { bytes.append(contentsOf: $0) }
            case .tidakTerdefinisi(let note):
                bytes.append(Tanda.tidakTerdefinisi.rawValue)
                angka(note, ke: &bytes)
            }
        }
    }

    /// A `Decimal` as its own 20 bytes (exponent, length, flags and mantissa), so that it comes back exactly.
    private static func desimal(_ value: Decimal?, _ kosong: Tanda, _ ada: Tanda, ke bytes: inout [UInt8]) {
        guard let value else { return bytes.append(kosong.rawValue) }
        bytes.append(ada.rawValue)
        withUnsafeBytes(of: value) { bytes.append(contentsOf: $0) }
    }

    /// A whole number in LEB128, zigzagged (a depth or a note's number; never large).
    private static func angka(_ value: Int, ke bytes: inout [UInt8]) {
        var rest = UInt64(bitPattern: Int64((value << 1) ^ (value >> (Int.bitWidth - 1))))
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    // MARK: Reading

    private struct Pembaca {
        let bytes: [UInt8]
        var posisi = 0

        mutating func bait() throws -> UInt8 {
            guard posisi < bytes.count else { throw Rusak() }
            defer { posisi += 1 }
            return bytes[posisi]
        }

        mutating func angka() throws -> Int {
            var result: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                let byte = try bait()
                guard shift < 64 else { throw Rusak() }
                result |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { break }
                shift += 7
            }
            return Int(truncatingIfNeeded: result >> 1) ^ -Int(truncatingIfNeeded: result & 1)
        }

        mutating func potong(_ count: Int) throws -> ArraySlice<UInt8> {
            guard count >= 0, posisi + count <= bytes.count else { throw Rusak() }
            defer { posisi += count }
            return bytes[posisi..<posisi + count]
        }

        mutating func desimal() throws -> Decimal {
            let raw = try potong(MemoryLayout<Decimal>.size)
            return raw.withUnsafeBytes { $0.loadUnaligned(as: Decimal.self) }
        }

        mutating func baris() throws -> Laporan.Baris {
            let depth = try angka()
            let style: Laporan.Gaya =
                switch try bait() {
                case 0: .biasa
                case 1: .kelompok
                case 2: .subtotal
                case 3: .total
                default: throw Rusak()
                }
            let count = try angka()
            guard count >= 0, count <= bytes.count - posisi else { throw Rusak() }
            var cells: [Laporan.Sel] = []
            cells.reserveCapacity(count)
            for _ in 0..<count {
                guard let tanda = Tanda(rawValue: try bait()) else { throw Rusak() }
                switch tanda {
                case .kosong: cells.append(.kosong)
                case .teks:
                    let length = try angka()
                    cells.append(.teks(String(decoding: try potong(length), as: UTF8.self)))
                case .angkaKosong: cells.append(.angka(nil))
                case .angka: cells.append(.angka(try desimal()))
                case .persenKosong: cells.append(.persen(nil))
                case .persen: cells.append(.persen(try desimal()))
                case .rupiahKosong: cells.append(.rupiah(nil))
                case .rupiah:
                    let raw = try potong(8)
                    let sen = raw.withUnsafeBytes { Int64(littleEndian: $0.loadUnaligned(as: Int64.self)) }
                    cells.append(.rupiah(Rupiah(sen: sen)))
                case .tidakTerdefinisi: cells.append(.tidakTerdefinisi(catatan: try angka()))
                }
            }
            return Laporan.Baris(cells, kedalaman: depth, gaya: style)
        }
    }
}

/// A report kept with its rows compact: the report without its rows (kop, titles, header, notes, signatures: what
/// the page around the table prints) and its rows as `BarisLaporanRingkas`.
struct LaporanRingkas: Sendable {
    let kepala: Laporan
    let baris: BarisLaporanRingkas

    /// A report's head (its rows ignored) and its rows as kept.
    init(kepala laporan: Laporan, baris: BarisLaporanRingkas) {
        var head = laporan
        head.baris = []
        kepala = head
        self.baris = baris
    }

    init(_ laporan: Laporan) {
        var head = laporan
        head.baris = []
        kepala = head
        baris = BarisLaporanRingkas(laporan.baris)
    }

    /// The whole report, its rows read back.
    func laporan() throws -> Laporan {
        var whole = kepala
        whole.baris = try baris.baris()
        return whole
    }
}
