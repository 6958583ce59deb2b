import Fluent
import Foundation
import KinerjaApplication
import KinerjaDomain
import KinerjaImport
import KinerjaPersistence
import KinerjaSpreadsheet
import KinerjaWeb
import Vapor

/// Finds a PD by kode: in the named Pemda, or in the only Pemda that has that kode.
func resolvePD(_ store: KinerjaStore, kode: String, pemda name: String?) async throws -> (Pemda, PerangkatDaerah) {
    var matches: [(Pemda, PerangkatDaerah)] = []
    for pemda in try await store.listPemda()
    where name == nil || pemda.nama.caseInsensitiveCompare(name!) == .orderedSame {
        if let pd = try await store.pd(pemda: pemda.id, kode: kode) { matches.append((pemda, pd)) }
    }
    guard let first = matches.first else {
        throw DomainError.tidakSah(
            field: "--pd",
            pesan: "Perangkat daerah dengan kode \(kode) tidak ditemukan" + (name.map { " di \($0)" } ?? "") + ".")
    }
    guard matches.count == 1 else {
        throw DomainError.tidakSah(
            field: "--pemda",
            pesan:
                "Kode \(kode) ada di beberapa Pemda (\(matches.map(\.0.nama).joined(separator: ", "))): tentukan --pemda."
        )
    }
    return first
}

/// The Pemda named by `--pemda`, or the only one stored; an error naming the option otherwise.
func resolvePemda(_ store: KinerjaStore, nama: String?, sebutan: String = "--pemda NAMA") async throws -> Pemda {
    let chosen = try await store.listPemda().filter {
        nama == nil || $0.nama.caseInsensitiveCompare(nama!) == .orderedSame
    }
    if chosen.isEmpty, try await store.listPemda().isEmpty {
        throw DomainError.tidakSah(
            field: "--pemda",
            pesan: "Belum ada Pemda di basis data ini. Buat dulu: kinerja pemda add \"Kabupaten X\" --ibukota \"Y\".")
    }
    guard chosen.count == 1 else {
        throw DomainError.tidakSah(
            field: "--pemda", pesan: "Sebutkan \(sebutan) (ada \(chosen.count) Pemda yang cocok).")
    }
    return chosen[0]
}

func readFile(_ path: String) throws -> Data {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw DomainError.tidakSah(field: "FILE", pesan: "Berkas \(path) tidak dapat dibaca.")
    }
    return data
}

