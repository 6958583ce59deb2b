import Foundation
import KinerjaDomain
import KinerjaSpreadsheet

extension Demo {
    /// Kabupaten Batu Bara: Dinas Sosial PPPA (seed 003) and Sekretariat DPRD (seed 000).
    static func batuBara() throws -> DataKinerja {
        let builder = DataBuilder(pemda: Pemda(nama: "Kabupaten Batu Bara", jenis: .kabupaten, ibukota: "Limapuluh"))
        try dinasSosial(builder)
        try sekretariatDPRD(builder)
        return builder.data
    }

    static func rupiahSen(_ text: String) -> Int64? {
        guard let value = Int64(text.trimmedSpaces()) else { return nil }
        return value * 100
    }

    /// A value from an extracted column: the parsed number (with its qualifier as a predicate grade) or, failing
    /// that, the printed text.
    static func nilai(value: String, qualifier: String = "", text: String) -> Nilai? {
        let grade = qualifier.filter { $0.isLetter }
        if let number = Decimal(plain: value) {
            return grade.isEmpty ? .angka(number) : .predikat(grade, skor: number)
        }
        return (try? NilaiParser.parse(text, desimal: .koma))?.nilai
    }

    static func dinasSosial(_ b: DataBuilder) throws {
        let pd = b.pd(
            kode: "DINSOS", nama: "Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak", singkatan: "Dinsos PPPA"
        )
        // Tabel 2.1 evaluates the Renstra "s/d Tahun 2023" (its start year is not printed; 2019 is the first year
        // of Tabel 2.4's series); Tabel 3.1 targets 2024-2026.
        b.data.periode += [
            try Periode(jenis: .renstra, tahunAwal: 2019, tahunAkhir: 2023, perangkatDaerah: pd.id),
            try Periode(jenis: .renstra, tahunAwal: 2024, tahunAkhir: 2026, perangkatDaerah: pd.id),
        ]
        let kepala = b.unit(pd: pd, jabatan: "Kepala Dinas", eselon: .ii)
        b.data.pejabat.append(
            try Pejabat(
                unitKerja: kepala.id, nama: "(isi nama Kepala Dinas)", nip: "", pangkat: "Pembina Utama Muda / IV.c"))

        // Tabel 3.1: tujuan → sasaran with targets 2024-2026 (Renstra).
        for row in try CSV.records(try SeedFiles.text("003/tujuan_sasaran.csv")) {
            let tujuan = try b.node(
                pd: pd, induk: nil, tingkat: .tujuanPD, nomor: row[field: "no"], uraian: row[field: "tujuan"])
            let indikatorTujuan = row[field: "indikator_kinerja_tujuan"]
            if !indikatorTujuan.isEmpty { _ = try b.indikator(on: tujuan, nama: indikatorTujuan, satuan: "") }
            let sasaran = try b.node(pd: pd, induk: tujuan, tingkat: .sasaranPD, uraian: row[field: "sasaran"])
            let nama = row[field: "indikator_sasaran"]
            let lower = nama.lowercased().hasPrefix("ratio") || nama.lowercased().contains("kemiskinan")
            let isAKIP = nama.lowercased().contains("akip")
            let indikator = try b.indikator(
                on: sasaran, nama: nama,
                satuan: isAKIP ? "Nilai" : (nama.lowercased().hasPrefix("jumlah") ? "Orang" : "%"),
                polaritas: lower ? .turun : .naik, jenisNilai: isAKIP ? .predikat : nil, skala: isAKIP ? "sakip" : nil)
            for year in 2024...2026 {
                b.target(
                    indikator, .renstra, tahun: year,
                    nilai(value: row[field: "target_\(year)_value"], text: row[field: "target_\(year)_text"]),
                    teks: row[field: "target_\(year)_text"])
            }
        }

        // Tabel 2.3: capaian of the sasaran indicators in 2022 (Renja target and realisasi).
        for row in try CSV.records(try SeedFiles.text("003/capaian_sasaran_2022.csv")) {
            let name = row[field: "sasaran_strategis"]
            let sasaran =
                try b.find(pd: pd, tingkat: .sasaranPD, uraian: name)
                ?? b.node(pd: pd, induk: nil, tingkat: .sasaranPD, uraian: name)
            let isAKIP = row[field: "indikator"].lowercased().contains("akip")
            let indikator = try b.indikator(
                on: sasaran, nama: row[field: "indikator"], satuan: row[field: "satuan"],
                polaritas: row[field: "polarity"] == "lower is better" ? .turun : .naik,
                jenisNilai: isAKIP ? .predikat : nil, skala: isAKIP ? "sakip" : nil)
            b.target(
                indikator, .renja, tahun: 2022,
                nilai(
                    value: row[field: "target_value"], qualifier: row[field: "target_qualifier"],
                    text: row[field: "target_text"]),
                teks: row[field: "target_text"])
            try b.realisasi(
                indikator, tahun: 2022,
                nilai(
                    value: row[field: "realisasi_value"], qualifier: row[field: "realisasi_qualifier"],
                    text: row[field: "realisasi_text"]),
                teks: row[field: "realisasi_text"])
        }

        // Tabel 3.2: the Renja 2024 with prakiraan maju 2025.
        var byKode: [String: ElemenRencana] = [:]
        for row in try CSV.records(try SeedFiles.text("003/renja_2024.csv")) {
            guard let tingkat = Tingkat(teks: row[field: "level"]) else { continue }  // the TOTAL row
            let kode = try Kode.parse(row[field: "kode"], tingkat: tingkat)
            let parent = kode.induk.flatMap { byKode[$0.normal] }
            let node = try b.node(pd: pd, induk: parent, tingkat: tingkat, kode: kode, uraian: row[field: "uraian"])
            byKode[kode.normal] = node
            let nama = row[field: "indikator"]
            if !nama.isEmpty {
                let indikator = try b.indikator(on: node, nama: nama, satuan: row[field: "target_2024_unit"])
                b.target(
                    indikator, .renja, tahun: 2024,
                    nilai(value: row[field: "target_2024_value"], text: row[field: "target_2024_text"]),
                    teks: row[field: "target_2024_text"])
                b.target(
                    indikator, .prakiraanMaju, tahun: 2025,
                    nilai(value: row[field: "target_2025_value"], text: row[field: "target_2025_text"]),
                    teks: row[field: "target_2025_text"])
            }
            try b.pagu(
                node, .renja, tahun: 2024, sen: rupiahSen(row[field: "pagu_2024"]),
                sumberDana: row[field: "sumber_dana"], lokasi: row[field: "lokasi"])
            try b.pagu(
                node, .prakiraanMaju, tahun: 2025, sen: rupiahSen(row[field: "pagu_2025"]),
                sumberDana: row[field: "sumber_dana"], lokasi: row[field: "lokasi"])
        }

        // Tabel 2.1: evaluation of the Renja 2022 against the Renstra to 2023. Column 5 (realisasi to 2021) is kept
        // as the 2021 figure, so that Σ (kumulatif) and the latest value (nilai akhir) both come out as printed.
        for row in try CSV.records(try SeedFiles.text("003/evaluasi_renja_2022.csv")) {
            guard let tingkat = Tingkat(teks: row[field: "level"]) else { continue }
            let kode = try Kode.parse(row[field: "kode"], tingkat: tingkat)
            let parent = kode.induk.flatMap { byKode[$0.normal] }
            let node = try b.node(pd: pd, induk: parent, tingkat: tingkat, kode: kode, uraian: row[field: "uraian"])
            byKode[kode.normal] = node
            let nama = row[field: "indikator"]
            guard !nama.isEmpty else { continue }
            let indikator = try b.indikator(on: node, nama: nama, satuan: "")
            b.target(
                indikator, .renstra, tahun: 2023, nilai(value: row[field: "c4_target_renstra_sd_2023"], text: ""),
                teks: row[field: "c4_target_renstra_sd_2023_text"] + " (target Renstra s.d. 2023 seperti tercetak)")
            try b.realisasi(
                indikator, tahun: 2021, nilai(value: row[field: "c5_realisasi_sd_2021"], text: ""),
                teks: row[field: "c5_realisasi_sd_2021_text"] + " (realisasi s.d. 2021)")
            b.target(
                indikator, .renja, tahun: 2022, nilai(value: row[field: "c6_target_renja_2022"], text: ""),
                teks: row[field: "c6_target_renja_2022_text"])
            try b.realisasi(
                indikator, tahun: 2022, nilai(value: row[field: "c7_realisasi_renja_2022"], text: ""),
                teks: row[field: "c7_realisasi_renja_2022_text"])
            b.target(
                indikator, .renja, tahun: 2023, nilai(value: row[field: "c9_target_renja_2023"], text: ""),
                teks: row[field: "c9_target_renja_2023_text"])
        }
    }

