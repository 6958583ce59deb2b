import Foundation

/// What the spreadsheet library needs of numbers, without the domain: the plain text a file stores (`1234.5`) and
/// truncation of a date serial.
extension Decimal {
    nonisolated(unsafe) static let posix = Locale(identifier: "en_US_POSIX")

    public var teksBerkas: String {
        var copy = self
        return NSDecimalString(&copy, Self.posix)
    }

    var bulatKeBawah: Decimal {
        var source = self
        var result = Decimal()
        NSDecimalRound(&result, &source, 0, .down)
        return result
    }
}
