import Foundation
import KinerjaCLI
import KinerjaPersistence
import KinerjaWeb
import Logging
import Vapor

// `kinerja serve [--demo]`, `kinerja migrate`, `kinerja demo`, `kinerja generate`: one binary.
var arguments = CommandLine.arguments
let demo = arguments.count > 1 && arguments[1] == "serve" && arguments.contains("--demo")
arguments.removeAll { $0 == "--demo" }

var env = try Environment.detect(arguments: arguments)
try LoggingSystem.bootstrap(from: &env)
let app = try await Application.make(env)
do {
    let database: DatabaseConfig
    if demo {
        // A fresh SQLite file with the demo loaded, whatever DATABASE_URL says.
        let path = "data/demo.sqlite"
        try? FileManager.default.removeItem(atPath: path)
        database = .sqliteFile(path)
    } else {
        database = try DatabaseConfig.parse(Environment.get("DATABASE_URL"))
    }
    try KinerjaApp.configure(app, database: database)
    KinerjaCLI.daftarkan(app)
    if demo {
        try await KinerjaCLI.siapkanDemo(app)
        let accounts = "admin, operator, kepala, evaluator, pimpinan, operator.setwan, admin.banyuasin, admin.balangan"
        app.logger.notice(
            "Data demo dimuat ke \(database.label). Buka http://localhost:8080 — akun demo (sandi demo2026): \(accounts)"
        )
    }
    try await app.execute()
} catch {
    // A clear message and a non-zero exit status, never a crash with a backtrace.
    var message = String(describing: error)
    if message.contains("no such table") || message.contains("does not exist") {
        message += "\nBasis data belum disiapkan: jalankan \"kinerja migrate\" (atau \"kinerja demo\") lebih dulu."
    }
    FileHandle.standardError.write(Data(("Galat: " + message + "\n").utf8))
    try? await app.asyncShutdown()
    exit(1)
}
try await app.asyncShutdown()
