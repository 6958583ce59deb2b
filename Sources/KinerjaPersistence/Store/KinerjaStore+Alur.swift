import FluentKit
import Foundation
import KinerjaDomain
import SQLKit

/// The workflow and the history inside the one write path (`apply`): which items a change set's entries touch,
/// whether each still takes changes, the steps asked for, and one history line per entry, step and structural
/// change. Reads for the pages: statuses, windows, reopenings and history.
extension KinerjaStore {
    /// What the workflow check found: the steps to write (with the status each leaves) and the PD names.
    struct AlurPlan {
        var langkah: [(LangkahAlur, dari: StatusAlur, ke: StatusAlur)] = []
        var namaPD: [UUID: String] = [:]
        /// Stored Renstra targets replaced in a Renstra that went through the workflow: kept as murni.
        var murni: [TargetModel] = []
    }

    /// The workflow item an entry belongs to (nil: an entry of the Pemda itself, such as an RPJMD target).
    static func objek(_ key: KunciIsian, pd: UUID?, jumlahTriwulan: Int) -> ObjekAlur? {
        guard let pd else { return nil }
        switch key {
        case .target(_, let dokumen, let periode):
            return ObjekAlur.Jenis(dokumen).map {
                ObjekAlur(perangkatDaerah: TypedID(pd), jenis: $0, tahun: periode.tahun)
            }
        case .pagu(_, let dokumen, let tahun):
            return ObjekAlur.Jenis(dokumen).map { ObjekAlur(perangkatDaerah: TypedID(pd), jenis: $0, tahun: tahun) }
        case .realisasi(_, let periode), .anggaran(_, let periode):
            return .realisasi(TypedID(pd), periode, jumlahTriwulan: jumlahTriwulan)
        }
    }

