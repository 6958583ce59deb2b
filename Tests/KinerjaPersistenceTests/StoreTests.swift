import FluentKit
import Foundation
import KinerjaDomain
import KinerjaTestSupport
import SQLKit
import SQLiteNIO
import Testing

@testable import KinerjaPersistence

/// The store on SQLite in memory and, when configured, on real PostgreSQL.
@Suite("Penyimpanan")
struct StoreTests {
    static func sample(nama: String = "Kabupaten Uji") throws -> (DataKinerja, ElemenRencana, Indikator, ElemenRencana)
    {
        let pemda = Pemda(nama: nama, ibukota: "Kota Uji")
        let pd = PerangkatDaerah(kode: "UJI", nama: "Dinas Uji")
        let kepala = UnitKerja(perangkatDaerah: pd.id, nama: "Kepala Dinas", jabatan: "Kepala Dinas", eselon: .ii)
        let pejabat = try Pejabat(
            unitKerja: kepala.id, nama: "Drs. Uji", nip: "197001011990031001", pangkat: "Pembina / IV.a")
        let program = try ElemenRencana(
            perangkatDaerah: pd.id, induk: nil, tingkat: .program, kode: try Kode.parse("6.01"), uraian: "Program")
        let kegiatan = try ElemenRencana(
            perangkatDaerah: pd.id, induk: program.id, tingkat: .kegiatan, kode: try Kode.parse("06.01.2.01"),
            uraian: "Kegiatan")
        let sub = try ElemenRencana(
            perangkatDaerah: pd.id, induk: kegiatan.id, tingkat: .subKegiatan, kode: try Kode.parse("06.01.2.01.01"),
            uraian: "Sub kegiatan")
        let indikator = try Indikator(
            elemen: sub.id, nama: "Jumlah dokumen", satuan: "Dokumen", jenis: .output,
            definisi: DefinisiOperasional(makna: "m", alasanPemilihan: "a", rumus: "r"), isIKU: true,
            baseline: Baseline(tahun: 2023, nilai: .angka(1), teks: "1 dokumen"))
        let sakip = try Indikator(
            elemen: program.id, nama: "Nilai SAKIP", satuan: "Nilai", jenis: .outcome, jenisNilai: .predikat,
            skala: "sakip")
        var data = DataKinerja(
            pemda: pemda,
            periode: [
                try Periode(jenis: .rpjmd, tahunAwal: 2021, tahunAkhir: 2026),
                try Periode(jenis: .renstra, tahunAwal: 2021, tahunAkhir: 2026, perangkatDaerah: pd.id),
            ],
            perangkatDaerah: [pd], unitKerja: [kepala], pejabat: [pejabat],
            elemen: [sub, program, kegiatan],
            indikator: [indikator, sakip])
        data.target = [
            Target(
                indikator: indikator.id, dokumen: .renja, periode: .init(tahun: 2024), nilai: .angka(4),
                teks: "4 dokumen"),
            Target(
                indikator: sakip.id, dokumen: .renstra, periode: .init(tahun: 2024),
                nilai: .predikat("BB", skor: Decimal(string: "70.4")!)),
            Target(
                indikator: indikator.id, dokumen: .renja, periode: .init(tahun: 2024, triwulan: 1), nilai: .angka(1)),
        ]
        data.realisasi = [
            try RealisasiKinerja(indikator: indikator.id, periode: .init(tahun: 2024, triwulan: 1), nilai: .angka(1))
        ]
        data.pagu = [
            try Pagu(
                elemen: sub.id, dokumen: .renja, tahun: 2024, jumlah: Rupiah(sen: 1_963_250_050), sumberDana: "DAU",
                lokasi: "Kab."),
            try Pagu(elemen: program.id, dokumen: .renja, tahun: 2024, jumlah: Rupiah(19_632_500)),
        ]
        data.anggaran = [
            try RealisasiAnggaran(
                elemen: sub.id, periode: .init(tahun: 2024, triwulan: 1), keuangan: Rupiah(sen: 123_45),
                fisik: Decimal(string: "12.5"))
        ]
        return (data, sub, indikator, program)
    }

    @Test(arguments: TestBackend.available)
    func roundTripsAWholeDataSetExactly(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { db in
            let store = KinerjaStore(db)
            let (data, _, _, _) = try Self.sample()
            try await store.create(data)
            let loaded = try await store.load(pemda: data.pemda.id)
            #expect(loaded.pemda == data.pemda)
            #expect(loaded.perangkatDaerah == data.perangkatDaerah)
            #expect(Set(loaded.periode) == Set(data.periode))
            #expect(loaded.unitKerja == data.unitKerja)
            #expect(loaded.pejabat == data.pejabat)
            #expect(Set(loaded.elemen) == Set(data.elemen))
            #expect(Set(loaded.indikator) == Set(data.indikator))
            #expect(Set(loaded.target) == Set(data.target))
            #expect(Set(loaded.pagu) == Set(data.pagu))
            #expect(Set(loaded.realisasi) == Set(data.realisasi))
            #expect(Set(loaded.anggaran) == Set(data.anggaran))
            // Money to the sen.
            #expect(loaded.pagu.contains { $0.jumlah == Rupiah(sen: 1_963_250_050) })
        }
    }

