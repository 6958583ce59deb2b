import Foundation
import KinerjaDomain
import KinerjaSpreadsheet

/// Writes a PD's plan and realisasi in the template format; importing the file again yields the same data.
public enum Ekspor {
    public enum Format: String, Sendable, CaseIterable {
        case xlsx
        case csv
    }

    /// Numbers are written so that reading them back is never ambiguous: in XLSX as number cells; in CSV with a
    /// decimal comma, no thousands separator, and four decimals where a value has exactly three.
    static func teksAngka(_ value: Decimal) -> String {
        var text = value.plainString.replacingOccurrences(of: ".", with: ",")
        if let comma = text.firstIndex(of: ","), text[text.index(after: comma)...].count == 3 { text += "0" }
        return text
    }

    /// A value as text that reads back to the same value: the printed text when it does, else a canonical form.
    static func teksNilai(_ nilai: Nilai, teks: String) -> String {
        if case .success(let (parsed, note)) = RencanaReader.bacaNilai(.teks(teks), kolom: nil), parsed == nilai,
            note == nil
        {
            return teks
        }
        switch nilai {
        case .angka(let value): return teksAngka(value)
        case .rentang(let low, let high): return teksAngka(low) + "-" + teksAngka(high)
        case .predikat(let grade, let score): return score.map { grade + " = " + teksAngka($0) } ?? grade
        case .ada(let present): return present ? "Ada" : "Tidak Ada"
        }
    }

    /// The template sheets (`rencana`, `realisasi`) of a PD as rows of text.
    public static func lembar(_ data: DataKinerja, pd: PerangkatDaerah) -> (rencana: [[String]], realisasi: [[String]])
    {
        let index = IndeksKinerja(data)
        let years = Set(data.target.map(\.periode.tahun) + data.pagu.map(\.tahun)).sorted()
        var header = [
            "kode", "tingkat", "uraian", "indikator", "satuan", "polaritas", "agregasi", "baseline", "dokumen",
        ]
        header +=
            years.map { "target_\($0)" } + years.map { "pagu_\($0)" }
            + ["lokasi", "sumber_dana", "penanggung_jawab", "hasil", "keterangan"]
        var plan: [[String]] = [header]
        var real: [[String]] = [
            [
                "kode", "uraian", "indikator", "tahun", "triwulan", "realisasi", "realisasi_keuangan", "fisik",
                "target_triwulan",
            ]
        ]
        func visit(_ node: ElemenRencana) {
            let indicators = index.indikatorPerElemen[node.id] ?? []
            let pagu = index.paguPerElemen[node.id] ?? []
            var documents = Set(pagu.map(\.dokumen))
            for indikator in indicators {
                for target in index.targetPerIndikator[indikator.id] ?? [] where target.periode.triwulan == nil {
                    documents.insert(target.dokumen)
                }
            }
            if documents.isEmpty { documents = [.renstra] }
            for dokumen in documents.sorted() {
                let paguOf = pagu.filter { $0.dokumen == dokumen }
                let place = paguOf.first
                for indikator in indicators.isEmpty ? [nil] : indicators.map(Optional.some) {
                    var row = [
                        node.kode?.asli ?? "", node.tingkat.rawValue, node.uraian, indikator?.nama ?? "",
                        indikator?.satuan ?? "",
                        indikator?.polaritas.rawValue ?? "", indikator?.agregasi.rawValue ?? "",
                        indikator?.baseline.map {
                            $0.nilai.map { teksNilai($0, teks: indikator!.baseline!.teks) } ?? $0.teks
                        } ?? "",
                        dokumen.rawValue,
                    ]
                    let targets = indikator.map { index.targetPerIndikator[$0.id] ?? [] } ?? []
                    for year in years {
                        let target = targets.first {
                            $0.dokumen == dokumen && $0.periode == PeriodeLaporan(tahun: year)
                        }
                        row.append(target.map { teksNilai($0.nilai, teks: $0.teks) } ?? "")
                    }
                    for year in years {
                        row.append(paguOf.first { $0.tahun == year }.map { teksAngka($0.jumlah.decimal) } ?? "")
                    }
                    row += [
                        place?.lokasi ?? "", place?.sumberDana ?? "", node.penanggungJawab, node.hasil,
                        place?.keterangan ?? "",
                    ]
                    plan.append(row)
                }
            }
            for indikator in indicators {
                // A row per period with a realisasi or a rencana aksi target (a PK target of a triwulan).
                var realisasi: [PeriodeLaporan: RealisasiKinerja] = [:]
                for item in data.realisasi where item.indikator == indikator.id { realisasi[item.periode] = item }
                var quarterly: [PeriodeLaporan: Target] = [:]
                for item in index.targetPerIndikator[indikator.id] ?? []
                where item.dokumen == .perjanjianKinerja && item.periode.triwulan != nil {
                    quarterly[item.periode] = item
                }
                for periode in Set(realisasi.keys).union(quarterly.keys).sorted() {
                    real.append([
                        node.kode?.asli ?? "", node.kode == nil ? node.uraian : "", indikator.nama,
                        String(periode.tahun), periode.triwulan.map(String.init) ?? "",
                        realisasi[periode].map { teksNilai($0.nilai, teks: $0.teks) } ?? "", "", "",
                        quarterly[periode].map { teksNilai($0.nilai, teks: $0.teks) } ?? "",
                    ])
                }
            }
            for item in (index.anggaranPerElemen[node.id] ?? []).sorted(by: { $0.periode < $1.periode }) {
                real.append([
                    node.kode?.asli ?? "", "", "", String(item.periode.tahun),
                    item.periode.triwulan.map(String.init) ?? "",
                    "",
                    item.keuangan.map { teksAngka($0.decimal) } ?? "", item.fisik.map(teksAngka) ?? "", "",
                ])
            }
            for child in index.anakDari(node.id) { visit(child) }
        }
        // Trees that start with a kode (programs at the root) first: a program row that follows a sasaran row is
        // read as under that sasaran.
        let roots = index.akar(perangkatDaerah: pd.id)
        for root in roots.filter({ $0.kode != nil }) + roots.filter({ $0.kode == nil }) { visit(root) }
        return (plan, real)
    }

