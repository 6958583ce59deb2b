import Foundation
import ZIPFoundation

/// A cell to write.
public struct XLSXCell: Sendable {
    public enum Value: Sendable {
        case empty
        case text(String)
        case number(Decimal)
        /// A formula with its cached value, so that readers that do not compute (openpyxl, viewers) see the number.
        case formula(String, cached: Decimal?)
    }

    public var value: Value
    public var style: XLSXStyle

    public init(_ value: Value, style: XLSXStyle = .text) {
        self.value = value
        self.style = style
    }

    public static func text(_ text: String, _ style: XLSXStyle = .text) -> XLSXCell {
        XLSXCell(.text(text), style: style)
    }
    public static func number(_ number: Decimal?, _ style: XLSXStyle = .decimal) -> XLSXCell {
        XLSXCell(number.map(Value.number) ?? .empty, style: style)
    }
    public static let empty = XLSXCell(.empty)
}

/// The styles every workbook carries (index into `cellXfs`).
public enum XLSXStyle: Int, Sendable, CaseIterable {
    case plain = 0
    /// Bold, shaded, bordered, wrapped, centred.
    case header
    /// Bordered, wrapped, top-aligned text.
    case text
    /// Bordered whole Rupiah with thousands groups (`#,##0`; Excel shows `1.234.567` in Indonesian locale).
    case rupiah
    /// Bordered number with two decimals, for percentages stored as 66.9 (not 0.669).
    case percent
    /// Bordered general number.
    case decimal
    /// Bold bordered text (subtotals).
    case boldText
    /// Bold bordered Rupiah (subtotals).
    case boldRupiah
    /// Bold title without border.
    case title
}

public struct XLSXSheet: Sendable {
    public var name: String
    /// Column widths in characters.
    public var columnWidths: [Double]
    public var rows: [[XLSXCell]]
    public var merges: [CellRange]
    /// Rows from the top that are the header: frozen on screen and repeated on every printed page.
    public var headerRows: Int
    /// Rows of title above the header (part of the repeated block only if `repeatTitle`).
    public var landscape: Bool
    /// Rows written already, placed before `rows[tertulis.sebelum]` (which then follow them): a whole Pemda's report
    /// writes each PD's rows while the next PD are read (`LaporanEkspor.Bertahap`).
    public var tertulis: BarisTertulis?

    public init(
        name: String, columnWidths: [Double] = [], rows: [[XLSXCell]], merges: [CellRange] = [], headerRows: Int = 1,
        landscape: Bool = true, tertulis: BarisTertulis? = nil
    ) {
        self.name = name
        self.columnWidths = columnWidths
        self.rows = rows
        self.merges = merges
        self.headerRows = headerRows
        self.landscape = landscape
        self.tertulis = tertulis
    }
}

/// A sheet's rows written and deflated before the rest of the sheet (`XLSXSheet.tertulis`): `jumlah` rows placed
/// before the sheet's row `sebelum`, as pieces of deflated XML in order (`XLSXWriter.tulisBaris`), `lebar` the most
/// cells of any of them.
public struct BarisTertulis: Sendable {
    public var sebelum: Int
    public var jumlah: Int
    public var lebar: Int
    public var chunks: [Deflate.Chunk]

    public init(sebelum: Int, jumlah: Int, lebar: Int, chunks: [Deflate.Chunk]) {
        self.sebelum = sebelum
        self.jumlah = jumlah
        self.lebar = lebar
        self.chunks = chunks
    }
}

/// Writes XLSX that Excel, LibreOffice and openpyxl open without complaint: inline strings, one style sheet,
/// frozen header, print setup (A4 landscape, fit to width, header repeated on every page), merged cells, formulas
/// with cached values. The output is deterministic (fixed timestamps), so it can be snapshot-tested.
public enum XLSXWriter {
    /// `angka`: a number's text as stored in the file (`1234.5`); Foundation's by default. A caller with a faster
    /// spelling of the same text passes it (the domain's `plainString`: `NSDecimalString` was a third of writing a
    /// whole Pemda's realisasi) as a closure: a key path (`\.plainString`) was applied through the runtime's generic
    /// key path machinery at every number, a third of the cost of spelling them.
    public static func write(
        _ sheets: [XLSXSheet], angka: @escaping @Sendable (Decimal) -> String = { $0.teksBerkas }
    ) throws -> Data {
        precondition(!sheets.isEmpty, "a workbook needs a sheet")
        let names = uniqueSheetNames(sheets.map(\.name))
        var parts: [(String, [Deflate.Chunk])] = [
            ("[Content_Types].xml", contentTypes(count: sheets.count)),
            ("_rels/.rels", rootRels),
            ("xl/workbook.xml", workbook(names: names, sheets: sheets)),
            ("xl/_rels/workbook.xml.rels", workbookRels(count: sheets.count)),
            ("xl/styles.xml", styles),
        ].map { ($0.0, [Deflate.Chunk($0.1)]) }
        for (index, sheet) in sheets.enumerated() {
            // Each range of rows is deflated by the core that wrote it: the sheet's XML is never whole in memory.
            let (head, rows, tail) = worksheetBagian(sheet, angka: angka, ditulis: \.chunks) { bytes in
                bytes.withUnsafeBufferPointer { Deflate.Chunk(bytes: $0, level: tingkatLembar) }
            }
            parts.append(("xl/worksheets/sheet\(index + 1).xml", [Deflate.Chunk(head)] + rows + [Deflate.Chunk(tail)]))
        }
        return try OfficeZip.archive(chunks: parts)
    }

