import FluentKit
import Foundation
import KinerjaDomain

/// The realisasi form of one PD and triwulan: what is stored (with versions), and saving the whole form in one
/// transaction with a version check per changed entry.
extension KinerjaStore {
    /// What is stored for a PD in one period: realisasi kinerja by indicator, realisasi anggaran by element.
    public func stored(
        pemda: TypedID<Pemda>, pd: TypedID<PerangkatDaerah>, periode: PeriodeLaporan
    ) async throws -> (kinerja: [UUID: Tersimpan], anggaran: [UUID: TersimpanAnggaran]) {
        // Only the triwulan's rows, and only the columns the form keeps, read beneath Fluent: the year's rows as
        // models were 28-40 ms of every form (a model costs its property wrappers), more than the year's load.
        let scope = Scope(
            pemda: pemda.uuid, pd: pd.uuid, denganRPJMD: false, tahun: periode.tahun, triwulan: periode.kodeTriwulan)
        let kinerja = try await baca(
            RealisasiKinerjaModel.schema, ["indikator_id", "teks", "versi"], scope, tahunan: true
        ) { row in (try row.uuid(0), Tersimpan(versi: try row.bilangan(2), teks: try row.teks(1))) }
        let anggaran = try await baca(
            RealisasiAnggaranModel.schema, ["elemen_id", "keuangan_sen", "fisik", "versi"], scope, tahunan: true
        ) { row in
            (
                try row.uuid(0),
                TersimpanAnggaran(
                    versi: try row.bilangan(3), keuangan: try row.int64Opsional(1).map(Rupiah.init(sen:)),
                    fisik: row.kosong(2) ? nil : try row.desimal(2))
            )
        }
        return (
            Dictionary(kinerja, uniquingKeysWith: { a, _ in a }), Dictionary(anggaran, uniquingKeysWith: { a, _ in a })
        )
    }

    // MARK: - Evidence

    /// The evidence space of one PD (`KINERJA_BUKTI_MAKS_PD_MB`, default 500 MB).
    public static let batasBuktiPD: Int =
        (Int(ProcessInfo.processInfo.environment["KINERJA_BUKTI_MAKS_PD_MB"] ?? "") ?? 500) << 20

    /// The evidence of a PD's period, without the file contents.
    public func listBukti(
        pemda: TypedID<Pemda>, pd: TypedID<PerangkatDaerah>, periode: PeriodeLaporan
    ) async throws -> [InfoBukti] {
        try await BuktiModel.query(on: db).filter(\.$pemdaID == pemda.uuid).filter(\.$perangkatDaerahID == pd.uuid)
            .filter(\.$tahun == periode.tahun).filter(\.$triwulan == (periode.kodeTriwulan))
            .field(\.$id).field(\.$indikatorID).field(\.$namaBerkas).field(\.$ukuran).field(\.$diunggahOleh)
            .field(\.$waktu).sort(\.$waktu).all()
            .map {
                InfoBukti(
                    id: $0.id!, indikator: $0.indikatorID, namaBerkas: $0.namaBerkas, ukuran: $0.ukuran,
                    diunggahOleh: $0.diunggahOleh, waktu: $0.waktu)
            }
    }

    /// One evidence file of a PD (nil when it belongs elsewhere).
    public func bukti(
        _ id: UUID, pemda: TypedID<Pemda>, pd: TypedID<PerangkatDaerah>
    ) async throws -> (
        nama: String, jenis: String, isi: Data
    )? {
        guard
            let row = try await BuktiModel.query(on: db).filter(\.$id == id).filter(\.$pemdaID == pemda.uuid)
                .filter(\.$perangkatDaerahID == pd.uuid).first()
        else { return nil }
        return (row.namaBerkas, row.jenis, row.isi)
    }

    // MARK: - Uploaded workbooks awaiting apply

    /// An uploaded workbook with the import plan its preview showed.
    public struct Unggahan: Sendable {
        public var id: UUID
        public var namaBerkas: String
        public var isi: Data
        /// The import's options as chosen at upload (`JenisImpor`, `DokumenRencana` raw values).
        public var jenis: String
        public var dokumen: String
        /// The Pemda's data version the preview was computed against.
        public var versiData: Int64
        /// The computed preview, encoded by the import layer.
        public var pratinjau: Data

        public init(
            id: UUID = UUID.acak(), namaBerkas: String, isi: Data, jenis: String, dokumen: String, versiData: Int64,
            pratinjau: Data
        ) {
            self.id = id
            self.namaBerkas = namaBerkas
            self.isi = isi
            self.jenis = jenis
            self.dokumen = dokumen
            self.versiData = versiData
            self.pratinjau = pratinjau
        }
    }

    public func saveUnggahan(
        _ upload: Unggahan, pemda: TypedID<Pemda>, pd: TypedID<PerangkatDaerah>, pengguna: TypedID<Pengguna>,
        sekarang: Date = Date()
    ) async throws {
        try await writeUnversioned { db in
            // Older uploads (a day) are not kept.
            try await UnggahanModel.query(on: db).filter(\.$waktu < sekarang.addingTimeInterval(-86_400)).delete()
            let row = UnggahanModel()
            row.id = upload.id
            row.pemdaID = pemda.uuid
            row.perangkatDaerahID = pd.uuid
            row.namaBerkas = upload.namaBerkas
            row.isi = upload.isi
            row.penggunaID = pengguna.uuid
            row.waktu = sekarang
            row.jenis = upload.jenis
            row.dokumen = upload.dokumen
            row.versiData = upload.versiData
            row.pratinjau = upload.pratinjau
            try await row.create(on: db)
        }
    }

    /// A preview computed anew (the data moved on since the upload's preview).
    public func updatePratinjau(_ id: UUID, versiData: Int64, pratinjau: Data) async throws {
        try await writeUnversioned { db in
            try await UnggahanModel.query(on: db).filter(\.$id == id).set(\.$versiData, to: versiData)
                .set(\.$pratinjau, to: pratinjau).update()
        }
    }

    public func unggahan(
        _ id: UUID, pemda: TypedID<Pemda>, pd: TypedID<PerangkatDaerah>
    ) async throws -> Unggahan? {
        guard
            let row = try await UnggahanModel.query(on: db).filter(\.$id == id).filter(\.$pemdaID == pemda.uuid)
                .filter(\.$perangkatDaerahID == pd.uuid).first()
        else { return nil }
        return Unggahan(
            id: id, namaBerkas: row.namaBerkas, isi: row.isi, jenis: row.jenis, dokumen: row.dokumen,
            versiData: row.versiData, pratinjau: row.pratinjau)
    }

    public func deleteUnggahan(_ id: UUID) async throws {
        try await writeUnversioned { db in try await UnggahanModel.query(on: db).filter(\.$id == id).delete() }
    }
}
