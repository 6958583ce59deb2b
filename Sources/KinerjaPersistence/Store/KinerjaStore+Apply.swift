import FluentKit
import Foundation
import KinerjaDomain
import SQLKit

extension KinerjaStore {
    /// The one write path of plan, target, pagu, realisasi, organisation and policy data: applies a change set in one
    /// transaction, everything or nothing. Entries are compared with what is stored and only what differs is
    /// written, so applying the same change set twice writes nothing the second time. Returns the number of rows
    /// written.
    ///
    /// Before anything is written: the change set's own rules (`formulirPD`: every entry of that PD, money on sub
    /// kegiatan only; new elements under a parent of an allowed level, kode unused in their PD; PD kode unused);
    /// every entry with a version in `versiDibaca` is compared with the stored version, and any difference (with a
    /// different value) is a `KonflikVersi` naming each entry with both values. With `versiPratinjau` (the data
    /// version a preview was computed against) the Pemda's data must not have changed since (`DataBerubah`). With
    /// `unggahan`, the upload is removed in the same transaction.
    ///
    /// Batched: the stored entries are read with one query per table and 500 owners, new rows go in multi-row
    /// INSERTs, changed rows are replaced (DELETE by id, then INSERT with the next version), deleted rows go in one
    /// DELETE per 500; changed elements, indicators and urusan names go in one UPDATE per 500 rows
    /// (`updateRows`).
    @discardableResult
    public func apply(
        _ perubahan: PerubahanData, pemda id: TypedID<Pemda>, versiPratinjau: Int64? = nil, unggahan: UUID? = nil,
        sekarang: Date = Date()
    ) async throws -> Int {
        try Self.checkEntries(perubahan)
        let hasil = try await write(pemda: id, besar: perubahan.jumlah > 20_000, lingkupPD: true) { db in
            if let versiPratinjau {
                // `write` raised the version once, first: what it was before this write is one less.
                let before = try await Self.versiData(pemda: id, on: db, kunci: true) - 1
                guard before == versiPratinjau else { throw DataBerubah(sejak: versiPratinjau, kini: before) }
            }
            if let unggahan { try await UnggahanModel.query(on: db).filter(\.$id == unggahan).delete() }
            return try await self.apply(perubahan, pemda: id.uuid, sekarang: sekarang, on: db)
        }
        // Committed: whoever keeps the PD's data may follow a draft write.
        if let draf = hasil.draf { sesudahDraf?(draf) }
        return hasil.jumlah
    }

    /// What the apply inside a transaction did: the rows written, and the draft write it was, if it was one.
    struct HasilApply: Sendable {
        var jumlah: Int
        var draf: TulisanDraf?
    }

    /// The rules a change set's own entries must keep, before any database work.
    static func checkEntries(_ perubahan: PerubahanData) throws {
        for pd in perubahan.perangkatDaerahBaru { try Self.periksa(pd) }
        for unit in perubahan.unitKerjaBaru { try Self.periksa(unit) }
        for pejabat in perubahan.pejabatBaru { try Self.periksa(pejabat) }
        if let policy = perubahan.pemda { try policy.validasi() }
        try perubahan.profil?.periksa()
    }

    /// The apply inside a transaction already open (`apply`, and `create` after it creates the Pemda).
    func apply(
        _ perubahan: PerubahanData, pemda: UUID, sekarang: Date, riwayat: Bool = true, on db: any Database
    ) async throws -> HasilApply {
        // 1. Where every entry belongs, and the change set's own rules.
        let owners = try await Self.owners(perubahan, pemda: pemda, on: db)
        try await Self.checkStructure(perubahan, pemda: pemda, on: db)
        // 2. What is stored for the entries, and the conflicts: nothing is written before this.
        let rencana = try await Self.planEntries(
            perubahan, pemda: pemda, owners: owners, teksRiwayat: riwayat, on: db)
        guard rencana.konflik.isEmpty else { throw KonflikVersi(butir: rencana.konflik) }
        // 3. The workflow: every entry written must belong to an item that takes changes (not submitted, approved,
        // verified or locked; a realisasi triwulan inside its window or reopened), and every step asked for must be
        // allowed from the stored status.
        let alur = try await Self.checkAlur(
            perubahan, rencana, owners: owners, pemda: pemda, sekarang: sekarang, on: db)
        // Whether the published views stay as they are, read before the writes (`terbitTetap`).
        let lingkup = Self.lingkup(perubahan, owners)
        let terbitTetap = try await Self.terbitTetap(perubahan, rencana, lingkup, pemda: pemda, on: db)
        // 4. The writes, and their history (the changed elements and indicators as they were, field by field).
        let before = riwayat ? try await Self.strukturLama(perubahan, on: db) : StrukturLama()
        var written = try await writeStructure(perubahan, pemda: pemda, owners: owners, on: db)
        written += try await writeEntries(rencana, on: db)
        written += try await writeBukti(perubahan, pemda: pemda, owners: owners, sekarang: sekarang, on: db)
        written += try await writeAlur(perubahan, alur, pemda: pemda, sekarang: sekarang, on: db)
        if riwayat {
            try await writeRiwayat(perubahan, rencana, alur, before, pemda: pemda, sekarang: sekarang, on: db)
        }
        // 5. The versions of what was changed (the page cache's keys).
        let draf = Self.hanyaDraf(perubahan, rencana, lingkup)
        try await Self.raiseVersions(lingkup, terbit: !terbitTetap, pemda: TypedID(pemda), on: db)
        guard draf, case .pd(let pds) = lingkup, pds.count == 1, let pd = pds.first else {
            return HasilApply(jumlah: written)
        }
        return HasilApply(
            jumlah: written, draf: try await Self.tulisanDraf(rencana, pemda: TypedID(pemda), pd: TypedID(pd), on: db))
    }

