import Foundation
import KinerjaDomain

/// What an import will do, shown before anything is written: what it creates, changes and leaves alone, and every
/// error and warning with sheet, row and column.
public struct Pratinjau: Sendable, Codable {
    public var temuan: [Temuan] = []
    /// Human-readable lines.
    public var dibuat: [String] = []
    public var diubah: [String] = []
    public var tetap = 0
    public var perubahan = PerubahanData()
    /// Rows printed without kode and the stored elements they were matched to.
    public var dicocokkan: [Pencocokan] = []

    public init() {}

    enum CodingKeys: String, CodingKey {
        case temuan, dibuat, diubah, tetap, perubahan, dicocokkan
    }

    /// Previews kept with uploads made before `dicocokkan` existed still read.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        temuan = try container.decode([Temuan].self, forKey: .temuan)
        dibuat = try container.decode([String].self, forKey: .dibuat)
        diubah = try container.decode([String].self, forKey: .diubah)
        tetap = try container.decode(Int.self, forKey: .tetap)
        perubahan = try container.decode(PerubahanData.self, forKey: .perubahan)
        dicocokkan = try container.decodeIfPresent([Pencocokan].self, forKey: .dicocokkan) ?? []
    }

    public var galat: [Temuan] { temuan.filter { $0.keparahan == .galat } }
    public var bisaDiterapkan: Bool { galat.isEmpty }

    /// A plain-text report for the CLI.
    public var laporan: String {
        var lines: [String] = []
        lines.append("Dibuat: \(dibuat.count) · diubah: \(diubah.count) · tetap: \(tetap)")
        for line in dibuat.prefix(200) { lines.append("  + " + line) }
        if dibuat.count > 200 { lines.append("  … dan \(dibuat.count - 200) lagi") }
        for line in diubah.prefix(200) { lines.append("  ~ " + line) }
        if diubah.count > 200 { lines.append("  … dan \(diubah.count - 200) lagi") }
        if !dicocokkan.isEmpty { lines.append("Baris tanpa kode yang dicocokkan: \(dicocokkan.count)") }
        for match in dicocokkan { lines.append("  = " + match.description) }
        let errors = galat.count
        let warnings = temuan.count - errors
        lines.append("Galat: \(errors) · peringatan/temuan: \(warnings)")
        for finding in temuan.sorted(by: {
            ($0.keparahan, $0.lembar, $0.baris ?? 0) < ($1.keparahan, $1.lembar, $1.baris ?? 0)
        }) {
            var line = "  " + finding.description
            if let printed = finding.tercetak {
                line += " [tercetak \(printed)" + (finding.dihitung.map { ", dihitung \($0)" } ?? "") + "]"
            }
            lines.append(line)
        }
        lines.append(
            bisaDiterapkan
                ? (perubahan.isEmpty ? "Tidak ada yang berubah." : "Siap diterapkan (--apply).")
                : "Tidak dapat diterapkan: perbaiki galat di atas.")
        return lines.joined(separator: "\n")
    }
}

/// Compares template rows with what is stored for one PD and prepares the writes.
struct RencanaPlanner {
    let pd: PerangkatDaerah
    let existing: IndeksKinerja
    var pratinjau = Pratinjau()

    private var nodeByKode: [String: ElemenRencana] = [:]
    private var nodeByName: [String: ElemenRencana] = [:]
    private var indikatorByKey: [String: Indikator] = [:]
    private var targetByKey: [String: Target] = [:]
    private var paguByKey: [String: Pagu] = [:]
    private var realisasiByKey: [String: RealisasiKinerja] = [:]
    private var anggaranByKey: [String: RealisasiAnggaran] = [:]
    private var seenRows: [String: Int] = [:]
    // Where each planned change sits in `pratinjau.perubahan`, so that planning stays linear in the rows: a later
    // row for the same key replaces the earlier change in place instead of searching the list.
    private var elemenBaruIDs: Set<TypedID<ElemenRencana>> = []
    private var elemenUbahIDs: Set<TypedID<ElemenRencana>> = []
    private var indikatorBaruIndex: [TypedID<Indikator>: Int] = [:]
    private var indikatorUbahIndex: [TypedID<Indikator>: Int] = [:]
    private var targetIndex: [String: Int] = [:]
    private var paguIndex: [String: Int] = [:]
    private var realisasiIndex: [String: Int] = [:]
    private var anggaranIndex: [String: Int] = [:]
    /// Indicators given rencana aksi targets, with the last row that gave one (where a check names the problem).
    private var rencanaAksi: [TypedID<Indikator>: (indikator: Indikator, lembar: String, baris: Int, tahun: Int)] = [:]

