import Fluent
import Foundation
import KinerjaApplication
import KinerjaDomain
import KinerjaImport
import KinerjaPersistence
import KinerjaSpreadsheet
import Vapor

/// The reading pages: dashboard, PD, reports, cascading, IKU.
enum DisplayController {
    static func routes(_ app: Application) {
        app.route(.GET, SiteURL.Pattern.dasbor, .publik) { req, ctx in try await dasbor(req, ctx) }
        app.route(.GET, SiteURL.Pattern.perangkatDaerah, .bacaPD) { req, ctx in
            let langkah = (try? req.query.get(String.self, at: "langkah")).flatMap(Transisi.init(rawValue:))
            return try await halamanPD(
                req, ctx, pesan: langkah.map { ("Langkah \"\($0.label)\" tercatat.", galat: false) })
        }
        app.route(.GET, SiteURL.Pattern.laporanPemda, .publik) { req, ctx in try await pilihLaporan(req, ctx) }
        app.route(.GET, SiteURL.Pattern.laporanSeluruh, .publik) { req, ctx in
            let pemda = try ctx.pemdaWajib()
            let name = try NamaLaporan.baca(req.parameters.get("nama") ?? "")
            let store = req.store
            let tahun = try await KinerjaApp.tahunData(req, pemda: pemda.id)
            let tampilan = KinerjaApp.tampilan(req)
            // Asked as XLSX, the file is written PD by PD while the parts are read (`seluruhPemdaXLSX`), with the
            // address the file would carry; the kept report serves the other formats.
            var alamat: String?
            if req.query[String.self, at: "format"] == "xlsx" {
                if let known = ctx.profil {
                    alamat = known.alamat
                } else {
                    alamat = try await store.profil(pemda: pemda.id).alamat
                }
            }
            let laporan = try await req.turunan(
                ["laporan-seluruh", name.rawValue, "\(tahun ?? 0)", tampilan.rawValue], pemda: pemda.id,
                terbit: tampilan == .terbit, ukuran: \.ukuran
            ) {
                if name == .ikuPemda {
                    return LaporanTersaji(
                        try await LaporanKatalog.buat(
                            name, store: store, pemda: pemda.id, pd: nil, tahun: nil, tampilan: tampilan))
                }
                let year = try await LaporanKatalog.tahunSeluruhPemda(tahun, store: store, pemda: pemda.id)
                // Each PD's part from the cache while that PD's data is unchanged; a part built here is used as
                // built, not read back from the compact form the cache keeps. The report is kept from its parts'
                // compact rows.
                let disimpan = BagianDisimpan()
                let bagian:
                    @Sendable (PerangkatDaerah, @escaping @Sendable () async throws -> BagianLaporan)
                        async throws -> BagianLaporan = { pd, build in
                            var dibangun: BagianLaporan?
                            let tersimpan = try await req.turunan(
                                ["laporan-seluruh-pd", name.rawValue, "\(year)", tampilan.rawValue], pemda: pemda.id,
                                pd: pd.id, terbit: tampilan == .terbit, antre: false, ukuran: \.ukuran
                            ) {
                                let part = try await build()
                                dibangun = part
                                return BagianTersimpan(part)
                            }
                            disimpan.simpan(pd, tersimpan)
                            return try dibangun ?? tersimpan.bagian()
                        }
                guard let alamat else {
                    let report = try await LaporanKatalog.seluruhPemda(
                        name, store: store, pemda: pemda.id, tahun: year, tampilan: tampilan, bagian: bagian)
                    return LaporanTersaji(report, bagian: disimpan.urut)
                }
                let (report, file) = try await LaporanKatalog.seluruhPemdaXLSX(
                    name, store: store, pemda: pemda.id, tahun: year, tampilan: tampilan, alamat: alamat,
                    bagian: bagian)
                let tersaji = LaporanTersaji(report, bagian: disimpan.urut)
                _ = tersaji.xlsx(alamat: alamat) { file }
                return tersaji
            }
            return try await kirim(req, ctx, laporan, nama: name.rawValue + "-seluruh")
        }
        app.route(.GET, SiteURL.Pattern.laporan, .publik) { req, ctx in
            let pemda = try ctx.pemdaWajib()
            let pd = try ctx.pdWajib()
            let name = try NamaLaporan.baca(req.parameters.get("nama") ?? "")
            let store = req.store
            let tahun = try await KinerjaApp.tahunData(req, pemda: pemda.id)
            let tampilan = KinerjaApp.tampilan(req)
            let triwulan = try KinerjaApp.queryInt(req, "triwulan", range: 1...pemda.jumlahTriwulan)
            let laporan = try await req.turunan(
                ["laporan", pd.kode, name.rawValue, "\(tahun ?? 0)", "\(triwulan ?? 0)", tampilan.rawValue],
                pemda: pemda.id, pd: name == .ikuPemda ? nil : pd.id, terbit: tampilan == .terbit, ukuran: \.ukuran
            ) { (sebelumnya: LaporanTersaji?) in
                guard name == .cascading else {
                    let laporan = try await LaporanKatalog.buat(
                        name, store: store, pemda: pemda.id, pd: pd, tahun: tahun, triwulan: triwulan,
                        tampilan: tampilan)
                    // The same report as before the write (a draft saved changes no published figure): the previous
                    // version, with the table's HTML and the XLSX it already made.
                    if let sebelumnya, sebelumnya.sama(laporan) { return sebelumnya }
                    return LaporanTersaji(laporan)
                }
                // The table and the chart from one load of the PD with the RPJMD above it.
                let index = IndeksKinerja(
                    try await store.load(pemda: pemda.id, perangkatDaerah: pd.id, denganRPJMD: true))
                return LaporanTersaji(
                    Laporan.cascading(index, pd: pd, tahun: tahun),
                    sebelumTabel: PohonSVG.render(PohonKinerja(index, pd: pd.id, tahun: tahun)))
            }
            return try await kirim(req, ctx, laporan, nama: name.rawValue + "-" + pd.kode)
        }
        pohonDanIKU(app)
    }

