import Foundation

/// The ZIP package of an Office Open XML file (XLSX, DOCX): its XML parts, deflated, with a fixed date so that the
/// same content gives the same bytes.
///
/// Written here rather than through ZIPFoundation (which still reads them): a whole Pemda's worksheet is 25 MB of
/// XML, and ZIPFoundation copied it in 16 kB slices, computed its CRC-32 in Swift and deflated it on one core (a
/// third of writing the whole Pemda's realisasi). Each part comes deflated in pieces made on every core (a
/// worksheet's ranges of rows, `XLSXWriter.worksheetBagian`; else `Deflate.serentak`) and its CRC-32 is combined
/// from theirs; the archive is ZIP as PKWARE's APPNOTE describes it, without ZIP64 (a part or the whole over 4 GB
/// is refused).
enum OfficeZip {
    /// 2024-01-01 00:00 in MS-DOS form, every entry's time.
    static let waktuDOS: UInt16 = 0
    static let tanggalDOS: UInt16 = UInt16((2024 - 1980) << 9 | 1 << 5 | 1)

    static func archive(_ parts: [(path: String, xml: String)]) throws -> Data {
        try archive(chunks: parts.map { ($0.path, Deflate.serentak(Array($0.xml.utf8))) })
    }

    /// The parts deflated already, each as chunks one after another (`Deflate`).
    static func archive(chunks parts: [(path: String, chunks: [Deflate.Chunk])]) throws -> Data {
        var output: [UInt8] = []
        var central: [UInt8] = []
        for (path, chunks) in parts {
            let (crc, count) = Deflate.gabungan(chunks)
            let compressed = chunks.reduce(Deflate.akhir.count) { $0 + $1.deflate.count }
            let name = Array(path.utf8)
            guard count < Int(UInt32.max), compressed < Int(UInt32.max), output.count < Int(UInt32.max),
                name.count < 0xFFFF
            else { throw SpreadsheetError.bukanXLSX("bagian \(path) terlalu besar untuk ZIP.") }
            let offset = UInt32(output.count)
            // Local file header.
            output.le(UInt32(0x0403_4b50))
            output.entry(crc: crc, compressed: compressed, count: count, name: name)
            output += name
            for chunk in chunks { output += chunk.deflate }
            output += Deflate.akhir
            // Its central directory header.
            central.le(UInt32(0x0201_4b50))
            central.le(UInt16(20))  // made by: MS-DOS, 2.0
            central.entry(crc: crc, compressed: compressed, count: count, name: name)
            central.le(UInt16(0))  // comment
            central.le(UInt16(0))  // disk
            central.le(UInt16(0))  // internal attributes
            central.le(UInt32(0))  // external attributes
            central.le(offset)
            central += name
        }
        guard output.count + central.count < Int(UInt32.max), parts.count < 0xFFFF else {
            throw SpreadsheetError.bukanXLSX("arsip terlalu besar untuk ZIP.")
        }
        let centralOffset = UInt32(output.count)
        output += central
        // End of central directory.
        output.le(UInt32(0x0605_4b50))
        output.le(UInt16(0))
        output.le(UInt16(0))
        output.le(UInt16(parts.count))
        output.le(UInt16(parts.count))
        output.le(UInt32(central.count))
        output.le(centralOffset)
        output.le(UInt16(0))
        return Data(output)
    }
}

extension [UInt8] {
    fileprivate mutating func le<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { self += $0 }
    }

    /// The fields a local header and a central directory header share, from "version needed" to "extra length".
    fileprivate mutating func entry(crc: UInt32, compressed: Int, count: Int, name: [UInt8]) {
        le(UInt16(20))  // version needed: 2.0 (deflate)
        le(UInt16(0))  // flags
        le(UInt16(8))  // deflate
        le(OfficeZip.waktuDOS)
        le(OfficeZip.tanggalDOS)
        le(crc)
        le(UInt32(compressed))
        le(UInt32(count))
        le(UInt16(name.count))
        le(UInt16(0))  // extra
    }
}