    /// A draft write of one PD as the data cache follows it: the PD's version before and after (read in the
    /// transaction, after the raise: the writers of a Pemda follow one another, so the one before is one less), and
    /// the rows as stored, decoded as a load decodes them. Nil when a row does not decode (the cache reads the PD
    /// again).
    static func tulisanDraf(
        _ plan: EntryPlan, pemda: TypedID<Pemda>, pd: TypedID<PerangkatDaerah>, on db: any Database
    ) async throws -> TulisanDraf? {
        var kinerja: [RealisasiKinerja] = []
        var uang: [RealisasiAnggaran] = []
        var versiKinerja: [Int] = []
        var versiUang: [Int] = []
        for row in plan.ganti {
            if let row = row as? RealisasiKinerjaModel {
                guard let nilai = Nilai(kodeSimpan: row.nilai) else { return nil }
                kinerja.append(
                    try RealisasiKinerja(
                        indikator: TypedID(row.indikatorID),
                        periode: PeriodeLaporan(tahun: row.tahun, kodeTriwulan: row.triwulan), nilai: nilai,
                        teks: row.teks))
                versiKinerja.append(row.versi)
            } else if let row = row as? RealisasiAnggaranModel {
                var fisik: Decimal?
                if let text = row.fisik {
                    guard let value = Decimal(plain: text) else { return nil }
                    fisik = value
                }
                uang.append(
                    try RealisasiAnggaran(
                        elemen: TypedID(row.elemenID),
                        periode: PeriodeLaporan(tahun: row.tahun, kodeTriwulan: row.triwulan),
                        keuangan: row.keuanganSen.map { Rupiah(sen: $0) }, fisik: fisik))
                versiUang.append(row.versi)
            } else {
                return nil
            }
        }
        let (umum, versi) = try await versiPD(pemda: pemda, pd: pd, terbit: false, on: db)
        return TulisanDraf(
            pemda: pemda, pd: pd, sebelum: kunciVersi(umum: umum, pd: versi - 1),
            sesudah: kunciVersi(umum: umum, pd: versi),
            realisasi: kinerja, anggaran: uang, versiRealisasi: versiKinerja, versiAnggaran: versiUang)
    }

    /// Where a change set's writes belong, for the cache keys (`LingkupTulis`): the PD of its entries, workflow
    /// steps, revision bases and narratives when each has one; the Pemda's common data for anything else — the
    /// structure (elements and indicators, which other PD's pages may name through the cascading), the PD list,
    /// organisation, periods, urusan, policy, profile, reporting windows, and any entry of a Pemda-level owner or
    /// of an owner not found.
    static func lingkup(_ change: PerubahanData, _ owners: Owners) -> LingkupTulis {
        let common =
            !change.perangkatDaerahBaru.isEmpty || !change.unitKerjaBaru.isEmpty || !change.pejabatBaru.isEmpty
            || !change.elemenBaru.isEmpty || !change.elemenUbah.isEmpty || !change.indikatorBaru.isEmpty
            || !change.indikatorUbah.isEmpty || !change.periodeBaru.isEmpty || !change.urusan.isEmpty
            || change.pemda != nil || change.profil != nil || change.hapusLogo || !change.jadwal.isEmpty
            || !change.pembukaan.isEmpty
        if common { return .umum }
        var indicators = change.target.map(\.indikator.uuid) + change.realisasi.map(\.indikator.uuid)
        indicators += change.bukti.map(\.indikator.uuid)
        var elements = change.pagu.map(\.elemen.uuid) + change.anggaran.map(\.elemen.uuid)
        for key in change.hapus {
            switch key {
            case .target, .realisasi: indicators.append(key.pemilik)
            case .pagu, .anggaran: elements.append(key.pemilik)
            }
        }
        var pds = Set(change.langkah.map(\.objek.perangkatDaerah.uuid))
        pds.formUnion(change.penetapan.map(\.objek.perangkatDaerah.uuid))
        pds.formUnion(change.revisi.map(\.perangkatDaerah.uuid))
        pds.formUnion(change.naratif.map(\.perangkatDaerah.uuid))
        pds.formUnion(change.naskah.map(\.perangkatDaerah.uuid))
        if let form = change.formulirPD { pds.insert(form.uuid) }
        for id in Set(indicators) {
            guard case .some(.some(let pd)) = owners.pdIndikator[id] else { return .umum }
            pds.insert(pd)
        }
        for id in Set(elements) {
            guard case .some(.some(let pd)) = owners.pdElemen[id] else { return .umum }
            pds.insert(pd)
        }
        return .pd(pds)
    }

