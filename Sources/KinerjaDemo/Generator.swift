import Foundation
import KinerjaDomain

/// A deterministic pseudo-random generator (SplitMix64): the same seed gives the same kabupaten on every machine.
public struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    private var made: UInt64 = 0
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Ordered like `UUID.acak()`'s: a count of the ids made in its first 48 bits (from a fixed time of 2025, so
    /// they sort among ids made by hand), random bits after.
    mutating func uuid() -> UUID {
        made += 1
        let a = (1_735_689_600_000 &+ made) << 16 | (next() & 0xFFFF)
        let b = next()
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<8 {
            bytes[index] = UInt8(truncatingIfNeeded: a >> (8 * (7 - index)))
            bytes[index + 8] = UInt8(truncatingIfNeeded: b >> (8 * index))
        }
        bytes[6] = (bytes[6] & 0x0F) | 0x70
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9],
                bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }
}

/// Builds a large synthetic kabupaten for tests and benchmarks. With the defaults (50 PD): 20 000 sub kegiatan,
/// about 42 000 indicators, 5 years of Renstra targets and pagu, and the first year's 4 triwulan of realisasi.
public struct SyntheticKabupaten: Sendable {
    public var jumlahPD: Int
    public var seed: UInt64
    public var tahunAwal: Int
    public var jumlahTahun: Int
    public var programPerPD: Int
    public var kegiatanPerProgram: Int
    public var subPerKegiatan: Int

    public init(
        jumlahPD: Int = 50, seed: UInt64 = 1, tahunAwal: Int = 2025, jumlahTahun: Int = 5, programPerPD: Int = 8,
        kegiatanPerProgram: Int = 5, subPerKegiatan: Int = 10
    ) {
        self.jumlahPD = jumlahPD
        self.seed = seed
        self.tahunAwal = tahunAwal
        self.jumlahTahun = jumlahTahun
        self.programPerPD = programPerPD
        self.kegiatanPerProgram = kegiatanPerProgram
        self.subPerKegiatan = subPerKegiatan
    }

    static let satuan = ["Dokumen", "Laporan", "Orang", "Paket", "Unit", "Kegiatan"]
    static let sumberDana = ["DAU", "DAK", "PAD", "DBH"]

