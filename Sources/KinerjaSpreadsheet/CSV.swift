import Foundation

/// CSV as RFC 4180 with the habits of Indonesian offices: UTF-8 with or without BOM, `;` or `,` as separator
/// (detected from the header line when not given), quoted fields with doubled quotes and line breaks, CRLF or LF.
public enum CSV {
    public struct ParseError: Error, CustomStringConvertible, Equatable {
        public var baris: Int
        public var pesan: String
        public var description: String { "Baris \(baris): \(pesan)" }

        public init(baris: Int, pesan: String) {
            self.baris = baris
            self.pesan = pesan
        }
    }

    /// Most fields in one row by default: the widest official table has a few dozen columns; 200 000 columns made a
    /// preview take 11 s.
    public static let kolomMaks = 1_000

    /// Parses `text` into rows of fields; a row of more than `maksKolom` fields is an error naming the row.
    public static func parse(
        _ text: String, separator: Character? = nil, maksKolom: Int = kolomMaks
    ) throws(ParseError) -> [[String]] {
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        let delimiter = separator ?? detectSeparator(body)
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var fieldStartedQuoted = false
        var quoteLine = 1
        var index = body.startIndex
        while index < body.endIndex {
            let character = body[index]
            if inQuotes {
                if character == "\"" {
                    let next = body.index(after: index)
                    if next < body.endIndex, body[next] == "\"" {
                        field.append("\"")
                        index = next
                    } else {
                        inQuotes = false
                    }
                } else {
                    if character == "\n" || character == "\r\n" { line += 1 }
                    field.append(character)
                }
            } else if character == "\"" && field.isEmpty && !fieldStartedQuoted {
                inQuotes = true
                fieldStartedQuoted = true
                quoteLine = line
            } else if character == delimiter {
                row.append(field)
                field = ""
                fieldStartedQuoted = false
                if row.count >= maksKolom {
                    throw ParseError(baris: line, pesan: "lebih dari \(maksKolom) kolom dalam satu baris.")
                }
            } else if character == "\n" || character == "\r\n" || character == "\r" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
                fieldStartedQuoted = false
                line += 1
            } else {
                field.append(character)
            }
            index = body.index(after: index)
        }
        if inQuotes { throw ParseError(baris: quoteLine, pesan: "tanda kutip tidak ditutup.") }
        if !field.isEmpty || !row.isEmpty || fieldStartedQuoted {
            row.append(field)
            rows.append(row)
        }
        return rows
    }

    /// Parses with the first row as header; each record maps the (trimmed, lower-cased) header to its field.
    public static func records(_ text: String, separator: Character? = nil) throws(ParseError) -> [[String: String]] {
        let rows = try parse(text, separator: separator)
        guard let header = rows.first else { return [] }
        let keys = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        return rows.dropFirst().filter { !($0.count == 1 && $0[0].isEmpty) }.map { row in
            var record: [String: String] = [:]
            for (offset, key) in keys.enumerated() where offset < row.count { record[key] = row[offset] }
            return record
        }
    }

    /// The separator of the first line that has one (a title line above the header has none).
    static func detectSeparator(_ text: Substring) -> Character {
        var semicolons = 0
        var commas = 0
        var inQuotes = false
        var lines = 0
        for character in text {
            if character == "\"" { inQuotes.toggle() }
            if inQuotes { continue }
            if character == "\n" || character == "\r\n" || character == "\r" {
                if semicolons + commas > 0 { break }
                lines += 1
                if lines >= 25 { break }
                continue
            }
            if character == ";" { semicolons += 1 }
            if character == "," { commas += 1 }
        }
        return semicolons > commas ? ";" : ","
    }

    /// Writes rows as CSV (UTF-8 with BOM so that Excel reads it as UTF-8), quoting where needed. A field that a
    /// spreadsheet would take for a formula is written as text (`netral`).
    public static func write(_ rows: [[String]], separator: Character = ";", bom: Bool = true) -> String {
        var output = bom ? "\u{FEFF}" : ""
        for row in rows {
            output += row.map { quote(netral($0), separator: separator) }.joined(separator: String(separator))
            output += "\r\n"
        }
        return output
    }

    /// Characters that make Excel or LibreOffice read a field as a formula (or a DDE call) when it starts with them.
    static let awalanRumus: Set<Character> = [
        "=", "+", "-", "@", "\t", "\r", "\r\n", "\n", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}",
    ]

    /// Formula injection: a field starting with `=`, `+`, `-`, `@`, tab or CR (or their full-width forms) gets a
    /// leading apostrophe, which both Excel and LibreOffice show as text and do not evaluate. A plain number
    /// (`-12,5`, `-1.234.567`, `+62`) is left as it is, so negative numbers stay numbers. The reader removes the
    /// apostrophe again (`tanpaNetral`), so an exported file re-imports unchanged.
    public static func netral(_ field: String) -> String {
        guard let first = field.first, awalanRumus.contains(first) else { return field }
        // A plain number, and the lone dash that marks a missing value, are no formula.
        if angkaPolos(field) || field == "-" { return field }
        return "'" + field
    }

    /// The inverse of `netral` for a field read from a CSV.
    public static func tanpaNetral(_ field: String) -> String {
        guard field.hasPrefix("'"), let second = field.dropFirst().first, awalanRumus.contains(second) else {
            return field
        }
        return String(field.dropFirst())
    }

    /// `[+-]digits` with `.` and `,` between digits, and an optional `%`: a number in either locale.
    static func angkaPolos(_ field: String) -> Bool {
        var rest = Substring(field)
        if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
        if rest.last == "%" { rest = rest.dropLast() }
        guard let first = rest.first, let last = rest.last, first.isASCII, first.isNumber, last.isASCII, last.isNumber
        else { return false }
        return rest.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "." || $0 == "," }
    }

    static func quote(_ field: String, separator: Character) -> String {
        guard field.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
        else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
