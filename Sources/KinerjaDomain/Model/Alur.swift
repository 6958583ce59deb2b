import Foundation

/// The approval workflow (alur persetujuan): what has a status, the statuses, the transitions and who may make each.
///
/// Status belongs to a PD × document × year (Renstra, Renja, Renja Perubahan, Perjanjian Kinerja) and to a PD × year
/// × triwulan of realisasi. An item without a stored status is a draf.
public enum StatusAlur: String, Sendable, Codable, CaseIterable, Hashable {
    case draf
    case diajukan
    case dikembalikan
    case disetujui
    case diverifikasi
    case dikunci

    public var label: String {
        switch self {
        case .draf: "Draf"
        case .diajukan: "Diajukan"
        case .dikembalikan: "Dikembalikan"
        case .disetujui: "Disetujui"
        case .diverifikasi: "Diverifikasi"
        case .dikunci: "Dikunci"
        }
    }

    /// Whether the item's figures may still be changed (form, import, CLI).
    public var bolehDiubah: Bool { self == .draf || self == .dikembalikan }

    /// Figures a reader may take as final: approved by the Kepala PD and verified, or locked.
    public var terbit: Bool { self == .diverifikasi || self == .dikunci }
}

/// What has a status: a PD's document of a year, or a PD's realisasi of a triwulan.
public struct ObjekAlur: Hashable, Sendable, Codable {
    public enum Jenis: String, Sendable, Codable, CaseIterable, Hashable {
        case renstra
        case renja
        case renjaPerubahan = "renja_perubahan"
        case perjanjianKinerja = "pk"
        case realisasi
        /// The PD's LKjIP of a year (its narrative; its figures are the realisasi's).
        case lkjip

        public var label: String {
            switch self {
            case .renstra: "Renstra"
            case .renja: "Renja"
            case .renjaPerubahan: "Renja Perubahan"
            case .perjanjianKinerja: "Perjanjian Kinerja"
            case .realisasi: "Realisasi"
            case .lkjip: "LKjIP"
            }
        }

        /// The workflow document of a plan document (nil: the RPJMD and the prakiraan maju are the Pemda's, or
        /// part of next year's Renja, and have no PD status).
        public init?(_ dokumen: DokumenRencana) {
            switch dokumen {
            case .renstra: self = .renstra
            case .renja: self = .renja
            case .renjaPerubahan: self = .renjaPerubahan
            case .perjanjianKinerja: self = .perjanjianKinerja
            case .rpjmd, .prakiraanMaju: return nil
            }
        }
    }

    public var perangkatDaerah: TypedID<PerangkatDaerah>
    public var jenis: Jenis
    public var tahun: Int
    /// 1…jumlah triwulan for realisasi; 0 for a document.
    public var triwulan: Int

    public init(perangkatDaerah: TypedID<PerangkatDaerah>, jenis: Jenis, tahun: Int, triwulan: Int = 0) {
        self.perangkatDaerah = perangkatDaerah
        self.jenis = jenis
        self.tahun = tahun
        self.triwulan = jenis == .realisasi ? triwulan : 0
    }

    /// A PD's realisasi of a period; a year's realisasi (triwulan nil) belongs to the last triwulan.
    public static func realisasi(
        _ pd: TypedID<PerangkatDaerah>, _ periode: PeriodeLaporan, jumlahTriwulan: Int
    ) -> ObjekAlur {
        ObjekAlur(
            perangkatDaerah: pd, jenis: .realisasi, tahun: periode.tahun, triwulan: periode.triwulan ?? jumlahTriwulan)
    }

    /// "Realisasi TW I 2025" / "Renja 2025".
    public var label: String {
        jenis == .realisasi
            ? "Realisasi TW \(PeriodeLaporan.romawi(triwulan)) \(tahun)" : "\(jenis.label) \(tahun)"
    }
}

/// A step of the workflow.
public enum Transisi: String, Sendable, Codable, CaseIterable, Hashable {
    case ajukan
    case kembalikan
    case setujui
    case verifikasi
    case kunci
    case bukaKunci = "buka_kunci"

