import Fluent
import Foundation
import KinerjaCLI
import KinerjaDomain
import KinerjaImport
import KinerjaPersistence
import KinerjaSpreadsheet
import KinerjaTestSupport
import NIOCore
import Testing
import Vapor
import VaporTesting

@testable import KinerjaWeb

/// What an outside probe of the running application found (issue 9), each as a test that failed before its fix:
/// the import applies what it previewed, parallel writes never fail, redirects stay on the site, login throttling
/// holds, CSV carries no formula, expensive requests are bounded, input has limits, and small leaks are closed.
/// The authorization matrix and CSRF on every POST are `MatriksAksesTests`.
@Suite("Keamanan")
struct KeamananTests {
    // MARK: - 1. The import applies exactly what it previewed

    /// A plan file for one indicator of Dinsos's first sub kegiatan with indicators: a 2027 target.
    static func berkasRencana(_ app: Application) async throws -> (csv: String, indikator: UUID) {
        let pd = try #require(try await PerangkatDaerahModel.query(on: app.db).filter(\.$kode == "DINSOS").first())
        let indicators = try await IndikatorModel.query(on: app.db).filter(\.$perangkatDaerahID == pd.id!).all()
        let elements = try await ElemenRencanaModel.query(on: app.db).filter(\.$perangkatDaerahID == pd.id!)
            .filter(\.$tingkat == Tingkat.subKegiatan.rawValue).all()
        let byID = Dictionary(uniqueKeysWithValues: elements.map { ($0.id!, $0) })
        let indikator = try #require(
            indicators.first { byID[$0.elemenID] != nil && byID[$0.elemenID]?.kodeAsli != nil })
        let node = byID[indikator.elemenID]!
        let csv =
            "kode;uraian;indikator;satuan;target_2027\n\(node.kodeAsli!);\(node.uraian);\(indikator.nama);\(indikator.satuan);42\n"
        return (csv, indikator.id!)
    }

    static func unggahRencana(
        _ app: Application, _ op: Peramban, _ csv: String, dokumen: String
    ) async throws -> String {
        let pd = try await pdPath(app, kode: "DINSOS")
        var preview = ""
        try await op.kirimBerkas(
            app, pd + "/impor", ["jenis": "rencana", "dokumen": dokumen], berkas: "berkas", nama: "rencana.csv",
            Array(csv.utf8)
        ) { res in
            #expect(res.status == .seeOther)
            preview = res.headers.first(name: .location) ?? ""
            // Nothing of the form's options travels in the address: they are kept with the upload.
            #expect(!preview.contains("?"))
        }
        return preview
    }

    @Test func importAppliesExactlyWhatItPreviewed() async throws {
        try await withDemoApp { app in
            let op = try await Peramban.masuk(app, "operator")
            let (csv, indikator) = try await Self.berkasRencana(app)
            let preview = try await Self.unggahRencana(app, op, csv, dokumen: "renja")
            try await op.buka(app, preview) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("target Renja 2027: 42"))
            }
            // The apply form carries the CSRF token and nothing else: not jenis, not dokumen.
            try await op.kirim(app, preview) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location)?.contains("diimpor=1") == true)
            }
            let stored = try await TargetModel.query(on: app.db).filter(\.$indikatorID == indikator)
                .filter(\.$tahun == 2027).all()
            #expect(stored.map(\.dokumen) == [DokumenRencana.renja.rawValue])
        }
    }

    @Test func importRefusesWhenTheDataChangedSincePreview() async throws {
        try await withDemoApp { app in
            let op = try await Peramban.masuk(app, "operator")
            let (csv, indikator) = try await Self.berkasRencana(app)
            let preview = try await Self.unggahRencana(app, op, csv, dokumen: "renja")
            // Someone saves in the Pemda between the preview and the apply.
            let form = try await RealisasiFormTests.buka(app, op)
            try await op.kirim(app, form.path, form.isian([FormKey.realisasi.awalan + form.kunci: "7"])) { res in
                #expect(res.status == .seeOther)
            }
            try await op.kirim(app, preview) { res in
                #expect(res.status == .conflict)
                let html = res.body.string
                #expect(html.contains("Data Pemda telah berubah sejak pratinjau sebelumnya dibuat"))
                #expect(html.contains("target Renja 2027: 42"))
            }
            #expect(
                try await TargetModel.query(on: app.db).filter(\.$indikatorID == indikator).filter(\.$tahun == 2027)
                    .count() == 0)
            // The new preview was kept: applying it now works.
            try await op.kirim(app, preview) { res in #expect(res.status == .seeOther) }
            #expect(
                try await TargetModel.query(on: app.db).filter(\.$indikatorID == indikator).filter(\.$tahun == 2027)
                    .count() == 1)
        }
    }

    // MARK: - 2. Parallel writes and logins never fail

    @Test(arguments: TestBackend.available)
    func parallelSavesAndLoginsNeverAnswer5xx(backend: TestBackend) async throws {
        try await withTestDatabaseConfig(backend) { config in
            try await withApp(
                configure: { app in
                    try KinerjaApp.configure(app, database: config, bcryptCost: 4)
                    app.logger.logLevel = .warning
                    try await KinerjaCLI.siapkanDemo(app)
                }
            ) { app in
                let op = try await Peramban.masuk(app, "operator")
                let form = try await RealisasiFormTests.buka(app, op)
                var keys: [String] = []
                var rest = form.html[...]
                while let range = rest.range(of: "name=\"" + FormKey.realisasi.awalan), keys.count < 15 {
                    keys.append(String(rest[range.upperBound...].prefix(36)))
                    rest = rest[range.upperBound...]
                }
                #expect(keys.count == 15)
                let statuses = try await withThrowingTaskGroup(of: (String, UInt).self) { group in
                    for (offset, key) in keys.enumerated() {
                        group.addTask {
                            var fields = [
                                FormKey.realisasi.awalan + key: "\(offset + 1)", FormKey.awalRealisasi.awalan + key: "",
                                FormKey.versiRealisasi.awalan + key: "0", "_csrf": op.csrf,
                            ]
                            fields[FormKey.awalRealisasi.awalan + key] =
                                nilaiInput(form.html, name: FormKey.awalRealisasi.awalan + key) ?? ""
                            fields[FormKey.versiRealisasi.awalan + key] =
                                nilaiInput(form.html, name: FormKey.versiRealisasi.awalan + key) ?? "0"
                            var headers = op.headers
                            headers.contentType = .urlEncodedForm
                            let res = try await app.testing().performTest(
                                request: .init(
                                    method: .POST, url: URI(string: form.path), headers: headers,
                                    body: ByteBuffer(string: Peramban.urlEncoded(fields))))
                            return ("simpan \(key)", res.status.code)
                        }
                    }
                    for name in ["admin", "operator", "kepala", "evaluator", "pimpinan"] {
                        for _ in 0..<4 {
                            group.addTask {
                                let anon = try await Peramban.anonim(app)
                                var headers: HTTPHeaders = ["Cookie": anon.cookie]
                                headers.contentType = .urlEncodedForm
                                let res = try await app.testing().performTest(
                                    request: .init(
                                        method: .POST, url: "/masuk", headers: headers,
                                        body: ByteBuffer(
                                            string: Peramban.urlEncoded(
                                                ["_csrf": anon.csrf, "nama_pengguna": name, "sandi": "demo2026"]))))
                                return ("masuk \(name)", res.status.code)
                            }
                        }
                    }
                    group.addTask {
                        let res = try await app.testing().performTest(
                            request: .init(method: .GET, url: "/health", headers: [:], body: ByteBuffer()))
                        return ("health", res.status.code)
                    }
                    var all: [(String, UInt)] = []
                    for try await item in group { all.append(item) }
                    return all
                }
                #expect(statuses.count == 36)
                #expect(statuses.filter { $0.1 >= 500 }.isEmpty, "\(statuses.filter { $0.1 >= 500 })")
                #expect(statuses.filter { $0.0.hasPrefix("simpan") }.allSatisfy { $0.1 == 303 })
                #expect(statuses.filter { $0.0.hasPrefix("masuk") }.allSatisfy { $0.1 == 303 })
                // Every save was stored.
                let saved = try await RealisasiFormTests.buka(app, op)
                for (offset, key) in keys.enumerated() {
                    #expect(nilaiInput(saved.html, name: FormKey.realisasi.awalan + key) == "\(offset + 1)")
                }
            }
        }
    }

    @Test func aWriteThatWaitsTooLongIsRefusedNotLost() async throws {
        // The single writer hands its turn on in order; a waiter past its limit gets WriterBusy (503 "coba
        // lagi" in the web, the form kept), never a half-written save.
        let semafor = AsyncSemaphore(izin: 1)
        try await semafor.masuk(batas: .seconds(1), galat: WriterBusy())
        await #expect(throws: WriterBusy.self) {
            try await semafor.masuk(batas: .milliseconds(50), galat: WriterBusy())
        }
        await semafor.keluar()
        try await semafor.masuk(batas: .milliseconds(50), galat: WriterBusy())
        await semafor.keluar()
        #expect(FormState.sibuk(WriterBusy()))
        #expect(KinerjaErrorMiddleware.describe(WriterBusy()).0 == .serviceUnavailable)
        #expect(KinerjaErrorMiddleware.describe(ServerBusy()).0 == .serviceUnavailable)
    }

    // MARK: - 3. Redirects stay on the site

    static let lanjutJahat = [
        "/\r\nSet-Cookie: x=1", "/\nSet-Cookie: x=1", "/%0d%0aSet-Cookie:%20x=1", "/\t/evil.example", "/\\evil.example",
        "//evil.example", "/\\/evil.example", "https://evil.example/", "http:evil.example", "/%2F/evil.example",
        "/pemda/../../evil", "javascript:alert(1)", "/tidak-ada-halaman-ini",
    ]

    @Test(arguments: lanjutJahat)
    func loginNeverRedirectsOffTheSite(lanjut: String) async throws {
        try await withDemoApp { app in
            let anon = try await Peramban.anonim(app)
            try await anon.kirim(
                app, "/masuk", ["nama_pengguna": "operator", "sandi": "demo2026", "lanjut": lanjut]
            ) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/")
                #expect(res.headers[.setCookie].allSatisfy { !$0.contains("x=1") })
            }
        }
    }

    @Test func aKnownPageIsWhereTheLoginContinues() async throws {
        try await withDemoApp { app in
            let pd = try await pdPath(app, kode: "DINSOS")
            let anon = try await Peramban.anonim(app)
            try await anon.kirim(
                app, "/masuk",
                ["nama_pengguna": "operator", "sandi": "demo2026", "lanjut": pd + "/realisasi?tahun=2024"]
            ) { res in
                #expect(res.headers.first(name: .location) == pd + "/realisasi?tahun=2024")
            }
        }
    }

    @Test func onlySitePathsReachALocationHeader() {
        for bad in Self.lanjutJahat.prefix(9) + ["", "evil.example", "/a\u{7F}b", "/a b"] {
            #expect(!SafeRedirect.amanUntukLokasi(bad), "\(bad.debugDescription)")
        }
        for good in ["/", "/pemda/abc/pd/DINSOS?tahun=2024&triwulan=1", "/pemda/x/admin?pesan=pd#pd"] {
            #expect(SafeRedirect.amanUntukLokasi(good), "\(good)")
        }
        #expect(SafeRedirect.segmen("A/../B c") == "A%2F..%2FB%20c")
        #expect(SafeRedirect.query([("tahun", "2024\r\n")]) == "tahun=2024%0D%0A")
    }

    // MARK: - 4. Login throttling that holds

    static func permintaan(_ app: Application, dari peer: String, xff: String?) throws -> Request {
        var headers = HTTPHeaders()
        if let xff { headers.add(name: .xForwardedFor, value: xff) }
        headers.add(name: "X-Forwarded-Proto", value: "https")
        return Request(
            application: app, method: .GET, url: "/", headers: headers,
            remoteAddress: try SocketAddress(ipAddress: peer, port: 40_000), on: app.eventLoopGroup.next())
    }

    @Test func forwardedForIsBelievedOnlyFromConfiguredProxies() async throws {
        try await withDemoApp { app in
            let proxies: Set<String> = ["127.0.0.1"]
            // From anyone else the header is the client's own claim: ignored.
            let direct = try Self.permintaan(app, dari: "203.0.113.9", xff: "10.9.9.9")
            #expect(Akun.alamat(direct, tepercaya: proxies) == "203.0.113.9")
            #expect(!Akun.aman(direct, tepercaya: proxies))
            // Through the proxy: the last address the proxy saw, not what the client put before it.
            let proxied = try Self.permintaan(app, dari: "127.0.0.1", xff: "10.9.9.9, 198.51.100.7")
            #expect(Akun.alamat(proxied, tepercaya: proxies) == "198.51.100.7")
            #expect(Akun.aman(proxied, tepercaya: proxies))
            let forged = try Self.permintaan(app, dari: "127.0.0.1", xff: "not an address\r\n")
            #expect(Akun.alamat(forged, tepercaya: proxies) == "127.0.0.1")
            // With no proxy configured (the default) nothing is believed.
            #expect(Akun.alamat(proxied, tepercaya: []) == "127.0.0.1")
        }
    }

    static func masukSalah(_ app: Application, nama: String = "operator") async throws -> UInt {
        let anon = try await Peramban.anonim(app)
        var status: UInt = 0
        try await anon.kirim(app, "/masuk", ["nama_pengguna": nama, "sandi": "salah-sekali-1"]) { res in
            status = res.status.code
        }
        return status
    }

    @Test func concurrentWrongPasswordsAreCountedAtomically() async throws {
        try await withDemoApp { app in
            let statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                for _ in 0..<30 { group.addTask { try await Self.masukSalah(app) } }
                var all: [UInt] = []
                for try await status in group { all.append(status) }
                return all
            }
            // At most five passwords were checked; the others were refused before bcrypt.
            #expect(statuses.filter { $0 == 401 }.count <= Akun.batasGagalPasangan)
            #expect(statuses.filter { $0 == 429 }.count >= 30 - Akun.batasGagalPasangan)
            #expect(statuses.allSatisfy { $0 == 401 || $0 == 429 })
            let failed = try await PercobaanMasukModel.query(on: app.db).filter(\.$berhasil == false).count()
            #expect(failed <= Akun.batasGagalPasangan)
        }
    }

    @Test func anAttackerCannotLockTheOwnerOut() async throws {
        try await withDemoApp { app in
            // The attacker's address (the test client's) fails six times: it is locked for that name.
            for _ in 0..<5 { #expect(try await Self.masukSalah(app) == 401) }
            #expect(try await Self.masukSalah(app) == 429)
            // The owner, from his office's address, still logs in.
            let store = KinerjaStore(app.db)
            let failures = try await store.failedLogins(
                namaPengguna: "operator", alamat: "198.51.100.20", sejak: Date().addingTimeInterval(-60))
            #expect(failures.pasangan == 0)
            #expect(failures.nama == 5)
            // The admin lifts the lock: the same address may try again.
            let admin = try await Peramban.masuk(app, "admin")
            let user = try #require(try await store.pengguna(namaPengguna: "operator")?.0)
            try await admin.kirim(
                app, SiteURL.adminPenggunaUbah(pemda: user.pemda.uuid, pengguna: user.id.uuid).path,
                [
                    "peran": "operator", "perangkat_daerah": user.perangkatDaerah!.uuid.uuidString.lowercased(),
                    "aktif": "1", "kunci": "buka",
                ]
            ) { res in #expect(res.status == .seeOther) }
            _ = try await Peramban.masuk(app, "operator")
        }
    }

    @Test func anUnknownNameIsCheckedAgainstOneFixedHash() async throws {
        try await withDemoApp { app in
            let sandi = app.passwordHasher
            let first = try await sandi.dummy()
            let matched = try await sandi.cocok("apa saja 1", hash: nil)
            #expect(!matched)
            let again = try await sandi.dummy()
            #expect(again == first)
            #expect(first.hasPrefix("$2b$04$"))
            // A password bcrypt would truncate is refused, never cut.
            let long = String(repeating: "é", count: 37)  // 74 bytes, 37 characters
            #expect(long.utf8.count > 72)
            #expect(throws: DomainError.self) { try Pengguna.periksaSandi(long + "1a") }
            await #expect(throws: DomainError.self) { try await sandi.hash(long) }
        }
    }

    @Test func userInputIsEscapedInLogs() {
        #expect(Log.aman("operator\nmasuk: admin (admin)") == "operator\\nmasuk: admin (admin)")
        #expect(Log.aman("a\rb\tc\u{1B}[31m") == "a\\rb\\tc\\u{001B}[31m")
        #expect(Log.aman("nama\u{202E}gpj.exe") == "nama\\u{202E}gpj.exe")
        #expect(Log.aman(String(repeating: "x", count: 500)).count == 201)
    }

    // MARK: - 5. CSV carries no formula

    @Test func csvNeverCarriesAFormula() throws {
        let rows = [
            ["=HYPERLINK(\"http://x\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\rx", "＝1+1"],
            ["-12,5", "-1.234.567,89", "+62", "50%", "Dinas Sosial", "", "-"],
        ]
        let csv = CSV.write(rows)
        let parsed = try CSV.parse(csv)
        #expect(parsed[0].allSatisfy { $0.hasPrefix("'") })
        // Numbers, negative ones too, stay numbers; plain text stays as it was.
        #expect(parsed[1] == rows[1])
        // Our reader takes the apostrophe away again: an export re-imports unchanged.
        #expect(parsed[0].map(CSV.tanpaNetral) == rows[0])
    }

    @Test func everyCSVWeServeIsNeutralised() async throws {
        try await withDemoApp { app in
            // A PD renamed to a formula by an admin, then every report of it as CSV.
            let pd = try #require(try await PerangkatDaerahModel.query(on: app.db).filter(\.$kode == "DINSOS").first())
            pd.nama = "=HYPERLINK(\"http://evil.example\",\"klik\")"
            try await pd.update(on: app.db)
            let element = try #require(
                try await ElemenRencanaModel.query(on: app.db).filter(\.$perangkatDaerahID == pd.id!).first())
            element.uraian = "=1+1 uraian"
            try await element.update(on: app.db)
            let path = try await pdPath(app, kode: "DINSOS")
            for name in ["renja", "renstra", "realisasi", "capaian-sasaran", "evaluasi-renja"] {
                try await app.testing().test(.GET, path + "/laporan/\(name)?format=csv&tahun=2024") { res in
                    #expect(res.status == .ok)
                    let text = res.body.string
                    for line in text.split(separator: "\r\n") {
                        for field in line.split(separator: ";", omittingEmptySubsequences: false) {
                            let value = field.hasPrefix("\"") ? field.dropFirst() : field
                            #expect(!value.hasPrefix("="), "\(name): \(value)")
                        }
                    }
                }
            }
        }
    }

    @Test func xlsxWritesFormulaLookingTextAsText() throws {
        let data = try XLSXWriter.write([
            XLSXSheet(name: "A", rows: [[.text("=1+1"), .text("+cmd"), .number(-5)]])
        ])
        // Text is written as an inline string, never as a formula (`<f>`), so Excel shows it and runs nothing.
        let sheet = try XLSXReader().read(data).sheets[0]
        #expect(sheet[0, 0] == .text("=1+1"))
        #expect(sheet[0, 1] == .text("+cmd"))
        #expect(sheet[0, 2] == .number(-5))
    }

    // MARK: - 6. Requests that cost too much

    @Test func pagesOfYearsWithoutDataAreRefused() async throws {
        try await withDemoApp { app in
            let pd = try await pdPath(app, kode: "DINSOS")
            let pemda = pemdaPath(pd)
            for path in [
                pemda + "/dasbor?tahun=1945", pemda + "/cascading?tahun=2200", pd + "/laporan/renja?tahun=1999",
                pemda + "/laporan/realisasi?tahun=2150",
            ] {
                try await app.testing().test(.GET, path) { res in
                    #expect(res.status == .notFound, "\(path)")
                    #expect(res.body.string.contains("Data tahun"))
                }
            }
            try await app.testing().test(.GET, pemda + "/dasbor?tahun=2024") { res in #expect(res.status == .ok) }
        }
    }

    @Test func tooManyColumnsIsRefusedNamingTheRow() throws {
        let wide = Array(repeating: "x", count: 5_000).joined(separator: ";")
        #expect(throws: CSV.ParseError(baris: 2, pesan: "lebih dari 1000 kolom dalam satu baris.")) {
            try CSV.parse("a;b\n" + wide + "\n")
        }
        let hasil = Importer.baca(Data(("kode;tahun\n" + wide).utf8), namaBerkas: "lebar.csv")
        #expect(hasil.galat.first?.pesan.contains("Baris 2") == true)
    }

    // MARK: - 7. Input limits and exact numbers

    @Test func oversizedTextIsRefusedNamingTheField() async throws {
        try await withDemoApp { app in
            let admin = try await Peramban.masuk(app, "admin")
            let pemda = pemdaPath(try await pdPath(app, kode: "DINSOS"))
            try await admin.kirim(
                app, pemda + "/admin/pd",
                ["aksi": "pd", "kode": "BARU", "nama": String(repeating: "N", count: 1_000_000), "singkatan": "B"]
            ) { res in
                #expect(res.status == .badRequest)
                #expect(res.body.string.contains("terlalu panjang"))
                #expect(res.body.readableBytes < 200_000)
            }
            try await admin.kirim(
                app, pemda + "/admin/pd",
                ["aksi": "pd", "kode": "BARU", "nama": String(repeating: "N", count: 400), "singkatan": "B"]
            ) { res in
                #expect(res.status == .badRequest)
                #expect(res.body.string.contains("Nama PD paling panjang 300 karakter"))
            }
            for kode in ["A/B", "..", "A..B", "../X", "A B"] {
                try await admin.kirim(
                    app, pemda + "/admin/pd", ["aksi": "pd", "kode": kode, "nama": "X", "singkatan": ""]
                ) {
                    res in
                    #expect(res.status == .badRequest, "\(kode)")
                    #expect(res.body.string.contains("tidak sah"), "\(kode)")
                }
            }
            #expect(try await PerangkatDaerahModel.query(on: app.db).filter(\.$nama == "X").count() == 0)
        }
    }

    @Test(arguments: ["1e3", "1e999", "0x10", "1\u{00A0}000", "12 34", "1234567890123456789012"])
    func formsRefuseNumbersTheyCannotReadExactly(text: String) async throws {
        try await withDemoApp { app in
            let op = try await Peramban.masuk(app, "operator")
            let form = try await RealisasiFormTests.buka(app, op)
            let money = try #require(form.kunciAnggaran)
            try await op.kirim(
                app, form.path,
                form.isian([FormKey.realisasi.awalan + form.kunci: text, FormKey.keuangan.awalan + money: text])
            ) { res in
                #expect(res.status == .badRequest)
                let html = res.body.string
                #expect(nilaiInput(html, name: FormKey.realisasi.awalan + form.kunci) == text)
                #expect(html.contains("Belum tersimpan: 2 isian perlu diperbaiki"))
            }
            let again = try await RealisasiFormTests.buka(app, op)
            #expect(
                nilaiInput(again.html, name: FormKey.realisasi.awalan + form.kunci)
                    == nilaiInput(form.html, name: FormKey.realisasi.awalan + form.kunci))
        }
    }

    @Test func exactNumbersAreStillRead() throws {
        for (text, value) in [("1.234,5", Decimal(string: "1234.5")!), ("66,90 %", Decimal(string: "66.9")!), ("2", 2)]
        {
            let parsed = try NilaiParser.parse(text, desimal: .koma, satuanSah: ["dokumen"])
            #expect(parsed?.nilai == .angka(value), "\(text)")
        }
        #expect(try NilaiParser.parse("2 dokumen", desimal: .koma, satuanSah: ["dokumen"])?.nilai == .angka(2))
        #expect(try NilaiParser.parse("70 - 75", desimal: .koma, satuanSah: [])?.nilai == .rentang(70, 75))
    }

    // MARK: - 8. Smaller leaks

    @Test func otherMethodsAreAnsweredAtOnce() async throws {
        try await withDemoApp { app in
            for method in [HTTPMethod.CONNECT, .TRACE, .PUT, .DELETE, .OPTIONS] {
                try await app.testing().test(method, "/") { res in
                    #expect(res.status == .methodNotAllowed, "\(method)")
                    #expect(res.headers.first(name: .allow) == "GET, HEAD, POST")
                }
            }
            #expect(app.http.server.configuration.idleTimeout == .seconds(75))
        }
    }

    @Test func evidenceReplacesTheEarlierFileAndNamesAreSafe() async throws {
        try await withDemoApp { app in
            let op = try await Peramban.masuk(app, "operator")
            let form = try await RealisasiFormTests.buka(app, op)
            let pdf = Array("%PDF-1.4\n%%EOF\n".utf8)
            for name in ["laporan-1.pdf", "laporan\u{202E}fdp.exe-2.pdf"] {
                try await op.kirimBerkas(
                    app, form.path, form.isian([:]), berkas: FormKey.bukti.awalan + form.kunci, nama: name, pdf
                ) {
                    res in #expect(res.status == .seeOther)
                }
            }
            let rows = try await BuktiModel.query(on: app.db).all()
            #expect(rows.count == 1)
            #expect(rows.first?.namaBerkas == "laporanfdp.exe-2.pdf")
        }
        #expect(
            FileName.contentDisposition("Laporan Triwulan I – Dinsos.pdf")
                == "attachment; filename=\"Laporan Triwulan I _ Dinsos.pdf\"; "
                + "filename*=UTF-8''Laporan%20Triwulan%20I%20%E2%80%93%20Dinsos.pdf")
        #expect(FileName.contentDisposition("a.pdf", inline: true) == "inline; filename=\"a.pdf\"")
        #expect(FileName.bersih("../../etc/passwd\u{0}") == "passwd")
    }

    @Test func tokensAreSpelledInHexAsBeforeAndUnmaskBack() {
        // The hex spelling is Foundation's "%02x" for every byte, and a masked token unmasks to itself.
        let all = (0...255).map(UInt8.init)
        #expect(Akun.heksa(all) == all.map { String(format: "%02x", $0) }.joined())
        #expect(Akun.hash("BENAR").count == 64)
        for _ in 0..<50 {
            let token = Akun.tokenAcak()
            let masked = Akun.samarkan(token)
            #expect(masked != Akun.samarkan(token))
            #expect(Akun.buka(masked) == token)
        }
    }
}
