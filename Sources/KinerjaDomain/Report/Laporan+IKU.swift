import Foundation

extension Laporan {
    /// IKU of a PD per unit and eselon (seed 004 columns): kinerja utama, indikator, kondisi awal, target per year,
    /// definisi operasional (makna, alasan pemilihan, cara hitung), penanggung jawab and sumber data. With `eselon`,
    /// only the sasaran of units of that eselon.
    public static func iku(
        _ indeks: IndeksKinerja, pd: PerangkatDaerah, eselon: Eselon? = nil, tanggal: String = ""
    ) -> Laporan {
        let data = indeks.data
        let units = Dictionary(data.unitKerja.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let ikuIndicators = data.indikator.filter(\.isIKU)
        let years = Set(ikuIndicators.flatMap { (indeks.targetPerIndikator[$0.id] ?? []).map(\.periode.tahun) })
            .sorted()
        var rows: [Baris] = []
        var lastGroup = ""
        var number = 0
        let nodes = data.elemen.filter { $0.perangkatDaerah == pd.id }.sorted(by: IndeksKinerja.urutanElemen)
        for node in nodes {
            let unit = node.unitKerja.flatMap { units[$0] }
            if let eselon, unit?.eselon != eselon { continue }
            let indicators = (indeks.indikatorPerElemen[node.id] ?? []).filter(\.isIKU)
            guard !indicators.isEmpty else { continue }
            let group = [unit?.jabatan ?? "", unit.map { "Eselon \($0.eselon.rawValue)" } ?? ""].filter { !$0.isEmpty }
                .joined(separator: " · ")
            if group != lastGroup {
                rows.append(
                    Baris(
                        [.teks(""), .teks(group)] + Array(repeating: .kosong, count: 6 + years.count), gaya: .kelompok))
                lastGroup = group
                number = 0
            }
            for (index, indikator) in indicators.enumerated() {
                number += index == 0 ? 1 : 0
                let targets = years.map { year -> Sel in
                    let target = (indeks.targetPerIndikator[indikator.id] ?? []).first {
                        $0.periode == PeriodeLaporan(tahun: year)
                    }
                    return .teks(target?.teks ?? "")
                }
                let definisi = [
                    indikator.definisi.makna, indikator.definisi.alasanPemilihan, indikator.definisi.rumus,
                ].filter { !$0.isEmpty }.joined(separator: "\n")
                rows.append(
                    Baris(
                        [
                            .teks(index == 0 ? String(number) : ""), .teks(index == 0 ? node.uraian : ""),
                            .teks(indikator.nama),
                            .teks(indikator.baseline?.teks ?? ""),
                        ] + targets + [
                            .teks(definisi), .teks(indikator.penanggungJawab), .teks(indikator.sumberData),
                            .teks(indikator.satuan),
                        ]))
            }
        }
        return Laporan(
            nama: "iku", kop: [data.pemda.nama.uppercased(), pd.nama.uppercased()],
            judul: ["Indikator Kinerja Utama \(pd.nama)" + (eselon.map { " Eselon \($0.rawValue)" } ?? "")],
            kepala: [
                [
                    SelKepala("No", baris: 2), SelKepala("Kinerja Utama", baris: 2),
                    SelKepala("Indikator Kinerja Utama", baris: 2),
                    SelKepala("Kondisi Awal", baris: 2),
                ] + (years.isEmpty ? [] : [SelKepala("Target", kolom: years.count)]) + [
                    SelKepala("Definisi Operasional / Cara Hitung", baris: 2), SelKepala("Penanggung Jawab", baris: 2),
                    SelKepala("Sumber Data", baris: 2), SelKepala("Satuan", baris: 2),
                ],
                years.map { SelKepala(String($0)) },
            ],
            kolom: [
                Kolom("No", nomor: "1", lebar: 5), Kolom("Kinerja utama", nomor: "2", lebar: 30),
                Kolom("Indikator", nomor: "3", lebar: 30),
                Kolom("Kondisi awal", nomor: "4", lebar: 10),
            ] + years.enumerated().map { Kolom(String($1), nomor: String($0 + 5), lebar: 9) } + [
                Kolom("Definisi", nomor: String(years.count + 5), lebar: 40),
                Kolom("Penanggung jawab", nomor: String(years.count + 6), lebar: 18),
                Kolom("Sumber data", nomor: String(years.count + 7), lebar: 18),
                Kolom("Satuan", nomor: String(years.count + 8), lebar: 8),
            ],
            baris: rows, tandaTangan: tandaTangan(data, pd: pd.id, tanggal: tanggal))
    }

    /// IKU Pemda (seed 001 Lampiran I columns): misi, tujuan, sasaran, indikator, rumus / cara mengukur, satuan,
    /// penanggung jawab, sumber data.
    public static func ikuPemda(_ indeks: IndeksKinerja, tanggal: String = "") -> Laporan {
        let data = indeks.data
        var rows: [Baris] = []
        var number = 0
        func walk(_ node: ElemenRencana, path: [ElemenRencana]) {
            let path = path + [node]
            if node.tingkat == .sasaran {
                let misi = path.first { $0.tingkat == .misi }?.uraian ?? ""
                let tujuan = path.first { $0.tingkat == .tujuan }?.uraian ?? ""
                for indikator in (indeks.indikatorPerElemen[node.id] ?? []) where indikator.isIKU {
                    number += 1
                    rows.append(
                        Baris([
                            .teks(String(number)), .teks(misi), .teks(tujuan), .teks(node.uraian),
                            .teks(indikator.nama),
                            .teks(indikator.definisi.rumus), .teks(indikator.satuan), .teks(indikator.penanggungJawab),
                            .teks(indikator.sumberData),
                        ]))
                }
            }
            for child in indeks.anakDari(node.id) where child.perangkatDaerah == nil { walk(child, path: path) }
        }
        for root in indeks.akar(perangkatDaerah: nil) { walk(root, path: []) }
        return Laporan(
            nama: "iku-pemda", kop: [data.pemda.nama.uppercased()],
            judul: ["Indikator Kinerja Utama \(data.pemda.nama)"],
            kepala: [
                [
                    SelKepala("No"), SelKepala("Misi"), SelKepala("Tujuan"), SelKepala("Sasaran"),
                    SelKepala("Indikator Kinerja Utama"),
                    SelKepala("Rumus / Cara Mengukur"), SelKepala("Satuan"), SelKepala("Penanggung Jawab"),
                    SelKepala("Sumber Data"),
                ]
            ],
            kolom: [
                Kolom("No", nomor: "1", lebar: 5), Kolom("Misi", nomor: "2", lebar: 24),
                Kolom("Tujuan", nomor: "3", lebar: 24),
                Kolom("Sasaran", nomor: "4", lebar: 26), Kolom("Indikator", nomor: "5", lebar: 30),
                Kolom("Rumus", nomor: "6", lebar: 40),
                Kolom("Satuan", nomor: "7", lebar: 8), Kolom("Penanggung jawab", nomor: "8", lebar: 18),
                Kolom("Sumber data", nomor: "9", lebar: 18),
            ],
            baris: rows)
    }
}
