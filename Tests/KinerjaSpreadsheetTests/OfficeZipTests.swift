import Foundation
import Testing
import ZIPFoundation

@testable import KinerjaSpreadsheet

/// Our own ZIP writer (`OfficeZip`), with parts deflated in pieces on every core (`Deflate`): what it writes is
/// read back whole by ZIPFoundation (which checks each part's CRC-32) and by our XLSX reader.
@Suite("Arsip ZIP dokumen kantor")
struct OfficeZipTests {
    /// A worksheet of many ranges of rows (each written and deflated apart) reads back cell for cell, and its part
    /// is the worksheet's XML as written in one piece.
    @Test func aLargeWorkbookWrittenInRangesReadsBackCellForCell() throws {
        var random = SystemRandomNumberGenerator()
        let words = ["Dinas", "Pendidikan", "<b>", "&", "\"kutip\"", "Rp", "1.234,5", "é", "😀", "\t", "'", "Σ"]
        var rows: [[XLSXCell]] = [[.text("No", .header), .text("Uraian", .header), .text("Nilai", .header)]]
        for index in 1...9_001 {
            let text = (0..<Int.random(in: 0...6, using: &random)).map { _ in words.randomElement(using: &random)! }
                .joined(separator: " ")
            let number = Decimal(Int.random(in: -9_999_999...9_999_999, using: &random)) / 100
            rows.append([
                .number(Decimal(index)), .text(text), .number(number), index % 7 == 0 ? .empty : .number(number * 2),
                XLSXCell(.formula("C\(index + 1)*2", cached: number * 2)),
            ])
        }
        let sheet = XLSXSheet(name: "Realisasi", rows: rows, headerRows: 1)
        let data = try XLSXWriter.write([sheet, XLSXSheet(name: "Kecil", rows: [[.text("satu")]])])

        let archive = try Archive(data: data, accessMode: .read)
        var parts: [String: Data] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry, skipCRC32: false) { bytes.append($0) }
            parts[entry.path] = bytes
        }
        #expect(parts.count == 7)
        #expect(parts["xl/worksheets/sheet1.xml"] == Data(XLSXWriter.worksheet(sheet).utf8))

        let workbook = try XLSXReader().read(data)
        let read = try #require(workbook.sheet(named: "Realisasi"))
        #expect(read.lastRow == rows.count - 1)
        for (row, cells) in rows.enumerated() {
            for (column, cell) in cells.enumerated() {
                switch cell.value {
                case .text(let text):
                    // The reader takes a cell of blanks only for an empty one.
                    let expected: CellValue = text.allSatisfy(\.isWhitespace) ? .empty : .text(text)
                    #expect(read[row, column] == expected, "\(row),\(column)")
                case .number(let number): #expect(read[row, column] == .number(number), "\(row),\(column)")
                case .formula(_, let cached): #expect(read[row, column] == .number(cached!), "\(row),\(column)")
                case .empty: #expect(read[row, column] == .empty, "\(row),\(column)")
                }
            }
        }
        #expect(workbook.sheet(named: "Kecil")?[0, 0] == .text("satu"))
    }

    /// A part deflated in 1 MB pieces at once (`Deflate.serentak`), an empty part and a small one read back as they
    /// were; the same parts give the same bytes.
    @Test func partsDeflatedInPiecesReadBackAsTheyWere() throws {
        var random = SystemRandomNumberGenerator()
        let large = String(
            decoding: (0..<3_500_000).map { index in
                index % 97 == 0 ? UInt8.random(in: 0x20...0x7e, using: &random) : UInt8(ascii: "a") + UInt8(index % 23)
            }, as: UTF8.self)
        let parts = [("besar.xml", large), ("kosong.xml", ""), ("dir/kecil.xml", "<a>ü</a>")]
        let data = try OfficeZip.archive(parts)
        #expect(try OfficeZip.archive(parts) == data)
        let archive = try Archive(data: data, accessMode: .read)
        for (path, text) in parts {
            let entry = try #require(archive[path])
            var bytes = Data()
            _ = try archive.extract(entry, skipCRC32: false) { bytes.append($0) }
            #expect(bytes == Data(text.utf8), "\(path)")
        }
    }
}