    public var label: String {
        switch self {
        case .ajukan: "Ajukan"
        case .kembalikan: "Kembalikan"
        case .setujui: "Setujui"
        case .verifikasi: "Verifikasi"
        case .kunci: "Kunci"
        case .bukaKunci: "Buka kunci"
        }
    }

    /// Whether the step needs a note (what to correct; why a locked item is reopened).
    public var perluCatatan: Bool { self == .kembalikan || self == .bukaKunci }
}

/// The rules of the workflow, as data: for each step, from which statuses, to which, and which roles may take it.
/// The Operator PD submits; the Kepala PD approves or returns; realisasi is verified by the Evaluator (Inspektorat)
/// or Bappeda, a plan document by Bappeda (the Admin Pemda); the Admin locks, and alone reopens a locked item.
public enum AturanAlur {
    public struct Langkah: Sendable {
        public var dari: Set<StatusAlur>
        public var ke: StatusAlur
        public var peran: Set<Peran>
    }

    public static func langkah(_ transisi: Transisi, _ jenis: ObjekAlur.Jenis) -> Langkah {
        // Realisasi and the LKjIP are verified by the Inspektorat (DOMAIN.md "Workflow"), plans by Bappeda.
        let realisasi = jenis == .realisasi || jenis == .lkjip
        switch transisi {
        case .ajukan: return Langkah(dari: [.draf, .dikembalikan], ke: .diajukan, peran: [.operatorPD])
        case .kembalikan:
            // What is submitted or approved but not yet verified goes back with a note: from the Kepala PD, or
            // from whoever verifies it.
            return Langkah(
                dari: [.diajukan, .disetujui], ke: .dikembalikan,
                peran: realisasi ? [.kepala, .evaluator, .admin] : [.kepala, .admin])
        case .setujui: return Langkah(dari: [.diajukan], ke: .disetujui, peran: [.kepala])
        case .verifikasi:
            // Realisasi: the Inspektorat (Evaluator) or Bappeda; plan documents: Bappeda (Admin Pemda).
            return Langkah(dari: [.disetujui], ke: .diverifikasi, peran: realisasi ? [.evaluator, .admin] : [.admin])
        case .kunci: return Langkah(dari: [.diverifikasi], ke: .dikunci, peran: [.admin])
        case .bukaKunci: return Langkah(dari: [.dikunci], ke: .draf, peran: [.admin])
        }
    }

    /// The steps `pengguna` may take on `objek` in `status` (for the buttons a page shows).
    public static func bolehDiambil(
        _ pengguna: Pengguna?, objek: ObjekAlur, pemda: TypedID<Pemda>, status: StatusAlur
    ) -> [Transisi] {
        Transisi.allCases.filter {
            (try? periksa($0, oleh: pengguna, objek: objek, pemda: pemda, status: status)) != nil
        }
    }

    /// Whether `pengguna` may take `transisi` on `objek` now in `status`, with the note a step needs: the status
    /// it leads to, or an error in Indonesian naming what is wrong.
    @discardableResult
    public static func periksa(
        _ transisi: Transisi, oleh pengguna: Pengguna?, objek: ObjekAlur, pemda: TypedID<Pemda>,
        status: StatusAlur, catatan: String = "x"
    ) throws(DomainError) -> StatusAlur {
        let step = langkah(transisi, objek.jenis)
        guard let pengguna, pengguna.aktif, pengguna.pemda == pemda, step.peran.contains(pengguna.peran),
            !pengguna.peran.perluPD || pengguna.perangkatDaerah == objek.perangkatDaerah
        else {
            let siapa = step.peran.sorted { $0.rawValue < $1.rawValue }.map(\.label).joined(separator: " atau ")
            throw .tidakSah(
                field: "transisi",
                pesan: siapa.isEmpty
                    ? "Langkah \"\(transisi.label)\" tidak berlaku untuk \(objek.jenis.label)."
                    : "Langkah \"\(transisi.label)\" hanya dapat diambil oleh \(siapa) perangkat daerah ini.")
        }
        guard step.dari.contains(status) else {
            throw .tidakSah(
                field: "transisi",
                pesan: "\(objek.label) berstatus \(status.label.lowercased()): langkah \"\(transisi.label)\" "
                    + "tidak dapat diambil sekarang.")
        }
        if transisi.perluCatatan && catatan.trimmed().isEmpty {
            throw .tidakSah(
                field: "catatan",
                pesan: transisi == .kembalikan
                    ? "Tuliskan catatan: apa yang perlu diperbaiki." : "Tuliskan alasan kunci dibuka.")
        }
        try Batas.periksa(catatan, field: "catatan", maks: 2000, label: "Catatan")
        return step.ke
    }
}

