import Foundation

/// Foundation's `Decimal` arithmetic, bit for bit, without its cost.
///
/// On Linux, swift-foundation's `+`, `*`, `/`, `NSDecimalRound` and `NSDecimalString` go through arrays of 16-bit
/// words (an allocation and generic metadata per step): a capaian `R ÷ T × 100` took about 2 µs, and dividing and
/// compacting were 40 % of a PD's capaian table (perf, docs/DEVELOPMENT.md "Session 13"). The same operations on
/// the value's parts in `UInt128` take a tenth of that. Each function here gives the very value Foundation gives —
/// the same digits, exponent and flags, byte for byte (`DecimalArithmeticTests` compares them on hundreds of
/// thousands of random operands of every shape) — and hands anything unusual (zero, NaN, an exponent out of range,
/// a division Foundation normalizes first) to Foundation itself.
///
/// The parts are read and written where swift-foundation keeps them (`Decimal` publishes none of them on Linux).
/// `DecimalParts.tersedia` checks that layout once on known values; if a Foundation ever stores a `Decimal`
/// differently, every function falls back to Foundation's own operator and the tests say so.
struct DecimalParts {
    var exponent: Int
    var negative: Bool
    /// The mantissa (Foundation's eight 16-bit words).
    var significand: UInt128

    init(exponent: Int, negative: Bool, significand: UInt128) {
        self.exponent = exponent
        self.negative = negative
        self.significand = significand
    }

    /// Byte 0: the exponent; byte 1: length (high four bits), negative (0x08), compact (0x04); bytes 4-19: the
    /// mantissa's words, least significant first.
    @inline(__always) init(_ value: Decimal) {
        (exponent, negative, significand) = withUnsafeBytes(of: value) { raw in
            let low = raw.loadUnaligned(fromByteOffset: 4, as: UInt64.self)
            let high = raw.loadUnaligned(fromByteOffset: 12, as: UInt64.self)
            return (Int(Int8(bitPattern: raw[0])), raw[1] & 0x08 != 0, UInt128(high) << 64 | UInt128(low))
        }
    }

    /// A compact `Decimal` of these parts (the caller has removed trailing zero digits; the exponent fits Int8).
    @inline(__always) var decimal: Decimal {
        var value = Decimal()
        let words = significand == 0 ? 0 : (128 - significand.leadingZeroBitCount + 15) / 16
        withUnsafeMutableBytes(of: &value) { raw in
            raw[0] = UInt8(bitPattern: Int8(truncatingIfNeeded: exponent))
            raw[1] = UInt8(words << 4) | (negative ? 0x08 : 0) | 0x04
            raw[2] = 0
            raw[3] = 0
            raw.storeBytes(of: UInt64(truncatingIfNeeded: significand), toByteOffset: 4, as: UInt64.self)
            raw.storeBytes(of: UInt64(truncatingIfNeeded: significand >> 64), toByteOffset: 12, as: UInt64.self)
        }
        return value
    }

    /// Whether this Foundation stores a `Decimal` as read and written above: checked once on known values.
    static let tersedia: Bool = {
        guard MemoryLayout<Decimal>.size == 20 else { return false }
        let samples: [(String, Int, Bool, UInt128)] = [
            ("123.45", -2, false, 12_345), ("-0.5", -1, true, 5), ("100", 2, false, 1),
            ("12345678901234567890123", 0, false, 12_345_678_901_234_567_890_123),
            ("-0.00000000000000000000000000000000000017", -38, true, 17),
        ]
        for (text, exponent, negative, significand) in samples {
            guard let value = Decimal(string: text, locale: Decimal.posix) else { return false }
            let parts = DecimalParts(value)
            guard parts.exponent == exponent, parts.negative == negative, parts.significand == significand,
                DecimalParts.sama(parts.decimal, value), parts.decimal == value
            else { return false }
        }
        let third = Decimal(1) / Decimal(3)
        let parts = DecimalParts(third)
        return parts.exponent == -38 && parts.significand == pow10[38] / 3 && sama(parts.decimal, third)
    }()

    /// The same bytes (digits, exponent and flags), not only the same number.
    static func sama(_ a: Decimal, _ b: Decimal) -> Bool {
        withUnsafeBytes(of: a) { x in withUnsafeBytes(of: b) { y in x.elementsEqual(y) } }
    }

    static let pow10: [UInt128] = (0...38).map { power in
        (0..<power).reduce(UInt128(1)) { value, _ in value * 10 }
    }

