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
        let negative = rounded.isNaN ? rounded < 0 : rounded.isNegativeNumber
        let plain = (negative ? -rounded : rounded).plainString.utf8
        // Bytes, not Characters: a page prints thousands of numbers (this was a quarter of rendering a PD page).
        let point = plain.firstIndex(of: UInt8(ascii: ".")) ?? plain.endIndex
        let integerPart = plain[..<point]
        var fraction = point == plain.endIndex ? plain[point...] : plain[plain.index(after: point)...]
        if let nextPoint = fraction.firstIndex(of: UInt8(ascii: ".")) { fraction = fraction[..<nextPoint] }
        var body: [UInt8] = []
        body.reserveCapacity(plain.count + plain.count / 3 + 8)
        appendGrouped(integerPart, to: &body)
        if let digits = fractionDigits {
            if digits > 0 {
                body.append(UInt8(ascii: ","))
                body.append(contentsOf: fraction.prefix(digits))
                body.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: max(0, digits - fraction.count)))
            }
        } else if !fraction.isEmpty {
            body.append(UInt8(ascii: ","))
            body.append(contentsOf: fraction)
        }
        let signed =
            negative && body.contains { $0 != UInt8(ascii: "0") && $0 != UInt8(ascii: ".") && $0 != UInt8(ascii: ",") }
        return (signed ? "-" : "") + String(decoding: body, as: UTF8.self)
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
        var grouped: [UInt8] = []
        appendGrouped(digits.utf8, to: &grouped)
        return String(decoding: grouped, as: UTF8.self)
    }

    /// ASCII digits with a `.` before every group of three from the right.
    static func appendGrouped<Digits: Collection<UInt8>>(_ digits: Digits, to out: inout [UInt8]) {
        let count = digits.count
        out.reserveCapacity(out.count + count + count / 3)
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (count - offset) % 3 == 0 { out.append(UInt8(ascii: ".")) }
            out.append(digit)
        }
    }
}
