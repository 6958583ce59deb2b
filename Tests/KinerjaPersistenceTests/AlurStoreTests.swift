import FluentKit
import Foundation
import KinerjaApplication
import KinerjaDomain
import KinerjaImport
import KinerjaPersistence
import KinerjaTestSupport
import Testing

/// The workflow in the one write path on SQLite and PostgreSQL (issue 12): a submitted or locked item refuses a
/// form's change set, an import and the command line's import alike; steps taken at once by two approvers and an
/// editor leave exactly what was submitted approved; every write leaves its history.
@Suite("Alur di jalur tulis")
struct AlurStoreTests {
    static func users(_ data: DataKinerja) throws -> (op: Pengguna, kepala1: Pengguna, kepala2: Pengguna) {
        let pd = data.perangkatDaerah[0].id
        return (
            try Pengguna(
                namaPengguna: "operator", namaLengkap: "Op", peran: .operatorPD, pemda: data.pemda.id,
                perangkatDaerah: pd),
            try Pengguna(
                namaPengguna: "kepala1", namaLengkap: "K1", peran: .kepala, pemda: data.pemda.id, perangkatDaerah: pd),
            try Pengguna(
                namaPengguna: "kepala2", namaLengkap: "K2", peran: .kepala, pemda: data.pemda.id, perangkatDaerah: pd)
        )
    }