    /// The cascading and IKU pages, of the Pemda and of a PD, and an indicator's page.
    static func pohonDanIKU(_ app: Application) {
        app.route(.GET, SiteURL.Pattern.cascadingPemda, .publik) { req, ctx in
            let pemda = try ctx.pemdaWajib()
            let tahun = try await KinerjaApp.tahunData(req, pemda: pemda.id)
            // The whole Pemda: computed once per data version and year, then served from the cache.
            let (pohon, index) = try await req.turunan(
                ["cascading-pemda", "\(tahun ?? 0)"], pemda: pemda.id, ukuran: { $0.1.ukuranTembolok * 2 }
            ) {
                let index = IndeksKinerja(try await req.store.load(pemda: pemda.id, denganRPJMD: true))
                return (PohonKinerja(index, pd: nil, tahun: tahun), index)
            }
            return KinerjaApp.htmlResponse(
                PohonPage.render(
                    pohon, index: index, judul: "Cascading \(pemda.nama)", tahun: tahun, pemda: pemda, pd: nil,
                    akun: ctx.akunBar))
        }
        app.route(.GET, SiteURL.Pattern.cascading, .publik) { req, ctx in
            let pemda = try ctx.pemdaWajib()
            let pd = try ctx.pdWajib()
            let tahun = try await KinerjaApp.tahunData(req, pemda: pemda.id)
            let index = IndeksKinerja(
                try await req.store.load(pemda: pemda.id, perangkatDaerah: pd.id, denganRPJMD: true))
            return KinerjaApp.htmlResponse(
                PohonPage.render(
                    PohonKinerja(index, pd: pd.id, tahun: tahun), index: index, judul: "Cascading \(pd.nama)",
                    tahun: tahun, pemda: pemda, pd: pd, akun: ctx.akunBar))
        }
        app.route(.GET, SiteURL.Pattern.ikuPemda, .publik) { req, ctx in
            let pemda = try ctx.pemdaWajib()
            let tampilan = KinerjaApp.tampilan(req)
            let index = try await req.turunan(
                ["iku-pemda", tampilan.rawValue], pemda: pemda.id, terbit: tampilan == .terbit,
                ukuran: \.ukuranTembolok
            ) {
                IndeksKinerja(
                    try await LaporanKatalog.muat(req.store, pemda: pemda.id, pd: nil, tampilan: tampilan).0)
            }
            return KinerjaApp.htmlResponse(IKUPage.daftar(index, pemda: pemda, pd: nil, akun: ctx.akunBar))
        }
        app.route(.GET, SiteURL.Pattern.iku, .publik) { req, ctx in
            let pemda = try ctx.pemdaWajib()
            let pd = try ctx.pdWajib()
            let index = IndeksKinerja(
                try await LaporanKatalog.muat(
                    req.store, pemda: pemda.id, pd: pd.id, denganRPJMD: true,
                    tampilan: KinerjaApp.tampilan(req)
                ).0)
            return KinerjaApp.htmlResponse(IKUPage.daftar(index, pemda: pemda, pd: pd, akun: ctx.akunBar))
        }
        app.route(.GET, SiteURL.Pattern.indikator, .publik) { req, ctx in try await indikator(req, ctx) }
        // Public once the Kepala PD approved the year's PK; before, only for those who read the PD.
        app.route(.GET, SiteURL.Pattern.pk, .publik) { req, ctx in try await perjanjianKinerja(req, ctx) }
        // The Pemda's own PK: built from the RPJMD, a public plan.
        app.route(.GET, SiteURL.Pattern.pkPemda, .publik) { req, ctx in try await perjanjianKinerjaPemda(req, ctx) }
    }

