import Fluent
import Foundation
import KinerjaDomain
import KinerjaPersistence
import Vapor

extension Application {
    private struct ClockKey: StorageKey {
        typealias Value = @Sendable () -> Date
    }

    /// The clock the application is given: the system's unless set (tests set it). Reporting windows, statuses and
    /// history take their time from here, never from the system clock directly.
    public var jam: @Sendable () -> Date {
        get { storage[ClockKey.self] ?? { Date() } }
        set { storage[ClockKey.self] = newValue }
    }
}

extension Request {
    /// Now, by the application's clock.
    var sekarang: Date { application.jam() }
}

extension KinerjaApp {
    /// Applies a change set made by a page: by the signed-in user, from `sumber` (which form or page), at the
    /// application's time, through the one write path.
    @discardableResult
    static func terapkan(
        _ req: Request, _ ctx: RequestContext, _ change: PerubahanData, sumber: String, pemda: TypedID<Pemda>,
        versiPratinjau: Int64? = nil, unggahan: UUID? = nil
    ) async throws -> Int {
        var change = change
        change.oleh = ctx.pengguna?.namaPengguna ?? change.oleh
        change.sumber = sumber
        // A draft realisasi saved is followed in the data cache (`PageCache.ikutiDraf`): the pages it made stale
        // read the PD from there, not from the database. The PD's realisasi forms cached for the version before
        // are followed too (`RealisasiPage.Model.mengikuti`): the writer opens his form again after every save, and
        // at the end of a quarter computing it whole was half of the heavy work (`kinerja bench-serentak`).
        var store = KinerjaStore(req.db)
        let dataCache = req.application.dataCache
        let pageCache = req.application.pageCache
        store.sesudahDraf = { tulisan in
            dataCache.ikutiDraf(tulisan)
            /// The PD's year after the write, as the data cache just followed it.
            func sesudah(_ tahun: Int) -> DataKinerja? {
                dataCache.lihat(
                    PageCache.kunci(
                        ["tahun-pd", "\(tahun)"], pemda: tulisan.pemda, versiPD: (tulisan.pd, tulisan.sesudah)),
                    as: DataKinerja.self)
            }
            pageCache.ikutiHalaman("realisasi-form", tulisan, as: RealisasiPage.Tersaji.self, ukuran: \.ukuran) {
                lama in
                sesudah(lama.model.tahun).map {
                    RealisasiPage.Tersaji(lama.model.mengikuti(tulisan, data: $0), sebelumnya: lama)
                }
            }
            // Its pages are not followed: they keep no capaian table to follow (issue 14.6). The next reader computes
            // them from the data followed above and renders only the rows the save changed.
        }
        return try await store.apply(
            change, pemda: pemda, versiPratinjau: versiPratinjau, unggahan: unggahan, sekarang: req.sekarang)
    }
}
