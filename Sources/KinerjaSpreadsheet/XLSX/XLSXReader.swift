import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// What went wrong with a spreadsheet file, in Indonesian, naming the part at fault.
public enum SpreadsheetError: Error, Equatable, Sendable, CustomStringConvertible {
    case bukanXLSX(String)
    case terlaluBesar(String)
    case xmlRusak(bagian: String, pesan: String)
    case lembarTidakAda(String)

    public var description: String {
        switch self {
        case .bukanXLSX(let detail): "Berkas bukan XLSX yang sah: \(detail)"
        case .terlaluBesar(let detail): "Berkas terlalu besar: \(detail)"
        case .xmlRusak(let part, let message): "Isi berkas rusak (\(part)): \(message)"
        case .lembarTidakAda(let name): "Lembar \"\(name)\" tidak ada di berkas."
        }
    }
}

/// Reads XLSX files: shared and inline strings, numbers, booleans, dates, errors, merged cells, several sheets and
/// formulas' cached values. Every limit is checked while reading, so a hostile file (a ZIP bomb, a huge sheet) is
/// refused with a clear error in bounded memory and time.
public struct XLSXReader: Sendable {
    public struct Limits: Sendable {
        /// Largest accepted file.
        public var maxFileBytes: Int
        /// Largest uncompressed part (one sheet's XML).
        public var maxPartBytes: Int
        /// Largest total of uncompressed parts read.
        public var maxTotalBytes: Int
        /// Most rows in one sheet.
        public var maxRows: Int
        /// Most non-empty cells in the workbook.
        public var maxCells: Int
        /// Most columns in one sheet (a cell further right is an error naming it).
        public var maxColumns: Int = CSV.kolomMaks

        public init(
            maxFileBytes: Int = 30 << 20, maxPartBytes: Int = 120 << 20, maxTotalBytes: Int = 200 << 20,
            maxRows: Int = 200_000, maxCells: Int = 3_000_000
        ) {
            self.maxFileBytes = maxFileBytes
            self.maxPartBytes = maxPartBytes
            self.maxTotalBytes = maxTotalBytes
            self.maxRows = maxRows
            self.maxCells = maxCells
        }
    }

    public var limits: Limits

    public init(limits: Limits = Limits()) { self.limits = limits }

    public func read(_ data: Data) throws(SpreadsheetError) -> Workbook {
        guard data.count <= limits.maxFileBytes else {
            throw .terlaluBesar("\(data.count / (1 << 20)) MB, batas \(limits.maxFileBytes / (1 << 20)) MB.")
        }
        guard data.count >= 4, data.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]) else {
            throw .bukanXLSX("bukan arsip ZIP (simpan ulang sebagai Excel Workbook .xlsx).")
        }
        // ZIPFoundation's in-memory archive traps on an entry offset past the end of the data (found by the fuzz
        // test); read from a temporary file instead, where a read past the end is only short.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kinerja-\(UUID().uuidString).xlsx")
        do {
            try data.write(to: file)
        } catch {
            throw .bukanXLSX("berkas sementara tidak dapat ditulis.")
        }
        defer { try? FileManager.default.removeItem(at: file) }
        let archive: Archive
        do {
            archive = try Archive(url: file, accessMode: .read)
        } catch {
            throw .bukanXLSX("arsip ZIP rusak.")
        }
        var budget = limits.maxTotalBytes
        func part(_ path: String, required: Bool) throws(SpreadsheetError) -> Data? {
            guard let entry = archive[path] else {
                if required { throw .bukanXLSX("bagian \(path) tidak ada.") }
                return nil
            }
            return try extract(entry, from: archive, budget: &budget)
        }

        let workbookXML = try part("xl/workbook.xml", required: true)!
        let sheetsInfo = try parse(WorkbookHandler(), workbookXML, part: "xl/workbook.xml").sheets
        var rels: [String: String] = [:]
        if let xml = try part("xl/_rels/workbook.xml.rels", required: false) {
            rels = try parse(RelationshipsHandler(), xml, part: "xl/_rels/workbook.xml.rels").targets
        }
        var shared: [String] = []
        if let xml = try part("xl/sharedStrings.xml", required: false) {
            shared = try parse(SharedStringsHandler(), xml, part: "xl/sharedStrings.xml").strings
        }
        var dateStyles: Set<Int> = []
        if let xml = try part("xl/styles.xml", required: false) {
            dateStyles = try parse(StylesHandler(), xml, part: "xl/styles.xml").dateStyleIndexes
        }

        var sheets: [Sheet] = []
        var cellCount = 0
        for (index, info) in sheetsInfo.enumerated() {
            var target = rels[info.relationID] ?? "worksheets/sheet\(index + 1).xml"
            if target.hasPrefix("/") { target.removeFirst() } else { target = "xl/" + target }
            guard let xml = try part(target, required: false) else {
                throw .bukanXLSX("lembar \"\(info.name)\" tidak ditemukan (\(target)).")
            }
            let handler = SheetHandler(
                shared: shared, dateStyles: dateStyles, maxRows: limits.maxRows,
                maxCells: limits.maxCells - cellCount, sheetName: info.name)
            handler.maxColumns = limits.maxColumns
            let parsed = try parse(handler, xml, part: target)
            if let error = parsed.limitError { throw error }
            cellCount += parsed.cellCount
            sheets.append(Sheet(name: info.name, cells: parsed.cells, merges: parsed.merges))
        }
        return Workbook(sheets: sheets)
    }

    func extract(_ entry: Entry, from archive: Archive, budget: inout Int) throws(SpreadsheetError) -> Data {
        let limit = min(limits.maxPartBytes, budget)
        if entry.uncompressedSize > UInt64(limit) {
            throw .terlaluBesar(
                "bagian \(entry.path) berukuran \(entry.uncompressedSize / (1 << 20)) MB setelah dibuka.")
        }
        var output = Data()
        var exceeded = false
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                if output.count + chunk.count > limit {
                    exceeded = true
                    throw ExtractionStopped()
                }
                output.append(chunk)
            }
        } catch {
            if exceeded {
                throw .terlaluBesar("bagian \(entry.path) melebihi \(limit / (1 << 20)) MB setelah dibuka (bom ZIP?).")
            }
            throw .bukanXLSX("bagian \(entry.path) tidak dapat dibuka.")
        }
        budget -= output.count
        return output
    }

    struct ExtractionStopped: Error {}

    func parse<H: XMLHandler>(_ handler: H, _ data: Data, part: String) throws(SpreadsheetError) -> H {
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = handler
        let finished = parser.parse()
        // On Linux, parse() may return true for a truncated or mismatched document: the error tells.
        if !finished || parser.parserError != nil {
            if let stopped = (handler as? SheetHandler)?.limitError { throw stopped }
            let line = parser.lineNumber
            throw .xmlRusak(bagian: part, pesan: "XML tidak sah di baris \(line).")
        }
        return handler
    }
}

