import Foundation
import KinerjaDomain
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import Vapor

/// Bcrypt off the event loops and off the database's thread pool: its own threads (one per two cores, at least
/// one), so that a burst of logins costs the logins time and nobody else's page. At most `antreanMaks` hashes wait
/// at once; past that a login is answered "coba lagi" (503) at once instead of queueing for minutes.
///
/// An unknown name is checked against one hash made once with the same cost (at the first login, not at start-up:
/// commands need none), so that it takes the time of a known name's check and does not tell which names exist.
public final class PasswordHasher: Sendable {
    let cost: Int
    let pool: NIOThreadPool
    private let dummyHash = NIOLockedValueBox<String?>(nil)
    static let antreanMaks = 256
    private let antrean = NIOLockedValueBox(0)

    init(cost: Int) throws {
        self.cost = cost
        pool = NIOThreadPool(numberOfThreads: max(1, System.coreCount / 2))
        pool.start()
    }

    /// The hash an unknown name is checked against: made once, on the hashing threads.
    func dummy() async throws -> String {
        if let known = dummyHash.withLockedValue({ $0 }) { return known }
        let cost = cost
        let made = try await jalankan { try Bcrypt.hash("kinerja-bukan-sandi-\(UUID().uuidString)", cost: cost) }
        return dummyHash.withLockedValue { value in
            if value == nil { value = made }
            return value!
        }
    }

    func tutup() { try? pool.syncShutdownGracefully() }

    /// The byte limit of bcrypt: longer passwords are refused, never truncated.
    static let panjangMaks = 72

    public func hash(_ sandi: String) async throws -> String {
        guard sandi.utf8.count <= Self.panjangMaks else {
            throw DomainError.tidakSah(field: "sandi", pesan: "Kata sandi paling panjang \(Self.panjangMaks) byte.")
        }
        let cost = cost
        return try await jalankan { try Bcrypt.hash(sandi, cost: cost) }
    }

    /// Checks a password against a stored hash, or against the start-up hash when there is none.
    func cocok(_ sandi: String, hash: String?) async throws -> Bool {
        let target: String
        if let hash { target = hash } else { target = try await dummy() }
        // A password bcrypt would truncate can never be the stored one; checked all the same, for equal timing.
        let tooLong = sandi.utf8.count > Self.panjangMaks
        let valid = try await jalankan { try Bcrypt.verify(sandi, created: target) }
        return valid && hash != nil && !tooLong
    }

    private func jalankan<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        let admitted = antrean.withLockedValue { count -> Bool in
            guard count < Self.antreanMaks else { return false }
            count += 1
            return true
        }
        guard admitted else { throw ServerBusy() }
        defer { antrean.withLockedValue { $0 -= 1 } }
        return try await pool.runIfActive(work)
    }
}

struct PasswordHasherKey: StorageKey { typealias Value = PasswordHasher }

extension Application {
    public var passwordHasher: PasswordHasher {
        guard let sandi = storage[PasswordHasherKey.self] else {
            fatalError("Sandi belum dikonfigurasi (KinerjaApp.configure)")
        }
        return sandi
    }
}

extension Request {
    var passwordHasher: PasswordHasher { application.passwordHasher }
}

/// Stops the hashing threads when the application stops.
struct PasswordHasherLifecycle: LifecycleHandler {
    func shutdown(_ application: Application) { application.storage[PasswordHasherKey.self]?.tutup() }
}