    init(pd: PerangkatDaerah, existing data: DataKinerja) {
        self.pd = pd
        self.existing = IndeksKinerja(data)
        for node in data.elemen where node.perangkatDaerah == pd.id {
            if let kode = node.kode {
                nodeByKode[kode.normal] = node
            } else {
                nodeByName[Self.nameKey(node.tingkat, node.uraian, induk: node.induk)] = node
            }
        }
        for indikator in data.indikator {
            indikatorByKey[Self.indikatorKey(indikator.elemen, indikator.nama)] = indikator
        }
        for target in data.target { targetByKey[Self.targetKey(target)] = target }
        for pagu in data.pagu { paguByKey[Self.paguKey(pagu.elemen, pagu.dokumen, pagu.tahun)] = pagu }
        for realisasi in data.realisasi {
            realisasiByKey[Self.realisasiKey(realisasi.indikator, realisasi.periode)] = realisasi
        }
        for anggaran in data.anggaran { anggaranByKey[Self.anggaranKey(anggaran.elemen, anggaran.periode)] = anggaran }
    }

    /// Elements without kode are the same element when level, parent and name agree (the cascading repeats names
    /// under different parents).
    static func nameKey(_ tingkat: Tingkat, _ uraian: String, induk: TypedID<ElemenRencana>?) -> String {
        tingkat.rawValue + "|" + (induk?.description ?? "-") + "|"
            + uraian.lowercased().trimmed()
    }
    static func indikatorKey(_ node: TypedID<ElemenRencana>, _ name: String) -> String {
        node.description + "|" + name.lowercased().trimmed()
    }
    static func targetKey(_ target: Target) -> String {
        "\(target.indikator)|\(target.dokumen.rawValue)|\(target.periode.tahun)|\(target.periode.triwulan ?? 0)"
    }
    static func paguKey(_ node: TypedID<ElemenRencana>, _ dokumen: DokumenRencana, _ tahun: Int) -> String {
        "\(node)|\(dokumen.rawValue)|\(tahun)"
    }
    static func realisasiKey(_ indikator: TypedID<Indikator>, _ periode: PeriodeLaporan) -> String {
        "\(indikator)|\(periode.tahun)|\(periode.triwulan ?? 0)"
    }
    static func anggaranKey(_ node: TypedID<ElemenRencana>, _ periode: PeriodeLaporan) -> String {
        "\(node)|\(periode.tahun)|\(periode.triwulan ?? 0)"
    }

    mutating func finding(
        _ row: RencanaBaris, _ keparahan: Temuan.Keparahan, _ jenis: Temuan.Jenis, kolom: String?, _ message: String
    ) {
        pratinjau.temuan.append(
            Temuan(keparahan, jenis, lembar: row.lembar, baris: row.nomor, kolom: kolom, pesan: message))
    }

