import Foundation

/// An amount of Rupiah, exact to the sen, stored as an integer number of sen.
public struct Rupiah: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var sen: Int64

    public init(sen: Int64) { self.sen = sen }

    /// Whole Rupiah.
    public init(_ rupiah: Int64) { self.sen = rupiah * 100 }

    /// An exact decimal amount of Rupiah; nil when it has more than two decimals or does not fit.
    public init?(exactly value: Decimal) {
        let scaled = value.multiplying(by: 100)
        guard scaled.rounded(scale: 0) == scaled, abs(scaled) < Decimal(Int64.max / 2) else { return nil }
        self.sen = NSDecimalNumber(decimal: scaled).int64Value
    }

    public static let zero = Rupiah(sen: 0)

    public var decimal: Decimal { Decimal(sen).dividing(by: 100) }

    public static func + (lhs: Rupiah, rhs: Rupiah) -> Rupiah { Rupiah(sen: lhs.sen + rhs.sen) }
    public static func - (lhs: Rupiah, rhs: Rupiah) -> Rupiah { Rupiah(sen: lhs.sen - rhs.sen) }
    public static func += (lhs: inout Rupiah, rhs: Rupiah) { lhs.sen += rhs.sen }
    public static func < (lhs: Rupiah, rhs: Rupiah) -> Bool { lhs.sen < rhs.sen }

    public var description: String { IndonesianFormat.rupiah(self) }
}

extension Sequence where Element == Rupiah {
    public func sum() -> Rupiah { reduce(.zero, +) }
}
