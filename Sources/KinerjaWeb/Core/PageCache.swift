import Fluent
import Foundation
import KinerjaDomain
import KinerjaPersistence
import Prometheus
import Synchronization
import Vapor

#if canImport(Glibc)
    import Glibc
#endif

/// A cache of derived values (computed tables, rendered fragments), keyed by what they were computed from and by
/// the Pemda's data version (`KinerjaStore.versiData`), which every write raises in its transaction. An entry is
/// therefore never served after a change, whichever instance made the change: the database stays the only state
/// that matters, and several instances stay consistent without talking to each other. Least recently used entries
/// go first when the size budget is exceeded.
///
/// An entry may name its page without the version (`stabil`): the next version of that page, computed after a
/// write, can then start from it (`sebelumnya`) and reuse what the write did not change (`BarisTersaji`).
final class PageCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: (value: any Sendable, bytes: Int, used: UInt64, stabil: String?, urutan: [Int64])] =
        [:]
    /// The newest key stored per page without its version.
    private var terakhir: [String: String] = [:]
    private var clock: UInt64 = 0
    private var total = 0
    /// Values computed and stored (the misses), for tests.
    private(set) var dihitung = 0
    let budget: Int
    let metrik: Metrik?
    /// `/metrics`: the bytes counted (`kinerja_tembolok_terpakai_bytes`).
    private let terpakai: Gauge?

    /// `nama`: the cache's label in `/metrics` (`halaman`, `data`).
    init(budgetBytes: Int, metrik: Metrik? = nil, nama: String = "halaman") {
        budget = budgetBytes
        self.metrik = metrik
        terpakai = metrik?.tembolok(nama, anggaran: budgetBytes)
    }

    func ambil<T: Sendable>(_ key: String, as type: T.Type) -> T? {
        lock.lock()
        defer { lock.unlock() }
        guard var entry = entries[key], let value = entry.value as? T else { return nil }
        metrik?.cacheHit.increment()
        clock += 1
        entry.used = clock
        entries[key] = entry
        return value
    }

    /// Stores a value just computed (a miss, for `/metrics`, unless `miss` is false); `stabil`: its page without the
    /// version; `urutan`: the version's numbers (the Pemda's, or its common data's and the PD's), each of which only
    /// grows.
    func simpan<T: Sendable>(
        _ key: String, _ value: T, bytes: Int, stabil: String? = nil, urutan: [Int64] = [], miss: Bool = true
    ) {
        if miss { metrik?.cacheMiss.increment() }
        guard bytes <= budget else { return }
        lock.lock()
        defer { lock.unlock() }
        if miss { dihitung += 1 }
        if let stabil, let newestKey = terakhir[stabil], newestKey != key, let newest = entries[newestKey] {
            // One version per page, the newest: whoever read an older version is served it (`terbaru`), and the
            // page's next version starts from it (`sebelumnya`). A computation that waited and ends after a newer
            // one is not kept; an older version goes when a newer one comes (at the end of a quarter every save
            // left its PD's data and pages behind, and the data cache held half the PD it could).
            if Self.tidakLebihLama(newest.urutan, dari: urutan) { return }
            entries[newestKey] = nil
            total -= newest.bytes
        }
        clock += 1
        if let old = entries[key] { total -= old.bytes }
        entries[key] = (value, bytes, clock, stabil, urutan)
        if let stabil { terakhir[stabil] = key }
        total += bytes
        if total > budget {
            for (oldKey, entry) in entries.sorted(by: { $0.value.used < $1.value.used }) where total > budget {
                entries[oldKey] = nil
                total -= entry.bytes
                if let stabil = entry.stabil, terakhir[stabil] == oldKey { terakhir[stabil] = nil }
            }
        }
        terpakai?.set(Double(total))
    }

    /// The value stored under `key`, neither a hit nor a use.
    func lihat<T: Sendable>(_ key: String, as type: T.Type) -> T? {
        lock.withLock { entries[key]?.value as? T }
    }

    /// The latest value stored for the page `stabil` (whatever its version), while the cache still holds it: what
    /// the page's next version may reuse. Neither a hit nor a use.
    func sebelumnya<T: Sendable>(_ stabil: String, as type: T.Type) -> T? {
        lock.withLock { terakhir[stabil].flatMap { entries[$0]?.value as? T } }
    }

    /// The page `stabil` as stored for a version not older than `urutan`, when there is one (a hit): a request that
    /// waited for its turn while writes went on may serve the page another request computed meanwhile, which was
    /// built from data at least as new as the version the request read. Without it, at the end of a quarter each
    /// version a reader had seen was computed in turn, long after a newer one was there.
    func terbaru<T: Sendable>(_ stabil: String, sejak urutan: [Int64], as type: T.Type) -> T? {
        lock.lock()
        defer { lock.unlock() }
        guard let key = terakhir[stabil], var entry = entries[key], let value = entry.value as? T,
            Self.tidakLebihLama(entry.urutan, dari: urutan)
        else { return nil }
        metrik?.cacheHit.increment()
        clock += 1
        entry.used = clock
        entries[key] = entry
        return value
    }

    /// Whether version `a` is not older than `b`: as many numbers, none smaller.
    static func tidakLebihLama(_ a: [Int64], dari b: [Int64]) -> Bool {
        !a.isEmpty && a.count == b.count && zip(a, b).allSatisfy { $0 >= $1 }
    }

    /// A derived value's key: what it is, its Pemda, and the version of the data it is built from (the PD's key and
    /// id for a value of one PD's data, else the Pemda's data version).
    static func kunci(
        _ parts: [String], pemda: TypedID<Pemda>, versiPD: (TypedID<PerangkatDaerah>, String)?, versiData: Int64 = 0
    ) -> String {
        let versi = versiPD.map { "pd|\($0.0.uuid.uuidString)|" + $0.1 } ?? String(versiData)
        return (parts + [pemda.uuid.uuidString, versi]).joined(separator: "|")
    }

    /// A page without its version: what it is, its Pemda, its PD ("-" for a page of the whole Pemda).
    static func stabil(_ parts: [String], pemda: TypedID<Pemda>, pd: TypedID<PerangkatDaerah>?) -> String {
        (parts + [pemda.uuid.uuidString, pd?.uuid.uuidString ?? "-"]).joined(separator: "|")
    }

    /// Follows a draft write (`TulisanDraf`) in the data cache: the PD's data it holds under the version before the
    /// write (all its years, and the years of the write's rows) is filed under the version after, with the write's
    /// rows in place (`DataKinerja.denganRealisasi`), so that the pages the save made stale — the writer's form, the
    /// PD page — read the PD from here instead of the database. The data under the version before is at least that
    /// new (filed under the version read before it was loaded), and this write's rows are exactly what changed
    /// between the two versions; so every row is at least as new as the version it is filed under, the guarantee
    /// of every entry. What the cache does not hold is read as before.
    func ikutiDraf(_ tulisan: TulisanDraf) {
        for bagian in ["semua"] + tulisan.tahun.sorted().map(String.init) {
            let parts = ["tahun-pd", bagian]
            let sebelum = Self.kunci(parts, pemda: tulisan.pemda, versiPD: (tulisan.pd, tulisan.sebelum))
            guard let data = lihat(sebelum, as: DataKinerja.self),
                let baru = data.denganRealisasi(tulisan.realisasi, anggaran: tulisan.anggaran)
            else { continue }
            simpan(
                Self.kunci(parts, pemda: tulisan.pemda, versiPD: (tulisan.pd, tulisan.sesudah)), baru,
                bytes: baru.ukuranTembolok, stabil: Self.stabil(parts, pemda: tulisan.pemda, pd: tulisan.pd),
                urutan: Self.urutan(tulisan.sesudah), miss: false)
        }
    }

    /// Follows a draft write in the pages of kind `jenis` of its PD: each such page stored for the version before
    /// the write, and not for a newer one, is made for the version after by `ikuti` (from the page before and the
    /// write) and filed under it, as `ikutiDraf` does with the PD's data. The page's own computation, run when a
    /// reader asks for it, finds it there (`terbaru`). Returns how many pages were followed.
    @discardableResult
    func ikutiHalaman<T: Sendable>(
        _ jenis: String, _ tulisan: TulisanDraf, as type: T.Type, ukuran: (T) -> Int, _ ikuti: (T) -> T?
    ) -> Int {
        let pd = tulisan.pd.uuid.uuidString
        let awalan = jenis + "|"
        let akhiran = "|" + tulisan.pemda.uuid.uuidString + "|" + pd
        /// A page's key at a version of its PD, from its key without the version (`kunci`, `stabil`: the same
        /// parts and Pemda, then the PD's version where `stabil` has the PD).
        func kunci(_ stabil: String, _ versi: String) -> String { stabil.dropLast(pd.count) + "pd|\(pd)|\(versi)" }
        let halaman: [(stabil: String, nilai: T)] = lock.withLock {
            terakhir.compactMap { stabil, key in
                guard stabil.hasPrefix(awalan), stabil.hasSuffix(akhiran), key == kunci(stabil, tulisan.sebelum),
                    let nilai = entries[key]?.value as? T
                else { return nil }
                return (stabil, nilai)
            }
        }
        var diikuti = 0
        for (stabil, nilai) in halaman {
            guard let baru = ikuti(nilai) else { continue }
            simpan(
                kunci(stabil, tulisan.sesudah), baru, bytes: ukuran(baru), stabil: stabil,
                urutan: Self.urutan(tulisan.sesudah), miss: false)
            diikuti += 1
        }
        return diikuti
    }

    /// The numbers of a version key (`12`, `u3p45` → [3, 45]).
    static func urutan(_ versi: String) -> [Int64] {
        versi.split(whereSeparator: { !$0.isNumber }).compactMap { Int64($0) }
    }

    var jumlah: Int {
        lock.lock()
        defer { lock.unlock() }
        return entries.count
    }

    /// Who computes a missing value: the first request that misses it; the others wait for that computation
    /// instead of each queueing for their own turn (at the end of a quarter every reader of a page just invalidated
    /// queued behind all the heavy work, to find the value computed when its turn came).
    enum Giliran: Sendable {
        case hitung
        case nilai(any Sendable)
        case gagal(any Error)
    }

    private var menunggu: [String: [CheckedContinuation<Giliran, Never>]] = [:]

    /// `.hitung` when no computation of `key` is under way: the caller computes it and must end with `selesai`.
    /// Otherwise waits for the one under way and returns its value or its error.
    func giliran(_ key: String) async -> Giliran {
        await withCheckedContinuation { (lanjut: CheckedContinuation<Giliran, Never>) in
            lock.lock()
            if menunggu[key] != nil {
                menunggu[key]!.append(lanjut)
                lock.unlock()
            } else {
                menunggu[key] = []
                lock.unlock()
                lanjut.resume(returning: .hitung)
            }
        }
    }

    /// How many requests wait for the computation of `key` (for tests).
    func jumlahMenunggu(_ key: String) -> Int { lock.withLock { menunggu[key]?.count ?? 0 } }

    /// The end of the computation of `key`: its waiters get its value or its error.
    func selesai(_ key: String, _ hasil: Result<any Sendable, any Error>) {
        let waiters = lock.withLock { menunggu.removeValue(forKey: key) ?? [] }
        for waiter in waiters {
            switch hasil {
            case .success(let value): waiter.resume(returning: .nilai(value))
            case .failure(let error): waiter.resume(returning: .gagal(error))
            }
        }
    }
}