/// `kinerja import FILE --pd KODE [--apply]`: preview (and apply) a workbook or CSV.
struct ImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Berkas XLSX atau CSV")
        var file: String
        @Option(name: "pd", help: "Kode perangkat daerah")
        var pd: String?
        @Option(name: "pemda", help: "Nama Pemda (bila kode PD ada di beberapa Pemda)")
        var pemda: String?
        @Option(name: "jenis", help: "otomatis (bawaan), rencana, realisasi, iku")
        var jenis: String?
        @Option(name: "dokumen", help: "Dokumen target dan pagu bila kolom dokumen kosong: renstra (bawaan), renja, …")
        var dokumen: String?
        @Flag(name: "apply", help: "Terapkan (tanpa ini hanya pratinjau)")
        var apply: Bool
        @Option(name: "peta", help: "Berkas JSON peta kolom (daftar PetaLembar) untuk lembar yang tidak dikenali")
        var peta: String?
    }

    var help: String { "Pratinjau lalu terapkan impor berkas XLSX/CSV untuk satu perangkat daerah." }

    /// `--peta FILE`: one mapping or a list, as the web saves them; the Pemda's saved mappings besides.
    /// The mappings of `--peta` (the Pemda's saved ones are added by the use case).
    static func peta(_ path: String?) throws -> [PetaLembar] {
        guard let path else { return [] }
        let data = try readFile(path)
        let given: [PetaLembar]
        if let list = try? JSONDecoder().decode([PetaLembar].self, from: data) {
            given = list
        } else if let one = try? JSONDecoder().decode(PetaLembar.self, from: data) {
            given = [one]
        } else {
            throw DomainError.tidakSah(field: "--peta", pesan: "Berkas peta \(path) bukan JSON peta kolom.")
        }
        for mapping in given { try mapping.periksa() }
        return given
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let jenis = JenisImpor(rawValue: signature.jenis ?? "otomatis") else {
            throw DomainError.tidakSah(
                field: "--jenis",
                pesan: "Jenis harus otomatis, rencana, realisasi, iku, perangkat_daerah, atau cascading.")
        }
        guard let dokumen = DokumenRencana(rawValue: signature.dokumen ?? "renstra") else {
            throw DomainError.tidakSah(field: "--dokumen", pesan: "Dokumen tidak dikenal.")
        }
        let store = KinerjaStore(context.application.db)
        let data = try readFile(signature.file)
        let name = URL(fileURLWithPath: signature.file).lastPathComponent
        let pemda: Pemda
        let plan: ImporBerkas.Rencana
        if let kode = signature.pd {
            let (found, pd) = try await resolvePD(store, kode: kode, pemda: signature.pemda)
            pemda = found
            plan = try await ImporBerkas.rencanakan(
                store, pemda: pemda, pd: pd, isi: data, namaBerkas: name, jenis: jenis, dokumen: dokumen,
                petaTambahan: try Self.peta(signature.peta))
            for sheet in plan.hasil.tidakDikenali {
                context.console.print(
                    "Lembar \(sheet.lembar) tidak dikenali; judul kolom di baris \(sheet.barisKepala). Peta untuk --peta:\n"
                        + "{\"tanda\": \(String(reflecting: sheet.tanda)), \"jenis\": \"rencana\", \"kolom\": {"
                        + sheet.kolom.map { "\"\($0.indeks)\": \"…\" /* \($0.kepala) */" }.joined(separator: ", ")
                        + "}}")
            }
            context.console.print("\(pemda.nama) · \(pd.nama) · \(name): " + plan.lembar.joined(separator: ", "))
        } else {
            // The perangkat_daerah template belongs to the Pemda, not to one PD.
            pemda = try await resolvePemda(store, nama: signature.pemda)
            plan = try await ImporBerkas.rencanakanOrganisasi(
                store, pemda: pemda, isi: data, namaBerkas: name, jenis: jenis)
            context.console.print("\(pemda.nama) · \(name): " + plan.lembar.joined(separator: ", "))
        }
        context.console.print(plan.pratinjau.laporan)
        guard signature.apply else { return }
        // The command line is its own clock and author: the operator's login on this machine.
        let written = try await ImporBerkas.terapkan(
            store, pemda: pemda.id, plan.pratinjau, oleh: KinerjaCLI.pelaku,
            sumber: "perintah kinerja import \(name)", sekarang: Date())
        context.console.print("Diterapkan: \(written) baris ditulis.")
    }
}

/// `kinerja check FILE [--format csv]`: where a document contradicts itself.
struct CheckCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Berkas XLSX atau CSV")
        var file: String
        @Option(name: "format", help: "teks (bawaan) atau csv")
        var format: String?
        @Option(name: "jenis", help: "otomatis (bawaan), rencana, realisasi, iku")
        var jenis: String?
    }

    var help: String { "Memeriksa konsistensi dokumen: jumlah pagu, persentase, target, satuan, kode." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let data = try readFile(signature.file)
        let name = URL(fileURLWithPath: signature.file).lastPathComponent
        let hasil = ImporBerkas.periksa(
            data, namaBerkas: name, jenis: JenisImpor(rawValue: signature.jenis ?? "otomatis") ?? .otomatis)
        if signature.format == "csv" {
            FileHandle.standardOutput.write(Data(Importer.csv(hasil.temuan).utf8))
            return
        }
        context.console.print(name + ": " + hasil.lembar.map { "\($0.nama) (\($0.tataLetak))" }.joined(separator: ", "))
        context.console.print("\(hasil.temuan.count) temuan")
        for finding in hasil.temuan {
            var line = finding.description
            if let printed = finding.tercetak {
                line +=
                    " [tercetak \(printed)" + (finding.dihitung.map { ", dihitung \($0)" } ?? "")
                    + (finding.selisih.map { ", selisih \($0)" } ?? "") + "]"
            }
            context.console.print(line)
        }
    }
}

