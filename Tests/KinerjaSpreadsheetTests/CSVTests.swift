import KinerjaSpreadsheet
import Testing

@Suite("CSV")
struct CSVTests {
    @Test func readsQuotedFieldsWithSeparatorsAndLineBreaks() throws {
        let text =
            "kode,uraian,pagu\n06.01.2.01,\"Perencanaan, Penganggaran\",\"19,632,500\"\n6.06,\"baris\npanjang \"\"kutip\"\"\",1\n"
        let rows = try CSV.parse(text)
        #expect(
            rows == [
                ["kode", "uraian", "pagu"], ["06.01.2.01", "Perencanaan, Penganggaran", "19,632,500"],
                ["6.06", "baris\npanjang \"kutip\"", "1"],
            ])
    }

    @Test func detectsSemicolonsAndStripsTheBOM() throws {
        let records = try CSV.records("\u{FEFF}Kode;Pagu\r\n6.01;5.712.904.734\r\n")
        #expect(records == [["kode": "6.01", "pagu": "5.712.904.734"]])
    }

    @Test func unclosedQuoteNamesTheLine() {
        #expect(throws: CSV.ParseError(baris: 2, pesan: "tanda kutip tidak ditutup.")) {
            try CSV.parse("a,b\n\"tidak ditutup,1\n")
        }
    }

    @Test func writesWhatItReads() throws {
        let rows = [["kode", "uraian"], ["6.01", "Program; \"Penunjang\"\nbaris 2"], ["", "-"]]
        let text = CSV.write(rows)
        #expect(text.hasPrefix("\u{FEFF}"))
        #expect(try CSV.parse(text) == rows)
    }
}