    static func checkAlur(
        _ change: PerubahanData, _ plan: EntryPlan, owners: Owners, pemda: UUID, sekarang: Date, on db: any Database
    ) async throws -> AlurPlan {
        var result = AlurPlan()
        guard
            !plan.ubahan.isEmpty || !change.bukti.isEmpty || !change.langkah.isEmpty || !change.naratif.isEmpty
                || !change.naskah.isEmpty
        else { return result }
        guard let pemdaRow = try await PemdaModel.find(pemda, on: db) else { throw DomainError.tidakDitemukan("Pemda") }
        let quarters = pemdaRow.jumlahTriwulan
        var objects = Set(plan.ubahan.compactMap { objek($0.key, pd: $0.pd, jumlahTriwulan: quarters) })
        for text in change.naratif {
            objects.insert(
                ObjekAlur(
                    perangkatDaerah: text.perangkatDaerah, jenis: .realisasi, tahun: text.tahun, triwulan: text.triwulan
                ))
        }
        for text in change.naskah {
            objects.insert(ObjekAlur(perangkatDaerah: text.perangkatDaerah, jenis: .lkjip, tahun: text.tahun))
        }
        for file in change.bukti {
            if let pd = owners.pdIndikator[file.indikator.uuid] ?? nil {
                objects.insert(ObjekAlur.realisasi(TypedID(pd), file.periode, jumlahTriwulan: quarters))
            }
        }
        let pds = Set(objects.map(\.perangkatDaerah.uuid) + change.langkah.map(\.objek.perangkatDaerah.uuid))
        guard !pds.isEmpty else { return result }
        var stored: [ObjekAlur: StatusTersimpan] = [:]
        for row in try await StatusAlurModel.query(on: db).filter(\.$pemdaID == pemda)
            .filter(\.$perangkatDaerahID ~~ Array(pds)).all()
        {
            let status = try row.domain()
            stored[status.objek] = status
        }
        for row in try await PerangkatDaerahModel.query(on: db).filter(\.$pemdaID == pemda).filter(\.$id ~~ Array(pds))
            .all()
        {
            result.namaPD[row.id!] = row.nama
        }
        for pd in change.perangkatDaerahBaru { result.namaPD[pd.id.uuid] = pd.nama }
        guard pds.allSatisfy({ result.namaPD[$0] != nil }) else { throw DomainError.tidakDitemukan("Perangkat daerah") }
        // Entries: only into items that take changes, in sorted order so the message is the same every time.
        for item in objects.sorted(by: {
            ($0.tahun, $0.triwulan, $0.jenis.rawValue) < ($1.tahun, $1.triwulan, $1.jenis.rawValue)
        }) {
            if let status = stored[item], !status.status.bolehDiubah {
                throw IsianTerkunci.status(status, namaPD: result.namaPD[item.perangkatDaerah.uuid] ?? "")
            }
        }
        // A Renstra that went through the workflow (it has a status) is revised, not corrected; so is a PK reopened
        // after it was locked (draf with a stored status: a PK Perubahan). A stored target replaced needs the
        // year's basis, and its former value is kept as murni.
        var renstraRevised: Set<ObjekAlur> = []
        for item in plan.ubahan {
            guard case .target(_, let dokumen, let periode) = item.key, let old = item.targetLama,
                let object = objek(item.key, pd: item.pd, jumlahTriwulan: quarters), let status = stored[object]
            else { continue }
            let revising =
                dokumen == .renstra
                || (dokumen == .perjanjianKinerja && periode.triwulan == nil && status.status == .draf)
            guard revising else { continue }
            renstraRevised.insert(object)
            result.murni.append(old)
        }
        // A Renja Perubahan's figures only with its basis (reason and SK), stored or in this change set.
        let revised = objects.filter { $0.jenis == .renjaPerubahan }.union(renstraRevised)
        if !revised.isEmpty {
            var based = Set(change.revisi.map { "\($0.perangkatDaerah.uuid)/\($0.dokumen.rawValue)/\($0.tahun)" })
            for row in try await RevisiDokumenModel.query(on: db).filter(\.$pemdaID == pemda)
                .filter(\.$perangkatDaerahID ~~ Array(Set(revised.map(\.perangkatDaerah.uuid)))).all()
            {
                based.insert("\(row.perangkatDaerahID)/\(row.dokumen)/\(row.tahun)")
            }
            for item in revised.sorted(by: { ($0.tahun, $0.jenis.rawValue) < ($1.tahun, $1.jenis.rawValue) })
            where !based.contains("\(item.perangkatDaerah.uuid)/\(item.jenis.rawValue)/\(item.tahun)") {
                throw DomainError.tidakSah(
                    field: "revisi",
                    pesan: "\(item.label) \(result.namaPD[item.perangkatDaerah.uuid] ?? "") belum memiliki dasar "
                        + "perubahan"
                        + (item.jenis == .renstra ? " (Renstra yang sudah pernah diajukan hanya dapat direvisi)" : "")
                        + (item.jenis == .perjanjianKinerja
                            ? " (PK yang sudah dikunci hanya dapat diubah sebagai PK Perubahan)" : "")
                        + ": isi alasan, nomor dan tanggal SK perubahan dahulu.")
            }
        }
        let quartersTouched = objects.filter { $0.jenis == .realisasi }
        if !quartersTouched.isEmpty {
            let years = Array(Set(quartersTouched.map(\.tahun)))
            var windows: [String: JadwalPelaporan] = [:]
            for row in try await JadwalPelaporanModel.query(on: db).filter(\.$pemdaID == pemda)
                .filter(\.$tahun ~~ years).all()
            {
                windows["\(row.tahun)/\(row.triwulan)"] = try row.domain()
            }
            let reopened = try await PembukaanKhususModel.query(on: db).filter(\.$pemdaID == pemda)
                .filter(\.$tahun ~~ years).all().map { try $0.domain() }
            for item in quartersTouched {
                try JadwalPelaporan.periksa(
                    item, jadwal: windows["\(item.tahun)/\(item.triwulan)"], pembukaan: reopened, sekarang: sekarang,
                    namaPD: result.namaPD[item.perangkatDaerah.uuid] ?? "")
            }
        }
        // Steps: each from the status before it (several steps on one item apply in order).
        var current = stored.mapValues(\.status)
        for step in change.langkah {
            let seen = stored[step.objek]
            if let read = step.versiDibaca, read != (seen?.versi ?? 0) {
                throw DomainError.konflik(
                    "\(step.objek.label) \(result.namaPD[step.objek.perangkatDaerah.uuid] ?? "") telah berubah sejak "
                        + "halaman Anda dibuka (kini \((seen?.status ?? .draf).label.lowercased())"
                        + (seen.map { " oleh \($0.oleh), \(IndonesianFormat.waktu($0.waktu))" } ?? "")
                        + "). Muat ulang halaman, periksa kembali, lalu ulangi langkah Anda.")
            }
            let from = current[step.objek] ?? .draf
            let to = try AturanAlur.periksa(
                step.transisi, oleh: step.pelaku, objek: step.objek, pemda: TypedID(pemda), status: from,
                catatan: step.catatan)
            current[step.objek] = to
            result.langkah.append((step, from, to))
        }
        return result
    }

