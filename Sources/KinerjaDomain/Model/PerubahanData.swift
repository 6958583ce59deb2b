import Foundation

/// The one shape of every change of stored data (a change set): what a form save, an import, an admin edit or a CLI
/// command creates, changes and deletes, each changed entry with the version it was read at. The store applies it
/// in one transaction (`KinerjaStore.apply`), the only write path for plan, target, pagu, realisasi,
/// organisation and policy data.
///
/// Elements and indicators are inserted or updated by id; targets, pagu and realisasi are upserted by their natural
/// key (`KunciIsian`) and deleted by it.
public struct PerubahanData: Sendable, Codable {
    public var perangkatDaerahBaru: [PerangkatDaerah] = []
    public var unitKerjaBaru: [UnitKerja] = []
    public var pejabatBaru: [Pejabat] = []
    public var elemenBaru: [ElemenRencana] = []
    public var elemenUbah: [ElemenRencana] = []
    public var indikatorBaru: [Indikator] = []
    public var indikatorUbah: [Indikator] = []
    public var target: [Target] = []
    public var pagu: [Pagu] = []
    public var realisasi: [RealisasiKinerja] = []
    public var anggaran: [RealisasiAnggaran] = []
    /// Periods the file implies and the Pemda does not have yet (a Renstra T-C.27 for 2026-2030), or an admin adds.
    public var periodeBaru: [Periode] = []
    /// Urusan and bidang urusan named by the file, new or renamed.
    public var urusan: [Urusan] = []
    /// The Pemda's own settings and capaian policy, when they change.
    public var pemda: Pemda?
    /// The Pemda's address and logo for the kop, when they change: a nil logo keeps the stored one unless
    /// `hapusLogo`.
    public var profil: ProfilPemda?
    public var hapusLogo = false
    /// Entries to delete (a form's cleared field).
    public var hapus: [KunciIsian] = []
    /// The version each entry was read at (0: it did not exist). An entry stored since at another version, with
    /// another value, is a conflict and nothing is written. Entries without a version here are not checked one by
    /// one (an import checks the Pemda's data version instead).
    public var versiDibaca: [KunciIsian: Int] = [:]
    /// Evidence files of realisasi.
    public var bukti: [BerkasBukti] = []
    /// A form of one PD: every entry must belong to this PD, and pagu and realisasi anggaran are entered on its sub
    /// kegiatan only (a parent's money is the sum of its children).
    public var formulirPD: TypedID<PerangkatDaerah>?
    /// Who makes the change (evidence records its uploader; history its author).
    public var oleh: String = ""
    /// From where: a form ("formulir realisasi"), an import file ("impor renja.xlsx"), a command ("perintah kinerja
    /// import"). Recorded in the history of every write.
    public var sumber: String = ""
    /// Workflow steps, checked against the rules (`AturanAlur`) and the stored status in the same transaction.
    public var langkah: [LangkahAlur] = []
    /// Reporting windows set by the admin, and reopenings of a triwulan for one PD.
    public var jadwal: [JadwalPelaporan] = []
    public var pembukaan: [PembukaanKhusus] = []
    /// Statuses set directly, without the steps, for figures approved before Kinerja (the demo, a Pemda's past
    /// years brought in by `kinerja alur tetapkan`); never from a web form.
    public var penetapan: [StatusTersimpan] = []
    /// The basis of a revised document (reason, SK number and date, the SK file): replaces the one stored for the
    /// same PD, document and year. A Renja Perubahan's targets and pagu are taken only with one.
    public var revisi: [RevisiDokumen] = []
    /// Texts of a PD's quarterly evaluation (faktor pendorong, penghambat, tindak lanjut): replace the stored ones.
    public var naratif: [EvaluasiNaratif] = []
    /// Sections of a PD's LKjIP: each replaces the stored one of the same PD, year and section.
    public var naskah: [NaskahLKjIP] = []

    public init() {}

    /// A change set built in place: `PerubahanData { $0.elemenBaru = [node] }`.
    public init(_ build: (inout PerubahanData) throws -> Void) rethrows {
        try build(&self)
    }

    enum CodingKeys: String, CodingKey {
        case perangkatDaerahBaru, unitKerjaBaru, pejabatBaru, elemenBaru, elemenUbah, indikatorBaru, indikatorUbah
        case target, pagu, realisasi, anggaran, periodeBaru, urusan, pemda, profil, hapusLogo, hapus, versiDibaca
        case bukti, formulirPD, oleh, sumber, langkah, jadwal, pembukaan, penetapan, revisi, naratif, naskah
    }

