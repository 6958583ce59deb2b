import Foundation
import KinerjaDomain
import KinerjaSpreadsheet

extension Demo {
    /// Kabupaten Balangan: IKU of the Sekretariat Daerah per bagian and eselon, 2021-2026 (seed 004).
    ///
    /// Each kinerja utama is a sasaran of its unit: the Setda-level sasaran (Eselon II) at the root, each Kabag's
    /// (Eselon III) under it, each Kasubbag's (Eselon IV) under the first Eselon III sasaran of the same bagian:
    /// the document does not say which one, so this link is inferred.
    static func balangan() throws -> DataKinerja {
        let b = DataBuilder(pemda: Pemda(nama: "Kabupaten Balangan", jenis: .kabupaten, ibukota: "Paringin"))
        let pd = b.pd(kode: "SETDA", nama: "Sekretariat Daerah", singkatan: "Setda")
        b.data.periode += [
            try Periode(jenis: .rpjmd, tahunAwal: 2021, tahunAkhir: 2026),
            try Periode(jenis: .renstra, tahunAwal: 2021, tahunAkhir: 2026, perangkatDaerah: pd.id),
        ]
        let sekda = b.unit(pd: pd, jabatan: "Sekretaris Daerah", eselon: .ii)
        var root: ElemenRencana?
        var firstIII: [String: ElemenRencana] = [:]
        var lastKinerja = ""
        for row in try CSV.records(try SeedFiles.text("004/iku_setda.csv")) {
            let bagian = row[field: "bagian"]
            let level = row[field: "eselon_level"]
            let eselon: Eselon = level.hasPrefix("IV") ? .iv : level.hasPrefix("III") ? .iii : .ii
            if !row[field: "kinerja_utama"].isEmpty { lastKinerja = row[field: "kinerja_utama"] }
            let namaBagian = bagian.hasPrefix("Bagian") ? bagian : "Bagian " + bagian
            var unit = sekda
            if eselon != .ii {
                let kabag = b.unit(
                    pd: pd, jabatan: "Kabag " + namaBagian.dropFirst("Bagian ".count), eselon: .iii, induk: sekda)
                unit = kabag
                if eselon == .iv {
                    let pj = row[field: "penanggung_jawab"]
                    let group = row[field: "jabatan_group"]
                    let jabatan = !group.isEmpty ? group.capitalized : !pj.isEmpty ? pj : "Kasubbag " + namaBagian
                    unit = b.unit(pd: pd, jabatan: jabatan, eselon: .iv, induk: kabag)
                }
            }
            let parent: ElemenRencana? = eselon == .ii ? nil : eselon == .iii ? root : (firstIII[bagian] ?? root)
            let sasaran = try b.node(
                pd: pd, induk: parent, tingkat: .sasaranPD, uraian: lastKinerja, penanggungJawab: unit.jabatan,
                unitKerja: unit)
            if eselon == .ii { root = root ?? sasaran }
            if eselon == .iii, firstIII[bagian] == nil { firstIII[bagian] = sasaran }

            let nama = row[field: "indikator"]
            let values = (2021...2026).map { year in
                (
                    year, row[field: "target_\(year)_text"], row[field: "target_\(year)_value"],
                    row[field: "target_\(year)_qualifier"]
                )
            }
            let isSAKIP = nama.lowercased().contains("sakip")
            let hasQualifier = values.contains { !$0.3.isEmpty }
            let unitText =
                values.map(\.1).compactMap { (try? NilaiParser.parse($0, desimal: .koma))??.satuan }
                .first { !$0.isEmpty } ?? ""
            let baseline = row[field: "baseline_text"]
            let indikator = try b.indikator(
                on: sasaran, nama: nama, satuan: isSAKIP ? "Nilai" : unitText,
                jenisNilai: isSAKIP ? .predikat : hasQualifier ? .indeks : nil, skala: isSAKIP ? "sakip" : nil,
                definisi: definisi(row[field: "definisi_makna_alasan_cara_hitung"]),
                sumberData: row[field: "sumber_data"],
                penanggungJawab: row[field: "penanggung_jawab"], isIKU: true,
                baseline: baseline.isEmpty
                    ? nil
                    : Baseline(
                        tahun: 2020, nilai: nilai(value: row[field: "baseline_value"], text: baseline), teks: baseline))
            for (year, text, value, qualifier) in values where !text.isEmpty {
                b.target(
                    indikator, .renstra, tahun: year, nilai(value: value, qualifier: qualifier, text: text), teks: text)
            }
        }
        return b.data
    }

    /// Splits "Makna : … Alasan Pemilihan : … Cara Hitung : …" where the markers are printed.
    static func definisi(_ text: String) -> DefinisiOperasional {
        let lower = text.lowercased()
        func position(_ markers: [String]) -> String.Index? {
            markers.compactMap { lower.range(of: $0)?.lowerBound }.min()
        }
        let alasan = position(["alasan pemilihan", "asas pemilihan", "asasas pemilihan", "alasan :"])
        let cara = position(["cara hitung", "rumus perhitungan", "perhitungan atau penjelasan", "cara menghitung"])
        func slice(_ from: String.Index?, _ to: String.Index?) -> String {
            let start = from ?? text.startIndex
            let end = to ?? text.endIndex
            guard start < end else { return "" }
            return String(text[start..<end]).trimmedSpaces()
        }
        let firstMarker = [alasan, cara].compactMap { $0 }.min()
        let makna = slice(text.startIndex, firstMarker)
        let alasanText = alasan.map { slice($0, cara.flatMap { $0 > alasan! ? $0 : nil }) } ?? ""
        let caraText = cara.map { slice($0, alasan.flatMap { $0 > cara! ? $0 : nil }) } ?? ""
        return DefinisiOperasional(makna: makna, alasanPemilihan: alasanText, rumus: caraText)
    }
}