struct PageCacheKey: StorageKey { typealias Value = PageCache }
struct DataCacheKey: StorageKey { typealias Value = PageCache }

extension Application {
    /// Set once by `KinerjaApp.configure` (96 MB by default, which holds the end of a quarter of a 50-PD kabupaten with
    /// room: its pages are kept compressed; `KINERJA_TEMBOLOK_MB=0` turns it off).
    var pageCache: PageCache { storage[PageCacheKey.self] ?? PageCache(budgetBytes: 0) }

    /// The PD years as loaded (`Request.store`), apart from the pages: a PD's year (about 1 MB on the synthetic
    /// kabupaten) is wanted in the second after a save, while the pages made from it are recomputed, and the next
    /// save of the PD is followed from it (`ikutiDraf`); in the pages' budget 50 of them evicted the pages themselves.
    /// 64 MB by default, enough for the 40 PD written at the end of a quarter (with 32 MB they were evicted in turn
    /// and every save read its PD again) (`KINERJA_TEMBOLOK_DATA_MB`; 0 turns it off).
    var dataCache: PageCache { storage[DataCacheKey.self] ?? PageCache(budgetBytes: 0) }
}

extension Request {
    /// The value derived from the Pemda's data for `parts`, from the cache when the data has not changed since it
    /// was computed. The version is read before the data, so a value is never filed under a newer version than the
    /// data it was built from.
    ///
    /// `pd`: the value is built from that PD's data only (loaded with `perangkatDaerah: pd`, with or without the
    /// RPJMD above it), and keyed by the Pemda's common version and the PD's (`KinerjaStore.kunciVersi`): a write in
    /// another PD leaves it cached.
    ///
    /// `antre`: computing waits for its turn (`HeavyWork`); false for a part computed inside a value that already
    /// holds a turn (the dashboard's parts, a PD's data), which would otherwise wait for itself. Either way a
    /// missing value is computed once: whoever asks for it meanwhile waits for that computation.
    ///
    /// `kembalikan`: give freed memory back to the system after computing (`HeavyWork.kembalikanMemori`); false for
    /// a value computed inside another, which gives it back when it ends (a whole-Pemda report loads 50 PD years).
    ///
    /// `kunciPD`: the PD's `kunciVersi`, when the caller read it already (every PD's at once, before any of their
    /// data: `kunciVersiSemua`).
    ///
    /// `terbit`: the value shows published figures only (`Tampilan.terbit`), and is keyed by the published versions
    /// (`KinerjaStore.kunciVersi(terbit:)`), which a draft realisasi saved leaves as they are.
    func turunan<T: Sendable>(
        _ parts: [String], pemda: TypedID<Pemda>, pd: TypedID<PerangkatDaerah>? = nil, kunciPD: String? = nil,
        terbit: Bool = false, antre: Bool = true, tembolok: PageCache? = nil, kembalikan: Bool = true,
        ukuran: (T) -> Int, _ build: () async throws -> T
    ) async throws -> T {
        try await hitungTurunan(
            parts, pemda: pemda, pd: pd, kunciPD: kunciPD, terbit: terbit, antre: antre, tembolok: tembolok,
            kembalikan: kembalikan, ukuran: ukuran, dariSebelumnya: false
        ) { _ in try await build() }
    }