    /// Seed 000: the cascading of Sekretariat DPRD. The document prints no year; its targets are filed under
    /// 2023 (Perjanjian Kinerja) and say so in their text.
    static func sekretariatDPRD(_ b: DataBuilder) throws {
        let pd = b.pd(kode: "SETWAN", nama: "Sekretariat DPRD", singkatan: "Setwan")
        let sekwan = b.unit(pd: pd, jabatan: "Sekretaris DPRD", eselon: .ii)
        var nodes: [String: ElemenRencana] = [:]
        for row in try CSV.records(try SeedFiles.text("000/cascade_flat.csv")) {
            let level = row[field: "level"]
            let parent = nodes[row[field: "parent_id"]]
            let tingkat: Tingkat
            switch level {
            case "visi": tingkat = .visi
            case "misi": tingkat = .misi
            case "sasaran": tingkat = .sasaranPD
            default:
                guard let parsed = Tingkat(teks: level) else {
                    throw DemoError("000: tingkat \"\(level)\" tidak dikenal")
                }
                tingkat = parsed
            }
            let pj = row[field: "penanggung_jawab"]
            var unit: UnitKerja?
            for jabatan in pj.split(separator: ";").map({ $0.trimmedSpaces() })
            where !jabatan.isEmpty {
                let lower = jabatan.lowercased()
                let eselon: Eselon = lower.hasPrefix("kabag") ? .iii : .iv
                let created = b.unit(pd: pd, jabatan: jabatan, eselon: eselon, induk: eselon == .iii ? sekwan : nil)
                unit = unit ?? created
            }
            let uraian = row[field: "name"].isEmpty ? "(nama tidak tercetak)" : row[field: "name"]
            let node = try b.node(
                pd: tingkat.isPD ? pd : nil, induk: parent, tingkat: tingkat, uraian: uraian,
                penanggungJawab: pj.replacingOccurrences(of: ";", with: "; ").replacingOccurrences(
                    of: ";  ", with: "; "),
                unitKerja: tingkat == .sasaranPD ? sekwan : unit, merge: false)
            nodes[row[field: "node_id"]] = node
            let nama = row[field: "indikator"]
            guard !nama.isEmpty else { continue }
            let unitText = row[field: "target_unit"]
            let indikator = try b.indikator(on: node, nama: nama, satuan: unitText, penanggungJawab: pj)
            b.target(
                indikator, .perjanjianKinerja, tahun: 2023, nilai(value: row[field: "target_value"], text: ""),
                teks: row[field: "target_text"])
        }
    }
}