    /// Plans the rows of the `rencana`/`iku` template. Parents: a kegiatan or sub kegiatan hangs under the element
    /// whose kode its kode extends; a sasaran under the last tujuan above it; a program under the last sasaran
    /// above it in the file (else where it already is, else at the root).
    mutating func rencana(_ rows: [RencanaBaris]) {
        var lastByLevel: [Tingkat: ElemenRencana] = [:]
        var byNumber: [String: ElemenRencana] = [:]
        for row in rows {
            var parent: ElemenRencana?
            if !row.induk.isEmpty {
                // An explicit tree (cascading template): the parent is the row numbered `induk`.
                guard let found = byNumber[row.induk] else {
                    finding(
                        row, .galat, .indukTidakAda, kolom: "induk",
                        "Baris induk nomor \(row.induk) tidak ada di atas baris ini.")
                    continue
                }
                parent = found
            } else if let kode = row.kode, let parentKode = kode.induk {
                guard let found = nodeByKode[parentKode.normal] else {
                    finding(
                        row, .galat, .indukTidakAda, kolom: "kode",
                        "Induk \(parentKode.normal) dari kode \(kode.asli) tidak ada di berkas maupun data.")
                    continue
                }
                parent = found
            } else {
                let candidates: [Tingkat]
                switch row.tingkat {
                case .misi: candidates = [.visi]
                case .tujuan: candidates = [.misi]
                case .sasaran: candidates = [.tujuan, .misi]
                case .tujuanPD: candidates = []
                case .sasaranPD: candidates = [.tujuanPD]
                case .program: candidates = [.sasaranPD]
                default: candidates = []
                }
                parent = candidates.lazy.compactMap { lastByLevel[$0] }.first
            }
            let node: ElemenRencana
            do {
                node = try upsertNode(row, parent: parent)
            } catch {
                finding(row, .galat, .nilaiTidakSah, kolom: "uraian", error.description)
                continue
            }
            lastByLevel[row.tingkat] = node
            if !row.no.isEmpty { byNumber[row.no] = node }
            for level in Tingkat.allCases where level.depth > row.tingkat.depth { lastByLevel[level] = nil }

            let rowKey = node.id.description + "|" + row.indikator.lowercased() + "|" + row.dokumen.rawValue
            if let earlier = seenRows[rowKey] {
                // Rows with a kode are reported by the consistency check already.
                if row.kode == nil {
                    finding(
                        row, .galat, .kodeGanda, kolom: "uraian",
                        "\(node.label) dengan indikator \"\(row.indikator)\" sudah ada di baris \(earlier).")
                }
                continue
            }
            seenRows[rowKey] = row.nomor
            for (year, pagu) in row.pagu.sorted(by: { $0.key < $1.key }) {
                do {
                    try Pagu.periksaTingkat(node.tingkat, tahun: year)
                } catch {
                    finding(row, .galat, .nilaiTidakSah, kolom: "pagu_\(year)", error.pesan)
                    continue
                }
                upsertPagu(node: node, row: row, year: year, jumlah: pagu.jumlah, dokumen: pagu.dokumen)
            }
            if row.pagu.isEmpty, !row.keterangan.isEmpty {
                // A keterangan on an indicator row of an element whose pagu stands on another row (or is stored).
                let years = Set(row.target.filter { $0.value.dokumen != .prakiraanMaju }.keys)
                let withPagu = years.sorted().compactMap { year in
                    paguByKey[Self.paguKey(node.id, row.dokumen, year)].map { (year, $0) }
                }
                for (year, stored) in withPagu {
                    var carrier = row
                    carrier.lokasi = stored.lokasi
                    carrier.sumberDana = stored.sumberDana
                    upsertPagu(node: node, row: carrier, year: year, jumlah: stored.jumlah, dokumen: stored.dokumen)
                }
                if withPagu.isEmpty {
                    finding(
                        row, .peringatan, .nilaiTidakSah, kolom: row.kolom("keterangan"),
                        "Keterangan disimpan bersama pagu; \(node.label) tidak mempunyai pagu tahun ini, jadi keterangan tidak disimpan."
                    )
                }
            }
            guard !row.indikator.isEmpty else {
                if !row.target.isEmpty {
                    finding(row, .galat, .nilaiTidakSah, kolom: "indikator", "Target tanpa nama indikator.")
                }
                continue
            }
            guard let indikator = upsertIndikator(row, node: node) else { continue }
            for (year, target) in row.target.sorted(by: { $0.key < $1.key }) {
                upsert(
                    Target(
                        indikator: indikator.id, dokumen: target.dokumen, periode: PeriodeLaporan(tahun: year),
                        nilai: target.nilai, teks: target.teks))
            }
        }
    }

