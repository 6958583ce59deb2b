import Foundation
import KinerjaDomain

/// Accumulates a `DataKinerja` while a source (seed files, a generator) is read. Node and indicator lookups by
/// name let several tables of one document merge into one tree.
final class DataBuilder {
    var data: DataKinerja
    private var nodeByKey: [String: ElemenRencana] = [:]
    private var indikatorByKey: [String: Indikator] = [:]
    private var unitByKey: [String: UnitKerja] = [:]
    private var counter = 0

    init(pemda: Pemda) { data = DataKinerja(pemda: pemda) }

    func nextOrder() -> Int {
        counter += 1
        return counter
    }

    func pd(kode: String, nama: String, singkatan: String) -> PerangkatDaerah {
        if let existing = data.perangkatDaerah.first(where: { $0.kode == kode }) { return existing }
        let pd = PerangkatDaerah(kode: kode, nama: nama, singkatan: singkatan)
        data.perangkatDaerah.append(pd)
        return pd
    }

    /// A unit found by its position title within a PD; created under `induk` when new.
    func unit(pd: PerangkatDaerah, jabatan: String, eselon: Eselon, induk: UnitKerja? = nil) -> UnitKerja {
        let key = pd.kode + "|" + jabatan.lowercased()
        if let existing = unitByKey[key] { return existing }
        let unit = UnitKerja(perangkatDaerah: pd.id, induk: induk?.id, nama: jabatan, jabatan: jabatan, eselon: eselon)
        unitByKey[key] = unit
        data.unitKerja.append(unit)
        return unit
    }

    /// A node found by (PD, parent, level, kode or uraian); created when new.
    func node(
        pd: PerangkatDaerah?, induk: ElemenRencana?, tingkat: Tingkat, kode: Kode? = nil, nomor: String = "",
        uraian: String, penanggungJawab: String = "", unitKerja: UnitKerja? = nil, merge: Bool = true
    ) throws -> ElemenRencana {
        let identity = kode?.normal ?? uraian.lowercased().trimmed()
        let key = [pd?.kode ?? "-", tingkat.rawValue, kode == nil ? (induk?.id.description ?? "-") : "", identity]
            .joined(separator: "|")
        if merge, let existing = nodeByKey[key] { return existing }
        let node = try ElemenRencana(
            perangkatDaerah: pd?.id, induk: induk?.id, tingkat: tingkat, kode: kode, nomor: nomor, uraian: uraian,
            penanggungJawab: penanggungJawab, unitKerja: unitKerja?.id, urutan: nextOrder())
        try node.validasiInduk(induk)
        nodeByKey[key] = node
        data.elemen.append(node)
        return node
    }

    /// An existing node of a PD by level and uraian (case-insensitive), wherever it hangs.
    func find(pd: PerangkatDaerah?, tingkat: Tingkat, uraian: String) -> ElemenRencana? {
        let key = uraian.lowercased().trimmed()
        return data.elemen.first {
            $0.perangkatDaerah == pd?.id && $0.tingkat == tingkat && $0.uraian.lowercased() == key
        }
    }

    /// An indicator found by (node, name); created when new.
    func indikator(
        on node: ElemenRencana, nama: String, satuan: String, polaritas: Polaritas = .naik,
        jenisNilai: JenisNilai? = nil,
        agregasi: Agregasi? = nil, skala: String? = nil, definisi: DefinisiOperasional = .init(),
        sumberData: String = "", penanggungJawab: String = "", isIKU: Bool = false, baseline: Baseline? = nil
    ) throws -> Indikator {
        let key = node.id.description + "|" + nama.lowercased().trimmed()
        if let existing = indikatorByKey[key] { return existing }
        let kind = jenisNilai ?? (satuan.contains("%") || nama.lowercased().hasPrefix("persen") ? .persen : .angka)
        let indikator = try Indikator(
            elemen: node.id, nama: nama, satuan: satuan, jenis: node.tingkat.jenisIndikatorDiharapkan,
            polaritas: polaritas, jenisNilai: kind, agregasi: agregasi, skala: skala, definisi: definisi,
            sumberData: sumberData, penanggungJawab: penanggungJawab, isIKU: isIKU, baseline: baseline,
            urutan: nextOrder())
        indikatorByKey[key] = indikator
        data.indikator.append(indikator)
        return indikator
    }

    func target(
        _ indikator: Indikator, _ dokumen: DokumenRencana, tahun: Int, triwulan: Int? = nil, _ nilai: Nilai?,
        teks: String = ""
    ) {
        guard let nilai else { return }
        data.target.append(
            Target(
                indikator: indikator.id, dokumen: dokumen, periode: PeriodeLaporan(tahun: tahun, triwulan: triwulan),
                nilai: nilai, teks: teks))
    }

    func realisasi(_ indikator: Indikator, tahun: Int, triwulan: Int? = nil, _ nilai: Nilai?, teks: String = "") throws
    {
        guard let nilai else { return }
        data.realisasi.append(
            try RealisasiKinerja(
                indikator: indikator.id, periode: PeriodeLaporan(tahun: tahun, triwulan: triwulan), nilai: nilai,
                teks: teks))
    }

    func pagu(
        _ node: ElemenRencana, _ dokumen: DokumenRencana, tahun: Int, sen: Int64?, sumberDana: String = "",
        lokasi: String = ""
    ) throws {
        guard let sen else { return }
        data.pagu.append(
            try Pagu(
                elemen: node.id, dokumen: dokumen, tahun: tahun, jumlah: Rupiah(sen: sen), sumberDana: sumberDana,
                lokasi: lokasi))
    }
}

/// Reads the seed extracts shipped with the demo (copied from shared/data; see Resources/seed-data/README.md).
public enum SeedFiles {
    /// The text of a shipped seed extract, e.g. `003/capaian_sasaran_2022.csv`.
    public static func text(_ path: String) throws -> String {
        guard let base = Bundle.module.resourceURL else { throw DemoError("Berkas demo tidak ditemukan.") }
        let url = base.appendingPathComponent("seed-data").appendingPathComponent(path)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw DemoError("Berkas demo \(path) tidak ditemukan di \(url.path).")
        }
        return text
    }
}

struct DemoError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension Dictionary where Key == String, Value == String {
    /// A trimmed field; empty when absent.
    subscript(field key: String) -> String {
        (self[key] ?? "").trimmed()
    }

    func decimal(_ key: String) -> Decimal? { Decimal(plain: self[field: key]) }
}
