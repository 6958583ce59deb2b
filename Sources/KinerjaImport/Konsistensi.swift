import Foundation
import KinerjaDomain

/// The consistency check: every place where a document contradicts itself. Pure functions of the rows read.
enum Konsistensi {
    static func fmt(_ rupiah: Rupiah) -> String { IndonesianFormat.rupiah(rupiah, prefix: false) }

    /// Checks of a plan (template `rencana` or an official Renja/Renstra layout).
    static func rencana(
        _ rows: [RencanaBaris], total: [Int: (Rupiah, RencanaBaris)] = [:], periksaSatuan: Bool = true
    ) -> [Temuan] {
        var findings: [Temuan] = []
        // One row per distinct kode stands for the element (the first); its money per year is on whichever of its
        // rows prints it (documents put the pagu on any one of an element's indicator rows).
        var firstByKode: [String: RencanaBaris] = [:]
        var order: [String] = []
        var hasIndicator: [String: Bool] = [:]
        var seen: [String: Int] = [:]
        for row in rows {
            guard let kode = row.kode else { continue }
            let rowKey = kode.normal + "|" + row.indikator.lowercased() + "|" + row.dokumen.rawValue
            if let earlier = seen[rowKey], !row.indikator.isEmpty {
                findings.append(
                    Temuan(
                        .galat, .kodeGanda, lembar: row.lembar, baris: row.nomor, kolom: "kode",
                        pesan: "Kode \(kode.asli) dengan indikator \"\(row.indikator)\" sudah ada di baris \(earlier).")
                )
            }
            seen[rowKey] = seen[rowKey] ?? row.nomor
            if firstByKode[kode.normal] == nil {
                firstByKode[kode.normal] = row
                order.append(kode.normal)
            } else if var first = firstByKode[kode.normal] {
                for (year, pagu) in row.pagu where first.pagu[year] == nil { first.pagu[year] = pagu }
                if first.paguAkhir == nil, let end = row.paguAkhir {
                    first.paguAkhir = end
                    first.labelKolom["pagu_akhir"] = row.labelKolom["pagu_akhir"]
                }
                firstByKode[kode.normal] = first
            }
            if let first = firstByKode[kode.normal], first.nomor != row.nomor,
                first.uraian.lowercased() != row.uraian.lowercased()
            {
                findings.append(
                    Temuan(
                        .peringatan, .kodeGanda, lembar: row.lembar, baris: row.nomor, kolom: "kode",
                        pesan: "Kode \(kode.asli) juga dipakai di baris \(first.nomor) untuk \"\(first.uraian)\"."))
            }
            hasIndicator[kode.normal] = (hasIndicator[kode.normal] ?? false) || !row.indikator.isEmpty
        }
        let children = Dictionary(grouping: order.compactMap { firstByKode[$0] }) { $0.kode?.induk?.normal ?? "" }
        // What an element's pagu adds up to from the bottom: a wrong figure is reported once, where it stands, not
        // again at its parent (see `sesuai`).
        var computed: [String: Rupiah] = [:]
        func dihitung(_ row: RencanaBaris, _ year: Int) -> Rupiah? {
            let key = row.kode!.normal + "|\(year)"
            if let known = computed[key] { return known }
            let kids = children[row.kode!.normal] ?? []
            let amounts = kids.compactMap { dihitung($0, year) }
            let value = amounts.isEmpty ? row.pagu[year]?.jumlah : amounts.sum()
            computed[key] = value
            return value
        }
        // Parent pagu against Σ children, per year.
        for key in order {
            guard let parent = firstByKode[key], let kids = children[key], !kids.isEmpty else { continue }
            for (year, printed) in parent.pagu.sorted(by: { $0.key < $1.key }) {
                let amounts = kids.compactMap { $0.pagu[year]?.jumlah }
                guard !amounts.isEmpty else { continue }
                let sum = amounts.sum()
                let sumBelow = kids.compactMap { dihitung($0, year) }.sum()
                guard !sesuai(printed.jumlah, sum, sumBelow) else { continue }
                findings.append(
                    Temuan(
                        .peringatan, .paguIndukBerbeda, lembar: parent.lembar, baris: parent.nomor,
                        kolom: parent.kolom("pagu_\(year)"),
                        pesan:
                            "Pagu \(year) \(parent.kode!.asli) ≠ jumlah pagu \(kids.count) \(kids[0].tingkat.label) di bawahnya.",
                        tercetak: fmt(printed.jumlah), dihitung: fmt(sum), selisih: fmt(printed.jumlah - sum)))
            }
        }
        // Renstra: the Rp printed for the end of the period against the sum of the years.
        for key in order {
            // Only a Renstra (several years) adds up to its end of period; form E.81 prints it beside one year.
            guard let row = firstByKode[key], let printed = row.paguAkhir, row.pagu.count >= 3 else { continue }
            let sum = row.pagu.values.map(\.jumlah).sum()
            guard sum != printed else { continue }
            findings.append(
                Temuan(
                    .peringatan, .totalPeriodeBerbeda, lembar: row.lembar, baris: row.nomor,
                    kolom: row.kolom("pagu_akhir"),
                    pesan: "Pagu akhir periode \(row.kode!.asli) ≠ jumlah pagu \(row.pagu.count) tahun.",
                    tercetak: fmt(printed), dihitung: fmt(sum), selisih: fmt(printed - sum)))
        }
        // A printed total against Σ programs.
        let programs = order.compactMap { firstByKode[$0] }.filter { $0.tingkat == .program }
        for (year, (printed, row)) in total.sorted(by: { $0.key < $1.key }) {
            let sum = programs.compactMap { $0.pagu[year]?.jumlah }.sum()
            if sum != printed {
                findings.append(
                    Temuan(
                        .peringatan, .paguIndukBerbeda, lembar: row.lembar, baris: row.nomor,
                        kolom: row.kolom("pagu_\(year)"),
                        pesan: "Total pagu \(year) ≠ jumlah pagu \(programs.count) program.", tercetak: fmt(printed),
                        dihitung: fmt(sum), selisih: fmt(printed - sum)))
            }
        }
        for key in order {
            guard let row = firstByKode[key], hasIndicator[key] != true else { continue }
            if row.tingkat == .program {
                findings.append(
                    Temuan(
                        .peringatan, .programTanpaOutcome, lembar: row.lembar, baris: row.nomor, kolom: "indikator",
                        pesan: "Program \(row.kode!.asli) tanpa indikator outcome."))
            } else if row.tingkat == .kegiatan || row.tingkat == .subKegiatan {
                findings.append(
                    Temuan(
                        .peringatan, .kegiatanTanpaOutput, lembar: row.lembar, baris: row.nomor, kolom: "indikator",
                        pesan: "\(row.tingkat.labelAwal) \(row.kode!.asli) tanpa indikator output."))
            }
        }
        for row in rows where !row.indikator.isEmpty {
            let isPercent = row.satuan.contains("%") || isPercentName(row.indikator)
            let unitInTargets = {
                row.target.values.contains { (try? NilaiParser.parse($0.teks))??.satuan.isEmpty == false }
            }
            if periksaSatuan && row.satuan.isEmpty && !isPercent && !unitInTargets() {
                findings.append(
                    Temuan(
                        .peringatan, .tanpaSatuan, lembar: row.lembar, baris: row.nomor, kolom: "satuan",
                        pesan: "Indikator \"\(row.indikator)\" tanpa satuan."))
            }
            if !row.target.isEmpty {
                for year in row.tahunKosong {
                    findings.append(
                        Temuan(
                            .peringatan, .tahunTanpaTarget, lembar: row.lembar, baris: row.nomor,
                            kolom: row.kolom("target_\(year)"),
                            pesan: "Indikator \"\(row.indikator)\" tanpa target tahun \(year)."))
                }
            }
            if isPercent {
                for (year, target) in row.target.sorted(by: { $0.key < $1.key }) {
                    if let value = target.nilai.angka, value > 100, row.polaritas != .turun {
                        findings.append(
                            Temuan(
                                .peringatan, .persenDijumlahkan, lembar: row.lembar, baris: row.nomor,
                                kolom: "target_\(year)",
                                pesan:
                                    "Target persentase \(IndonesianFormat.number(value)) lebih dari 100: persentase tahunan dijumlahkan?",
                                tercetak: target.teks))
                    }
                }
            }
        }
        return findings
    }

