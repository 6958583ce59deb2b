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
}

extension UUID {
    /// A random (version 4) UUID from the system's generator (`getrandom`): `UUID()` on Linux opens /dev/urandom
    /// for each one, a twentieth of `kinerja generate`'s 600 000 rows.
    public static func acak() -> UUID {
        var generator = SystemRandomNumberGenerator()
        var bytes = (generator.next() as UInt64, generator.next() as UInt64)
        return withUnsafeMutableBytes(of: &bytes) { raw in
            raw[6] = (raw[6] & 0x0F) | 0x40  // version 4
            raw[8] = (raw[8] & 0x3F) | 0x80  // RFC 4122 variant
            return UUID(
                uuid: (
                    raw[0], raw[1], raw[2], raw[3], raw[4], raw[5], raw[6], raw[7], raw[8], raw[9], raw[10],
                    raw[11], raw[12], raw[13], raw[14], raw[15]
                ))
        }
    }
}
