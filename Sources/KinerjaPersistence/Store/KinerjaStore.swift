import FluentKit
import Foundation
import KinerjaDomain

/// The one domain-facing service through which everything is read and written. Writes validate with the
/// domain's rules and run in a transaction; later concerns (audit, workflow) hook in here.
public struct KinerjaStore: Sendable {
    public let db: any Database

    public init(_ db: any Database) { self.db = db }

    // MARK: - Pemda

    public func daftarPemda() async throws -> [Pemda] {
        let rows = try await PemdaModel.query(on: db).sort(\.$nama).all()
        let bands = try await KategoriModel.query(on: db).all()
        let bandsByPemda = Dictionary(grouping: bands, by: \.pemdaID)
        return try rows.map { try $0.domain(kategori: bandsByPemda[$0.id!] ?? []) }
    }

    public func pemda(_ id: TypedID<Pemda>) async throws -> Pemda {
        guard let pemda = try await pemdaJikaAda(id) else { throw DomainError.tidakDitemukan("Pemda") }
        return pemda
    }

    /// The Pemda of an id from a URL: nil when unknown.
    public func pemdaJikaAda(_ id: TypedID<Pemda>) async throws -> Pemda? {
        guard let row = try await PemdaModel.find(id.uuid, on: db) else { return nil }
        let bands = try await KategoriModel.query(on: db).filter(\.$pemdaID == id.uuid).all()
        return try row.domain(kategori: bands)
    }

    public func pemda(nama: String) async throws -> Pemda? {
        guard let row = try await PemdaModel.query(on: db).filter(\.$nama == nama).first() else { return nil }
        return try await pemda(TypedID(row.id!))
    }

    /// Creates or updates a Pemda and its policy (bands included).
    public func simpan(_ pemda: Pemda) async throws {
        try validasi(pemda)
        try await tulis(pemda: pemda.id) { db in
            if let existing = try await PemdaModel.find(pemda.id.uuid, on: db) {
                existing.apply(pemda)
                try await existing.update(on: db)
            } else {
                if try await PemdaModel.query(on: db).filter(\.$nama == pemda.nama).first() != nil {
                    throw DomainError.konflik("Pemda \"\(pemda.nama)\" sudah ada.")
                }
                try await PemdaModel(pemda).create(on: db)
            }
            try await KategoriModel.query(on: db).filter(\.$pemdaID == pemda.id.uuid).delete()
            for band in pemda.kebijakan.kategori.pita {
                try await KategoriModel(pemda: pemda.id.uuid, band).create(on: db)
            }
        }
    }

