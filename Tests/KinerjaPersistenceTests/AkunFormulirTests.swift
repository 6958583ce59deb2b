import FluentKit
import Foundation
import KinerjaDomain
import KinerjaPersistence
import KinerjaTestSupport
import Testing

/// Accounts, sessions and the form saves, on SQLite in memory and on real PostgreSQL.
@Suite("Penyimpanan akun dan formulir")
struct AkunFormulirTests {
    @Test(arguments: TestBackend.available)
    func accountsSessionsAndThrottling(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { db in
            let store = KinerjaStore(db)
            let (data, _, _, _) = try StoreTests.sample()
            try await store.create(data)
            let pd = data.perangkatDaerah[0]
            let user = try Pengguna(
                namaPengguna: "operator", namaLengkap: "Op", peran: .operatorPD, pemda: data.pemda.id,
                perangkatDaerah: pd.id)
            try await store.add(user, sandiHash: "hash-1")
            await #expect(throws: DomainError.self) { try await store.add(user, sandiHash: "x") }
            #expect(try await store.pengguna(namaPengguna: " OPERATOR ")?.0 == user)
            let now = Date(timeIntervalSince1970: 2_000_000_000)
            try await store.createSesi(
                pengguna: user.id, tokenHash: "t1", csrf: "c1", sekarang: now, kedaluwarsa: now.addingTimeInterval(60))
            #expect(try await store.sesi(tokenHash: "t1", sekarang: now)?.pengguna == user)
            #expect(try await store.sesi(tokenHash: "t1", sekarang: now.addingTimeInterval(61)) == nil)
            // Expired sessions are removed when seen.
            #expect(try await SesiModel.query(on: db).count() == 0)
            var attempts: [UUID] = []
            for second in 0..<3 {
                attempts.append(
                    try await store.recordPercobaan(
                        namaPengguna: "Operator", alamat: "10.0.0.1", waktu: now.addingTimeInterval(Double(second))))
            }
            let other = try await store.recordPercobaan(namaPengguna: "operator", alamat: "10.0.0.2", waktu: now)
            // Pending attempts count for their pair only; failed ones for the address and the name too.
            #expect(try await store.failedLogins(namaPengguna: "operator", alamat: "10.0.0.1", sejak: now).alamat == 0)
            for id in attempts + [other] { try await store.gagal(percobaan: id) }
            var failures = try await store.failedLogins(namaPengguna: "operator", alamat: "10.0.0.1", sejak: now)
            #expect(failures.pasangan == 3)
            #expect(failures.alamat == 3)
            #expect(failures.nama == 4)
            #expect(failures.tertua == now)
            // A refused attempt does not count; a success clears the pair's failures only.
            try await store.cancelPercobaan(attempts[2])
            failures = try await store.failedLogins(namaPengguna: "operator", alamat: "10.0.0.1", sejak: now)
            #expect(failures.pasangan == 2)
            try await store.loginSucceeded(
                percobaan: attempts[1], namaPengguna: "operator", alamat: "10.0.0.1", sebelum: now)
            failures = try await store.failedLogins(namaPengguna: "operator", alamat: "10.0.0.1", sejak: now)
            #expect(failures.pasangan == 0)
            #expect(failures.nama == 1)
            // The admin lifts every lock on the name.
            try await store.unlockLogin(namaPengguna: "OPERATOR")
            #expect(try await store.failedLogins(namaPengguna: "operator", alamat: "10.0.0.2", sejak: now).nama == 0)
            // Deactivating ends the sessions.
            try await store.createSesi(
                pengguna: user.id, tokenHash: "t2", csrf: "c2", sekarang: now, kedaluwarsa: now.addingTimeInterval(600))
            var inactive = user
            inactive.aktif = false
            try await store.update(inactive)
            #expect(try await store.sesi(tokenHash: "t2", sekarang: now) == nil)
        }
    }

