import Foundation
import KinerjaDomain
import KinerjaSpreadsheet

/// A cell of an input table: text as typed, or a number Excel stored as a number (exact, never ambiguous).
public enum Sel: Hashable, Sendable {
    case kosong
    case teks(String)
    case angka(Decimal)
    case galat(String)
    case rumusTanpaNilai(String)

    public var teks: String {
        switch self {
        case .kosong: ""
        case .teks(let text): text.trimmed()
        case .angka(let number): number.plainString
        case .galat(let error): error
        case .rumusTanpaNilai: ""
        }
    }

    public var isKosong: Bool {
        switch self {
        case .kosong: true
        case .teks(let text): text.trimmed().isEmpty
        default: false
        }
    }

    init(_ value: CellValue) {
        switch value {
        case .empty: self = .kosong
        case .text(let text): self = .teks(text)
        case .number(let number): self = .angka(number)
        case .bool(let value): self = .teks(value ? "Ya" : "Tidak")
        case .date(let date): self = .teks(date)
        case .error(let error): self = .galat(error)
        case .formulaWithoutValue(let formula): self = .rumusTanpaNilai(formula)
        }
    }
}

/// One sheet (or a CSV file) as rows of cells, with the sheet's own 1-based row numbers.
public struct TabelMasukan: Sendable {
    public struct Baris: Sendable {
        public var nomor: Int
        public var sel: [Sel]

        public subscript(_ column: Int?) -> Sel {
            guard let column, sel.indices.contains(column) else { return .kosong }
            return sel[column]
        }

        public var isKosong: Bool { sel.allSatisfy(\.isKosong) }
    }

    public var lembar: String
    public var baris: [Baris]

    public init(lembar: String, baris: [Baris]) {
        self.lembar = lembar
        self.baris = baris
    }

    /// Reads a file by its content: XLSX (a ZIP) or CSV (anything else, UTF-8). Merged cells are filled from their
    /// top-left cell only in header rows; data rows keep them empty so that "continues the row above" can be seen.
    public static func baca(
        _ data: Data, namaBerkas: String, limits: XLSXReader.Limits = .init()
    ) throws -> [TabelMasukan] {
        if data.count >= 4 && data.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04])
            || namaBerkas.lowercased().hasSuffix(".xlsx")
        {
            let workbook = try XLSXReader(limits: limits).read(data)
            return workbook.sheets.map(from)
        }
        guard data.count <= limits.maxFileBytes else {
            throw SpreadsheetError.terlaluBesar(
                "\(data.count / (1 << 20)) MB, batas \(limits.maxFileBytes / (1 << 20)) MB.")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SpreadsheetError.bukanXLSX("berkas bukan XLSX dan bukan CSV UTF-8.")
        }
        let rows = try CSV.parse(text, maksKolom: limits.maxColumns)
        guard rows.count <= limits.maxRows else {
            throw SpreadsheetError.terlaluBesar("CSV mempunyai lebih dari \(limits.maxRows) baris.")
        }
        let name = URL(fileURLWithPath: namaBerkas).deletingPathExtension().lastPathComponent
        return [
            TabelMasukan(
                lembar: name.isEmpty ? "CSV" : name,
                baris: rows.enumerated().map { index, row in
                    Baris(
                        nomor: index + 1,
                        sel: row.map {
                            $0.trimmedSpaces().isEmpty ? .kosong : .teks(CSV.tanpaNetral($0))
                        })
                })
        ]
    }

    static func from(_ sheet: Sheet) -> TabelMasukan {
        guard sheet.lastRow >= 0 else { return TabelMasukan(lembar: sheet.name, baris: []) }
        let width = (sheet.cells.values.compactMap { $0.keys.max() }.max() ?? -1) + 1
        var rows: [Baris] = []
        for row in 0...sheet.lastRow {
            guard let cells = sheet.cells[row] else { continue }
            var values = [Sel](repeating: .kosong, count: width)
            for (column, value) in cells { values[column] = Sel(value) }
            rows.append(Baris(nomor: row + 1, sel: values))
        }
        var table = TabelMasukan(lembar: sheet.name, baris: rows)
        table.merges = sheet.merges
        return table
    }

    /// Merged ranges of the sheet (for header detection).
    public var merges: [CellRange] = []

    /// The text of a header cell, looking through merged ranges (a header merged across several columns names each
    /// of them).
    public func headerText(rowIndex: Int, column: Int) -> String {
        let row = baris[rowIndex]
        let own = row[column].teks
        if !own.isEmpty { return own }
        let ref = CellRef(row: row.nomor - 1, column: column)
        guard let range = merges.first(where: { $0.contains(ref) }),
            let source = baris.first(where: { $0.nomor - 1 == range.start.row })
        else { return "" }
        return source[range.start.column].teks
    }
}