    /// The dashboard: the model per data version, each PD's part per that PD's version.
    static func dasbor(_ req: Request, _ ctx: RequestContext) async throws -> Response {
        let pemda = try ctx.pemdaWajib()
        let tahun = try await KinerjaApp.tahunData(req, pemda: pemda.id)
        let triwulan = try KinerjaApp.queryInt(req, "triwulan", range: 1...12)
        let tampilan = KinerjaApp.tampilan(req)
        // Its model shares the parts' tables (counted with the parts); its own bytes are its renders, one per kind
        // of viewer, each about the parts' HTML: three counted.
        let size: (DashboardPage.Tersaji) -> Int = { $0.model.perPD.reduce(0) { $0 + $1.ukuranHTML } * 3 + 100_000 }
        let tersaji = try await req.turunan(
            ["dasbor", "\(tahun ?? 0)", "\(triwulan ?? 0)", tampilan.rawValue], pemda: pemda.id,
            terbit: tampilan == .terbit, ukuran: size
        ) { sebelumnya in
            // Each PD's part from the cache while that PD's data is unchanged: a write in one PD recomputes one part,
            // and that part is its previous version when what it shows did not change (a draft saved); the page is
            // then its previous version too, with the renders it made. Every PD's version is read at once, before
            // any part's data.
            let store = req.store
            let terbit = tampilan == .terbit
            let versi = try await store.kunciVersiSemua(pemda: pemda.id, terbit: terbit)
            let model = try await DashboardPage.Model.query(
                store, pemda: pemda, tahun: tahun, triwulan: triwulan, tampilan: tampilan
            ) { pd, build in
                try await req.turunan(
                    ["dasbor-pd", "\(tahun ?? 0)", "\(triwulan ?? 0)", tampilan.rawValue], pemda: pemda.id,
                    pd: pd.id,
                    kunciPD: versi.pd[pd.id.uuid] ?? KinerjaStore.kunciVersi(umum: versi.umum, pd: 0, terbit: terbit),
                    terbit: terbit, antre: false, ukuran: \.perPD.ukuran, dariSebelumnya: build)
            }
            if let sebelumnya, let sidikJari = model.sidikJari, sebelumnya.model.sidikJari == sidikJari {
                return sebelumnya
            }
            return DashboardPage.Tersaji(model)
        }
        return KinerjaApp.htmlResponse(
            req, DashboardPage.halaman(tersaji.model, akun: ctx.akunBar, isi: .tempatBagian),
            bagian: [tersaji.konten(ctx.akunBar)])
    }

