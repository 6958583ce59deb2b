import Foundation
import Testing

@testable import KinerjaDomain

/// Rules that every source (form, import, CLI) meets with the same domain message (issue 11.2).
@Suite("Aturan domain")
struct AturanDomainTests {
    @Test func aRangeIsWrittenLowHigh() throws {
        #expect(try NilaiParser.parse("70-75")?.nilai == .rentang(70, 75))
        #expect(throws: DomainError.self) { try NilaiParser.parse("75-70") }
    }

    @Test func moneyAndProgressStayInBounds() throws {
        let node = TypedID<ElemenRencana>()
        #expect(throws: DomainError.self) {
            try RealisasiAnggaran(elemen: node, periode: .init(tahun: 2025), keuangan: Rupiah(sen: -1), fisik: nil)
        }
        do {
            try RealisasiAnggaran.periksaFisik(140)
            Issue.record("expected an error")
        } catch {
            #expect(error.pesan == "Realisasi fisik harus 0 sampai 100. Terisi 140 %.")
        }
        #expect(throws: DomainError.self) { try Pagu.periksaTingkat(.sasaranPD, tahun: 2025) }
        #expect(throws: DomainError.self) { try RealisasiAnggaran.periksaTingkat(.program) }
        try RealisasiAnggaran.periksaTingkat(.subKegiatan)
    }

    @Test func thePemdaKeepsItsAdminAndItsBounds() throws {
        var pemda = Pemda(nama: "Kabupaten Aturan")
        try pemda.validasi()
        pemda.kebijakan.batasRasio = 90
        #expect(throws: DomainError.self) { try pemda.validasi() }
        let admin = try Pengguna(namaPengguna: "admin", namaLengkap: "Admin", peran: .admin, pemda: pemda.id)
        #expect(throws: DomainError.self) {
            try Pengguna.periksaUbah(admin, oleh: admin.id, peranBaru: .operatorPD, aktif: true)
        }
        try Pengguna.periksaUbah(admin, oleh: TypedID(), peranBaru: .operatorPD, aktif: true)
        #expect(!Batas.tahun.contains(1900))
        #expect(throws: DomainError.self) { try Periode(jenis: .rpjmd, tahunAwal: 1900, tahunAkhir: 1904) }
    }
}
