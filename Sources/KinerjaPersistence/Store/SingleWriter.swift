import FluentKit
import Foundation
import PostgresNIO
import SQLKit
import SQLiteNIO

/// How every write reaches the database. SQLite allows one writer at a time, and a transaction that read before it
/// wrote fails at once ("database is locked") when another connection wrote meanwhile, whatever the busy timeout:
/// so on SQLite the writes of this process take turns (first come, first served) behind one lock, and a write that
/// still meets a lock (another process, such as a CLI import, writing the same file) is retried. On PostgreSQL
/// writers run in parallel; a serialization failure or deadlock (SQLSTATE 40001, 40P01) is retried the same way.
///
/// A write that waits longer than `batasTunggu` for its turn gets `WriterBusy`: the web layer answers 503 with
/// "coba lagi" and keeps what the user typed. Nothing is held between requests: the lock lives in this process
/// only, which is all SQLite needs (one file, one server); PostgreSQL instances never take it.
public enum SingleWriter {
    /// How long a write waits for its turn before `WriterBusy` (`KINERJA_TUNGGU_TULIS_DETIK`, default 30 s).
    public static let batasTunggu: Duration = .seconds(
        Int(ProcessInfo.processInfo.environment["KINERJA_TUNGGU_TULIS_DETIK"] ?? "") ?? 30)
    /// Attempts of a write that meets a transient conflict.
    static let percobaan = 6

    static let kunci = AsyncSemaphore(izin: 1)

    /// Runs `body` (which opens its own transaction) as the single writer on SQLite, retrying transient conflicts.
    /// Inside a transaction it only runs `body`: the outer write already holds the turn and owns the retry.
    public static func jalankan<T: Sendable>(
        _ db: any Database, _ body: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        if db.inTransaction { return try await body(db) }
        let sqlite = (db as? any SQLDatabase)?.dialect.name == "sqlite"
        var attempt = 1
        while true {
            do {
                if sqlite {
                    return try await kunci.dengan(batas: batasTunggu, galat: WriterBusy()) {
                        try await body(db)
                    }
                }
                return try await body(db)
            } catch  where attempt < percobaan && sementara(error) {
                attempt += 1
                // 10, 20, 40, 80, 160 ms, with jitter so that two retrying writers part.
                let base = 10 << (attempt - 2)
                try await Task.sleep(for: .milliseconds(base + Int.random(in: 0...base)))
            }
        }
    }

    /// A conflict that goes away when the write is tried again.
    public static func sementara(_ error: any Error) -> Bool {
        if let sqlite = error as? SQLiteError {
            switch sqlite.reason {
            case .busy, .locked, .busyInRecovery, .busyInSnapshot, .busyTimeout, .lockedBySharedCache: return true
            default: return false
            }
        }
        if let psql = error as? PSQLError, let state = psql.serverInfo?[.sqlState] {
            return state == "40001" || state == "40P01"
        }
        return false
    }
}

/// The write had to wait too long for its turn: nothing was written; the user may try again.
public struct WriterBusy: Error, Sendable, CustomStringConvertible {
    public init() {}
    public var description: String { "Server sedang sibuk menyimpan data lain." }
}

/// A first-come-first-served async semaphore with a time limit on waiting: `izin` holders at once, the rest wait in
/// order; one that waits longer than its limit gets `galat` thrown and leaves the queue. Used for the single
/// SQLite writer (1) and to bound the heavy computations a server runs at once.
public actor AsyncSemaphore {
    private let izin: Int
    private var dipakai = 0
    private var antrean: [(id: UInt64, lanjut: CheckedContinuation<Void, any Error>)] = []
    private var nomor: UInt64 = 0

    public init(izin: Int) { self.izin = max(1, izin) }

    /// Waits for a turn; throws `galat` when none came within `batas`.
    public func masuk(batas: Duration, galat: any Error) async throws {
        guard dipakai >= izin else {
            dipakai += 1
            return
        }
        nomor += 1
        let id = nomor
        try await withCheckedThrowingContinuation { (lanjut: CheckedContinuation<Void, any Error>) in
            antrean.append((id, lanjut))
            Task { [weak self] in
                try? await Task.sleep(for: batas)
                await self?.lewat(id, galat)
            }
        }
    }

    public func keluar() {
        if antrean.isEmpty {
            dipakai -= 1
        } else {
            // The turn passes straight to the next in line: the count stays.
            antrean.removeFirst().lanjut.resume()
        }
    }

    private func lewat(_ id: UInt64, _ error: any Error) {
        guard let index = antrean.firstIndex(where: { $0.id == id }) else { return }
        antrean.remove(at: index).lanjut.resume(throwing: error)
    }
}

extension AsyncSemaphore {
    /// Runs `body` in a turn.
    public nonisolated func dengan<T>(
        batas: Duration, galat: any Error, _ body: () async throws -> T
    ) async throws -> T {
        try await masuk(batas: batas, galat: galat)
        do {
            let result = try await body()
            await keluar()
            return result
        } catch {
            await keluar()
            throw error
        }
    }
}
