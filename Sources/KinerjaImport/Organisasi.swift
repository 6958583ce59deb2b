import Foundation
import KinerjaDomain

/// One row of the `perangkat_daerah` template: a PD, one of its units, and the official holding it.
public struct OrganisasiBaris: Sendable {
    public var lembar: String
    public var nomor: Int
    public var kodePD: String
    public var namaPD: String
    public var singkatan: String
    public var jabatan: String
    public var namaUnit: String
    public var eselon: Eselon?
    public var indukJabatan: String
    public var namaPejabat: String
    public var nip: String
    public var pangkat: String
    /// The PD's urusan and bidang urusan as the workbook names them (`7` PEMERINTAHAN UMUM, `7.01` KECAMATAN).
    public var urusan: [Urusan] = []
}

enum OrganisasiReader {
    static let dikenal: Set<String> = [
        "kode_pd", "nama_pd", "singkatan", "unit_kerja", "jabatan", "eselon", "induk_jabatan", "nama_pejabat", "nip",
        "pangkat", "kode_urusan", "urusan", "kode_bidang_urusan", "bidang_urusan",
    ]

    static func baca(_ table: TabelMasukan) -> ([OrganisasiBaris], [Temuan]) {
        var findings: [Temuan] = []
        guard let peta = PetaKolom.cari(table, wajib: ["kode_pd", "nama_pd"], dikenal: dikenal, tahunan: []) else {
            return (
                [],
                [
                    Temuan(
                        .galat, .kolomTidakAda, lembar: table.lembar, baris: nil, kolom: "kode_pd, nama_pd",
                        pesan: "Lembar perangkat daerah harus mempunyai kolom \"kode_pd\" dan \"nama_pd\".")
                ]
            )
        }
        var rows: [OrganisasiBaris] = []
        for row in table.baris.dropFirst(peta.headerIndex + 1) where !row.isKosong {
            var rowFindings: [Temuan] = []
            func galat(_ column: String, _ message: String) {
                rowFindings.append(
                    Temuan(
                        .galat, .nilaiTidakSah, lembar: table.lembar, baris: row.nomor, kolom: column, pesan: message))
            }
            let kode = row[peta["kode_pd"]].teks
            let nama = row[peta["nama_pd"]].teks
            if kode.isEmpty {
                galat("kode_pd", "Kode PD kosong.")
            } else {
                do { try Batas.periksaKodePD(kode) } catch { galat("kode_pd", error.pesan) }
            }
            if nama.isEmpty { galat("nama_pd", "Nama PD kosong.") }
            for (column, maks, label) in [
                ("nama_pd", Batas.nama, "Nama PD"), ("unit_kerja", Batas.nama, "Nama unit kerja"),
                ("jabatan", Batas.nama, "Jabatan"), ("nama_pejabat", Batas.namaOrang, "Nama pejabat"),
                ("pangkat", Batas.nama, "Pangkat"),
            ] {
                do {
                    try Batas.periksa(row[peta[column]].teks, field: column, maks: maks, label: label)
                } catch { galat(column, error.pesan) }
            }
            let eselonText = row[peta["eselon"]].teks.uppercased()
            var eselon: Eselon?
            if !eselonText.isEmpty {
                eselon =
                    Eselon(
                        rawValue: eselonText.replacingOccurrences(of: "ESELON", with: "").trimmingCharacters(
                            in: .whitespaces))
                    ?? (eselonText.hasPrefix("NON") ? .nonEselon : nil)
                if eselon == nil { galat("eselon", "Eselon \"\(eselonText)\" harus II, III, IV, atau non.") }
            }
            let jabatan = row[peta["jabatan"]].teks
            let nip = row[peta["nip"]].teks.filter { !$0.isWhitespace }
            if !nip.isEmpty && (nip.count != 18 || !nip.allSatisfy(\.isNumber)) {
                galat("nip", "NIP \"\(row[peta["nip"]].teks)\" harus 18 angka.")
            }
            if !row[peta["nama_pejabat"]].teks.isEmpty && jabatan.isEmpty {
                galat("jabatan", "Pejabat tanpa jabatan.")
            }
            // Urusan and bidang urusan: `kode_urusan`/`urusan`, `kode_bidang_urusan`/`bidang_urusan`, or a name with
            // its kode in front (`7.01 - KECAMATAN`).
            var urusan: [Urusan] = []
            for (kodeColumn, nameColumn) in [("kode_urusan", "urusan"), ("kode_bidang_urusan", "bidang_urusan")] {
                var kode = row[peta[kodeColumn]].teks
                var nama = row[peta[nameColumn]].teks
                if kode.isEmpty, let split = nama.range(of: " - ") ?? nama.range(of: " ") {
                    let head = String(nama[..<split.lowerBound])
                    if Urusan.kode(head) != nil {
                        kode = head
                        nama = String(nama[split.upperBound...]).trimmedSpaces()
                    }
                }
                let label = kodeColumn == "kode_urusan" ? "urusan" : "bidang urusan"
                guard !kode.isEmpty else {
                    if !nama.isEmpty {
                        galat(
                            kodeColumn,
                            "Nama \(label) \"\(nama)\" tanpa kode yang sah (contoh 7 atau 7.01 - KECAMATAN).")
                    }
                    continue
                }
                guard let normal = Urusan.kode(kode), normal.contains(".") == (kodeColumn == "kode_bidang_urusan")
                else {
                    galat(kodeColumn, "Kode \(label) \"\(kode)\" tidak sah (contoh 7 atau 7.01).")
                    continue
                }
                urusan.append(Urusan(kode: normal, nama: nama))
            }
            findings += rowFindings
            guard rowFindings.isEmpty else { continue }
            rows.append(
                OrganisasiBaris(
                    lembar: table.lembar, nomor: row.nomor, kodePD: kode, namaPD: nama,
                    singkatan: row[peta["singkatan"]].teks,
                    jabatan: jabatan, namaUnit: row[peta["unit_kerja"]].teks, eselon: eselon,
                    indukJabatan: row[peta["induk_jabatan"]].teks, namaPejabat: row[peta["nama_pejabat"]].teks,
                    nip: nip,
                    pangkat: row[peta["pangkat"]].teks, urusan: urusan))
        }
        return (rows, findings)
    }