/// Base of the SAX handlers: collects character data. Subclasses override these methods (the protocol witnesses
/// are the base class's, so a subclass method that does not override one of them would never be called).
class XMLHandler: NSObject, XMLParserDelegate {
    var text = ""
    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {}

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
    }
}

final class WorkbookHandler: XMLHandler {
    struct Info {
        var name: String
        var relationID: String
    }
    var sheets: [Info] = []

    override func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        guard localName(elementName) == "sheet" else { return }
        let relation = attributes["r:id"] ?? attributes.first { $0.key.hasSuffix(":id") }?.value ?? ""
        sheets.append(Info(name: attributes["name"] ?? "Sheet\(sheets.count + 1)", relationID: relation))
    }
}

final class RelationshipsHandler: XMLHandler {
    var targets: [String: String] = [:]

    override func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        guard localName(elementName) == "Relationship", let id = attributes["Id"], let target = attributes["Target"]
        else { return }
        targets[id] = target
    }
}

final class SharedStringsHandler: XMLHandler {
    var strings: [String] = []
    private var current = ""
    private var inText = false
    private var inPhonetic = false

    override func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch localName(elementName) {
        case "si": current = ""
        case "t":
            inText = true
            text = ""
        case "rPh": inPhonetic = true
        default: break
        }
    }

    override func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
    ) {
        switch localName(elementName) {
        case "t":
            if !inPhonetic { current += text }
            inText = false
        case "rPh": inPhonetic = false
        case "si": strings.append(current)
        default: break
        }
    }
}

/// Finds which cell styles (`s` indexes) are dates: built-in formats 14-22 and 45-47, and custom formats whose
/// code contains day, month or year letters outside quotes and brackets.
final class StylesHandler: XMLHandler {
    var customFormats: [Int: String] = [:]
    var xfFormats: [Int] = []
    private var inCellXfs = false

    var dateStyleIndexes: Set<Int> {
        var result: Set<Int> = []
        for (index, format) in xfFormats.enumerated() where Self.isDate(format: format, custom: customFormats[format]) {
            result.insert(index)
        }
        return result
    }

    static func isDate(format: Int, custom: String?) -> Bool {
        if (14...22).contains(format) || (45...47).contains(format) { return true }
        guard let code = custom else { return false }
        var inQuotes = false
        var inBrackets = false
        for character in code.lowercased() {
            switch character {
            case "\"": inQuotes.toggle()
            case "[": inBrackets = true
            case "]": inBrackets = false
            case "d", "m",
                "y" where !inQuotes && !inBrackets:
                return true
            default: break
            }
        }
        return false
    }

