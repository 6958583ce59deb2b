import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import KinerjaPersistence
import Logging
import NIOCore
import NIOPosix
import PostgresKit
import PostgresNIO

/// The databases the persistence tests run on: SQLite in memory always, and PostgreSQL when
/// `KINERJA_TEST_POSTGRES_URL` names a server on this machine (each test gets a fresh database, dropped after).
public enum TestBackend: String, Sendable, CustomStringConvertible, CaseIterable {
    case sqlite
    case postgres

    public var description: String { rawValue }

    /// SQLite always; PostgreSQL when configured. With `KINERJA_REQUIRE_POSTGRES=1` (CI) a missing URL fails.
    public static var available: [TestBackend] {
        if postgresURL != nil { return [.sqlite, .postgres] }
        precondition(
            ProcessInfo.processInfo.environment["KINERJA_REQUIRE_POSTGRES"] != "1",
            "KINERJA_REQUIRE_POSTGRES=1 tetapi KINERJA_TEST_POSTGRES_URL tidak diisi")
        return [.sqlite]
    }

    public static var postgresURL: String? {
        guard let url = ProcessInfo.processInfo.environment["KINERJA_TEST_POSTGRES_URL"], !url.isEmpty else {
            return nil
        }
        return url
    }
}

public enum TestDatabaseError: Error, CustomStringConvertible {
    case notLocal(String)
    public var description: String {
        switch self {
        case .notLocal(let host): "Tes PostgreSQL hanya boleh ke localhost, bukan \(host)."
        }
    }
}

/// Runs `body` against a freshly migrated database of the given backend, and tears it down afterwards.
public func withTestDatabase<T: Sendable>(
    _ backend: TestBackend, _ body: @Sendable (any Database) async throws -> T
) async throws -> T {
    var logger = Logger(label: "kinerja.test")
    logger.logLevel = .warning
    let threadPool = NIOThreadPool(numberOfThreads: 1)
    threadPool.start()
    let group = MultiThreadedEventLoopGroup.singleton
    let databases = Databases(threadPool: threadPool, on: group)
    var dropName: String?
    switch backend {
    case .sqlite:
        databases.use(.sqlite(.memory), as: .sqlite)
    case .postgres:
        let url = TestBackend.postgresURL!
        let admin = try SQLPostgresConfiguration(url: url)
        let host = URLComponents(string: url)?.host ?? ""
        guard ["localhost", "127.0.0.1", "::1"].contains(host) else { throw TestDatabaseError.notLocal(host) }
        let name = "kinerja_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        try await runOnAdmin(admin, logger: logger, "CREATE DATABASE \(name)")
        dropName = name
        var configuration = admin
        configuration.coreConfiguration.database = String(name)
        databases.use(.postgres(configuration: configuration, maxConnectionsPerEventLoop: 2), as: .psql)
    }
    let migrations = Migrations()
    migrations.add(KinerjaMigrations.all)
    let migrator = Migrator(databases: databases, migrations: migrations, logger: logger, on: group.any())
    do {
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
        let db = databases.database(logger: logger, on: group.any())!
        let result = try await body(db)
        await databases.shutdownAsync()
        try await threadPool.shutdownGracefully()
        if let dropName, let url = TestBackend.postgresURL {
            try await runOnAdmin(try SQLPostgresConfiguration(url: url), logger: logger, "DROP DATABASE \(dropName)")
        }
        return result
    } catch {
        await databases.shutdownAsync()
        try? await threadPool.shutdownGracefully()
        if let dropName, let url = TestBackend.postgresURL {
            try? await runOnAdmin(try SQLPostgresConfiguration(url: url), logger: logger, "DROP DATABASE \(dropName)")
        }
        throw error
    }
}

private func runOnAdmin(_ configuration: SQLPostgresConfiguration, logger: Logger, _ sql: String) async throws {
    let connection = try await PostgresConnection.connect(
        configuration: configuration.coreConfiguration, id: 1, logger: logger)
    do {
        _ = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
        try await connection.close()
    } catch {
        try? await connection.close()
        throw error
    }
}

/// A database for a whole application under test, as its configuration: a fresh SQLite file (as in production:
/// several connections, one file) or a fresh PostgreSQL database on this machine, removed afterwards.
public func withTestDatabaseConfig<T: Sendable>(
    _ backend: TestBackend, _ body: @Sendable (DatabaseConfig) async throws -> T
) async throws -> T {
    var logger = Logger(label: "kinerja.test")
    logger.logLevel = .warning
    switch backend {
    case .sqlite:
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kinerja-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try await body(.sqliteFile(folder.appendingPathComponent("kinerja.sqlite").path))
    case .postgres:
        let url = TestBackend.postgresURL!
        let admin = try SQLPostgresConfiguration(url: url)
        guard var components = URLComponents(string: url),
            ["localhost", "127.0.0.1", "::1"].contains(components.host ?? "")
        else { throw TestDatabaseError.notLocal(URLComponents(string: url)?.host ?? "") }
        let name = "kinerja_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        try await runOnAdmin(admin, logger: logger, "CREATE DATABASE \(name)")
        components.path = "/" + name
        do {
            let result = try await body(.postgres(components.string!))
            try await runOnAdmin(admin, logger: logger, "DROP DATABASE \(name) WITH (FORCE)")
            return result
        } catch {
            try? await runOnAdmin(admin, logger: logger, "DROP DATABASE \(name) WITH (FORCE)")
            throw error
        }
    }
}