    mutating func upsertNode(_ row: RencanaBaris, parent: ElemenRencana?) throws(DomainError) -> ElemenRencana {
        if let kode = row.kode, var node = nodeByKode[kode.normal] {
            if node.uraian != row.uraian || node.kode?.asli != kode.asli
                || (!row.penanggungJawab.isEmpty && node.penanggungJawab != row.penanggungJawab)
                || (!row.hasil.isEmpty && node.hasil != row.hasil)
            {
                if elemenBaruIDs.contains(node.id) {
                    if node.uraian != row.uraian {
                        finding(
                            row, .peringatan, .kodeGanda, kolom: "uraian",
                            "Kode \(kode.asli) sudah dipakai dengan uraian \"\(node.uraian)\"; uraian baris ini diabaikan."
                        )
                    }
                    return node
                }
                node.uraian = row.uraian
                node.kode = kode
                if !row.penanggungJawab.isEmpty { node.penanggungJawab = row.penanggungJawab }
                // A blank statement in the file never erases a stored one.
                if !row.hasil.isEmpty { node.hasil = row.hasil }
                if elemenUbahIDs.insert(node.id).inserted {
                    pratinjau.perubahan.elemenUbah.append(node)
                    pratinjau.diubah.append("\(node.tingkat.label) \(kode.asli): uraian/penanggung jawab/hasil")
                } else if let at = pratinjau.perubahan.elemenUbah.firstIndex(where: { $0.id == node.id }) {
                    pratinjau.perubahan.elemenUbah[at] = node
                }
                nodeByKode[kode.normal] = node
            } else if !elemenBaruIDs.contains(node.id) {
                pratinjau.tetap += 1
            }
            return node
        }
        let nameKey = Self.nameKey(row.tingkat, row.uraian, induk: parent?.id)
        if row.kode == nil, let node = nodeByName[nameKey] {
            if !elemenBaruIDs.contains(node.id) { pratinjau.tetap += 1 }
            return node
        }
        let node = try ElemenRencana(
            perangkatDaerah: pd.id, induk: parent?.id, tingkat: row.tingkat, kode: row.kode, uraian: row.uraian,
            penanggungJawab: row.penanggungJawab, urutan: row.nomor, hasil: row.hasil)
        try node.validasiInduk(parent)
        pratinjau.perubahan.elemenBaru.append(node)
        elemenBaruIDs.insert(node.id)
        pratinjau.dibuat.append("\(node.tingkat.label) \(node.label)")
        if let kode = row.kode { nodeByKode[kode.normal] = node } else { nodeByName[nameKey] = node }
        return node
    }

    mutating func upsertIndikator(_ row: RencanaBaris, node: ElemenRencana) -> Indikator? {
        let key = Self.indikatorKey(node.id, row.indikator)
        if var indikator = indikatorByKey[key] {
            var changed = false
            if !row.satuan.isEmpty && indikator.satuan != row.satuan {
                indikator.satuan = row.satuan
                changed = true
            }
            if let polaritas = row.polaritas, polaritas != indikator.polaritas {
                indikator.polaritas = polaritas
                changed = true
            }
            if let agregasi = row.agregasi, agregasi != indikator.agregasi {
                indikator.agregasi = agregasi
                changed = true
            }
            if let definisi = row.definisi, definisi != indikator.definisi {
                indikator.definisi = definisi
                changed = true
            }
            if row.isIKU && !indikator.isIKU {
                indikator.isIKU = true
                changed = true
            }
            if !row.sumberData.isEmpty && indikator.sumberData != row.sumberData {
                indikator.sumberData = row.sumberData
                changed = true
            }
            if let baseline = row.baseline, indikator.baseline?.teks != baseline.teks {
                indikator.baseline = Baseline(tahun: nil, nilai: baseline.nilai, teks: baseline.teks)
                changed = true
            }
            if changed {
                if let index = indikatorBaruIndex[indikator.id] {
                    pratinjau.perubahan.indikatorBaru[index] = indikator
                } else if let index = indikatorUbahIndex[indikator.id] {
                    pratinjau.perubahan.indikatorUbah[index] = indikator
                } else {
                    indikatorUbahIndex[indikator.id] = pratinjau.perubahan.indikatorUbah.count
                    pratinjau.perubahan.indikatorUbah.append(indikator)
                    pratinjau.diubah.append("indikator \"\(indikator.nama)\" (\(node.label))")
                }
                indikatorByKey[key] = indikator
            } else {
                pratinjau.tetap += 1
            }
            return indikator
        }
        let kind: JenisNilai =
            row.satuan.contains("%") || row.indikator.lowercased().hasPrefix("persen") ? .persen : .angka
        do {
            let indikator = try Indikator(
                elemen: node.id, nama: row.indikator, satuan: row.satuan, jenis: node.tingkat.jenisIndikatorDiharapkan,
                polaritas: row.polaritas ?? .naik, jenisNilai: kind, agregasi: row.agregasi,
                definisi: row.definisi ?? .init(),
                sumberData: row.sumberData, penanggungJawab: row.penanggungJawab, isIKU: row.isIKU,
                baseline: row.baseline.map { Baseline(tahun: nil, nilai: $0.nilai, teks: $0.teks) }, urutan: row.nomor)
            indikatorBaruIndex[indikator.id] = pratinjau.perubahan.indikatorBaru.count
            pratinjau.perubahan.indikatorBaru.append(indikator)
            pratinjau.dibuat.append("indikator \"\(indikator.nama)\" (\(node.label))")
            indikatorByKey[key] = indikator
            return indikator
        } catch {
            finding(row, .galat, .nilaiTidakSah, kolom: "indikator", error.description)
            return nil
        }
    }