    /// Rows of a sheet as deflated XML, the first numbered `firstRow` (0 for the sheet's first), for
    /// `BarisTertulis`: the same XML as the sheet writes for them in place.
    public static func tulisBaris(
        _ rows: [[XLSXCell]], firstRow: Int, angka: @escaping @Sendable (Decimal) -> String = { $0.teksBerkas }
    ) -> Deflate.Chunk {
        let width = rows.map(\.count).max() ?? 0
        let letters = (0..<width).map { Array(CellRef.columnName($0).utf8) }
        let xml = baris(rows, rows.indices, letters: letters, angka: angka, geser: firstRow)
        return xml.withUnsafeBufferPointer { Deflate.Chunk(bytes: $0, level: tingkatLembar) }
    }

    /// zlib's level for a sheet's rows. A whole Pemda's realisasi (21 MB of sheet XML) at 6, zlib's default: 2,01
    /// MB in 188 ms of CPU; at 5: 2,05 MB in 101 ms; at 3: 2,31 MB in 74 ms; at 1: 2,74 MB in 51 ms (`zlib` from
    /// Python on the same XML, this machine). 5 keeps the file's size and halves its compression.
    static let tingkatLembar: Int32 = 5

    /// Excel sheet names: at most 31 characters, none of `[]:*?/\`, unique.
    static func uniqueSheetNames(_ names: [String]) -> [String] {
        var used: Set<String> = []
        return names.map { name in
            var base = String(name.filter { !"[]:*?/\\".contains($0) }.prefix(31))
            if base.isEmpty { base = "Lembar" }
            var candidate = base
            var counter = 2
            while used.contains(candidate.lowercased()) {
                let suffix = " (\(counter))"
                candidate = String(base.prefix(31 - suffix.count)) + suffix
                counter += 1
            }
            used.insert(candidate.lowercased())
            return candidate
        }
    }

    static func escape(_ text: String) -> String { XMLText.escape(text) }

    /// Whether a cell's text needs `xml:space="preserve"`: Excel trims whitespace at a text's ends without it, and
    /// runs of spaces, tabs and line breaks are kept only with it. Half the cells of a report are codes, numbers as
    /// text and names that need none (the attribute was a sixth of a whole Pemda's 25 MB of sheet XML).
    static func perluPreserve(_ text: String) -> Bool {
        var previous: UInt8 = 0
        var first = true
        for byte in text.utf8 {
            switch byte {
            case 0x09, 0x0A, 0x0D: return true
            case 0x20: if first || previous == 0x20 { return true }
            default: break
            }
            previous = byte
            first = false
        }
        return previous == 0x20
    }

    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static func contentTypes(count: Int) -> String {
        var xml = header
        xml += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        xml +=
            "<Override PartName=\"/xl/workbook.xml\" "
            + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        xml +=
            "<Override PartName=\"/xl/styles.xml\" "
            + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        for index in 1...count {
            xml +=
                "<Override PartName=\"/xl/worksheets/sheet\(index).xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return xml + "</Types>"
    }

    static let rootRels =
        header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relNS)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"