/// `kinerja export --pd KODE --format xlsx|csv -o FILE`.
struct ExportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "pd", help: "Kode perangkat daerah")
        var pd: String?
        @Option(name: "pemda", help: "Nama Pemda")
        var pemda: String?
        @Option(name: "format", help: "xlsx (bawaan) atau csv")
        var format: String?
        @Option(name: "output", short: "o", help: "Berkas keluaran")
        var output: String?
    }

    var help: String { "Mengekspor rencana dan realisasi satu PD dalam format templat." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let kode = signature.pd else { throw DomainError.tidakSah(field: "--pd", pesan: "Sebutkan --pd KODE.") }
        guard let format = Ekspor.Format(rawValue: signature.format ?? "xlsx") else {
            throw DomainError.tidakSah(field: "--format", pesan: "Format harus xlsx atau csv.")
        }
        guard let output = signature.output else {
            throw DomainError.tidakSah(field: "-o", pesan: "Sebutkan berkas keluaran -o FILE.")
        }
        let store = KinerjaStore(context.application.db)
        let (pemda, pd) = try await resolvePD(store, kode: kode, pemda: signature.pemda)
        let data = try await store.load(pemda: pemda.id, perangkatDaerah: pd.id)
        switch format {
        case .xlsx:
            try Ekspor.xlsx(data, pd: pd).write(to: URL(fileURLWithPath: output))
            context.console.print("Ditulis: \(output)")
        case .csv:
            let base = URL(fileURLWithPath: output)
            let realisasi = base.deletingPathExtension().appendingPathExtension("realisasi.csv")
            try Data(Ekspor.csvRencana(data, pd: pd).utf8).write(to: base)
            try Data(Ekspor.csvRealisasi(data, pd: pd).utf8).write(to: realisasi)
            context.console.print("Ditulis: \(output) dan \(realisasi.path)")
        }
    }
}

/// `kinerja template rencana|realisasi|iku -o FILE [--dari 2025 --sampai 2029]`.
struct TemplateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "jenis", help: "rencana, realisasi, iku, perangkat_daerah, atau cascading")
        var jenis: String
        @Option(name: "output", short: "o", help: "Berkas keluaran (.xlsx)")
        var output: String?
        @Option(name: "dari", help: "Tahun pertama kolom target/pagu (bawaan 2025)")
        var dari: Int?
        @Option(name: "sampai", help: "Tahun terakhir (bawaan 2029)")
        var sampai: Int?
    }

    var help: String { "Menulis templat impor XLSX dengan lembar petunjuk." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let jenis = Templat.Jenis(rawValue: signature.jenis) else {
            throw DomainError.tidakSah(
                field: "jenis", pesan: "Templat harus rencana, realisasi, iku, perangkat_daerah, atau cascading.")
        }
        let first = signature.dari ?? 2025
        let last = signature.sampai ?? first + 4
        guard first <= last, last - first < 30 else {
            throw DomainError.tidakSah(field: "--sampai", pesan: "Rentang tahun tidak sah.")
        }
        let output = signature.output ?? "templat-\(jenis.rawValue).xlsx"
        try Templat.xlsx(jenis, tahun: first...last).write(to: URL(fileURLWithPath: output))
        context.console.print("Ditulis: \(output)")
    }
}

