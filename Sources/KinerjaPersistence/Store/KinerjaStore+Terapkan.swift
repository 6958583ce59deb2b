import FluentKit
import Foundation
import KinerjaDomain

extension KinerjaStore {
    /// Applies a prepared change set in one transaction: everything or nothing. Upserts compare with what is stored
    /// and write only what differs, so applying the same change set twice writes nothing the second time.
    /// Returns the number of rows written.
    ///
    /// With `versiPratinjau` (the data version a preview was computed against) the apply first checks, inside the
    /// transaction, that the Pemda's data has not changed since: otherwise it throws `DataBerubah` and writes
    /// nothing. With `unggahan`, the upload is removed in the same transaction.
    @discardableResult
    public func terapkan(
        _ perubahan: PerubahanData, pemda id: TypedID<Pemda>, versiPratinjau: Int64? = nil, unggahan: UUID? = nil
    ) async throws -> Int {
        let pemda = id.uuid
        for pd in perubahan.perangkatDaerahBaru { try Self.periksa(pd) }
        for unit in perubahan.unitKerjaBaru { try Self.periksa(unit) }
        for pejabat in perubahan.pejabatBaru { try Self.periksa(pejabat) }
        return try await tulis(pemda: id) { db in
            if let versiPratinjau {
                let now = try await Self.versiData(pemda: id, on: db, kunci: true)
                guard now == versiPratinjau else { throw DataBerubah(sejak: versiPratinjau, kini: now) }
            }
            if let unggahan { try await UnggahanModel.query(on: db).filter(\.$id == unggahan).delete() }
            var written = 0
            for item in perubahan.urusan {
                if let row = try await UrusanModel.query(on: db).filter(\.$pemdaID == pemda)
                    .filter(\.$kode == item.kode).first()
                {
                    guard row.nama != item.nama else { continue }
                    row.nama = item.nama
                    try await row.update(on: db)
                } else {
                    let row = UrusanModel()
                    row.pemdaID = pemda
                    row.kode = item.kode
                    row.nama = item.nama
                    try await row.create(on: db)
                }
                written += 1
            }
            for periode in perubahan.periodeBaru {
                var query = PeriodeModel.query(on: db).filter(\.$pemdaID == pemda)
                    .filter(\.$jenis == periode.jenis.rawValue).filter(\.$tahunAwal == periode.tahunAwal)
                query =
                    periode.perangkatDaerah.map { pd in query.filter(\.$perangkatDaerahID == pd.uuid) }
                    ?? query.filter(\.$perangkatDaerahID == nil)
                guard try await query.first() == nil else { continue }
                try await PeriodeModel(pemda: pemda, periode).create(on: db)
                written += 1
            }
            for pd in perubahan.perangkatDaerahBaru {
                try await PerangkatDaerahModel(pemda: pemda, pd).create(on: db)
                written += 1
            }
            let pdOfUnit = Dictionary(
                perubahan.unitKerjaBaru.map { ($0.id, $0.perangkatDaerah.uuid) },
                uniquingKeysWith: { first, _ in first })
            for unit in Self.parentsFirst(perubahan.unitKerjaBaru, id: \.id, parent: \.induk) {
                try await UnitKerjaModel(pemda: pemda, unit).create(on: db)
                written += 1
            }
            for pejabat in perubahan.pejabatBaru {
                var pd = pdOfUnit[pejabat.unitKerja]
                if pd == nil { pd = try await UnitKerjaModel.find(pejabat.unitKerja.uuid, on: db)?.perangkatDaerahID }
                guard let pd else { throw DomainError.tidakDitemukan("Unit kerja pejabat \(pejabat.nama)") }
                try await PejabatModel(pemda: pemda, pd: pd, pejabat).create(on: db)
                written += 1
            }
            // New rows go in chunks of multi-row INSERTs (a Renja of 20 000 rows is one statement per 400 rows, not
            // per row); rows that may exist already are compared and updated one by one.
            try await insert(
                Self.parentsFirst(perubahan.elemenBaru, id: \.id, parent: \.induk).map {
                    ElemenModel(pemda: pemda, $0)
                },
                on: db)
            written += perubahan.elemenBaru.count
            for node in perubahan.elemenUbah {
                guard
                    let row = try await ElemenModel.query(on: db).filter(\.$id == node.id.uuid).filter(
                        \.$pemdaID == pemda
                    )
                    .first()
                else { throw DomainError.tidakDitemukan("Elemen \(node.label)") }
                let updated = ElemenModel(pemda: pemda, node)
                row.uraian = updated.uraian
                row.kodeAsli = updated.kodeAsli
                row.indukID = updated.indukID
                row.penanggungJawab = updated.penanggungJawab
                row.nomor = updated.nomor
                row.hasil = updated.hasil
                try await row.update(on: db)
                written += 1
            }
            var pdOfNode: [UUID: UUID?] = [:]
            for node in perubahan.elemenBaru + perubahan.elemenUbah {
                pdOfNode[node.id.uuid] = node.perangkatDaerah?.uuid
            }
            func pd(ofNode node: TypedID<PlanNode>) async throws -> UUID? {
                if let known = pdOfNode[node.uuid] { return known }
                guard
                    let row = try await ElemenModel.query(on: db).filter(\.$id == node.uuid).filter(\.$pemdaID == pemda)
                        .first()
                else { throw DomainError.tidakDitemukan("Elemen rencana") }
                pdOfNode[node.uuid] = row.perangkatDaerahID
                return row.perangkatDaerahID
            }
            var pdOfIndikator: [UUID: UUID?] = [:]
            var newIndicators: [IndikatorModel] = []
            for indikator in perubahan.indikatorBaru {
                let pdID = try await pd(ofNode: indikator.elemen)
                pdOfIndikator[indikator.id.uuid] = pdID
                newIndicators.append(IndikatorModel(pemda: pemda, pd: pdID, indikator))
            }
            try await sisip(newIndicators, on: db)
            written += newIndicators.count
            let indikatorBaru = Set(perubahan.indikatorBaru.map(\.id))
            let elemenBaru = Set(perubahan.elemenBaru.map(\.id))
            /// Rows of new indicators or elements cannot exist yet: one chunked INSERT for all of them.
            func masukkanBaru<T, M: BarisMentah>(_ items: [T], _ make: (T) async throws -> M) async throws -> Int {
                var rows: [M] = []
                for item in items { rows.append(try await make(item)) }
                try await sisip(rows, on: db)
                return rows.count
            }
            for indikator in perubahan.indikatorUbah {
                guard
                    let row = try await IndikatorModel.query(on: db).filter(\.$id == indikator.id.uuid)
                        .filter(\.$pemdaID == pemda).first()
                else { throw DomainError.tidakDitemukan("Indikator \(indikator.nama)") }
                let updated = IndikatorModel(pemda: pemda, pd: row.perangkatDaerahID, indikator)
                row.nama = updated.nama
                row.satuan = updated.satuan
                row.jenis = updated.jenis
                row.polaritas = updated.polaritas
                row.jenisNilai = updated.jenisNilai
                row.agregasi = updated.agregasi
                row.makna = updated.makna
                row.alasan = updated.alasan
                row.rumus = updated.rumus
                row.sumberData = updated.sumberData
                row.penanggungJawab = updated.penanggungJawab
                row.bobot = updated.bobot
                row.iku = updated.iku
                row.baselineTeks = updated.baselineTeks
                row.baselineNilai = updated.baselineNilai
                row.baselineTahun = updated.baselineTahun
                try await row.update(on: db)
                written += 1
            }
            func pd(ofIndikator id: TypedID<Indikator>) async throws -> UUID? {
                if let known = pdOfIndikator[id.uuid] { return known }
                guard
                    let row = try await IndikatorModel.query(on: db).filter(\.$id == id.uuid).filter(
                        \.$pemdaID == pemda
                    )
                    .first()
                else { throw DomainError.tidakDitemukan("Indikator") }
                pdOfIndikator[id.uuid] = row.perangkatDaerahID
                return row.perangkatDaerahID
            }
            written += try await masukkanBaru(perubahan.target.filter { indikatorBaru.contains($0.indikator) }) {
                TargetModel(pemda: pemda, pd: try await pd(ofIndikator: $0.indikator), $0)
            }
            for target in perubahan.target where !indikatorBaru.contains(target.indikator) {
                let existing = try await TargetModel.query(on: db).filter(\.$indikatorID == target.indikator.uuid)
                    .filter(\.$dokumen == target.dokumen.rawValue).filter(\.$tahun == target.periode.tahun)
                    .filter(\.$triwulan == (target.periode.triwulan ?? 0)).first()
                if let existing {
                    guard existing.nilai != target.nilai.kodeSimpan || existing.teks != target.teks else { continue }
                    existing.nilai = target.nilai.kodeSimpan
                    existing.teks = target.teks
                    existing.versi += 1
                    try await existing.update(on: db)
                } else {
                    try await TargetModel(pemda: pemda, pd: try await pd(ofIndikator: target.indikator), target).create(
                        on: db)
                }
                written += 1
            }
            written += try await masukkanBaru(perubahan.pagu.filter { elemenBaru.contains($0.elemen) }) {
                PaguModel(pemda: pemda, pd: try await pd(ofNode: $0.elemen), $0)
            }
            for pagu in perubahan.pagu where !elemenBaru.contains(pagu.elemen) {
                let existing = try await PaguModel.query(on: db).filter(\.$elemenID == pagu.elemen.uuid)
                    .filter(\.$dokumen == pagu.dokumen.rawValue).filter(\.$tahun == pagu.tahun).first()
                if let existing {
                    guard
                        existing.jumlahSen != pagu.jumlah.sen || existing.sumberDana != pagu.sumberDana
                            || existing.lokasi != pagu.lokasi || existing.keterangan != pagu.keterangan
                    else { continue }
                    existing.jumlahSen = pagu.jumlah.sen
                    existing.sumberDana = pagu.sumberDana
                    existing.lokasi = pagu.lokasi
                    existing.keterangan = pagu.keterangan
                    existing.versi += 1
                    try await existing.update(on: db)
                } else {
                    try await PaguModel(pemda: pemda, pd: try await pd(ofNode: pagu.elemen), pagu).create(on: db)
                }
                written += 1
            }
            written += try await masukkanBaru(perubahan.realisasi.filter { indikatorBaru.contains($0.indikator) }) {
                RealisasiKinerjaModel(pemda: pemda, pd: try await pd(ofIndikator: $0.indikator), $0)
            }
            for realisasi in perubahan.realisasi where !indikatorBaru.contains(realisasi.indikator) {
                let existing = try await RealisasiKinerjaModel.query(on: db).filter(
                    \.$indikatorID == realisasi.indikator.uuid
                )
                .filter(\.$tahun == realisasi.periode.tahun).filter(\.$triwulan == (realisasi.periode.triwulan ?? 0))
                .first()
                if let existing {
                    guard existing.nilai != realisasi.nilai.kodeSimpan || existing.teks != realisasi.teks else {
                        continue
                    }
                    existing.nilai = realisasi.nilai.kodeSimpan
                    existing.teks = realisasi.teks
                    existing.versi += 1
                    try await existing.update(on: db)
                } else {
                    try await RealisasiKinerjaModel(
                        pemda: pemda, pd: try await pd(ofIndikator: realisasi.indikator), realisasi
                    ).create(on: db)
                }
                written += 1
            }
            written += try await masukkanBaru(perubahan.anggaran.filter { elemenBaru.contains($0.elemen) }) {
                RealisasiAnggaranModel(pemda: pemda, pd: try await pd(ofNode: $0.elemen), $0)
            }
            for anggaran in perubahan.anggaran where !elemenBaru.contains(anggaran.elemen) {
                let existing = try await RealisasiAnggaranModel.query(on: db).filter(
                    \.$elemenID == anggaran.elemen.uuid
                )
                .filter(\.$tahun == anggaran.periode.tahun).filter(\.$triwulan == (anggaran.periode.triwulan ?? 0))
                .first()
                if let existing {
                    let fisik = anggaran.fisik?.plainString
                    guard existing.keuanganSen != anggaran.keuangan?.sen || existing.fisik != fisik else { continue }
                    existing.keuanganSen = anggaran.keuangan?.sen
                    existing.fisik = fisik
                    existing.versi += 1
                    try await existing.update(on: db)
                } else {
                    try await RealisasiAnggaranModel(pemda: pemda, pd: try await pd(ofNode: anggaran.elemen), anggaran)
                        .create(on: db)
                }
                written += 1
            }
            return written
        }
    }
}
