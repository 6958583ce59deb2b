import Foundation

/// The two methods for lower-is-better indicators found in practice.
public enum MetodeTurun: String, Sendable, Codable, CaseIterable {
    /// (2·T − R) ÷ T × 100, floored at 0.
    case selisih
    /// T ÷ R × 100 (seed 003 Tabel 2.3).
    case kebalikan
}

/// A Pemda's capaian policy: stored per Pemda, never a constant in code.
public struct KebijakanCapaian: Hashable, Sendable, Codable {
    /// Default method for lower-is-better indicators; an indicator may override it.
    public var metodeTurun: MetodeTurun
    /// Upper bound of T ÷ R when R = 0 (and of any ratio that would otherwise be unbounded), in percent.
    public var batasRasio: Decimal
    /// Whether each child is capped at 100 % before it enters a roll-up.
    public var batasiRollUp: Bool
    /// Capaian category bands.
    public var kategori: KategoriCapaian

    public init(
        metodeTurun: MetodeTurun = .kebalikan,
        batasRasio: Decimal = 200,
        batasiRollUp: Bool = true,
        kategori: KategoriCapaian = .permendagri86
    ) {
        self.metodeTurun = metodeTurun
        self.batasRasio = batasRasio
        self.batasiRollUp = batasiRollUp
        self.kategori = kategori
    }

    public static let standar = KebijakanCapaian()
}

/// What the engine needs to know about one indicator.
public struct AturanCapaian: Hashable, Sendable {
    public var polaritas: Polaritas
    public var metodeTurun: MetodeTurun
    public var skala: SkalaPredikat?
    public var batasRasio: Decimal

    public init(
        polaritas: Polaritas,
        metodeTurun: MetodeTurun = .kebalikan,
        skala: SkalaPredikat? = nil,
        batasRasio: Decimal = 200
    ) {
        self.polaritas = polaritas
        self.metodeTurun = metodeTurun
        self.skala = skala
        self.batasRasio = batasRasio
    }
}
