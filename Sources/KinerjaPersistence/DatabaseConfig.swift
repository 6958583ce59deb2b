import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import KinerjaDomain

/// Which database to use, read once from `DATABASE_URL`: `sqlite:PATH` (default `data/kinerja.sqlite`),
/// `sqlite::memory:` or `postgres://user:pass@host:port/db`.
public enum DatabaseConfig: Equatable, Sendable {
    case sqliteFile(String)
    case sqliteMemory
    case postgres(String)

    public static let standarPath = "data/kinerja.sqlite"

    public static func parse(_ url: String?) throws -> DatabaseConfig {
        guard let url = url?.trimmedSpaces(), !url.isEmpty else {
            return .sqliteFile(standarPath)
        }
        if url == "sqlite::memory:" || url == "sqlite:memory" { return .sqliteMemory }
        if url.hasPrefix("sqlite:") {
            var path = String(url.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path = String(path.dropFirst(2)) }
            guard !path.isEmpty else {
                throw ConfigError("DATABASE_URL: path SQLite kosong (contoh sqlite:data/kinerja.sqlite).")
            }
            return .sqliteFile(path)
        }
        if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") { return .postgres(url) }
        throw ConfigError("DATABASE_URL \"\(url)\" tidak dikenal: gunakan sqlite:PATH atau postgres://…")
    }

    /// Registers the database as the default of `databases`. For a SQLite file, creates its folder.
    public func register(on databases: Databases) throws {
        switch self {
        case .sqliteFile(let path):
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            databases.use(.sqlite(.file(path)), as: .sqlite)
        case .sqliteMemory:
            databases.use(.sqlite(.memory), as: .sqlite)
        case .postgres(let url):
            let configuration = try SQLPostgresConfiguration(url: url)
            databases.use(
                .postgres(configuration: configuration, maxConnectionsPerEventLoop: koneksiMaks), as: .psql)
        }
    }

    /// The kind of database, for `/health`: nothing an outsider could use (no path, user or host).
    /// Connections the pool may open per event loop (one event loop per core): SQLite one (one writer; WAL readers
    /// share it), PostgreSQL four, or `KINERJA_PG_KONEKSI` (1-64). An instance opens at most this × its cores; the
    /// sum over the instances must stay under the server's `max_connections` (docs/SCALING.md).
    public var koneksiMaks: Int {
        switch self {
        case .sqliteFile, .sqliteMemory: 1
        case .postgres:
            ProcessInfo.processInfo.environment["KINERJA_PG_KONEKSI"].flatMap(Int.init).map { min(64, max(1, $0)) } ?? 4
        }
    }

    public var jenis: String {
        switch self {
        case .sqliteFile, .sqliteMemory: "sqlite"
        case .postgres: "postgresql"
        }
    }

    public var label: String {
        switch self {
        case .sqliteFile(let path): "SQLite \(path)"
        case .sqliteMemory: "SQLite (memori)"
        case .postgres(let url): "PostgreSQL " + Self.withoutPassword(url)
        }
    }

    static func withoutPassword(_ url: String) -> String {
        guard var components = URLComponents(string: url) else { return "postgres://…" }
        if components.password != nil { components.password = "***" }
        return components.string ?? "postgres://…"
    }
}

public struct ConfigError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