    /// The statuses the steps lead to (one row per item, replaced), the windows (one per year and triwulan,
    /// replaced) and the reopenings.
    func writeAlur(
        _ change: PerubahanData, _ alur: AlurPlan, pemda: UUID, sekarang: Date, on db: any Database
    ) async throws -> Int {
        var versions: [ObjekAlur: Int] = [:]
        for (step, _, to) in alur.langkah {
            let previous =
                try await StatusAlurModel.query(on: db).filter(\.$pemdaID == pemda)
                .filter(\.$perangkatDaerahID == step.objek.perangkatDaerah.uuid)
                .filter(\.$jenis == step.objek.jenis.rawValue).filter(\.$tahun == step.objek.tahun)
                .filter(\.$triwulan == step.objek.triwulan).first()?.versi ?? 0
            let versi = max(previous, versions[step.objek] ?? 0) + 1
            versions[step.objek] = versi
            try await StatusAlurModel.query(on: db).filter(\.$pemdaID == pemda)
                .filter(\.$perangkatDaerahID == step.objek.perangkatDaerah.uuid)
                .filter(\.$jenis == step.objek.jenis.rawValue).filter(\.$tahun == step.objek.tahun)
                .filter(\.$triwulan == step.objek.triwulan).delete()
            try await StatusAlurModel(
                pemda: pemda,
                StatusTersimpan(
                    objek: step.objek, status: to, catatan: step.catatan, oleh: step.pelaku.namaPengguna,
                    waktu: sekarang, versi: versi)
            ).create(on: db)
        }
        // Statuses set directly: the items' rows replaced in one DELETE per item kind and year, one INSERT.
        if !change.penetapan.isEmpty {
            let keys = Set(change.penetapan.map(\.objek))
            for group in Dictionary(grouping: keys, by: { "\($0.jenis.rawValue)/\($0.tahun)" }).values {
                let first = group[0]
                try await StatusAlurModel.query(on: db).filter(\.$pemdaID == pemda)
                    .filter(\.$jenis == first.jenis.rawValue).filter(\.$tahun == first.tahun)
                    .filter(\.$perangkatDaerahID ~~ Set(group.map(\.perangkatDaerah.uuid)))
                    .filter(\.$triwulan ~~ Set(group.map(\.triwulan))).all()
                    .filter { row in
                        keys.contains(
                            ObjekAlur(
                                perangkatDaerah: TypedID(row.perangkatDaerahID), jenis: first.jenis, tahun: row.tahun,
                                triwulan: row.triwulan))
                    }
                    .delete(on: db)
            }
            try await insert(change.penetapan.map { StatusAlurModel(pemda: pemda, $0) }, on: db)
        }
        // The murni of revised Renstra targets: the first value replaced is kept, later revisions keep it.
        if !alur.murni.isEmpty {
            var kept: Set<String> = []
            for chunk in Set(alur.murni.map(\.indikatorID)).map({ $0 }).chunked(500) {
                for row in try await TargetMurniModel.query(on: db).filter(\.$indikatorID ~~ chunk).all() {
                    kept.insert("\(row.indikatorID)/\(row.dokumen)/\(row.tahun)/\(row.triwulan)")
                }
            }
            let fresh = alur.murni.filter {
                kept.insert("\($0.indikatorID)/\($0.dokumen)/\($0.tahun)/\($0.triwulan)").inserted
            }
            try await insert(fresh.map { TargetMurniModel($0, waktu: sekarang) }, on: db)
        }
        for text in change.naratif {
            let stored = try await EvaluasiNaratifModel.query(on: db).filter(\.$pemdaID == pemda)
                .filter(\.$perangkatDaerahID == text.perangkatDaerah.uuid).filter(\.$tahun == text.tahun)
                .filter(\.$triwulan == text.triwulan).first()
            try await stored?.delete(on: db)
            try await EvaluasiNaratifModel(pemda: pemda, text).create(on: db)
            // History: each text that changed, old → new.
            let before = try stored?.domain()
            for (index, part) in text.bagian.enumerated() where part.teks != (before?.bagian[index].teks ?? "") {
                try await RiwayatModel(
                    pemda: pemda,
                    Riwayat(
                        perangkatDaerah: text.perangkatDaerah, waktu: sekarang, oleh: change.oleh,
                        sumber: change.sumber,
                        entitas: "evaluasi", kunci: nil, uraian: part.label,
                        periode: "\(text.tahun) TW \(PeriodeLaporan.romawi(text.triwulan))",
                        lama: before?.bagian[index].teks ?? "", baru: part.teks)
                ).create(on: db)
            }
        }
        for text in change.naskah {
            let stored = try await NaskahLKjIPModel.query(on: db).filter(\.$pemdaID == pemda)
                .filter(\.$perangkatDaerahID == text.perangkatDaerah.uuid).filter(\.$tahun == text.tahun)
                .filter(\.$bagian == text.bagian.rawValue).first()
            guard stored?.teks != text.teks else { continue }
            try await stored?.delete(on: db)
            try await NaskahLKjIPModel(pemda: pemda, text).create(on: db)
            try await RiwayatModel(
                pemda: pemda,
                Riwayat(
                    perangkatDaerah: text.perangkatDaerah, waktu: sekarang, oleh: change.oleh, sumber: change.sumber,
                    entitas: "lkjip", kunci: nil, uraian: "LKjIP · \(text.bagian.label)", periode: "\(text.tahun)",
                    lama: stored?.teks ?? "", baru: text.teks)
            ).create(on: db)
        }
        for item in change.revisi {
            try await RevisiDokumenModel.query(on: db).filter(\.$pemdaID == pemda)
                .filter(\.$perangkatDaerahID == item.perangkatDaerah.uuid).filter(\.$dokumen == item.dokumen.rawValue)
                .filter(\.$tahun == item.tahun).delete()
            try await RevisiDokumenModel(pemda: pemda, item).create(on: db)
        }
        for window in change.jadwal {
            try await JadwalPelaporanModel.query(on: db).filter(\.$pemdaID == pemda).filter(\.$tahun == window.tahun)
                .filter(\.$triwulan == window.triwulan).delete()
            try await JadwalPelaporanModel(pemda: pemda, window).create(on: db)
        }
        try await insert(change.pembukaan.map { PembukaanKhususModel(pemda: pemda, $0) }, on: db)
        return alur.langkah.count + change.jadwal.count + change.pembukaan.count + change.penetapan.count
            + change.revisi.count + change.naratif.count + change.naskah.count
    }

