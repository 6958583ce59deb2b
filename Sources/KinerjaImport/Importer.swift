import Foundation
import KinerjaDomain
import KinerjaSpreadsheet

/// Which kind of sheet to read; `otomatis` recognises templates and official layouts by their headers.
public enum JenisImpor: String, Sendable, CaseIterable {
    case otomatis
    case rencana
    case realisasi
    case iku
    case perangkatDaerah = "perangkat_daerah"
    case cascading
}

/// What a file contained, read and checked, before it is compared with stored data.
public struct HasilBaca: Sendable {
    public var rencana: [RencanaBaris] = []
    public var realisasi: [RealisasiBaris] = []
    public var organisasi: [OrganisasiBaris] = []
    public var temuan: [Temuan] = []
    /// Sheet name and the layout it was read as.
    public var lembar: [(nama: String, tataLetak: String)] = []
    /// The Renstra periods the file's T-C.27 tables cover (proposed when the PD has none for those years).
    public var periodeRenstra: [ClosedRange<Int>] = []
    /// Urusan and bidang urusan named by the official tables.
    public var urusan: [Urusan] = []
    /// Sheets read by none of the layouts and no saved mapping: the mapping step shows them.
    public var tidakDikenali: [LembarTidakDikenali] = []
    /// Official sheets printed without kode: their consistency check waits until their rows are matched to the
    /// stored plan (the hierarchy is known only then), with the total rows they printed.
    var ditunda: [String: [Int: (Rupiah, RencanaBaris)]] = [:]

    public var galat: [Temuan] { temuan.filter { $0.keparahan == .galat } }
}

public enum Importer {
    /// Reads every sheet of a file and runs the consistency check. Never throws: an unreadable file is a finding.
    public static func baca(
        _ data: Data, namaBerkas: String, jenis: JenisImpor = .otomatis, dokumen: DokumenRencana = .renstra,
        jumlahTriwulan: Int = 4, limits: XLSXReader.Limits = .init(), peta: [PetaLembar] = []
    ) -> HasilBaca {
        var result = HasilBaca()
        let tables: [TabelMasukan]
        do {
            tables = try TabelMasukan.baca(data, namaBerkas: namaBerkas, limits: limits)
        } catch {
            result.temuan.append(
                Temuan(.galat, .berkas, lembar: namaBerkas, baris: nil, kolom: nil, pesan: String(describing: error)))
            return result
        }
        if tables.isEmpty {
            result.temuan.append(
                Temuan(
                    .galat, .berkas, lembar: namaBerkas, baris: nil, kolom: nil, pesan: "Berkas tidak berisi lembar."))
        }
        for table in tables {
            let name = normalHeader(table.lembar)
            if ["petunjuk", "instructions", "instruksi", "keterangan"].contains(name) { continue }
            if table.baris.allSatisfy(\.isKosong) { continue }
            // A layout the Pemda mapped before: read as it said.
            if let (mapping, header) = Self.petaCocok(table, peta) {
                let template = mapping.sebagaiTemplat(table, kepala: header)
                if mapping.jenis == "realisasi" {
                    let (rows, findings) = RealisasiReader.baca(template, jumlahTriwulan: jumlahTriwulan)
                    result.lembar.append((table.lembar, "Peta kolom tersimpan (realisasi)"))
                    result.realisasi += rows
                    result.temuan += findings
                } else {
                    let (rows, findings) = RencanaReader.baca(template, dokumen: dokumen, iku: false)
                    result.lembar.append((table.lembar, "Peta kolom tersimpan (rencana)"))
                    result.rencana += rows
                    result.temuan += findings
                    result.temuan += Konsistensi.rencana(rows)
                }
                continue
            }
            var kind = jenis
            if kind == .otomatis {
                if name.hasPrefix("realisasi") {
                    kind = .realisasi
                } else if name.hasPrefix("iku") {
                    kind = .iku
                } else if name.hasPrefix("perangkat") || name.hasPrefix("organisasi") {
                    kind = .perangkatDaerah
                } else if name.hasPrefix("cascading") || name.hasPrefix("pohon") {
                    kind = .cascading
                } else if name.hasPrefix("rencana") {
                    kind = .rencana
                }
            }
            if kind == .otomatis || kind == .rencana {
                if let official = TataLetakResmi.evaluasi(table) {
                    result.lembar.append((table.lembar, "Evaluasi Renja (Tabel 2.1)"))
                    result.rencana += official.rencana
                    result.realisasi += official.realisasi
                    result.temuan += official.temuan
                    result.temuan += Konsistensi.rencana(official.rencana, periksaSatuan: false)
                    continue
                }
                if let official = TataLetakResmi.rencanaResmi(table) {
                    result.lembar.append((table.lembar, official.tataLetak))
                    result.rencana += official.rows
                    result.realisasi += official.realisasi
                    result.urusan += official.urusan
                    result.temuan += official.temuan
                    if official.rows.contains(where: \.tanpaKode) {
                        result.ditunda[table.lembar] = official.total
                    } else {
                        result.temuan += Konsistensi.rencana(official.rows, total: official.total)
                    }
                    if let periode = official.periode, !result.periodeRenstra.contains(periode) {
                        result.periodeRenstra.append(periode)
                    }
                    continue
                }
            }
            if kind == .otomatis {
                if PetaKolom.cari(table, wajib: ["kode_pd", "nama_pd"], dikenal: [], tahunan: []) != nil {
                    kind = .perangkatDaerah
                } else if PetaKolom.cari(table, wajib: ["uraian", "indikator"], dikenal: [], tahunan: []) != nil {
                    kind = .rencana
                } else if PetaKolom.cari(table, wajib: ["kode", "tahun"], dikenal: [], tahunan: []) != nil {
                    kind = .realisasi
                } else {
                    let mappable = LembarTidakDikenali.dari(table)
                    if let (sheet, _) = mappable { result.tidakDikenali.append(sheet) }
                    result.temuan.append(
                        Temuan(
                            .peringatan, .kolomTidakAda, lembar: table.lembar, baris: mappable?.0.barisKepala,
                            kolom: nil,
                            pesan:
                                "Lembar tidak dikenali (bukan templat rencana/realisasi/iku, Renstra T-C.27, Renja T-C.33, "
                                + "atau Tabel 2.1) dan dilewati"
                                + (mappable == nil
                                    ? "." : ": tandai kolomnya pada langkah peta kolom, lalu periksa lagi.")
                        ))
                    continue
                }
            }
            switch kind {
            case .perangkatDaerah:
                let (rows, findings) = OrganisasiReader.baca(table)
                result.lembar.append((table.lembar, "Templat perangkat daerah"))
                result.organisasi += rows
                result.temuan += findings
            case .rencana, .iku, .cascading:
                let (rows, findings) = RencanaReader.baca(table, dokumen: dokumen, iku: kind == .iku)
                let label = kind == .iku ? "Templat IKU" : kind == .cascading ? "Templat cascading" : "Templat rencana"
                result.lembar.append((table.lembar, label))
                result.rencana += rows
                result.temuan += findings
                result.temuan += Konsistensi.rencana(rows)
            case .realisasi:
                let (rows, findings) = RealisasiReader.baca(table, jumlahTriwulan: jumlahTriwulan)
                result.lembar.append((table.lembar, "Templat realisasi"))
                result.realisasi += rows
                result.temuan += findings
            case .otomatis:
                break
            }
        }
        if !result.realisasi.isEmpty {
            let paguByKode = paguLookup(result.rencana)
            result.temuan += Konsistensi.realisasi(result.realisasi) { kode, year in
                paguByKode[kode.normal + "|\(year)"]
            }
        }
        return result
    }

