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

    @Test func aNumbersTextIsFoundationsWhicheverSpellingIsGiven() throws {
        // The writer spells numbers with the function it is given; the default is Foundation's own.
        let sheet = XLSXSheet(name: "x", rows: [[XLSXCell(.number(Decimal(string: "-1234.50")!))]])
        #expect(XLSXWriter.worksheet(sheet).contains("<v>-1234.5</v>"))
        #expect(XLSXWriter.worksheet(sheet, angka: { _ in "7" }).contains("<v>7</v>"))
    }
}
