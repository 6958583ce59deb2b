import Foundation

/// The cascading (pohon kinerja) of a PD: the tree from the Pemda's visi and misi above it down to the sub
/// kegiatan, each node with its indicators, targets and penanggung jawab.
public struct PohonKinerja: Sendable {
    public struct Simpul: Sendable {
        public var elemen: ElemenRencana
        public var kedalaman: Int
        public var indikator: [(nama: String, target: String)]
        public var anak: [Int]
        /// Layout: the level's column and the vertical position in leaf units (a parent sits at its children's mean).
        public var kolom: Int
        public var posisi: Double
    }

    public var simpul: [Simpul]
    public var jumlahDaun: Int
    public var jumlahKolom: Int

    /// Builds the tree for a PD (or the Pemda's own tree with `pd` nil), in document order, for the given year's
    /// targets (any year when nil: the latest target of each indicator).
    public init(_ indeks: IndeksKinerja, pd: TypedID<PerangkatDaerah>?, tahun: Int? = nil) {
        var nodes: [Simpul] = []
        var leaves = 0
        func targetText(_ indikator: Indikator) -> String {
            let targets = (indeks.targetPerIndikator[indikator.id] ?? []).filter {
                tahun == nil || $0.periode.tahun == tahun
            }
            return targets.max { $0.periode < $1.periode }?.teks ?? ""
        }
        @discardableResult
        func add(_ node: ElemenRencana, depth: Int, only: Set<TypedID<ElemenRencana>>?) -> Int {
            let index = nodes.count
            nodes.append(
                Simpul(
                    elemen: node, kedalaman: depth,
                    indikator: (indeks.indikatorPerElemen[node.id] ?? []).map { ($0.nama, targetText($0)) }, anak: [],
                    kolom: depth, posisi: 0))
            let children = indeks.anakDari(node.id).filter {
                only == nil || only!.contains($0.id) || $0.perangkatDaerah == pd
            }
            var childIndexes: [Int] = []
            for child in children { childIndexes.append(add(child, depth: depth + 1, only: only)) }
            nodes[index].anak = childIndexes
            if childIndexes.isEmpty {
                nodes[index].posisi = Double(leaves)
                leaves += 1
            } else {
                nodes[index].posisi = childIndexes.map { nodes[$0].posisi }.reduce(0, +) / Double(childIndexes.count)
            }
            return index
        }
        let byID = Dictionary(indeks.data.elemen.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let roots = indeks.akar(perangkatDaerah: pd)
        // The Pemda's elements above the PD's roots (visi, misi, RPJMD sasaran) are drawn on top.
        var ancestors: Set<TypedID<ElemenRencana>> = []
        var tops: [ElemenRencana] = []
        for root in roots {
            var current = root
            ancestors.insert(root.id)
            while let parentID = current.induk, let parent = byID[parentID] {
                ancestors.insert(parent.id)
                current = parent
            }
            if !tops.contains(where: { $0.id == current.id }) { tops.append(current) }
        }
        for top in tops { add(top, depth: 0, only: pd == nil ? nil : ancestors) }
        simpul = nodes
        jumlahDaun = max(1, leaves)
        jumlahKolom = (nodes.map(\.kolom).max() ?? 0) + 1
    }
}

extension Laporan {
    /// The cascading as a table: level, element, indicator, target, penanggung jawab, indented by depth.
    public static func cascading(
        _ indeks: IndeksKinerja, pd: PerangkatDaerah, tahun: Int? = nil, tanggal: String = ""
    ) -> Laporan {
        let tree = PohonKinerja(indeks, pd: pd.id, tahun: tahun)
        var rows: [Baris] = []
        for node in tree.simpul {
            let items: [(nama: String, target: String)?] =
                node.indikator.isEmpty ? [nil] : node.indikator.map(Optional.some)
            for (index, item) in items.enumerated() {
                rows.append(
                    Baris(
                        [
                            .teks(index == 0 ? node.elemen.tingkat.labelAwal : ""),
                            .teks(index == 0 ? node.elemen.uraian : ""),
                            .teks(item?.nama ?? ""), .teks(item?.target ?? ""),
                            .teks(index == 0 ? node.elemen.penanggungJawab : ""),
                        ], kedalaman: node.kedalaman, gaya: node.anak.isEmpty ? .biasa : .kelompok))
            }
        }
        return Laporan(
            nama: "cascading", kop: [indeks.data.pemda.nama.uppercased(), pd.nama.uppercased()],
            judul: ["Cascading (Pohon Kinerja) \(pd.nama)" + (tahun.map { " Tahun \($0)" } ?? "")],
            kepala: [
                [
                    SelKepala("Tingkat"), SelKepala("Uraian"), SelKepala("Indikator"), SelKepala("Target"),
                    SelKepala("Penanggung Jawab"),
                ]
            ],
            kolom: [
                Kolom("Tingkat", nomor: "1", lebar: 12), Kolom("Uraian", nomor: "2", lebar: 44),
                Kolom("Indikator", nomor: "3", lebar: 40),
                Kolom("Target", nomor: "4", lebar: 12), Kolom("Penanggung jawab", nomor: "5", lebar: 28),
            ],
            baris: rows, tandaTangan: tandaTangan(indeks.data, pd: pd.id, tanggal: tanggal))
    }
}