    override func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch localName(elementName) {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap(Int.init) { customFormats[id] = attributes["formatCode"] ?? "" }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs: xfFormats.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
        default: break
        }
    }

    override func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
    ) {
        if localName(elementName) == "cellXfs" { inCellXfs = false }
    }
}

final class SheetHandler: XMLHandler {
    let shared: [String]
    let dateStyles: Set<Int>
    let maxRows: Int
    let maxCells: Int
    var maxColumns = CSV.kolomMaks
    let sheetName: String
    var cells: [Int: [Int: CellValue]] = [:]
    var merges: [CellRange] = []
    var cellCount = 0
    var limitError: SpreadsheetError?

    private var row = -1
    private var nextColumn = 0
    private var ref: CellRef?
    private var type = "n"
    private var style = 0
    private var value: String?
    private var formula: String?
    private var inline = ""
    private var capture = false

    init(shared: [String], dateStyles: Set<Int>, maxRows: Int, maxCells: Int, sheetName: String) {
        self.shared = shared
        self.dateStyles = dateStyles
        self.maxRows = maxRows
        self.maxCells = maxCells
        self.sheetName = sheetName
    }

    override func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch localName(elementName) {
        case "row":
            row = attributes["r"].flatMap(Int.init).map { $0 - 1 } ?? row + 1
            nextColumn = 0
            if row >= maxRows {
                limitError = .terlaluBesar("lembar \"\(sheetName)\" mempunyai lebih dari \(maxRows) baris.")
                parser.abortParsing()
            }
        case "c":
            ref = attributes["r"].flatMap(CellRef.init) ?? CellRef(row: max(row, 0), column: nextColumn)
            if let column = ref?.column, column >= maxColumns {
                limitError = .terlaluBesar(
                    "lembar \"\(sheetName)\" baris \(max(row, 0) + 1) mempunyai sel di luar kolom ke-\(maxColumns).")
                parser.abortParsing()
            }
            type = attributes["t"] ?? "n"
            style = attributes["s"].flatMap(Int.init) ?? 0
            value = nil
            formula = nil
            inline = ""
        case "v", "f":
            text = ""
            capture = true
        case "t":
            text = ""
            capture = true
        case "mergeCell":
            if let range = attributes["ref"].flatMap(CellRange.init) { merges.append(range) }
        default: break
        }
    }

    override func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
    ) {
        switch localName(elementName) {
        case "v":
            value = text
            capture = false
        case "f":
            formula = text
            capture = false
        case "t":
            inline += text
            capture = false
        case "c":
            guard let ref else { return }
            nextColumn = ref.column + 1
            let cell = makeValue()
            guard !cell.isEmpty else { return }
            cellCount += 1
            if cellCount > maxCells {
                limitError = .terlaluBesar("lembar \"\(sheetName)\" mempunyai terlalu banyak sel.")
                parser.abortParsing()
                return
            }
            cells[ref.row, default: [:]][ref.column] = cell
        default: break
        }
    }

    override func parser(_ parser: XMLParser, foundCharacters string: String) {
        if capture { text += string }
    }

    func makeValue() -> CellValue {
        switch type {
        case "s":
            guard let index = value.flatMap(Int.init), shared.indices.contains(index) else {
                return formula.map(CellValue.formulaWithoutValue) ?? .empty
            }
            return .text(shared[index])
        case "inlineStr": return .text(inline)
        case "str": return value.map(CellValue.text) ?? formula.map(CellValue.formulaWithoutValue) ?? .empty
        case "b": return .bool(value == "1")
        case "e": return .error(value ?? "#N/A")
        default:
            guard let raw = value?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else {
                return formula.map(CellValue.formulaWithoutValue) ?? .empty
            }
            guard let number = Decimal(string: raw, locale: Locale(identifier: "en_US_POSIX")), !number.isNaN else {
                return .text(raw)
            }
            if dateStyles.contains(style) { return .date(Self.isoDate(serial: number)) }
            return .number(number)
        }
    }

    /// Excel's 1900 date system (with its fictitious 29 February 1900).
    static func isoDate(serial: Decimal) -> String {
        let days = Int(truncating: NSDecimalNumber(decimal: serial.bulatKeBawah))
        var components = DateComponents()
        components.year = 1899
        components.month = 12
        components.day = 30
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let base = calendar.date(from: components)!
        let date = calendar.date(byAdding: .day, value: days < 60 ? days + 1 : days, to: base)!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }
}

/// Excel serial day numbers as ISO dates (exposed for tests).
public enum SheetHandlerDates {
    public static func iso(_ serial: Decimal) -> String { SheetHandler.isoDate(serial: serial) }
}

func localName(_ name: String) -> Substring {
    if let colon = name.lastIndex(of: ":") { return name[name.index(after: colon)...] }
    return name[...]
}
