import Foundation

extension Laporan {
    /// The Renja murni and its perubahan side by side: for each program, kegiatan and sub kegiatan and each
    /// indicator, the target and pagu of the Renja (murni) and of the Renja Perubahan, with the change in pagu, and
    /// the totals. An entry the perubahan does not restate keeps its murni value ("tetap").
    public static func renjaMurniPerubahan(
        _ indeks: IndeksKinerja, pd: PerangkatDaerah, tahun: Int, tanggal: String = ""
    ) -> Laporan {
        let data = indeks.data
        let table = TabelCapaian(indeks: indeks, perangkatDaerah: pd.id, tahun: tahun)
        var rows: [Baris] = []
        var totalMurni: Rupiah?
        var totalPerubahan: Rupiah?
        func text(_ value: Nilai?) -> String { value?.teks ?? "" }
        /// The pagu after the perubahan: a sub kegiatan's restated pagu, else its murni; a parent's, Σ of its
        /// children (a perubahan that restates some sub kegiatan only leaves the others as they were).
        func after(_ id: TypedID<ElemenRencana>) -> Rupiah? {
            let children = indeks.anakDari(id).filter(\.tingkat.hasAnggaran)
            if !children.isEmpty {
                let values = children.compactMap { after($0.id) }
                if !values.isEmpty { return values.sum() }
            }
            return indeks.paguTercatat(id, tahun: tahun, dokumen: .renjaPerubahan)?.jumlah
                ?? indeks.paguTercatat(id, tahun: tahun, dokumen: .renja)?.jumlah
        }
        for baris in table.baris where baris.elemen.tingkat.hasAnggaran {
            let node = baris.elemen
            let depth = node.tingkat == .program ? 0 : node.tingkat == .kegiatan ? 1 : 2
            let murni = indeks.pagu(node.id, tahun: tahun, dokumen: .renja)
            let revised = after(node.id)
            if node.tingkat == .program {
                if let murni { totalMurni = (totalMurni ?? .zero) + murni }
                if let revised { totalPerubahan = (totalPerubahan ?? .zero) + revised }
            }
            let change: Rupiah? = revised.flatMap { value in murni.map { value - $0 } }
            let indicators = indeks.indikatorPerElemen[node.id] ?? []
            let items: [Indikator?] = indicators.isEmpty ? [nil] : indicators
            for (index, indikator) in items.enumerated() {
                let targetMurni = indikator.flatMap { indeks.riwayat($0, dokumen: .renja).targetTahun(tahun) }
                let targetRevised = indikator.flatMap {
                    indeks.riwayat($0, dokumen: .renjaPerubahan).targetTahun(tahun)
                }
                let first = index == 0
                rows.append(
                    Baris(
                        [
                            .teks(first ? node.kode?.asli ?? "" : ""), .teks(first ? node.uraian : ""),
                            .teks(indikator?.nama ?? ""), .teks(indikator?.satuan ?? ""), .teks(text(targetMurni)),
                            .teks(
                                targetRevised.map { $0.teks } ?? (indikator != nil && targetMurni != nil ? "tetap" : "")
                            ),
                            first ? .rupiah(murni) : .kosong, first ? .rupiah(revised) : .kosong,
                            first ? .rupiah(change) : .kosong,
                        ], kedalaman: depth, gaya: node.tingkat == .subKegiatan ? .biasa : .kelompok))
            }
        }
        rows.append(
            Baris(
                [
                    .kosong, .teks("JUMLAH"), .kosong, .kosong, .kosong, .kosong, .rupiah(totalMurni),
                    .rupiah(totalPerubahan),
                    .rupiah(totalPerubahan.flatMap { after in totalMurni.map { after - $0 } }),
                ], gaya: .total))
        return Laporan(
            nama: "renja-perubahan", kop: [data.pemda.nama.uppercased(), pd.nama.uppercased()],
            judul: ["Renja Murni dan Perubahan \(pd.nama) Tahun \(tahun)"],
            kepala: [
                [
                    SelKepala("Kode", baris: 2), SelKepala("Program/Kegiatan/Sub Kegiatan", baris: 2),
                    SelKepala("Indikator", baris: 2), SelKepala("Satuan", baris: 2), SelKepala("Target", kolom: 2),
                    SelKepala("Pagu (Rp)", kolom: 3),
                ],
                [
                    SelKepala("Murni"), SelKepala("Perubahan"), SelKepala("Murni"), SelKepala("Perubahan"),
                    SelKepala("Selisih"),
                ],
            ],
            kolom: [
                Kolom("Kode", nomor: "1", lebar: 16), Kolom("Uraian", nomor: "2", lebar: 38),
                Kolom("Indikator", nomor: "3", lebar: 34), Kolom("Satuan", nomor: "4", lebar: 10),
                Kolom("Target murni", nomor: "5", lebar: 11), Kolom("Target perubahan", nomor: "6", lebar: 11),
                Kolom("Pagu murni", nomor: "7", jenis: .rupiah, lebar: 17),
                Kolom("Pagu perubahan", nomor: "8", jenis: .rupiah, lebar: 17),
                Kolom("Selisih", nomor: "9=8-7", jenis: .rupiah, lebar: 17),
            ],
            baris: rows,
            catatan: [
                "Murni: Renja; perubahan: Renja Perubahan. \"tetap\": perubahan tidak mengubah target murni. Pagu program dan kegiatan = jumlah sub kegiatannya."
            ],
            tandaTangan: tandaTangan(data, pd: pd.id, tanggal: tanggal))
    }
}
