import Fluent
import Foundation
import KinerjaDomain
import KinerjaPersistence
import Testing
import Vapor
import VaporTesting

@testable import KinerjaWeb

/// Every route called as every role (and anonymously). The expected rule of each route is written here: a route
/// added to the app without an entry below fails `everyRouteIsInTheMatrix`.
@Suite("Matriks otorisasi")
struct MatriksAksesTests {
    enum Harapan {
        case publik, masuk, bacaPD, tulisPD, adminPemda
    }

    static let matriks: [String: Harapan] = [
        "GET /health": .publik,
        "GET /aset/:nama": .publik,
        "GET /": .publik,
        "GET /masuk": .publik,
        "POST /masuk": .publik,
        "POST /keluar": .masuk,
        "GET /akun/sandi": .masuk,
        "POST /akun/sandi": .masuk,
        "GET /pemda/:pemda/dasbor": .publik,
        "GET /pemda/:pemda/laporan": .publik,
        "GET /pemda/:pemda/laporan/:nama": .publik,
        "GET /pemda/:pemda/iku": .publik,
        "GET /pemda/:pemda/indikator/:indikator": .publik,
        "GET /pemda/:pemda/cascading": .publik,
        "GET /pemda/:pemda/pd/:kode": .bacaPD,
        "GET /pemda/:pemda/pd/:kode/laporan/:nama": .publik,
        "GET /pemda/:pemda/pd/:kode/cascading": .publik,
        "GET /pemda/:pemda/pd/:kode/iku": .publik,
        "GET /pemda/:pemda/pd/:kode/realisasi": .tulisPD,
        "POST /pemda/:pemda/pd/:kode/realisasi": .tulisPD,
        "GET /pemda/:pemda/pd/:kode/realisasi/capaian": .tulisPD,
        "GET /pemda/:pemda/pd/:kode/rencana": .tulisPD,
        "POST /pemda/:pemda/pd/:kode/rencana": .tulisPD,
        "POST /pemda/:pemda/pd/:kode/rencana/elemen": .tulisPD,
        "POST /pemda/:pemda/pd/:kode/rencana/indikator": .tulisPD,
        "GET /pemda/:pemda/pd/:kode/bukti/:bukti": .bacaPD,
        "GET /pemda/:pemda/pd/:kode/impor": .tulisPD,
        "POST /pemda/:pemda/pd/:kode/impor": .tulisPD,
        "GET /pemda/:pemda/pd/:kode/impor/:unggahan": .tulisPD,
        "POST /pemda/:pemda/pd/:kode/impor/:unggahan": .tulisPD,
        "POST /pemda/:pemda/pd/:kode/impor/:unggahan/peta": .tulisPD,
        "GET /pemda/:pemda/admin": .adminPemda,
        "POST /pemda/:pemda/admin/pengguna": .adminPemda,
        "POST /pemda/:pemda/admin/pengguna/:pengguna": .adminPemda,
        "POST /pemda/:pemda/admin/pd": .adminPemda,
        "POST /pemda/:pemda/admin/periode": .adminPemda,
        "POST /pemda/:pemda/admin/kategori": .adminPemda,
        "POST /pemda/:pemda/admin/profil": .adminPemda,
        "GET /pemda/:pemda/logo": .publik,
        "GET /siapkan": .publik,
        "POST /siapkan": .publik,
        // The workflow: whoever reads the PD may ask for a step; the rules of `AturanAlur` decide (tested per role
        // and transition in AlurTests).
        "POST /pemda/:pemda/pd/:kode/alur": .bacaPD,
        "GET /pemda/:pemda/pd/:kode/riwayat": .bacaPD,
        "GET /pemda/:pemda/pemantauan": .adminPemda,
        "POST /pemda/:pemda/pd/:kode/rencana/revisi": .tulisPD,
        "GET /pemda/:pemda/pd/:kode/pk": .publik,
        "GET /pemda/:pemda/pd/:kode/rencana-aksi": .tulisPD,
        "POST /pemda/:pemda/pd/:kode/rencana-aksi": .tulisPD,
        // Public once approved (LKjIPWebTests); the Pemda's with published figures for the public.
        "GET /pemda/:pemda/pd/:kode/lkjip": .publik,
        "POST /pemda/:pemda/pd/:kode/lkjip": .tulisPD,
        "GET /pemda/:pemda/lkjip": .publik,
        "GET /pemda/:pemda/pk": .publik,
        "GET /pemda/:pemda/pd/:kode/rencana/revisi/lampiran": .bacaPD,
        "POST /pemda/:pemda/admin/jadwal": .adminPemda,
        "POST /pemda/:pemda/admin/pembukaan": .adminPemda,
    ]

    /// Who may, for a route of DINSOS in Kabupaten Batu Bara. `operator.setwan` is an operator of another PD of
    /// the same Pemda; `admin.banyuasin` an admin of another Pemda.
    static let peran = ["admin", "operator", "kepala", "evaluator", "pimpinan", "operator.setwan", "admin.banyuasin"]