    /// An indicator's page: its definition, targets, realisasi and capaian per year; its history for a reader of
    /// its PD.
    static func indikator(_ req: Request, _ ctx: RequestContext) async throws -> Response {
        let pemda = try ctx.pemdaWajib()
        guard let id = req.parameters.get("indikator", as: UUID.self) else {
            throw DomainError.tidakDitemukan("Indikator")
        }
        let store = req.store
        guard let owner = try await store.pemilikIndikator(TypedID(id), pemda: pemda.id) else {
            throw DomainError.tidakDitemukan("Indikator")
        }
        // The owner's data (the whole Pemda for a Pemda-level indicator): loaded once per data version.
        let tampilan = KinerjaApp.tampilan(req)
        let index = try await req.turunan(
            ["iku-detail", owner?.uuid.uuidString ?? "pemda", tampilan.rawValue], pemda: pemda.id, pd: owner,
            terbit: tampilan == .terbit, ukuran: \.ukuranTembolok
        ) {
            IndeksKinerja(
                try await LaporanKatalog.muat(
                    store, pemda: pemda.id, pd: owner, denganRPJMD: true, tampilan: tampilan
                ).0)
        }
        guard let indikator = index.data.indikator.first(where: { $0.id.uuid == id }) else {
            throw DomainError.tidakDitemukan("Indikator")
        }
        // Its history for a signed-in reader of its PD (of the Pemda, for the Pemda's own indicators).
        var riwayat: (baris: [Riwayat], semua: String?)?
        let ownerPD = owner.flatMap { id in index.data.perangkatDaerah.first { $0.id.uuid == id.uuid } }
        let reader =
            ownerPD.map { ctx.boleh(.bacaPD, pd: $0) }
            ?? (ctx.pengguna.map { $0.pemda == pemda.id && $0.aktif && !$0.peran.perluPD } ?? false)
        if reader {
            riwayat = (
                try await store.riwayat(pemda: pemda.id, kunci: indikator.id.uuid, batas: 20),
                ownerPD.map {
                    SiteURL.riwayat(pemda: pemda.id.uuid, kode: $0.kode).path
                        + "?kunci=\(indikator.id.uuid.uuidString.lowercased())"
                }
            )
        }
        return KinerjaApp.htmlResponse(
            IKUPage.detail(index, indikator: indikator, pemda: pemda, akun: ctx.akunBar, riwayat: riwayat))
    }

    /// The report chooser; with a report chosen, redirects to its address (works without JavaScript).
    static func pilihLaporan(_ req: Request, _ ctx: RequestContext) async throws -> Response {
        let pemda = try ctx.pemdaWajib()
        let store = req.store
        if let name = req.query[String.self, at: "nama"], !name.isEmpty {
            guard NamaLaporan(rawValue: name) != nil else {
                throw DomainError.tidakSah(field: "nama", pesan: "Laporan \"\(name)\" tidak dikenal.")
            }
            var query: [(String, String)] = []
            for key in ["tahun", "triwulan", "format", "kertas"] {
                if let value = req.query[String.self, at: key], !value.isEmpty,
                    value.allSatisfy({ $0.isLetter || $0.isNumber })
                {
                    query.append((key, value))
                }
            }
            let kode = req.query[String.self, at: "pd"] ?? ""
            let path =
                kode.isEmpty || name == "iku-pemda"
                ? SiteURL.laporanSeluruh(pemda: pemda.id.uuid, nama: name).path
                : SiteURL.laporan(pemda: pemda.id.uuid, kode: kode, nama: name).path
            return req.redirect(to: path + (query.isEmpty ? "" : "?" + SafeRedirect.query(query)))
        }
        let years = try await store.tahunData(pemda: pemda.id, perangkatDaerah: nil)
        return KinerjaApp.htmlResponse(
            LaporanPilihPage.render(
                pemda: pemda, pds: try await store.listPD(pemda: pemda.id),
                tahun: years.semua.isEmpty ? [2025] : years.semua, akun: ctx.akunBar))
    }

