import Foundation

/// Whole-data-set checks run before a data set is stored: every reference points inside the set, every element
/// may sit under its parent, kode are not duplicated within a PD.
public enum ValidasiData {
    public static func periksa(_ data: DataKinerja) throws(DomainError) {
        let nodes = Dictionary(data.elemen.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        guard nodes.count == data.elemen.count else { throw .konflik("Ada elemen rencana dengan id ganda.") }
        let pds = Set(data.perangkatDaerah.map(\.id))
        guard pds.count == data.perangkatDaerah.count else { throw .konflik("Ada perangkat daerah dengan id ganda.") }
        let pdCodes = data.perangkatDaerah.map(\.kode)
        if let duplicate = firstDuplicate(pdCodes) {
            throw .konflik("Kode perangkat daerah \(duplicate) dipakai lebih dari sekali.")
        }
        for periode in data.periode {
            if let pd = periode.perangkatDaerah, !pds.contains(pd) {
                throw .tidakSah(field: "periode", pesan: "\(periode.nama): perangkat daerah tidak ada dalam data.")
            }
        }
        var seenKode: Set<String> = []
        for node in data.elemen {
            if let pd = node.perangkatDaerah, !pds.contains(pd) {
                throw .tidakSah(field: "kode_pd", pesan: "\(node.label): perangkat daerah tidak ada dalam data.")
            }
            var parent: ElemenRencana?
            if let induk = node.induk {
                guard let found = nodes[induk] else {
                    throw .tidakSah(field: "induk", pesan: "\(node.label): elemen induk tidak ada dalam data.")
                }
                parent = found
            }
            try node.validasiInduk(parent)
            if let kode = node.kode {
                let key =
                    (node.perangkatDaerah?.description ?? "-") + "|" + kode.normal + "|"
                    + (node.induk?.description ?? "")
                guard seenKode.insert(key).inserted else {
                    throw .konflik("Kode \(kode.asli) dipakai lebih dari sekali di bawah induk yang sama.")
                }
            }
        }
        let indicators = Set(data.indikator.map(\.id))
        for indikator in data.indikator where nodes[indikator.elemen] == nil {
            throw .tidakSah(field: "indikator", pesan: "Indikator \"\(indikator.nama)\": elemen tidak ada dalam data.")
        }
        for target in data.target where !indicators.contains(target.indikator) {
            throw .tidakSah(field: "target", pesan: "Target \(target.teks): indikator tidak ada dalam data.")
        }
        for realisasi in data.realisasi where !indicators.contains(realisasi.indikator) {
            throw .tidakSah(field: "realisasi", pesan: "Realisasi \(realisasi.teks): indikator tidak ada dalam data.")
        }
        for pagu in data.pagu {
            guard let node = nodes[pagu.elemen] else {
                throw .tidakSah(field: "pagu_\(pagu.tahun)", pesan: "Pagu: elemen tidak ada dalam data.")
            }
            guard node.tingkat.hasAnggaran else {
                throw .tidakSah(
                    field: "pagu_\(pagu.tahun)", pesan: "\(node.label): \(node.tingkat.label) tidak mempunyai pagu.")
            }
        }
        for anggaran in data.anggaran {
            guard let node = nodes[anggaran.elemen], node.tingkat == .subKegiatan else {
                throw .tidakSah(
                    field: "realisasi_keuangan", pesan: "Realisasi keuangan hanya dicatat pada sub kegiatan.")
            }
        }
        if let triwulan = (data.target.map(\.periode) + data.realisasi.map(\.periode)).compactMap(\.triwulan)
            .first(where: { $0 < 1 || $0 > data.pemda.jumlahTriwulan })
        {
            throw .tidakSah(field: "triwulan", pesan: "Triwulan \(triwulan) di luar 1-\(data.pemda.jumlahTriwulan).")
        }
    }

    static func firstDuplicate(_ values: [String]) -> String? {
        var seen: Set<String> = []
        return values.first { !seen.insert($0).inserted }
    }
}
