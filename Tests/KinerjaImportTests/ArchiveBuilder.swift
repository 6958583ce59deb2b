import Foundation
import ZIPFoundation

/// Builds ZIP archives in memory for the hostile-file tests, entry by entry from a provider (so a large entry is
/// never held in memory uncompressed).
final class ArchiveBuilder {
    let archive: Archive

    init() throws { archive = try Archive(accessMode: .create) }

    func add(_ path: String, size: Int64, _ provider: @escaping (Int64, Int) -> Data) throws {
        try archive.addEntry(
            with: path, type: .file, uncompressedSize: size, compressionMethod: .deflate, bufferSize: 1 << 20
        ) {
            position, count in provider(position, count)
        }
    }

    var data: Data { archive.data ?? Data() }
}
