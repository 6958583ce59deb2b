import Foundation
import KinerjaDomain
import KinerjaSpreadsheet

/// One row of the `rencana` template (or of an official layout read into it): a plan element with one indicator,
/// its targets and pagu per year.
public struct RencanaBaris: Sendable {
    public var lembar: String
    public var nomor: Int
    public var kodePD: String?
    public var kode: Kode?
    public var tingkat: Tingkat
    public var uraian: String
    public var indikator: String
    public var satuan: String
    public var polaritas: Polaritas?
    public var agregasi: Agregasi?
    public var baseline: (nilai: Nilai?, teks: String)?
    /// By year: the value and the text as printed, and which document.
    public var target: [Int: (nilai: Nilai, teks: String, dokumen: DokumenRencana)]
    public var pagu: [Int: (jumlah: Rupiah, dokumen: DokumenRencana)]
    /// Renstra T-C.27: the Rp printed for the end of the period (checked against the sum of the years).
    public var paguAkhir: Rupiah?
    public var lokasi: String
    public var sumberDana: String
    public var penanggungJawab: String
    /// Years whose target column exists but is empty on this row.
    public var tahunKosong: [Int]
    /// IKU template fields.
    public var definisi: DefinisiOperasional?
    public var sumberData: String = ""
    public var isIKU = false
    /// The document of the row's targets and pagu (column `dokumen`, else the import's default).
    public var dokumen: DokumenRencana = .renstra
    /// Cascading template: the row's own number and its parent's number (an explicit tree).
    public var no: String = ""
    public var induk: String = ""
    /// Printed headers of the columns, by template name ("pagu_2024"), for findings on official layouts.
    public var labelKolom: [String: String] = [:]
    /// The element's outcome (program) or output (kegiatan) statement, in its own column or row.
    public var hasil: String = ""
    /// Keterangan / catatan penting of the row, kept with the row's pagu.
    public var keterangan: String = ""
    /// An official table without kode: the row is matched to the PD's stored plan by name and position before it
    /// is planned (`Pencocokan`), with the number it was printed with (`I.`, `A`, `1.2`).
    public var tanpaKode = false
    public var nomorTercetak: String = ""

    func kolom(_ name: String) -> String { labelKolom[name] ?? name }
}

/// Reads the `rencana` and `iku` templates.
enum RencanaReader {
    static let dikenal: Set<String> = [
        "kode", "tingkat", "uraian", "indikator", "satuan", "polaritas", "agregasi", "baseline", "lokasi",
        "sumber_dana", "hasil", "keterangan",
        "penanggung_jawab", "kode_pd", "dokumen", "makna", "alasan_pemilihan", "cara_hitung", "sumber_data", "no",
        "induk",
        "eselon",
    ]

