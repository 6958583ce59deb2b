import Foundation

/// An identifier tagged with the type it identifies, so that an `ID<Indikator>` can never be passed where an
/// `ID<ElemenRencana>` is expected.
public struct TypedID<Tag>: Hashable, Sendable, Codable, CustomStringConvertible {
    public let uuid: UUID

    public init(_ uuid: UUID = .acak()) { self.uuid = uuid }

    public init(from decoder: any Decoder) throws {
        self.uuid = try decoder.singleValueContainer().decode(UUID.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(uuid)
    }

    public var description: String { uuid.uuidString }

    /// The UUID's two halves as two words: Foundation's `UUID` hashes its 16 bytes through `Hasher.combine(bytes:)`,
    /// a byte loop, on every lookup of the index's and the tables' dictionaries (a part of a whole-Pemda report looks
    /// ids up tens of thousands of times). Equal ids have equal bytes, so equal hashes.
    public func hash(into hasher: inout Hasher) {
        withUnsafeBytes(of: uuid.uuid) { bytes in
            hasher.combine(bytes.loadUnaligned(as: UInt64.self))
            hasher.combine(bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        }
    }
}

extension UUID {
    /// A time-ordered (version 7, RFC 9562) UUID: the Unix time in milliseconds in its first 48 bits, then 74 random
    /// bits from the system's generator (`getrandom`; `UUID()` on Linux opens /dev/urandom for each one). Rows
    /// written together have neighbouring keys, so a bulk write appends to the end of each id index instead of
    /// splitting pages all over it.
    public static func acak() -> UUID {
        var generator = SystemRandomNumberGenerator()
        var bytes = (generator.next() as UInt64, generator.next() as UInt64)
        let millis = UInt64(max(0, Date().timeIntervalSince1970 * 1000))
        return withUnsafeMutableBytes(of: &bytes) { raw in
            for index in 0..<6 { raw[index] = UInt8(truncatingIfNeeded: millis >> (8 * (5 - index))) }
            raw[6] = (raw[6] & 0x0F) | 0x70  // version 7
            raw[8] = (raw[8] & 0x3F) | 0x80  // RFC 9562 variant
            return UUID(
                uuid: (
                    raw[0], raw[1], raw[2], raw[3], raw[4], raw[5], raw[6], raw[7], raw[8], raw[9], raw[10],
                    raw[11], raw[12], raw[13], raw[14], raw[15]
                ))
        }
    }
}