    /// CSV: the plan followed by the realisasi would not be one table, so CSV export writes the `rencana` sheet and
    /// `csvRealisasi` the other.
    public static func csvRencana(_ data: DataKinerja, pd: PerangkatDaerah) -> String {
        CSV.write(lembar(data, pd: pd).rencana)
    }

    public static func csvRealisasi(_ data: DataKinerja, pd: PerangkatDaerah) -> String {
        CSV.write(lembar(data, pd: pd).realisasi)
    }

    /// XLSX with the sheets `rencana` and `realisasi` and an instructions sheet. Numbers are number cells.
    public static func xlsx(_ data: DataKinerja, pd: PerangkatDaerah) throws -> Data {
        let (plan, real) = lembar(data, pd: pd)
        func cells(_ rows: [[String]], numeric: (String) -> Bool) -> [[XLSXCell]] {
            rows.enumerated().map { index, row in
                guard index > 0 else { return row.map { .text($0, .header) } }
                return row.enumerated().map { column, text in
                    let name = rows[0][column]
                    if numeric(name), !text.isEmpty,
                        let value = Decimal(plain: text.replacingOccurrences(of: ",", with: "."))
                    {
                        return .number(
                            value, name.hasPrefix("pagu") || name == "realisasi_keuangan" ? .rupiah : .decimal)
                    }
                    return .text(text)
                }
            }
        }
        let planWidths = plan[0].map { name -> Double in
            switch name {
            case "uraian", "indikator": 45
            case "kode": 18
            default: name.hasPrefix("pagu") ? 18 : 12
            }
        }
        return try XLSXWriter.write(
            [
                XLSXSheet(
                    name: "rencana", columnWidths: planWidths,
                    rows: cells(plan) { $0.hasPrefix("pagu_") }, headerRows: 1),
                XLSXSheet(
                    name: "realisasi", columnWidths: [18, 30, 45, 8, 9, 14, 20, 8, 14],
                    rows: cells(real) { ["tahun", "triwulan", "realisasi_keuangan", "fisik"].contains($0) },
                    headerRows: 1),
                Templat.petunjuk(pd: pd),
            ], angka: { $0.plainString })
    }
}

/// The downloadable import templates, with an instructions sheet.
public enum Templat {
    public enum Jenis: String, Sendable, CaseIterable {
        case rencana
        case realisasi
        case iku
        case perangkatDaerah = "perangkat_daerah"
        case cascading
    }

    public static func kolom(_ jenis: Jenis, tahun: ClosedRange<Int>) -> [String] {
        switch jenis {
        case .rencana:
            ["kode", "tingkat", "uraian", "indikator", "satuan", "polaritas", "agregasi", "baseline", "dokumen"]
                + tahun.map { "target_\($0)" } + tahun.map { "pagu_\($0)" } + [
                    "lokasi", "sumber_dana", "penanggung_jawab", "hasil", "keterangan", "kode_pd",
                ]
        case .realisasi:
            [
                "kode", "indikator", "tahun", "triwulan", "realisasi", "realisasi_keuangan", "fisik", "persen_keuangan",
                "kode_pd", "target_triwulan",
            ]
        case .perangkatDaerah:
            [
                "kode_pd", "nama_pd", "singkatan", "unit_kerja", "jabatan", "eselon", "induk_jabatan", "nama_pejabat",
                "nip", "pangkat",
            ]
        case .cascading:
            ["no", "induk", "tingkat", "kode", "uraian", "indikator", "satuan"] + tahun.map { "target_\($0)" } + [
                "penanggung_jawab", "dokumen",
            ]
        case .iku:
            [
                "kode", "tingkat", "uraian", "indikator", "satuan", "polaritas", "makna", "alasan_pemilihan",
                "cara_hitung", "sumber_data", "penanggung_jawab", "baseline",
            ]
                + tahun.map { "target_\($0)" }
        }
    }