    static func baca(_ table: TabelMasukan, dokumen: DokumenRencana, iku: Bool = false) -> ([RencanaBaris], [Temuan]) {
        var findings: [Temuan] = []
        guard
            let peta = PetaKolom.cari(
                table, wajib: ["uraian", "indikator"], dikenal: dikenal, tahunan: ["target", "pagu"])
        else {
            findings.append(
                Temuan(
                    .galat, .kolomTidakAda, lembar: table.lembar, baris: nil, kolom: "uraian, indikator",
                    pesan:
                        "Baris judul kolom tidak ditemukan: lembar harus mempunyai kolom \"uraian\" dan \"indikator\".")
            )
            return ([], findings)
        }
        for (column, name) in peta.nama.sorted(by: { $0.key < $1.key }) {
            let header = normalHeader(name)
            if !dikenal.contains(header) && !header.hasPrefix("target_") && !header.hasPrefix("pagu_") {
                findings.append(
                    Temuan(
                        .peringatan, .kolomTidakDikenal, lembar: table.lembar,
                        baris: table.baris[peta.headerIndex].nomor,
                        kolom: name,
                        pesan: "Kolom \"\(name)\" (kolom \(CellRef.columnName(column))) tidak dikenal dan diabaikan."))
            }
        }
        let dataRows = Array(table.baris.dropFirst(peta.headerIndex + 1)).filter { !$0.isKosong }
        let targetColumns = peta.tahun["target"] ?? [:]
        let paguColumns = peta.tahun["pagu"] ?? [:]
        var numberColumns: [Int: KolomAngka] = [:]
        for column in Array(targetColumns.values) + Array(paguColumns.values) + [peta["baseline"]].compactMap({ $0 }) {
            numberColumns[column] = KolomAngka(dataRows.map { $0[column] })
        }
        var rows: [RencanaBaris] = []
        for row in dataRows {
            var rowFindings: [Temuan] = []
            func galat(_ jenis: Temuan.Jenis, _ column: Int?, _ message: String) {
                rowFindings.append(
                    Temuan(
                        .galat, jenis, lembar: table.lembar, baris: row.nomor, kolom: peta.label(column), pesan: message
                    ))
            }
            func peringatan(_ jenis: Temuan.Jenis, _ column: Int?, _ message: String) {
                rowFindings.append(
                    Temuan(
                        .peringatan, jenis, lembar: table.lembar, baris: row.nomor, kolom: peta.label(column),
                        pesan: message))
            }
            let kodeText = row[peta["kode"]].teks
            let tingkatText = row[peta["tingkat"]].teks
            var tingkat: Tingkat?
            if !tingkatText.isEmpty {
                tingkat = Tingkat(teks: tingkatText)
                if tingkat == nil {
                    galat(
                        .nilaiTidakSah, peta["tingkat"],
                        "Tingkat \"\(tingkatText)\" tidak dikenal (visi, misi, tujuan, sasaran, tujuan_pd, sasaran_pd, program, kegiatan, sub_kegiatan)."
                    )
                }
            }
            var kode: Kode?
            if !kodeText.isEmpty {
                do {
                    kode = try Kode.parse(kodeText, tingkat: tingkat)
                    tingkat = kode?.tingkat
                } catch {
                    galat(.kodeTidakSah, peta["kode"], error.description)
                }
            } else if tingkat == nil && rowFindings.isEmpty {
                galat(
                    .nilaiTidakSah, peta["tingkat"],
                    "Baris tanpa kode harus mengisi kolom tingkat (tujuan, sasaran, …).")
            } else if let level = tingkat, level.hasKode {
                peringatan(.kodeTidakSah, peta["kode"], "\(level.labelAwal) tanpa kode.")
            }
            let uraian = row[peta["uraian"]].teks
            if uraian.isEmpty { galat(.nilaiTidakSah, peta["uraian"], "Uraian kosong.") }
            let indikator = row[peta["indikator"]].teks
            let satuan = row[peta["satuan"]].teks
            var polaritas: Polaritas?
            let polaritasText = row[peta["polaritas"]].teks.lowercased()
            if !polaritasText.isEmpty {
                polaritas = Polaritas(rawValue: polaritasText)
                if polaritas == nil {
                    galat(
                        .nilaiTidakSah, peta["polaritas"],
                        "Polaritas \"\(polaritasText)\" harus naik, turun, atau rentang.")
                }
            }
            var agregasi: Agregasi?
            let agregasiText = row[peta["agregasi"]].teks
            if !agregasiText.isEmpty {
                agregasi = Agregasi(teks: agregasiText)
                if agregasi == nil {
                    galat(
                        .nilaiTidakSah, peta["agregasi"],
                        "Agregasi \"\(agregasiText)\" harus kumulatif, akhir, atau rata-rata.")
                }
            }
            var rowDokumen = dokumen
            let dokumenText = normalHeader(row[peta["dokumen"]].teks)
            if !dokumenText.isEmpty {
                if let parsed = DokumenRencana(rawValue: dokumenText) {
                    rowDokumen = parsed
                } else {
                    galat(
                        .nilaiTidakSah, peta["dokumen"],
                        "Dokumen \"\(dokumenText)\" tidak dikenal (rpjmd, renstra, renja, renja_perubahan, prakiraan_maju, pk)."
                    )
                }
            }
            var targets: [Int: (nilai: Nilai, teks: String, dokumen: DokumenRencana)] = [:]
            var emptyYears: [Int] = []
            for (year, column) in targetColumns.sorted(by: { $0.key < $1.key }) {
                let cell = row[column]
                if cell.isKosong {
                    emptyYears.append(year)
                    continue
                }
                switch bacaNilai(cell, kolom: numberColumns[column]) {
                case .success(let (value, note)):
                    targets[year] = (value, cell.teks, rowDokumen)
                    if let note { peringatan(.angkaAmbigu, column, note) }
                case .failure(let error): galat(.nilaiTidakSah, column, error.message)
                }
            }
            var pagu: [Int: (jumlah: Rupiah, dokumen: DokumenRencana)] = [:]
            for (year, column) in paguColumns.sorted(by: { $0.key < $1.key }) {
                guard let reader = numberColumns[column] else { continue }
                switch reader.baca(row[column], uang: true) {
                case .kosong: break
                case .angka(let value, _), .diputuskan(let value, _, _):
                    if case .diputuskan(_, _, let note) = reader.baca(row[column], uang: true) {
                        peringatan(.angkaAmbigu, column, note)
                    }
                    if let amount = Rupiah(exactly: value), amount.sen >= 0 {
                        pagu[year] = (amount, rowDokumen)
                    } else {
                        galat(
                            .nilaiTidakSah, column,
                            "Pagu \"\(row[column].teks)\" harus rupiah tidak negatif dengan paling banyak dua desimal.")
                    }
                case .galat(let message): galat(.nilaiTidakSah, column, message)
                }
            }
            var baseline: (nilai: Nilai?, teks: String)?
            let baselineCell = row[peta["baseline"]]
            if !baselineCell.isKosong {
                switch bacaNilai(baselineCell, kolom: peta["baseline"].flatMap { numberColumns[$0] }) {
                case .success(let (value, _)): baseline = (value, baselineCell.teks)
                case .failure: baseline = (nil, baselineCell.teks)
                }
            }
            var definisi: DefinisiOperasional?
            if iku || peta["makna"] != nil || peta["cara_hitung"] != nil {
                definisi = DefinisiOperasional(
                    makna: row[peta["makna"]].teks, alasanPemilihan: row[peta["alasan_pemilihan"]].teks,
                    rumus: row[peta["cara_hitung"]].teks)
            }
            findings += rowFindings
            guard !rowFindings.contains(where: { $0.keparahan == .galat }), let level = tingkat else { continue }
            rows.append(
                RencanaBaris(
                    lembar: table.lembar, nomor: row.nomor,
                    kodePD: row[peta["kode_pd"]].teks.isEmpty ? nil : row[peta["kode_pd"]].teks,
                    kode: kode, tingkat: level, uraian: uraian, indikator: indikator, satuan: satuan,
                    polaritas: polaritas,
                    agregasi: agregasi, baseline: baseline, target: targets, pagu: pagu,
                    lokasi: row[peta["lokasi"]].teks,
                    sumberDana: row[peta["sumber_dana"]].teks, penanggungJawab: row[peta["penanggung_jawab"]].teks,
                    tahunKosong: emptyYears, definisi: definisi, sumberData: row[peta["sumber_data"]].teks, isIKU: iku,
                    dokumen: rowDokumen, no: row[peta["no"]].teks, induk: row[peta["induk"]].teks,
                    hasil: row[peta["hasil"]].teks, keterangan: row[peta["keterangan"]].teks))
        }
        return (rows, findings)
    }

