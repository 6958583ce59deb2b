import Foundation
import KinerjaDomain
import KinerjaSpreadsheet

extension LaporanEkspor {
    /// A whole Pemda's report as XLSX, written PD by PD while the next PD are read (`LaporanKatalog.seluruhPemda`):
    /// as soon as a PD's part and every part before it are in, its rows (`Laporan.barisBagian`) are made into cells,
    /// XML and deflated on the core that built the part; the kop, titles, header and notes when the report is whole
    /// (`selesai`). Written after the report, the XLSX was a quarter of a whole-Pemda report's time on every core
    /// while reading the parts left a core idle a third of the time.
    ///
    /// The sheet is the one `xlsx` writes from the whole report, cell for cell (`swift test --filter
    /// LaporanBertahapTests`): rows numbered from the header the first part's report has under the kop the
    /// finished report will have (`alamat` below the Pemda's name, as `LaporanKatalog.denganAlamat`), totals summing
    /// the groups since the total before them across parts. A finished report whose head or rows are not those
    /// assumed (it cannot be, by construction; a check, not a path) is written whole instead.
    public final class Bertahap: @unchecked Sendable {
        private let lock = NSLock()
        private let jumlah: Int
        private let kop: [String]
        /// Parts received and not yet placed, by their index.
        private var menunggu: [Int: (PerangkatDaerah, Laporan)] = [:]
        /// The next part to place, and the sheet row of the next data row (known from the first part's header).
        private var berikut = 0
        private var barisBerikut: Int?
        private var awal: Int?
        /// The groups since the last total placed (a total further down sums them).
        private var kelompok: [Kelompok] = []
        private var chunks: [Deflate.Chunk?]
        private var lebar = 0
        /// A part beyond `jumlah` came (a PD added while the report was read): the file is written whole.
        private var lebih = false
        /// Whether `selesai` wrote the report whole (tests).
        private(set) var utuh = false

        /// `jumlah`: the number of parts (PD) the report will have; `pemda`: its name heads the kop.
        public init(jumlah: Int, pemda: Pemda, alamat: String = "") {
            self.jumlah = jumlah
            kop = [pemda.nama.uppercased()] + (alamat.isEmpty ? [] : [alamat])
            chunks = Array(repeating: nil, count: jumlah)
        }

        /// The part of PD `index` (in kode order, as the report gathers them): placed, with every part after it that
        /// was waiting for it, and written here.
        public func terima(_ index: Int, _ pd: PerangkatDaerah, _ part: Laporan) {
            var placed: [(index: Int, lines: [Laporan.Baris], firstRow: Int, sums: [Int: [Kelompok]])] = []
            lock.withLock {
                guard index < jumlah else {
                    lebih = true
                    return
                }
                menunggu[index] = (pd, part)
                while let (pd, part) = menunggu.removeValue(forKey: berikut) {
                    if barisBerikut == nil {
                        var head = part
                        head.kop = kop
                        barisBerikut = atas(head).rows.count
                        awal = barisBerikut
                    }
                    let firstRow = barisBerikut!
                    let lines = Laporan.barisBagian(pd, part)
                    let (sums, sisa) = jumlahTotal(lines, firstRow: firstRow, awal: kelompok)
                    kelompok = sisa
                    barisBerikut = firstRow + lines.count
                    placed.append((berikut, lines, firstRow, sums))
                    berikut += 1
                }
            }
            for item in placed {
                let cells = item.lines.indices.map { sel(item.lines[$0], topLevel: item.sums[$0] ?? []) }
                let chunk = XLSXWriter.tulisBaris(cells, firstRow: item.firstRow, angka: { $0.plainString })
                let width = cells.map(\.count).max() ?? 0
                lock.withLock {
                    chunks[item.index] = chunk
                    lebar = max(lebar, width)
                }
            }
        }

        /// The workbook of the finished report (`laporan`: the parts gathered, with its notes and the kop `init`
        /// was told of).
        public func selesai(_ laporan: Laporan) throws -> Data {
            let (top, merges) = atas(laporan)
            let (written, width, first, rows, whole): ([Deflate.Chunk], Int, Int?, Int?, Bool) = lock.withLock {
                (chunks.compactMap { $0 }, lebar, awal, barisBerikut, !lebih && berikut == jumlah)
            }
            guard whole, written.count == jumlah, first == top.count,
                (rows ?? top.count) - top.count == laporan.baris.count, laporan.kop == kop
            else {
                lock.withLock { utuh = true }
                return try xlsx(laporan)
            }
            return try buku(
                laporan, rows: top + bawah(laporan), merges: merges, headerRows: top.count,
                tertulis: BarisTertulis(
                    sebelum: top.count, jumlah: laporan.baris.count, lebar: width, chunks: written))
        }
    }
}
