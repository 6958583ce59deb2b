import Fluent
import Foundation
import KinerjaApplication
import KinerjaDemo
import KinerjaImport
import KinerjaPersistence
import KinerjaWeb
import Vapor

/// The command line of the one `kinerja` binary: every subcommand but Vapor's `serve` and Fluent's `migrate`, and
/// the demo. The web library does not link the demo; the executable links both.
public enum KinerjaCLI {
    /// Registers the subcommands (after `KinerjaApp.configure`).
    public static func daftarkan(_ app: Application) {
        app.asyncCommands.use(DemoCommand(), as: "demo")
        app.asyncCommands.use(GenerateCommand(), as: "generate")
        app.asyncCommands.use(ImportCommand(), as: "import")
        app.asyncCommands.use(CheckCommand(), as: "check")
        app.asyncCommands.use(ExportCommand(), as: "export")
        app.asyncCommands.use(TemplateCommand(), as: "template")
        app.asyncCommands.use(BenchCommand(), as: "bench")
        app.asyncCommands.use(BenchImporCommand(), as: "bench-impor")
        app.asyncCommands.use(BenchSerentakCommand(), as: "bench-serentak")
        app.asyncCommands.use(ReportCommand(), as: "report")
        app.asyncCommands.use(UserCommand(), as: "user")
        app.asyncCommands.use(PemdaCommand(), as: "pemda")
        app.asyncCommands.use(AlurCommand(), as: "alur")
        app.asyncCommands.use(BackupCommand(), as: "backup")
        app.asyncCommands.use(RestoreCommand(), as: "restore")
    }

    /// Who runs a command: the operator's login on this machine (recorded in the history).
    static var pelaku: String { ProcessInfo.processInfo.environment["USER"] ?? "cli" }

    /// Prepares a fresh demo database: migrates, loads the demo and its accounts (one per role, see README).
    public static func siapkanDemo(_ app: Application) async throws {
        try await app.autoMigrate()
        _ = try await Demo.load(into: KinerjaStore(app.db))
        try await AkunDemo.buat(app)
    }
}
