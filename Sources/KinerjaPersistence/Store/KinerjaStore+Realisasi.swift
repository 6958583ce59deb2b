import FluentKit
import Foundation
import KinerjaDomain

/// The realisasi form of one PD and triwulan: what is stored (with versions), and saving the whole form in one
/// transaction with a version check per changed entry.
extension KinerjaStore {
    public struct Tersimpan: Sendable, Hashable {
        public var versi: Int
        public var teks: String
    }

    public struct TersimpanAnggaran: Sendable, Hashable {
        public var versi: Int
        public var keuangan: Rupiah?
        public var fisik: Decimal?
    }

    /// What is stored for a PD in one period: realisasi kinerja by indicator, realisasi anggaran by element.
    public func tersimpan(
        pemda: TypedID<Pemda>, pd: TypedID<PerangkatDaerah>, periode: PeriodeLaporan
    ) async throws -> (kinerja: [UUID: Tersimpan], anggaran: [UUID: TersimpanAnggaran]) {
        let triwulan = periode.triwulan ?? 0
        let kinerja = try await RealisasiKinerjaModel.query(on: db).filter(\.$pemdaID == pemda.uuid)
            .filter(\.$perangkatDaerahID == pd.uuid).filter(\.$tahun == periode.tahun).filter(\.$triwulan == triwulan)
            .all()
        let anggaran = try await RealisasiAnggaranModel.query(on: db).filter(\.$pemdaID == pemda.uuid)
            .filter(\.$perangkatDaerahID == pd.uuid).filter(\.$tahun == periode.tahun).filter(\.$triwulan == triwulan)
            .all()
        return (
            Dictionary(
                kinerja.map { ($0.indikatorID, Tersimpan(versi: $0.versi, teks: $0.teks)) },
                uniquingKeysWith: { a, _ in a }),
            Dictionary(
                anggaran.map {
                    (
                        $0.elemenID,
                        TersimpanAnggaran(
                            versi: $0.versi, keuangan: $0.keuanganSen.map(Rupiah.init(sen:)),
                            fisik: $0.fisik.flatMap { Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX")) })
                    )
                }, uniquingKeysWith: { a, _ in a })
        )
    }

    /// One changed entry of the form: the new value (nil = cleared) and the version the user saw (0 = none).
    public struct IsianKinerja: Sendable {
        public var indikator: TypedID<Indikator>
        public var nilai: Nilai?
        public var teks: String
        public var versi: Int
        public init(indikator: TypedID<Indikator>, nilai: Nilai?, teks: String, versi: Int) {
            self.indikator = indikator
            self.nilai = nilai
            self.teks = teks
            self.versi = versi
        }
    }

    public struct IsianAnggaran: Sendable {
        public var elemen: TypedID<PlanNode>
        public var keuangan: Rupiah?
        public var fisik: Decimal?
        public var versi: Int
        public init(elemen: TypedID<PlanNode>, keuangan: Rupiah?, fisik: Decimal?, versi: Int) {
            self.elemen = elemen
            self.keuangan = keuangan
            self.fisik = fisik
            self.versi = versi
        }
    }

    public struct BerkasBukti: Sendable {
        public var indikator: TypedID<Indikator>
        public var namaBerkas: String
        public var jenis: String
        public var isi: Data
        public init(indikator: TypedID<Indikator>, namaBerkas: String, jenis: String, isi: Data) {
            self.indikator = indikator
            self.namaBerkas = namaBerkas
            self.jenis = jenis
            self.isi = isi
        }
    }

    /// Someone else saved an entry after the user loaded the form: each with what is stored and what the user typed.
    public struct KonflikVersi: Error, Sendable {
        public struct Butir: Sendable, Hashable {
            public var kunci: UUID
            public var apa: String
            public var tersimpan: String
            public var isian: String
        }
        public var butir: [Butir]
    }

    /// Saves the changed entries of a PD's form in one transaction: every indicator and element must belong to the
    /// PD; an entry whose stored version differs from the one the user saw is a conflict (unless the stored value
    /// already equals the new one), and any conflict writes nothing. Returns how many rows changed.
    public func simpanRealisasi(
        pemda: TypedID<Pemda>, pd: TypedID<PerangkatDaerah>, periode: PeriodeLaporan, kinerja: [IsianKinerja],
        anggaran: [IsianAnggaran], bukti: [BerkasBukti] = [], oleh: String, sekarang: Date = Date()
    ) async throws -> Int {
        try await tulis(pemda: pemda) { db in
            let triwulan = periode.triwulan ?? 0
            let indicatorIDs = Set(kinerja.map(\.indikator.uuid) + bukti.map(\.indikator.uuid))
            let elementIDs = anggaran.map(\.elemen.uuid)
            try await Self.pastikanMilikPD(
                pemda: pemda, pd: pd, indikator: Array(indicatorIDs), subKegiatan: elementIDs,
                galatSub: .tidakSah(
                    field: "realisasi_keuangan", pesan: "Realisasi keuangan hanya untuk sub kegiatan PD ini."), on: db)
            var conflicts: [KonflikVersi.Butir] = []
            var changed = 0
            let storedK =
                indicatorIDs.isEmpty
                ? []
                : try await RealisasiKinerjaModel.query(on: db).filter(\.$indikatorID ~~ Array(indicatorIDs))
                    .filter(\.$tahun == periode.tahun).filter(\.$triwulan == triwulan).all()
            let byIndicator = Dictionary(storedK.map { ($0.indikatorID, $0) }, uniquingKeysWith: { a, _ in a })
            for entry in kinerja {
                let existing = byIndicator[entry.indikator.uuid]
                if let existing, existing.nilai == entry.nilai?.kodeSimpan { continue }
                if existing == nil && entry.nilai == nil { continue }
                let version = existing?.versi ?? 0
                guard version == entry.versi else {
                    conflicts.append(
                        .init(
                            kunci: entry.indikator.uuid, apa: "realisasi", tersimpan: existing?.teks ?? "(kosong)",
                            isian: entry.nilai == nil ? "(kosong)" : entry.teks))
                    continue
                }
                changed += 1
                switch (existing, entry.nilai) {
                case (let row?, nil): try await row.delete(on: db)
                case (let row?, let value?):
                    row.nilai = value.kodeSimpan
                    row.teks = entry.teks
                    row.versi += 1
                    try await row.update(on: db)
                case (nil, let value?):
                    let realisasi = try RealisasiKinerja(
                        indikator: entry.indikator, periode: periode, nilai: value, teks: entry.teks)
                    try await RealisasiKinerjaModel(pemda: pemda.uuid, pd: pd.uuid, realisasi).create(on: db)
                case (nil, nil): break
                }
            }
            let storedA =
                elementIDs.isEmpty
                ? []
                : try await RealisasiAnggaranModel.query(on: db).filter(\.$elemenID ~~ elementIDs)
                    .filter(\.$tahun == periode.tahun).filter(\.$triwulan == triwulan).all()
            let byElement = Dictionary(storedA.map { ($0.elemenID, $0) }, uniquingKeysWith: { a, _ in a })
            for entry in anggaran {
                let existing = byElement[entry.elemen.uuid]
                let newFisik = entry.fisik?.plainString
                if let existing, existing.keuanganSen == entry.keuangan?.sen, existing.fisik == newFisik { continue }
                if existing == nil && entry.keuangan == nil && entry.fisik == nil { continue }
                let version = existing?.versi ?? 0
                guard version == entry.versi else {
                    func show(_ sen: Int64?, _ fisik: String?) -> String {
                        (sen.map { IndonesianFormat.rupiah(Rupiah(sen: $0)) } ?? "-") + " / fisik "
                            + (fisik.flatMap { Decimal(string: $0) }.map { IndonesianFormat.number($0) + " %" } ?? "-")
                    }
                    conflicts.append(
                        .init(
                            kunci: entry.elemen.uuid, apa: "realisasi keuangan",
                            tersimpan: show(existing?.keuanganSen, existing?.fisik),
                            isian: show(entry.keuangan?.sen, newFisik)))
                    continue
                }
                changed += 1
                if entry.keuangan == nil && entry.fisik == nil {
                    try await existing?.delete(on: db)
                } else if let row = existing {
                    row.keuanganSen = entry.keuangan?.sen
                    row.fisik = newFisik
                    row.versi += 1
                    try await row.update(on: db)
                } else {
                    let value = try RealisasiAnggaran(
                        elemen: entry.elemen, periode: periode, keuangan: entry.keuangan, fisik: entry.fisik)
                    try await RealisasiAnggaranModel(pemda: pemda.uuid, pd: pd.uuid, value).create(on: db)
                }
            }
            guard conflicts.isEmpty else { throw KonflikVersi(butir: conflicts) }
            if !bukti.isEmpty {
                // A new file for an indicator and period replaces the earlier one (no pile of versions), and a PD's
                // evidence together stays within its space.
                let replaced = bukti.map(\.indikator.uuid)
                try await BuktiModel.query(on: db).filter(\.$perangkatDaerahID == pd.uuid)
                    .filter(\.$indikatorID ~~ replaced).filter(\.$tahun == periode.tahun)
                    .filter(\.$triwulan == triwulan).delete()
                let used =
                    try await BuktiModel.query(on: db).filter(\.$perangkatDaerahID == pd.uuid).sum(\.$ukuran) ?? 0
                let adding = bukti.reduce(0) { $0 + $1.isi.count }
                guard used + adding <= Self.batasBuktiPD else {
                    throw DomainError.tidakSah(
                        field: "bukti",
                        pesan: "Ruang bukti perangkat daerah ini penuh: terpakai \(used >> 20) MB, unggahan ini "
                            + "\(max(1, adding >> 20)) MB, batas \(Self.batasBuktiPD >> 20) MB. Hubungi admin Pemda.")
                }
            }
            for file in bukti {
                let row = BuktiModel()
                row.pemdaID = pemda.uuid
                row.perangkatDaerahID = pd.uuid
                row.indikatorID = file.indikator.uuid
                row.tahun = periode.tahun
                row.triwulan = triwulan
                row.namaBerkas = file.namaBerkas
                row.jenis = file.jenis
                row.ukuran = file.isi.count
                row.isi = file.isi
                row.diunggahOleh = oleh
                row.waktu = sekarang
                try await row.create(on: db)
                changed += 1
            }
            return changed
        }
    }

    // MARK: - Evidence

    /// The evidence space of one PD (`KINERJA_BUKTI_MAKS_PD_MB`, default 500 MB).
    public static let batasBuktiPD: Int =
        (Int(ProcessInfo.processInfo.environment["KINERJA_BUKTI_MAKS_PD_MB"] ?? "") ?? 500) << 20

    public struct InfoBukti: Sendable, Hashable {
        public var id: UUID
        public var indikator: UUID
        public var namaBerkas: String
        public var ukuran: Int
        public var diunggahOleh: String
        public var waktu: Date
    }

    /// The evidence of a PD's period, without the file contents.
    public func daftarBukti(
        pemda: TypedID<Pemda>, pd: TypedID<PerangkatDaerah>, periode: PeriodeLaporan
    ) async throws -> [InfoBukti] {
        try await BuktiModel.query(on: db).filter(\.$pemdaID == pemda.uuid).filter(\.$perangkatDaerahID == pd.uuid)
            .filter(\.$tahun == periode.tahun).filter(\.$triwulan == (periode.triwulan ?? 0))
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
            id: UUID = UUID(), namaBerkas: String, isi: Data, jenis: String, dokumen: String, versiData: Int64,
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

    public func simpanUnggahan(
        _ upload: Unggahan, pemda: TypedID<Pemda>, pd: TypedID<PerangkatDaerah>, pengguna: TypedID<Pengguna>,
        sekarang: Date = Date()
    ) async throws {
        try await tulisTanpaVersi { db in
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
    public func perbaruiPratinjau(_ id: UUID, versiData: Int64, pratinjau: Data) async throws {
        try await tulisTanpaVersi { db in
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

    public func hapusUnggahan(_ id: UUID) async throws {
        try await tulisTanpaVersi { db in try await UnggahanModel.query(on: db).filter(\.$id == id).delete() }
    }
}

extension KinerjaStore {
    /// Every indicator belongs to the PD, and every element is a sub kegiatan of the PD (a form cannot write
    /// another PD's rows by sending their ids).
    static func pastikanMilikPD(
        pemda: TypedID<Pemda>, pd: TypedID<PerangkatDaerah>, indikator: [UUID], subKegiatan: [UUID],
        galatSub: DomainError, on db: any Database
    ) async throws {
        let indicators = Set(indikator)
        if !indicators.isEmpty {
            let owned = try await IndikatorModel.query(on: db).filter(\.$pemdaID == pemda.uuid)
                .filter(\.$perangkatDaerahID == pd.uuid).filter(\.$id ~~ Array(indicators)).count()
            guard owned == indicators.count else {
                throw DomainError.tidakSah(field: "indikator", pesan: "Indikator bukan milik perangkat daerah ini.")
            }
        }
        let elements = Set(subKegiatan)
        if !elements.isEmpty {
            let owned = try await ElemenModel.query(on: db).filter(\.$pemdaID == pemda.uuid)
                .filter(\.$perangkatDaerahID == pd.uuid).filter(\.$id ~~ Array(elements))
                .filter(\.$tingkat == Tingkat.subKegiatan.rawValue).count()
            guard owned == elements.count else { throw galatSub }
        }
    }
}