/// The stored status of an item: who set it, when, with which note.
public struct StatusTersimpan: Hashable, Sendable, Codable {
    public var objek: ObjekAlur
    public var status: StatusAlur
    public var catatan: String
    public var oleh: String
    public var waktu: Date
    /// Raised by every step: a step asked for from a page shows the version the page showed, and is refused when
    /// the item moved since (re-submitted with other figures, say).
    public var versi: Int

    public init(
        objek: ObjekAlur, status: StatusAlur, catatan: String = "", oleh: String = "", waktu: Date, versi: Int = 1
    ) {
        self.objek = objek
        self.status = status
        self.catatan = catatan
        self.oleh = oleh
        self.waktu = waktu
        self.versi = versi
    }
}

/// An item that refuses writes (submitted, approved, verified or locked; or a realisasi triwulan outside its
/// reporting window): the message names what, since when, by whom, and who can reopen it.
public struct IsianTerkunci: Error, Sendable, Hashable {
    public var objek: ObjekAlur
    public var pesan: String

    public init(objek: ObjekAlur, pesan: String) {
        self.objek = objek
        self.pesan = pesan
    }

    public static func status(_ stored: StatusTersimpan, namaPD: String) -> IsianTerkunci {
        let since = IndonesianFormat.waktu(stored.waktu)
        let siapa =
            switch stored.status {
            case .diajukan: "Kepala PD dapat mengembalikannya"
            case .disetujui: "Yang memverifikasi dapat mengembalikannya"
            case .diverifikasi, .dikunci: "Hanya Admin Pemda yang dapat membukanya"
            case .draf, .dikembalikan: ""
            }
        return IsianTerkunci(
            objek: stored.objek,
            pesan: "\(stored.objek.label) \(namaPD) berstatus \(stored.status.label.lowercased()) sejak \(since)"
                + (stored.oleh.isEmpty ? "" : " oleh \(stored.oleh)") + "; tidak dapat diubah. \(siapa).")
    }
}

/// When realisasi of a triwulan may be entered (jadwal pelaporan), set by the admin per year and triwulan: from the
/// start of `buka` to the end of `tutup` (both dates in WIB). A triwulan without a schedule is open.
public struct JadwalPelaporan: Hashable, Sendable, Codable {
    public var tahun: Int
    public var triwulan: Int
    /// The first moment entries are taken.
    public var buka: Date
    /// The first moment they are no longer taken (the day after the last day, 00.00 WIB).
    public var tutup: Date

    public init(tahun: Int, triwulan: Int, buka: Date, tutup: Date) throws(DomainError) {
        guard Batas.tahun.contains(tahun) else {
            throw .tidakSah(
                field: "tahun", pesan: "Tahun harus antara \(Batas.tahun.lowerBound) dan \(Batas.tahun.upperBound).")
        }
        guard (1...12).contains(triwulan) else { throw .tidakSah(field: "triwulan", pesan: "Triwulan tidak dikenal.") }
        guard buka < tutup else {
            throw .tidakSah(field: "tutup", pesan: "Tanggal tutup harus sesudah tanggal buka.")
        }
        self.tahun = tahun
        self.triwulan = triwulan
        self.buka = buka
        self.tutup = tutup
    }

    /// A day typed in a form (`2025-04-10` or `10-04-2025`) as its first moment in WIB.
    public static func hari(_ text: String, field: String) throws(DomainError) -> Date {
        let parts = text.trimmedSpaces().split(whereSeparator: { $0 == "-" || $0 == "/" })
            .compactMap { Int($0) }
        guard parts.count == 3 else {
            throw .tidakSah(field: field, pesan: "Tanggal ditulis hh-bb-tttt, misalnya 10-04-2025.")
        }
        let (day, month, year) = parts[0] > 31 ? (parts[2], parts[1], parts[0]) : (parts[0], parts[1], parts[2])
        let calendar = IndonesianFormat.kalenderWIB
        let components = DateComponents(year: year, month: month, day: day)
        guard components.isValidDate(in: calendar), let date = calendar.date(from: components) else {
            throw .tidakSah(field: field, pesan: "Tanggal \(text) tidak ada.")
        }
        return date
    }