    static func boleh(_ harapan: Harapan, _ user: String?) -> Bool {
        switch harapan {
        case .publik: true
        case .masuk: user != nil
        case .bacaPD: ["admin", "operator", "kepala", "evaluator", "pimpinan"].contains(user ?? "")
        case .tulisPD: ["admin", "operator"].contains(user ?? "")
        case .adminPemda: user == "admin"
        }
    }

    @Test func everyRouteIsInTheMatrix() async throws {
        try await withDemoApp { app in
            // `/metrics` is for the machine's monitoring, not for users: `MetrikTests`.
            let registered = app.routes.all.map {
                "\($0.method.rawValue) /" + $0.path.map(\.description).joined(separator: "/")
            }.filter { $0 != "GET /metrics" }
            for route in registered {
                #expect(Self.matriks[route] != nil, "rute tanpa entri di matriks: \(route)")
            }
            #expect(Set(registered) == Set(Self.matriks.keys))
        }
    }

    @Test func everyRouteAsEveryRole() async throws {
        try await withDemoApp { app in
            let pd = try await pdPath(app, kode: "DINSOS")
            let pemda = pemdaPath(pd)
            let store = KinerjaStore(app.db)
            let batuBara = try #require(try await store.pemda(nama: "Kabupaten Batu Bara"))
            let dinsos = try #require(try await store.pd(pemda: batuBara.id, kode: "DINSOS"))
            let data = try await store.load(pemda: batuBara.id, perangkatDaerah: dinsos.id)
            let indikator = try #require(data.indikator.first).id.uuid.uuidString.lowercased()
            let op = try #require(try await store.pengguna(namaPengguna: "operator")).0.id.uuid.uuidString.lowercased()
            let values: [String: String] = [
                ":pemda": String(pemda.dropFirst("/pemda/".count)), ":kode": "DINSOS", ":nama": "renja",
                ":indikator": indikator, ":bukti": UUID().uuidString, ":unggahan": UUID().uuidString,
                ":pengguna": op,
            ]
            // Logout last: it ends the session.
            let routes = Self.matriks.keys.sorted {
                ($0 == "POST /keluar" ? 1 : 0, $0) < ($1 == "POST /keluar" ? 1 : 0, $1)
            }
            var browsers: [String?: Peramban] = [nil: try await Peramban.anonim(app)]
            for name in Self.peran { browsers[name] = try await Peramban.masuk(app, name) }
            for route in routes {
                let parts = route.split(separator: " ", maxSplits: 1)
                let method = String(parts[0])
                var path = String(parts[1]).split(separator: "/").map { values[String($0)] ?? String($0) }.joined(
                    separator: "/")
                path = "/" + path
                if path.hasPrefix("/aset") { path = "/aset/" + Script.nama }
                if route.hasSuffix("realisasi/capaian") {
                    path += "?indikator=\(indikator)&tahun=2024&triwulan=1&nilai=1"
                }
                for user in [nil] + Self.peran.map(Optional.some) {
                    let browser = browsers[user]!
                    let expected = Self.boleh(Self.matriks[route]!, user)
                    let check: (TestingHTTPResponse) async throws -> Void = { res in
                        let denied: Bool
                        if user == nil {
                            let toLogin =
                                res.status == .seeOther
                                && (res.headers.first(name: .location) ?? "").hasPrefix("/masuk?lanjut=")
                            denied = toLogin || res.status == .unauthorized
                        } else {
                            denied = res.status == .forbidden
                        }
                        #expect(denied == !expected, "\(route) sebagai \(user ?? "anonim"): \(res.status)")
                        #expect(res.status.code < 500, "\(route) sebagai \(user ?? "anonim"): \(res.status)")
                    }
                    if method == "GET" {
                        try await browser.buka(app, path, check)
                    } else {
                        try await browser.kirim(app, path, [:], check)
                    }
                }
            }
        }
    }

    @Test func accessRulesAreDomainRules() throws {
        let pemda = TypedID<Pemda>()
        let other = TypedID<Pemda>()
        let pd = TypedID<PerangkatDaerah>()
        let pd2 = TypedID<PerangkatDaerah>()
        let op = try Pengguna(
            namaPengguna: "op1", namaLengkap: "", peran: .operatorPD, pemda: pemda, perangkatDaerah: pd)
        #expect(Akses.tulisPD(pemda: pemda, pd: pd).boleh(op))
        #expect(!Akses.tulisPD(pemda: pemda, pd: pd2).boleh(op))
        #expect(!Akses.tulisPD(pemda: other, pd: pd).boleh(op))
        #expect(!Akses.adminPemda(pemda).boleh(op))
        var inactive = try Pengguna(namaPengguna: "adm", namaLengkap: "", peran: .admin, pemda: pemda)
        #expect(Akses.adminPemda(pemda).boleh(inactive))
        inactive.aktif = false
        #expect(!Akses.adminPemda(pemda).boleh(inactive))
        #expect(!Akses.masuk.boleh(nil))
        #expect(Akses.publik.boleh(nil))
        let pimpinan = try Pengguna(namaPengguna: "bupati", namaLengkap: "", peran: .pimpinan, pemda: pemda)
        #expect(Akses.bacaPD(pemda: pemda, pd: pd2).boleh(pimpinan))
        #expect(!Akses.tulisPD(pemda: pemda, pd: pd2).boleh(pimpinan))
    }
}