    /// An entry's kind, description and period in the history.
    static func riwayatIsian(_ key: KunciIsian) -> (entitas: String, uraian: String, periode: String) {
        switch key {
        case .target(_, let dokumen, let periode): ("target", "Target \(dokumen.label)", periode.description)
        case .pagu(_, let dokumen, let tahun): ("pagu", "Pagu \(dokumen.label)", "\(tahun)")
        case .realisasi(_, let periode): ("realisasi", "Realisasi kinerja", periode.description)
        case .anggaran(_, let periode): ("realisasi keuangan", "Realisasi keuangan / fisik", periode.description)
        }
    }

    /// One history line per entry written, step taken and structural change, in multi-row INSERTs.
    func writeRiwayat(
        _ change: PerubahanData, _ plan: EntryPlan, _ alur: AlurPlan, _ before: StrukturLama, pemda: UUID,
        sekarang: Date, on db: any Database
    ) async throws {
        var lines: [Riwayat] = []
        func add(
            _ pd: UUID?, _ entitas: String, _ kunci: UUID?, _ uraian: String, periode: String = "", lama: String = "",
            baru: String, oleh: String? = nil
        ) {
            lines.append(
                Riwayat(
                    perangkatDaerah: pd.map(TypedID.init), waktu: sekarang, oleh: oleh ?? change.oleh,
                    sumber: change.sumber,
                    entitas: entitas, kunci: kunci, uraian: uraian, periode: periode, lama: lama, baru: baru))
        }
        // An entry of an indicator or element the change set creates is written into that creation line
        // ("dibuat · Target Renja 2025: 12"): a new PD's plan is one line per element and indicator, not one per
        // value too (a whole Renja of 20 000 sub kegiatan was 90 000 lines, most of the apply's time).
        let created = Set(change.indikatorBaru.map(\.id.uuid)).union(change.elemenBaru.map(\.id.uuid))
        var initial: [UUID: [String]] = [:]
        for item in plan.ubahan {
            let (entitas, uraian, periode) = Self.riwayatIsian(item.key)
            if item.lama.isEmpty, created.contains(item.key.pemilik) {
                initial[item.key.pemilik, default: []].append("\(uraian) \(periode): \(item.baru)")
            } else {
                add(item.pd, entitas, item.key.pemilik, uraian, periode: periode, lama: item.lama, baru: item.baru)
            }
        }
        func dibuat(_ id: UUID) -> String { (["dibuat"] + (initial[id] ?? [])).joined(separator: " · ") }
        for (step, from, to) in alur.langkah {
            add(
                step.objek.perangkatDaerah.uuid, "status", nil,
                "\(step.objek.label): \(step.transisi.label)" + (step.catatan.isEmpty ? "" : " — \(step.catatan)"),
                periode: step.objek.jenis == .realisasi
                    ? "\(step.objek.tahun) TW \(PeriodeLaporan.romawi(step.objek.triwulan))" : "\(step.objek.tahun)",
                lama: from.label, baru: to.label, oleh: step.pelaku.namaPengguna)
        }
        for item in change.revisi {
            add(
                item.perangkatDaerah.uuid, "revisi", nil, "Dasar perubahan \(item.dokumen.label)",
                periode: "\(item.tahun)",
                baru: item.uraian + (item.lampiran.map { " (lampiran \($0.namaBerkas))" } ?? ""))
        }
        for item in change.penetapan {
            add(
                item.objek.perangkatDaerah.uuid, "status", nil, "\(item.objek.label): ditetapkan langsung",
                periode: "\(item.objek.tahun)", baru: item.status.label)
        }
        for node in change.elemenBaru {
            add(node.perangkatDaerah?.uuid, "elemen", node.id.uuid, node.label, baru: dibuat(node.id.uuid))
        }
        for node in change.elemenUbah {
            let old = before.elemen[node.id.uuid]
            let model = ElemenRencanaModel(pemda: pemda, node)
            let fields: [(String, String?, String?)] = [
                ("Uraian", old?.uraian, model.uraian), ("Kode", old?.kodeAsli ?? nil, model.kodeAsli),
                ("Nomor", old?.nomor, model.nomor), ("Rumusan hasil", old?.hasil, model.hasil),
                ("Penanggung jawab", old?.penanggungJawab, model.penanggungJawab),
            ]
            for (label, was, now) in fields where was != now {
                add(
                    node.perangkatDaerah?.uuid, "elemen", node.id.uuid, "\(node.label) · \(label)", lama: was ?? "",
                    baru: now ?? "")
            }
        }
        for indikator in change.indikatorBaru {
            add(nil, "indikator", indikator.id.uuid, indikator.nama, baru: dibuat(indikator.id.uuid))
        }
        for indikator in change.indikatorUbah {
            let old = before.indikator[indikator.id.uuid]
            let model = IndikatorModel(pemda: pemda, pd: nil, indikator)
            let fields: [(String, String?, String?)] = [
                ("Nama", old?.nama, model.nama), ("Satuan", old?.satuan, model.satuan),
                ("Jenis", old?.jenis, model.jenis),
                ("Polaritas", old?.polaritas, model.polaritas), ("Agregasi", old?.agregasi, model.agregasi),
                ("Kondisi awal", old?.baselineTeks ?? nil, model.baselineTeks),
                ("Sumber data", old?.sumberData, model.sumberData),
                ("Penanggung jawab", old?.penanggungJawab, model.penanggungJawab),
                ("IKU", old.map { $0.iku ? "ya" : "tidak" }, model.iku ? "ya" : "tidak"),
            ]
            for (label, was, now) in fields where was != now {
                add(
                    old?.perangkatDaerahID, "indikator", indikator.id.uuid, "\(indikator.nama) · \(label)",
                    lama: was ?? "", baru: now ?? "")
            }
        }
        for pd in change.perangkatDaerahBaru {
            add(pd.id.uuid, "organisasi", nil, "Perangkat daerah \(pd.nama)", baru: "dibuat")
        }
        for unit in change.unitKerjaBaru {
            add(unit.perangkatDaerah.uuid, "organisasi", nil, "Unit kerja \(unit.nama)", baru: "dibuat")
        }
        for pejabat in change.pejabatBaru { add(nil, "organisasi", nil, "Pejabat \(pejabat.nama)", baru: "dibuat") }
        for periode in change.periodeBaru {
            add(periode.perangkatDaerah?.uuid, "periode", nil, periode.nama, baru: "dibuat")
        }
        for item in change.urusan { add(nil, "urusan", nil, "\(item.kode) \(item.nama)", baru: "disimpan") }
        if change.pemda != nil { add(nil, "pemda", nil, "Pengaturan dan kebijakan capaian", baru: "diubah") }
        if change.profil != nil { add(nil, "pemda", nil, "Alamat, logo kop dan nama kepala daerah", baru: "diubah") }
        for window in change.jadwal {
            add(
                nil, "jadwal", nil, "Jadwal pengisian realisasi",
                periode: "\(window.tahun) TW \(PeriodeLaporan.romawi(window.triwulan))",
                baru: "\(IndonesianFormat.tanggal(window.buka)) s.d. \(IndonesianFormat.tanggal(window.hariTerakhir))")
        }
        for item in change.pembukaan {
            add(
                item.perangkatDaerah.uuid, "jadwal", nil, "Dibuka kembali — \(item.alasan)",
                periode: "\(item.tahun) TW \(PeriodeLaporan.romawi(item.triwulan))",
                baru: "sampai \(IndonesianFormat.waktu(item.sampai))")
        }
        for file in change.bukti {
            add(
                nil, "bukti", file.indikator.uuid, "Bukti realisasi", periode: file.periode.description,
                baru: file.namaBerkas)
        }
        // Values straight from the lines: no model per row (an import of 90 000 entries writes as many lines).
        try await insertValues(
            into: RiwayatModel.schema, columns: RiwayatModel.columns,
            lines.map { line in
                ColumnValue.row(
                    UUID.acak(), pemda, line.perangkatDaerah?.uuid, line.waktu, line.oleh, line.sumber, line.entitas,
                    line.kunci, line.uraian, line.periode, line.lama, line.baru)
            }, on: db)
    }
}