    /// `turunan`, whose computation is given the same page's previous version while the cache holds it (the page
    /// as it was before the write that made it stale), to reuse the parts of it the write did not change.
    func turunan<T: Sendable>(
        _ parts: [String], pemda: TypedID<Pemda>, pd: TypedID<PerangkatDaerah>? = nil, kunciPD: String? = nil,
        terbit: Bool = false, antre: Bool = true, ukuran: (T) -> Int, dariSebelumnya build: (T?) async throws -> T
    ) async throws -> T {
        try await hitungTurunan(
            parts, pemda: pemda, pd: pd, kunciPD: kunciPD, terbit: terbit, antre: antre, ukuran: ukuran,
            dariSebelumnya: true, build)
    }

    /// The value `turunan` would serve for the data as it is now, when the cache holds it; never computed.
    func tersimpan<T: Sendable>(
        _ parts: [String], pemda: TypedID<Pemda>, pd: TypedID<PerangkatDaerah>, tembolok: PageCache, as type: T.Type
    ) async throws -> T? {
        let kunci = try await KinerjaStore(db).kunciVersi(pemda: pemda, pd: pd)
        return tembolok.terbaru(
            PageCache.stabil(parts, pemda: pemda, pd: pd), sejak: PageCache.urutan(kunci), as: T.self)
    }