    public var hariTerakhir: Date { tutup.addingTimeInterval(-1) }
}

/// The admin reopens a triwulan's entries for one PD outside its window, until a moment, with a reason.
public struct PembukaanKhusus: Hashable, Sendable, Codable {
    public var perangkatDaerah: TypedID<PerangkatDaerah>
    public var tahun: Int
    public var triwulan: Int
    public var sampai: Date
    public var alasan: String
    public var oleh: String
    public var waktu: Date

    public init(
        perangkatDaerah: TypedID<PerangkatDaerah>, tahun: Int, triwulan: Int, sampai: Date, alasan: String,
        oleh: String, waktu: Date
    ) throws(DomainError) {
        guard !alasan.trimmed().isEmpty else {
            throw .tidakSah(field: "alasan", pesan: "Tuliskan alasan triwulan dibuka kembali.")
        }
        try Batas.periksa(alasan, field: "alasan", maks: 2000, label: "Alasan")
        guard sampai > waktu else { throw .tidakSah(field: "sampai", pesan: "Batas pembukaan harus di masa depan.") }
        self.perangkatDaerah = perangkatDaerah
        self.tahun = tahun
        self.triwulan = triwulan
        self.sampai = sampai
        self.alasan = alasan.trimmed()
        self.oleh = oleh
        self.waktu = waktu
    }
}

extension JadwalPelaporan {
    /// Whether a PD's realisasi of this schedule's triwulan is taken at `sekarang`: inside the window, or reopened
    /// for the PD; otherwise the error says when it was open and who can reopen it.
    public static func periksa(
        _ objek: ObjekAlur, jadwal: JadwalPelaporan?, pembukaan: [PembukaanKhusus], sekarang: Date, namaPD: String
    ) throws(IsianTerkunci) {
        guard objek.jenis == .realisasi, let jadwal else { return }
        if jadwal.buka <= sekarang && sekarang < jadwal.tutup { return }
        if pembukaan.contains(where: {
            $0.perangkatDaerah == objek.perangkatDaerah && $0.tahun == objek.tahun && $0.triwulan == objek.triwulan
                && sekarang < $0.sampai
        }) {
            return
        }
        let when = "\(IndonesianFormat.tanggal(jadwal.buka)) s.d. \(IndonesianFormat.tanggal(jadwal.hariTerakhir))"
        throw IsianTerkunci(
            objek: objek,
            pesan: sekarang < jadwal.buka
                ? "\(objek.label) \(namaPD) belum dibuka: jadwal pengisian \(when)."
                : "\(objek.label) \(namaPD) sudah ditutup (jadwal pengisian \(when)); hanya Admin Pemda yang dapat "
                    + "membukanya kembali untuk perangkat daerah ini.")
    }
}

/// A workflow step asked for: by whom (the rules need the role and PD), on what, with which note.
public struct LangkahAlur: Hashable, Sendable, Codable {
    public var transisi: Transisi
    public var objek: ObjekAlur
    public var pelaku: Pengguna
    public var catatan: String
    /// The status version the user saw (0: none stored yet); nil: not checked (the command line).
    public var versiDibaca: Int?

    public init(
        _ transisi: Transisi, objek: ObjekAlur, pelaku: Pengguna, catatan: String = "", versiDibaca: Int? = nil
    ) {
        self.transisi = transisi
        self.objek = objek
        self.pelaku = pelaku
        self.catatan = catatan.trimmed()
        self.versiDibaca = versiDibaca
    }
}

/// One line of the history of a Pemda's data: who changed what, when, from where, old → new.
public struct Riwayat: Hashable, Sendable, Codable {
    public var perangkatDaerah: TypedID<PerangkatDaerah>?
    public var waktu: Date
    public var oleh: String
    public var sumber: String
    /// target, pagu, realisasi, realisasi keuangan, elemen, indikator, status, jadwal…
    public var entitas: String
    /// The indicator or element it concerns (its page shows it).
    public var kunci: UUID?
    public var uraian: String
    public var periode: String
    public var lama: String
    public var baru: String