    /// The PD of every indicator and element an entry names (those created by the change set included), read with
    /// one query per 500; an id of another Pemda is an error. For a PD's form, each must be of that PD, and money
    /// goes on its sub kegiatan only.
    struct Owners {
        var pdIndikator: [UUID: UUID?] = [:]
        var pdElemen: [UUID: UUID?] = [:]
        var tingkatElemen: [UUID: String] = [:]
    }

    static func owners(_ change: PerubahanData, pemda: UUID, on db: any Database) async throws -> Owners {
        var result = Owners()
        for node in change.elemenBaru + change.elemenUbah {
            result.pdElemen.updateValue(node.perangkatDaerah?.uuid, forKey: node.id.uuid)
            result.tingkatElemen[node.id.uuid] = node.tingkat.rawValue
        }
        var indicators = Set(change.target.map(\.indikator.uuid) + change.realisasi.map(\.indikator.uuid))
        indicators.formUnion(change.bukti.map(\.indikator.uuid))
        var elements = Set(change.pagu.map(\.elemen.uuid) + change.anggaran.map(\.elemen.uuid))
        elements.formUnion(change.indikatorBaru.map(\.elemen.uuid))
        for key in change.hapus {
            switch key {
            case .target, .realisasi: indicators.insert(key.pemilik)
            case .pagu, .anggaran: elements.insert(key.pemilik)
            }
        }
        let newIndicators = Set(change.indikatorBaru.map(\.id.uuid))
        let unknownIndicators = indicators.filter { !newIndicators.contains($0) }
        for chunk in Array(unknownIndicators).chunked(500) {
            for row in try await IndikatorModel.query(on: db).filter(\.$pemdaID == pemda).filter(\.$id ~~ chunk)
                .field(\.$id).field(\.$perangkatDaerahID).all()
            {
                result.pdIndikator.updateValue(row.perangkatDaerahID, forKey: row.id!)
            }
        }
        let unknownElements = elements.filter { result.pdElemen[$0] == nil }
        for chunk in Array(unknownElements).chunked(500) {
            for row in try await ElemenRencanaModel.query(on: db).filter(\.$pemdaID == pemda).filter(\.$id ~~ chunk)
                .field(\.$id).field(\.$perangkatDaerahID).field(\.$tingkat).all()
            {
                result.pdElemen.updateValue(row.perangkatDaerahID, forKey: row.id!)
                result.tingkatElemen[row.id!] = row.tingkat
            }
        }
        // New indicators belong where their element does.
        for indikator in change.indikatorBaru {
            guard let pd = result.pdElemen[indikator.elemen.uuid] else {
                throw DomainError.tidakDitemukan("Elemen rencana indikator \(indikator.nama)")
            }
            result.pdIndikator.updateValue(pd, forKey: indikator.id.uuid)
        }
        guard indicators.allSatisfy({ result.pdIndikator[$0] != nil }) else {
            throw DomainError.tidakDitemukan("Indikator")
        }
        guard elements.allSatisfy({ result.pdElemen[$0] != nil }) else {
            throw DomainError.tidakDitemukan("Elemen rencana")
        }
        if let form = change.formulirPD?.uuid {
            guard indicators.allSatisfy({ result.pdIndikator[$0] == form }) else {
                throw DomainError.tidakSah(field: "indikator", pesan: "Indikator bukan milik perangkat daerah ini.")
            }
            let sub = Tingkat.subKegiatan.rawValue
            func onSub(_ id: UUID) -> Bool { result.tingkatElemen[id] == sub && result.pdElemen[id] == form }
            var ceilings = change.pagu.map(\.elemen.uuid)
            var spent = change.anggaran.map(\.elemen.uuid)
            for key in change.hapus {
                if case .pagu = key { ceilings.append(key.pemilik) }
                if case .anggaran = key { spent.append(key.pemilik) }
            }
            guard ceilings.allSatisfy(onSub) else {
                throw DomainError.tidakSah(
                    field: "pagu", pesan: "Pagu diisi pada sub kegiatan PD ini; induknya dijumlahkan.")
            }
            guard spent.allSatisfy(onSub) else {
                throw DomainError.tidakSah(
                    field: "realisasi_keuangan", pesan: "Realisasi keuangan hanya untuk sub kegiatan PD ini.")
            }
        }
        // The domain's rules on where money goes, whatever the source.
        for pagu in change.pagu {
            let level = result.tingkatElemen[pagu.elemen.uuid].flatMap(Tingkat.init(rawValue:))
            if let level { try Pagu.periksaTingkat(level, tahun: pagu.tahun) }
        }
        for anggaran in change.anggaran {
            let level = result.tingkatElemen[anggaran.elemen.uuid].flatMap(Tingkat.init(rawValue:))
            if let level { try RealisasiAnggaran.periksaTingkat(level) }
        }
        return result
    }

