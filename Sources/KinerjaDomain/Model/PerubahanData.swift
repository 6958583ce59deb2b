import Foundation

/// A set of writes prepared by an import (or a form): applied by the store in one transaction. Elements and
/// indicators are inserted or updated by id; targets, pagu and realisasi are upserted by their natural key
/// (indikator + dokumen + period, elemen + dokumen + tahun, indikator + period, elemen + period).
public struct PerubahanData: Sendable, Codable {
    public var perangkatDaerahBaru: [PerangkatDaerah] = []
    public var unitKerjaBaru: [UnitKerja] = []
    public var pejabatBaru: [Pejabat] = []
    public var elemenBaru: [PlanNode] = []
    public var elemenUbah: [PlanNode] = []
    public var indikatorBaru: [Indikator] = []
    public var indikatorUbah: [Indikator] = []
    public var target: [Target] = []
    public var pagu: [Pagu] = []
    public var realisasi: [RealisasiKinerja] = []
    public var anggaran: [RealisasiAnggaran] = []
    /// Periods the file implies and the Pemda does not have yet (a Renstra T-C.27 for 2026-2030).
    public var periodeBaru: [Periode] = []
    /// Urusan and bidang urusan named by the file, new or renamed.
    public var urusan: [Urusan] = []

    public init() {}

    public var isEmpty: Bool {
        perangkatDaerahBaru.isEmpty && unitKerjaBaru.isEmpty && pejabatBaru.isEmpty && elemenBaru.isEmpty
            && elemenUbah.isEmpty && indikatorBaru.isEmpty && indikatorUbah.isEmpty && target.isEmpty && pagu.isEmpty
            && realisasi.isEmpty && anggaran.isEmpty && periodeBaru.isEmpty && urusan.isEmpty
    }

    public var jumlah: Int {
        perangkatDaerahBaru.count + unitKerjaBaru.count + pejabatBaru.count + elemenBaru.count + elemenUbah.count
            + indikatorBaru.count + indikatorUbah.count + target.count + pagu.count + realisasi.count + anggaran.count
            + periodeBaru.count + urusan.count
    }
}