    public init(
        perangkatDaerah: TypedID<PerangkatDaerah>?, waktu: Date, oleh: String, sumber: String, entitas: String,
        kunci: UUID?, uraian: String, periode: String, lama: String, baru: String
    ) {
        self.perangkatDaerah = perangkatDaerah
        self.waktu = waktu
        self.oleh = oleh
        self.sumber = sumber
        self.entitas = entitas
        self.kunci = kunci
        self.uraian = uraian
        self.periode = periode
        self.lama = lama
        self.baru = baru
    }
}

/// Which realisasi a reader sees. Public pages and reports show published figures (verified or locked); a reader
/// may ask to include figures still in progress, which are then named as provisional (sementara); a PD's working
/// pages show everything with each item's status.
public enum Tampilan: String, Sendable, Hashable {
    case terbit
    case sementara
    case kerja
}

/// A data set as a reader sees it: its realisasi filtered by status, and the items held back or shown as
/// provisional.
public struct AngkaTerbit: Hashable, Sendable {
    public var data: DataKinerja
    /// Items with realisasi that are shown though not yet verified (`Tampilan.sementara`).
    public var sementara: [ObjekAlur]
    /// Items with realisasi that are not shown (`Tampilan.terbit`).
    public var ditahan: [ObjekAlur]

    public init(data: DataKinerja, sementara: [ObjekAlur], ditahan: [ObjekAlur]) {
        self.data = data
        self.sementara = sementara
        self.ditahan = ditahan
    }

    /// "Angka sementara (belum diverifikasi): Dinas X TW II 2024; …" or nil when nothing is provisional or held.
    public func catatan(namaPD: [TypedID<PerangkatDaerah>: String]) -> String? {
        Self.catatan(sementara: sementara, ditahan: ditahan, namaPD: namaPD)
    }

    /// The order items are listed in: year, triwulan, PD.
    public static func urut(_ items: [ObjekAlur]) -> [ObjekAlur] {
        items.sorted {
            ($0.tahun, $0.triwulan, $0.perangkatDaerah.uuid.uuidString)
                < ($1.tahun, $1.triwulan, $1.perangkatDaerah.uuid.uuidString)
        }
    }

    /// The note of items gathered from several PD (the dashboard's parts), listed in `urut`'s order.
    public static func catatan(
        sementara: [ObjekAlur], ditahan: [ObjekAlur], namaPD: [TypedID<PerangkatDaerah>: String]
    ) -> String? {
        let sementara = urut(sementara)
        let ditahan = urut(ditahan)
        func list(_ items: [ObjekAlur]) -> String {
            items.map { "\(namaPD[$0.perangkatDaerah] ?? "?") TW \(PeriodeLaporan.romawi($0.triwulan)) \($0.tahun)" }
                .joined(separator: "; ")
        }
        if !sementara.isEmpty { return "Angka sementara (belum diverifikasi): \(list(sementara))." }
        if !ditahan.isEmpty {
            return "Realisasi yang belum diverifikasi tidak ditampilkan (\(ditahan.count) triwulan perangkat daerah)."
        }
        return nil
    }
}

