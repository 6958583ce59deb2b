import Foundation
import KinerjaDomain
import Testing

@testable import KinerjaImport
@testable import KinerjaSpreadsheet

@Suite("Sel laporan XLSX")
struct LaporanSelTests {
    /// The cells built one row after another: a total row sums the top-level groups above it since the total before
    /// it, those with money in the total's column.
    static func rujukan(_ lines: [Laporan.Baris], firstRow: Int) -> [[XLSXCell]] {
        var rows: [[XLSXCell]] = []
        var topLevelRows: [(Int, Laporan.Baris)] = []
        for baris in lines {
            let excelRow = firstRow + rows.count
            var cells: [XLSXCell] = []
            for (column, sel) in baris.sel.enumerated() {
                let bold = baris.gaya != .biasa
                switch sel {
                case .kosong: cells.append(XLSXCell(.empty, style: bold ? .boldText : .text))
                case .teks(let text) where text.isEmpty:
                    cells.append(XLSXCell(.empty, style: bold ? .boldText : .text))
                case .teks(let text):
                    let indent = column == 1 ? String(repeating: "  ", count: baris.kedalaman) : ""
                    cells.append(.text(indent + text, bold ? .boldText : .text))
                case .angka(let value): cells.append(.number(value, .decimal))
                case .persen(let value): cells.append(.number(value, .percent))
                case .tidakTerdefinisi: cells.append(.text(sel.teks, .text))
                case .rupiah(let value):
                    let withMoney = topLevelRows.filter { _, group in
                        if column < group.sel.count, case .rupiah(.some) = group.sel[column] { return true }
                        return false
                    }
                    if baris.gaya == .total, !withMoney.isEmpty {
                        let letter = CellRef.columnName(column)
                        let terms = withMoney.map { "\(letter)\($0.0 + 1)" }.joined(separator: ",")
                        cells.append(XLSXCell(.formula("SUM(\(terms))", cached: value?.decimal), style: .boldRupiah))
                    } else {
                        cells.append(.number(value?.decimal, bold ? .boldRupiah : .rupiah))
                    }
                }
            }
            if baris.gaya == .total { topLevelRows = [] }
            if baris.kedalaman == 0 && baris.gaya == .kelompok { topLevelRows.append((excelRow, baris)) }
            rows.append(cells)
        }
        return rows
    }

    /// Random rows of every kind of cell, style and depth, totals among them, built in ranges of every size on
    /// every core: the same cells, in the same order, as one row after another.
    @Test func cellsBuiltInRangesAreTheCellsBuiltInOrder() {
        var rng = SystemRandomNumberGenerator()
        let gaya: [Laporan.Gaya] = [.biasa, .kelompok, .subtotal, .total, .kelompok, .biasa]
        func sel() -> Laporan.Sel {
            switch Int.random(in: 0..<7, using: &rng) {
            case 0: .kosong
            case 1: .teks(["", "Program A", "  spasi", "é&<"].randomElement(using: &rng)!)
            case 2: .angka(Bool.random(using: &rng) ? Decimal(Int.random(in: -500...500, using: &rng)) / 4 : nil)
            case 3: .rupiah(Bool.random(using: &rng) ? Rupiah(sen: Int64.random(in: 0...10_000_000, using: &rng)) : nil)
            case 4: .persen(Decimal(Int.random(in: 0...12_000, using: &rng)) / 100)
            case 5: .tidakTerdefinisi(catatan: Int.random(in: 1...3, using: &rng))
            default: .rupiah(Rupiah(sen: 1_250))
            }
        }
        for count in [0, 1, 5, 300, 5_000] {
            let lines = (0..<count).map { _ in
                Laporan.Baris(
                    (0..<Int.random(in: 0...9, using: &rng)).map { _ in sel() },
                    kedalaman: Int.random(in: 0...3, using: &rng), gaya: gaya.randomElement(using: &rng)!)
            }
            let firstRow = Int.random(in: 0...12, using: &rng)
            let expected = String(describing: Self.rujukan(lines, firstRow: firstRow))
            for potongan in [1, 3, 64, 2_048] {
                let built = LaporanEkspor.barisData(lines, firstRow: firstRow, potongan: potongan)
                #expect(String(describing: built) == expected, "\(count) baris, potongan \(potongan)")
            }
        }
    }
}