    static let contoh: [Jenis: [[String]]] = [
        .rencana: [
            [
                "1.06.01", "program", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH",
                "Persentase pemenuhan layanan penunjang", "%", "naik", "akhir", "100", "renstra",
            ],
            [
                "1.06.01.2.01", "kegiatan", "Perencanaan, Penganggaran, dan Evaluasi Kinerja PD",
                "Jumlah dokumen perencanaan", "Dokumen", "naik", "kumulatif", "", "renstra",
            ],
            [
                "1.06.01.2.01.0001", "sub_kegiatan", "Penyusunan Dokumen Perencanaan PD",
                "Jumlah dokumen perencanaan PD", "Dokumen", "naik", "kumulatif", "2", "renstra",
            ],
        ],
        .realisasi: [
            [
                "1.06.01.2.01.0001", "Jumlah dokumen perencanaan PD", "2025", "1", "1", "2.500.000", "25", "25,00",
                "", "1",
            ]
        ],
        .perangkatDaerah: [
            [
                "1.06.01", "Dinas Sosial", "Dinsos", "Kepala Dinas", "Kepala Dinas", "II", "", "Drs. Contoh",
                "197001011990031001", "Pembina Utama Muda / IV.c",
            ],
            ["1.06.01", "Dinas Sosial", "Dinsos", "Sekretariat", "Sekretaris", "III", "Kepala Dinas", "", "", ""],
        ],
        .cascading: [
            ["1", "", "sasaran_pd", "", "Meningkatnya pelayanan sosial", "Persentase PMKS tertangani", "%", "80"],
            ["2", "1", "program", "", "Program Rehabilitasi Sosial", "Persentase PMKS direhabilitasi", "%", "75"],
            ["3", "2", "kegiatan", "", "Rehabilitasi Sosial Dasar", "Jumlah PMKS direhabilitasi", "Orang", "120"],
        ],
    ]

    public static func xlsx(_ jenis: Jenis, tahun: ClosedRange<Int>) throws -> Data {
        let header = kolom(jenis, tahun: tahun)
        var rows: [[XLSXCell]] = [header.map { .text($0, .header) }]
        for example in contoh[jenis] ?? [] {
            rows.append(header.indices.map { .text($0 < example.count ? example[$0] : "") })
        }
        return try XLSXWriter.write([
            XLSXSheet(
                name: jenis.rawValue,
                columnWidths: header.map { ["uraian", "indikator", "makna", "cara_hitung"].contains($0) ? 40 : 14 },
                rows: rows, headerRows: 1),
            petunjuk(pd: nil),
        ])
    }

    static func petunjuk(pd: PerangkatDaerah?) -> XLSXSheet {
        let lines = [
            "Petunjuk pengisian templat Kinerja" + (pd.map { " — \($0.nama)" } ?? ""),
            "Satu baris untuk satu elemen rencana × satu indikator. Elemen dengan beberapa indikator ditulis di beberapa baris dengan kode yang sama.",
            "Judul kolom tidak boleh diubah (huruf besar/kecil bebas). Kolom yang tidak dikenal diabaikan dengan peringatan.",
            "kode: kode Permendagri 90 (U.BB.PP.K.KK.SSSS); tingkat wajib bila kode kosong (tujuan_pd, sasaran_pd, tujuan, sasaran).",
            "polaritas: naik (makin tinggi makin baik), turun, atau rentang. agregasi: kumulatif, akhir, atau rata-rata.",
            "target_TTTT dan pagu_TTTT untuk tahun berapa pun; target boleh angka (1.234,5), persen (100%), rentang (70-75), predikat (BB atau B = 66,04), atau Ada/Tidak Ada.",
            "Angka ditulis cara Indonesia: 1.234.567,89. Angka yang dapat dibaca dua arti (2,746) dilaporkan, tidak ditebak diam-diam.",
            "Pagu induk (program, kegiatan) boleh diisi seperti tercetak: yang dipakai adalah jumlah pagu anaknya, selisihnya dilaporkan.",
            "realisasi: triwulan 1-4, kosong untuk angka tahunan; realisasi_keuangan dan fisik dicatat pada sub kegiatan.",
            "target_triwulan: rencana aksi, target PK triwulan itu; target triwulan harus cocok dengan target tahun menurut agregasi indikator (kumulatif: jumlahnya; akhir: triwulan terakhir).",
            "dokumen: renstra (bawaan), renja, renja_perubahan, prakiraan_maju, pk, rpjmd.",
            "hasil: rumusan outcome program / output kegiatan (\"Meningkatnya …\"); keterangan: catatan penting, disimpan bersama pagu baris itu.",
            "Impor menampilkan pratinjau lebih dulu; tidak ada yang disimpan sebelum diterapkan. Menerapkan berkas yang sama dua kali tidak mengubah apa pun.",
        ]
        return XLSXSheet(
            name: "petunjuk", columnWidths: [120],
            rows: lines.enumerated().map { [.text($1, $0 == 0 ? .title : .plain)] }, headerRows: 0, landscape: false)
    }
}
