import Foundation
import KinerjaDemo
import KinerjaDomain
import KinerjaImport
import KinerjaPersistence
import KinerjaSpreadsheet
import KinerjaTestSupport
import Testing

@Suite("Templat perangkat daerah dan cascading")
struct OrganisasiCascadingTests {
    static let organisasi = """
        kode_pd;nama_pd;singkatan;unit_kerja;jabatan;eselon;induk_jabatan;nama_pejabat;nip;pangkat
        DINSOS;Dinas Sosial;Dinsos;Kepala Dinas;Kepala Dinas;II;;Drs. A;19700101 199003 1 001;Pembina Utama Muda / IV.c
        DINSOS;Dinas Sosial;Dinsos;Sekretariat;Sekretaris;III;Kepala Dinas;B, S.E.;198001012005012002;Pembina / IV.a
        DINSOS;Dinas Sosial;Dinsos;Subbag Umum;Kasubbag Umum;IV;Sekretaris;;;
        BPBD;Badan Penanggulangan Bencana;BPBD;Kepala Pelaksana;Kalak;II;;;;
        BPBD;Badan Penanggulangan Bencana;BPBD;Seksi;Kasi Darurat;IV;Tidak Ada;;;
        BPBD;Badan Penanggulangan Bencana;BPBD;;Kalak;X;;;123;

        """

    @Test(arguments: TestBackend.available)
    func organisationImportsPDsUnitsAndOfficials(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { db in
            let store = KinerjaStore(db)
            let pemda = Pemda(nama: "Kabupaten Organisasi")
            try await store.create(DataKinerja(pemda: pemda))
            let hasil = Importer.baca(Data(Self.organisasi.utf8), namaBerkas: "perangkat_daerah.csv")
            // Row 7: eselon X and NIP 123 are errors on their columns; row 6: unknown parent.
            #expect(hasil.galat.contains { $0.baris == 7 && $0.kolom == "eselon" })
            #expect(hasil.galat.contains { $0.baris == 7 && $0.kolom == "nip" })
            var preview = Importer.pratinjauOrganisasi(hasil, existing: try await store.load(pemda: pemda.id))
            #expect(preview.galat.contains { $0.baris == 6 && $0.kolom == "induk_jabatan" })
            #expect(!preview.bisaDiterapkan)
            // Without the bad rows.
            let good = Self.organisasi.split(separator: "\n").prefix(5).joined(separator: "\n") + "\n"
            let goodRead = Importer.baca(Data(good.utf8), namaBerkas: "perangkat_daerah.csv")
            preview = Importer.pratinjauOrganisasi(goodRead, existing: try await store.load(pemda: pemda.id))
            #expect(preview.bisaDiterapkan, "\(preview.laporan)")
            try await store.apply(preview.perubahan, pemda: pemda.id)
            let data = try await store.load(pemda: pemda.id)
            #expect(data.perangkatDaerah.map(\.kode).sorted() == ["BPBD", "DINSOS"])
            #expect(data.unitKerja.count == 4)
            let sekretaris = try #require(data.unitKerja.first { $0.jabatan == "Sekretaris" })
            #expect(data.unitKerja.first { $0.id == sekretaris.induk }?.jabatan == "Kepala Dinas")
            #expect(sekretaris.eselon == .iii)
            #expect(data.pejabat.map(\.nip).sorted() == ["197001011990031001", "198001012005012002"])
            // Applying again changes nothing.
            let again = Importer.pratinjauOrganisasi(goodRead, existing: try await store.load(pemda: pemda.id))
            #expect(again.perubahan.isEmpty, "\(again.dibuat)")
        }
    }

    /// SIPD unit codes as PD kode, urusan and bidang urusan in their columns or as `KODE - NAMA` (issue 10.2).
    static let organisasiSIPD = """
        kode_pd;nama_pd;kode_urusan;urusan;bidang_urusan;unit_kerja;jabatan;eselon
        7.01.0.00.0.00.03.0000;Kecamatan Limapuluh;7;PEMERINTAHAN UMUM;7.01 - KECAMATAN;Camat;Camat;III
        1.02.0.00.0.00.01.0000;Dinas Kesehatan;1;URUSAN WAJIB PELAYANAN DASAR;1.02 - KESEHATAN;Kepala Dinas;Kepala Dinas;II
        9.99.0.00.0.00.01.0000;Dinas Keliru;1;X;12.3 - SALAH;Kepala;Kepala;II

        """

