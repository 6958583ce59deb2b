import Foundation
import KinerjaDomain
import KinerjaSpreadsheet

/// Workbooks laid out like the seed documents' official tables, built from the seed extracts with the numbers as
/// printed (text, in the document's mixed spellings): to try the import and the consistency check on real
/// contradictions, and for tests.
public enum ContohBerkas {
    /// Seed 003 Tabel 3.2 (T-C.33): a title, a three-row header with merged cells, the column numbering, the data
    /// rows as printed, a repeat of the header after a page break, a row continued on the next line, and the total.
    public static func tabel32() throws -> Data {
        let records = try CSV.records(try SeedFiles.text("003/renja_2024.csv"))
        var rows: [[XLSXCell]] = [
            [.text("Tabel 3.2", .title)],
            [
                .text(
                    "Rumusan Rencana Program dan Kegiatan Dinas Sosial Tahun 2024 dan Prakiraan Maju Tahun 2025", .title
                )
            ],
            [],
        ]
        let header1: [String] = [
            "Kode", "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan",
            "Indikator Kinerja Program (Outcomes)/Kegiatan (Output)", "Rencana Tahun 2024", "", "", "",
            "Catatan Penting",
            "Prakiraan Maju Rencana Tahun 2025", "",
        ]
        let header2: [String] = [
            "", "", "", "Lokasi", "Target Capaian Kinerja", "Kebutuhan Dana/Pagu Indikatif", "Sumber Dana", "",
            "Target Capaian Kinerja", "Kebutuhan Dana/Pagu Indikatif",
        ]
        let numbering = (1...10).map(String.init)
        func headerBlock(at start: Int) -> ([[XLSXCell]], [CellRange]) {
            let merges = [
                CellRange(CellRef(row: start, column: 0), CellRef(row: start + 1, column: 0)),
                CellRange(CellRef(row: start, column: 1), CellRef(row: start + 1, column: 1)),
                CellRange(CellRef(row: start, column: 2), CellRef(row: start + 1, column: 2)),
                CellRange(CellRef(row: start, column: 3), CellRef(row: start, column: 6)),
                CellRange(CellRef(row: start, column: 7), CellRef(row: start + 1, column: 7)),
                CellRange(CellRef(row: start, column: 8), CellRef(row: start, column: 9)),
            ]
            return (
                [
                    header1.map { .text($0, .header) }, header2.map { .text($0, .header) },
                    numbering.map { .text($0, .header) },
                ],
                merges
            )
        }
        var merges: [CellRange] = []
        let (block, blockMerges) = headerBlock(at: rows.count)
        rows += block
        merges += blockMerges
        for (index, record) in records.enumerated() {
            if index == 40 {
                // A page break: the header printed again.
                let (repeatBlock, repeatMerges) = headerBlock(at: rows.count)
                rows += repeatBlock
                merges += repeatMerges
            }
            let kode = record["kode"] ?? ""
            var uraian = record["uraian"] ?? ""
            var continuation: String?
            if index == 10, let space = uraian.firstIndex(of: " ") {
                // A long name split over two lines by the page.
                continuation = String(uraian[uraian.index(after: space)...])
                uraian = String(uraian[..<space])
            }
            if record["level"] == "total" || kode.isEmpty {
                rows.append([
                    .text(""), .text("TOTAL", .boldText), .text(""), .text(""), .text(""),
                    .text(record["pagu_2024_text"] ?? "", .boldText), .text(""), .text(""), .text(""),
                    .text(record["pagu_2025_text"] ?? "", .boldText),
                ])
                continue
            }
            rows.append(
                [
                    kode, uraian, record["indikator"] ?? "", record["lokasi"] ?? "", record["target_2024_text"] ?? "",
                    record["pagu_2024_text"] ?? "", record["sumber_dana"] ?? "", record["catatan_penting"] ?? "",
                    record["target_2025_text"] ?? "", record["pagu_2025_text"] ?? "",
                ].map { XLSXCell.text($0) })
            if let continuation {
                rows.append([.text(""), .text(continuation)] + Array(repeating: .text(""), count: 8))
            }
        }
        return try XLSXWriter.write([
            XLSXSheet(
                name: "Tabel 3.2", columnWidths: [16, 40, 40, 14, 14, 18, 10, 12, 14, 18], rows: rows, merges: merges,
                headerRows: 6)
        ])
    }

    /// Seed 003 Tabel 2.1 (evaluasi Renja 2022): a two-row header with merged cells, the numbering
    /// "1 … 8=(7/6) … 10=(5+7+9) 11=(10/4)", and the rows with every figure as printed (including "#DIV/0!").
    public static func tabel21() throws -> Data {
        let records = try CSV.records(try SeedFiles.text("003/evaluasi_renja_2022.csv"))
        let header1 = [
            "Kode", "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/ SubKegiatan",
            "Indikator Kinerja Program (outcome) / Kegiatan (out put)",
            "Target Kinerja Capaian Program (Renstra PD s/d Tahun 2023)",
            "Realisasi Target Kinerja Hasil Program dan Kegiatan s/d Tahun 2021",
            "Target dan Realisasi Kinerja Program dan Kegiatan Tahun Lalu (n-2)", "", "",
            "Target Program dan Kegiatan (Renja PD Tahun 2023)",
            "Perkiraan Realisasi Capaian Target Renstra PD s/d Tahun Berjalan", "",
        ]
        let header2 = [
            "", "", "", "", "", "Target Renja Perangkat daerah Tahun 2022",
            "Realisasi Renja Perangkat daerah Tahun 2022",
            "Tingkat Realisasi (%)", "", "Realisasi Capaian Program dan Kegiatan s/d Tahun 2022",
            "Tingkat Capaian Realisasi Target Renstra (%)",
        ]
        let numbering = ["1", "2", "3", "4", "5", "6", "7", "8=(7/6)", "9", "10=(5+7+9)", "11=(10/4)"]
        var rows: [[XLSXCell]] = [
            [.text("Tabel 2.1", .title)],
            [.text("Rekapitulasi Evaluasi Hasil Pelaksanaan Renja dan Pencapaian Renstra s/d Tahun 2022", .title)],
            [],
            header1.map { .text($0, .header) }, header2.map { .text($0, .header) },
            numbering.map { .text($0, .header) },
        ]
        var merges: [CellRange] = []
        for column in [0, 1, 2, 3, 4, 8] {
            merges.append(CellRange(CellRef(row: 3, column: column), CellRef(row: 4, column: column)))
        }
        merges.append(CellRange(CellRef(row: 3, column: 5), CellRef(row: 3, column: 7)))
        merges.append(CellRange(CellRef(row: 3, column: 9), CellRef(row: 3, column: 10)))
        let columns = [
            "c4_target_renstra_sd_2023_text", "c5_realisasi_sd_2021_text", "c6_target_renja_2022_text",
            "c7_realisasi_renja_2022_text", "c8_tingkat_realisasi_pct_text", "c9_target_renja_2023_text",
            "c10_realisasi_capaian_sd_2022_text", "c11_tingkat_capaian_renstra_pct_text",
        ]
        for record in records {
            var row: [XLSXCell] = [
                .text(record["kode"] ?? ""), .text(record["uraian"] ?? ""), .text(record["indikator"] ?? ""),
            ]
            row += columns.map { .text(record[$0] ?? "") }
            rows.append(row)
        }
        return try XLSXWriter.write([
            XLSXSheet(
                name: "Tabel 2.1", columnWidths: [16, 40, 40] + Array(repeating: 11, count: 8), rows: rows,
                merges: merges, headerRows: 6)
        ])
    }
}
