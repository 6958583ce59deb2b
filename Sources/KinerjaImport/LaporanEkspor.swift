import Foundation
import KinerjaDomain
import KinerjaSpreadsheet

/// Renders a `Laporan` as XLSX (merged multi-row header, numbering row, indented rows, totals as formulas with their
/// cached values, notes and signature block, print setup) and as CSV.
public enum LaporanEkspor {
    public static func xlsx(_ laporan: Laporan) throws -> Data {
        let (top, merges) = atas(laporan)
        return try buku(
            laporan, rows: top + barisData(laporan.baris, firstRow: top.count) + bawah(laporan), merges: merges,
            headerRows: top.count)
    }

    /// The workbook of one sheet: `rows` (with `tertulis` among them, the rows written already).
    static func buku(
        _ laporan: Laporan, rows: [[XLSXCell]], merges: [CellRange], headerRows: Int, tertulis: BarisTertulis? = nil
    ) throws -> Data {
        try XLSXWriter.write(
            [
                XLSXSheet(
                    name: laporan.nama, columnWidths: laporan.kolom.map(\.lebar), rows: rows, merges: merges,
                    headerRows: headerRows, tertulis: tertulis)
            ], angka: { $0.plainString })
    }

    /// What comes before the report's rows: its kop and titles (each merged across the table), a blank row, the
    /// header grid (merged as its cells span) and the numbering row. All of it is the sheet's header.
    static func atas(_ laporan: Laporan) -> (rows: [[XLSXCell]], merges: [CellRange]) {
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
        return (rows, merges)
    }

    /// What comes after the report's rows: a blank row, the notes, the signatures.
    static func bawah(_ laporan: Laporan) -> [[XLSXCell]] {
        var rows: [[XLSXCell]] = [[]]
        for note in laporan.catatan { rows.append([.text("Catatan: " + note, .plain)]) }
        if let sign = laporan.tandaTangan {
            // The signer's block at the right; an evaluator's ("Dievaluasi oleh") at the left, line for line.
            func lines(_ block: Laporan.TandaTangan) -> [String] {
                [block.tempat.isEmpty ? "" : "\(block.tempat), \(block.tanggal)"]
                    + (block.peran.isEmpty ? [] : [block.peran + ","])
                    + [block.jabatan, "", "", block.nama, block.pangkat, block.nip.isEmpty ? "" : "NIP. \(block.nip)"]
            }
            let column = max(0, laporan.kolom.count - 3)
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
        return rows
    }

    /// The report's rows as cells, the first at sheet row `firstRow`. Each row's cells depend on the row alone, and
    /// for a total row on the top-level groups it sums (their places): built in ranges of `potongan` rows, as many at once as
    /// there are cores, in order (a whole Pemda's 42 500 rows were a sixth of writing its XLSX, on one core).
    static func barisData(_ lines: [Laporan.Baris], firstRow: Int, potongan: Int = 2_048) -> [[XLSXCell]] {
        let sums = jumlahTotal(lines, firstRow: firstRow).sums
        let ranges = (lines.count + potongan - 1) / potongan
        return serentakUrut(ranges) { part in
            (part * potongan..<min(lines.count, (part + 1) * potongan)).map { index in
                sel(lines[index], topLevel: sums[index] ?? [])
            }
        }.flatMap { $0 }
    }

    /// A top-level group a total sums: its sheet row and its report row.
    typealias Kelompok = (row: Int, baris: Laporan.Baris)

    /// For each total row (by its index), the top-level groups it sums: those after the total before it. A whole
    /// Pemda's report is every PD's report one after another, each ending in its own total: PD 2's total sums PD 2's
    /// programs, never PD 1's too (it did, while its cached value was PD 2's alone: a sheet that recalculated showed
    /// every PD's total as the running sum of the PD above it). `awal`: the groups since the last total above
    /// `lines` (rows written before them); `sisa`: those after the last total of `lines`, for the rows after them.
    static func jumlahTotal(
        _ lines: [Laporan.Baris], firstRow: Int, awal: [Kelompok] = []
    ) -> (sums: [Int: [Kelompok]], sisa: [Kelompok]) {
        var sums: [Int: [Kelompok]] = [:]
        var groups = awal
        for (index, baris) in lines.enumerated() {
            if baris.gaya == .total {
                sums[index] = groups
                groups = []
            } else if baris.kedalaman == 0 && baris.gaya == .kelompok {
                groups.append((firstRow + index, baris))
            }
        }
        return (sums, groups)
    }

    /// One report row's cells; `topLevel`, for a total row, the groups above it that it sums, with their sheet rows.
    /// A total's money cell is their SUM over the groups that have money in that column (a PD's heading, a group
    /// without a figure there, is not a term), with its own value cached.
    static func sel(
        _ baris: Laporan.Baris, topLevel: [Kelompok]
    ) -> [XLSXCell] {
        var cells: [XLSXCell] = []
        cells.reserveCapacity(baris.sel.count)
        let bold = baris.gaya != .biasa
        for (column, sel) in baris.sel.enumerated() {
            switch sel {
            case .kosong: cells.append(XLSXCell(.empty, style: bold ? .boldText : .text))
            case .teks(let text) where text.isEmpty:
                // A blank cell with the row's border, not a text of indenting spaces (a whole Pemda's realisasi wrote
                // 40 000 of them, an eighth of its sheet's XML).
                cells.append(XLSXCell(.empty, style: bold ? .boldText : .text))
            case .teks(let text):
                let indent = column == 1 ? String(repeating: "  ", count: baris.kedalaman) : ""
                cells.append(.text(indent + text, bold ? .boldText : .text))
            case .angka(let value): cells.append(.number(value, .decimal))
            case .persen(let value): cells.append(.number(value, .percent))
            case .tidakTerdefinisi: cells.append(.text(sel.teks, .text))
            case .rupiah(let value):
                let terms = topLevel.filter { group in
                    guard column < group.baris.sel.count, case .rupiah(.some) = group.baris.sel[column] else {
                        return false
                    }
                    return true
                }
                if baris.gaya == .total, !terms.isEmpty {
                    let letter = CellRef.columnName(column)
                    let list = terms.map { "\(letter)\($0.row + 1)" }.joined(separator: ",")
                    cells.append(XLSXCell(.formula("SUM(\(list))", cached: value?.decimal), style: .boldRupiah))
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