/// Reads of the workflow and the history.
extension KinerjaStore {
    /// The stored statuses of a Pemda's items (of one PD, of one year), without the drafts no one touched.
    public func statusAlur(
        pemda: TypedID<Pemda>, pd: TypedID<PerangkatDaerah>? = nil, tahun: Int? = nil
    ) async throws -> [StatusTersimpan] {
        var query = StatusAlurModel.query(on: db).filter(\.$pemdaID == pemda.uuid)
        if let pd { query = query.filter(\.$perangkatDaerahID == pd.uuid) }
        if let tahun { query = query.filter(\.$tahun == tahun) }
        return try await query.all().map { try $0.domain() }
    }

    public func jadwal(pemda: TypedID<Pemda>, tahun: Int) async throws -> [JadwalPelaporan] {
        try await JadwalPelaporanModel.query(on: db).filter(\.$pemdaID == pemda.uuid).filter(\.$tahun == tahun)
            .sort(\.$triwulan).all().map { try $0.domain() }
    }

    public func pembukaan(pemda: TypedID<Pemda>, tahun: Int) async throws -> [PembukaanKhusus] {
        try await PembukaanKhususModel.query(on: db).filter(\.$pemdaID == pemda.uuid).filter(\.$tahun == tahun)
            .sort(\.$waktu).all().map { try $0.domain() }
    }

