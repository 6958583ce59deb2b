import Foundation
import KinerjaDomain
import KinerjaSpreadsheet
import Testing

@Suite("XLSX")
struct XLSXTests {
    static func sample() throws -> Data {
        let header: [XLSXCell] = [
            .text("Kode", .header), .text("Uraian", .header), .text("Pagu", .header), .text("%", .header),
        ]
        let rows: [[XLSXCell]] = [
            [.text("Judul <&> \"laporan\"", .title)],
            header,
            [
                .text("06.01.2.01.01"), .text("Penyusunan\ndokumen"), .number(9_912_500, .rupiah),
                .number(Decimal(string: "66.9"), .percent),
            ],
            [.text("06.01.2.01.06"), .text("Laporan"), .number(9_720_000, .rupiah), .empty],
            [
                .text("Jumlah", .boldText), .empty,
                XLSXCell(.formula("SUM(C3:C4)", cached: 19_632_500), style: .boldRupiah),
            ],
        ]
        return try XLSXWriter.write([
            XLSXSheet(
                name: "Renja", columnWidths: [18, 40, 18, 8], rows: rows, merges: [CellRange("A1:D1")!], headerRows: 2),
            XLSXSheet(name: "Renja", rows: [[.text("kedua")]], headerRows: 0),
        ])
    }

    @Test func writesWhatItReads() throws {
        let workbook = try XLSXReader().read(try Self.sample())
        #expect(workbook.sheets.map(\.name) == ["Renja", "Renja (2)"])
        let sheet = workbook.sheets[0]
        #expect(sheet[0, 0] == .text("Judul <&> \"laporan\""))
        #expect(sheet[2, 1] == .text("Penyusunan\ndokumen"))
        #expect(sheet[2, 2] == .number(9_912_500))
        #expect(sheet[2, 3] == .number(Decimal(string: "66.9")!))
        #expect(sheet[4, 2] == .number(19_632_500))  // the formula's cached value
        #expect(sheet.merges == [CellRange("A1:D1")!])
        #expect(sheet.valueFillingMerges(row: 0, column: 3) == .text("Judul <&> \"laporan\""))
        #expect(workbook.sheets[1][0, 0] == .text("kedua"))
    }

    @Test func openpyxlReadsOurFilesWithTheirFormatting() throws {
        let dump = try openpyxl(try Self.sample())
        let sheet = try #require(dump.sheet("Renja"))
        #expect(sheet.cells["A1"]?.v == .string("Judul <&> \"laporan\""))
        #expect(sheet.cells["C3"]?.v == .number(9_912_500))
        #expect(sheet.cells["C3"]?.fmt == "#,##0")
        #expect(sheet.cells["D3"]?.fmt == "#,##0.00")
        #expect(sheet.cells["C5"]?.v == .number(19_632_500))
        #expect(sheet.cells["C5"]?.f == "=SUM(C3:C4)")
        #expect(sheet.cells["A2"]?.bold == true)
        #expect(sheet.merged == ["A1:D1"])
        #expect(sheet.freeze == "A3")
        #expect(sheet.printTitleRows == "$1:$2")
        #expect(sheet.orientation == "landscape")
        #expect(sheet.fitWidth == 1)
        #expect(dump.sheets.map(\.name) == ["Renja", "Renja (2)"])
    }

    @Test func readsAFileWrittenByAnotherProgram() throws {
        let workbook = try XLSXReader().read(try fixture("openpyxl-rencana.xlsx"))
        let sheet = try #require(workbook.sheet(named: "rencana"))
        #expect(sheet[0, 0] == .text("Kode"))  // shared strings
        #expect(sheet[2, 6] == .number(600_000))
        #expect(sheet[1, 9] == .date("2024-03-31"))
        #expect(sheet[1, 10] == .bool(true))
        #expect(sheet[1, 11] == .formulaWithoutValue("SUM(G3:G5)"))
        #expect(sheet.merges == [CellRange("M1:N1")!])
        #expect(workbook.sheets.map(\.name) == ["rencana", "petunjuk"])
    }

    @Test func excelDates() {
        #expect(SheetHandlerDates.iso(45382) == "2024-03-31")
        #expect(SheetHandlerDates.iso(1) == "1900-01-01")
        #expect(SheetHandlerDates.iso(61) == "1900-03-01")
    }

    @Test func cellReferences() {
        #expect(CellRef("B7") == CellRef(row: 6, column: 1))
        #expect(CellRef("$AA$10") == CellRef(row: 9, column: 26))
        #expect(CellRef(row: 0, column: 27).description == "AB1")
        #expect(CellRef("7B") == nil)
        #expect(CellRange("A1:C2")!.contains(CellRef("B2")!))
    }
}

@Suite("Angka Indonesia")
struct AngkaTests {
    func read(_ text: String) throws -> AngkaIndonesia.Hasil { try AngkaIndonesia.baca(text) }

    @Test(arguments: [
        ("1.234.567,89", "1234567.89"), ("8.308.500.000,00", "8308500000"), ("19,632,500", "19632500"),
        ("Rp 1.000.000", "1000000"), ("Rp. 5.712.904.734", "5712904734"), ("100%", "100"), ("66,90 %", "66.9"),
        ("10,77", "10.77"), ("11.51", "11.51"), ("180.15", "180.15"), ("(1.500,5)", "-1500.5"), ("-3,5", "-3.5"),
        ("0,125", "0.125"), ("1234,567", "1234.567"), ("42", "42"),
    ])
    func unambiguous(text: String, value: String) throws {
        #expect(try read(text).nilai == Decimal(string: value)!)
    }

    @Test func percentIsFlagged() throws {
        #expect(try read("66,90 %") == .angka(Decimal(string: "66.9")!, persen: true, desimal: .koma))
    }

    @Test func missingIsNotZero() throws {
        for text in ["", "-", "–", "  "] { #expect(try read(text) == .kosong) }
    }

    @Test(arguments: [("2,746", "2746", "2.746"), ("1.000", "1", "1000"), ("245.000,000", "245000000", "245000")])
    func ambiguousReadingsAreReportedNotGuessed(text: String, asDot: String, asComma: String) throws {
        guard case .ambigu(let dot, let comma, _) = try read(text) else {
            Issue.record("\(text) harus ambigu")
            return
        }
        #expect(dot == Decimal(string: asDot)!)
        #expect(comma == Decimal(string: asComma)!)
    }

    @Test(arguments: ["abc", "1.23.4", "12,34,5", "1..2", "1,2,3", "Rp", "%", "1e5", "12a"])
    func notNumbers(text: String) {
        #expect(throws: AngkaIndonesia.Galat.self) { try AngkaIndonesia.baca(text) }
    }

    @Test func columnConvention() throws {
        let readings = try ["2,746", "180.15", "81.125"].map(read)
        #expect(AngkaIndonesia.konvensiKolom(readings) == .titik)
        #expect(readings[0].nilai(desimal: .titik) == 2746)
        #expect(AngkaIndonesia.konvensiKolom(try ["10,77", "1.234,5"].map(read)) == .koma)
        #expect(AngkaIndonesia.konvensiKolom(try ["10,77", "11.51"].map(read)) == nil)
    }
}