    @Test(arguments: TestBackend.available)
    func formSaveIsAllOrNothingWithVersions(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { db in
            let store = KinerjaStore(db)
            let (data, sub, indikator, program) = try StoreTests.sample()
            try await store.create(data)
            let pd = data.perangkatDaerah[0].id
            let periode = PeriodeLaporan(tahun: 2024, triwulan: 2)
            func form(_ build: (inout PerubahanData) throws -> Void) rethrows -> PerubahanData {
                var change = try PerubahanData(build)
                change.formulirPD = pd
                change.oleh = "operator"
                return change
            }
            let first = try await store.apply(
                try form {
                    $0.realisasi = [try RealisasiKinerja(indikator: indikator.id, periode: periode, nilai: .angka(2))]
                    $0.versiDibaca[.realisasi(indikator.id, periode)] = 0
                    $0.anggaran = [
                        try RealisasiAnggaran(elemen: sub.id, periode: periode, keuangan: Rupiah(1_000), fisik: 10)
                    ]
                    $0.versiDibaca[.anggaran(sub.id, periode)] = 0
                    $0.bukti = [
                        BerkasBukti(
                            indikator: indikator.id, periode: periode, namaBerkas: "a.pdf", jenis: "application/pdf",
                            isi: Data("%PDF".utf8))
                    ]
                }, pemda: data.pemda.id)
            #expect(first == 3)
            // A stale version on one entry: nothing of the form is written.
            await #expect(throws: KonflikVersi.self) {
                try await store.apply(
                    try form {
                        $0.realisasi = [
                            try RealisasiKinerja(indikator: indikator.id, periode: periode, nilai: .angka(3))
                        ]
                        $0.versiDibaca[.realisasi(indikator.id, periode)] = 0
                        $0.anggaran = [
                            try RealisasiAnggaran(elemen: sub.id, periode: periode, keuangan: Rupiah(2_000), fisik: 20)
                        ]
                        $0.versiDibaca[.anggaran(sub.id, periode)] = 1
                    }, pemda: data.pemda.id)
            }
            let stored = try await store.stored(pemda: data.pemda.id, pd: pd, periode: periode)
            #expect(stored.kinerja[indikator.id.uuid]?.versi == 1)
            #expect(stored.kinerja[indikator.id.uuid]?.teks == "2")
            #expect(stored.anggaran[sub.id.uuid]?.keuangan == Rupiah(1_000))
            #expect(try await store.listBukti(pemda: data.pemda.id, pd: pd, periode: periode).count == 1)
            // Money only on sub kegiatan of this PD.
            await #expect(throws: DomainError.self) {
                try await store.apply(
                    try form {
                        $0.anggaran = [
                            try RealisasiAnggaran(elemen: program.id, periode: periode, keuangan: Rupiah(1), fisik: nil)
                        ]
                    }, pemda: data.pemda.id)
            }
            // Targets and pagu.
            let year = PeriodeLaporan(tahun: 2024)
            let changed = try await store.apply(
                try form {
                    $0.target = [
                        Target(
                            indikator: indikator.id, dokumen: .renja, periode: year, nilai: .angka(5), teks: "5 dokumen"
                        )
                    ]
                    $0.versiDibaca[.target(indikator.id, .renja, year)] = 1
                    $0.pagu = [try Pagu(elemen: sub.id, dokumen: .renja, tahun: 2024, jumlah: Rupiah(20_000_000))]
                    $0.versiDibaca[.pagu(sub.id, .renja, tahun: 2024)] = 1
                }, pemda: data.pemda.id)
            #expect(changed == 2)
            let plan = try await store.storedRencana(pemda: data.pemda.id, pd: pd, dokumen: .renja, tahun: 2024)
            #expect(plan.target[indikator.id.uuid]?.versi == 2)
            #expect(plan.target[indikator.id.uuid]?.teks == "5 dokumen")
            #expect(plan.pagu[sub.id.uuid]?.jumlah == Rupiah(20_000_000))
            await #expect(throws: KonflikVersi.self) {
                try await store.apply(
                    try form {
                        $0.pagu = [try Pagu(elemen: sub.id, dokumen: .renja, tahun: 2024, jumlah: Rupiah(1))]
                        $0.versiDibaca[.pagu(sub.id, .renja, tahun: 2024)] = 1
                    }, pemda: data.pemda.id)
            }
        }
    }
}
