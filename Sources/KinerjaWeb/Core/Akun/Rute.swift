import Fluent
import Foundation
import KinerjaDomain
import KinerjaPersistence
import Vapor

/// The access rule a route is registered with. Every route of the site is registered through `Application.rute`,
/// so none exists without a rule, and the authorization-matrix test reads the list back.
enum AturanAkses: String, Sendable, CaseIterable {
    case publik
    case masuk
    case bacaPD
    case tulisPD
    case adminPemda
}

/// What a handler knows about the request once access is granted.
struct RequestContext: Sendable {
    var pengguna: Pengguna?
    var csrf: String
    /// The Pemda of a `:pemda` path, loaded once.
    var pemda: Pemda?
    /// The PD of a `:kode` path, loaded once.
    var pd: PerangkatDaerah?
    /// The profile (address, logo kind, head) of the Pemda of a `:pemda` path, without the logo's bytes.
    var profil: ProfilPemda?

    func pemdaWajib() throws -> Pemda {
        guard let pemda else { throw DomainError.tidakDitemukan("Pemda") }
        return pemda
    }

    func pdWajib() throws -> PerangkatDaerah {
        guard let pd else { throw DomainError.tidakDitemukan("Perangkat daerah") }
        return pd
    }

    /// May this user do `aturan` here? (For showing or hiding links and forms; the route itself enforces it.)
    func boleh(_ aturan: AturanAkses, pd other: PerangkatDaerah? = nil) -> Bool {
        guard let akses = AccessRoute.akses(aturan, pemda: pemda, pd: other ?? pd) else { return false }
        return akses.boleh(pengguna)
    }

    var akunBar: Layout.Akun { Layout.Akun(pengguna: pengguna, csrf: csrf, pemda: pemda) }
}

struct RegisteredRoute: Sendable, Hashable {
    var method: String
    var path: String
    var aturan: AturanAkses
}

struct RegisteredRouteKey: StorageKey { typealias Value = [RegisteredRoute] }

enum AccessRoute {
    /// The domain's access question for a rule in a context (nil when the context lacks what the rule needs).
    static func akses(_ aturan: AturanAkses, pemda: Pemda?, pd: PerangkatDaerah?) -> Akses? {
        switch aturan {
        case .publik: return .publik
        case .masuk: return .masuk
        case .bacaPD:
            guard let pemda, let pd else { return nil }
            return .bacaPD(pemda: pemda.id, pd: pd.id)
        case .tulisPD:
            guard let pemda, let pd else { return nil }
            return .tulisPD(pemda: pemda.id, pd: pd.id)
        case .adminPemda:
            guard let pemda else { return nil }
            return .adminPemda(pemda.id)
        }
    }
}

extension Application {
    /// Every route registered, with its rule (read by the authorization-matrix test).
    var ruteTerdaftar: [RegisteredRoute] { storage[RegisteredRouteKey.self] ?? [] }

    /// Registers a route with its access rule. Before the handler runs: a non-GET request must carry the form's
    /// CSRF token; the `:pemda` and `:kode` of the path are loaded (404 if unknown); the rule is asked of the
    /// domain's `Akses`. Anonymous visitors are sent to the login page (GET) or get 401; signed-in users without
    /// the right get 403.
    func route(
        _ method: HTTPMethod, _ path: [PathComponent], _ aturan: AturanAkses,
        body: HTTPBodyStreamStrategy = .collect,
        _ handler: @escaping @Sendable (Request, RequestContext) async throws -> Response
    ) {
        var registered = storage[RegisteredRouteKey.self] ?? []
        registered.append(
            RegisteredRoute(
                method: method.rawValue, path: "/" + path.map(\.description).joined(separator: "/"), aturan: aturan))
        storage[RegisteredRouteKey.self] = registered
        on(method, path, body: body) { req async throws -> Response in
            if method != .GET && method != .HEAD { try Akun.periksaCSRF(req) }
            var konteks = RequestContext(pengguna: req.pengguna, csrf: Akun.samarkan(req.csrfToken))
            if let raw = req.parameters.get("pemda") {
                guard let id = UUID(uuidString: raw) else { throw DomainError.tidakDitemukan("Pemda") }
                let pemda = try await req.pemdaDanPD(TypedID(id))
                konteks.pemda = pemda.pemda
                konteks.profil = pemda.profil
                if let kode = req.parameters.get("kode") {
                    guard let pd = pemda.pd[kode] else { throw DomainError.tidakDitemukan("Perangkat daerah \(kode)") }
                    konteks.pd = pd
                }
            }
            guard let akses = AccessRoute.akses(aturan, pemda: konteks.pemda, pd: konteks.pd) else {
                throw Abort(.internalServerError, reason: "Aturan \(aturan) tanpa konteks")
            }
            guard akses.boleh(konteks.pengguna) else {
                if konteks.pengguna == nil {
                    if method == .GET {
                        let next = req.url.string
                        return req.redirect(
                            to: SiteURL.masuk.path + "?lanjut="
                                + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"))
                    }
                    throw Abort(.unauthorized)
                }
                throw Abort(.forbidden)
            }
            return try await handler(req, konteks)
        }
    }
}

/// What every page of a Pemda reads before its own work: the Pemda with its capaian bands, its PD by kode and its
/// profile. Cached per published version of the Pemda, which every write of these moves (they are its common
/// data): one small query a request instead of four through Fluent's models (a third of a cached page's CPU).
struct PemdaDanPD: Sendable {
    var pemda: Pemda
    var pd: [String: PerangkatDaerah]
    var profil: ProfilPemda
}

extension Request {
    /// The Pemda `id` with its PD and profile; an unknown id is a 404 (and is not cached).
    func pemdaDanPD(_ id: TypedID<Pemda>) async throws -> PemdaDanPD {
        let ukuran: (PemdaDanPD) -> Int = { 2_000 + $0.pd.count * 600 }
        return try await turunan(
            ["pemda-pd"], pemda: id, terbit: true, antre: false, kembalikan: false, ukuran: ukuran
        ) {
            let store = KinerjaStore(db)
            guard let pemda = try await store.pemdaJikaAda(id) else { throw DomainError.tidakDitemukan("Pemda") }
            let pds = try await store.listPD(pemda: id)
            return PemdaDanPD(
                pemda: pemda, pd: Dictionary(pds.map { ($0.kode, $0) }, uniquingKeysWith: { first, _ in first }),
                profil: try await store.profil(pemda: id))
        }
    }
}
