import Foundation

/// A value of an indicator: a target or a realisasi. Missing values are `nil` at the use site, never 0.
public enum Nilai: Hashable, Sendable, Codable, CustomStringConvertible {
    case angka(Decimal)
    /// A range target ("70-75"); not a realisasi. Boxed (`indirect`), as `predikat`: the rare cases kept apart, a
    /// value is 24 bytes, not 48, in every target and realisasi row.
    indirect case rentang(Decimal, Decimal)
    /// A predicate on a scale, optionally with the score behind it ("B = 66.04", "74.91 (BB)").
    indirect case predikat(String, skor: Decimal?)
    /// "Ada" / "Tidak Ada".
    case ada(Bool)

    public var angka: Decimal? {
        if case .angka(let value) = self { return value }
        return nil
    }

    public var description: String { teks }

    /// The value printed the Indonesian way.
    public var teks: String {
        switch self {
        case .angka(let value): IndonesianFormat.number(value)
        case .rentang(let low, let high): IndonesianFormat.number(low) + " - " + IndonesianFormat.number(high)
        case .predikat(let grade, let score):
            score.map { "\(grade) = \(IndonesianFormat.number($0))" } ?? grade
        case .ada(let present): present ? "Ada" : "Tidak Ada"
        }
    }

    /// A compact machine spelling for storage: `a:11.51`, `r:70|75`, `p:BB|70.4`, `p:BB|`, `y:1`.
    public var kodeSimpan: String {
        switch self {
        case .angka(let value): "a:" + value.plainString
        case .rentang(let low, let high): "r:" + low.plainString + "|" + high.plainString
        case .predikat(let grade, let score): "p:" + grade + "|" + (score?.plainString ?? "")
        case .ada(let present): present ? "y:1" : "y:0"
        }
    }

    public init?(kodeSimpan text: String) {
        // Read on every load of every stored value: by bytes, the body a slice of the text (no copies).
        let utf8 = text.utf8
        guard utf8.count >= 2, let kind = utf8.first, utf8[utf8.index(after: utf8.startIndex)] == UInt8(ascii: ":")
        else { return nil }
        let body = text[utf8.index(utf8.startIndex, offsetBy: 2)...]
        switch Character(Unicode.Scalar(kind)) {
        case "a":
            guard let value = Decimal(plain: body) else { return nil }
            self = .angka(value)
        case "r":
            let parts = body.split(separator: "|")
            guard parts.count == 2, let low = Decimal(plain: parts[0]), let high = Decimal(plain: parts[1]) else {
                return nil
            }
            self = .rentang(low, high)
        case "p":
            let parts = body.split(separator: "|", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty else { return nil }
            self = .predikat(String(parts[0]), skor: parts[1].isEmpty ? nil : Decimal(plain: parts[1]))
        case "y":
            self = .ada(body == "1")
        default:
            return nil
        }
    }
}
