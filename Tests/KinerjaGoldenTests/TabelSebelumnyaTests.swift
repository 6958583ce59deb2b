import Foundation
import KinerjaDemo
import KinerjaDomain
import Testing

/// A capaian table computed from the previous version's table (after a save) is the table computed from nothing.
@Suite("Golden: tabel capaian dari versi sebelumnya")
struct TabelSebelumnyaTests {
    /// Every PD of the demo and of a small synthetic kabupaten, every year with realisasi: after a realisasi changed, a target changed, an indicator
    /// renamed, nothing changed or the policy changed, the table built with `sebelumnya` equals the table built
    /// from nothing, and computed only the indicators whose history or definition changed.
    @Test func aTableFromThePreviousVersionIsTheTableFromNothing() throws {
        var checked = 0
        let synthetic = try SyntheticKabupaten(
            jumlahPD: 6, seed: 3, jumlahTahun: 2, programPerPD: 3, kegiatanPerProgram: 3, subPerKegiatan: 4
        ).build()
        for data in try Demo.dataSets() + [synthetic] {
            let owner = data.pemilikPD
            for pd in data.perangkatDaerah {
                let years = Set(data.realisasi.filter { owner.pd(indikator: $0.indikator) == pd.id }.map(\.periode.tahun))
                for tahun in years.sorted() {
                    let before = TabelCapaian(indeks: IndeksKinerja(data), perangkatDaerah: pd.id, tahun: tahun)
                    let count = before.baris.reduce(0) { $0 + $1.indikator.count }
                    guard
                        let realisasi = data.realisasi.firstIndex(where: {
                            $0.periode.tahun == tahun && owner.pd(indikator: $0.indikator) == pd.id
                        })
                    else { continue }
                    var changes: [(String, DataKinerja, Int?)] = [("tanpa perubahan", data, 0)]
                    var value = data
                    value.realisasi[realisasi].nilai = .angka(Decimal(string: "12345.678")!)
                    changes.append(("realisasi", value, 1))
                    let indikatorID = data.realisasi[realisasi].indikator
                    if let target = data.target.firstIndex(where: {
                        $0.indikator == indikatorID && $0.periode.tahun == tahun
                    }) {
                        var changed = data
                        changed.target[target].nilai = .angka(7)
                        changes.append(("target", changed, nil))
                    }
                    var renamed = data
                    if let index = renamed.indikator.firstIndex(where: { $0.id == indikatorID }) {
                        renamed.indikator[index].nama += " (diubah)"
                        changes.append(("indikator", renamed, 1))
                    }
                    var policy = data
                    policy.pemda.kebijakan.batasiRollUp.toggle()
                    changes.append(("kebijakan", policy, count))
                    for (name, changed, computed) in changes {
                        let fresh = TabelCapaian(indeks: IndeksKinerja(changed), perangkatDaerah: pd.id, tahun: tahun)
                        let reused = TabelCapaian(
                            indeks: IndeksKinerja(changed), perangkatDaerah: pd.id, tahun: tahun, sebelumnya: before)
                        #expect(reused.baris == fresh.baris, "\(pd.kode) \(tahun) \(name)")
                        #expect(reused.capaianKeseluruhan == fresh.capaianKeseluruhan, "\(pd.kode) \(tahun) \(name)")
                        if let computed { #expect(reused.dihitung == computed, "\(pd.kode) \(tahun) \(name)") }
                        #expect(reused.dihitung <= count)
                        checked += 1
                    }
                    // Another triwulan's table computes everything again.
                    let quarter = TabelCapaian(
                        indeks: IndeksKinerja(data), perangkatDaerah: pd.id, tahun: tahun, sampaiTriwulan: 2,
                        sebelumnya: before)
                    #expect(quarter.dihitung == count)
                }
            }
        }
        #expect(checked > 30)
    }
}
