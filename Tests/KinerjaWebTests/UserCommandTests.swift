import ConsoleKit
import Foundation
import KinerjaPersistence
import Testing
import Vapor
import VaporTesting

@testable import KinerjaCLI
@testable import KinerjaWeb

@Suite("kinerja user add")
struct UserCommandTests {
    func run(_ app: Application, _ arguments: [String]) async throws {
        var context = CommandContext(console: app.console, input: CommandInput(arguments: ["kinerja"] + arguments))
        context.application = app
        try await UserCommand().run(using: &context)
    }

    @Test func createsAnAccountThatCanLogIn() async throws {
        try await withDemoApp { app in
            setenv("KINERJA_SANDI", "awal2026x", 1)
            try await run(
                app, ["add", "kadis.sosial", "--peran", "kepala", "--pemda", "Kabupaten Batu Bara", "--pd", "DINSOS"])
            let browser = try await Peramban.masuk(app, "kadis.sosial", sandi: "awal2026x")
            try await browser.buka(app, try await pdPath(app, kode: "DINSOS")) { res in #expect(res.status == .ok) }
            // Errors name the option.
            await #expect(throws: (any Error).self) {
                try await run(app, ["add", "x1x", "--peran", "raja", "--pemda", "Kabupaten Batu Bara"])
            }
            await #expect(throws: (any Error).self) {
                try await run(app, ["add", "baru.op", "--peran", "operator", "--pemda", "Kabupaten Batu Bara"])
            }
        }
    }
}
