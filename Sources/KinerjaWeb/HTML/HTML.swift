import Foundation

/// A fragment of HTML. Text and attribute values are escaped when they enter; only this layer builds tags, so
/// no page can produce unescaped markup by accident.
public struct HTML: Sendable, ExpressibleByStringLiteral {
    public let rendered: String

    /// Escaped text.
    public init(stringLiteral text: String) { rendered = HTML.escape(text) }
    public static func text(_ text: String) -> HTML { HTML(rendered: HTML.escape(text)) }
    private init(rendered: String) { self.rendered = rendered }

    /// HTML this layer rendered and kept compressed (`BarisTersaji`, `SharedHTML`), as it was rendered: never
    /// text from anywhere else.
    init(dipulihkan bytes: some Collection<UInt8>) { rendered = String(decoding: bytes, as: UTF8.self) }

    /// A stylesheet of the site's own (never user text): the one place a `<style>` element is written.
    static func style(_ css: String) -> HTML {
        precondition(!css.contains("</"), "stylesheet tidak sah")
        return HTML(rendered: "<style>" + css + "</style>")
    }

    public static let empty = HTML(rendered: "")

    /// Where a part of a page kept apart goes (`SharedHTML`): a comment holding NUL characters, which neither
    /// escaped text (its `<` is escaped) nor a tag can hold.
    static let tempatBagian = HTML(rendered: "<!--\u{0}bagian-tetap\u{0}-->")

    public static func escape(_ text: String) -> String {
        // Most text needs no escaping: check the bytes first and return it as it is.
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var output = ""
        output.reserveCapacity(text.utf8.count + 16)
        for character in text.unicodeScalars {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.unicodeScalars.append(character)
            }
        }
        return output
    }

    /// A tag's or attribute name's byte: ASCII letter or digit (checked by bytes: `Character.isLetter` on every
    /// character of every tag was a sixth of rendering the realisasi form).
    static func isIdentifierByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    static let voidTags: Set<String> = ["br", "hr", "img", "input", "meta", "link", "col"]
    /// SVG shapes written self-closing when they have no children (`<line …/>`).
    static let svgLeaf: Set<String> = ["line", "circle", "path", "rect"]

    /// An element. Attribute names must be plain identifiers (checked); values are escaped.
    public static func el(_ tag: String, _ attributes: [(String, String?)] = [], _ children: [HTML] = []) -> HTML {
        precondition(tag.utf8.allSatisfy(Self.isIdentifierByte), "tag tidak sah")
        var output = "<" + tag
        for (name, value) in attributes {
            precondition(
                name.utf8.allSatisfy { Self.isIdentifierByte($0) || $0 == UInt8(ascii: "-") }, "atribut tidak sah")
            guard let value else { continue }
            output += " " + name + "=\"" + escape(value) + "\""
        }
        if children.isEmpty && svgLeaf.contains(tag) { return HTML(rendered: output + "/>") }
        output += ">"
        if voidTags.contains(tag) { return HTML(rendered: output) }
        // A large element is sized once: appending a table of 850 rows doubled its string a dozen times. Small ones
        // are not (sizing them cost their inline storage: the PD page got slower, session 9).
        let inner = children.reduce(0) { $0 + $1.rendered.utf8.count }
        if inner >= 16_384 { output.reserveCapacity(output.utf8.count + inner + tag.utf8.count + 3) }
        for child in children { output += child.rendered }
        output += "</" + tag + ">"
        return HTML(rendered: output)
    }

    public static func el(_ tag: String, _ attributes: [(String, String?)] = [], _ text: String) -> HTML {
        el(tag, attributes, [.text(text)])
    }

    public static func join(_ parts: [HTML]) -> HTML { HTML(rendered: parts.map(\.rendered).joined()) }

    /// A complete page.
    public static func document(_ children: [HTML]) -> String {
        "<!DOCTYPE html>\n" + el("html", [("lang", "id")], children).rendered
    }

    /// `document([head, el("body", [], body + [el("main", main, content)])])` written once into one string: the
    /// content of a page (1,8 MB for a dashboard, cached) was copied at each of the three levels around it, on
    /// every request.
    static func document(head: HTML, body: [HTML], main attributes: [(String, String?)], content: [HTML]) -> String {
        let mainOpen = el("main", attributes).rendered.dropLast("</main>".utf8.count)
        let before =
            ["<!DOCTYPE html>\n<html lang=\"id\">", head.rendered, "<body>"] + body.map(\.rendered) + [String(mainOpen)]
        let after = "</main></body></html>"
        var output = ""
        output.reserveCapacity(
            before.reduce(0) { $0 + $1.utf8.count } + content.reduce(0) { $0 + $1.rendered.utf8.count }
                + after.utf8.count)
        for part in before { output += part }
        for part in content { output += part.rendered }
        output += after
        return output
    }
}
