import Foundation

/// The basis of a revised document (dasar perubahan): a Renja Perubahan, a revised Renstra or PK of a PD's year
/// carries its reason, the number and date of the SK that set it, and may carry the SK as a file. The values it
/// replaces (murni) stay stored under their own document; reports show both side by side.
public struct RevisiDokumen: Hashable, Sendable, Codable {
    public var perangkatDaerah: TypedID<PerangkatDaerah>
    public var dokumen: DokumenRencana
    public var tahun: Int
    public var alasan: String
    public var nomorSK: String
    public var tanggalSK: Date
    public var lampiran: Lampiran?
    public var oleh: String
    public var waktu: Date

    /// A file attached to a revision (the SK, PDF or image).
    public struct Lampiran: Hashable, Sendable, Codable {
        public var namaBerkas: String
        public var jenis: String
        public var isi: Data

        public init(namaBerkas: String, jenis: String, isi: Data) {
            self.namaBerkas = namaBerkas
            self.jenis = jenis
            self.isi = isi
        }
    }

    /// The documents a revision can be recorded for.
    public static let dokumenDapatDirevisi: [DokumenRencana] = [.renjaPerubahan, .renstra, .perjanjianKinerja]

    public init(
        perangkatDaerah: TypedID<PerangkatDaerah>, dokumen: DokumenRencana, tahun: Int, alasan: String,
        nomorSK: String, tanggalSK: Date, lampiran: Lampiran? = nil, oleh: String, waktu: Date
    ) throws(DomainError) {
        guard Self.dokumenDapatDirevisi.contains(dokumen) else {
            throw .tidakSah(field: "dokumen", pesan: "Dasar perubahan dicatat untuk Renja Perubahan, Renstra atau PK.")
        }
        guard Batas.tahun.contains(tahun) else { throw .tidakSah(field: "tahun", pesan: "Tahun tidak sah.") }
        let reason = alasan.trimmed()
        guard !reason.isEmpty else { throw .tidakSah(field: "alasan", pesan: "Tuliskan alasan perubahan.") }
        try Batas.periksa(reason, field: "alasan", maks: 2000, label: "Alasan")
        let number = nomorSK.trimmed()
        guard !number.isEmpty else { throw .tidakSah(field: "nomor_sk", pesan: "Tuliskan nomor SK perubahan.") }
        try Batas.periksa(number, field: "nomor_sk", maks: 200, label: "Nomor SK")
        if let lampiran {
            guard lampiran.isi.count <= 5 << 20 else {
                throw .tidakSah(field: "lampiran", pesan: "Lampiran paling besar 5 MB.")
            }
        }
        self.perangkatDaerah = perangkatDaerah
        self.dokumen = dokumen
        self.tahun = tahun
        self.alasan = reason
        self.nomorSK = number
        self.tanggalSK = tanggalSK
        self.lampiran = lampiran
        self.oleh = oleh
        self.waktu = waktu
    }

    /// "SK nomor 050/123/2024 tanggal 12-08-2024: <alasan>".
    public var uraian: String {
        "SK nomor \(nomorSK) tanggal \(IndonesianFormat.tanggal(tanggalSK)): \(alasan)"
    }
}

extension DataKinerja {
    /// The documents a year is measured against: a revising document (PK, Renja Perubahan) replaces the earlier one
    /// only once its Kepala PD approved it; until then its targets and pagu are left out of measurement (they stay
    /// stored, and the plan form shows them).
    public func berlaku(status: [StatusTersimpan]) -> DataKinerja {
        func revising(_ dokumen: DokumenRencana) -> Bool { dokumen == .perjanjianKinerja || dokumen == .renjaPerubahan }
        // Only the revising documents' entries depend on a status: without any, the data is as it is (the PD's
        // owners and the arrays' copies were a fortieth of a dashboard part).
        guard target.contains(where: { revising($0.dokumen) }) || pagu.contains(where: { revising($0.dokumen) }) else {
            return self
        }
        let approved = Set(status.filter { [.disetujui, .diverifikasi, .dikunci].contains($0.status) }.map(\.objek))
        let owner = pemilikPD
        func counts(_ pd: @autoclosure () -> TypedID<PerangkatDaerah>?, _ dokumen: DokumenRencana, _ tahun: Int) -> Bool
        {
            guard revising(dokumen), let pd = pd(), let jenis = ObjekAlur.Jenis(dokumen) else { return true }
            return approved.contains(ObjekAlur(perangkatDaerah: pd, jenis: jenis, tahun: tahun))
        }
        var result = self
        result.target = target.filter { counts(owner.pd(indikator: $0.indikator), $0.dokumen, $0.periode.tahun) }
        result.pagu = pagu.filter { counts(owner.pd(elemen: $0.elemen), $0.dokumen, $0.tahun) }
        return result
    }

    /// The documents that hold a PD's targets of a year, in the order measurement takes them ("Renja Perubahan,
    /// Renja"): what a report says it measures against.
    public func dokumenTarget(pd: TypedID<PerangkatDaerah>?, tahun: Int) -> [DokumenRencana] {
        let elements = Set(elemen.filter { pd == nil || $0.perangkatDaerah == pd }.map(\.id))
        let indicators = Set(indikator.filter { elements.contains($0.elemen) }.map(\.id))
        let used = Set(target.filter { $0.periode.tahun == tahun && indicators.contains($0.indikator) }.map(\.dokumen))
        return DokumenRencana.prioritasTahunan.filter { used.contains($0) }
    }
}
