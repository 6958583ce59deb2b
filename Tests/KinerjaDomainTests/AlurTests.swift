import Foundation
import KinerjaDomain
import Testing

/// The workflow's rules (issue 12): every role × step × status, for a document and for realisasi, against the
/// table of the issue written out here; the reporting windows by a given clock.
@Suite("Alur persetujuan")
struct AlurTests {
    static let pemda = TypedID<Pemda>()
    static let pd = TypedID<PerangkatDaerah>()
    static let otherPD = TypedID<PerangkatDaerah>()

    static func user(
        _ peran: Peran, pd: TypedID<PerangkatDaerah>? = AlurTests.pd, pemda: TypedID<Pemda> = AlurTests.pemda
    )
        throws -> Pengguna
    {
        try Pengguna(
            namaPengguna: "u.\(peran.rawValue)", namaLengkap: "U", peran: peran, pemda: pemda,
            perangkatDaerah: peran.perluPD ? pd : nil)
    }

    /// The table: who may take which step from which status, and where it leads.
    static func expected(_ peran: Peran, _ step: Transisi, _ status: StatusAlur, realisasi: Bool) -> StatusAlur? {
        switch step {
        case .ajukan: return peran == .operatorPD && [.draf, .dikembalikan].contains(status) ? .diajukan : nil
        case .kembalikan:
            let who: [Peran] = realisasi ? [.kepala, .evaluator, .admin] : [.kepala, .admin]
            return who.contains(peran) && [.diajukan, .disetujui].contains(status) ? .dikembalikan : nil
        case .setujui: return peran == .kepala && status == .diajukan ? .disetujui : nil
        case .verifikasi:
            let who: [Peran] = realisasi ? [.evaluator, .admin] : [.admin]
            return who.contains(peran) && status == .disetujui ? .diverifikasi : nil
        case .kunci: return peran == .admin && status == .diverifikasi ? .dikunci : nil
        case .bukaKunci: return peran == .admin && status == .dikunci ? .draf : nil
        }
    }

    @Test(arguments: ObjekAlur.Jenis.allCases)
    func everyRoleStepAndStatus(jenis: ObjekAlur.Jenis) throws {
        let item = ObjekAlur(perangkatDaerah: Self.pd, jenis: jenis, tahun: 2025, triwulan: 2)
        var pairs = 0
        for peran in Peran.allCases {
            let user = try Self.user(peran)
            for step in Transisi.allCases {
                for status in StatusAlur.allCases {
                    // Realisasi and the LKjIP are verified by the Inspektorat as well (DOMAIN.md "Workflow").
                    let want = Self.expected(peran, step, status, realisasi: [.realisasi, .lkjip].contains(jenis))
                    let got = try? AturanAlur.periksa(
                        step, oleh: user, objek: item, pemda: Self.pemda, status: status, catatan: "perbaiki")
                    #expect(got == want, "\(peran) \(step) dari \(status) pada \(jenis)")
                    pairs += 1
                }
            }
        }
        #expect(pairs == Peran.allCases.count * Transisi.allCases.count * StatusAlur.allCases.count)
    }