    /// History, newest first: of a PD, of one indicator or element (`kunci`), between two moments, by one person.
    public func riwayat(
        pemda: TypedID<Pemda>, pd: TypedID<PerangkatDaerah>? = nil, kunci: UUID? = nil, dari: Date? = nil,
        sampai: Date? = nil, oleh: String? = nil, batas: Int = 1000
    ) async throws -> [Riwayat] {
        var query = RiwayatModel.query(on: db).filter(\.$pemdaID == pemda.uuid)
        if let pd { query = query.filter(\.$perangkatDaerahID == pd.uuid) }
        if let kunci { query = query.filter(\.$kunci == kunci) }
        if let dari { query = query.filter(\.$waktu >= dari) }
        if let sampai { query = query.filter(\.$waktu < sampai) }
        if let oleh, !oleh.isEmpty { query = query.filter(\.$oleh == oleh) }
        return try await query.sort(\.$waktu, .descending).limit(batas).all().map { $0.domain() }
    }
}

extension KinerjaStore {
    /// Why an item takes no entries at `sekarang` (its status, or its reporting window), in the words the write path
    /// would refuse with; nil when it takes them. For a form to show itself read-only before anyone types.
    public func alasanTerkunci(
        pemda: Pemda, pd: PerangkatDaerah, objek: ObjekAlur, sekarang: Date
    ) async throws -> String? {
        let stored = try await statusAlur(pemda: pemda.id, pd: pd.id, tahun: objek.tahun).first { $0.objek == objek }
        if let stored, !stored.status.bolehDiubah { return IsianTerkunci.status(stored, namaPD: pd.nama).pesan }
        guard objek.jenis == .realisasi else { return nil }
        let window = try await jadwal(pemda: pemda.id, tahun: objek.tahun).first { $0.triwulan == objek.triwulan }
        let reopened = try await pembukaan(pemda: pemda.id, tahun: objek.tahun)
        let result = Result { () throws(IsianTerkunci) in
            try JadwalPelaporan.periksa(objek, jadwal: window, pembukaan: reopened, sekarang: sekarang, namaPD: pd.nama)
        }
        if case .failure(let locked) = result { return locked.pesan }
        return nil
    }
}

