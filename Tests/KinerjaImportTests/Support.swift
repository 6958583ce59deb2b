import Foundation
import Testing

/// The repository root, from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

func fixture(_ name: String) throws -> Data {
    let url = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures").appendingPathComponent(name)
    return try Data(contentsOf: url)
}

/// What openpyxl reads from an XLSX (scripts/xlsx_dump.py): the check that other programs open our files.
struct OpenpyxlDump: Decodable {
    struct Cell: Decodable {
        var v: JSONValue
        var f: String?
        var bold: Bool?
        var fmt: String?
    }

    struct SheetDump: Decodable {
        var name: String
        var cells: [String: Cell]
        var merged: [String]
        var freeze: String?
        var printTitleRows: String?
        var orientation: String?
        var fitWidth: Int?

        enum CodingKeys: String, CodingKey {
            case name, cells, merged, freeze, orientation
            case printTitleRows = "print_title_rows"
            case fitWidth = "fit_width"
        }
    }

    var sheets: [SheetDump]

    func sheet(_ name: String) -> SheetDump? { sheets.first { $0.name == name } }
}

enum JSONValue: Decodable, Equatable, CustomStringConvertible {
    case string(String)
    case number(Double)
    case bool(Bool)

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    var description: String {
        switch self {
        case .string(let text): text
        case .number(let number): number == number.rounded() ? String(Int64(number)) : String(number)
        case .bool(let value): String(value)
        }
    }
}

func openpyxl(_ data: Data) throws -> OpenpyxlDump {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("kinerja-\(UUID().uuidString).xlsx")
    try data.write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", repositoryRoot.appendingPathComponent("scripts/xlsx_dump.py").path, file.path]
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let json = output.fileHandleForReading.readDataToEndOfFile()
    let message = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw OpenpyxlFailure(message: String(decoding: message, as: UTF8.self))
    }
    return try JSONDecoder().decode(OpenpyxlDump.self, from: json)
}

struct OpenpyxlFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { "openpyxl gagal membaca berkas (pip install openpyxl): \(message)" }
}
