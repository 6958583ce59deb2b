import Foundation
import KinerjaDomain
import KinerjaSpreadsheet

extension Demo {
    /// Kabupaten Banyuasin: IKU Pemda (seed 001 Lampiran I) and the IKU of the 12 extracted PD (Lampiran II).
    static func banyuasin() throws -> DataKinerja {
        let b = DataBuilder(pemda: Pemda(nama: "Kabupaten Banyuasin", jenis: .kabupaten, ibukota: "Pangkalan Balai"))
        b.data.periode.append(try Periode(jenis: .rpjmd, tahunAwal: 2018, tahunAkhir: 2023))
        for row in try CSV.records(try SeedFiles.text("001/iku_pemda.csv")) {
            var parent: ElemenRencana?
            if !row[field: "misi"].isEmpty {
                parent = try b.node(pd: nil, induk: nil, tingkat: .misi, uraian: row[field: "misi"])
            }
            if !row[field: "tujuan"].isEmpty {
                parent = try b.node(pd: nil, induk: parent, tingkat: .tujuan, uraian: row[field: "tujuan"])
            }
            let sasaran = try b.node(
                pd: nil, induk: parent, tingkat: .sasaran, nomor: row[field: "sasaran_no_printed"],
                uraian: row[field: "sasaran"])
            try ikuIndikator(b, on: sasaran, row: row, rumusKey: "rumus_cara_mengukur")
        }
        for row in try CSV.records(try SeedFiles.text("001/iku_opd.csv")) {
            let number = Int(row[field: "no_perangkat_daerah"]) ?? 0
            let nama = row[field: "perangkat_daerah"]
            let pd = b.pd(kode: String(format: "PD%02d", number), nama: nama.capitalized, singkatan: "")
            let sasaran = try b.node(pd: pd, induk: nil, tingkat: .sasaranPD, uraian: row[field: "sasaran"])
            try ikuIndikator(b, on: sasaran, row: row, rumusKey: "rumus")
        }
        return b.data
    }

    static func ikuIndikator(_ b: DataBuilder, on node: ElemenRencana, row: [String: String], rumusKey: String) throws {
        var nama = row[field: "indikator"]
        let sub = row[field: "sub_indikator"]
        if !sub.isEmpty { nama += " – " + sub }
        var rumus = row[field: rumusKey]
        let subRumus = row[field: "sub_rumus"]
        if !subRumus.isEmpty { rumus = subRumus + ": " + rumus }
        _ = try b.indikator(
            on: node, nama: nama, satuan: row[field: "satuan"],
            definisi: DefinisiOperasional(rumus: rumus), sumberData: row[field: "sumber_data"],
            penanggungJawab: row[field: "penanggung_jawab"], isIKU: true)
    }
}