    /// A report as HTML (screen and print, `kertas=a4|f4`), XLSX or CSV.
    static func kirim(
        _ req: Request, _ ctx: RequestContext, _ tersaji: LaporanTersaji, nama: String
    ) async throws
        -> Response
    {
        let pemda = try ctx.pemdaWajib()
        let profil: ProfilPemda
        if let known = ctx.profil { profil = known } else { profil = try await req.store.profil(pemda: pemda.id) }
        // The rows are read back for a file only; the page prints the kept table between the report's head and foot.
        let kepala = LaporanKatalog.denganAlamat(tersaji.kepala, profil)
        let sebelumTabel = tersaji.sebelumTabel
        switch req.query[String.self, at: "format"] ?? "html" {
        case "html":
            let kertas = LaporanHTML.Kertas(rawValue: req.query[String.self, at: "kertas"] ?? "a4") ?? .a4
            // The switch between published and provisional figures, on screen only.
            let tampilan = KinerjaApp.tampilan(req)
            var path =
                req.url.path + "?"
                + ["tahun", "triwulan", "kertas"].compactMap { key in
                    req.query[String.self, at: key].map {
                        "\(key)=\($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
                    }
                }.joined(separator: "&")
            if path.hasSuffix("?") { path.removeLast() }
            let note = kepala.catatan.first { $0.hasPrefix("Angka sementara") || $0.hasPrefix("Realisasi yang belum") }
            let choice = PilihTampilan.render(tampilan: tampilan, catatan: note, path: path)
            let switcher: HTML = choice.rendered.isEmpty ? .empty : .el("div", [("class", "no-print")], [choice])
            return KinerjaApp.htmlResponse(
                req,
                LaporanHTML.html(
                    kepala, sebelumTabel: .join([switcher, sebelumTabel]), tabel: .tempatBagian, kertas: kertas,
                    akun: ctx.akunBar, logo: profil.logoJenis == nil ? nil : SiteURL.logo(pemda: pemda.id.uuid).path),
                bagian: [tersaji.tabel])
        case "xlsx":
            return KinerjaApp.download(
                try tersaji.xlsx(alamat: profil.alamat) {
                    try LaporanEkspor.xlsx(LaporanKatalog.denganAlamat(try tersaji.laporan(), profil))
                }, nama: nama + ".xlsx", jenis: .xlsx)
        case "csv":
            return KinerjaApp.download(
                Data(LaporanEkspor.csv(LaporanKatalog.denganAlamat(try tersaji.laporan(), profil)).utf8),
                nama: nama + ".csv", jenis: .csv)
        default:
            throw DomainError.tidakSah(field: "format", pesan: "Format harus html, xlsx, atau csv.")
        }
    }

    /// A PD's page: its capaian table for the year (computed once per data version), the workflow panel of the
    /// year for the signed-in user, and the outcome of a step when there is one.
    static func halamanPD(
        _ req: Request, _ ctx: RequestContext, pesan: (String, galat: Bool)? = nil, status: HTTPStatus = .ok
    ) async throws -> Response {
        let pemda = try ctx.pemdaWajib()
        let pd = try ctx.pdWajib()
        let tahun = try await KinerjaApp.tahunData(req, pemda: pemda.id)
        let triwulan = try KinerjaApp.queryInt(req, "triwulan", range: 1...12)
        let tersaji = try await req.turunan(
            ["pd", pd.kode, "\(tahun ?? 0)", "\(triwulan ?? 0)"], pemda: pemda.id, pd: pd.id, antre: false,
            ukuran: \.ukuran
        ) { sebelumnya in
            PerangkatDaerahPage.Tersaji(
                try await PerangkatDaerahPage.Model.query(
                    req.store, pemda: pemda.id, pd: pd, tahun: tahun, triwulan: triwulan), sebelumnya: sebelumnya)
        }
        let panel = try await AlurPanel.query(
            req.store, pemda: pemda, pd: pd, tahun: tersaji.model.tahun, pengguna: ctx.pengguna,
            sekarang: req.sekarang)
        return KinerjaApp.htmlResponse(
            req,
            PerangkatDaerahPage.halaman(
                tersaji, akun: ctx.akunBar, bolehTulis: ctx.boleh(.tulisPD),
                diimpor: try KinerjaApp.queryInt(req, "diimpor", range: 0...10_000_000), alur: panel, pesan: pesan),
            bagian: [tersaji.bawah], status: status)
    }

