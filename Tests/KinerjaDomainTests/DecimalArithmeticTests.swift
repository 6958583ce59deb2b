import Foundation
import Testing

@testable import KinerjaDomain

/// `Decimal.dividing(by:)`, `multiplying(by:)`, `adding(_:)`, `subtracting(_:)`, `rounded(scale:mode:)` and
/// `plainString` give what Foundation gives, byte for byte, on operands of every shape the engine meets and many it
/// does not.
@Suite("Aritmetika Decimal setara Foundation")
struct DecimalArithmeticTests {
    /// SplitMix64: the same operands on every run.
    struct Acak: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func digits(_ count: Int, _ rng: inout Acak) -> Decimal {
        let text = String((0..<count).map { _ in "0123456789".randomElement(using: &rng)! })
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))!
    }

    /// Operands as the engine meets them (integers, values with a few decimals, money in sen, percentages that
    /// are themselves quotients) and as it may (38 significant digits, large and small exponents, negatives).
    static func operand(_ rng: inout Acak) -> Decimal {
        let sign: FloatingPointSign = Bool.random(using: &rng) ? .minus : .plus
        switch Int.random(in: 0..<10, using: &rng) {
        case 0: return Decimal(Int.random(in: 0...100, using: &rng))
        case 1:
            return Decimal(
                sign: .plus, exponent: -Int.random(in: 0...4, using: &rng),
                significand: Decimal(UInt64.random(in: 0...10_000_000, using: &rng)))
        case 2:
            return Decimal(
                sign: sign, exponent: Int.random(in: -6...6, using: &rng),
                significand: Decimal(UInt64.random(in: 1...UInt64.max, using: &rng)))
        case 3: return Decimal(Int.random(in: 1...1000, using: &rng)) / Decimal(Int.random(in: 1...1000, using: &rng))
        case 4:
            return Decimal(Int.random(in: 1...100_000, using: &rng)) / Decimal(Int.random(in: 1...7, using: &rng)) * 100
        case 5: return digits(Int.random(in: 1...38, using: &rng), &rng)
        case 6:
            return Decimal(
                sign: .plus, exponent: Int.random(in: -30...30, using: &rng),
                significand: Decimal(UInt64.random(in: 1...999, using: &rng)))
        case 7: return Decimal(Int64.random(in: -1_000_000_000_000...1_000_000_000_000, using: &rng)) / 100
        case 8: return Decimal(string: "1.50")! * Decimal(Int.random(in: -3...3, using: &rng))
        default:
            // Within the exponents Foundation's own `*` survives (it traps on some overflows).
            return Decimal(
                sign: sign, exponent: Int.random(in: -45...40, using: &rng),
                significand: digits(Int.random(in: 1...39, using: &rng), &rng))
        }
    }

    @Test func theLayoutIsKnown() {
        // If a Foundation stores Decimal differently, every function below falls back to Foundation (still
        // correct, no longer fast): this test says so.
        #expect(DecimalParts.tersedia)
    }

    @Test func arithmeticIsFoundationsByteForByte() {
        var rng = Acak(state: 14)
        var checked = 0
        for _ in 0..<60_000 {
            let a = Self.operand(&rng)
            let b = Self.operand(&rng)
            if !b.isZero {
                #expect(DecimalParts.sama(a.dividing(by: b), a / b), "\(a) / \(b)")
            }
            #expect(DecimalParts.sama(a.multiplying(by: b), a * b), "\(a) * \(b)")
            #expect(DecimalParts.sama(a.adding(b), a + b), "\(a) + \(b)")
            #expect(DecimalParts.sama(a.subtracting(b), a - b), "\(a) - \(b)")
            checked += 1
        }
        #expect(checked == 60_000)
    }

    /// A stored value's text read into a `Decimal` from its parts: the very bytes Foundation's
    /// `Decimal(sign:exponent:significand:)` gave for it before, for texts of up to 19 digits (more go to
    /// Foundation's parser as before).
    @Test func storedTextsAreReadAsBefore() {
        var rng = Acak(state: 19)
        for _ in 0..<100_000 {
            let intDigits = Int.random(in: 0...12, using: &rng)
            let fraction = Int.random(in: 0...7, using: &rng)
            guard intDigits + fraction > 0, intDigits + fraction <= 19 else { continue }
            func run(_ n: Int) -> String { String((0..<n).map { _ in "0123456789".randomElement(using: &rng)! }) }
            let negative = Int.random(in: 0..<4, using: &rng) == 0
            let text = (negative ? "-" : "") + run(intDigits) + (fraction > 0 ? "." + run(fraction) : "")
            var mantissa: UInt64 = 0
            for byte in text.utf8 where byte != UInt8(ascii: "-") && byte != UInt8(ascii: ".") {
                mantissa = mantissa * 10 + UInt64(byte - UInt8(ascii: "0"))
            }
            let before = Decimal(
                sign: negative && mantissa != 0 ? .minus : .plus, exponent: -fraction, significand: Decimal(mantissa))
            let read = Decimal(plain: text)
            #expect(read.map { DecimalParts.sama($0, before) } == true, "\(text)")
        }
    }

    @Test func theCapaianFormulasAreFoundations() {
        // R ÷ T × 100, (2T − R) ÷ T × 100, T ÷ R × 100 and a weighted mean, as the engine writes them.
        var rng = Acak(state: 2026)
        for _ in 0..<20_000 {
            let t = Decimal(Int.random(in: 1...1_000_000, using: &rng)) / 100
            let r = Decimal(Int.random(in: 0...2_000_000, using: &rng)) / 100
            #expect(DecimalParts.sama(r.dividing(by: t).multiplying(by: 100), r / t * 100))
            #expect(
                DecimalParts.sama((2 * t).subtracting(r).dividing(by: t).multiplying(by: 100), (2 * t - r) / t * 100))
            if !r.isZero { #expect(DecimalParts.sama(t.dividing(by: r).multiplying(by: 100), t / r * 100)) }
        }
        var mine = Decimal()
        var theirs = Decimal()
        for _ in 0..<500 {
            let value = Decimal(Int.random(in: 0...30_000, using: &rng)) / Decimal(Int.random(in: 1...300, using: &rng))
            mine = mine.adding(value)
            theirs += value
        }
        #expect(DecimalParts.sama(mine.dividing(by: 500), theirs / 500))
    }

    @Test func roundingAndTextAreFoundations() {
        var rng = Acak(state: 7)
        for _ in 0..<40_000 {
            let value = Self.operand(&rng)
            for scale in [0, 1, 2, 4, -1] {
                for mode in [NSDecimalNumber.RoundingMode.plain, .down, .up, .bankers] {
                    var source = value
                    var theirs = Decimal()
                    NSDecimalRound(&theirs, &source, scale, mode)
                    #expect(
                        DecimalParts.sama(value.rounded(scale: scale, mode: mode), theirs), "\(value) \(scale) \(mode)")
                }
            }
            var copy = value
            #expect(value.plainString == NSDecimalString(&copy, Decimal.posix))
        }
        // Zeros of every exponent and sign (spelled "0" without Foundation), and NaN.
        for zero in [
            Decimal(0), Decimal(string: "0.00")!, Decimal(string: "-0")!, Decimal(string: "0e5")!,
            Decimal(sign: .minus, exponent: -3, significand: 0), Decimal(sign: .plus, exponent: 7, significand: 0),
            Decimal.nan,
        ] {
            var copy = zero
            #expect(zero.plainString == NSDecimalString(&copy, Decimal.posix), "\(zero)")
        }
        // Ties, carries and the edges of each path.
        for text in [
            "0.005", "-0.005", "0.0049", "99.995", "-99.995", "0.5", "1.5", "2.5", "9.9999", "0.001", "-0.001",
        ] {
            let value = Decimal(string: text)!
            for mode in [NSDecimalNumber.RoundingMode.plain, .down, .up] {
                var source = value
                var theirs = Decimal()
                NSDecimalRound(&theirs, &source, 2, mode)
                #expect(DecimalParts.sama(value.rounded(scale: 2, mode: mode), theirs), "\(text) \(mode)")
            }
        }
    }

    /// `IndonesianFormat.number` as it was written on Characters and Foundation's operators before it worked on
    /// bytes: the reference its output must equal.
    static func numberRujukan(_ value: Decimal, fractionDigits: Int?, maxFractionDigits: Int) -> String {
        var source = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &source, fractionDigits ?? maxFractionDigits, .plain)
        let negative = rounded < 0
        var absolute = negative ? -rounded : rounded
        let plain = NSDecimalString(&absolute, Decimal.posix)
        var parts = plain.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let integerPart = parts.removeFirst()
        var fraction = parts.first ?? ""
        if let digits = fractionDigits {
            fraction = String((fraction + String(repeating: "0", count: digits)).prefix(digits))
        }
        var grouped: [Character] = []
        for (offset, character) in integerPart.reversed().enumerated() {
            if offset > 0 && offset % 3 == 0 { grouped.append(".") }
            grouped.append(character)
        }
        let body = fraction.isEmpty ? String(grouped.reversed()) : String(grouped.reversed()) + "," + fraction
        return (negative && body.contains(where: { $0 != "0" && $0 != "." && $0 != "," }) ? "-" : "") + body
    }

    @Test func indonesianNumbersAreAsBefore() {
        var rng = Acak(state: 1945)
        for _ in 0..<30_000 {
            let value = Self.operand(&rng)
            for (digits, maximum) in [(nil, 4), (2, 4), (0, 4), (nil, 0), (nil, 2), (5, 4)] as [(Int?, Int)] {
                #expect(
                    IndonesianFormat.number(value, fractionDigits: digits, maxFractionDigits: maximum)
                        == Self.numberRujukan(value, fractionDigits: digits, maxFractionDigits: maximum),
                    "\(value) \(String(describing: digits)) \(maximum)")
            }
            #expect(value.isLessThan(0) == (value < 0))
            let other = Self.operand(&rng)
            #expect(value.isLessThan(other) == (value < other), "\(value) < \(other)")
            #expect(value.isNegativeNumber == (value < 0))
        }
        for text in ["0", "-0.00001", "-0.004", "999.9999", "-999.99995", "1000000", "0.5"] {
            let value = Decimal(string: text)!
            #expect(
                IndonesianFormat.number(value) == Self.numberRujukan(value, fractionDigits: nil, maxFractionDigits: 4))
            #expect(
                IndonesianFormat.percent(value) == Self.numberRujukan(value, fractionDigits: 2, maxFractionDigits: 4)
                    + " %")
        }
    }
}