    @Test(arguments: TestBackend.available)
    func everySourceIsRefusedOnASubmittedItem(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { db in
            let store = KinerjaStore(db)
            let (data, sub, indikator, _) = try StoreTests.sample()
            try await store.create(data)
            let pd = data.perangkatDaerah[0]
            let (op, _, _) = try Self.users(data)
            let tw1 = ObjekAlur(perangkatDaerah: pd.id, jenis: .realisasi, tahun: 2024, triwulan: 1)
            try await store.apply(
                PerubahanData { $0.langkah = [LangkahAlur(.ajukan, objek: tw1, pelaku: op)] }, pemda: data.pemda.id)
            // A form's change set.
            let form = try PerubahanData {
                $0.realisasi = [
                    try RealisasiKinerja(
                        indikator: indikator.id, periode: .init(tahun: 2024, triwulan: 1), nilai: .angka(9))
                ]
                $0.formulirPD = pd.id
            }
            let refused = await #expect(throws: IsianTerkunci.self) {
                try await store.apply(form, pemda: data.pemda.id)
            }
            #expect(refused?.pesan.hasPrefix("Realisasi TW I 2024 Dinas Uji berstatus diajukan sejak") == true)
            // An import (the web's and the command line's use case): the same refusal.
            let csv = "kode;indikator;tahun;triwulan;realisasi_keuangan;fisik\n06.01.2.01.01;;2024;1;1.000;10\n"
            let existing = try await store.load(pemda: data.pemda.id, perangkatDaerah: pd.id, denganVersi: true)
            let preview = Importer.pratinjau(
                Importer.baca(Data(csv.utf8), namaBerkas: "tw1.csv"), pd: pd, existing: existing)
            #expect(preview.bisaDiterapkan)
            await #expect(throws: IsianTerkunci.self) {
                try await ImporBerkas.terapkan(
                    store, pemda: data.pemda.id, preview, oleh: "cli", sumber: "perintah kinerja import",
                    sekarang: Date())
            }
            // Nothing was written; TW II and the plan are other items and take changes.
            #expect(try await store.load(pemda: data.pemda.id).realisasi.count == data.realisasi.count)
            try await store.apply(
                try PerubahanData {
                    $0.anggaran = [
                        try RealisasiAnggaran(
                            elemen: sub.id, periode: .init(tahun: 2024, triwulan: 2), keuangan: Rupiah(5), fisik: nil)
                    ]
                }, pemda: data.pemda.id)
        }
    }

    @Test(arguments: TestBackend.available)
    func twoApproversAndAnEditorAtOnceLeaveWhatWasSubmittedApproved(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { db in
            let store = KinerjaStore(db)
            let (data, _, indikator, _) = try StoreTests.sample()
            try await store.create(data)
            let pemda = data.pemda.id
            let pd = data.perangkatDaerah[0]
            let (op, kepala1, kepala2) = try Self.users(data)
            for round in 1...4 {
                let periode = PeriodeLaporan(tahun: 2025, triwulan: round)
                let item = ObjekAlur(perangkatDaerah: pd.id, jenis: .realisasi, tahun: 2025, triwulan: round)
                let submitted = Decimal(round)
                try await store.apply(
                    try PerubahanData {
                        $0.realisasi = [
                            try RealisasiKinerja(indikator: indikator.id, periode: periode, nilai: .angka(submitted))
                        ]
                        $0.langkah = [LangkahAlur(.ajukan, objek: item, pelaku: op)]
                    }, pemda: pemda)
                // Both Kepala saw version 1; the editor tries a new value, all at once.
                let outcomes = await withTaskGroup(of: String.self) { group in
                    for kepala in [kepala1, kepala2] {
                        group.addTask {
                            do {
                                try await store.apply(
                                    PerubahanData {
                                        $0.langkah = [
                                            LangkahAlur(.setujui, objek: item, pelaku: kepala, versiDibaca: 1)
                                        ]
                                    },
                                    pemda: pemda)
                                return "disetujui"
                            } catch { return "ditolak" }
                        }
                    }
                    group.addTask {
                        do {
                            try await store.apply(
                                try PerubahanData {
                                    $0.realisasi = [
                                        try RealisasiKinerja(
                                            indikator: indikator.id, periode: periode, nilai: .angka(99))
                                    ]
                                }, pemda: pemda)
                            return "diubah"
                        } catch is IsianTerkunci { return "terkunci" } catch { return "galat: \(error)" }
                    }
                    var all: [String] = []
                    for await outcome in group { all.append(outcome) }
                    return all.sorted()
                }
                #expect(outcomes == ["disetujui", "ditolak", "terkunci"], "putaran \(round)")
                let statuses = try await store.statusAlur(pemda: pemda, pd: pd.id, tahun: 2025)
                #expect(statuses.filter { $0.objek == item }.map(\.status) == [.disetujui])
                let stored = try await store.load(pemda: pemda).realisasi.first {
                    $0.indikator == indikator.id && $0.periode == periode
                }
                #expect(stored?.nilai == .angka(submitted))
            }
            // Every write and step is in the history, who and from where; nothing was deleted.
            let history = try await store.riwayat(pemda: pemda, pd: pd.id)
            #expect(history.filter { $0.entitas == "status" }.count == 8)
            #expect(history.filter { $0.entitas == "realisasi" }.count == 4)
            #expect(history.filter { $0.oleh == "" && $0.entitas == "status" }.isEmpty)
            let byIndicator = try await store.riwayat(pemda: pemda, kunci: indikator.id.uuid)
            #expect(byIndicator.count == 4)
            #expect(Set(byIndicator.map(\.lama)) == [""])
        }
    }

    /// A PK reopened after its lock is changed as a PK Perubahan (issue 13.1): a changed target needs the basis, and
    /// the original value stays as murni; the document says PERUBAHAN and names its basis.
    @Test(arguments: TestBackend.available)
    func aPKReopenedAfterItsLockIsChangedAsAPKPerubahanKeepingTheOriginal(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { db in
            let store = KinerjaStore(db)
            let (data, _, indikator, _) = try StoreTests.sample()
            try await store.create(data)
            let pemda = data.pemda.id
            let pd = data.perangkatDaerah[0]
            func pk(_ value: Decimal, _ text: String) -> Target {
                Target(
                    indikator: indikator.id, dokumen: .perjanjianKinerja, periode: .init(tahun: 2024),
                    nilai: .angka(value), teks: text)
            }
            try await store.apply(PerubahanData { $0.target = [pk(4, "4 dokumen")] }, pemda: pemda)
            // Approved and locked, then reopened by the admin: a stored status, draf again.
            let item = ObjekAlur(perangkatDaerah: pd.id, jenis: .perjanjianKinerja, tahun: 2024)
            try await store.apply(
                PerubahanData {
                    $0.penetapan = [StatusTersimpan(objek: item, status: .draf, catatan: "dibuka", waktu: Date())]
                }, pemda: pemda)
            let refused = await #expect(throws: DomainError.self) {
                try await store.apply(PerubahanData { $0.target = [pk(5, "5 dokumen")] }, pemda: pemda)
            }
            #expect(
                refused?.pesan.contains("hanya dapat diubah sebagai PK Perubahan") == true, "\(refused?.pesan ?? "")")
            let basis = try RevisiDokumen(
                perangkatDaerah: pd.id, dokumen: .perjanjianKinerja, tahun: 2024, alasan: "Perubahan APBD 2024",
                nomorSK: "050/12/2024", tanggalSK: Date(), oleh: "operator", waktu: Date())
            try await store.apply(
                PerubahanData {
                    $0.revisi = [basis]
                    $0.target = [pk(5, "5 dokumen")]
                }, pemda: pemda)
            #expect(try await store.targetMurni(pemda: pemda, pd: pd.id, tahun: 2024).map(\.teks) == ["4 dokumen"])
            let loaded = try await store.load(pemda: pemda, perangkatDaerah: pd.id)
            let set = PerjanjianKinerja.untukPD(
                IndeksKinerja(loaded), pd: pd, tahun: 2024, kepalaDaerah: "H. Zahir", dasarPerubahan: basis.uraian)
            let kepala = try #require(set.first)
            #expect(kepala.judul == "PERJANJIAN KINERJA PERUBAHAN TAHUN 2024")
            #expect(kepala.kedua?.nama == "H. Zahir")
            #expect(PerjanjianKinerja.targetTeks(IndeksKinerja(loaded), indikator, 2024) == "5 dokumen")
            // A PK returned before approval (dikembalikan) is corrected, not revised: no basis needed.
            let returned = ObjekAlur(perangkatDaerah: pd.id, jenis: .perjanjianKinerja, tahun: 2025)
            try await store.apply(
                PerubahanData {
                    $0.target = [
                        Target(
                            indikator: indikator.id, dokumen: .perjanjianKinerja, periode: .init(tahun: 2025),
                            nilai: .angka(6), teks: "6")
                    ]
                    $0.penetapan = [StatusTersimpan(objek: returned, status: .dikembalikan, waktu: Date())]
                }, pemda: pemda)
            try await store.apply(
                PerubahanData {
                    $0.target = [
                        Target(
                            indikator: indikator.id, dokumen: .perjanjianKinerja, periode: .init(tahun: 2025),
                            nilai: .angka(7), teks: "7")
                    ]
                }, pemda: pemda)
        }
    }
}