    func validasi(_ pemda: Pemda) throws {
        guard !pemda.nama.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw DomainError.tidakSah(field: "nama", pesan: "Nama Pemda kosong.")
        }
        try Batas.periksa(pemda.nama, field: "nama", maks: Batas.nama, label: "Nama Pemda")
        try Batas.periksa(pemda.ibukota, field: "ibukota", maks: Batas.nama, label: "Ibu kota")
        guard (1...12).contains(pemda.jumlahTriwulan) else {
            throw DomainError.tidakSah(field: "jumlah_triwulan", pesan: "Jumlah periode per tahun harus 1-12.")
        }
        guard pemda.kebijakan.batasRasio >= 100 else {
            throw DomainError.tidakSah(field: "batas_rasio", pesan: "Batas rasio harus sekurangnya 100 %.")
        }
    }

    public func hapus(pemda: TypedID<Pemda>) async throws {
        try await tulis(pemda: pemda) { db in
            try await PemdaModel.query(on: db).filter(\.$id == pemda.uuid).delete()
        }
    }

    // MARK: - Perangkat daerah

    public func daftarPD(pemda: TypedID<Pemda>) async throws -> [PerangkatDaerah] {
        try await PerangkatDaerahModel.query(on: db).filter(\.$pemdaID == pemda.uuid).sort(\.$kode).all()
            .map { $0.domain() }
    }

    public func pd(pemda: TypedID<Pemda>, kode: String) async throws -> PerangkatDaerah? {
        try await PerangkatDaerahModel.query(on: db).filter(\.$pemdaID == pemda.uuid).filter(\.$kode == kode).first()?
            .domain()
    }

    public func tambah(_ pd: PerangkatDaerah, pemda: TypedID<Pemda>) async throws {
        guard !pd.kode.isEmpty, !pd.nama.isEmpty else {
            throw DomainError.tidakSah(
                field: pd.kode.isEmpty ? "kode_pd" : "nama", pesan: "Kode dan nama PD wajib diisi.")
        }
        try Self.periksa(pd)
        try await tulis(pemda: pemda) { db in
            if try await PerangkatDaerahModel.query(on: db).filter(\.$pemdaID == pemda.uuid)
                .filter(\.$kode == pd.kode).first() != nil
            {
                throw DomainError.konflik("Perangkat daerah dengan kode \(pd.kode) sudah ada.")
            }
            try await PerangkatDaerahModel(pemda: pemda.uuid, pd).create(on: db)
        }
    }

    // MARK: - Plan tree

    /// Adds an element after checking its parent (level and kode prefix) and that its kode is not already used
    /// in the same PD.
    public func tambah(_ node: PlanNode, pemda: TypedID<Pemda>) async throws {
        try await tulis(pemda: pemda) { db in
            var parent: PlanNode?
            if let induk = node.induk {
                guard
                    let row = try await ElemenModel.query(on: db).filter(\.$id == induk.uuid)
                        .filter(\.$pemdaID == pemda.uuid).first()
                else { throw DomainError.tidakSah(field: "induk", pesan: "Elemen induk tidak ditemukan.") }
                parent = try row.domain()
            }
            try node.validasiInduk(parent)
            if let kode = node.kode {
                var query = ElemenModel.query(on: db).filter(\.$pemdaID == pemda.uuid).filter(\.$kode == kode.normal)
                if let pd = node.perangkatDaerah?.uuid {
                    query = query.filter(\.$perangkatDaerahID == pd)
                }
                if try await query.first() != nil {
                    throw DomainError.konflik("Kode \(kode.asli) sudah dipakai.")
                }
            }
            try await ElemenModel(pemda: pemda.uuid, node).create(on: db)
        }
    }

    public func tambah(_ indikator: Indikator, pemda: TypedID<Pemda>) async throws {
        try await tulis(pemda: pemda) { db in
            guard
                let node = try await ElemenModel.query(on: db).filter(\.$id == indikator.elemen.uuid)
                    .filter(\.$pemdaID == pemda.uuid).first()
            else { throw DomainError.tidakSah(field: "elemen", pesan: "Elemen rencana indikator tidak ditemukan.") }
            try await IndikatorModel(pemda: pemda.uuid, pd: node.perangkatDaerahID, indikator).create(on: db)
        }
    }

    // MARK: - Targets, pagu, realisasi (upserts with a version check)

    /// Sets a target. With `versiDiharapkan`, the write fails with `.konflik` if someone changed the value
    /// since it was read. Returns the new version.
    @discardableResult
    public func simpan(_ target: Target, pemda: TypedID<Pemda>, versiDiharapkan: Int? = nil) async throws -> Int {
        try await tulis(pemda: pemda) { db in
            let indikator = try await indikatorRow(target.indikator, pemda: pemda, on: db)
            let existing = try await TargetModel.query(on: db).filter(\.$indikatorID == target.indikator.uuid)
                .filter(\.$dokumen == target.dokumen.rawValue).filter(\.$tahun == target.periode.tahun)
                .filter(\.$triwulan == (target.periode.triwulan ?? 0)).first()
            if let existing {
                try cekVersi(
                    versiDiharapkan, existing.versi, tersimpan: existing.teks, baru: target.teks, apa: "target")
                existing.nilai = target.nilai.kodeSimpan
                existing.teks = target.teks
                existing.versi += 1
                try await existing.update(on: db)
                return existing.versi
            }
            try cekVersi(versiDiharapkan, 0, tersimpan: "", baru: target.teks, apa: "target")
            try await TargetModel(pemda: pemda.uuid, pd: indikator.perangkatDaerahID, target).create(on: db)
            return 1
        }
    }

    @discardableResult
    public func simpan(
        _ realisasi: RealisasiKinerja, pemda: TypedID<Pemda>, versiDiharapkan: Int? = nil
    ) async throws
        -> Int
    {
        try await tulis(pemda: pemda) { db in
            let indikator = try await indikatorRow(realisasi.indikator, pemda: pemda, on: db)
            let existing = try await RealisasiKinerjaModel.query(on: db)
                .filter(\.$indikatorID == realisasi.indikator.uuid).filter(\.$tahun == realisasi.periode.tahun)
                .filter(\.$triwulan == (realisasi.periode.triwulan ?? 0)).first()
            if let existing {
                try cekVersi(
                    versiDiharapkan, existing.versi, tersimpan: existing.teks, baru: realisasi.teks, apa: "realisasi")
                existing.nilai = realisasi.nilai.kodeSimpan
                existing.teks = realisasi.teks
                existing.versi += 1
                try await existing.update(on: db)
                return existing.versi
            }
            try cekVersi(versiDiharapkan, 0, tersimpan: "", baru: realisasi.teks, apa: "realisasi")
            try await RealisasiKinerjaModel(pemda: pemda.uuid, pd: indikator.perangkatDaerahID, realisasi).create(
                on: db)
            return 1
        }
    }

    @discardableResult
    public func simpan(_ pagu: Pagu, pemda: TypedID<Pemda>, versiDiharapkan: Int? = nil) async throws -> Int {
        try await tulis(pemda: pemda) { db in
            let node = try await elemenRow(pagu.elemen, pemda: pemda, on: db)
            guard
                try decodeEnum(Tingkat.self, node.tingkat, table: "elemen_rencana", id: node.id, column: "tingkat")
                    .hasAnggaran
            else { throw DomainError.tidakSah(field: "pagu_\(pagu.tahun)", pesan: "Elemen ini tidak mempunyai pagu.") }
            let existing = try await PaguModel.query(on: db).filter(\.$elemenID == pagu.elemen.uuid)
                .filter(\.$dokumen == pagu.dokumen.rawValue).filter(\.$tahun == pagu.tahun).first()
            if let existing {
                try cekVersi(
                    versiDiharapkan, existing.versi,
                    tersimpan: IndonesianFormat.rupiah(Rupiah(sen: existing.jumlahSen)),
                    baru: IndonesianFormat.rupiah(pagu.jumlah), apa: "pagu")
                existing.jumlahSen = pagu.jumlah.sen
                existing.sumberDana = pagu.sumberDana
                existing.lokasi = pagu.lokasi
                existing.keterangan = pagu.keterangan
                existing.versi += 1
                try await existing.update(on: db)
                return existing.versi
            }
            try await PaguModel(pemda: pemda.uuid, pd: node.perangkatDaerahID, pagu).create(on: db)
            return 1
        }
    }

    @discardableResult
    public func simpan(
        _ anggaran: RealisasiAnggaran, pemda: TypedID<Pemda>, versiDiharapkan: Int? = nil
    ) async throws
        -> Int
    {
        try await tulis(pemda: pemda) { db in
            let node = try await elemenRow(anggaran.elemen, pemda: pemda, on: db)
            guard node.tingkat == Tingkat.subKegiatan.rawValue else {
                throw DomainError.tidakSah(
                    field: "realisasi_keuangan",
                    pesan: "Realisasi keuangan dicatat pada sub kegiatan; induknya dijumlahkan.")
            }
            let existing = try await RealisasiAnggaranModel.query(on: db).filter(\.$elemenID == anggaran.elemen.uuid)
                .filter(\.$tahun == anggaran.periode.tahun).filter(\.$triwulan == (anggaran.periode.triwulan ?? 0))
                .first()
            if let existing {
                try cekVersi(
                    versiDiharapkan, existing.versi,
                    tersimpan: existing.keuanganSen.map { IndonesianFormat.rupiah(Rupiah(sen: $0)) } ?? "-",
                    baru: anggaran.keuangan.map { IndonesianFormat.rupiah($0) } ?? "-", apa: "realisasi keuangan")
                existing.keuanganSen = anggaran.keuangan?.sen
                existing.fisik = anggaran.fisik?.plainString
                existing.versi += 1
                try await existing.update(on: db)
                return existing.versi
            }
            try await RealisasiAnggaranModel(pemda: pemda.uuid, pd: node.perangkatDaerahID, anggaran).create(on: db)
            return 1
        }
    }

    func cekVersi(_ expected: Int?, _ actual: Int, tersimpan: String, baru: String, apa: String) throws {
        guard let expected, expected != actual else { return }
        throw DomainError.konflik(
            "Nilai \(apa) sudah diubah orang lain (tersimpan: \(tersimpan.isEmpty ? "-" : tersimpan), "
                + "isian Anda: \(baru)). Muat ulang lalu periksa kembali.")
    }

    func indikatorRow(
        _ id: TypedID<Indikator>, pemda: TypedID<Pemda>, on db: any Database
    ) async throws -> IndikatorModel {
        guard
            let row = try await IndikatorModel.query(on: db).filter(\.$id == id.uuid).filter(\.$pemdaID == pemda.uuid)
                .first()
        else { throw DomainError.tidakDitemukan("Indikator") }
        return row
    }

    func elemenRow(_ id: TypedID<PlanNode>, pemda: TypedID<Pemda>, on db: any Database) async throws -> ElemenModel {
        guard
            let row = try await ElemenModel.query(on: db).filter(\.$id == id.uuid).filter(\.$pemdaID == pemda.uuid)
                .first()
        else { throw DomainError.tidakDitemukan("Elemen rencana") }
        return row
    }
}

extension KinerjaStore {
    /// The lengths and forms every organisation entry must have, whichever way it enters (form, import, CLI).
    static func periksa(_ pd: PerangkatDaerah) throws(DomainError) {
        try Batas.periksaKodePD(pd.kode)
        try Batas.periksa(pd.nama, field: "nama", maks: Batas.nama, label: "Nama PD")
        try Batas.periksa(pd.singkatan, field: "singkatan", maks: Batas.satuan, label: "Singkatan")
    }

    static func periksa(_ unit: UnitKerja) throws(DomainError) {
        try Batas.periksa(unit.nama, field: "unit_kerja", maks: Batas.nama, label: "Nama unit kerja")
        try Batas.periksa(unit.jabatan, field: "jabatan", maks: Batas.nama, label: "Jabatan")
    }

    static func periksa(_ pejabat: Pejabat) throws(DomainError) {
        try Batas.periksa(pejabat.nama, field: "nama_pejabat", maks: Batas.namaOrang, label: "Nama pejabat")
        try Batas.periksa(pejabat.pangkat, field: "pangkat", maks: Batas.nama, label: "Pangkat")
    }
}