    private func hitungTurunan<T: Sendable>(
        _ parts: [String], pemda: TypedID<Pemda>, pd: TypedID<PerangkatDaerah>? = nil, kunciPD: String? = nil,
        terbit: Bool = false, antre: Bool = true, tembolok: PageCache? = nil, kembalikan: Bool = true,
        ukuran: (T) -> Int, dariSebelumnya: Bool, _ build: (T?) async throws -> T
    ) async throws -> T {
        let store = KinerjaStore(db)
        // A value keyed by the published versions names them in its key ("t"), apart from the same parts keyed by
        // every write's.
        let parts = terbit ? parts + ["terbit"] : parts
        /// The key of the data's version now, and the version's numbers.
        func versiSekarang() async throws -> (key: String, urutan: [Int64]) {
            if let pd {
                let kunci: String
                if let kunciPD {
                    kunci = kunciPD
                } else {
                    kunci = try await store.kunciVersi(pemda: pemda, pd: pd, terbit: terbit)
                }
                return (PageCache.kunci(parts, pemda: pemda, versiPD: (pd, kunci)), PageCache.urutan(kunci))
            }
            let number = try await store.versiData(pemda: pemda, terbit: terbit)
            return (PageCache.kunci(parts, pemda: pemda, versiPD: nil, versiData: number), [number])
        }
        let (key, urutan) = try await versiSekarang()
        let stabil = PageCache.stabil(parts, pemda: pemda, pd: pd)
        let cache = tembolok ?? application.pageCache
        // The page as stored for this version or a newer one (the cache keeps only the newest version of a page).
        if let hit = cache.terbaru(stabil, sejak: urutan, as: T.self) { return hit }
        let jenis = parts.first ?? "-"
        /// Computes the value and files it under `key` (the version read before the data).
        func compute(_ key: String, _ urutan: [Int64]) async throws -> T {
            let start = ContinuousClock.now
            let value = try await build(dariSebelumnya ? cache.sebelumnya(stabil, as: T.self) : nil)
            let durasi = ContinuousClock.now - start
            application.metrik?.hitung(nilai: jenis, durasi: durasi)
            cache.simpan(key, value, bytes: ukuran(value), stabil: stabil, urutan: urutan)
            if kembalikan { HeavyWork.kembalikanMemori(setelah: durasi) }
            return value
        }
        // One computation per missing value; the other requests for it wait for that one (a PD's data too: at the
        // end of a quarter the pages of one PD version asked for it at once and each loaded it).
        let turn = await cache.giliran(key)
        switch turn {
        case .nilai(let value):
            if let value = value as? T { return value }
        case .gagal(let error):
            throw error
        case .hitung:
            break
        }
        let computing = if case .hitung = turn { true } else { false }
        guard antre else {
            do {
                let value = try await compute(key, urutan)
                if computing { cache.selesai(key, .success(value)) }
                return value
            } catch {
                if computing { cache.selesai(key, .failure(error)) }
                throw error
            }
        }
        // Computing is bounded (`HeavyWork`); whoever waited for a turn finds the value another request just computed.
        do {
            let queued = ContinuousClock.now
            let value = try await application.heavyWork.dengan(batas: HeavyWork.batasTunggu, galat: ServerBusy()) {
                application.metrik?.antre(nilai: jenis, durasi: ContinuousClock.now - queued)
                if let hit = cache.terbaru(stabil, sejak: urutan, as: T.self) { return hit }
                // Filed under the version as it is now, which the data read next is at least as new as: the requests
                // that queued behind this one, having read a version up to this one, serve it (`terbaru`).
                let (now, nowUrutan) = try await versiSekarang()
                if now != key, let hit = cache.terbaru(stabil, sejak: nowUrutan, as: T.self) { return hit }
                return try await compute(now, nowUrutan)
            }
            if computing { cache.selesai(key, .success(value)) }
            return value
        } catch {
            if computing { cache.selesai(key, .failure(error)) }
            throw error
        }
    }
}

