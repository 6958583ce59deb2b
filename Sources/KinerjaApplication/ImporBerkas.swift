import Foundation
import KinerjaDomain
import KinerjaImport
import KinerjaPersistence

/// Use case "import a workbook": read and check it, plan it against what is stored, and apply what was previewed.
/// The web (upload, preview, mapping step, apply) and the CLI (`kinerja import`) both call it.
public enum ImporBerkas {
    /// A read and planned file: what the preview shows and the apply writes.
    public struct Rencana: Sendable {
        /// The Pemda's data version, read before the data: an apply after a later write is refused.
        public var versiData: Int64
        public var hasil: HasilBaca
        public var pratinjau: Pratinjau

        /// Each sheet with what it was read as.
        public var lembar: [String] { hasil.lembar.map { "\($0.nama) (\($0.tataLetak))" } }
    }

    /// Only the document check (`kinerja check`): every sheet read and its arithmetic checked, nothing compared
    /// with stored data.
    public static func periksa(_ isi: Data, namaBerkas: String, jenis: JenisImpor = .otomatis) -> HasilBaca {
        Importer.baca(isi, namaBerkas: namaBerkas, jenis: jenis)
    }

    /// A PD's file (plan, realisasi, IKU, cascading, official tables) against the PD's stored data, with the
    /// Pemda's saved column mappings and any given ones.
    public static func rencanakan(
        _ store: KinerjaStore, pemda: Pemda, pd: PerangkatDaerah, isi: Data, namaBerkas: String,
        jenis: JenisImpor = .otomatis, dokumen: DokumenRencana = .renstra, petaTambahan: [PetaLembar] = []
    ) async throws -> Rencana {
        let versi = try await store.versiData(pemda: pemda.id)
        let existing = try await store.load(pemda: pemda.id, perangkatDaerah: pd.id, denganVersi: true)
        let hasil = Importer.baca(
            isi, namaBerkas: namaBerkas, jenis: jenis, dokumen: dokumen, jumlahTriwulan: pemda.jumlahTriwulan,
            peta: try await petaTersimpan(store, pemda: pemda.id) + petaTambahan)
        return Rencana(versiData: versi, hasil: hasil, pratinjau: Importer.pratinjau(hasil, pd: pd, existing: existing))
    }

    /// The Pemda's organisation workbook (`perangkat_daerah` template): PD, units, officials, urusan.
    public static func rencanakanOrganisasi(
        _ store: KinerjaStore, pemda: Pemda, isi: Data, namaBerkas: String, jenis: JenisImpor = .otomatis
    ) async throws -> Rencana {
        let versi = try await store.versiData(pemda: pemda.id)
        let hasil = Importer.baca(isi, namaBerkas: namaBerkas, jenis: jenis)
        guard !hasil.organisasi.isEmpty || !hasil.galat.isEmpty, hasil.rencana.isEmpty, hasil.realisasi.isEmpty else {
            throw DomainError.tidakSah(
                field: "pd", pesan: "Berkas ini berisi rencana atau realisasi satu PD: sebutkan PD-nya (--pd KODE).")
        }
        let preview = Importer.pratinjauOrganisasi(hasil, existing: try await store.load(pemda: pemda.id))
        return Rencana(versiData: versi, hasil: hasil, pratinjau: preview)
    }

    /// Applies what a preview showed, in one transaction; refused when it has errors, when the Pemda's data changed
    /// since `versiPratinjau`, or when an entry it writes was changed since it was read.
    public static func terapkan(
        _ store: KinerjaStore, pemda: TypedID<Pemda>, _ pratinjau: Pratinjau, versiPratinjau: Int64? = nil,
        unggahan: UUID? = nil, oleh: String, sumber: String, sekarang: Date
    ) async throws -> Int {
        guard pratinjau.bisaDiterapkan else {
            throw DomainError.tidakSah(
                field: "berkas", pesan: "Impor tidak diterapkan: \(pratinjau.galat.count) galat.")
        }
        var change = pratinjau.perubahan
        change.oleh = oleh
        change.sumber = sumber
        return try await store.apply(
            change, pemda: pemda, versiPratinjau: versiPratinjau, unggahan: unggahan, sekarang: sekarang)
    }

    /// The column mappings the Pemda confirmed (unreadable entries skipped).
    public static func petaTersimpan(_ store: KinerjaStore, pemda: TypedID<Pemda>) async throws -> [PetaLembar] {
        try await store.listPetaKolom(pemda: pemda).compactMap {
            try? JSONDecoder().decode(PetaLembar.self, from: $0)
        }
    }
}
