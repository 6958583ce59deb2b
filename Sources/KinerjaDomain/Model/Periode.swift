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
public struct PeriodeLaporan: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var tahun: Int
    /// nil: the whole year.
    public var triwulan: Int?

    public init(tahun: Int, triwulan: Int? = nil) {
        self.tahun = tahun
        self.triwulan = triwulan
    }

    public static func < (lhs: PeriodeLaporan, rhs: PeriodeLaporan) -> Bool {
        if lhs.tahun != rhs.tahun { return lhs.tahun < rhs.tahun }
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