    static func workbook(names: [String], sheets: [XLSXSheet]) -> String {
        var xml = header + "<workbook xmlns=\"\(mainNS)\" xmlns:r=\"\(relNS)\"><sheets>"
        for (index, name) in names.enumerated() {
            xml += "<sheet name=\"\(escape(name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        xml += "</sheets><definedNames>"
        for (index, sheet) in sheets.enumerated() where sheet.headerRows > 0 {
            let quoted = "'" + names[index].replacingOccurrences(of: "'", with: "''") + "'"
            xml +=
                "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(index)\">"
                + escape("\(quoted)!$1:$\(sheet.headerRows)") + "</definedName>"
        }
        return xml + "</definedNames></workbook>"
    }

    static func workbookRels(count: Int) -> String {
        var xml = header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for index in 1...count {
            xml +=
                "<Relationship Id=\"rId\(index)\" Type=\"\(relNS)/worksheet\" Target=\"worksheets/sheet\(index).xml\"/>"
        }
        xml += "<Relationship Id=\"rId\(count + 1)\" Type=\"\(relNS)/styles\" Target=\"styles.xml\"/>"
        return xml + "</Relationships>"
    }

    static let styles: String = {
        let border =
            "<border><left style=\"thin\"/><right style=\"thin\"/><top style=\"thin\"/><bottom style=\"thin\"/><diagonal/></border>"
        let wrapTop = "<alignment vertical=\"top\" wrapText=\"1\"/>"
        let xfs = [
            "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>",
            "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/></xf>",
            "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyBorder=\"1\" applyAlignment=\"1\">\(wrapTop)</xf>",
            "<xf numFmtId=\"3\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyNumberFormat=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment vertical=\"top\"/></xf>",
            "<xf numFmtId=\"4\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyNumberFormat=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment vertical=\"top\"/></xf>",
            "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyBorder=\"1\" applyAlignment=\"1\"><alignment vertical=\"top\"/></xf>",
            "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyBorder=\"1\" applyAlignment=\"1\">\(wrapTop)</xf>",
            "<xf numFmtId=\"3\" fontId=\"1\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyNumberFormat=\"1\" applyFont=\"1\" applyBorder=\"1\"/>",
            "<xf numFmtId=\"0\" fontId=\"2\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>",
        ]
        return header + "<styleSheet xmlns=\"\(mainNS)\">"
            + "<fonts count=\"3\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font>"
            + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font>"
            + "<font><b/><sz val=\"13\"/><name val=\"Calibri\"/></font></fonts>"
            + "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
            + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFE7ECF2\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
            + "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>\(border)</borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"\(xfs.count)\">" + xfs.joined() + "</cellXfs>"
            + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
            + "</styleSheet>"
    }()

    static func worksheet(
        _ sheet: XLSXSheet, angka: @escaping @Sendable (Decimal) -> String = { $0.teksBerkas }
    ) -> String {
        // Rows written already are read back from their deflated XML (chunks this process made).
        let (head, rows, tail) = worksheetBagian(
            sheet, angka: angka, ditulis: { $0.chunks.map { (try? $0.teks()) ?? [] } }, { $0 })
        return head + String(decoding: rows.joined(), as: UTF8.self) + tail
    }

    /// A worksheet's XML in three: what comes before its rows; its rows in ranges (42 500 rows of a whole Pemda's
    /// realisasi, 25 MB), as many at once as there are cores, each made into `T` by the core that wrote it; and what
    /// comes after them.
    /// `ditulis`: the rows written already (`XLSXSheet.tertulis`) as `T`.
    static func worksheetBagian<T: Sendable>(
        _ sheet: XLSXSheet, angka: @escaping @Sendable (Decimal) -> String,
        ditulis: (BarisTertulis) -> [T], _ ubah: @escaping @Sendable ([UInt8]) -> T
    ) -> (String, [T], String) {
        var xml = header + "<worksheet xmlns=\"\(mainNS)\" xmlns:r=\"\(relNS)\">"
        xml += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
        let width = max(1, sheet.rows.map(\.count).max() ?? 1, sheet.columnWidths.count, sheet.tertulis?.lebar ?? 0)
        let count = sheet.rows.count + (sheet.tertulis?.jumlah ?? 0)
        xml += "<dimension ref=\"A1:\(CellRef(row: max(0, count - 1), column: width - 1))\"/>"
        xml += "<sheetViews><sheetView workbookViewId=\"0\">"
        if sheet.headerRows > 0 && count > sheet.headerRows {
            xml +=
                "<pane ySplit=\"\(sheet.headerRows)\" topLeftCell=\"A\(sheet.headerRows + 1)\" "
                + "activePane=\"bottomLeft\" state=\"frozen\"/>"
        }
        xml += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
        if !sheet.columnWidths.isEmpty {
            xml += "<cols>"
            for (index, columnWidth) in sheet.columnWidths.enumerated() {
                xml += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(columnWidth)\" customWidth=\"1\"/>"
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        let rows: [T]
        if let tertulis = sheet.tertulis {
            // The rows before and after those written already, numbered around them.
            let split = min(tertulis.sebelum, sheet.rows.count)
            rows =
                lembarData(Array(sheet.rows[..<split]), kolom: width, angka: angka, ubah) + ditulis(tertulis)
                + lembarData(
                    Array(sheet.rows[split...]), kolom: width, angka: angka, geser: split + tertulis.jumlah, ubah)
        } else {
            rows = lembarData(sheet.rows, kolom: width, angka: angka, ubah)
        }
        var tail = "</sheetData>"
        if !sheet.merges.isEmpty {
            tail += "<mergeCells count=\"\(sheet.merges.count)\">"
            for range in sheet.merges { tail += "<mergeCell ref=\"\(range.start):\(range.end)\"/>" }
            tail += "</mergeCells>"
        }
        tail += "<pageMargins left=\"0.4\" right=\"0.4\" top=\"0.5\" bottom=\"0.5\" header=\"0.3\" footer=\"0.3\"/>"
        tail +=
            "<pageSetup paperSize=\"9\" orientation=\"\(sheet.landscape ? "landscape" : "portrait")\" "
            + "fitToWidth=\"1\" fitToHeight=\"0\"/>"
        tail += "<headerFooter><oddFooter>&amp;CHalaman &amp;P dari &amp;N</oddFooter></headerFooter>"
        return (xml, rows, tail + "</worksheet>")
    }

    /// The rows of `<sheetData>` in ranges of 4 096 rows, as many at once as there are cores, in order (the same
    /// rows give the same bytes on every machine). A cell's reference is its column's letters and its row's number, made
    /// once each.
    static func lembarData<T: Sendable>(
        _ rows: [[XLSXCell]], kolom: Int, angka: @escaping @Sendable (Decimal) -> String, geser: Int = 0,
        _ ubah: @escaping @Sendable ([UInt8]) -> T
    ) -> [T] {
        let letters = (0..<kolom).map { Array(CellRef.columnName($0).utf8) }
        // Ranges by the row count alone, so that every machine writes the same bytes.
        let size = 4_096
        let ranges = max(1, (rows.count + size - 1) / size)
        return serentakUrut(ranges) { part in
            let range = min(rows.count, part * size)..<min(rows.count, (part + 1) * size)
            return ubah(baris(rows, range, letters: letters, angka: angka, geser: geser))
        }
    }

    /// The rows `range` of a sheet as XML, `rows[0]` the sheet's row `geser` (counted from 0).
    ///
    /// Written byte by byte into one array from the fixed pieces' bytes (`Tanda`: kept for the process, read through
    /// pointers) and the columns' letters laid out once per call: a row's number made once, a cell's text checked
    /// for escaping and `xml:space` in one pass over its bytes and copied as they are. Through `String`s and arrays
    /// per piece, taken and released for each cell, the rows were a tenth of a whole Pemda's realisasi XLSX (perf).
    static func baris(
        _ rows: [[XLSXCell]], _ range: Range<Int>, letters: [[UInt8]], angka: (Decimal) -> String, geser: Int = 0
    ) -> [UInt8] {
        var out: [UInt8] = []
        // A whole Pemda's realisasi row is ~600 bytes: room for it at once, not grown a dozen times.
        out.reserveCapacity(range.count * 768)
        let tanda = Tanda.bersama
        let flat = letters.flatMap { $0 }
        var starts: [Int] = [0]
        for letter in letters { starts.append(starts.last! + letter.count) }
        var number: [UInt8] = []
        number.reserveCapacity(20)
        flat.withUnsafeBufferPointer { flat in
            for rowIndex in range {
                number.removeAll(keepingCapacity: true)
                tulisBilangan(geser + rowIndex + 1, into: &number)
                out.append(contentsOf: tanda.rowOpen)
                out.append(contentsOf: number)
                out.append(contentsOf: tanda.tagEnd)
                rows[rowIndex].withUnsafeBufferPointer { cells in
                    for columnIndex in cells.indices {
                        let style = cells[columnIndex].style
                        if case .empty = cells[columnIndex].value, style == .plain { continue }
                        out.append(contentsOf: tanda.cellOpen)
                        if columnIndex < letters.count {
                            out.append(
                                contentsOf: UnsafeBufferPointer(
                                    rebasing: flat[starts[columnIndex]..<starts[columnIndex + 1]]))
                        } else {
                            out.append(contentsOf: CellRef.columnName(columnIndex).utf8)
                        }
                        out.append(contentsOf: number)
                        out.append(contentsOf: tanda.style)
                        out.append(contentsOf: tanda.styles[style.rawValue])
                        switch cells[columnIndex].value {
                        case .empty:
                            out.append(contentsOf: tanda.emptyEnd)
                        case .text(let text):
                            tulisTeks(text, tanda, into: &out)
                        case .number(let value):
                            out.append(contentsOf: tanda.valueOpen)
                            out.append(contentsOf: angka(value).utf8)
                            out.append(contentsOf: tanda.valueClose)
                        case .formula(let formula, let cached):
                            out.append(contentsOf: "\"><f>".utf8)
                            out.append(contentsOf: escape(formula).utf8)
                            out.append(contentsOf: "</f>".utf8)
                            if let cached {
                                out.append(contentsOf: "<v>".utf8)
                                out.append(contentsOf: angka(cached).utf8)
                                out.append(contentsOf: "</v>".utf8)
                            }
                            out.append(contentsOf: "</c>".utf8)
                        }
                    }
                }
                out.append(contentsOf: tanda.rowClose)
            }
        }
        return out
    }

    /// The fixed pieces of a sheet's row XML, as bytes that live as long as the process (read through pointers:
    /// no reference counted for each use).
    struct Tanda: @unchecked Sendable {
        let rowOpen: UnsafeBufferPointer<UInt8>
        let tagEnd: UnsafeBufferPointer<UInt8>
        let rowClose: UnsafeBufferPointer<UInt8>
        let cellOpen: UnsafeBufferPointer<UInt8>
        let style: UnsafeBufferPointer<UInt8>
        /// A style's index as written, by its raw value (the cases are numbered from 0 in order).
        let styles: [UnsafeBufferPointer<UInt8>]
        let emptyEnd: UnsafeBufferPointer<UInt8>
        let textOpen: UnsafeBufferPointer<UInt8>
        let textOpenPreserve: UnsafeBufferPointer<UInt8>
        let textClose: UnsafeBufferPointer<UInt8>
        let valueOpen: UnsafeBufferPointer<UInt8>
        let valueClose: UnsafeBufferPointer<UInt8>

        static let bersama = Tanda()

        private init() {
            func bytes(_ text: String) -> UnsafeBufferPointer<UInt8> {
                let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: text.utf8.count)
                _ = buffer.initialize(from: text.utf8)
                return UnsafeBufferPointer(buffer)
            }
            rowOpen = bytes("<row r=\"")
            tagEnd = bytes("\">")
            rowClose = bytes("</row>")
            cellOpen = bytes("<c r=\"")
            style = bytes("\" s=\"")
            styles = XLSXStyle.allCases.sorted { $0.rawValue < $1.rawValue }.map { bytes(String($0.rawValue)) }
            emptyEnd = bytes("\"/>")
            textOpen = bytes("\" t=\"inlineStr\"><is><t>")
            textOpenPreserve = bytes("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">")
            textClose = bytes("</t></is></c>")
            valueOpen = bytes("\"><v>")
            valueClose = bytes("</v></c>")
        }
    }

    /// A non-negative number's decimal digits.
    static func tulisBilangan(_ value: Int, into out: inout [UInt8]) {
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var rest = value.magnitude
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(truncatingIfNeeded: rest % 10) + 0x30
                rest /= 10
                count += 1
            } while rest > 0
            out.append(contentsOf: buffer[(20 - count)...])
        }
    }

    /// A text cell's type, text and closing tags: `xml:space="preserve"` where the text needs it (`perluPreserve`),
    /// the text escaped (`escape`). Most texts need no escaping: one pass over their bytes tells both, and the bytes
    /// are copied as they are.
    static func tulisTeks(_ text: String, _ tanda: Tanda, into out: inout [UInt8]) {
        let ditulis: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var preserve = false
            var previous: UInt8 = 0
            for index in bytes.indices {
                let byte = bytes[index]
                if byte >= 0x20 {
                    if byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0xEF { return false }
                    if byte == 0x20 && (index == 0 || previous == 0x20) { preserve = true }
                } else if byte == 0x09 || byte == 0x0A || byte == 0x0D {
                    preserve = true
                } else {
                    return false
                }
                previous = byte
            }
            if previous == 0x20 { preserve = true }
            out.append(contentsOf: preserve ? tanda.textOpenPreserve : tanda.textOpen)
            out.append(contentsOf: bytes)
            out.append(contentsOf: tanda.textClose)
            return true
        }
        if ditulis == true { return }
        // Judged on the text as written (escaping drops the characters XML forbids, which may leave a space at an
        // end).
        let escaped = escape(text)
        out.append(contentsOf: perluPreserve(escaped) ? tanda.textOpenPreserve : tanda.textOpen)
        out.append(contentsOf: escaped.utf8)
        out.append(contentsOf: tanda.textClose)
    }
}