    @Test(arguments: TestBackend.available)
    func sipdCodesAndUrusanComeInWithTheOrganisation(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { db in
            let store = KinerjaStore(db)
            let pemda = Pemda(nama: "Kabupaten SIPD")
            try await store.create(DataKinerja(pemda: pemda))
            let hasil = Importer.baca(Data(Self.organisasiSIPD.utf8), namaBerkas: "perangkat_daerah.csv")
            // The third row's bidang urusan is no code: an error naming its row and column.
            #expect(hasil.galat.map { "\($0.baris ?? 0)|\($0.kolom ?? "")" } == ["4|kode_bidang_urusan"])
            let good = Self.organisasiSIPD.split(separator: "\n").prefix(3).joined(separator: "\n") + "\n"
            let read = Importer.baca(Data(good.utf8), namaBerkas: "perangkat_daerah.csv")
            let preview = Importer.pratinjauOrganisasi(read, existing: try await store.load(pemda: pemda.id))
            #expect(preview.bisaDiterapkan, "\(preview.laporan)")
            try await store.apply(preview.perubahan, pemda: pemda.id)
            let data = try await store.load(pemda: pemda.id)
            #expect(data.perangkatDaerah.map(\.kode).sorted() == ["1.02.0.00.0.00.01.0000", "7.01.0.00.0.00.03.0000"])
            #expect(
                data.urusan.map { "\($0.kode) \($0.nama)" } == [
                    "1 URUSAN WAJIB PELAYANAN DASAR", "1.02 KESEHATAN", "7 PEMERINTAHAN UMUM", "7.01 KECAMATAN",
                ])
        }
    }

    @Test(arguments: TestBackend.available)
    func cascadingKeepsRepeatedNamesUnderDifferentParents(backend: TestBackend) async throws {
        try await withTestDatabase(backend) { db in
            let store = KinerjaStore(db)
            let (pemda, pd) = try await emptyPD(store, kode: "SETWAN")
            // Seed 000: the same kegiatan under two programs with different targets and PJ.
            let cascading = """
                no;induk;tingkat;uraian;indikator;satuan;target_2023;penanggung_jawab;dokumen
                1;;sasaran_pd;Meningkatkan pelayanan DPRD;Persentase Prolegda disepakati;%;100;Sekretaris DPRD;pk
                2;1;program;Program Dukungan DPRD;Persentase prolegda;%;100%;Kabag Persidangan;pk
                3;2;kegiatan;Administrasi Umum Perangkat Daerah;Jumlah laporan;Laporan;1 Laporan;Kasubbag TU;pk
                4;1;program;Program Penunjang;Persentase penunjang;%;100%;Kabag Umum;pk
                5;4;kegiatan;Administrasi Umum Perangkat Daerah;Jumlah dokumen;Dokumen;1 Dokumen;Subkoordinator RT;pk
                6;9;kegiatan;Tanpa induk;Jumlah;Dok;1;;pk

                """
            let preview = try await importFile(
                store, pemda: pemda, pd: pd, Data(cascading.utf8), name: "cascading.csv", apply: false)
            #expect(preview.galat.map(\.baris) == [7])
            let fixed = cascading.split(separator: "\n").prefix(6).joined(separator: "\n") + "\n"
            let applied = try await importFile(store, pemda: pemda, pd: pd, Data(fixed.utf8), name: "cascading.csv")
            #expect(applied.bisaDiterapkan)
            let data = try await store.load(pemda: pemda.id, perangkatDaerah: pd.id)
            let kegiatan = data.elemen.filter { $0.uraian == "Administrasi Umum Perangkat Daerah" }
            #expect(kegiatan.count == 2)
            #expect(Set(kegiatan.map(\.penanggungJawab)) == ["Kasubbag TU", "Subkoordinator RT"])
            #expect(data.target.allSatisfy { $0.dokumen == .perjanjianKinerja })
            let again = try await importFile(
                store, pemda: pemda, pd: pd, Data(fixed.utf8), name: "cascading.csv", apply: false)
            #expect(again.perubahan.isEmpty, "\(again.dibuat) \(again.diubah)")
        }
    }
}