/// `kinerja report NAME --pd KODE --tahun N --format html|xlsx|csv [-o FILE]`.
struct ReportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(
            name: "nama", help: "renja, capaian-sasaran, tujuan-sasaran, realisasi, evaluasi-renja, iku, iku-pemda")
        var nama: String
        @Option(name: "pd", help: "Kode perangkat daerah")
        var pd: String?
        @Option(name: "pemda", help: "Nama Pemda")
        var pemda: String?
        @Option(name: "tahun", help: "Tahun (bawaan: tahun terakhir yang berealisasi)")
        var tahun: Int?
        @Option(name: "triwulan", help: "Evaluasi triwulan: s.d. triwulan ini (bawaan: setahun)")
        var triwulan: Int?
        @Option(name: "format", help: "html (bawaan), xlsx, atau csv")
        var format: String?
        @Option(name: "output", short: "o", help: "Berkas keluaran (bawaan: layar untuk html/csv)")
        var output: String?
    }

    var help: String { "Membuat laporan resmi sebagai HTML, XLSX, atau CSV." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let store = KinerjaStore(context.application.db)
        var laporan: Laporan
        let pemdaID: TypedID<Pemda>
        let name = try NamaLaporan.baca(signature.nama)
        if name == .ikuPemda {
            let pemda = try await resolvePemda(store, nama: signature.pemda)
            pemdaID = pemda.id
            laporan = try await LaporanKatalog.buat(name, store: store, pemda: pemda.id, pd: nil, tahun: nil)
        } else if signature.pd == nil {
            // --pd omitted: the whole Pemda, every PD under its heading; without --tahun the year of its data.
            let pemda = try await resolvePemda(store, nama: signature.pemda, sebutan: "--pd KODE atau --pemda NAMA")
            pemdaID = pemda.id
            let tahun = try await LaporanKatalog.tahunSeluruhPemda(signature.tahun, store: store, pemda: pemda.id)
            laporan = try await LaporanKatalog.seluruhPemda(name, store: store, pemda: pemda.id, tahun: tahun)
        } else {
            guard let kode = signature.pd else {
                throw DomainError.tidakSah(field: "--pd", pesan: "Sebutkan --pd KODE.")
            }
            let (pemda, pd) = try await resolvePD(store, kode: kode, pemda: signature.pemda)
            pemdaID = pemda.id
            if let triwulan = signature.triwulan, !(1...pemda.jumlahTriwulan).contains(triwulan) {
                throw DomainError.tidakSah(
                    field: "--triwulan", pesan: "Triwulan harus 1 sampai \(pemda.jumlahTriwulan).")
            }
            laporan = try await LaporanKatalog.buat(
                name, store: store, pemda: pemda.id, pd: pd, tahun: signature.tahun, triwulan: signature.triwulan)
        }
        // The kop: the Pemda's address, and its logo embedded (the file stands alone).
        let profil = try await store.profil(pemda: pemdaID, denganLogo: true)
        laporan = LaporanKatalog.denganAlamat(laporan, profil)
        let logo = profil.logo.flatMap { data in
            profil.logoJenis.map { "data:\($0);base64," + data.base64EncodedString() }
        }
        let data: Data
        switch signature.format ?? "html" {
        case "html": data = Data(LaporanHTML.halaman(laporan, logo: logo).utf8)
        case "csv": data = Data(LaporanEkspor.csv(laporan).utf8)
        case "xlsx": data = try LaporanEkspor.xlsx(laporan)
        default: throw DomainError.tidakSah(field: "--format", pesan: "Format harus html, xlsx, atau csv.")
        }
        if let output = signature.output {
            try data.write(to: URL(fileURLWithPath: output))
            context.console.print("Ditulis: \(output)")
        } else if signature.format == "xlsx" {
            throw DomainError.tidakSah(field: "-o", pesan: "XLSX memerlukan berkas keluaran -o FILE.")
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}