/// How many heavy computations (a page or report computed from a Pemda's data, an import preview) run at once:
/// one per core but one, at least one (`KINERJA_KOMPUTASI_SERENTAK`), so that a burst of expensive requests queues
/// instead of taking every thread and all the memory. A request that waits longer than 60 s is answered "coba
/// lagi" (503).
enum HeavyWork {
    static let batasTunggu: Duration = .seconds(60)

    /// Gives the memory a computation freed back to the system. glibc keeps freed heap pages in its arenas, so a
    /// process that once loaded a whole Pemda held its peak for good (650-930 MB after whole-Pemda reports);
    /// `malloc_trim` returns what is free (a few milliseconds).
    ///
    /// Not after every computation: the next one then faulted in every page it used again (a sixth of a realisasi
    /// form's time at the end of a quarter, perf). After a long computation (a whole Pemda, which is what grows the
    /// heap), or when the last trim is `jeda` old; what a short one frees is reused by the next.
    static func kembalikanMemori(setelah durasi: Duration) {
        #if canImport(Glibc)
            let now = ContinuousClock.now
            let due = terakhirDikembalikan.withLock { last in
                guard durasi >= .milliseconds(250) || now - last >= jeda else { return false }
                last = now
                return true
            }
            if due, let trim = mallocTrim { _ = trim(0) }
        #endif
    }

