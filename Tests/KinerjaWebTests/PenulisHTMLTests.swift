import Foundation
import Testing

@testable import KinerjaWeb

/// HTML written into bytes (`PenulisHTML`, the long tables) is the markup `HTML.el` builds from the same parts, with
/// the same escaping, for awkward text: every character that must be escaped, at the ends and side by side, non-ASCII
/// text, empty text, and attributes left out.
@Suite("Penulis HTML sama dengan HTML.el")
struct PenulisHTMLTests {
    static let texts = [
        "", "biasa", "&", "<>", "\"'", "a&b<c>d\"e'f", "&&&", "<script>alert('x')</script>", "Rp 1.234.567,89",
        "\u{2003}\u{2003}Program: Peningkatan ≥ 90 % · “kutip” ⚠", "😀&😀", String(repeating: "x<", count: 500),
    ]

    @Test func sameMarkupAsHTMLEl() {
        for text in Self.texts {
            for value in Self.texts {
                var penulis = PenulisHTML()
                penulis.el("td", ["class": value, "title": nil, "data-x": "1"], text)
                let expected = HTML.el("td", [("class", value), ("title", nil), ("data-x", "1")], text)
                #expect(String(decoding: penulis.bytes, as: UTF8.self) == expected.rendered, "\(text) / \(value)")
            }
        }
    }

    @Test func nestedAndVerbatim() {
        var penulis = PenulisHTML()
        penulis.buka("tr", ["class": "lvl-program"])
        penulis.buka("td")
        penulis.teks("a < b")
        penulis.html(.el("span", [("class", "muted")], "x & y"))
        penulis.tutup("td")
        penulis.tutup("tr")
        let expected = HTML.el(
            "tr", [("class", "lvl-program")],
            [.el("td", [], [.text("a < b"), .el("span", [("class", "muted")], "x & y")])])
        #expect(String(decoding: penulis.bytes, as: UTF8.self) == expected.rendered)
    }
}
