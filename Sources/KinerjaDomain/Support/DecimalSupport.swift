import Foundation

extension Decimal {
    /// Rounds half away from zero to `scale` digits after the decimal mark.
    public func rounded(scale: Int, mode: NSDecimalNumber.RoundingMode = .plain) -> Decimal {
        var source = self
        var result = Decimal()
        NSDecimalRound(&result, &source, scale, mode)
        return result
    }

    /// Truncates toward zero to `scale` digits (how some documents "round").
    public func truncated(scale: Int) -> Decimal {
        rounded(scale: scale, mode: self < 0 ? .up : .down)
    }

    /// Parses a plain machine decimal ("11.51", "-3", "1e3" is refused). Never locale dependent.
    public init?(plain text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        var seenDigit = false
        var seenDot = false
        for (index, character) in trimmed.enumerated() {
            switch character {
            case "0"..."9": seenDigit = true
            case ".":
                if seenDot { return nil }
                seenDot = true
            case "-", "+":
                if index != 0 { return nil }
            default: return nil
            }
        }
        guard seenDigit, let value = Decimal(string: trimmed, locale: Self.posix) else {
            return nil
        }
        self = value
    }

    /// The canonical machine spelling ("11.51"), used for storage.
    public var plainString: String {
        var copy = self
        return NSDecimalString(&copy, Self.posix)
    }

    /// Created once: building a Locale per number dominated the cost of reading stored values.
    nonisolated(unsafe) static let posix = Locale(identifier: "en_US_POSIX")

    public var isFiniteNumber: Bool { !isNaN && isFinite }
}