    static func isPercentName(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasPrefix("persen") || lower.hasPrefix("prosentase") || lower.hasPrefix("percentase")
            || lower.contains("%")
    }

    /// Checks of a realisasi sheet: printed % keuangan against its ratio, parents' realisasi keuangan against Σ
    /// children of the same period.
    /// A parent's printed figure agrees with its children when it equals the sum of what they print, or the sum
    /// of what they add up to from their own children: a child printed wrong is then reported at the child only.
    static func sesuai(_ printed: Rupiah, _ sumPrinted: Rupiah, _ sumBelow: Rupiah) -> Bool {
        printed == sumPrinted || printed == sumBelow
    }

    static func realisasi(_ rows: [RealisasiBaris], pagu: (Kode, Int) -> Rupiah?) -> [Temuan] {
        var findings: [Temuan] = []
        var money: [String: (Rupiah, RealisasiBaris)] = [:]
        for row in rows {
            guard let kode = row.kode else { continue }
            if let keuangan = row.keuangan {
                let key = kode.normal + "|\(row.tahun)|\(row.triwulan ?? 0)"
                if money[key] == nil { money[key] = (keuangan, row) }
            }
            if let printed = row.persenKeuangan, let keuangan = row.keuangan, let ceiling = pagu(kode, row.tahun) {
                let decimals = decimalsPrinted(printed.teks)
                if let ratio = Serapan.persen(realisasi: keuangan, pagu: ceiling),
                    ratio.rounded(scale: decimals) != printed.nilai
                {
                    findings.append(
                        Temuan(
                            .peringatan, .persenBerbeda, lembar: row.lembar, baris: row.nomor, kolom: "persen_keuangan",
                            pesan: "% keuangan tercetak ≠ realisasi keuangan ÷ pagu × 100.", tercetak: printed.teks,
                            dihitung: IndonesianFormat.number(ratio, fractionDigits: decimals),
                            selisih: IndonesianFormat.number(printed.nilai - ratio, fractionDigits: max(2, decimals))))
                }
            }
        }
        let byParent = Dictionary(grouping: money.values.map(\.1).filter { $0.kode?.induk != nil }) {
            $0.kode!.induk!.normal + "|\($0.tahun)|\($0.triwulan ?? 0)"
        }
        var computed: [String: Rupiah] = [:]
        func dihitung(_ row: RealisasiBaris) -> Rupiah? {
            let key = row.kode!.normal + "|\(row.tahun)|\(row.triwulan ?? 0)"
            if let known = computed[key] { return known }
            let amounts = (byParent[key] ?? []).compactMap { dihitung($0) }
            let value = amounts.isEmpty ? row.keuangan : amounts.sum()
            computed[key] = value
            return value
        }
        for (key, (printed, row)) in money.sorted(by: { $0.value.1.nomor < $1.value.1.nomor }) {
            guard let kids = byParent[key], !kids.isEmpty else { continue }
            let sum = kids.compactMap(\.keuangan).sum()
            if !sesuai(printed, sum, kids.compactMap { dihitung($0) }.sum()) {
                findings.append(
                    Temuan(
                        .peringatan, .realisasiIndukBerbeda, lembar: row.lembar, baris: row.nomor,
                        kolom: "realisasi_keuangan",
                        pesan:
                            "Realisasi keuangan \(row.kode?.asli ?? "") ≠ jumlah realisasi \(kids.count) elemen di bawahnya.",
                        tercetak: fmt(printed), dihitung: fmt(sum), selisih: fmt(printed - sum)))
            }
        }
        return findings
    }

    static func decimalsPrinted(_ text: String) -> Int {
        let trimmed = text.replacingOccurrences(of: "%", with: "").trimmedSpaces()
        guard let mark = trimmed.lastIndex(where: { $0 == "," || $0 == "." }) else { return 0 }
        let digits = trimmed[trimmed.index(after: mark)...]
        // "1.000" in a percent column is not a decimal.
        return digits.count == 3 && trimmed.filter({ $0 == "." || $0 == "," }).count > 1 ? 0 : digits.count
    }
}