    @Test func aPDRoleActsOnlyOnItsOwnPDAndNobodyOnAnotherPemda() throws {
        let item = ObjekAlur(perangkatDaerah: Self.pd, jenis: .realisasi, tahun: 2025, triwulan: 1)
        let stranger = try Self.user(.operatorPD, pd: Self.otherPD)
        #expect(throws: DomainError.self) {
            try AturanAlur.periksa(.ajukan, oleh: stranger, objek: item, pemda: Self.pemda, status: .draf)
        }
        let otherKepala = try Self.user(.kepala, pd: Self.otherPD)
        #expect(throws: DomainError.self) {
            try AturanAlur.periksa(.setujui, oleh: otherKepala, objek: item, pemda: Self.pemda, status: .diajukan)
        }
        let foreignAdmin = try Self.user(.admin, pemda: TypedID())
        #expect(throws: DomainError.self) {
            try AturanAlur.periksa(.kunci, oleh: foreignAdmin, objek: item, pemda: Self.pemda, status: .diverifikasi)
        }
        var inactive = try Self.user(.admin)
        inactive.aktif = false
        #expect(throws: DomainError.self) {
            try AturanAlur.periksa(.kunci, oleh: inactive, objek: item, pemda: Self.pemda, status: .diverifikasi)
        }
        #expect(throws: DomainError.self) {
            try AturanAlur.periksa(.ajukan, oleh: nil, objek: item, pemda: Self.pemda, status: .draf)
        }
    }

    @Test func returningAndReopeningNeedANote() throws {
        let item = ObjekAlur(perangkatDaerah: Self.pd, jenis: .renja, tahun: 2025)
        for (step, user, status) in [
            (Transisi.kembalikan, try Self.user(.kepala), StatusAlur.diajukan),
            (.bukaKunci, try Self.user(.admin), .dikunci),
        ] {
            let error = #expect(throws: DomainError.self) {
                try AturanAlur.periksa(step, oleh: user, objek: item, pemda: Self.pemda, status: status, catatan: "  ")
            }
            #expect(error?.field == "catatan")
        }
        // The message of a wrong status names the item and its status.
        let kepala = try Self.user(.kepala)
        let error = #expect(throws: DomainError.self) {
            try AturanAlur.periksa(.setujui, oleh: kepala, objek: item, pemda: Self.pemda, status: .draf)
        }
        #expect(error?.pesan.contains("Renja 2025 berstatus draf") == true)
    }

    @Test func onlyDraftsAndReturnedItemsTakeChanges() {
        #expect(StatusAlur.allCases.filter(\.bolehDiubah) == [.draf, .dikembalikan])
        #expect(StatusAlur.allCases.filter(\.terbit) == [.diverifikasi, .dikunci])
    }

    static func day(_ text: String) throws -> Date { try JadwalPelaporan.hari(text, field: "t") }

    @Test func aWindowIsOpenFromTheFirstMomentOfItsFirstDayToTheEndOfItsLast() throws {
        let window = try JadwalPelaporan(
            tahun: 2025, triwulan: 1, buka: try Self.day("01-04-2025"),
            tutup: try Self.day("2025-04-10").addingTimeInterval(86_400))
        let item = ObjekAlur(perangkatDaerah: Self.pd, jenis: .realisasi, tahun: 2025, triwulan: 1)
        func check(_ at: Date, reopened: [PembukaanKhusus] = []) -> String? {
            let result = Result { () throws(IsianTerkunci) in
                try JadwalPelaporan.periksa(item, jadwal: window, pembukaan: reopened, sekarang: at, namaPD: "Dinas X")
            }
            if case .failure(let locked) = result { return locked.pesan }
            return nil
        }
        // 1 April 00.00 WIB is 31 March 17.00 UTC.
        #expect(check(try Self.day("01-04-2025")) == nil)
        #expect(check(try Self.day("01-04-2025").addingTimeInterval(-1))?.contains("belum dibuka") == true)
        #expect(check(try Self.day("10-04-2025").addingTimeInterval(86_399)) == nil)
        let late = try Self.day("11-04-2025")
        #expect(
            check(late)
                == "Realisasi TW I 2025 Dinas X sudah ditutup (jadwal pengisian 01-04-2025 s.d. 10-04-2025); hanya Admin Pemda yang dapat membukanya kembali untuk perangkat daerah ini."
        )
        // Reopened for this PD until the 15th: open; for another PD: still closed.
        let reopen = try PembukaanKhusus(
            perangkatDaerah: Self.pd, tahun: 2025, triwulan: 1, sampai: try Self.day("16-04-2025"),
            alasan: "Operator sakit",
            oleh: "admin", waktu: late)
        #expect(check(late, reopened: [reopen]) == nil)
        #expect(check(try Self.day("16-04-2025"), reopened: [reopen]) != nil)
        var elsewhere = reopen
        elsewhere.perangkatDaerah = Self.otherPD
        #expect(check(late, reopened: [elsewhere]) != nil)
        // No window: open; a document is never bound by a window.
        #expect((try? JadwalPelaporan.periksa(item, jadwal: nil, pembukaan: [], sekarang: late, namaPD: "")) != nil)
        let renja = ObjekAlur(perangkatDaerah: Self.pd, jenis: .renja, tahun: 2025)
        #expect((try? JadwalPelaporan.periksa(renja, jadwal: window, pembukaan: [], sekarang: late, namaPD: "")) != nil)
    }

    @Test func windowsAndDaysRefuseWhatCannotBe() throws {
        #expect(throws: DomainError.self) { try Self.day("31-02-2025") }
        #expect(throws: DomainError.self) { try Self.day("kemarin") }
        #expect(try Self.day("2025-04-10") == Self.day("10-04-2025"))
        #expect(throws: DomainError.self) {
            try JadwalPelaporan(
                tahun: 2025, triwulan: 1, buka: try Self.day("10-04-2025"), tutup: try Self.day("01-04-2025"))
        }
        #expect(throws: DomainError.self) {
            try PembukaanKhusus(
                perangkatDaerah: Self.pd, tahun: 2025, triwulan: 1, sampai: Date(), alasan: "", oleh: "a", waktu: Date()
            )
        }
        #expect(
            IndonesianFormat.waktu(try Self.day("10-04-2025").addingTimeInterval(3_600 * 9 + 300))
                == "10-04-2025 09.05 WIB")
    }

    @Test func aYearsRealisasiBelongsToTheLastTriwulanAndTheRPJMDHasNoPDStatus() {
        let item = ObjekAlur.realisasi(Self.pd, PeriodeLaporan(tahun: 2025), jumlahTriwulan: 4)
        #expect(item.triwulan == 4)
        #expect(ObjekAlur.Jenis(.rpjmd) == nil)
        #expect(ObjekAlur.Jenis(.prakiraanMaju) == nil)
        #expect(ObjekAlur.Jenis(.perjanjianKinerja) == .perjanjianKinerja)
        #expect(ObjekAlur(perangkatDaerah: Self.pd, jenis: .renja, tahun: 2025, triwulan: 3).triwulan == 0)
    }

    @Test func theOnesWhoActNextAreTold() throws {
        let item = ObjekAlur(perangkatDaerah: Self.pd, jenis: .realisasi, tahun: 2025, triwulan: 1)
        let op = try Self.user(.operatorPD)
        let otherOp = try Pengguna(
            namaPengguna: "op.lain", namaLengkap: "L", peran: .operatorPD, pemda: Self.pemda,
            perangkatDaerah: Self.otherPD)
        let kepala = try Self.user(.kepala)
        let evaluator = try Self.user(.evaluator)
        let admin = try Self.user(.admin)
        let everyone = [op, otherOp, kepala, evaluator, admin]
        func told(_ step: Transisi, by actor: Pengguna, on objek: ObjekAlur = item) -> [String] {
            AturanAlur.penerima(LangkahAlur(step, objek: objek, pelaku: actor), dari: everyone).map(\.namaPengguna)
        }
        #expect(told(.ajukan, by: op) == [kepala.namaPengguna])
        #expect(told(.kembalikan, by: kepala) == [op.namaPengguna])
        #expect(told(.setujui, by: kepala) == [evaluator.namaPengguna])
        #expect(
            told(.setujui, by: kepala, on: ObjekAlur(perangkatDaerah: Self.pd, jenis: .renja, tahun: 2025)) == [
                admin.namaPengguna
            ])
        #expect(told(.verifikasi, by: admin).isEmpty)
        #expect(told(.kunci, by: admin) == [op.namaPengguna, kepala.namaPengguna])
    }
}
