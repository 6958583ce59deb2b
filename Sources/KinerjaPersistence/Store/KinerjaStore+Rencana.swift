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

    public func storedRencana(
        pemda: TypedID<Pemda>, pd: TypedID<PerangkatDaerah>, dokumen: DokumenRencana, tahun: Int
    ) async throws -> RencanaTersimpan {
        let targets = try await TargetModel.query(on: db).filter(\.$pemdaID == pemda.uuid)
            .filter(\.$perangkatDaerahID == pd.uuid).filter(\.$dokumen == dokumen.rawValue).filter(\.$tahun == tahun)
            .filter(\.$triwulan == PeriodeLaporan(tahun: tahun).kodeTriwulan).all()
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
}