extension KinerjaStore {
    /// The bases of revised documents of a Pemda (of one PD, of one year); the SK files are not read.
    public func revisi(
        pemda: TypedID<Pemda>, pd: TypedID<PerangkatDaerah>? = nil, tahun: Int? = nil, denganLampiran: Bool = false
    ) async throws -> [RevisiDokumen] {
        var query = RevisiDokumenModel.query(on: db).filter(\.$pemdaID == pemda.uuid)
        if let pd { query = query.filter(\.$perangkatDaerahID == pd.uuid) }
        if let tahun { query = query.filter(\.$tahun == tahun) }
        if !denganLampiran {
            query = query.field(\.$id).field(\.$pemdaID).field(\.$perangkatDaerahID).field(\.$dokumen).field(\.$tahun)
                .field(\.$alasan).field(\.$nomorSK).field(\.$tanggalSK).field(\.$lampiranNama).field(\.$lampiranJenis)
                .field(\.$oleh).field(\.$waktu)
        }
        return try await query.sort(\.$tahun).all().map { row in
            var item = try row.domain()
            if !denganLampiran, let name = row.lampiranNama {
                item.lampiran = RevisiDokumen.Lampiran(namaBerkas: name, jenis: row.lampiranJenis ?? "", isi: Data())
            }
            return item
        }
    }
}