    /// The Perjanjian Kinerja of every pejabat of the PD for a year (`?tahun=`, by default the latest year with
    /// targets), as HTML or `?format=docx`; measured against the documents in force.
    static func perjanjianKinerja(_ req: Request, _ ctx: RequestContext) async throws -> Response {
        let pemda = try ctx.pemdaWajib()
        let pd = try ctx.pdWajib()
        let store = req.store
        let years = try await store.tahunData(pemda: pemda.id, perangkatDaerah: pd.id)
        let tahun = try KinerjaApp.queryInt(req, "tahun", range: Batas.tahun) ?? years.semua.last ?? 2025
        if !ctx.boleh(.bacaPD) {
            let approved: Set<StatusAlur> = [.disetujui, .diverifikasi, .dikunci]
            let status = try await store.statusAlur(pemda: pemda.id, pd: pd.id, tahun: tahun).first {
                $0.objek.jenis == .perjanjianKinerja
            }
            guard let status, approved.contains(status.status) else {
                throw DomainError.tidakDitemukan("Perjanjian Kinerja \(tahun) \(pd.nama) yang telah disetujui")
            }
        }
        // The PK's own targets whatever its status (reports count them only once approved: `berlaku`); the page is
        // public only once approved anyway.
        var data = try await store.load(pemda: pemda.id, perangkatDaerah: pd.id, tahun: tahun)
        // A PK Perubahan names its basis; `?murni=1` prints the original with the values it replaced.
        let basis = try await store.revisi(pemda: pemda.id, pd: pd.id, tahun: tahun).first {
            $0.dokumen == .perjanjianKinerja
        }
        let murni = req.query[String.self, at: "murni"] == "1"
        if murni {
            let original = try await store.targetMurni(pemda: pemda.id, pd: pd.id, tahun: tahun).filter {
                $0.dokumen == .perjanjianKinerja
            }
            let replaced = Set(original.map(\.kunci))
            data.target = data.target.filter { !replaced.contains($0.kunci) } + original
        }
        let kepalaDaerah = try await store.profil(pemda: pemda.id).kepalaDaerah
        let set = PerjanjianKinerja.untukPD(
            IndeksKinerja(data), pd: pd, tahun: tahun, kepalaDaerah: kepalaDaerah,
            dasarPerubahan: murni ? nil : basis?.uraian)
        return try pkResponse(req, ctx, set, pemda: pemda, pd: pd, tahun: tahun, perubahan: basis != nil && !murni)
    }

    static func perjanjianKinerjaPemda(_ req: Request, _ ctx: RequestContext) async throws -> Response {
        let pemda = try ctx.pemdaWajib()
        let store = req.store
        let years = try await store.tahunData(pemda: pemda.id, perangkatDaerah: nil)
        let tahun = try KinerjaApp.queryInt(req, "tahun", range: Batas.tahun) ?? years.semua.last ?? 2025
        let (data, _) = try await LaporanKatalog.muat(
            store, pemda: pemda.id, pd: nil, denganRPJMD: true, tampilan: .kerja)
        let pk = PerjanjianKinerja.untukPemda(
            IndeksKinerja(data), tahun: tahun, kepalaDaerah: try await store.profil(pemda: pemda.id).kepalaDaerah)
        return try pkResponse(req, ctx, [pk], pemda: pemda, pd: nil, tahun: tahun, perubahan: false)
    }

    static func pkResponse(
        _ req: Request, _ ctx: RequestContext, _ set: [PerjanjianKinerja], pemda: Pemda, pd: PerangkatDaerah?,
        tahun: Int, perubahan: Bool
    ) throws -> Response {
        if req.query[String.self, at: "format"] == "docx" {
            return KinerjaApp.download(
                try PKPage.docx(set), nama: "pk-\(pd?.kode ?? "pemda")-\(tahun).docx", jenis: .docx)
        }
        return KinerjaApp.htmlResponse(
            PKPage.render(set, pemda: pemda, pd: pd, tahun: tahun, akun: ctx.akunBar, perubahan: perubahan))
    }
}

/// A whole-Pemda report's part as the cache keeps it (per PD version, so that a write in one PD builds one part
/// again): its rows compact (`BarisLaporanRingkas`; as values the fifty parts of the realisasi held 13 MB beside the
/// whole report), read back when the whole is gathered.
struct BagianTersimpan: Sendable {
    let laporan: LaporanRingkas
    let sementara: [ObjekAlur]
    let ditahan: [ObjekAlur]

    init(_ bagian: BagianLaporan) {
        laporan = LaporanRingkas(bagian.laporan)
        sementara = bagian.sementara
        ditahan = bagian.ditahan
    }

    func bagian() throws -> BagianLaporan {
        BagianLaporan(laporan: try laporan.laporan(), sementara: sementara, ditahan: ditahan)
    }