    /// The significand and exponent with trailing zero digits removed, as Foundation's `compact()`; nil when the
    /// exponent leaves Int8 (Foundation's own path decides then).
    @inline(__always) static func compact(_ significand: UInt128, _ exponent: Int, negative: Bool) -> Decimal? {
        var significand = significand
        var exponent = exponent
        while true {
            let (quotient, remainder) = significand.quotientAndRemainder(dividingBy: 10_000)
            if remainder != 0 { break }
            significand = quotient
            exponent += 4
        }
        while true {
            let (quotient, remainder) = significand.quotientAndRemainder(dividingBy: 10)
            if remainder != 0 { break }
            significand = quotient
            exponent += 1
        }
        guard exponent >= -128 && exponent <= 127 else { return nil }
        return DecimalParts(exponent: exponent, negative: negative, significand: significand).decimal
    }

    /// The order of two nonzero magnitudes, exact when one is brought to the other's exponent within 128 bits (or
    /// is past it); nil when the exponents are farther apart than 38 digits.
    static func urutanBesaran(_ a: DecimalParts, _ b: DecimalParts) -> ComparisonResult? {
        if a.exponent < b.exponent {
            return urutanBesaran(b, a).map {
                $0 == .orderedSame ? .orderedSame : $0 == .orderedAscending ? .orderedDescending : .orderedAscending
            }
        }
        let difference = a.exponent - b.exponent
        guard difference <= 38 else { return nil }
        let (overflow, aligned) = a.significand.multipliedFullWidth(by: pow10[difference])
        if overflow != 0 || aligned > b.significand { return .orderedDescending }
        return aligned == b.significand ? .orderedSame : .orderedAscending
    }

    /// A 256-bit integer cut to Foundation's eight words as its `_fitMantissa` does: by 10⁴ while it has more than
    /// nine words, then by 10 while more than eight, truncating (its rounding does not reach the result). Returns
    /// the significand and the power of ten removed.
    @inline(__always) static func fit(high: UInt128, low: UInt128) -> (UInt128, Int) {
        var high = high
        var low = low
        var shift = 0
        func words() -> Int {
            high != 0
                ? 8 + (128 - high.leadingZeroBitCount + 15) / 16 : (128 - low.leadingZeroBitCount + 15) / 16
        }
        func divide(_ divisor: UInt128) {
            let (quotient, remainder) = high.quotientAndRemainder(dividingBy: divisor)
            high = quotient
            low = divisor.dividingFullWidth((remainder, low)).quotient
        }
        while words() > 9 {
            divide(10_000)
            shift += 4
        }
        while words() > 8 {
            divide(10)
            shift += 1
        }
        return (low, shift)
    }
}

extension Decimal {
    /// `self / divisor`, the value Foundation's `/` gives: ⌊m₁ · 10³⁸ ÷ m₂⌋ fitted to 128 bits and compacted.
    @inline(__always) public func dividing(by divisor: Decimal) -> Decimal {
        guard DecimalParts.tersedia else { return self / divisor }
        let a = DecimalParts(self)
        let b = DecimalParts(divisor)
        // Zero, NaN, and operands Foundation normalizes before dividing take its own path.
        guard a.significand != 0, b.significand != 0, a.exponent - b.exponent < 19 else { return self / divisor }
        let (high, low) = a.significand.multipliedFullWidth(by: DecimalParts.pow10[38])
        let (quotientHigh, remainder) = high.quotientAndRemainder(dividingBy: b.significand)
        let quotientLow = b.significand.dividingFullWidth((remainder, low)).quotient
        guard quotientHigh != 0 || quotientLow != 0 else { return self / divisor }
        let (significand, shift) = DecimalParts.fit(high: quotientHigh, low: quotientLow)
        return DecimalParts.compact(
            significand, a.exponent - b.exponent - 38 + shift, negative: a.negative != b.negative)
            ?? self / divisor
    }

    /// `self * factor`, the value Foundation's `*` gives.
    @inline(__always) public func multiplying(by factor: Decimal) -> Decimal {
        guard DecimalParts.tersedia else { return self * factor }
        let a = DecimalParts(self)
        let b = DecimalParts(factor)
        let exponent = a.exponent + b.exponent
        guard a.significand != 0, b.significand != 0, exponent >= -128, exponent <= 127 else { return self * factor }
        let (high, low) = a.significand.multipliedFullWidth(by: b.significand)
        let (significand, shift) = DecimalParts.fit(high: high, low: low)
        return DecimalParts.compact(significand, exponent + shift, negative: a.negative != b.negative)
            ?? self * factor
    }