    mutating func upsert(_ target: Target) {
        let key = Self.targetKey(target)
        if let stored = targetByKey[key], stored.nilai == target.nilai, stored.teks == target.teks {
            pratinjau.tetap += 1
            return
        }
        let isNew = targetByKey[key] == nil
        targetByKey[key] = target
        Self.place(target, key, in: &pratinjau.perubahan.target, index: &targetIndex)
        catatVersi(target.kunci)
        let line = "target \(target.dokumen.label) \(target.periode): \(target.teks)"
        if isNew { pratinjau.dibuat.append(line) } else { pratinjau.diubah.append(line) }
    }

    mutating func upsertPagu(node: ElemenRencana, row: RencanaBaris, year: Int, jumlah: Rupiah, dokumen: DokumenRencana)
    {
        let key = Self.paguKey(node.id, dokumen, year)
        // The keterangan (catatan penting) belongs to the year's plan, not to the prakiraan maju; a blank one in the
        // file keeps what is stored.
        let note =
            dokumen == .prakiraanMaju || row.keterangan.isEmpty ? (paguByKey[key]?.keterangan ?? "") : row.keterangan
        if let stored = paguByKey[key], stored.jumlah == jumlah, stored.sumberDana == row.sumberDana,
            stored.lokasi == row.lokasi, stored.keterangan == note
        {
            pratinjau.tetap += 1
            return
        }
        guard
            let pagu = try? Pagu(
                elemen: node.id, dokumen: dokumen, tahun: year, jumlah: jumlah, sumberDana: row.sumberDana,
                lokasi: row.lokasi, keterangan: note)
        else {
            finding(row, .galat, .nilaiTidakSah, kolom: "keterangan", "Keterangan terlalu panjang.")
            return
        }
        let isNew = paguByKey[key] == nil
        paguByKey[key] = pagu
        Self.place(pagu, key, in: &pratinjau.perubahan.pagu, index: &paguIndex)
        catatVersi(pagu.kunci)
        let line = "pagu \(dokumen.label) \(year) \(node.kode?.asli ?? node.uraian): \(IndonesianFormat.rupiah(jumlah))"
        if isNew { pratinjau.dibuat.append(line) } else { pratinjau.diubah.append(line) }
    }

    /// The version an entry this import writes was read at (0: not stored): an entry changed since is refused at
    /// apply as a conflict naming it, as in a form.
    mutating func catatVersi(_ key: KunciIsian) {
        // Only stored entries: a new one has nothing to be stale against (and the web's apply checks the Pemda's
        // data version besides).
        guard let version = existing.data.versi?[key] else { return }
        pratinjau.perubahan.versiDibaca[key] = version
    }

    /// A planned change for `key`: replaces the earlier change of the same key where it stands, else is appended.
    static func place<T>(_ item: T, _ key: String, in list: inout [T], index: inout [String: Int]) {
        if let at = index[key] {
            list[at] = item
        } else {
            index[key] = list.count
            list.append(item)
        }
    }