    /// Urusan and bidang urusan names: new, renamed, or as stored.
    static func rencanakanUrusan(_ items: [Urusan], existing: DataKinerja, pratinjau: inout Pratinjau) {
        let known = Dictionary(existing.urusan.map { ($0.kode, $0.nama) }, uniquingKeysWith: { first, _ in first })
        var named: Set<String> = []
        for item in items where !item.nama.isEmpty && named.insert(item.kode).inserted {
            let label = "\(item.isBidang ? "Bidang urusan" : "Urusan") \(item.kode) \(item.nama)"
            switch known[item.kode] {
            case nil:
                pratinjau.perubahan.urusan.append(item)
                pratinjau.dibuat.append(label)
            case let name? where name != item.nama:
                pratinjau.perubahan.urusan.append(item)
                pratinjau.diubah.append(label)
            default:
                pratinjau.tetap += 1
            }
        }
    }

    /// The saved mapping whose header signature one of the sheet's first rows has, with that row's index.
    static func petaCocok(_ table: TabelMasukan, _ peta: [PetaLembar]) -> (PetaLembar, Int)? {
        guard !peta.isEmpty else { return nil }
        let byTanda = Dictionary(peta.map { ($0.tanda, $0) }, uniquingKeysWith: { _, last in last })
        for (index, row) in table.baris.prefix(25).enumerated() {
            if let mapping = byTanda[LembarTidakDikenali.tanda(row)] { return (mapping, index) }
        }
        return nil
    }

    static func paguLookup(_ rows: [RencanaBaris]) -> [String: Rupiah] {
        var result: [String: Rupiah] = [:]
        for row in rows {
            guard let kode = row.kode else { continue }
            for (year, pagu) in row.pagu where result[kode.normal + "|\(year)"] == nil {
                result[kode.normal + "|\(year)"] = pagu.jumlah
            }
        }
        return result
    }