    /// Bytes for the cache budget: the rows as kept, and the rest at a row's allowance.
    var ukuran: Int { laporan.baris.ukuran + (sementara.count + ditahan.count + 1) * RowBytes.laporan }
}

/// The parts of a whole-Pemda report as the cache keeps them, gathered as they come (from every core).
final class BagianDisimpan: @unchecked Sendable {
    private let lock = NSLock()
    private var bagian: [(PerangkatDaerah, BagianTersimpan)] = []

    func simpan(_ pd: PerangkatDaerah, _ part: BagianTersimpan) { lock.withLock { bagian.append((pd, part)) } }

    /// In the report's order (`Laporan.gabungan`: by kode).
    var urut: [(PerangkatDaerah, BagianTersimpan)] { lock.withLock { bagian }.sorted { $0.0.kode < $1.0.kode } }
}

/// A report as the cache keeps it, per data version: the report, what goes above its table (the cascading's tree),
/// and, made at the first request that needs them, its table's HTML (20 ms a request for a PD's realisasi) and its
/// XLSX (0,74 s for the whole Pemda's realisasi). The XLSX carries the Pemda's address, kept with it: a new address
/// is a write, and a write is a new version, so an older address can only be met by an older version's entry.
final class LaporanTersaji: @unchecked Sendable {
    /// The report, its rows kept compact.
    private let ringkas: LaporanRingkas
    let sebelumTabel: HTML
    /// Its table, the same for every request: compressed at the first request that shows it, and kept so only.
    let tabel: SharedHTML
    /// By the address it carries.
    private let berkas = Memo<String, Data>()
    /// Whether its rows are its parts' as the cache keeps them (tests).
    let dariBagian: Bool

    convenience init(_ laporan: Laporan, sebelumTabel: HTML = .empty) {
        self.init(LaporanRingkas(laporan), sebelumTabel: sebelumTabel)
    }

    /// A whole Pemda's report from its PD's parts as the cache keeps them (`BarisLaporanRingkas.gabungan`): the rows
    /// not written and compressed again on the way of the report's first request. `laporan` is the report the parts
    /// made; when its rows are not as many as theirs (they were not its parts) it is kept from its own rows.
    convenience init(_ laporan: Laporan, bagian: [(PerangkatDaerah, BagianTersimpan)]) {
        let baris = BarisLaporanRingkas.gabungan(
            bagian.map { (pd: $0.0, kolom: $0.1.laporan.kepala.kolom.count, baris: $0.1.laporan.baris) })
        guard baris.jumlah == laporan.baris.count else {
            self.init(laporan)
            return
        }
        self.init(LaporanRingkas(kepala: laporan, baris: baris), dariBagian: true)
    }

    private init(_ ringkas: LaporanRingkas, sebelumTabel: HTML = .empty, dariBagian: Bool = false) {
        self.ringkas = ringkas
        self.dariBagian = dariBagian
        self.sebelumTabel = sebelumTabel
        tabel = SharedHTML {
            var whole = ringkas.kepala
            // Rows this process wrote a moment ago: a damaged piece here is memory gone bad, not input.
            whole.baris = (try? ringkas.baris.baris()) ?? []
            return LaporanHTML.tabel(whole)
        }
    }

    /// The report without its rows: its kop, titles, header, notes and signatures, what the page around the table
    /// prints.
    var kepala: Laporan { ringkas.kepala }

    /// The whole report, its rows read back (an XLSX, a CSV).
    func laporan() throws -> Laporan { try ringkas.laporan() }

    /// Whether `other` is this report (a report built again after a write that changed none of its figures).
    func sama(_ other: Laporan) -> Bool {
        guard other.baris.count == ringkas.baris.jumlah else { return false }
        var head = other
        head.baris = []
        return head == ringkas.kepala && (try? ringkas.baris.baris()) == other.baris
    }

    /// Bytes for the cache budget: its rows as kept, its table's HTML once made (`RowBytes.laporan`, counted high),
    /// the tree exactly. An XLSX made later is not counted (a whole-Pemda one is 2 MB).
    var ukuran: Int {
        ringkas.baris.ukuran + ringkas.baris.jumlah * RowBytes.laporan + sebelumTabel.rendered.utf8.count
    }

    func xlsx(alamat: String, _ make: () throws -> Data) rethrows -> Data { try berkas.nilai(alamat, make) }
}
