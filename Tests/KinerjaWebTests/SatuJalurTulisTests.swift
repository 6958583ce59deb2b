import Fluent
import Foundation
import KinerjaDomain
import KinerjaImport
import KinerjaPersistence
import Testing
import Vapor
import VaporTesting

@testable import KinerjaWeb

/// One write path (issue 11): the plan form and an import (the web's and the CLI's, one planner) express the same
/// value as the same change set, and a write made since is refused the same way from each.
@Suite("Satu jalur tulis")
struct SatuJalurTulisTests {
    @Test func aFormSaveAndAnImportOfTheSameValueAreTheSameChangeSetAndConflictAlike() async throws {
        try await withDemoApp { app in
            // setup
            let store = KinerjaStore(app.db)
            let pemda = try #require(try await store.pemda(nama: "Kabupaten Batu Bara"))
            let pd = try #require(try await store.pd(pemda: pemda.id, kode: "DINSOS"))
            let model = try await RencanaPage.Model.query(store, pemda: pemda, pd: pd, tahun: 2024, dokumen: .renja)
            let row = try #require(model.baris.first { $0.node.tingkat == .subKegiatan && !$0.indikator.isEmpty })
            let (indikator, stored) = row.indikator[0]
            let key = indikator.id.uuid.uuidString.lowercased()
            let form = RawForm(isian: [
                FormKey.target.awalan + key: "7", FormKey.awalTarget.awalan + key: stored?.teks ?? "",
                FormKey.versiTarget.awalan + key: String(stored?.versi ?? 0),
            ])
            let csv = """
                kode;uraian;indikator;dokumen;target_2024
                \(row.node.kode!.asli);\(row.node.uraian);\(indikator.nama);renja;7

                """
            // MUT
            let (fromForm, isian) = RencanaController.perubahan(model, form, oleh: "operator")
            let existing = try await store.load(pemda: pemda.id, perangkatDaerah: pd.id, denganVersi: true)
            let fromImport = Importer.pratinjau(
                Importer.baca(Data(csv.utf8), namaBerkas: "rencana.csv"), pd: pd, existing: existing
            ).perubahan
            // validate: the same entry, read at the same version.
            #expect(isian.galat.isEmpty)
            let entry = KunciIsian.target(indikator.id, .renja, PeriodeLaporan(tahun: 2024))
            #expect(fromForm.target == fromImport.target)
            #expect(fromForm.target.map(\.kunci) == [entry])
            #expect(fromForm.versiDibaca[entry] == fromImport.versiDibaca[entry])
            // Someone else saves the same target in between.
            let other = PerubahanData {
                $0.target = [
                    Target(
                        indikator: indikator.id, dokumen: .renja, periode: PeriodeLaporan(tahun: 2024), nilai: .angka(8)
                    )
                ]
                $0.versiDibaca[entry] = fromForm.versiDibaca[entry]
            }
            try await store.apply(other, pemda: pemda.id)
            // Both are refused the same way, naming the entry and both values; nothing is written.
            var refusals: [[KonflikVersi.Butir]] = []
            for change in [fromForm, fromImport] {
                do {
                    try await store.apply(change, pemda: pemda.id)
                    Issue.record("expected a conflict")
                } catch let conflict as KonflikVersi {
                    refusals.append(conflict.butir)
                }
            }
            #expect(refusals.count == 2)
            #expect(refusals.first == refusals.last)
            #expect(refusals.first?.first?.kunci == indikator.id.uuid)
            #expect(refusals.first?.first?.tersimpan == "8")
            #expect(refusals.first?.first?.isian == "7")
            let after = try await store.load(pemda: pemda.id, perangkatDaerah: pd.id)
            #expect(after.target.first { $0.kunci == entry }?.nilai == .angka(8))
        }
    }
}