    /// Compares what was read with what is stored for `pd` and prepares the writes. Rows naming another PD in a
    /// `kode_pd` column are errors.
    public static func pratinjau(_ hasil: HasilBaca, pd: PerangkatDaerah, existing: DataKinerja) -> Pratinjau {
        var planner = RencanaPlanner(pd: pd, existing: existing)
        planner.pratinjau.temuan = hasil.temuan
        let foreign =
            hasil.rencana.filter { $0.kodePD != nil && $0.kodePD != pd.kode }.map { ($0.lembar, $0.nomor, $0.kodePD!) }
            + hasil.realisasi.filter { $0.kodePD != nil && $0.kodePD != pd.kode }.map {
                ($0.lembar, $0.nomor, $0.kodePD!)
            }
        for (sheet, row, other) in foreign {
            planner.pratinjau.temuan.append(
                Temuan(
                    .galat, .nilaiTidakSah, lembar: sheet, baris: row, kolom: "kode_pd",
                    pesan: "Baris untuk PD \(other), bukan \(pd.kode): impor per PD."))
        }
        rencanakanUrusan(hasil.urusan, existing: existing, pratinjau: &planner.pratinjau)
        for range in hasil.periodeRenstra {
            let covered = existing.periode.contains {
                $0.jenis == .renstra && ($0.perangkatDaerah == pd.id || $0.perangkatDaerah == nil)
                    && $0.tahunAwal <= range.lowerBound && $0.tahunAkhir >= range.upperBound
            }
            guard !covered,
                let periode = try? Periode(
                    jenis: .renstra, tahunAwal: range.lowerBound, tahunAkhir: range.upperBound, perangkatDaerah: pd.id)
            else { continue }
            planner.pratinjau.perubahan.periodeBaru.append(periode)
            planner.pratinjau.dibuat.append("\(periode.nama) \(pd.nama) (diusulkan dari berkas)")
        }
        var rencana = hasil.rencana.filter { $0.kodePD == nil || $0.kodePD == pd.kode }
        var realisasi = hasil.realisasi.filter { $0.kodePD == nil || $0.kodePD == pd.kode }
        if !hasil.ditunda.isEmpty {
            // Rows without kode take the kode of the stored element they match; then their sheet is checked.
            let before = Set(realisasi.filter { $0.kode == nil }.map { "\($0.lembar)|\($0.nomor)" })
            let (matches, findings) = Pencocok.cocokkan(
                rencana: &rencana, realisasi: &realisasi, data: existing, pd: pd)
            planner.pratinjau.dicocokkan = matches
            planner.pratinjau.temuan += findings
            for (sheet, total) in hasil.ditunda.sorted(by: { $0.key < $1.key }) {
                planner.pratinjau.temuan += Konsistensi.rencana(rencana.filter { $0.lembar == sheet }, total: total)
            }
            let matched = realisasi.filter { before.contains("\($0.lembar)|\($0.nomor)") && $0.kode != nil }
            let paguByKode = paguLookup(rencana)
            planner.pratinjau.temuan += Konsistensi.realisasi(matched) { kode, year in
                paguByKode[kode.normal + "|\(year)"]
            }
        }
        planner.rencana(rencana)
        planner.realisasi(realisasi)
        if hasil.rencana.isEmpty && !hasil.realisasi.isEmpty {
            // Printed % keuangan against the stored pagu.
            let index = IndeksKinerja(existing)
            var byKode: [String: TypedID<ElemenRencana>] = [:]
            for node in existing.elemen { if let kode = node.kode { byKode[kode.normal] = node.id } }
            planner.pratinjau.temuan += Konsistensi.realisasi(hasil.realisasi.filter { $0.persenKeuangan != nil }) {
                kode, year in
                byKode[kode.normal].flatMap { index.pagu($0, tahun: year) }
            }
        }
        return planner.pratinjau
    }

    /// Compares the `perangkat_daerah` rows with the Pemda's stored organisation (PD, units, officials).
    public static func pratinjauOrganisasi(_ hasil: HasilBaca, existing: DataKinerja) -> Pratinjau {
        var preview = Pratinjau()
        preview.temuan = hasil.temuan
        OrganisasiReader.rencanakan(hasil.organisasi, existing: existing, pratinjau: &preview)
        rencanakanUrusan(hasil.organisasi.flatMap(\.urusan) + hasil.urusan, existing: existing, pratinjau: &preview)
        return preview
    }

    /// The consistency findings as CSV (`;`, UTF-8 with BOM).
    public static func csv(_ findings: [Temuan]) -> String {
        CSV.write([Temuan.csvHeader] + findings.map(\.csvRow))
    }
}