extension DataKinerja {
    /// The realisasi (kinerja, keuangan and fisik) of a PD's triwulan stays only when its status is published
    /// (diverifikasi or dikunci), or, with `.sementara`, is kept and listed; `.kerja` keeps everything. Realisasi of
    /// the Pemda's own indicators (no PD) has no PD status and stays.
    public func terbit(status: [StatusTersimpan], tampilan: Tampilan) -> AngkaTerbit {
        guard tampilan != .kerja else { return AngkaTerbit(data: self, sementara: [], ditahan: []) }
        let published = Set(status.filter(\.status.terbit).map(\.objek))
        let owner = pemilikPD
        var unpublished: Set<ObjekAlur> = []
        // Each (PD, period) decided once: a PD's year has a handful of them and thousands of entries (hashing an
        // item twice per entry was a twentieth of a dashboard part).
        var decided: [(pd: TypedID<PerangkatDaerah>, periode: PeriodeLaporan, keep: Bool)] = []
        func keep(_ pd: TypedID<PerangkatDaerah>?, _ periode: PeriodeLaporan) -> Bool {
            guard let pd else { return true }
            if let known = decided.first(where: { $0.periode == periode && $0.pd == pd }) { return known.keep }
            let item = ObjekAlur.realisasi(pd, periode, jumlahTriwulan: pemda.jumlahTriwulan)
            let kept: Bool
            if published.contains(item) {
                kept = true
            } else {
                unpublished.insert(item)
                kept = tampilan == .sementara
            }
            decided.append((pd, periode, kept))
            return kept
        }
        var result = self
        result.realisasi = realisasi.filter { keep(owner.pd(indikator: $0.indikator), $0.periode) }
        result.anggaran = anggaran.filter { keep(owner.pd(elemen: $0.elemen), $0.periode) }
        let items = AngkaTerbit.urut(Array(unpublished))
        return AngkaTerbit(
            data: result, sementara: tampilan == .sementara ? items : [], ditahan: tampilan == .terbit ? items : [])
    }

    /// Every item of a PD with entries (of `tahun`, or of every year): realisasi triwulan with realisasi kinerja or
    /// keuangan, documents with targets or pagu, of the kinds in `jenis`. For setting the statuses of figures
    /// approved before Kinerja (the demo, `kinerja alur tetapkan` for a Pemda's past years).
    public func objekBerisi(
        tahun: Int? = nil, jenis: Set<ObjekAlur.Jenis> = Set(ObjekAlur.Jenis.allCases)
    )
        -> Set<ObjekAlur>
    {
        let owner = pemilikPD
        var result: Set<ObjekAlur> = []
        func add(_ pd: TypedID<PerangkatDaerah>?, _ make: (TypedID<PerangkatDaerah>) -> ObjekAlur?) {
            guard let pd, let item = make(pd), jenis.contains(item.jenis),
                tahun == nil || item.tahun == tahun
            else { return }
            result.insert(item)
        }
        let quarters = pemda.jumlahTriwulan
        for item in realisasi {
            add(owner.pd(indikator: item.indikator)) { .realisasi($0, item.periode, jumlahTriwulan: quarters) }
        }
        for item in anggaran {
            add(owner.pd(elemen: item.elemen)) { .realisasi($0, item.periode, jumlahTriwulan: quarters) }
        }
        for item in target {
            add(owner.pd(indikator: item.indikator)) { pd in
                ObjekAlur.Jenis(item.dokumen).map {
                    ObjekAlur(perangkatDaerah: pd, jenis: $0, tahun: item.periode.tahun)
                }
            }
        }
        for item in pagu {
            add(owner.pd(elemen: item.elemen)) { pd in
                ObjekAlur.Jenis(item.dokumen).map { ObjekAlur(perangkatDaerah: pd, jenis: $0, tahun: item.tahun) }
            }
        }
        return result
    }
}

extension AturanAlur {
    /// Who is told of a step: those who act next (the Kepala PD of a submission, the operators of a return, the
    /// verifier of an approval, the admin of a verification, the PD of a lock or a reopening).
    public static func penerima(_ step: Transisi, _ jenis: ObjekAlur.Jenis) -> Set<Peran> {
        switch step {
        case .ajukan: [.kepala]
        case .kembalikan: [.operatorPD]
        case .setujui: jenis == .realisasi ? [.evaluator] : [.admin]
        case .verifikasi: [.admin]
        case .kunci, .bukaKunci: [.operatorPD, .kepala]
        }
    }

    /// The active users of the Pemda to tell of a step on `objek`: of the roles above, of the item's PD for the PD
    /// roles, never the one who took it.
    public static func penerima(_ step: LangkahAlur, dari pengguna: [Pengguna]) -> [Pengguna] {
        let roles = penerima(step.transisi, step.objek.jenis)
        return pengguna.filter { user in
            user.aktif && user.id != step.pelaku.id && roles.contains(user.peran)
                && (!user.peran.perluPD || user.perangkatDaerah == step.objek.perangkatDaerah)
        }
    }
}
