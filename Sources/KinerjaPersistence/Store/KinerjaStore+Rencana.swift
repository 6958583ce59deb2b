import FluentKit
import Foundation
import KinerjaDomain

/// The plan form of one PD, year and document: targets of its indicators and pagu of its sub kegiatan, saved in one
/// transaction with a version check per changed entry (as the realisasi form).
extension KinerjaStore {
    public struct RencanaTersimpan: Sendable {
        /// Annual target by indicator: version and text.
        public var target: [UUID: Tersimpan]
        /// Pagu by element: version and amount.
        public var pagu: [UUID: (versi: Int, jumlah: Rupiah)]
    }

    public func rencanaTersimpan(
        pemda: TypedID<Pemda>, pd: TypedID<PerangkatDaerah>, dokumen: DokumenRencana, tahun: Int
    ) async throws -> RencanaTersimpan {
        let targets = try await TargetModel.query(on: db).filter(\.$pemdaID == pemda.uuid)
            .filter(\.$perangkatDaerahID == pd.uuid).filter(\.$dokumen == dokumen.rawValue).filter(\.$tahun == tahun)
            .filter(\.$triwulan == 0).all()
        let pagu = try await PaguModel.query(on: db).filter(\.$pemdaID == pemda.uuid)
            .filter(\.$perangkatDaerahID == pd.uuid).filter(\.$dokumen == dokumen.rawValue).filter(\.$tahun == tahun)
            .all()
        return RencanaTersimpan(
            target: Dictionary(
                targets.map { ($0.indikatorID, Tersimpan(versi: $0.versi, teks: $0.teks)) },
                uniquingKeysWith: { a, _ in a }),
            pagu: Dictionary(
                pagu.map { ($0.elemenID, (versi: $0.versi, jumlah: Rupiah(sen: $0.jumlahSen))) },
                uniquingKeysWith: { a, _ in a }))
    }

    public struct IsianPagu: Sendable {
        public var elemen: TypedID<PlanNode>
        public var jumlah: Rupiah?
        public var versi: Int
        public init(elemen: TypedID<PlanNode>, jumlah: Rupiah?, versi: Int) {
            self.elemen = elemen
            self.jumlah = jumlah
            self.versi = versi
        }
    }

    /// Saves changed annual targets (`IsianKinerja` reused: indicator, value, text, version) and sub kegiatan pagu.
    /// Parents' pagu are never written here: they are the sum of their children.
    public func simpanRencana(
        pemda: TypedID<Pemda>, pd: TypedID<PerangkatDaerah>, dokumen: DokumenRencana, tahun: Int,
        target: [IsianKinerja], pagu: [IsianPagu]
    ) async throws -> Int {
        try await tulis(pemda: pemda) { db in
            let indicatorIDs = target.map(\.indikator.uuid)
            let elementIDs = pagu.map(\.elemen.uuid)
            try await Self.pastikanMilikPD(
                pemda: pemda, pd: pd, indikator: indicatorIDs, subKegiatan: elementIDs,
                galatSub: .tidakSah(field: "pagu", pesan: "Pagu diisi pada sub kegiatan PD ini; induknya dijumlahkan."),
                on: db)
            var conflicts: [KonflikVersi.Butir] = []
            var changed = 0
            let storedT =
                indicatorIDs.isEmpty
                ? []
                : try await TargetModel.query(on: db).filter(\.$indikatorID ~~ indicatorIDs)
                    .filter(\.$dokumen == dokumen.rawValue).filter(\.$tahun == tahun).filter(\.$triwulan == 0).all()
            let byIndicator = Dictionary(storedT.map { ($0.indikatorID, $0) }, uniquingKeysWith: { a, _ in a })
            for entry in target {
                let existing = byIndicator[entry.indikator.uuid]
                if let existing, existing.nilai == entry.nilai?.kodeSimpan { continue }
                if existing == nil && entry.nilai == nil { continue }
                guard (existing?.versi ?? 0) == entry.versi else {
                    conflicts.append(
                        .init(
                            kunci: entry.indikator.uuid, apa: "target", tersimpan: existing?.teks ?? "(kosong)",
                            isian: entry.nilai == nil ? "(kosong)" : entry.teks))
                    continue
                }
                changed += 1
                if let row = existing, let value = entry.nilai {
                    row.nilai = value.kodeSimpan
                    row.teks = entry.teks
                    row.versi += 1
                    try await row.update(on: db)
                } else if let row = existing {
                    try await row.delete(on: db)
                } else if let value = entry.nilai {
                    let new = Target(
                        indikator: entry.indikator, dokumen: dokumen, periode: PeriodeLaporan(tahun: tahun),
                        nilai: value,
                        teks: entry.teks)
                    try await TargetModel(pemda: pemda.uuid, pd: pd.uuid, new).create(on: db)
                }
            }
            let storedP =
                elementIDs.isEmpty
                ? []
                : try await PaguModel.query(on: db).filter(\.$elemenID ~~ elementIDs)
                    .filter(\.$dokumen == dokumen.rawValue).filter(\.$tahun == tahun).all()
            let byElement = Dictionary(storedP.map { ($0.elemenID, $0) }, uniquingKeysWith: { a, _ in a })
            for entry in pagu {
                let existing = byElement[entry.elemen.uuid]
                if let existing, existing.jumlahSen == entry.jumlah?.sen { continue }
                if existing == nil && entry.jumlah == nil { continue }
                guard (existing?.versi ?? 0) == entry.versi else {
                    conflicts.append(
                        .init(
                            kunci: entry.elemen.uuid, apa: "pagu",
                            tersimpan: existing.map { IndonesianFormat.rupiah(Rupiah(sen: $0.jumlahSen)) }
                                ?? "(kosong)",
                            isian: entry.jumlah.map { IndonesianFormat.rupiah($0) } ?? "(kosong)"))
                    continue
                }
                changed += 1
                if let row = existing, let amount = entry.jumlah {
                    row.jumlahSen = amount.sen
                    row.versi += 1
                    try await row.update(on: db)
                } else if let row = existing {
                    try await row.delete(on: db)
                } else if let amount = entry.jumlah {
                    let new = try Pagu(elemen: entry.elemen, dokumen: dokumen, tahun: tahun, jumlah: amount)
                    try await PaguModel(pemda: pemda.uuid, pd: pd.uuid, new).create(on: db)
                }
            }
            guard conflicts.isEmpty else { throw KonflikVersi(butir: conflicts) }
            return changed
        }
    }
}
