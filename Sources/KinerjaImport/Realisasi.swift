import Foundation
import KinerjaDomain
import KinerjaSpreadsheet

/// One row of the `realisasi` template.
public struct RealisasiBaris: Sendable {
    public var lembar: String
    public var nomor: Int
    public var kodePD: String?
    /// The element's kode; nil for an element without kode (tujuan, sasaran), found by `uraian`.
    public var kode: Kode?
    public var uraian: String = ""
    public var indikator: String
    public var tahun: Int
    /// nil: an annual figure.
    public var triwulan: Int?
    public var realisasi: (nilai: Nilai, teks: String)?
    public var keuangan: Rupiah?
    public var fisik: Decimal?
    /// `persen_keuangan` as printed, with its text (for the decimals).
    public var persenKeuangan: (nilai: Decimal, teks: String)?
    /// `target_triwulan`: the rencana aksi's target of the triwulan (a PK target of that triwulan).
    public var targetTriwulan: (nilai: Nilai, teks: String)? = nil
}

enum RealisasiReader {
    static let dikenal: Set<String> = [
        "kode", "indikator", "tahun", "triwulan", "realisasi", "realisasi_keuangan", "fisik", "persen_keuangan",
        "kode_pd",
        "uraian", "satuan", "target", "pagu", "target_triwulan",
    ]

    static func baca(_ table: TabelMasukan, jumlahTriwulan: Int) -> ([RealisasiBaris], [Temuan]) {
        var findings: [Temuan] = []
        guard let peta = PetaKolom.cari(table, wajib: ["kode", "tahun"], dikenal: dikenal, tahunan: []) else {
            findings.append(
                Temuan(
                    .galat, .kolomTidakAda, lembar: table.lembar, baris: nil, kolom: "kode, tahun",
                    pesan:
                        "Baris judul kolom tidak ditemukan: lembar realisasi harus mempunyai kolom \"kode\" dan \"tahun\"."
                ))
            return ([], findings)
        }
        for (_, name) in peta.nama.sorted(by: { $0.key < $1.key }) where !dikenal.contains(normalHeader(name)) {
            findings.append(
                Temuan(
                    .peringatan, .kolomTidakDikenal, lembar: table.lembar, baris: table.baris[peta.headerIndex].nomor,
                    kolom: name, pesan: "Kolom \"\(name)\" tidak dikenal dan diabaikan."))
        }
        let dataRows = Array(table.baris.dropFirst(peta.headerIndex + 1)).filter { !$0.isKosong }
        var readers: [String: KolomAngka] = [:]
        for name in ["realisasi", "realisasi_keuangan", "fisik", "persen_keuangan", "target_triwulan"] {
            if let column = peta[name] { readers[name] = KolomAngka(dataRows.map { $0[column] }) }
        }
        var rows: [RealisasiBaris] = []
        for row in dataRows {
            var rowFindings: [Temuan] = []
            func add(_ keparahan: Temuan.Keparahan, _ jenis: Temuan.Jenis, _ column: String, _ message: String) {
                rowFindings.append(
                    Temuan(
                        keparahan, jenis, lembar: table.lembar, baris: row.nomor,
                        kolom: peta.label(peta[column]) ?? column, pesan: message))
            }
            var kode: Kode?
            let uraian = row[peta["uraian"]].teks
            let kodeText = row[peta["kode"]].teks
            if kodeText.isEmpty && uraian.isEmpty {
                add(.galat, .kodeTidakSah, "kode", "Isi kode (atau uraian untuk tujuan/sasaran tanpa kode).")
            } else if !kodeText.isEmpty {
                do {
                    kode = try Kode.parse(kodeText)
                } catch {
                    add(.galat, .kodeTidakSah, "kode", error.description)
                }
            }
            let tahunText = row[peta["tahun"]].teks
            let tahun = Int(tahunText.replacingOccurrences(of: ".0", with: ""))
            if tahun == nil || !(1945...2200).contains(tahun!) {
                add(.galat, .nilaiTidakSah, "tahun", "Tahun \"\(tahunText)\" tidak sah.")
            }
            var triwulan: Int?
            let triwulanText = row[peta["triwulan"]].teks.uppercased()
            if !triwulanText.isEmpty {
                let roman = ["I": 1, "II": 2, "III": 3, "IV": 4]
                triwulan =
                    Int(triwulanText.replacingOccurrences(of: ".0", with: ""))
                    ?? roman[triwulanText.replacingOccurrences(of: "TW", with: "").trimmedSpaces()]
                if triwulan == nil || !(1...jumlahTriwulan).contains(triwulan!) {
                    add(
                        .galat, .nilaiTidakSah, "triwulan",
                        "Triwulan \"\(triwulanText)\" harus 1-\(jumlahTriwulan) (kosong untuk angka tahunan).")
                }
            }
            func value(_ name: String) -> (nilai: Nilai, teks: String)? {
                let cell = row[peta[name]]
                guard !cell.isKosong else { return nil }
                switch RencanaReader.bacaNilai(cell, kolom: readers[name]) {
                case .success(let (value, note)):
                    if let note { add(.peringatan, .angkaAmbigu, name, note) }
                    return (value, cell.teks)
                case .failure(let error):
                    add(.galat, .nilaiTidakSah, name, error.message)
                    return nil
                }
            }
            let realisasi = value("realisasi")
            let targetTriwulan = value("target_triwulan")
            if targetTriwulan != nil && triwulan == nil && triwulanText.isEmpty {
                add(
                    .galat, .nilaiTidakSah, "target_triwulan",
                    "Target triwulan (rencana aksi) hanya untuk baris dengan triwulan 1-\(jumlahTriwulan).")
            }
            func number(_ name: String, uang: Bool = false) -> Decimal? {
                guard let column = peta[name], let reader = readers[name] else { return nil }
                switch reader.baca(row[column], uang: uang) {
                case .kosong: return nil
                case .angka(let value, _): return value
                case .diputuskan(let value, _, let note):
                    add(.peringatan, .angkaAmbigu, name, note)
                    return value
                case .galat(let message):
                    add(.galat, .nilaiTidakSah, name, message)
                    return nil
                }
            }
            var keuangan: Rupiah?
            if let value = number("realisasi_keuangan", uang: true) {
                keuangan = Rupiah(exactly: value)
                if keuangan == nil || keuangan!.sen < 0 {
                    add(
                        .galat, .nilaiTidakSah, "realisasi_keuangan",
                        "Realisasi keuangan harus rupiah tidak negatif dengan paling banyak dua desimal.")
                }
            }
            let fisik = number("fisik")
            do {
                try RealisasiAnggaran.periksaFisik(fisik)
            } catch {
                add(.galat, .nilaiTidakSah, "fisik", error.pesan)
            }
            let persen = number("persen_keuangan").map { ($0, row[peta["persen_keuangan"]].teks) }
            findings += rowFindings
            guard !rowFindings.contains(where: { $0.keparahan == .galat }), let tahun else { continue }
            rows.append(
                RealisasiBaris(
                    lembar: table.lembar, nomor: row.nomor,
                    kodePD: row[peta["kode_pd"]].teks.isEmpty ? nil : row[peta["kode_pd"]].teks,
                    kode: kode, uraian: uraian, indikator: row[peta["indikator"]].teks, tahun: tahun,
                    triwulan: triwulan,
                    realisasi: realisasi,
                    keuangan: keuangan, fisik: fisik, persenKeuangan: persen, targetTriwulan: targetTriwulan))
        }
        return (rows, findings)
    }
}
