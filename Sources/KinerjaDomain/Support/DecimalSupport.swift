import Foundation

extension Decimal {
    /// Rounds half away from zero to `scale` digits after the decimal mark.
    public func rounded(scale: Int, mode: NSDecimalNumber.RoundingMode = .plain) -> Decimal {
        if let fast = roundedParts(scale: scale, mode: mode) { return fast }
        var source = self
        var result = Decimal()
        NSDecimalRound(&result, &source, scale, mode)
        return result
    }

    /// Truncates toward zero to `scale` digits (how some documents "round").
    public func truncated(scale: Int) -> Decimal {
        rounded(scale: scale, mode: self < 0 ? .up : .down)
    }

    /// Parses a plain machine decimal ("11.51", "-3", "+0.5"); exponents and grouping are refused. Never locale
    /// dependent. Hand-written: Foundation's parser (sscanf and trimming) was a tenth of a PD page's time.
    public init?(plain text: String) {
        self.init(plain: Substring(text))
    }

    /// `init?(plain:)` of a slice of a text (a stored value's body), without copying it.
    public init?(plain text: Substring) {
        var bytes = text.utf8[...]
        while let first = bytes.first, first == 0x20 || first == 0x09 { bytes = bytes.dropFirst() }
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes = bytes.dropLast() }
        var negative = false
        if bytes.first == UInt8(ascii: "-") {
            negative = true
            bytes = bytes.dropFirst()
        } else if bytes.first == UInt8(ascii: "+") {
            bytes = bytes.dropFirst()
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var seenDot = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard mantissa <= (UInt64.max - 9) / 10 else {
                    // More digits than 19: rare; Foundation's parser handles it.
                    guard
                        let value = Decimal(
                            string: String(text.trimmedSpaces()), locale: Self.posix)
                    else { return nil }
                    self = value
                    return
                }
                mantissa = mantissa * 10 + UInt64(byte - UInt8(ascii: "0"))
                digits += 1
                if seenDot { fractionDigits += 1 }
            case UInt8(ascii: "."):
                if seenDot { return nil }
                seenDot = true
            default:
                return nil
            }
        }
        guard digits > 0 else { return nil }
        // The value Foundation builds below, compacted, made from its parts (building it was a tenth of a load;
        // `DecimalArithmeticTests` compares the bytes).
        if mantissa != 0, DecimalParts.tersedia,
            let value = DecimalParts.compact(UInt128(mantissa), -fractionDigits, negative: negative)
        {
            self = value
            return
        }
        self = Decimal(
            sign: negative && mantissa != 0 ? .minus : .plus, exponent: -fractionDigits, significand: Decimal(mantissa))
    }

    /// The canonical machine spelling ("11.51"), used for storage.
    public var plainString: String {
        if let fast = plainStringParts { return fast }
        var copy = self
        return NSDecimalString(&copy, Self.posix)
    }

    /// Created once: building a Locale per number dominated the cost of reading stored values.
    nonisolated(unsafe) static let posix = Locale(identifier: "en_US_POSIX")

    public var isFiniteNumber: Bool { !isNaN && isFinite }
}
