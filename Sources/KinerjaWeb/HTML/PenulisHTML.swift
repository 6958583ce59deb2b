/// HTML written straight into bytes, for the long tables a page renders row by row (`BarisTersaji`): the same
/// markup `HTML.el` builds, without a `String` per element. Tags and attribute names are `StaticString`s (written
/// in the source, never data); text and attribute values are escaped as `HTML.escape` escapes them.
///
/// Building a PD page's 850 rows as `HTML` values made a string per cell and concatenated them level by level:
/// about half of rendering the page (issue 14.1).
struct PenulisHTML {
    var bytes: [UInt8] = []

    init(kapasitas: Int = 0) { bytes.reserveCapacity(kapasitas) }

    /// What `tulis` writes, as an `HTML` value (where a page puts it among others).
    static func html(_ tulis: (inout PenulisHTML) -> Void) -> HTML {
        var penulis = PenulisHTML()
        tulis(&penulis)
        return HTML(dipulihkan: penulis.bytes)
    }

    /// `<tag a="v" …>`; an attribute whose value is nil is left out.
    mutating func buka(_ tag: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:]) {
        assert(Self.identifier(tag), "tag tidak sah")
        bytes.append(UInt8(ascii: "<"))
        tambah(tag)
        for (name, value) in attributes {
            guard let value else { continue }
            bytes.append(UInt8(ascii: " "))
            tambah(name)
            bytes.append(UInt8(ascii: "="))
            bytes.append(UInt8(ascii: "\""))
            teks(value)
            bytes.append(UInt8(ascii: "\""))
        }
        bytes.append(UInt8(ascii: ">"))
    }

    /// `</tag>`.
    mutating func tutup(_ tag: StaticString) {
        bytes.append(UInt8(ascii: "<"))
        bytes.append(UInt8(ascii: "/"))
        tambah(tag)
        bytes.append(UInt8(ascii: ">"))
    }

    /// An element holding text only: `<tag …>text</tag>`.
    mutating func el(_ tag: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:], _ text: String) {
        buka(tag, attributes)
        teks(text)
        tutup(tag)
    }

    /// HTML built elsewhere by this layer (already escaped).
    mutating func html(_ fragment: HTML) { bytes += fragment.rendered.utf8 }

    /// Text, escaped: `& < > " '` as `HTML.escape` writes them, every other byte as it is.
    mutating func teks(_ text: String) {
        var text = text
        text.withUTF8 { source in
            var start = 0
            for (index, byte) in source.enumerated() {
                let escaped: StaticString
                switch byte {
                case UInt8(ascii: "&"): escaped = "&amp;"
                case UInt8(ascii: "<"): escaped = "&lt;"
                case UInt8(ascii: ">"): escaped = "&gt;"
                case UInt8(ascii: "\""): escaped = "&quot;"
                case UInt8(ascii: "'"): escaped = "&#39;"
                default: continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[start..<index]))
                tambah(escaped)
                start = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[start...]))
        }
    }

    private mutating func tambah(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private static func identifier(_ text: StaticString) -> Bool {
        UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount).allSatisfy {
            HTML.isIdentifierByte($0) || $0 == UInt8(ascii: "-")
        }
    }
}