    /// A stored value a load cannot read is named — table, row and column — on both databases (SQLite's rows are read
    /// beneath SQLiteNIO, `RawSQLite`), and a NULL where the domain allows none is refused the same way.
    @Test(arguments: TestBackend.available)
    func aValueTheLoadCannotReadIsNamedByTableRowAndColumn(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { db in
            let store = KinerjaStore(db)
            let (data, _, indikator, _) = try Self.sample()
            try await store.create(data)
            let sql = try #require(db as? any SQLDatabase)
            if let sqlite = db as? any SQLiteDatabase {
                // The read beneath SQLiteNIO is the one tested here, not its fallback.
                #expect(try await sqlite.withConnection { RawSQLite.handle($0) != nil })
            }
            let broken: [(String, String, String)] = [
                ("target", "nilai", "'a:dua belas'"), ("indikator", "polaritas", "'ke samping'"),
                ("elemen_rencana", "tingkat", "'subkegiatan'"), ("realisasi_anggaran", "fisik", "'12,5'"),
            ]
            for (table, column, value) in broken {
                // One row spoilt, then put back as it was.
                let row = try #require(
                    try await sql.raw("SELECT id, \(unsafeRaw: column) AS v FROM \(unsafeRaw: table) LIMIT 1").first())
                let id = try row.decode(column: "id", as: UUID.self)
                let old = try row.decode(column: "v", as: String.self)
                try await sql.raw(
                    "UPDATE \(unsafeRaw: table) SET \(unsafeRaw: column) = \(unsafeRaw: value) WHERE id = \(bind: id)"
                ).run()
                do {
                    _ = try await store.load(pemda: data.pemda.id)
                    Issue.record("\(table).\(column) = \(value) was loaded")
                } catch {
                    let message = String(describing: error)
                    #expect(message.contains(table) && message.contains(column), "\(message)")
                    #expect(message.contains(value.replacingOccurrences(of: "'", with: "")), "\(message)")
                    #expect(message.contains(id.uuidString), "\(message)")
                }
                try await sql.raw(
                    "UPDATE \(unsafeRaw: table) SET \(unsafeRaw: column) = \(bind: old) WHERE id = \(bind: id)"
                ).run()
            }
            let loaded = try await store.load(pemda: data.pemda.id)
            #expect(Set(loaded.target) == Set(data.target))
            #expect(loaded.indikator.first { $0.id == indikator.id } == indikator)
        }
    }

    /// Rows read by their owners (a save's comparison with what is stored) go through the owner's index on SQLite,
    /// not through the Pemda's (pemda_id, tahun) index, which read every row of the Pemda's year.
    @Test func ownerScopedReadsUseTheOwnersIndexOnSQLite() async throws {
        try await withTestDatabase(.sqlite) { db in
            let sqlite = try #require(db as? any SQLiteDatabase)
            for (table, kolom) in [
                ("realisasi_kinerja", "indikator_id"), ("target", "indikator_id"), ("realisasi_anggaran", "elemen_id"),
                ("pagu", "elemen_id"),
            ] {
                let scope = KinerjaStore.Scope(
                    pemda: UUID(), pd: nil, denganRPJMD: false, tahun: 2025, pemilik: (kolom, [UUID(), UUID()]))
                let (sql, ikatan) = KinerjaStore.kueri(table, ["id"], scope, tahunan: true, postgres: false)
                let binds: [SQLiteData] = ikatan.map {
                    switch $0 {
                    case .uuid(let uuid): .text(uuid.uuidString)
                    case .bilangan(let value): .integer(value)
                    }
                }
                let plan = try await sqlite.withConnection { try await $0.query("EXPLAIN QUERY PLAN " + sql, binds) }
                    .compactMap { $0.column("detail")?.string }.joined(separator: "; ")
                #expect(plan.contains("(\(kolom)=?"), "\(table): \(plan)")
            }
        }
    }

    /// The cache keys of one PD (`kunciVersi`): an entry of a PD moves that PD's key and no other; a workflow
    /// step of a PD, that PD's; a change of the structure or of the Pemda's policy, every PD's; the Pemda's data
    /// version moves with every write.
    @Test(arguments: TestBackend.available)
    func aPDsVersionMovesWithItsOwnWritesOnly(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { db in
            let store = KinerjaStore(db)
            var (data, sub, indikator, program) = try Self.sample()
            let other = PerangkatDaerah(kode: "LAIN", nama: "Dinas Lain")
            data.perangkatDaerah.append(other)
            try await store.create(data)
            let pemda = data.pemda.id
            let pd = data.perangkatDaerah[0].id
            func keys() async throws -> (String, String, Int64) {
                let keys = (
                    try await store.kunciVersi(pemda: pemda, pd: pd),
                    try await store.kunciVersi(pemda: pemda, pd: other.id), try await store.versiData(pemda: pemda)
                )
                // Every PD's key at once (the dashboard's) is the same as each one's.
                let semua = try await store.kunciVersiSemua(pemda: pemda)
                let belumDitulis = KinerjaStore.kunciVersi(umum: semua.umum, pd: 0)
                #expect((semua.pd[pd.uuid] ?? belumDitulis) == keys.0)
                #expect((semua.pd[other.id.uuid] ?? belumDitulis) == keys.1)
                return keys
            }
            var before = try await keys()
            try await store.apply(
                try PerubahanData {
                    $0.realisasi = [
                        try RealisasiKinerja(
                            indikator: indikator.id, periode: .init(tahun: 2024, triwulan: 2), nilai: .angka(2))
                    ]
                    $0.anggaran = [
                        try RealisasiAnggaran(
                            elemen: sub.id, periode: .init(tahun: 2024, triwulan: 2), keuangan: Rupiah(5), fisik: nil)
                    ]
                }, pemda: pemda)
            var after = try await keys()
            #expect(after.0 != before.0)
            #expect(after.1 == before.1)
            #expect(after.2 == before.2 + 1)
            // Deleting an entry and a workflow step: the PD's own.
            before = after
            try await store.apply(
                try PerubahanData { $0.hapus = [.realisasi(indikator.id, .init(tahun: 2024, triwulan: 2))] },
                pemda: pemda)
            after = try await keys()
            #expect(after.0 != before.0 && after.1 == before.1)
            // The structure is common: every PD's key moves.
            before = after
            var renamed = program
            renamed.uraian = "Program (diubah)"
            try await store.apply(try PerubahanData { $0.elemenUbah = [renamed] }, pemda: pemda)
            after = try await keys()
            #expect(after.0 != before.0 && after.1 != before.1)
            // So is the Pemda's policy.
            before = after
            var policy = data.pemda
            policy.ibukota = "Kota Baru"
            try await store.apply(try PerubahanData { $0.pemda = policy }, pemda: pemda)
            after = try await keys()
            #expect(after.0 != before.0 && after.1 != before.1 && after.2 == before.2 + 1)
        }
    }

    /// The published versions (`kunciVersi(terbit:)`, `versiData(terbit:)`, the keys of pages of published
    /// figures) stay when a write changes only draft realisasi already stored, or adds draft realisasi to a
    /// triwulan of the PD that already holds some (kinerja or keuangan), and then the published view is the same;
    /// they move with every other write: the first realisasi of a triwulan (newly listed as held back), a realisasi
    /// removed, anything beside a realisasi, a status set. A write refused moves nothing.
    @Test(arguments: TestBackend.available)
    func aDraftSavedLeavesThePublishedVersionsAsTheyAre(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { db in
            let store = KinerjaStore(db)
            let (data, sub, indikator, _) = try Self.sample()
            try await store.create(data)
            let pemda = data.pemda.id
            let pd = data.perangkatDaerah[0].id
            struct Terbit {
                var kunci: String
                var pemda: Int64
                var kerja: String
                var tampil: AngkaTerbit
            }
            func terbit() async throws -> Terbit {
                let stored = try await store.load(pemda: pemda, perangkatDaerah: pd)
                let status = try await store.statusAlur(pemda: pemda, pd: pd, tahun: nil)
                return Terbit(
                    kunci: try await store.kunciVersi(pemda: pemda, pd: pd, terbit: true),
                    pemda: try await store.versiData(pemda: pemda, terbit: true),
                    kerja: try await store.kunciVersi(pemda: pemda, pd: pd),
                    tampil: stored.terbit(status: status, tampilan: .terbit))
            }
            let tw1 = PeriodeLaporan(tahun: 2024, triwulan: 1)
            let tw2 = PeriodeLaporan(tahun: 2024, triwulan: 2)
            let tw3 = PeriodeLaporan(tahun: 2024, triwulan: 3)
            func kinerja(_ periode: PeriodeLaporan, _ value: Decimal) throws -> PerubahanData {
                try PerubahanData {
                    $0.realisasi = [
                        try RealisasiKinerja(indikator: indikator.id, periode: periode, nilai: .angka(value))
                    ]
                }
            }
            func keuangan(_ periode: PeriodeLaporan, _ value: Int64) throws -> PerubahanData {
                try PerubahanData {
                    $0.anggaran = [
                        try RealisasiAnggaran(elemen: sub.id, periode: periode, keuangan: Rupiah(value), fisik: 20)
                    ]
                }
            }
            var withTarget = try kinerja(tw1, 4)
            withTarget.target = [
                Target(indikator: indikator.id, dokumen: .renja, periode: .init(tahun: 2024), nilai: .angka(5))
            ]
            let verified = PerubahanData {
                $0.penetapan = [
                    StatusTersimpan(
                        objek: .realisasi(pd, tw1, jumlahTriwulan: 4), status: .diverifikasi, waktu: Date())
                ]
            }
            // Each write, and whether it leaves the published versions.
            let writes: [(String, Bool, PerubahanData)] = [
                ("realisasi kinerja tersimpan diubah", true, try kinerja(tw1, 3)),
                ("realisasi kinerja baru (TW II)", false, try kinerja(tw2, 1)),
                ("realisasi kinerja TW II diubah", true, try kinerja(tw2, 2)),
                ("realisasi keuangan tersimpan diubah", true, try keuangan(tw1, 5_000)),
                ("realisasi keuangan baru (TW II, sudah berisi kinerja)", true, try keuangan(tw2, 6_000)),
                ("realisasi keuangan baru (TW III, pertama)", false, try keuangan(tw3, 7_000)),
                ("realisasi kinerja baru (TW III, sudah berisi keuangan)", true, try kinerja(tw3, 1)),
                ("realisasi dengan target", false, withTarget),
                ("realisasi dihapus", false, PerubahanData { $0.hapus = [.realisasi(indikator.id, tw2)] }),
                ("status ditetapkan", false, verified),
            ]
            for (name, stays, change) in writes {
                let before = try await terbit()
                try await store.apply(change, pemda: pemda)
                let after = try await terbit()
                #expect(after.kerja != before.kerja, "\(name)")
                if stays {
                    #expect(after.kunci == before.kunci && after.pemda == before.pemda, "\(name)")
                    #expect(after.tampil == before.tampil, "\(name)")
                } else {
                    #expect(after.kunci != before.kunci && after.pemda > before.pemda, "\(name)")
                }
            }
            // Verified, TW I is published (its realisasi shown) and takes no more changes.
            let published = try await terbit()
            #expect(published.tampil.data.realisasi.map(\.periode) == [tw1])
            await #expect(throws: IsianTerkunci.self) { try await store.apply(try kinerja(tw1, 9), pemda: pemda) }
            let refused = try await terbit()
            #expect(refused.kunci == published.kunci && refused.kerja == published.kerja)
        }
    }

    /// A draft write is told after it commits (`sesudahDraf`) with the PD's version before and after it and its
    /// rows as stored: the data read before, with those rows in place (`denganRealisasi`), is what the database
    /// reads after (rows in any order), for one year and for all years. A write that adds a row is not told.
    @Test(arguments: TestBackend.available)
    func aDraftWriteFollowedIsTheDataReadAgain(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { db in
            let (data, sub, indikator, _) = try Self.sample()
            try await KinerjaStore(db).create(data)
            let pemda = data.pemda.id
            let pd = data.perangkatDaerah[0].id
            final class Told: @unchecked Sendable {
                var writes: [TulisanDraf] = []
            }
            let told = Told()
            var store = KinerjaStore(db)
            store.sesudahDraf = { told.writes.append($0) }
            let tw1 = PeriodeLaporan(tahun: 2024, triwulan: 1)
            func same(_ a: DataKinerja, _ b: DataKinerja) {
                #expect(Set(a.realisasi) == Set(b.realisasi) && Set(a.anggaran) == Set(b.anggaran))
                var sorted = a
                sorted.realisasi = b.realisasi
                sorted.anggaran = b.anggaran
                #expect(sorted == b)
            }
            for (kinerja, keuangan, fisik) in [("2,50", Int64(77_000), "33.30"), ("0", 0, "100"), ("1", 5, "0.125")] {
                let year = try await store.load(pemda: pemda, perangkatDaerah: pd, tahun: 2024)
                let all = try await store.load(pemda: pemda, perangkatDaerah: pd)
                let before = try await store.kunciVersi(pemda: pemda, pd: pd)
                try await store.apply(
                    try PerubahanData {
                        $0.realisasi = [
                            try RealisasiKinerja(
                                indikator: indikator.id, periode: tw1,
                                nilai: .angka(Decimal(string: kinerja.replacingOccurrences(of: ",", with: "."))!),
                                teks: kinerja)
                        ]
                        $0.anggaran = [
                            try RealisasiAnggaran(
                                elemen: sub.id, periode: tw1, keuangan: Rupiah(sen: keuangan),
                                fisik: Decimal(string: fisik))
                        ]
                    }, pemda: pemda)
                let write = try #require(told.writes.last)
                told.writes = []
                #expect(write.sebelum == before)
                #expect(write.sesudah == (try await store.kunciVersi(pemda: pemda, pd: pd)))
                #expect(write.pd == pd && write.tahun == [2024])
                same(
                    try #require(year.denganRealisasi(write.realisasi, anggaran: write.anggaran)),
                    try await store.load(pemda: pemda, perangkatDaerah: pd, tahun: 2024))
                same(
                    try #require(all.denganRealisasi(write.realisasi, anggaran: write.anggaran)),
                    try await store.load(pemda: pemda, perangkatDaerah: pd))
            }
            // A row added: not a write to follow.
            try await store.apply(
                try PerubahanData {
                    $0.realisasi = [
                        try RealisasiKinerja(
                            indikator: indikator.id, periode: .init(tahun: 2024, triwulan: 2), nilai: .angka(1))
                    ]
                }, pemda: pemda)
            #expect(told.writes.isEmpty)
        }
    }

    @Test(arguments: TestBackend.available)
    func onePDLoadsOnlyItsOwnRows(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { db in
            let store = KinerjaStore(db)
            var (data, _, _, _) = try Self.sample()
            let other = PerangkatDaerah(kode: "LAIN", nama: "Dinas Lain")
            data.perangkatDaerah.append(other)
            let otherProgram = try ElemenRencana(
                perangkatDaerah: other.id, induk: nil, tingkat: .program, kode: try Kode.parse("7.01"), uraian: "Lain")
            data.elemen.append(otherProgram)
            try await store.create(data)
            let loaded = try await store.load(pemda: data.pemda.id, perangkatDaerah: other.id)
            #expect(loaded.elemen == [otherProgram])
            #expect(loaded.indikator.isEmpty)
            #expect(loaded.perangkatDaerah == [other])
        }
    }

    @Test(arguments: TestBackend.available)
    func theValuesOfWhatAChangeSetCreatesAreInItsCreationLine(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { db in
            let store = KinerjaStore(db)
            let (data, sub, indikator, _) = try Self.sample()
            try await store.create(
                DataKinerja(pemda: data.pemda, periode: data.periode, perangkatDaerah: data.perangkatDaerah))
            try await store.apply(
                PerubahanData {
                    $0.elemenBaru = data.elemen
                    $0.indikatorBaru = data.indikator
                    $0.target = data.target
                    $0.pagu = data.pagu
                }, pemda: data.pemda.id)
            // One line per element and indicator created, its first values in it; none per value.
            let history = try await store.riwayat(pemda: data.pemda.id)
            #expect(history.count == data.elemen.count + data.indikator.count)
            let line = try #require(history.first { $0.kunci == indikator.id.uuid })
            #expect(line.baru == "dibuat · Target Renja 2024: 4 dokumen · Target Renja 2024 TW I: 1", "\(line.baru)")
            let subLine = try #require(history.first { $0.kunci == sub.id.uuid })
            #expect(subLine.baru.hasPrefix("dibuat · Pagu Renja 2024: "), "\(subLine.baru)")
            // A later change of a value is a line of its own, old → new.
            try await store.apply(
                PerubahanData {
                    $0.target = [
                        Target(
                            indikator: indikator.id, dokumen: .renja, periode: .init(tahun: 2024), nilai: .angka(5),
                            teks: "5 dokumen")
                    ]
                }, pemda: data.pemda.id)
            let changed = try await store.riwayat(pemda: data.pemda.id, kunci: indikator.id.uuid)
            #expect(changed.count == 2)
            #expect(changed.contains { $0.entitas == "target" && $0.lama == "4 dokumen" && $0.baru == "5 dokumen" })
        }
    }

    @Test(arguments: TestBackend.available)
    func manyPemdaShareOneDatabase(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { db in
            let store = KinerjaStore(db)
            let (first, _, _, _) = try Self.sample(nama: "Kabupaten A")
            let (second, _, _, _) = try Self.sample(nama: "Kabupaten B")
            try await store.create(first)
            try await store.create(second)
            #expect(try await store.listPemda().map(\.nama) == ["Kabupaten A", "Kabupaten B"])
            #expect(try await store.load(pemda: first.pemda.id).elemen.count == 3)
            for pemda in [first.pemda.id, second.pemda.id] {
                try await store.apply(PerubahanData { $0.urusan = [Urusan(kode: "9", nama: "URUSAN X")] }, pemda: pemda)
            }
            try await store.hapus(pemda: first.pemda.id)
            #expect(try await store.listPemda().map(\.nama) == ["Kabupaten B"])
            // A deleted Pemda leaves nothing behind, its history included; the other keeps its own.
            #expect(try await store.riwayat(pemda: first.pemda.id).isEmpty)
            #expect(try await store.riwayat(pemda: second.pemda.id).map(\.entitas) == ["urusan"])
            #expect(try await store.load(pemda: second.pemda.id).target.count == 3)
        }
    }

    /// Every bulk row goes with its Pemda, and with its PD, on both databases: on PostgreSQL through its element or
    /// indicator alone (`M023KunciTurunan` dropped the keys of their own `pemda_id` and `perangkat_daerah_id`).
    @Test(arguments: TestBackend.available)
    func aDeletedPemdaOrPDLeavesNoRowOnEitherDatabase(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { db in
            let store = KinerjaStore(db)
            let (first, _, _, _) = try Self.sample(nama: "Kabupaten A")
            let (second, _, _, _) = try Self.sample(nama: "Kabupaten B")
            try await store.create(first)
            try await store.create(second)
            let sql = try #require(db as? any SQLDatabase)
            let tables = ["elemen_rencana", "indikator", "target", "pagu", "realisasi_kinerja", "realisasi_anggaran"]
            func count(_ table: String, _ data: DataKinerja) async throws -> Int {
                try #require(
                    try await sql.raw(
                        "SELECT COUNT(*) AS n FROM \(ident: table) WHERE pemda_id = \(bind: data.pemda.id.uuid)"
                    ).first()
                ).decode(column: "n", as: Int.self)
            }
            for table in tables {
                #expect(try await count(table, first) > 0, "\(table)")
                #expect(try await count(table, second) > 0, "\(table)")
            }
            try await store.hapus(pemda: first.pemda.id)
            for table in tables { #expect(try await count(table, first) == 0, "\(table)") }
            // A PD deleted (not a step of the application: the database's own guarantee) takes its rows with it.
            try await PerangkatDaerahModel.query(on: db).filter(\.$id == second.perangkatDaerah[0].id.uuid).delete()
            for table in tables { #expect(try await count(table, second) == 0, "\(table)") }
        }
    }

    @Test(arguments: TestBackend.available)
    func aFailedBulkLoadWritesNothing(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { db in
            let store = KinerjaStore(db)
            let (data, _, _, _) = try Self.sample()
            try await store.create(data)
            // The same Pemda name again: refused, and the first load is untouched.
            var again = try Self.sample().0
            again.pemda.nama = data.pemda.nama
            await #expect(throws: DomainError.self) { try await store.create(again) }
            #expect(try await store.listPemda().count == 1)
            // A data set whose last table breaks a constraint: rolled back entirely.
            var broken = try Self.sample(nama: "Kabupaten Rusak").0
            broken.target.append(broken.target[0])  // duplicate (indikator, dokumen, tahun, triwulan)
            await #expect(throws: (any Error).self) { try await store.create(broken) }
            #expect(try await store.pemda(nama: "Kabupaten Rusak") == nil)
            #expect(try await PerangkatDaerahModel.query(on: db).count() == 1)
        }
    }

    @Test(arguments: TestBackend.available)
    func upsertsCountVersionsAndRefuseStaleWrites(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { db in
            let store = KinerjaStore(db)
            let (data, sub, indikator, _) = try Self.sample()
            try await store.create(data)
            let pemda = data.pemda.id
            let periode = PeriodeLaporan(tahun: 2024, triwulan: 2)
            func save(_ value: Decimal, readAt version: Int) async throws -> Int {
                try await store.apply(
                    try PerubahanData {
                        $0.realisasi = [
                            try RealisasiKinerja(indikator: indikator.id, periode: periode, nilai: .angka(value))
                        ]
                        $0.versiDibaca[.realisasi(indikator.id, periode)] = version
                    }, pemda: pemda)
            }
            #expect(try await save(2, readAt: 0) == 1)
            #expect(try await save(3, readAt: 1) == 1)
            // Someone still holding version 1 cannot overwrite silently: the conflict names both values.
            do {
                _ = try await save(9, readAt: 1)
                Issue.record("expected a conflict")
            } catch let conflict as KonflikVersi {
                #expect(conflict.butir.map(\.tersimpan) == ["3"])
                #expect(conflict.butir.map(\.isian) == ["9"])
            }
            let loaded = try await store.load(pemda: pemda)
            #expect(loaded.realisasi.first { $0.periode == periode }?.nilai == .angka(3))
            // The same change set applied twice writes nothing the second time.
            let pagu = try PerubahanData {
                $0.pagu = [try Pagu(elemen: sub.id, dokumen: .renja, tahun: 2025, jumlah: Rupiah(10))]
            }
            #expect(try await store.apply(pagu, pemda: pemda) == 1)
            #expect(try await store.apply(pagu, pemda: pemda) == 0)
            #expect(try await store.load(pemda: pemda).pagu.filter { $0.tahun == 2025 }.count == 1)
        }
    }

    /// Changed elements, indicators and urusan names go in one UPDATE per 200 rows on both databases, nulls and
    /// all (a column null in every row of a statement keeps its type on PostgreSQL); an unknown id writes nothing.
    @Test(arguments: TestBackend.available)
    func changedElementsAndIndicatorsAreUpdatedInBulk(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { db in
            let store = KinerjaStore(db)
            let (data, sub, _, _) = try Self.sample()
            try await store.create(data)
            let pemda = data.pemda.id
            let kegiatan = try #require(data.elemen.first { $0.tingkat == .kegiatan })
            var subs: [ElemenRencana] = []
            var indicators: [Indikator] = []
            for n in 1...450 {
                let node = try ElemenRencana(
                    perangkatDaerah: kegiatan.perangkatDaerah, induk: kegiatan.id, tingkat: .subKegiatan,
                    kode: try Kode.parse("06.01.2.01.\(String(format: "%04d", n + 1))"), uraian: "Sub \(n)")
                subs.append(node)
                indicators.append(
                    try Indikator(elemen: node.id, nama: "Indikator \(n)", satuan: "Dokumen", jenis: .output))
            }
            try await store.apply(
                PerubahanData {
                    $0.elemenBaru = subs
                    $0.indikatorBaru = indicators
                    $0.urusan = [Urusan(kode: "6", nama: "URUSAN LAMA")]
                }, pemda: pemda)
            for n in subs.indices {
                subs[n].uraian = "Sub diubah \(n)"
                subs[n].hasil = n.isMultiple(of: 2) ? "Meningkatnya \(n)" : ""
                indicators[n].satuan = "Laporan"
                indicators[n].isIKU = n.isMultiple(of: 3)
                // Every baseline of the first 200 stays null; later ones get one.
                if n >= 200 { indicators[n].baseline = Baseline(tahun: 2023, nilai: .angka(Decimal(n)), teks: "\(n)") }
            }
            let written = try await store.apply(
                PerubahanData {
                    $0.elemenUbah = subs
                    $0.indikatorUbah = indicators
                    $0.urusan = [Urusan(kode: "6", nama: "URUSAN BARU"), Urusan(kode: "6.01", nama: "BIDANG")]
                }, pemda: pemda)
            #expect(written == 902)
            let loaded = try await store.load(pemda: pemda)
            let byID = Dictionary(uniqueKeysWithValues: loaded.elemen.map { ($0.id, $0) })
            let indicatorByID = Dictionary(uniqueKeysWithValues: loaded.indikator.map { ($0.id, $0) })
            for n in subs.indices {
                #expect(byID[subs[n].id]?.uraian == "Sub diubah \(n)")
                #expect(byID[subs[n].id]?.hasil == subs[n].hasil)
                #expect(indicatorByID[indicators[n].id]?.satuan == "Laporan")
                #expect(indicatorByID[indicators[n].id]?.isIKU == n.isMultiple(of: 3))
                #expect(indicatorByID[indicators[n].id]?.baseline == indicators[n].baseline)
            }
            #expect(byID[sub.id]?.uraian == sub.uraian)
            #expect(loaded.urusan == [Urusan(kode: "6", nama: "URUSAN BARU"), Urusan(kode: "6.01", nama: "BIDANG")])
            // The history names each changed field with both values.
            let nodeHistory = try await store.riwayat(pemda: pemda, kunci: subs[0].id.uuid)
            #expect(
                nodeHistory.contains {
                    $0.uraian.hasSuffix("· Uraian") && $0.lama == "Sub 1" && $0.baru == "Sub diubah 0"
                })
            let indicatorHistory = try await store.riwayat(pemda: pemda, kunci: indicators[0].id.uuid)
            #expect(
                indicatorHistory.contains {
                    $0.uraian.hasSuffix("· Satuan") && $0.lama == "Dokumen" && $0.baru == "Laporan"
                })
            // An element that is not stored: refused, and nothing of the change set is written.
            var stranger = subs[0]
            stranger.id = TypedID()
            subs[1].uraian = "Tidak tersimpan"
            await #expect(throws: DomainError.self) {
                try await store.apply(PerubahanData { $0.elemenUbah = [subs[1], stranger] }, pemda: pemda)
            }
            #expect(try await store.load(pemda: pemda).elemen.first { $0.id == subs[1].id }?.uraian == "Sub diubah 1")
        }
    }

    @Test(arguments: TestBackend.available)
    func singleWritesValidateTheTree(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { db in
            let store = KinerjaStore(db)
            let (data, sub, _, program) = try Self.sample()
            try await store.create(data)
            let pd = data.perangkatDaerah[0].id
            let pemda = data.pemda.id
            // A kegiatan whose code does not extend its program's: refused with a message naming the kode.
            let wrong = try ElemenRencana(
                perangkatDaerah: pd, induk: program.id, tingkat: .kegiatan, kode: try Kode.parse("06.02.2.01"),
                uraian: "Salah")
            await #expect(throws: DomainError.self) {
                try await store.apply(PerubahanData { $0.elemenBaru = [wrong] }, pemda: pemda)
            }
            // A duplicate code in the PD: refused.
            let duplicate = try ElemenRencana(
                perangkatDaerah: pd, induk: program.id, tingkat: .kegiatan, kode: try Kode.parse("06.01.2.01"),
                uraian: "Dup")
            await #expect(throws: DomainError.self) {
                try await store.apply(PerubahanData { $0.elemenBaru = [duplicate] }, pemda: pemda)
            }
            let good = try ElemenRencana(
                perangkatDaerah: pd, induk: program.id, tingkat: .kegiatan, kode: try Kode.parse("06.01.2.02"),
                uraian: "Baru")
            try await store.apply(PerubahanData { $0.elemenBaru = [good] }, pemda: pemda)
            // Realisasi keuangan belongs to sub kegiatan only.
            await #expect(throws: DomainError.self) {
                try await store.apply(
                    try PerubahanData {
                        $0.anggaran = [
                            try RealisasiAnggaran(
                                elemen: program.id, periode: .init(tahun: 2024, triwulan: 1), keuangan: Rupiah(1),
                                fisik: nil)
                        ]
                    }, pemda: pemda)
            }
            try await store.apply(
                try PerubahanData {
                    $0.anggaran = [
                        try RealisasiAnggaran(
                            elemen: sub.id, periode: .init(tahun: 2024, triwulan: 2), keuangan: Rupiah(1), fisik: nil)
                    ]
                }, pemda: pemda)
            // Another Pemda's id is not found from this Pemda.
            let (otherData, _, _, _) = try Self.sample(nama: "Kabupaten Lain")
            try await store.create(otherData)
            await #expect(throws: DomainError.self) {
                try await store.apply(
                    PerubahanData {
                        $0.target = [
                            Target(
                                indikator: otherData.indikator[0].id, dokumen: .renja, periode: .init(tahun: 2024),
                                nilai: .angka(1))
                        ]
                    }, pemda: pemda)
            }
        }
    }

    @Test func textUUIDsAreParsedExactly() {
        for _ in 0..<200 {
            let id = UUID()
            #expect(KinerjaStore.fastUUID(id.uuidString) == id)
            #expect(KinerjaStore.fastUUID(id.uuidString.lowercased()) == id)
        }
        // The canonical shape with one byte that is no hex digit, at each place (the table path), and a hyphen moved.
        let canonical = Array(UUID().uuidString.utf8)
        var wrongDigits = [String]()
        for at in canonical.indices where canonical[at] != UInt8(ascii: "-") {
            for byte in [UInt8(ascii: "g"), UInt8(ascii: "G"), UInt8(ascii: " "), 0xC3] {
                var copy = canonical
                copy[at] = byte
                wrongDigits.append(String(decoding: copy, as: UTF8.self))
            }
        }
        // Every byte at a digit's place: a hex digit of either case is read, anything else refused (Foundation's
        // sscanf would also take a space or a sign there).
        for byte in UInt8.min...UInt8.max where byte < 0x80 {
            var copy = canonical
            copy[0] = byte
            let text = String(decoding: copy, as: UTF8.self)
            let hex = Character(Unicode.Scalar(byte)).isHexDigit
            #expect(KinerjaStore.fastUUID(text) == (hex ? UUID(uuidString: text) : nil), "\(byte)")
            #expect(!hex || KinerjaStore.fastUUID(text) != nil, "\(byte)")
        }
        var movedHyphen = canonical
        movedHyphen.swapAt(8, 9)
        #expect(  // hyphens anywhere
            KinerjaStore.fastUUID(String(decoding: movedHyphen, as: UTF8.self))
                == UUID(uuidString: String(decoding: canonical, as: UTF8.self)))
        for bad in ["", "xyz", "1234", UUID().uuidString + "0", String(UUID().uuidString.dropLast())] + wrongDigits {
            #expect(KinerjaStore.fastUUID(bad) == nil)
        }
    }

    @Test func databaseURLIsParsed() throws {
        #expect(try DatabaseConfig.parse(nil) == .sqliteFile("data/kinerja.sqlite"))
        #expect(try DatabaseConfig.parse("sqlite:/tmp/x.sqlite") == .sqliteFile("/tmp/x.sqlite"))
        #expect(try DatabaseConfig.parse("sqlite::memory:") == .sqliteMemory)
        #expect(try DatabaseConfig.parse("postgres://a:b@localhost/k") == .postgres("postgres://a:b@localhost/k"))
        #expect(throws: ConfigError.self) { try DatabaseConfig.parse("mysql://x") }
        #expect(DatabaseConfig.postgres("postgres://a:rahasia@localhost/k").label.contains("rahasia") == false)
    }
}
