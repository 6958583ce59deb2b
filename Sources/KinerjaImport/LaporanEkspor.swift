import Foundation
import KinerjaDomain
import KinerjaSpreadsheet

/// Renders a `Laporan` as XLSX (merged multi-row header, numbering row, indented rows, totals as formulas with their
/// cached values, notes and signature block, print setup) and as CSV.
public enum LaporanEkspor {
    public static func xlsx(_ laporan: Laporan) throws -> Data {
        var rows: [[XLSXCell]] = []
        var merges: [CellRange] = []
        let width = laporan.kolom.count
        for line in laporan.kop + laporan.judul {
            merges.append(CellRange(CellRef(row: rows.count, column: 0), CellRef(row: rows.count, column: width - 1)))
            rows.append([.text(line, .title)])
        }
        rows.append([])
        let headerStart = rows.count
        for (rowIndex, placed) in laporan.kepalaGrid.enumerated() {
            var row = [XLSXCell](repeating: XLSXCell(.empty, style: .header), count: width)
            // A header wider than the columns is cut, never a crash.
            for item in placed where item.kolom < width {
                row[item.kolom] = .text(item.sel.teks, .header)
                if item.sel.kolom > 1 || item.sel.baris > 1 {
                    merges.append(
                        CellRange(
                            CellRef(row: headerStart + rowIndex, column: item.kolom),
                            CellRef(
                                row: headerStart + rowIndex + item.sel.baris - 1,
                                column: item.kolom + item.sel.kolom - 1)))
                }
            }
            rows.append(row)
        }
        rows.append(laporan.kolom.map { .text($0.nomor, .header) })
        let headerRows = rows.count
        rows += barisData(laporan.baris, firstRow: rows.count)
        rows.append([])
        for note in laporan.catatan { rows.append([.text("Catatan: " + note, .plain)]) }
        if let sign = laporan.tandaTangan {
            // The signer's block at the right; an evaluator's ("Dievaluasi oleh") at the left, line for line.
            func lines(_ block: Laporan.TandaTangan) -> [String] {
                [block.tempat.isEmpty ? "" : "\(block.tempat), \(block.tanggal)"]
                    + (block.peran.isEmpty ? [] : [block.peran + ","])
                    + [block.jabatan, "", "", block.nama, block.pangkat, block.nip.isEmpty ? "" : "NIP. \(block.nip)"]
            }
            let column = max(0, width - 3)
            let right = lines(sign)
            let left = laporan.tandaTanganEvaluasi.map(lines) ?? []
            rows.append([])
            for index in 0..<max(left.count, right.count) {
                var row = [XLSXCell](repeating: .empty, count: column + 1)
                if index < left.count, column > 1 { row[1] = .text(left[index], .plain) }
                row[column] = index < right.count ? .text(right[index], .plain) : .empty
                rows.append(row)
            }
        }
        return try XLSXWriter.write(
            [
                XLSXSheet(
                    name: laporan.nama, columnWidths: laporan.kolom.map(\.lebar), rows: rows, merges: merges,
                    headerRows: headerRows)
            ], angka: { $0.plainString })
    }

    /// The report's rows as cells, the first at sheet row `firstRow`. Each row's cells depend on the row alone, its
    /// place, and for a total row the top-level groups above it (which it sums): built in ranges of `potongan` rows,
    /// as many at once as there are cores, in order (a whole Pemda's 42 500 rows were a sixth of writing its XLSX, on
    /// one core).
    static func barisData(_ lines: [Laporan.Baris], firstRow: Int, potongan: Int = 2_048) -> [[XLSXCell]] {
        let topLevelRows = lines.indices.filter { lines[$0].kedalaman == 0 && lines[$0].gaya == .kelompok }.map {
            firstRow + $0
        }
        let ranges = (lines.count + potongan - 1) / potongan
        return serentakUrut(ranges) { part in
            (part * potongan..<min(lines.count, (part + 1) * potongan)).map { index in
                sel(lines[index], row: firstRow + index, topLevelRows: topLevelRows)
            }
        }.flatMap { $0 }
    }

    /// One report row's cells, at sheet row `row`.
    static func sel(_ baris: Laporan.Baris, row excelRow: Int, topLevelRows: [Int]) -> [XLSXCell] {
        var cells: [XLSXCell] = []
        cells.reserveCapacity(baris.sel.count)
        let bold = baris.gaya != .biasa
        for (column, sel) in baris.sel.enumerated() {
            switch sel {
            case .kosong: cells.append(XLSXCell(.empty, style: bold ? .boldText : .text))
            case .teks(let text):
                let indent = column == 1 ? String(repeating: "  ", count: baris.kedalaman) : ""
                cells.append(.text(indent + text, bold ? .boldText : .text))
            case .angka(let value): cells.append(.number(value, .decimal))
            case .persen(let value): cells.append(.number(value, .percent))
            case .tidakTerdefinisi: cells.append(.text(sel.teks, .text))
            case .rupiah(let value):
                let above = baris.gaya == .total ? topLevelRows.prefix { $0 < excelRow } : []
                if !above.isEmpty {
                    let letter = CellRef.columnName(column)
                    let terms = above.map { "\(letter)\($0 + 1)" }.joined(separator: ",")
                    cells.append(XLSXCell(.formula("SUM(\(terms))", cached: value?.decimal), style: .boldRupiah))
                } else {
                    cells.append(.number(value?.decimal, bold ? .boldRupiah : .rupiah))
                }
            }
        }
        return cells
    }

    public static func csv(_ laporan: Laporan) -> String {
        var rows: [[String]] = laporan.judul.map { [$0] }
        rows.append(laporan.kolom.map(\.judul))
        rows.append(laporan.kolom.map(\.nomor))
        for baris in laporan.baris { rows.append(baris.sel.map(\.teks)) }
        for note in laporan.catatan { rows.append(["Catatan: " + note]) }
        return CSV.write(rows)
    }
}
