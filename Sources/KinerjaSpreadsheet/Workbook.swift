import Foundation

/// A cell address: zero-based row and column. Printed the spreadsheet way ("B7").
public struct CellRef: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Parses "B7", "AA10" (absolute marks `$` allowed).
    public init?(_ text: String) {
        var letters = 0
        var column = 0
        var digits = ""
        for character in text where character != "$" {
            if let ascii = character.asciiValue, character.isLetter, digits.isEmpty {
                column = column * 26 + Int(ascii & 0xDF) - 64
                letters += 1
            } else if character.isNumber {
                digits.append(character)
            } else {
                return nil
            }
        }
        guard letters > 0, letters <= 3, let row = Int(digits), row >= 1, column >= 1 else { return nil }
        self.row = row - 1
        self.column = column - 1
    }

    public static func columnName(_ column: Int) -> String {
        var number = column + 1
        var name = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            number = (number - 1) / 26
        }
        return name
    }

    public var description: String { Self.columnName(column) + String(row + 1) }

    public static func < (lhs: CellRef, rhs: CellRef) -> Bool {
        (lhs.row, lhs.column) < (rhs.row, rhs.column)
    }
}

/// A rectangle of cells ("A1:C2").
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
    public var start: CellRef
    public var end: CellRef

    public init(_ start: CellRef, _ end: CellRef) {
        self.start = start
        self.end = end
    }

    public init?(_ text: String) {
        let parts = text.split(separator: ":").map(String.init)
        guard let first = parts.first.flatMap(CellRef.init) else { return nil }
        let last = parts.count > 1 ? CellRef(parts[1]) : first
        guard let last else { return nil }
        start = first
        end = last
    }

    public func contains(_ ref: CellRef) -> Bool {
        (start.row...end.row).contains(ref.row) && (start.column...end.column).contains(ref.column)
    }

    public var description: String { start == end ? start.description : "\(start):\(end)" }
}

/// What a cell holds, as read.
public enum CellValue: Hashable, Sendable {
    case empty
    case text(String)
    case number(Decimal)
    case bool(Bool)
    /// A date cell, as ISO `yyyy-mm-dd` (time dropped).
    case date(String)
    /// An error value such as `#DIV/0!`.
    case error(String)
    /// A formula whose cached value was not saved (a file written by a tool that does not compute).
    case formulaWithoutValue(String)

    /// The value as text, the way it would be printed in a CSV.
    public var text: String {
        switch self {
        case .empty: ""
        case .text(let text): text
        case .number(let number): number.teksBerkas
        case .bool(let value): value ? "TRUE" : "FALSE"
        case .date(let date): date
        case .error(let error): error
        case .formulaWithoutValue: ""
        }
    }

    public var isEmpty: Bool {
        switch self {
        case .empty: true
        case .text(let text): text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        default: false
        }
    }
}

/// A worksheet as read: a sparse grid plus its merged ranges.
public struct Sheet: Sendable {
    public var name: String
    /// Rows by zero-based index; each row's cells by zero-based column.
    public var cells: [Int: [Int: CellValue]]
    public var merges: [CellRange]
    /// The highest row index with a cell, or -1.
    public var lastRow: Int

    public init(name: String, cells: [Int: [Int: CellValue]] = [:], merges: [CellRange] = []) {
        self.name = name
        self.cells = cells
        self.merges = merges
        self.lastRow = cells.keys.max() ?? -1
    }

    public subscript(row: Int, column: Int) -> CellValue {
        cells[row]?[column] ?? .empty
    }

    /// The value of a cell, or of the top-left cell of the merged range that covers it.
    public func valueFillingMerges(row: Int, column: Int) -> CellValue {
        let own = self[row, column]
        guard case .empty = own else { return own }
        let ref = CellRef(row: row, column: column)
        if let range = merges.first(where: { $0.contains(ref) }) {
            return self[range.start.row, range.start.column]
        }
        return own
    }

    /// Rows as arrays of text, up to the widest row: for code that reads a sheet like a CSV.
    public func textRows() -> [[String]] {
        guard lastRow >= 0 else { return [] }
        let width = (cells.values.compactMap { $0.keys.max() }.max() ?? -1) + 1
        return (0...lastRow).map { row in (0..<width).map { self[row, $0].text } }
    }
}

public struct Workbook: Sendable {
    public var sheets: [Sheet]

    public init(sheets: [Sheet]) { self.sheets = sheets }

    public func sheet(named name: String) -> Sheet? {
        sheets.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }
    }
}
