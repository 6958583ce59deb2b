import Foundation

/// Reads numbers as Pemda write them: `1.234.567,89`, `8.308.500.000,00`, `19,632,500`, `Rp 1.000.000`, `100%`,
/// `66,90 %`, `(1.500)`, `-`, empty. A reading that could mean two numbers (`2,746`, `1.000`, `245.000,000`) is
/// returned as ambiguous with both candidates: the caller decides from the column's other cells and reports it.
public enum AngkaIndonesia {
    public enum TandaDesimal: String, Sendable, Hashable {
        case titik
        case koma
    }

    public enum Hasil: Equatable, Sendable {
        /// Empty, `-` or `–`: missing, not zero.
        case kosong
        /// One reading. `desimal` says which mark was read as the decimal mark, when the text shows it.
        case angka(Decimal, persen: Bool, desimal: TandaDesimal?)
        /// Two readings: with `.` as decimal mark, and with `,` as decimal mark.
        case ambigu(desimalTitik: Decimal, desimalKoma: Decimal, persen: Bool)

        /// The value when there is one reading.
        public var nilai: Decimal? {
            if case .angka(let value, _, _) = self { return value }
            return nil
        }

        /// The value under a decimal mark convention (resolving an ambiguous reading).
        public func nilai(desimal: TandaDesimal) -> Decimal? {
            switch self {
            case .kosong: nil
            case .angka(let value, _, _): value
            case .ambigu(let dot, let comma, _): desimal == .titik ? dot : comma
            }
        }
    }

    public struct Galat: Error, Equatable, Sendable, CustomStringConvertible {
        public var teks: String
        public var description: String { "\"\(teks)\" bukan angka." }
    }

    /// Only ASCII digits, dots and commas, and not empty.
    public static func polos(_ raw: String) -> Bool {
        var any = false
        for byte in raw.utf8 {
            guard (byte >= 0x30 && byte <= 0x39) || byte == 0x2E || byte == 0x2C else { return false }
            any = true
        }
        return any
    }

    public static func baca(_ raw: String) throws(Galat) -> Hasil {
        var text = raw
        var negative = false
        var percent = false
        // Most cells are plain digits and marks ("1.234.567,89"): no blank, sign, bracket, "Rp" or "%" to clean
        // (Foundation's trimming and replacing were a quarter of reading a Renja).
        let plain = Self.polos(raw)
        if !plain {
            text = raw.replacingOccurrences(of: "\u{00A0}", with: " ").trimmed()
            if ["", "-", "–", "—", "--"].contains(text) { return .kosong }
            if text.hasPrefix("(") && text.hasSuffix(")") {
                negative = true
                text = String(text.dropFirst().dropLast())
            }
            let lower = text.lowercased()
            if lower.hasPrefix("rp.") {
                text = String(text.dropFirst(3))
            } else if lower.hasPrefix("rp") {
                text = String(text.dropFirst(2))
            }
            text = text.trimmedSpaces()
            if text.hasSuffix("%") {
                percent = true
                text = String(text.dropLast()).trimmedSpaces()
            }
            if text.hasPrefix("-") {
                negative.toggle()
                text = String(text.dropFirst())
            } else if text.hasPrefix("+") {
                text = String(text.dropFirst())
            }
            text = text.replacingOccurrences(of: " ", with: "")
        }
        guard !text.isEmpty, plain || text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }),
            text.first!.isNumber || text.first == "." || text.first == ","
        else { throw Galat(teks: raw) }

        func signed(_ value: Decimal) -> Decimal { negative ? -value : value }
        func number(_ digits: String) throws(Galat) -> Decimal {
            guard let value = Decimal(plain: digits.isEmpty ? "0" : digits) else { throw Galat(teks: raw) }
            return value
        }
        let dots = text.utf8.count { $0 == UInt8(ascii: ".") }
        let commas = text.utf8.count { $0 == UInt8(ascii: ",") }

        if dots == 0 && commas == 0 { return .angka(signed(try number(text)), persen: percent, desimal: nil) }

        if dots > 0 && commas > 0 {
            let lastDot = text.lastIndex(of: ".")!
            let lastComma = text.lastIndex(of: ",")!
            let decimalMark: Character = lastDot > lastComma ? "." : ","
            let groupMark: Character = decimalMark == "." ? "," : "."
            let markIndex = decimalMark == "." ? lastDot : lastComma
            let integerPart = String(text[..<markIndex])
            let fraction = String(text[text.index(after: markIndex)...])
            guard text.filter({ $0 == decimalMark }).count == 1, validGroups(integerPart, separator: groupMark),
                !fraction.isEmpty
            else { throw Galat(teks: raw) }
            let integerDigits = integerPart.replacingOccurrences(of: String(groupMark), with: "")
            let asDecimal = signed(try number(integerDigits + "." + fraction))
            if fraction.count == 3 {
                // "245.000,000": a decimal comma with three decimals, or every mark a thousands separator.
                let allGroups = signed(try number(integerDigits + fraction))
                return decimalMark == "."
                    ? .ambigu(desimalTitik: asDecimal, desimalKoma: allGroups, persen: percent)
                    : .ambigu(desimalTitik: allGroups, desimalKoma: asDecimal, persen: percent)
            }
            return .angka(asDecimal, persen: percent, desimal: decimalMark == "." ? .titik : .koma)
        }

        let mark: Character = dots > 0 ? "." : ","
        let count = max(dots, commas)
        if count > 1 {
            guard validGroups(text, separator: mark) else { throw Galat(teks: raw) }
            // Several of one mark: thousands separators.
            return .angka(
                signed(try number(text.replacingOccurrences(of: String(mark), with: ""))), persen: percent,
                desimal: mark == "." ? .koma : .titik)
        }
        let parts = text.split(separator: mark, omittingEmptySubsequences: false).map(String.init)
        let integerPart = parts[0]
        let fraction = parts[1]
        guard !fraction.isEmpty else { throw Galat(teks: raw) }
        let asDecimal = signed(try number(integerPart + "." + fraction))
        if fraction.count == 3 && !integerPart.isEmpty && integerPart != "0" && integerPart.count <= 3 {
            let asThousands = signed(try number(integerPart + fraction))
            return mark == "."
                ? .ambigu(desimalTitik: asDecimal, desimalKoma: asThousands, persen: percent)
                : .ambigu(desimalTitik: asThousands, desimalKoma: asDecimal, persen: percent)
        }
        return .angka(asDecimal, persen: percent, desimal: mark == "." ? .titik : .koma)
    }

    /// `1.234.567`: a first group of 1-3 digits, then groups of exactly 3.
    static func validGroups(_ text: String, separator: Character) -> Bool {
        let groups = text.split(separator: separator, omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count) || (groups.count == 1 && !first.isEmpty) else {
            return false
        }
        return groups.dropFirst().allSatisfy { $0.count == 3 }
    }

    /// The decimal mark a column uses, from its unambiguous cells; nil when they disagree or none shows it.
    public static func konvensiKolom(_ readings: [Hasil]) -> TandaDesimal? {
        var marks: Set<TandaDesimal> = []
        for reading in readings {
            if case .angka(_, _, let mark?) = reading { marks.insert(mark) }
        }
        return marks.count == 1 ? marks.first : nil
    }
}
