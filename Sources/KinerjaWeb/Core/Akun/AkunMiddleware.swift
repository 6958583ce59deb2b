import Fluent
import Foundation
import KinerjaDomain
import KinerjaPersistence
import Vapor

/// Who is asking: the signed-in user and his session's CSRF token, read from the session cookie on every request.
/// Sessions live in the database (table `sesi`), so any instance serves any user.
struct AkunMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let token = request.cookies[Akun.cookieSesi]?.string, !token.isEmpty {
            let now = Date()
            if let sesi = try await KinerjaStore(request.db).sesi(tokenHash: Akun.hash(token), sekarang: now) {
                request.storage[SesiKey.self] = sesi
                // Sliding expiry, written at most once per half lifetime.
                if sesi.kedaluwarsa.timeIntervalSince(now) < Akun.umurSesi / 2 {
                    try await KinerjaStore(request.db).perpanjangSesi(
                        sesi.id, kedaluwarsa: now.addingTimeInterval(Akun.umurSesi))
                }
            }
        }
        let response = try await next.respond(to: request)
        // A CSRF cookie for anonymous forms (the login form): double-submit.
        if request.storage[SesiKey.self] == nil, request.cookies[Akun.cookieCSRF] == nil,
            let token = request.storage[CSRFBaruKey.self]
        {
            response.cookies[Akun.cookieCSRF] = Akun.cookie(token, request: request, maxAge: nil)
        }
        return response
    }
}

struct SesiKey: StorageKey { typealias Value = KinerjaStore.Sesi }
struct CSRFBaruKey: StorageKey { typealias Value = String }

extension Request {
    /// The signed-in user, nil for anonymous visitors.
    var pengguna: Pengguna? { storage[SesiKey.self]?.pengguna }

    /// The CSRF token that this request's forms carry: the session's, or for anonymous visitors the
    /// double-submit cookie's (created on first use).
    var csrfToken: String {
        if let sesi = storage[SesiKey.self] { return sesi.csrf }
        if let cookie = cookies[Akun.cookieCSRF]?.string, !cookie.isEmpty { return cookie }
        if let fresh = storage[CSRFBaruKey.self] { return fresh }
        let fresh = Akun.tokenAcak()
        storage[CSRFBaruKey.self] = fresh
        return fresh
    }
}

/// Session, password and cookie rules in one place.
enum Akun {
    static let cookieSesi = "kinerja_sesi"
    static let cookieCSRF = "kinerja_csrf"
    /// Sessions expire after 8 hours without use.
    static let umurSesi: TimeInterval = 8 * 3600
    /// Five failed logins for a name (or 20 from one address) in 15 minutes lock further tries for that window.
    static let jendelaGagal: TimeInterval = 15 * 60
    static let batasGagalNama = 5
    static let batasGagalAlamat = 20

    static func tokenAcak() -> String {
        Data([UInt8].random(count: 32)).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// HttpOnly, SameSite=Lax, Path=/; Secure when the request came over HTTPS (directly or through a proxy that
    /// says so) or when `KINERJA_COOKIE_SECURE=1`.
    static func cookie(_ value: String, request: Request, maxAge: Int?) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: value, expires: nil, maxAge: maxAge, domain: nil, path: "/", isSecure: aman(request),
            isHTTPOnly: true, sameSite: .lax)
    }

    static func aman(_ request: Request) -> Bool {
        if Environment.get("KINERJA_COOKIE_SECURE") == "1" { return true }
        if request.url.scheme == "https" { return true }
        return request.headers.first(name: "X-Forwarded-Proto")?.lowercased() == "https"
    }

    /// The client's address for throttling: the first X-Forwarded-For hop when behind a proxy, else the peer.
    static func alamat(_ request: Request) -> String {
        if let forwarded = request.headers.first(name: "X-Forwarded-For")?.split(separator: ",").first {
            return forwarded.trimmingCharacters(in: .whitespaces)
        }
        return request.remoteAddress?.ipAddress ?? "?"
    }

    /// Checks a submitted form's CSRF token against the session's (or the anonymous double-submit cookie).
    static func periksaCSRF(_ request: Request) throws {
        let sent = request.headers.first(name: "X-CSRF-Token") ?? (try? FormulirMentah.baca(request))?["_csrf"]
        let expected = request.storage[SesiKey.self]?.csrf ?? request.cookies[cookieCSRF]?.string
        guard let sent, let expected, !expected.isEmpty,
            sent.utf8.count == expected.utf8.count,
            zip(sent.utf8, expected.utf8).reduce(0, { $0 | ($1.0 ^ $1.1) }) == 0
        else {
            throw Abort(.forbidden, reason: "csrf")
        }
    }
}