    public func build() throws -> DataKinerja {
        var rng = SplitMix64(seed: seed)
        var data = DataKinerja(
            pemda: Pemda(id: TypedID(rng.uuid()), nama: "Kabupaten Sintetis \(seed)", ibukota: "Kota Sintetis"))
        let years = tahunAwal...(tahunAwal + jumlahTahun - 1)
        let realisasiYear = tahunAwal
        var order = 0
        func node(
            _ pd: PerangkatDaerah, _ parent: ElemenRencana?, _ tingkat: Tingkat, _ kode: Kode?, _ uraian: String
        ) throws -> ElemenRencana {
            order += 1
            let created = try ElemenRencana(
                id: TypedID(rng.uuid()), perangkatDaerah: pd.id, induk: parent?.id, tingkat: tingkat, kode: kode,
                uraian: uraian, urutan: order)
            data.elemen.append(created)
            return created
        }
        func indikator(
            _ on: ElemenRencana, _ nama: String, satuan: String, polaritas: Polaritas, jenisNilai: JenisNilai
        )
            throws -> Indikator
        {
            order += 1
            let created = try Indikator(
                id: TypedID(rng.uuid()), elemen: on.id, nama: nama, satuan: satuan,
                jenis: on.tingkat.jenisIndikatorDiharapkan,
                polaritas: polaritas, jenisNilai: jenisNilai, urutan: order)
            data.indikator.append(created)
            return created
        }
        func plan(_ item: Indikator, base: Int, percent: Bool) throws {
            for (offset, year) in years.enumerated() {
                let value = percent ? Decimal(min(100, base + offset * 2)) : Decimal(base + offset)
                data.target.append(
                    Target(
                        indikator: item.id, dokumen: .renstra, periode: PeriodeLaporan(tahun: year),
                        nilai: .angka(value)))
            }
            for quarter in 1...4 {
                let roll = Int.random(in: 0..<100, using: &rng)
                if roll < 3 { continue }  // not yet reported: missing, not zero
                let achieved: Decimal
                if percent {
                    // base × (60…110) %, exactly: its hundredths as the significand (Foundation's division was a
                    // tenth of `kinerja generate`; the same values, the same text).
                    achieved = Decimal(
                        sign: .plus, exponent: -2, significand: Decimal(base * Int.random(in: 60...110, using: &rng)))
                } else {
                    achieved = Decimal(Int.random(in: 0...max(1, base / 2), using: &rng))
                }
                data.realisasi.append(
                    try RealisasiKinerja(
                        indikator: item.id, periode: PeriodeLaporan(tahun: realisasiYear, triwulan: quarter),
                        nilai: .angka(achieved.rounded(scale: 2))))
            }
        }

        for pdIndex in 1...jumlahPD {
            let bidang = String(format: "%02d", (pdIndex - 1) % 30 + 1)
            let urusan = String((pdIndex - 1) / 30 + 1)
            let pd = PerangkatDaerah(
                id: TypedID(rng.uuid()), kode: String(format: "PD%03d", pdIndex), nama: "Dinas Sintetis \(pdIndex)",
                singkatan: "DS\(pdIndex)")
            data.perangkatDaerah.append(pd)
            let kepala = UnitKerja(
                id: TypedID(rng.uuid()), perangkatDaerah: pd.id, nama: "Kepala Dinas", jabatan: "Kepala Dinas",
                eselon: .ii)
            data.unitKerja.append(kepala)
            let tujuan = try node(pd, nil, .tujuanPD, nil, "Tujuan PD \(pdIndex)")
            for s in 1...2 {
                let sasaran = try node(pd, tujuan, .sasaranPD, nil, "Sasaran \(s) PD \(pdIndex)")
                let item = try indikator(
                    sasaran, "Indeks sasaran \(s)", satuan: "%", polaritas: s == 2 ? .turun : .naik, jenisNilai: .persen
                )
                try plan(item, base: 80, percent: true)
            }
            for p in 1...programPerPD {
                let programKode = try Kode.parse("\(urusan).\(bidang).\(String(format: "%02d", p))")
                let program = try node(pd, nil, .program, programKode, "Program \(p) PD \(pdIndex)")
                let outcome = try indikator(
                    program, "Persentase capaian program \(p)", satuan: "%", polaritas: .naik, jenisNilai: .persen)
                try plan(outcome, base: 90, percent: true)
                for k in 1...kegiatanPerProgram {
                    let kegiatanKode = try Kode.parse(programKode.normal + ".2." + String(format: "%02d", k))
                    let kegiatan = try node(pd, program, .kegiatan, kegiatanKode, "Kegiatan \(k) program \(p)")
                    let output = try indikator(
                        kegiatan, "Jumlah dokumen kegiatan \(k)", satuan: "Dokumen", polaritas: .naik,
                        jenisNilai: .angka)
                    try plan(output, base: 4, percent: false)
                    for s in 1...subPerKegiatan {
                        let subKode = try Kode.parse(kegiatanKode.normal + "." + String(format: "%04d", s))
                        let sub = try node(pd, kegiatan, .subKegiatan, subKode, "Sub kegiatan \(s) kegiatan \(k)")
                        let unit = Self.satuan[Int.random(in: 0..<Self.satuan.count, using: &rng)]
                        let first = try indikator(
                            sub, "Jumlah \(unit.lowercased()) sub kegiatan \(s)", satuan: unit, polaritas: .naik,
                            jenisNilai: .angka)
                        try plan(first, base: Int.random(in: 1...40, using: &rng), percent: false)
                        let second = try indikator(
                            sub, "Persentase penyelesaian sub kegiatan \(s)", satuan: "%", polaritas: .naik,
                            jenisNilai: .persen)
                        try plan(second, base: 100, percent: true)
                        let dana = Self.sumberDana[Int.random(in: 0..<Self.sumberDana.count, using: &rng)]
                        var pagu2025: Int64 = 0
                        for year in years {
                            let amount = Int64.random(in: 5_000...500_000, using: &rng) * 1_000 * 100
                            if year == realisasiYear { pagu2025 = amount }
                            data.pagu.append(
                                try Pagu(
                                    elemen: sub.id, dokumen: .renstra, tahun: year, jumlah: Rupiah(sen: amount),
                                    sumberDana: dana, lokasi: "Kabupaten"))
                        }
                        for quarter in 1...4 {
                            let spent = pagu2025 / 4 * Int64.random(in: 50...100, using: &rng) / 100
                            data.anggaran.append(
                                try RealisasiAnggaran(
                                    elemen: sub.id, periode: PeriodeLaporan(tahun: realisasiYear, triwulan: quarter),
                                    keuangan: Rupiah(sen: spent), fisik: Decimal(quarter * 25)))
                        }
                    }
                }
            }
        }
        return data
    }
}
