import Foundation

/// Prints numbers the Indonesian way: `.` groups thousands, `,` marks decimals (`1.234.567,89`).
public enum IndonesianFormat {
    /// Formats `value` with exactly `fractionDigits` decimals (rounded half away from zero), or with the digits
    /// it has (up to `maxFractionDigits`) when `fractionDigits` is nil.
    /// A moment as an Indonesian office writes it, in WIB: "12-04-2025 10.05 WIB".
    public static func waktu(_ date: Date) -> String {
        let c = kalenderWIB.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ n: Int?) -> String { String(format: "%02d", n ?? 0) }
        return "\(two(c.day))-\(two(c.month))-\(c.year ?? 0) \(two(c.hour)).\(two(c.minute)) WIB"
    }

    /// A date: "12-04-2025".
    public static func tanggal(_ date: Date) -> String {
        String(waktu(date).prefix(10))
    }

    /// A date as a date input holds it: "2025-04-12".
    public static func tanggalISO(_ date: Date) -> String {
        tanggal(date).split(separator: "-").reversed().joined(separator: "-")
    }

    /// The Gregorian calendar in WIB (UTC+7), in which dates are typed and printed.
    public static let kalenderWIB: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 7 * 3600)!
        return calendar
    }()

    /// The year of a moment in WIB.
    public static func tahun(_ date: Date) -> Int { kalenderWIB.component(.year, from: date) }

    public static func number(_ value: Decimal, fractionDigits: Int? = nil, maxFractionDigits: Int = 4) -> String {
        let scale = fractionDigits ?? maxFractionDigits
        let rounded = value.rounded(scale: scale)
        let negative = rounded < 0
        let absolute = negative ? -rounded : rounded
        let plain = absolute.plainString
        var parts = plain.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let integerPart = parts.removeFirst()
        var fraction = parts.first ?? ""
        if let digits = fractionDigits {
            fraction = String((fraction + String(repeating: "0", count: digits)).prefix(digits))
        }
        let grouped = group(integerPart)
        let body = fraction.isEmpty ? grouped : grouped + "," + fraction
        return (negative && body.contains(where: { $0 != "0" && $0 != "." && $0 != "," }) ? "-" : "") + body
    }

    /// `66,90 %`
    public static func percent(_ value: Decimal, fractionDigits: Int = 2) -> String {
        number(value, fractionDigits: fractionDigits) + " %"
    }

    /// `Rp 1.234.567,89` (sen shown only when not zero, unless `alwaysSen`).
    public static func rupiah(_ amount: Rupiah, prefix: Bool = true, alwaysSen: Bool = false) -> String {
        let sen = amount.sen
        let negative = sen < 0
        let magnitude = sen.magnitude
        let whole = String(magnitude / 100)
        let fraction = magnitude % 100
        var text = group(whole)
        if alwaysSen || fraction != 0 {
            text += "," + (fraction < 10 ? "0" : "") + String(fraction)
        }
        return (negative ? "-" : "") + (prefix ? "Rp " : "") + text
    }

    static func group(_ digits: String) -> String {
        var result: [Character] = []
        for (offset, character) in digits.reversed().enumerated() {
            if offset > 0 && offset % 3 == 0 { result.append(".") }
            result.append(character)
        }
        return String(result.reversed())
    }
}
