import Foundation
import Testing

@testable import KinerjaSpreadsheet

@Suite("Teks sel XLSX")
struct XLSXEscapeTests {
    /// The escaping as written before plain texts were returned as they are: the reference.
    static func rujukan(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "\t", "\n", "\r": output.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    @Test func aCellsTextIsEscapedAsBefore() {
        let pool: [Unicode.Scalar] = [
            "a", "Z", "7", " ", "&", "<", ">", "\"", "'", "\t", "\n", "\r", "\u{01}", "\u{1F}", "é", "€", "\u{FFFD}",
            "\u{FFFE}", "\u{FFFF}", "\u{EFFF}", "\u{1F600}", "\u{7F}",
        ]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...12, using: &rng) {
                text.unicodeScalars.append(pool.randomElement(using: &rng)!)
            }
            #expect(XLSXWriter.escape(text) == Self.rujukan(text), "\(text.unicodeScalars.map(\.value))")
            #expect(DOCXWriter.escape(text) == Self.rujukan(text), "\(text.unicodeScalars.map(\.value))")
        }
        // A document's text drops what XML forbids, as a cell's does (the DOCX writer kept U+FFFE and U+FFFF).
        #expect(DOCXWriter.escape("a\u{FFFE}b\u{FFFF}c\u{01}d\te&<>\"") == "abcd\te&amp;&lt;&gt;&quot;")
    }

    @Test func aCellsTextIsWrittenEscapedWithItsSpaceKept() {
        // The row writer judges escaping and `xml:space` in one pass over the bytes: the same XML as the text
        // escaped (the reference) and the rule of `XLSXPreserveTests` applied to what is written.
        let pool: [Unicode.Scalar] = [
            "a", "7", " ", " ", "&", "<", ">", "\"", "\t", "\n", "\r", "\u{01}", "\u{1F}", "é", "\u{A0}",
            "\u{FFFE}", "\u{FFFF}", "\u{EFFF}", "\u{1F600}",
        ]
        var rng = SystemRandomNumberGenerator()
        var texts = [
            "", " ", "a", " a", "a ", "a  b", "    Sub kegiatan 1", "\u{01} a", "a \u{02}",
            String(repeating: "x", count: 40),
        ]
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...10, using: &rng) {
                text.unicodeScalars.append(pool.randomElement(using: &rng)!)
            }
            texts.append(text)
        }
        let letters = [Array("A".utf8), Array("B".utf8)]
        for text in texts {
            let written = String(
                decoding: XLSXWriter.baris(
                    [[.text(text, .text), .text(text, .plain)]], 0..<1, letters: letters, angka: { "\($0)" }, geser: 41),
                as: UTF8.self)
            let escaped = Self.rujukan(text)
            let open = XLSXPreserveTests.perluRujukan(escaped) ? "<t xml:space=\"preserve\">" : "<t>"
            let cell = "t=\"inlineStr\"><is>\(open)\(escaped)</t></is></c>"
            let expected =
                "<row r=\"42\"><c r=\"A42\" s=\"\(XLSXStyle.text.rawValue)\" \(cell)<c r=\"B42\" s=\"0\" \(cell)</row>"
            #expect(written == expected, "\(text.unicodeScalars.map(\.value))")
        }
    }

    @Test func aNumbersTextIsFoundationsWhicheverSpellingIsGiven() throws {
        // The writer spells numbers with the function it is given; the default is Foundation's own.
        let sheet = XLSXSheet(name: "x", rows: [[XLSXCell(.number(Decimal(string: "-1234.50")!))]])
        #expect(XLSXWriter.worksheet(sheet).contains("<v>-1234.5</v>"))
        #expect(XLSXWriter.worksheet(sheet, angka: { _ in "7" }).contains("<v>7</v>"))
    }
}

@Suite("Spasi teks sel XLSX")
struct XLSXPreserveTests {
    /// The rule: a text keeps `xml:space="preserve"` when whitespace at its ends, a tab, a line break or a run of
    /// spaces would otherwise be lost.
    static func perluRujukan(_ text: String) -> Bool {
        let ujung =
            text.first.map { " \t\n\r".contains($0) } == true || text.last.map { " \t\n\r".contains($0) } == true
        return ujung || text.contains("  ") || text.unicodeScalars.contains { "\t\n\r".unicodeScalars.contains($0) }
    }

    @Test func onlyTextsWhoseWhitespaceWouldBeLostArePreserved() throws {
        let pool: [Unicode.Scalar] = ["a", "7", " ", "\t", "\n", "\r", "é", "&", "\u{A0}", "\u{3000}"]
        var rng = SystemRandomNumberGenerator()
        var texts = [
            "", " ", "a", " a", "a ", "a b", "a  b", "a\tb", "a\nb", "\r\n", "    Sub kegiatan 1", "1.01.01.2.01.0001",
            "\u{01} a", "a \u{02}",
        ]
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...8, using: &rng) {
                text.unicodeScalars.append(pool.randomElement(using: &rng)!)
            }
            texts.append(text)
        }
        for text in texts {
            #expect(XLSXWriter.perluPreserve(text) == Self.perluRujukan(text), "\(text.unicodeScalars.map(\.value))")
        }
        // Written and read back, every text is the same, with or without the attribute.
        let sample = Array(texts.prefix(400))
        let sheet = XLSXSheet(name: "t", rows: sample.map { [XLSXCell(.text($0))] }, headerRows: 0)
        let xml = XLSXWriter.worksheet(sheet)
        #expect(xml.contains("<t>a</t>") && xml.contains("<t xml:space=\"preserve\"> a</t>"))
        // A character XML forbids is dropped; the space it leaves at an end is kept.
        let dropped = XLSXWriter.worksheet(XLSXSheet(name: "t", rows: [[XLSXCell(.text("\u{01} a"))]], headerRows: 0))
        #expect(dropped.contains("<t xml:space=\"preserve\"> a</t>"))
        let read = try XLSXReader().read(try XLSXWriter.write([sheet]))
        // (Our reader takes a cell of whitespace alone for an empty one, with the attribute or without.)
        for (row, text) in sample.enumerated() where !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            // XML reads a carriage return as a line break.
            // The characters XML forbids are dropped.
            var allowed = ""
            allowed.unicodeScalars.append(
                contentsOf: text.unicodeScalars.filter { $0.value >= 0x20 || "\t\n\r".unicodeScalars.contains($0) })
            let expected = allowed.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(
                of: "\r", with: "\n")
            let got = read.sheets[0][row, 0].text
            #expect(got == expected || got == text, "baris \(row): \(text.unicodeScalars.map(\.value))")
        }
    }
}