    /// A target or baseline cell: an exact number, an Indonesian number (ambiguity decided by the column), or a
    /// printed value ("2 dokumen", "BB", "B = 66,04", "70-75", "Ada").
    static func bacaNilai(_ cell: Sel, kolom: KolomAngka?) -> Result<(Nilai, String?), NilaiGalat> {
        if case .angka(let number) = cell { return .success((.angka(number), nil)) }
        let text = cell.teks
        switch (kolom ?? KolomAngka([])).baca(cell) {
        case .angka(let value, _): return .success((.angka(value), nil))
        case .diputuskan(let value, _, let note): return .success((.angka(value), note))
        case .galat(let message):
            // An ambiguous number is reported, never guessed.
            // (Told by the reader's message, so that the text is not parsed a second time.)
            if message.hasPrefix("\"\(text)\" dapat dibaca ") { return .failure(NilaiGalat(message)) }
        case .kosong: break
        }
        do {
            let decimal: NilaiParser.TandaDesimal = kolom?.konvensi == .titik ? .titik : .koma
            if let parsed = try NilaiParser.parse(text, desimal: decimal) { return .success((parsed.nilai, nil)) }
            return .failure(NilaiGalat("Nilai kosong."))
        } catch {
            return .failure(
                NilaiGalat("\"\(text)\" bukan angka, rentang (70-75), predikat (BB, B = 66,04), atau Ada/Tidak Ada."))
        }
    }

    struct NilaiGalat: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }
}