    /// Plans the organisation rows against the Pemda's stored PD, units and officials.
    static func rencanakan(_ rows: [OrganisasiBaris], existing: DataKinerja, pratinjau: inout Pratinjau) {
        var pds = Dictionary(existing.perangkatDaerah.map { ($0.kode, $0) }, uniquingKeysWith: { first, _ in first })
        var units: [String: UnitKerja] = [:]
        let pdKode = Dictionary(
            existing.perangkatDaerah.map { ($0.id, $0.kode) }, uniquingKeysWith: { first, _ in first })
        for unit in existing.unitKerja {
            units[(pdKode[unit.perangkatDaerah] ?? "") + "|" + unit.jabatan.lowercased()] = unit
        }
        var officials: Set<String> = Set(
            existing.pejabat.map { $0.unitKerja.description + "|" + ($0.nip.isEmpty ? $0.nama.lowercased() : $0.nip) })
        for row in rows {
            var pd: PerangkatDaerah
            if let found = pds[row.kodePD] {
                pd = found
                if found.nama.lowercased() != row.namaPD.lowercased() {
                    pratinjau.temuan.append(
                        Temuan(
                            .peringatan, .kodeGanda, lembar: row.lembar, baris: row.nomor, kolom: "nama_pd",
                            pesan: "PD \(row.kodePD) tersimpan sebagai \"\(found.nama)\"; nama di berkas diabaikan."))
                }
                pratinjau.tetap += 1
            } else {
                pd = PerangkatDaerah(kode: row.kodePD, nama: row.namaPD, singkatan: row.singkatan)
                pds[row.kodePD] = pd
                pratinjau.perubahan.perangkatDaerahBaru.append(pd)
                pratinjau.dibuat.append("perangkat daerah \(pd.kode) \(pd.nama)")
            }
            guard !row.jabatan.isEmpty else { continue }
            let key = pd.kode + "|" + row.jabatan.lowercased()
            var unit: UnitKerja
            if let found = units[key] {
                unit = found
                pratinjau.tetap += 1
            } else {
                var parent: UnitKerja?
                if !row.indukJabatan.isEmpty {
                    parent = units[pd.kode + "|" + row.indukJabatan.lowercased()]
                    if parent == nil {
                        pratinjau.temuan.append(
                            Temuan(
                                .galat, .indukTidakAda, lembar: row.lembar, baris: row.nomor, kolom: "induk_jabatan",
                                pesan: "Jabatan induk \"\(row.indukJabatan)\" belum ada (tulis baris induk lebih dulu)."
                            ))
                        continue
                    }
                }
                unit = UnitKerja(
                    perangkatDaerah: pd.id, induk: parent?.id, nama: row.namaUnit.isEmpty ? row.jabatan : row.namaUnit,
                    jabatan: row.jabatan, eselon: row.eselon ?? .nonEselon)
                units[key] = unit
                pratinjau.perubahan.unitKerjaBaru.append(unit)
                pratinjau.dibuat.append("unit kerja \(unit.jabatan) (\(pd.kode), eselon \(unit.eselon.rawValue))")
            }
            guard !row.namaPejabat.isEmpty else { continue }
            let officialKey = unit.id.description + "|" + (row.nip.isEmpty ? row.namaPejabat.lowercased() : row.nip)
            if officials.contains(officialKey) {
                pratinjau.tetap += 1
                continue
            }
            do {
                let pejabat = try Pejabat(unitKerja: unit.id, nama: row.namaPejabat, nip: row.nip, pangkat: row.pangkat)
                officials.insert(officialKey)
                pratinjau.perubahan.pejabatBaru.append(pejabat)
                pratinjau.dibuat.append("pejabat \(pejabat.nama) (\(unit.jabatan))")
            } catch {
                pratinjau.temuan.append(
                    Temuan(
                        .galat, .nilaiTidakSah, lembar: row.lembar, baris: row.nomor, kolom: "nip",
                        pesan: error.description))
            }
        }
    }
}