extension KinerjaStore {
    /// The murni values of a PD's revised targets (of one year, when asked).
    public func targetMurni(
        pemda: TypedID<Pemda>, pd: TypedID<PerangkatDaerah>, tahun: Int? = nil
    ) async throws
        -> [Target]
    {
        var query = TargetMurniModel.query(on: db).filter(\.$pemdaID == pemda.uuid)
            .filter(\.$perangkatDaerahID == pd.uuid)
        if let tahun { query = query.filter(\.$tahun == tahun) }
        return try await query.all().map { try $0.domain() }
    }
}

extension KinerjaStore {
    /// The texts of a PD's quarterly evaluations of a year.
    public func naratif(
        pemda: TypedID<Pemda>, pd: TypedID<PerangkatDaerah>, tahun: Int
    ) async throws
        -> [EvaluasiNaratif]
    {
        try await EvaluasiNaratifModel.query(on: db).filter(\.$pemdaID == pemda.uuid)
            .filter(\.$perangkatDaerahID == pd.uuid).filter(\.$tahun == tahun).sort(\.$triwulan).all()
            .map { try $0.domain() }
    }
}

extension KinerjaStore {
    /// The stored sections of a PD's LKjIP of a year (a section never written is absent).
    public func naskahLKjIP(
        pemda: TypedID<Pemda>, pd: TypedID<PerangkatDaerah>, tahun: Int
    ) async throws -> [BagianLKjIP: String] {
        var result: [BagianLKjIP: String] = [:]
        for row in try await NaskahLKjIPModel.query(on: db).filter(\.$pemdaID == pemda.uuid)
            .filter(\.$perangkatDaerahID == pd.uuid).filter(\.$tahun == tahun).all()
        {
            let item = try row.domain()
            result[item.bagian] = item.teks
        }
        return result
    }
}

extension KinerjaStore {
    /// The stored rows of the elements and indicators a change set changes, for their history (one query per 500).
    struct StrukturLama {
        var elemen: [UUID: ElemenRencanaModel] = [:]
        var indikator: [UUID: IndikatorModel] = [:]
    }

    static func strukturLama(_ change: PerubahanData, on db: any Database) async throws -> StrukturLama {
        var result = StrukturLama()
        for chunk in change.elemenUbah.map(\.id.uuid).chunked(500) {
            for row in try await ElemenRencanaModel.query(on: db).filter(\.$id ~~ chunk).all() {
                result.elemen[row.id!] = row
            }
        }
        for chunk in change.indikatorUbah.map(\.id.uuid).chunked(500) {
            for row in try await IndikatorModel.query(on: db).filter(\.$id ~~ chunk).all() {
                result.indikator[row.id!] = row
            }
        }
        return result
    }
}