    /// Gives back all the heap holds free, now (the server has fallen idle: `InFlightRequests`).
    static func kembalikanSemua() {
        #if canImport(Glibc)
            terakhirDikembalikan.withLock { $0 = ContinuousClock.now }
            if let trim = mallocTrim { _ = trim(0) }
        #endif
    }

    /// The longest a process under steady short computations keeps what they freed.
    static let jeda: Duration = .seconds(5)
    private static let terakhirDikembalikan = Mutex(ContinuousClock.now)

    #if canImport(Glibc)
        /// glibc's `malloc_trim`, looked up once (Swift's Glibc module leaves out `malloc.h`).
        private static let mallocTrim: (@convention(c) (Int) -> Int32)? = {
            guard let symbol = dlsym(nil, "malloc_trim") else { return nil }
            return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
        }()
    #endif
    static func buat() -> AsyncSemaphore {
        let configured = Environment.get("KINERJA_KOMPUTASI_SERENTAK").flatMap(Int.init)
        return AsyncSemaphore(izin: configured ?? max(1, System.coreCount - 1))
    }
}

struct HeavyWorkKey: StorageKey { typealias Value = AsyncSemaphore }

extension Application {
    /// Set once by `KinerjaApp.configure` (never created on a request: the application's storage is not for
    /// concurrent writes).
    var heavyWork: AsyncSemaphore {
        guard let semafor = storage[HeavyWorkKey.self] else {
            fatalError("Berat belum dikonfigurasi (KinerjaApp.configure)")
        }
        return semafor
    }
}

/// A value made once per key, at the first request that needs it, kept by a cached value for the requests that
/// follow (a page's render per kind of viewer, a report's table and XLSX, a form's fieldsets open or closed).
final class Memo<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var made: [Key: Value] = [:]

    func nilai(_ key: Key, _ make: () throws -> Value) rethrows -> Value {
        if let hit = lock.withLock({ made[key] }) { return hit }
        let value = try make()
        lock.withLock { made[key] = value }
        return value
    }
}

