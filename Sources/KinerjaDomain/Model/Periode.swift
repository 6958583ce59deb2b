import Foundation

/// A planning period (RPJMD or Renstra): a run of years. Never assumed to be five years long.
public struct Periode: Hashable, Sendable, Codable {
    public enum Jenis: String, Sendable, Codable, CaseIterable {
        case rpjmd
        case renstra
    }

    public var jenis: Jenis
    public var tahunAwal: Int
    public var tahunAkhir: Int
    public var nama: String
    /// The PD of a Renstra; nil for the Pemda's RPJMD.
    public var perangkatDaerah: TypedID<PerangkatDaerah>?

    public init(
        jenis: Jenis, tahunAwal: Int, tahunAkhir: Int, nama: String? = nil,
        perangkatDaerah: TypedID<PerangkatDaerah>? = nil
    ) throws(DomainError) {
        guard tahunAwal <= tahunAkhir else {
            throw .tidakSah(field: "tahun_akhir", pesan: "Tahun akhir \(tahunAkhir) sebelum tahun awal \(tahunAwal).")
        }
        guard Batas.tahun.contains(tahunAwal), Batas.tahun.contains(tahunAkhir) else {
            throw .tidakSah(field: "tahun_awal", pesan: "Tahun \(tahunAwal)-\(tahunAkhir) di luar rentang yang wajar.")
        }
        self.jenis = jenis
        self.tahunAwal = tahunAwal
        self.tahunAkhir = tahunAkhir
        self.nama = nama ?? "\(jenis == .rpjmd ? "RPJMD" : "Renstra") \(tahunAwal)-\(tahunAkhir)"
        self.perangkatDaerah = perangkatDaerah
    }

    public var tahun: ClosedRange<Int> { tahunAwal...tahunAkhir }
    public var jumlahTahun: Int { tahunAkhir - tahunAwal + 1 }
    public func contains(_ year: Int) -> Bool { tahun.contains(year) }
}

/// A point in the reporting calendar: a year, and optionally a triwulan within it. Triwulan are numbered from 1
/// up to the Pemda's `jumlahTriwulan` (4 by default; data, not a constant).
///
/// Kept in 8 bytes (two 32-bit numbers, `Int32.min` for "no triwulan"): every target and realisasi row holds one,
/// and an `Int` with an `Int?` took 24 (a PD's year in memory 20 % larger). A number beyond 32 bits, which only bad
/// input holds, is kept as the nearest that fits, still out of every valid range.
public struct PeriodeLaporan: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    private var tahun32: Int32
    private var triwulan32: Int32

    private static let tanpaTriwulan = Int32.min

    public var tahun: Int {
        get { Int(tahun32) }
        set { tahun32 = Int32(clamping: newValue) }
    }

    /// nil: the whole year.
    public var triwulan: Int? {
        get { triwulan32 == Self.tanpaTriwulan ? nil : Int(triwulan32) }
        set { triwulan32 = Self.simpan(newValue) }
    }

    public init(tahun: Int, triwulan: Int? = nil) {
        tahun32 = Int32(clamping: tahun)
        triwulan32 = Self.simpan(triwulan)
    }

    /// A triwulan as kept: `tanpaTriwulan` for none, a number clamped above it.
    private static func simpan(_ triwulan: Int?) -> Int32 {
        triwulan.map { max(Int32(clamping: $0), tanpaTriwulan + 1) } ?? tanpaTriwulan
    }

    private enum CodingKeys: String, CodingKey {
        case tahun, triwulan
    }

    /// As the synthesized coding wrote it: `tahun`, and `triwulan` when there is one.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            tahun: try container.decode(Int.self, forKey: .tahun),
            triwulan: try container.decodeIfPresent(Int.self, forKey: .triwulan))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(tahun, forKey: .tahun)
        try container.encodeIfPresent(triwulan, forKey: .triwulan)
    }

    public static func < (lhs: PeriodeLaporan, rhs: PeriodeLaporan) -> Bool {
        if lhs.tahun32 != rhs.tahun32 { return lhs.tahun32 < rhs.tahun32 }
        // A year's annual figure sorts after its triwulan.
        return (lhs.triwulan ?? Int.max) < (rhs.triwulan ?? Int.max)
    }

    public var description: String {
        guard let triwulan else { return "\(tahun)" }
        return "\(tahun) TW \(Self.romawi(triwulan))"
    }

    public static func romawi(_ number: Int) -> String {
        let table = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = number
        var text = ""
        for (value, numeral) in table {
            while rest >= value {
                text += numeral
                rest -= value
            }
        }
        return text
    }
}