    /// Change sets kept with uploads made by an earlier version still read (missing lists are empty).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func list<T: Decodable>(_ key: CodingKeys) throws -> [T] {
            try container.decodeIfPresent([T].self, forKey: key) ?? []
        }
        perangkatDaerahBaru = try list(.perangkatDaerahBaru)
        unitKerjaBaru = try list(.unitKerjaBaru)
        pejabatBaru = try list(.pejabatBaru)
        elemenBaru = try list(.elemenBaru)
        elemenUbah = try list(.elemenUbah)
        indikatorBaru = try list(.indikatorBaru)
        indikatorUbah = try list(.indikatorUbah)
        target = try list(.target)
        pagu = try list(.pagu)
        realisasi = try list(.realisasi)
        anggaran = try list(.anggaran)
        periodeBaru = try list(.periodeBaru)
        urusan = try list(.urusan)
        pemda = try container.decodeIfPresent(Pemda.self, forKey: .pemda)
        profil = try container.decodeIfPresent(ProfilPemda.self, forKey: .profil)
        hapusLogo = try container.decodeIfPresent(Bool.self, forKey: .hapusLogo) ?? false
        hapus = try list(.hapus)
        versiDibaca = try container.decodeIfPresent([KunciIsian: Int].self, forKey: .versiDibaca) ?? [:]
        bukti = try list(.bukti)
        formulirPD = try container.decodeIfPresent(TypedID<PerangkatDaerah>.self, forKey: .formulirPD)
        oleh = try container.decodeIfPresent(String.self, forKey: .oleh) ?? ""
        sumber = try container.decodeIfPresent(String.self, forKey: .sumber) ?? ""
        langkah = try list(.langkah)
        jadwal = try list(.jadwal)
        pembukaan = try list(.pembukaan)
        penetapan = try list(.penetapan)
        revisi = try list(.revisi)
        naratif = try list(.naratif)
        naskah = try list(.naskah)
    }

    public var isEmpty: Bool {
        perangkatDaerahBaru.isEmpty && unitKerjaBaru.isEmpty && pejabatBaru.isEmpty && elemenBaru.isEmpty
            && elemenUbah.isEmpty && indikatorBaru.isEmpty && indikatorUbah.isEmpty && target.isEmpty && pagu.isEmpty
            && realisasi.isEmpty && anggaran.isEmpty && periodeBaru.isEmpty && urusan.isEmpty && pemda == nil
            && profil == nil && !hapusLogo && hapus.isEmpty && bukti.isEmpty && langkah.isEmpty && jadwal.isEmpty
            && pembukaan.isEmpty && penetapan.isEmpty && revisi.isEmpty && naratif.isEmpty && naskah.isEmpty
    }

    /// Carries realisasi entries (kinerja or anggaran) and nothing else: no other entry, deletion, structure,
    /// evidence, workflow step or text (the versions read, the PD of a form, who and where from go with any entry).
    public var hanyaRealisasi: Bool {
        var rest = self
        rest.realisasi = []
        rest.anggaran = []
        return rest.isEmpty
    }

    public var jumlah: Int {
        perangkatDaerahBaru.count + unitKerjaBaru.count + pejabatBaru.count + elemenBaru.count + elemenUbah.count
            + indikatorBaru.count + indikatorUbah.count + target.count + pagu.count + realisasi.count + anggaran.count
            + periodeBaru.count + urusan.count + (pemda == nil ? 0 : 1) + (profil == nil ? 0 : 1) + hapus.count
            + bukti.count + langkah.count + jadwal.count + pembukaan.count
            + penetapan.count + revisi.count + naratif.count + naskah.count
    }
}

/// The natural key of a stored entry: what a change set upserts, deletes and versions.
public enum KunciIsian: Hashable, Sendable, Codable {
    case target(TypedID<Indikator>, DokumenRencana, PeriodeLaporan)
    case pagu(TypedID<ElemenRencana>, DokumenRencana, tahun: Int)
    case realisasi(TypedID<Indikator>, PeriodeLaporan)
    case anggaran(TypedID<ElemenRencana>, PeriodeLaporan)

    /// The indicator or element the entry belongs to.
    public var pemilik: UUID {
        switch self {
        case .target(let id, _, _), .realisasi(let id, _): id.uuid
        case .pagu(let id, _, _), .anggaran(let id, _): id.uuid
        }
    }

    /// What the entry is, for a conflict message.
    public var apa: String {
        switch self {
        case .target: "target"
        case .pagu: "pagu"
        case .realisasi: "realisasi"
        case .anggaran: "realisasi keuangan"
        }
    }
}

extension Target {
    public var kunci: KunciIsian { .target(indikator, dokumen, periode) }
}

extension Pagu {
    public var kunci: KunciIsian { .pagu(elemen, dokumen, tahun: tahun) }
}

extension RealisasiKinerja {
    public var kunci: KunciIsian { .realisasi(indikator, periode) }
}

extension RealisasiAnggaran {
    public var kunci: KunciIsian { .anggaran(elemen, periode) }
}

/// An evidence file of a realisasi: a new one for an indicator and period replaces the earlier one.
public struct BerkasBukti: Sendable, Codable, Hashable {
    public var indikator: TypedID<Indikator>
    public var periode: PeriodeLaporan
    public var namaBerkas: String
    public var jenis: String
    public var isi: Data

    public init(indikator: TypedID<Indikator>, periode: PeriodeLaporan, namaBerkas: String, jenis: String, isi: Data) {
        self.indikator = indikator
        self.periode = periode
        self.namaBerkas = namaBerkas
        self.jenis = jenis
        self.isi = isi
    }
}

/// Someone else saved an entry after the user read it: each with what is stored and what the user entered. Nothing
/// of the change set is written.
public struct KonflikVersi: Error, Sendable {
    public struct Butir: Sendable, Hashable {
        /// The indicator or element of the entry (the form field's key).
        public var kunci: UUID
        public var apa: String
        public var tersimpan: String
        public var isian: String

        public init(kunci: UUID, apa: String, tersimpan: String, isian: String) {
            self.kunci = kunci
            self.apa = apa
            self.tersimpan = tersimpan
            self.isian = isian
        }
    }
    public var butir: [Butir]

    public init(butir: [Butir]) { self.butir = butir }
}

extension PerubahanData {
    /// The change set that creates every entry of a data set (a new Pemda's organisation, periods, plans and
    /// figures; the Pemda itself is created by the store beside it).
    public init(semua data: DataKinerja) {
        self.init()
        perangkatDaerahBaru = data.perangkatDaerah
        unitKerjaBaru = data.unitKerja
        pejabatBaru = data.pejabat
        periodeBaru = data.periode
        urusan = data.urusan
        elemenBaru = data.elemen
        indikatorBaru = data.indikator
        target = data.target
        pagu = data.pagu
        realisasi = data.realisasi
        anggaran = data.anggaran
    }
}