/// Bytes a cached value's rows take, as `scripts/cache_bytes.sh` measured them. No cached page keeps a capaian table
/// since session 17 (it was 1 kB a row with its HTML).
enum RowBytes {
    /// A row of a report's table as its HTML is kept, compressed (`SharedHTML`, made at the first request that shows
    /// it): counted high, on the safe side of the budget; the report's own rows are counted as kept
    /// (`BarisLaporanRingkas.ukuran`).
    static let laporan = 100
    /// A row of a realisasi form's model (an indicator or sub kegiatan with its figures): 256 and 128 bytes inline
    /// (`kinerja bench --bagian halaman`, "baris formulir"), 215 B a row of the synthetic kabupaten's forms, with
    /// their texts. Counted 600 before session 19, when each row kept its whole `Indikator` or `ElemenRencana`.
    static let formulir = 320
    /// A row of a PD's data as loaded: 81 B measured (`kinerja bench --bagian muat`, "memori"; 125 B before session
    /// 18 made a period 8 bytes, a value 24 and the loaded arrays their own size). Counted at 400 B before session
    /// 11, the 32 MB data cache held a third of what it could: at the end of a quarter each PD's data was evicted
    /// before the pages of its version had read it, and was loaded again 5 times a save.
    static let data = 90
    /// A row of an index over such data (the data and its dictionaries by element and indicator).
    static let indeks = 400
}

extension IndeksKinerja {
    /// A rough size in bytes for the cache budget.
    var ukuranTembolok: Int { data.jumlahBaris * RowBytes.indeks }
}

extension DataKinerja {
    /// A rough size in bytes for the cache budget.
    var ukuranTembolok: Int { jumlahBaris * RowBytes.data }

    var jumlahBaris: Int {
        elemen.count + indikator.count + target.count + realisasi.count + pagu.count + anggaran.count
    }
}

extension Request {
    /// The store of a page's reads: a PD's year, or all its years (`KinerjaStore.load(pemda:perangkatDaerah:tahun:)`),
    /// is loaded once per PD version (in `Application.dataCache`) and shared by every page made from it — after a
    /// save the PD page, the realisasi form, the PD's reports (every year: a report may reach back over its period)
    /// and its part of the dashboard each loaded it again. Not queued (it is asked from inside queued work).
    var store: KinerjaStore {
        var store = KinerjaStore(db) { pemda, pd, tahun, muat in
            guard let tahun else {
                return try await self.turunan(
                    ["tahun-pd", "semua"], pemda: pemda, pd: pd, antre: false, tembolok: self.application.dataCache,
                    kembalikan: false, ukuran: \.ukuranTembolok, muat)
            }
            // A year is taken from all the PD's years when they are loaded for the same version (a report reads
            // them), else loaded alone (the dashboard's first view loads 50 PD years, not 50 PD histories).
            return try await self.turunan(
                ["tahun-pd", String(tahun)], pemda: pemda, pd: pd, antre: false, tembolok: self.application.dataCache,
                kembalikan: false, ukuran: \.ukuranTembolok
            ) {
                let semua = try await self.tersimpan(
                    ["tahun-pd", "semua"], pemda: pemda, pd: pd, tembolok: self.application.dataCache,
                    as: DataKinerja.self)
                if let semua { return semua.tahunSaja(tahun) }
                return try await muat()
            }
        }
        // A second reader while the instance has cores to spare (at most as many requests under way as cores):
        // a cold page on a quiet server loads in half the time. Under load the cores are busy already and the other
        // event loop's connection is often a writer's: at the end of a quarter loads through both loops waited for
        // the writers' transactions and every read's p99 went 0,63 → 1,4-2,6 s (`kinerja bench-serentak`).
        let berjalan = application.storage[InFlightRequestsKey.self]?.berjalan ?? 0
        if berjalan <= System.coreCount { store.pembacaKedua = application.pembacaKedua(untuk: db) }
        return store
    }
}

extension Application {
    /// The database through another event loop than `db`'s, for the second half of a load
    /// (`KinerjaStore.pembacaKedua`); nil with one event loop.
    public func pembacaKedua(untuk db: any Database) -> (any Database)? {
        let loop = db.eventLoop
        guard let lain = eventLoopGroup.makeIterator().first(where: { $0 !== loop }) else { return nil }
        return databases.database(logger: db.logger, on: lain)
    }
}