    /// `self + other`, the value Foundation's `+` gives; a sum that needs rounding takes Foundation's path.
    @inline(__always) public func adding(_ other: Decimal) -> Decimal {
        guard DecimalParts.tersedia else { return self + other }
        var a = DecimalParts(self)
        var b = DecimalParts(other)
        guard a.significand != 0, b.significand != 0 else { return self + other }
        if a.exponent < b.exponent { swap(&a, &b) }
        let difference = a.exponent - b.exponent
        guard difference <= 38 else { return self + other }
        // Brought to the smaller exponent exactly, as Foundation's normalization does when the result fits.
        let (overflow, aligned) = a.significand.multipliedFullWidth(by: DecimalParts.pow10[difference])
        guard overflow == 0 else { return self + other }
        if a.negative == b.negative {
            let (sum, carry) = aligned.addingReportingOverflow(b.significand)
            guard !carry else { return self + other }
            return DecimalParts.compact(sum, b.exponent, negative: a.negative) ?? self + other
        }
        if aligned == b.significand { return Decimal() }
        let result =
            aligned > b.significand
            ? DecimalParts.compact(aligned - b.significand, b.exponent, negative: a.negative)
            : DecimalParts.compact(b.significand - aligned, b.exponent, negative: b.negative)
        return result ?? self + other
    }

    /// `NSDecimalRound` to `scale` digits after the point: the same value and bytes, from the exact digits. A result
    /// of zero and the bankers' mode take Foundation's path.
    @inline(__always) func roundedParts(scale: Int, mode: NSDecimalNumber.RoundingMode) -> Decimal? {
        guard DecimalParts.tersedia, mode != .bankers else { return nil }
        let parts = DecimalParts(self)
        guard parts.significand != 0 else { return nil }
        let removed = -(scale + parts.exponent)
        if removed <= 0 { return self }
        guard removed <= 38 else { return nil }
        let (kept, dropped) = parts.significand.quotientAndRemainder(dividingBy: DecimalParts.pow10[removed])
        var result = kept
        if dropped != 0 {
            let half = DecimalParts.pow10[removed] / 2
            let away: Bool
            switch mode {
            case .plain: away = dropped >= half
            case .up: away = !parts.negative
            case .down: away = parts.negative
            default: return nil
            }
            if away { result += 1 }
        }
        guard result != 0 else { return nil }
        return DecimalParts.compact(result, parts.exponent + removed, negative: parts.negative)
    }

    /// `NSDecimalString` with the POSIX locale: digits, a point, no grouping ("-0.05", "1.50", "1200").
    var plainStringParts: String? {
        guard DecimalParts.tersedia else { return nil }
        let parts = DecimalParts(self)
        // Every finite zero (any exponent, either sign) is Foundation's "0"; NaN goes Foundation's way.
        guard parts.significand != 0 else { return isNaN ? nil : "0" }
        let digits =
            parts.significand <= UInt128(UInt64.max)
            ? String(UInt64(parts.significand)) : String(parts.significand)
        var text = parts.negative ? "-" : ""
        if parts.exponent >= 0 {
            text += digits
            text += String(repeating: "0", count: parts.exponent)
        } else if digits.utf8.count > -parts.exponent {
            let point = digits.utf8.count + parts.exponent
            text += digits.prefix(point)
            text += "."
            text += digits.dropFirst(point)
        } else {
            text += "0."
            text += String(repeating: "0", count: -parts.exponent - digits.utf8.count)
            text += digits
        }
        return text
    }

    /// `self < other`, as Foundation's `<` answers it: exact when both are brought to one exponent within 128 bits
    /// (Foundation's comparison is then exact too); zero, NaN and farther exponents take Foundation's path.
    @inline(__always) public func isLessThan(_ other: Decimal) -> Bool {
        guard DecimalParts.tersedia else { return self < other }
        let a = DecimalParts(self)
        let b = DecimalParts(other)
        guard a.significand != 0, b.significand != 0 else { return self < other }
        if a.negative != b.negative { return a.negative }
        guard let order = DecimalParts.urutanBesaran(a, b) else { return self < other }
        if order == .orderedSame { return false }
        return (order == .orderedAscending) != a.negative
    }

    /// Whether the value is below zero (NaN is not).
    @inline(__always) public var isNegativeNumber: Bool {
        guard DecimalParts.tersedia else { return self < 0 && !isNaN }
        let parts = DecimalParts(self)
        return parts.negative && parts.significand != 0
    }

    /// `self - other`, the value Foundation's `-` gives.
    @inline(__always) public func subtracting(_ other: Decimal) -> Decimal {
        guard DecimalParts.tersedia, DecimalParts(other).significand != 0 else { return self - other }
        return adding(-other)
    }
}

extension Sequence where Element == Decimal {
    /// Σ of the values, each step the value Foundation's `+` gives.
    public func sum() -> Decimal {
        reduce(Decimal()) { $0.adding($1) }
    }
}