    /// Plans realisasi rows: the element and indicator must exist (in the data or earlier in this import).
    mutating func realisasi(_ rows: [RealisasiBaris]) {
        // Elements without kode by their name, built once (was a search of every element for every row).
        var byUraian: [String: ElemenRencana] = [:]
        for node in nodeByName.values.sorted(by: { $0.urutan < $1.urutan }) {
            let key = node.uraian.lowercased()
            if byUraian[key] == nil { byUraian[key] = node }
        }
        for row in rows {
            let found: ElemenRencana?
            if let kode = row.kode {
                found = nodeByKode[kode.normal]
            } else {
                found = byUraian[row.uraian.lowercased().trimmed()]
            }
            guard let node = found else {
                let what = row.kode.map { "Kode \($0.asli)" } ?? "Uraian \"\(row.uraian)\""
                pratinjau.temuan.append(
                    Temuan(
                        .galat, .tidakDitemukan, lembar: row.lembar, baris: row.nomor,
                        kolom: row.kode == nil ? "uraian" : "kode",
                        pesan: "\(what) tidak ada pada rencana PD \(pd.kode)."))
                continue
            }
            let periode = PeriodeLaporan(tahun: row.tahun, triwulan: row.triwulan)
            var measured: Indikator?
            if row.realisasi != nil || row.targetTriwulan != nil {
                measured = indikatorByKey[Self.indikatorKey(node.id, row.indikator)]
                if measured == nil {
                    pratinjau.temuan.append(
                        Temuan(
                            .galat, .tidakDitemukan, lembar: row.lembar, baris: row.nomor, kolom: "indikator",
                            pesan: "Indikator \"\(row.indikator)\" tidak ada pada \(node.label)."))
                    continue
                }
            }
            if let target = row.targetTriwulan, let indikator = measured, periode.triwulan != nil {
                upsert(
                    Target(
                        indikator: indikator.id, dokumen: .perjanjianKinerja, periode: periode, nilai: target.nilai,
                        teks: target.teks))
                rencanaAksi[indikator.id] = (indikator, row.lembar, row.nomor, periode.tahun)
            }
            if let value = row.realisasi, let indikator = measured {
                guard
                    let item = try? RealisasiKinerja(
                        indikator: indikator.id, periode: periode, nilai: value.nilai, teks: value.teks)
                else {
                    pratinjau.temuan.append(
                        Temuan(
                            .galat, .nilaiTidakSah, lembar: row.lembar, baris: row.nomor, kolom: "realisasi",
                            pesan: "Realisasi tidak boleh berupa rentang."))
                    continue
                }
                let key = Self.realisasiKey(indikator.id, periode)
                if let stored = realisasiByKey[key], stored.nilai == item.nilai, stored.teks == item.teks {
                    pratinjau.tetap += 1
                } else {
                    let isNew = realisasiByKey[key] == nil
                    realisasiByKey[key] = item
                    Self.place(item, key, in: &pratinjau.perubahan.realisasi, index: &realisasiIndex)
                    catatVersi(item.kunci)
                    let line = "realisasi \(periode) \"\(indikator.nama)\": \(item.teks)"
                    if isNew { pratinjau.dibuat.append(line) } else { pratinjau.diubah.append(line) }
                }
            }
            guard row.keuangan != nil || row.fisik != nil else { continue }
            guard node.tingkat == .subKegiatan else {
                // Parents' money is Σ of their sub kegiatan: compared by the consistency check, not stored.
                continue
            }
            let item: RealisasiAnggaran
            do {
                item = try RealisasiAnggaran(
                    elemen: node.id, periode: periode, keuangan: row.keuangan, fisik: row.fisik)
            } catch {
                // The domain's rule and message.
                pratinjau.temuan.append(
                    Temuan(
                        .galat, .nilaiTidakSah, lembar: row.lembar, baris: row.nomor, kolom: error.field ?? "fisik",
                        pesan: error.pesan))
                continue
            }
            let key = Self.anggaranKey(node.id, periode)
            if let stored = anggaranByKey[key], stored == item {
                pratinjau.tetap += 1
            } else {
                let isNew = anggaranByKey[key] == nil
                anggaranByKey[key] = item
                Self.place(item, key, in: &pratinjau.perubahan.anggaran, index: &anggaranIndex)
                catatVersi(item.kunci)
                let line =
                    "realisasi keuangan \(periode) \(node.kode?.asli ?? ""): "
                    + (item.keuangan.map { IndonesianFormat.rupiah($0) } ?? "-")
                if isNew { pratinjau.dibuat.append(line) } else { pratinjau.diubah.append(line) }
            }
        }
        checkRencanaAksi()
    }

    /// The triwulan targets given (with those stored) against the year's target, by the indicator's aggregation,
    /// as the rencana aksi form checks them: a mismatch is an error on the indicator's last row.
    mutating func checkRencanaAksi() {
        let quarters = existing.data.pemda.jumlahTriwulan
        let stored = targetByKey
        for (id, place) in rencanaAksi.sorted(by: { $0.value.baris < $1.value.baris }) {
            func target(_ dokumen: DokumenRencana, _ triwulan: Int?) -> Nilai? {
                stored["\(id)|\(dokumen.rawValue)|\(place.tahun)|\(triwulan ?? 0)"]?.nilai
            }
            let year = DokumenRencana.prioritasTahunan.compactMap { target($0, nil) }.first
            let given = (1...quarters).map { target(.perjanjianKinerja, $0) }
            if let problem = RencanaAksi.periksa(place.indikator, tahun: year, triwulan: given) {
                pratinjau.temuan.append(
                    Temuan(
                        .galat, .nilaiTidakSah, lembar: place.lembar, baris: place.baris, kolom: "target_triwulan",
                        pesan: "Rencana aksi: " + problem))
            }
        }
    }
}
