import Foundation
import KinerjaSpreadsheet

/// The rows of a table as rendered, each with the input it was rendered from (or its fingerprint, `SidikJari`), so
/// that the page's next version (computed after a write) renders again only the rows whose input changed and takes
/// the others' HTML as it is. A row's HTML is a pure function of its input and of the page (`konteks`: everything
/// else its rendering reads, which must be equal too), so an equal input can only give the same HTML.
///
/// What is remembered of the inputs (`Ingat`): the inputs themselves where the page keeps them anyway (the realisasi
/// form keeps its model to follow a save: the same arrays, nothing more is held), else their fingerprints (the PD
/// page keeps no capaian table, which was most of its cache entry). With fingerprints, a different input with the
/// same fingerprint, about 2⁻⁶⁴ a row, is the one way a row could be stale.
///
/// Rows are matched by position (a save changes figures, not the tree); when rows move, each is compared with what
/// stood at its place and rendered again where it differs.
///
/// The HTML is kept compressed, in blocks of `barisPerBlok` rows (`Gzip.Chunk`: raw deflate ending on a sync
/// flush), with where each row ends in its block's text: a cached page keeps its table at a twelfth of its size
/// (a PD page's 390 kB of rows, a realisasi form's 1,3 MB, issue 14.6), its gzip is these blocks as they are, and a
/// block whose rows all stayed is taken whole. A block with a changed row is decoded, its unchanged rows' bytes
/// taken, and compressed again.
struct BarisTersaji<Input: Hashable & Sendable>: Sendable {
    struct Blok: Sendable {
        let chunk: Gzip.Chunk
        /// Where each of its rows ends in its text.
        let akhir: [UInt32]
    }

    /// What a page remembers of each row's input.
    enum Ingat: Sendable {
        /// The input itself (a page that keeps its inputs anyway).
        case masukan
        /// Its fingerprint.
        case sidikJari
    }

    static var barisPerBlok: Int { 32 }

    let konteks: String
    /// The inputs (`Ingat.masukan`), else empty.
    let masukan: [Input]
    /// The inputs' fingerprints (`Ingat.sidikJari`), else empty.
    let sidikJari: [SidikJari]
    let blok: [Blok]
    /// How many rows were rendered here rather than taken from the previous version.
    let dirender: Int

    init(
        _ inputs: [Input], konteks: String, sebelumnya: BarisTersaji? = nil, ingat: Ingat = .masukan,
        render: @escaping @Sendable (Input) -> HTML
    ) {
        self.init(inputs, konteks: konteks, sebelumnya: sebelumnya, ingat: ingat) { input, penulis in
            penulis.html(render(input))
        }
    }

    /// Rows written straight into bytes (`PenulisHTML`): the same, without an `HTML` value per row. The blocks are
    /// written and compressed as many at once as there are cores (a PD page's 450 rows, 15 blocks, were a quarter of
    /// its cold render on one core), in order: the same blocks as one after another.
    init(
        _ inputs: [Input], konteks: String, sebelumnya: BarisTersaji? = nil, ingat: Ingat = .masukan,
        tulis: @escaping @Sendable (Input, inout PenulisHTML) -> Void
    ) {
        let previous = sebelumnya.flatMap { $0.konteks == konteks ? $0 : nil }
        let prints = ingat == .sidikJari ? inputs.map(SidikJari.init) : []
        let size = Self.barisPerBlok
        let count = (inputs.count + size - 1) / size
        @Sendable func blok(_ index: Int) -> (Blok, rendered: Int) {
            let range = index * size..<min(inputs.count, (index + 1) * size)
            // Whether each row's input is the one at its place in the previous version, compared once.
            let same: [Bool] = range.map { row in
                guard let previous else { return false }
                if ingat == .masukan {
                    return row < previous.masukan.count && previous.masukan[row] == inputs[row]
                }
                return row < previous.sidikJari.count && previous.sidikJari[row] == prints[row]
            }
            if let previous, index < previous.blok.count, previous.blok[index].akhir.count == range.count,
                !same.contains(false)
            {
                return (previous.blok[index], 0)
            }
            // The previous block's text, decoded only when one of its rows is taken.
            let old: [UInt8]? =
                if let previous, index < previous.blok.count, same.contains(true) {
                    Gzip.teks(previous.blok[index].chunk)
                } else { nil }
            var penulis = PenulisHTML()
            var ends: [UInt32] = []
            ends.reserveCapacity(range.count)
            var rendered = 0
            for (offset, row) in range.enumerated() {
                if let old, let previous, same[offset], offset < previous.blok[index].akhir.count {
                    let ends = previous.blok[index].akhir
                    penulis.bytes += old[Int(offset == 0 ? 0 : ends[offset - 1])..<Int(ends[offset])]
                } else {
                    tulis(inputs[row], &penulis)
                    rendered += 1
                }
                ends.append(UInt32(penulis.bytes.count))
            }
            return (Blok(chunk: penulis.bytes.withUnsafeBufferPointer { Gzip.Chunk(bytes: $0) }, akhir: ends), rendered)
        }
        // A few blocks are not worth the hand-over to other threads.
        let made = count >= 4 ? serentakUrut(count, blok) : (0..<count).map(blok)
        self.konteks = konteks
        self.masukan = ingat == .masukan ? inputs : []
        self.sidikJari = prints
        self.blok = made.map(\.0)
        self.dirender = made.reduce(0) { $0 + $1.rendered }
    }

    /// The blocks as kept, for a page's gzip.
    var chunks: [Gzip.Chunk] { blok.map(\.chunk) }

    /// Each row's HTML, decoded (tests; a page is served from `chunks`).
    var html: [HTML] {
        blok.flatMap { block -> [HTML] in
            let text = Gzip.teks(block.chunk)
            var start = 0
            return block.akhir.map { end in
                defer { start = Int(end) }
                return HTML(dipulihkan: text[start..<Int(end)])
            }
        }
    }

    /// The rows' compressed bytes, as the cache keeps them.
    var bytes: Int { blok.reduce(0) { $0 + $1.chunk.deflate.count + $1.akhir.count * 4 } }

    /// The rows' HTML in bytes, uncompressed.
    var bytesTeks: Int { blok.reduce(0) { $0 + $1.chunk.count } }
}