    /// New elements under a parent of an allowed level whose kode they extend, with a kode unused in their PD; new PD
    /// with an unused kode; a new period not there already.
    static func checkStructure(_ change: PerubahanData, pemda: UUID, on db: any Database) async throws {
        if !change.perangkatDaerahBaru.isEmpty {
            let codes = change.perangkatDaerahBaru.map(\.kode)
            if let taken = try await PerangkatDaerahModel.query(on: db).filter(\.$pemdaID == pemda)
                .filter(\.$kode ~~ codes).first()
            {
                throw DomainError.konflik("Perangkat daerah dengan kode \(taken.kode) sudah ada.")
            }
        }
        guard !change.elemenBaru.isEmpty else { return }
        var parents = Dictionary(change.elemenBaru.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let missing = Set(change.elemenBaru.compactMap(\.induk)).filter { parents[$0] == nil }
        for chunk in missing.map(\.uuid).chunked(500) {
            for node in try await KinerjaStore(db).elemen(ids: chunk, pemda: pemda) { parents[node.id] = node }
        }
        for node in change.elemenBaru {
            if let induk = node.induk, parents[induk] == nil {
                throw DomainError.tidakSah(field: "induk", pesan: "Elemen induk \(node.label) tidak ditemukan.")
            }
            try node.validasiInduk(node.induk.flatMap { parents[$0] })
        }
        // A kode is used once per PD.
        var seen: Set<String> = []
        for node in change.elemenBaru {
            guard let kode = node.kode else { continue }
            let key = (node.perangkatDaerah?.uuid.uuidString ?? "-") + "|" + kode.normal
            guard seen.insert(key).inserted else { throw DomainError.konflik("Kode \(kode.asli) sudah dipakai.") }
        }
        let codes = Array(Set(change.elemenBaru.compactMap { $0.kode?.normal }))
        for chunk in codes.chunked(500) {
            for row in try await ElemenRencanaModel.query(on: db).filter(\.$pemdaID == pemda).filter(\.$kode ~~ chunk)
                .field(\.$id).field(\.$kode).field(\.$kodeAsli).field(\.$perangkatDaerahID).all()
            {
                let key = (row.perangkatDaerahID?.uuidString ?? "-") + "|" + (row.kode ?? "")
                if seen.contains(key) {
                    throw DomainError.konflik("Kode \(row.kodeAsli ?? row.kode ?? "") sudah dipakai.")
                }
            }
        }
    }

    /// What to write of the entries (target, pagu, realisasi, realisasi anggaran) and the conflicts.
    struct EntryPlan {
        /// New rows by table: their columns and values (no model).
        var baru: [String: (kolom: [String], baris: [[ColumnValue]])] = [:]
        var jumlahBaru = 0
        var ganti: [any RawRow] = []
        var buang: [(tabel: String, id: UUID)] = []
        var konflik: [KonflikVersi.Butir] = []
        /// Every entry written, with its PD and both values: the workflow objects it touches and its history.
        var ubahan: [Ubahan] = []

        /// Whether `ubahan` carries the values as text (for the history).
        var teks = true
        struct Ubahan {
            var key: KunciIsian
            var pd: UUID?
            var lama: String
            var baru: String
            /// The stored target it replaces (a revised Renstra keeps it as murni).
            var targetLama: TargetModel? = nil
        }

        /// An entry written: its values as text when the history needs them.
        mutating func catat(
            _ key: KunciIsian, pd: UUID?, lama: @autoclosure () -> String, baru: @autoclosure () -> String,
            targetLama: TargetModel? = nil
        ) {
            ubahan.append(
                Ubahan(key: key, pd: pd, lama: teks ? lama() : "", baru: teks ? baru() : "", targetLama: targetLama))
        }

        /// A new row (its values), or the replacement of the stored one (a model with its id and the next version).
        mutating func place<M: EntryRow>(
            _: M.Type, _ entri: M.Entri, pemda: UUID, pd: UUID?, menggantikan existing: M?
        ) {
            guard let existing else {
                baru[M.schema, default: (M.columns, [])].baris.append(M.baris(pemda: pemda, pd: pd, entri))
                jumlahBaru += 1
                return
            }
            let row = M(pemda: pemda, pd: pd, entri)
            row.id = existing.id
            row.versi = existing.versi + 1
            ganti.append(row)
        }
    }

    /// `teksRiwayat`: the entries' old and new values as text, for the history (a bulk load without history skips
    /// formatting 600 000 numbers).
    static func planEntries(
        _ change: PerubahanData, pemda: UUID, owners: Owners, teksRiwayat: Bool = true, on db: any Database
    ) async throws -> EntryPlan {
        var plan = EntryPlan(teks: teksRiwayat)
        let deleted = Set(change.hapus)
        let newIndicators = Set(change.indikatorBaru.map(\.id.uuid))
        let newElements = Set(change.elemenBaru.map(\.id.uuid))
        func owned(_ ids: some Sequence<UUID>, new: Set<UUID>) -> [UUID] { Array(Set(ids).subtracting(new)) }
        // The values as text only for a conflict (formatting every entry cost a tenth of a bulk load).
        func check(
            _ key: KunciIsian, storedVersion: Int?, stored: @autoclosure () -> String,
            entered: @autoclosure () -> String
        ) -> Bool {
            guard let read = change.versiDibaca[key], read != (storedVersion ?? 0) else { return true }
            plan.konflik.append(.init(kunci: key.pemilik, apa: key.apa, tersimpan: stored(), isian: entered()))
            return false
        }
        func pdOf(indikator id: TypedID<Indikator>) -> UUID? { owners.pdIndikator[id.uuid] ?? nil }
        func pdOf(elemen id: TypedID<ElemenRencana>) -> UUID? { owners.pdElemen[id.uuid] ?? nil }
        // The stored entries compared are only those of the change's year when it has one (a realisasi form, a
        // year's import): an owner's other years cannot match a key, and reading them was most of a save's time.
        func satuTahun(_ years: [Int]) -> Int? {
            let distinct = Set(years)
            return distinct.count == 1 ? distinct.first : nil
        }

        // Targets.
        var indicators = change.target.map(\.indikator.uuid)
        var elements = change.pagu.map(\.elemen.uuid)
        var realised = change.realisasi.map(\.indikator.uuid)
        var spent = change.anggaran.map(\.elemen.uuid)
        var targetYears = change.target.map(\.periode.tahun)
        var paguYears = change.pagu.map(\.tahun)
        var realisedYears = change.realisasi.map(\.periode.tahun)
        var spentYears = change.anggaran.map(\.periode.tahun)
        for key in deleted {
            switch key {
            case .target(_, _, let periode):
                indicators.append(key.pemilik)
                targetYears.append(periode.tahun)
            case .pagu(_, _, let tahun):
                elements.append(key.pemilik)
                paguYears.append(tahun)
            case .realisasi(_, let periode):
                realised.append(key.pemilik)
                realisedYears.append(periode.tahun)
            case .anggaran(_, let periode):
                spent.append(key.pemilik)
                spentYears.append(periode.tahun)
            }
        }
        var targets: [KunciIsian: TargetModel] = [:]
        let tahunTarget = satuTahun(targetYears)
        for chunk in owned(indicators, new: newIndicators).chunked(500) {
            for row in try await entriTersimpan(
                TargetModel.self, pemilik: "indikator_id", chunk, pemda: pemda, tahun: tahunTarget, on: db)
            {
                targets[.target(TypedID(row.indikatorID), try row.dokumenRencana, row.periode)] = row
            }
        }
        for target in change.target {
            let key = target.kunci
            let existing = targets[key]
            if let existing, existing.nilai == target.nilai.kodeSimpan, existing.teks == target.teks { continue }
            guard check(key, storedVersion: existing?.versi, stored: existing?.teks ?? "(kosong)", entered: target.teks)
            else { continue }
            plan.place(
                TargetModel.self, target, pemda: pemda, pd: pdOf(indikator: target.indikator), menggantikan: existing)
            plan.catat(
                key, pd: pdOf(indikator: target.indikator), lama: existing?.teks ?? "", baru: target.teks,
                targetLama: existing)
        }
        // Pagu.
        var ceilings: [KunciIsian: PaguModel] = [:]
        let tahunPagu = satuTahun(paguYears)
        for chunk in owned(elements, new: newElements).chunked(500) {
            for row in try await entriTersimpan(
                PaguModel.self, pemilik: "elemen_id", chunk, pemda: pemda, tahun: tahunPagu, on: db)
            {
                ceilings[.pagu(TypedID(row.elemenID), try row.dokumenRencana, tahun: row.tahun)] = row
            }
        }
        for pagu in change.pagu {
            let key = pagu.kunci
            let existing = ceilings[key]
            if let existing, existing.jumlahSen == pagu.jumlah.sen, existing.sumberDana == pagu.sumberDana,
                existing.lokasi == pagu.lokasi, existing.keterangan == pagu.keterangan
            {
                continue
            }
            guard
                check(
                    key, storedVersion: existing?.versi,
                    stored: existing.map { IndonesianFormat.rupiah(Rupiah(sen: $0.jumlahSen)) } ?? "(kosong)",
                    entered: IndonesianFormat.rupiah(pagu.jumlah))
            else { continue }
            plan.place(PaguModel.self, pagu, pemda: pemda, pd: pdOf(elemen: pagu.elemen), menggantikan: existing)
            plan.catat(
                key, pd: pdOf(elemen: pagu.elemen),
                lama: existing.map { IndonesianFormat.rupiah(Rupiah(sen: $0.jumlahSen)) } ?? "",
                baru: IndonesianFormat.rupiah(pagu.jumlah))
        }
        // Realisasi kinerja.
        var achieved: [KunciIsian: RealisasiKinerjaModel] = [:]
        let tahunRealisasi = satuTahun(realisedYears)
        for chunk in owned(realised, new: newIndicators).chunked(500) {
            for row in try await entriTersimpan(
                RealisasiKinerjaModel.self, pemilik: "indikator_id", chunk, pemda: pemda, tahun: tahunRealisasi, on: db)
            {
                achieved[.realisasi(TypedID(row.indikatorID), row.periode)] = row
            }
        }
        for realisasi in change.realisasi {
            let key = realisasi.kunci
            let existing = achieved[key]
            if let existing, existing.nilai == realisasi.nilai.kodeSimpan, existing.teks == realisasi.teks { continue }
            guard
                check(
                    key, storedVersion: existing?.versi, stored: existing?.teks ?? "(kosong)", entered: realisasi.teks)
            else { continue }
            plan.place(
                RealisasiKinerjaModel.self, realisasi, pemda: pemda, pd: pdOf(indikator: realisasi.indikator),
                menggantikan: existing)
            plan.catat(
                key, pd: pdOf(indikator: realisasi.indikator), lama: existing?.teks ?? "", baru: realisasi.teks)
        }
        // Realisasi anggaran.
        var money: [KunciIsian: RealisasiAnggaranModel] = [:]
        let tahunAnggaran = satuTahun(spentYears)
        for chunk in owned(spent, new: newElements).chunked(500) {
            for row in try await entriTersimpan(
                RealisasiAnggaranModel.self, pemilik: "elemen_id", chunk, pemda: pemda, tahun: tahunAnggaran, on: db)
            {
                money[.anggaran(TypedID(row.elemenID), row.periode)] = row
            }
        }
        func show(_ sen: Int64?, _ fisik: String?) -> String {
            (sen.map { IndonesianFormat.rupiah(Rupiah(sen: $0)) } ?? "-") + " / fisik "
                + (fisik.flatMap { Decimal(string: $0) }.map { IndonesianFormat.number($0) + " %" } ?? "-")
        }
        for anggaran in change.anggaran {
            let key = anggaran.kunci
            let existing = money[key]
            let fisik = anggaran.fisik?.plainString
            if let existing, existing.keuanganSen == anggaran.keuangan?.sen, existing.fisik == fisik { continue }
            guard
                check(
                    key, storedVersion: existing?.versi, stored: show(existing?.keuanganSen, existing?.fisik),
                    entered: show(anggaran.keuangan?.sen, fisik))
            else { continue }
            plan.place(
                RealisasiAnggaranModel.self, anggaran, pemda: pemda, pd: pdOf(elemen: anggaran.elemen),
                menggantikan: existing)
            plan.catat(
                key, pd: pdOf(elemen: anggaran.elemen), lama: existing.map { show($0.keuanganSen, $0.fisik) } ?? "",
                baru: show(anggaran.keuangan?.sen, fisik))
        }
        // Deletions: an entry that is not stored is already deleted.
        for key in change.hapus {
            let found: (table: String, id: UUID?, versi: Int, teks: String)?
            switch key {
            case .target: found = targets[key].map { ("target", $0.id, $0.versi, $0.teks) }
            case .pagu:
                found = ceilings[key].map {
                    ("pagu", $0.id, $0.versi, IndonesianFormat.rupiah(Rupiah(sen: $0.jumlahSen)))
                }
            case .realisasi: found = achieved[key].map { ("realisasi_kinerja", $0.id, $0.versi, $0.teks) }
            case .anggaran:
                found = money[key].map { ("realisasi_anggaran", $0.id, $0.versi, show($0.keuanganSen, $0.fisik)) }
            }
            guard let found, let id = found.id else { continue }
            guard check(key, storedVersion: found.versi, stored: found.teks, entered: "(kosong)") else { continue }
            plan.buang.append((found.table, id))
            let pd: UUID? =
                switch key {
                case .target, .realisasi: owners.pdIndikator[key.pemilik] ?? nil
                case .pagu, .anggaran: owners.pdElemen[key.pemilik] ?? nil
                }
            plan.ubahan.append(.init(key: key, pd: pd, lama: found.teks, baru: ""))
        }
        return plan
    }

    func writeEntries(_ plan: EntryPlan, on db: any Database) async throws -> Int {
        // Replaced rows keep their id and take the next version: deleted, then inserted with the new rows.
        let replaced = plan.ganti.map { (Swift.type(of: $0).schema, $0.rawID) }
        for (table, ids) in Dictionary(grouping: plan.buang + replaced, by: \.0) {
            for chunk in ids.map(\.1).chunked(500) {
                guard let sql = db as? any SQLDatabase else { throw DomainError.tidakSah(field: "db", pesan: "SQL") }
                try await sql.delete(from: table).where("id", .in, chunk).run()
            }
        }
        for rows in Dictionary(grouping: plan.ganti, by: { Swift.type(of: $0).schema }).values {
            try await insertMixed(rows, on: db)
        }
        for (table, rows) in plan.baru.sorted(by: { $0.key < $1.key }) {
            try await insertValues(into: table, columns: rows.kolom, rows.baris, on: db)
        }
        return plan.jumlahBaru + plan.ganti.count + plan.buang.count
    }

    /// Urusan, periods, PD, units, officials, elements, indicators, the Pemda's policy and profile: each table in a
    /// handful of statements whatever the number of rows.
    func writeStructure(
        _ perubahan: PerubahanData, pemda: UUID, owners: Owners, on db: any Database
    ) async throws -> Int {
        var written = try await writePemda(perubahan, pemda: pemda, on: db)
        try await insert(perubahan.perangkatDaerahBaru.map { PerangkatDaerahModel(pemda: pemda, $0) }, on: db)
        written += perubahan.perangkatDaerahBaru.count
        // A PD's Renstra period after its PD.
        written += try await writeUrusanPeriode(perubahan, pemda: pemda, on: db)
        var pdOfUnit = Dictionary(
            perubahan.unitKerjaBaru.map { ($0.id, $0.perangkatDaerah.uuid) }, uniquingKeysWith: { first, _ in first })
        try await insert(
            Self.parentsFirst(perubahan.unitKerjaBaru, id: \.id, parent: \.induk).map {
                UnitKerjaModel(pemda: pemda, $0)
            },
            on: db)
        written += perubahan.unitKerjaBaru.count
        let storedUnits = Set(perubahan.pejabatBaru.map(\.unitKerja)).filter { pdOfUnit[$0] == nil }
        for chunk in storedUnits.map(\.uuid).chunked(500) {
            for row in try await UnitKerjaModel.query(on: db).filter(\.$pemdaID == pemda).filter(\.$id ~~ chunk)
                .field(\.$id).field(\.$perangkatDaerahID).all()
            {
                pdOfUnit[TypedID(row.id!)] = row.perangkatDaerahID
            }
        }
        let officials = try perubahan.pejabatBaru.map { pejabat in
            guard let pd = pdOfUnit[pejabat.unitKerja] else {
                throw DomainError.tidakDitemukan("Unit kerja pejabat \(pejabat.nama)")
            }
            return PejabatModel(pemda: pemda, pd: pd, pejabat)
        }
        try await insert(officials, on: db)
        written += officials.count
        // New elements and indicators as their values, without a model each (`EntryRow`).
        try await insertValues(
            into: ElemenRencanaModel.schema, columns: ElemenRencanaModel.columns,
            Self.parentsFirst(perubahan.elemenBaru, id: \.id, parent: \.induk).map {
                ElemenRencanaModel.baris(pemda: pemda, $0)
            },
            on: db)
        written += perubahan.elemenBaru.count
        try await Self.checkStored(
            ElemenRencanaModel.self, perubahan.elemenUbah.map(\.id.uuid), pemda: pemda, apa: "Elemen rencana", on: db)
        try await updateRows(
            perubahan.elemenUbah.map { ElemenRencanaModel(pemda: pemda, $0) },
            columns: ElemenRencanaModel.updatableColumns,
            on: db)
        written += perubahan.elemenUbah.count
        var newIndicators: [[ColumnValue]] = []
        for indikator in perubahan.indikatorBaru {
            // Where each new indicator belongs was read once, with the rules (`owners`).
            guard let pd = owners.pdIndikator[indikator.id.uuid] else {
                throw DomainError.tidakDitemukan("Elemen rencana")
            }
            newIndicators.append(IndikatorModel.baris(pemda: pemda, pd: pd, indikator))
        }
        try await insertValues(into: IndikatorModel.schema, columns: IndikatorModel.columns, newIndicators, on: db)
        written += newIndicators.count
        try await Self.checkStored(
            IndikatorModel.self, perubahan.indikatorUbah.map(\.id.uuid), pemda: pemda, apa: "Indikator", on: db)
        try await updateRows(
            perubahan.indikatorUbah.map { IndikatorModel(pemda: pemda, pd: nil, $0) },
            columns: IndikatorModel.updatableColumns,
            on: db)
        written += perubahan.indikatorUbah.count
        return written
    }

    /// Every id is a stored row of the Pemda (one query per 500).
    static func checkStored<M: Model>(
        _: M.Type, _ ids: [UUID], pemda: UUID, apa: String, on db: any Database
    ) async throws where M.IDValue == UUID {
        guard !ids.isEmpty, let sql = db as? any SQLDatabase else { return }
        var found = 0
        for chunk in Array(Set(ids)).chunked(500) {
            let row = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from(M.schema).where("pemda_id", .equal, SQLBind(pemda)).where("id", .in, chunk).first()
            found += try row?.decode(column: "n", as: Int.self) ?? 0
        }
        guard found == Set(ids).count else { throw DomainError.tidakDitemukan(apa) }
    }

    /// The Pemda's settings and policy (with its category bands), and its profile.
    func writePemda(_ perubahan: PerubahanData, pemda: UUID, on db: any Database) async throws -> Int {
        var written = 0
        if let policy = perubahan.pemda {
            guard let existing = try await PemdaModel.find(pemda, on: db), policy.id.uuid == pemda else {
                throw DomainError.tidakDitemukan("Pemda")
            }
            existing.apply(policy)
            try await existing.update(on: db)
            try await KategoriModel.query(on: db).filter(\.$pemdaID == pemda).delete()
            try await insert(policy.kebijakan.kategori.pita.map { KategoriModel(pemda: pemda, $0) }, on: db)
            written += 1
        }
        if let profil = perubahan.profil {
            let row = try await PemdaProfilModel.find(pemda, on: db) ?? PemdaProfilModel()
            row.id = pemda
            row.alamat = profil.alamat.trimmed()
            row.kepalaDaerah = profil.kepalaDaerah.trimmed()
            if let logo = profil.logo {
                row.logo = logo
                row.logoJenis = ProfilPemda.jenisGambar(logo)
            } else if perubahan.hapusLogo {
                row.logo = nil
                row.logoJenis = nil
            }
            try await row.save(on: db)
            written += 1
        }
        return written
    }

    /// Urusan names (new or renamed) and new periods: the Pemda's stored ones read once, then one INSERT and one
    /// UPDATE.
    func writeUrusanPeriode(_ perubahan: PerubahanData, pemda: UUID, on db: any Database) async throws -> Int {
        var written = 0
        if !perubahan.urusan.isEmpty {
            let stored = Dictionary(
                try await UrusanModel.query(on: db).filter(\.$pemdaID == pemda).all().map { ($0.kode, $0) },
                uniquingKeysWith: { first, _ in first })
            var fresh: [String: UrusanModel] = [:]
            var renamed: [UrusanModel] = []
            for item in perubahan.urusan {
                if let row = stored[item.kode] {
                    guard row.nama != item.nama else { continue }
                    row.nama = item.nama
                    renamed.append(row)
                } else {
                    let row = UrusanModel()
                    row.id = UUID.acak()
                    row.pemdaID = pemda
                    row.kode = item.kode
                    row.nama = item.nama
                    fresh[item.kode] = row
                }
            }
            try await insert(Array(fresh.values), on: db)
            try await updateRows(renamed, columns: ["nama"], on: db)
            written += fresh.count + renamed.count
        }
        if !perubahan.periodeBaru.isEmpty {
            func key(_ jenis: String, _ awal: Int, _ pd: UUID?) -> String {
                "\(jenis)|\(awal)|\(pd?.uuidString ?? "-")"
            }
            var taken = Set(
                try await PeriodeModel.query(on: db).filter(\.$pemdaID == pemda).all().map {
                    key($0.jenis, $0.tahunAwal, $0.perangkatDaerahID)
                })
            for periode in perubahan.periodeBaru {
                let inserted = taken.insert(
                    key(periode.jenis.rawValue, periode.tahunAwal, periode.perangkatDaerah?.uuid)
                ).inserted
                guard inserted else { throw DomainError.konflik("Periode \(periode.nama) sudah ada.") }
            }
            try await insert(perubahan.periodeBaru.map { PeriodeModel(pemda: pemda, $0) }, on: db)
            written += perubahan.periodeBaru.count
        }
        return written
    }

    /// Evidence: a new file for an indicator and period replaces the earlier one (no pile of versions), and a PD's
    /// evidence together stays within its space.
    func writeBukti(
        _ perubahan: PerubahanData, pemda: UUID, owners: Owners, sekarang: Date, on db: any Database
    ) async throws -> Int {
        guard !perubahan.bukti.isEmpty else { return 0 }
        for (pd, files) in Dictionary(grouping: perubahan.bukti, by: { owners.pdIndikator[$0.indikator.uuid] ?? nil }) {
            guard let pd else { throw DomainError.tidakSah(field: "bukti", pesan: "Bukti hanya untuk indikator PD.") }
            for file in files {
                try await BuktiModel.query(on: db).filter(\.$perangkatDaerahID == pd)
                    .filter(\.$indikatorID == file.indikator.uuid).filter(\.$tahun == file.periode.tahun)
                    .filter(\.$triwulan == file.periode.kodeTriwulan).delete()
            }
            let used = try await BuktiModel.query(on: db).filter(\.$perangkatDaerahID == pd).sum(\.$ukuran) ?? 0
            let adding = files.reduce(0) { $0 + $1.isi.count }
            guard used + adding <= Self.batasBuktiPD else {
                throw DomainError.tidakSah(
                    field: "bukti",
                    pesan: "Ruang bukti perangkat daerah ini penuh: terpakai \(used >> 20) MB, unggahan ini "
                        + "\(max(1, adding >> 20)) MB, batas \(Self.batasBuktiPD >> 20) MB. Hubungi admin Pemda.")
            }
            for file in files {
                let row = BuktiModel()
                row.pemdaID = pemda
                row.perangkatDaerahID = pd
                row.indikatorID = file.indikator.uuid
                row.tahun = file.periode.tahun
                row.triwulan = file.periode.kodeTriwulan
                row.namaBerkas = file.namaBerkas
                row.jenis = file.jenis
                row.ukuran = file.isi.count
                row.isi = file.isi
                row.diunggahOleh = perubahan.oleh
                row.waktu = sekarang
                try await row.create(on: db)
            }
        }
        return perubahan.bukti.count
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements.
    func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
