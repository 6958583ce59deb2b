import Foundation
import Testing

/// Markup is built only by the escaping HTML layer (`KinerjaWeb/HTML/HTML.swift`): no other source file of the web
/// target may hold a tag in a string literal (SVG included), so no page can produce unescaped markup by accident.
@Suite("Markup hanya lewat lapisan HTML")
struct MarkupTests {
    static let webSources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/KinerjaWeb")

    /// The string literals of a Swift source (single-line ones; interpolations are code, not text).
    static func literals(_ source: String) -> [String] {
        var result: [String] = []
        for line in source.split(separator: "\n") {
            var inString = false
            var current = ""
            var depth = 0
            var index = line.startIndex
            while index < line.endIndex {
                let character = line[index]
                if inString {
                    if character == "\\" {
                        let next = line.index(after: index)
                        if next < line.endIndex && line[next] == "(" { depth += 1 }
                        index = line.index(after: next < line.endIndex ? next : index)
                        continue
                    }
                    if depth > 0 {
                        if character == "(" { depth += 1 } else if character == ")" { depth -= 1 }
                    } else if character == "\"" {
                        result.append(current)
                        current = ""
                        inString = false
                    } else {
                        current.append(character)
                    }
                } else if character == "\"" {
                    inString = true
                } else if character == "/", line[line.index(after: index)...].hasPrefix("/") {
                    break
                }
                index = line.index(after: index)
            }
        }
        return result
    }

    @Test func noTagOutsideTheHTMLLayer() throws {
        let files = try #require(FileManager.default.enumerator(atPath: Self.webSources.path))
        var offenders: [String] = []
        var checked = 0
        for case let path as String in files where path.hasSuffix(".swift") && path != "HTML/HTML.swift" {
            let source = try String(contentsOf: Self.webSources.appendingPathComponent(path), encoding: .utf8)
            checked += 1
            for literal in Self.literals(source)
            where literal.range(of: "<[A-Za-z/!]", options: .regularExpression) != nil {
                offenders.append("\(path): \(literal.prefix(60))")
            }
        }
        #expect(checked > 20)
        #expect(offenders.isEmpty, "\(offenders)")
    }

    @Test func theScannerSeesATagInALiteral() {
        #expect(Self.literals(#"let a = "<rect x=\"1\"/>" + "teks""#).first?.contains("<rect") == true)
        #expect(Self.literals(#"let b = "nilai \(x < y ? 1 : 2) < 3""#).allSatisfy { !$0.contains("<r") })
    }
}
