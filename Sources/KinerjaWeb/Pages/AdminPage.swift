import Foundation
import KinerjaDomain

/// The Admin Pemda's page: users and roles, perangkat daerah with unit kerja and pejabat, periods, capaian bands.
struct AdminPage {
    struct Model {
        var pemda: Pemda
        var pengguna: [Pengguna]
        var data: DataKinerja
        var profil = ProfilPemda()
    }

    static func render(_ model: Model, akun: Layout.Akun, isian: FormState = FormState()) -> String {
        let content = AdminView(model, akun: akun, isian: isian).content
        return Layout.page(
            title: "Admin " + model.pemda.nama,
            breadcrumbs: [("Beranda", SiteURL.beranda.path), (model.pemda.nama, nil), ("Admin", nil)], akun: akun,
            content: content)
    }
}

/// The admin page's view: each section from the model (and what was typed), in small parts.
private struct AdminView {
    let model: AdminPage.Model
    let akun: Layout.Akun
    let isian: FormState
    let pemdaID: UUID
    let pdOptions: [(String, String)]
    let roleOptions: [(String, String)]
    let pdByID: [TypedID<PerangkatDaerah>: PerangkatDaerah]

    init(_ model: AdminPage.Model, akun: Layout.Akun, isian: FormState) {
        self.model = model
        self.akun = akun
        self.isian = isian
        pemdaID = model.pemda.id.uuid
        pdOptions = [("", "—")] + model.data.perangkatDaerah.map { ($0.id.uuid.uuidString.lowercased(), $0.nama) }
        roleOptions = Peran.allCases.map { ($0.rawValue, $0.label) }
        pdByID = Dictionary(model.data.perangkatDaerah.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func value(_ name: String) -> String { isian.nilai[name] ?? "" }

    var content: [HTML] {
        [
            .el("h1", [], "Admin \(model.pemda.nama)"),
            .el(
                "p", [],
                [
                    .el(
                        "a", [("href", SiteURL.pemantauan(pemda: model.pemda.id.uuid).path)],
                        "Pemantauan pelaporan: status setiap PD, jadwal pengisian, buka kembali")
                ]),
            Form.pesan(isian.sukses, galat: false),
            Form.pesan(isian.pesan, galat: true),
        ] + pengguna() + perangkatDaerah() + profil() + periode() + kategori()
    }

    func pengguna() -> [HTML] {
        let userRows = model.pengguna.map { user -> HTML in
            let id = user.id.uuid.uuidString.lowercased()
            return .el(
                "tr", [],
                [
                    .el("td", [], user.namaPengguna), .el("td", [], user.namaLengkap),
                    .el(
                        "td", [],
                        [
                            Form.post(
                                SiteURL.adminPenggunaUbah(pemda: pemdaID, pengguna: user.id.uuid).path, csrf: akun.csrf,
                                attributes: [("class", "filter"), ("aria-label", "Ubah " + user.namaPengguna)],
                                [
                                    Form.select(
                                        "Peran", name: "peran", options: roleOptions, selected: user.peran.rawValue),
                                    Form.select(
                                        "Perangkat daerah", name: "perangkat_daerah", options: pdOptions,
                                        selected: user.perangkatDaerah?.uuid.uuidString.lowercased() ?? ""),
                                    Form.select(
                                        "Status", name: "aktif", options: [("1", "Aktif"), ("0", "Nonaktif")],
                                        selected: user.aktif ? "1" : "0"),
                                    Form.input(
                                        "Email", name: "email", value: user.email, type: "email",
                                        extra: [("id", "email-" + id)]),
                                    Form.input(
                                        "Sandi baru (opsional)", name: "sandi", type: "password",
                                        extra: [("autocomplete", "new-password"), ("id", "sandi-" + id)]),
                                    Form.select(
                                        "Kunci masuk", name: "kunci",
                                        options: [("", "Biarkan"), ("buka", "Buka (hapus percobaan gagal)")],
                                        selected: ""),
                                    .el("button", [("type", "submit"), ("class", "kedua")], "Simpan"),
                                ])
                        ]),
                    .el("td", [], user.perangkatDaerah.flatMap { pdByID[$0]?.singkatan } ?? ""),
                ])
        }
        return [
            .el("h2", [("id", "pengguna")], "Pengguna dan peran"),
            HTMLTable.kotak(kepala: ["Nama pengguna", "Nama", "Peran, PD, status, sandi", "PD"], userRows),
            Form.post(
                SiteURL.adminPengguna(pemda: pemdaID).path, csrf: akun.csrf, attributes: [("class", "kartu filter")],
                [
                    .el("strong", [], "Tambah pengguna"),
                    Form.input(
                        "Nama pengguna", name: "nama_pengguna", value: value("nama_pengguna"),
                        galat: isian.galat["nama_pengguna"]),
                    Form.input("Nama lengkap", name: "nama_lengkap", value: value("nama_lengkap")),
                    Form.select(
                        "Peran", name: "peran", options: roleOptions, selected: isian.nilai["peran"] ?? "operator"),
                    Form.select(
                        "Perangkat daerah", name: "perangkat_daerah", options: pdOptions,
                        selected: isian.nilai["perangkat_daerah"]),
                    Form.input(
                        "Email (pemberitahuan, boleh kosong)", name: "email", value: value("email"), type: "email",
                        galat: isian.galat["email"]),
                    Form.input(
                        "Sandi awal", name: "sandi", type: "password", galat: isian.galat["sandi"],
                        extra: [("autocomplete", "new-password")]),
                    .el("button", [("type", "submit")], "Tambah"),
                ]),
        ]
    }

    /// Each PD with its unit kerja and pejabat.
    func pdRows() -> [HTML] {
        let units = Dictionary(grouping: model.data.unitKerja, by: \.perangkatDaerah)
        let officials = Dictionary(grouping: model.data.pejabat, by: \.unitKerja)
        return model.data.perangkatDaerah.map { pd -> HTML in
            let unitList = (units[pd.id] ?? []).sorted { ($0.eselon, $0.nama) < ($1.eselon, $1.nama) }
            return .el(
                "tr", [],
                [
                    .el("td", [("class", "kode")], pd.kode), .el("td", [], pd.nama), .el("td", [], pd.singkatan),
                    .el(
                        "td", [],
                        unitList.isEmpty
                            ? [.el("span", [("class", "muted")], "belum ada unit kerja")]
                            : [
                                .el(
                                    "details", [],
                                    [
                                        .el("summary", [], "\(unitList.count) unit kerja"),
                                        .el(
                                            "ul", [],
                                            unitList.map { unit in
                                                let names = (officials[unit.id] ?? []).sorted { $0.nama < $1.nama }.map
                                                {
                                                    "\($0.nama)" + ($0.nip.isEmpty ? "" : " (NIP \($0.nipTercetak))")
                                                }
                                                return HTML.el(
                                                    "li", [],
                                                    "Eselon \(unit.eselon.rawValue) · \(unit.nama) — \(unit.jabatan)"
                                                        + (names.isEmpty ? "" : " · " + names.joined(separator: ", ")))
                                            }),
                                    ])
                            ]),
                ])
        }
    }

    func perangkatDaerah() -> [HTML] {
        let pdRows = self.pdRows()
        let unitOptions = model.data.unitKerja.map { unit in
            (unit.id.uuid.uuidString.lowercased(), (pdByID[unit.perangkatDaerah]?.singkatan ?? "") + " · " + unit.nama)
        }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        return [
            .el("h2", [("id", "pd")], "Perangkat daerah, unit kerja dan pejabat"),
            HTMLTable.kotak(kepala: ["Kode", "Nama", "Singkatan", "Unit kerja dan pejabat"], pdRows),
            Form.post(
                SiteURL.adminPD(pemda: pemdaID).path, csrf: akun.csrf, attributes: [("class", "kartu filter")],
                [
                    .el("input", [("type", "hidden"), ("name", "aksi"), ("value", "pd")]),
                    .el("strong", [], "Tambah perangkat daerah"),
                    Form.input("Kode", name: "kode", value: value("kode"), galat: isian.galat["kode"]),
                    Form.input("Nama", name: "nama", value: value("nama"), galat: isian.galat["nama"]),
                    Form.input("Singkatan", name: "singkatan", value: value("singkatan")),
                    .el("button", [("type", "submit")], "Tambah"),
                ]),
            Form.post(
                SiteURL.adminPD(pemda: pemdaID).path, csrf: akun.csrf, attributes: [("class", "kartu filter")],
                [
                    .el("input", [("type", "hidden"), ("name", "aksi"), ("value", "unit")]),
                    .el("strong", [], "Tambah unit kerja"),
                    Form.select(
                        "Perangkat daerah", name: "unit_pd", options: pdOptions, selected: isian.nilai["unit_pd"]),
                    Form.input(
                        "Nama unit", name: "unit_nama", value: value("unit_nama"), galat: isian.galat["unit_nama"]),
                    Form.input("Jabatan (penanggung jawab)", name: "unit_jabatan", value: value("unit_jabatan")),
                    Form.select(
                        "Eselon", name: "unit_eselon",
                        options: Eselon.allCases.map { ($0.rawValue, "Eselon " + $0.rawValue) },
                        selected: isian.nilai["unit_eselon"] ?? "III"),
                    .el("button", [("type", "submit")], "Tambah"),
                ]),
            Form.post(
                SiteURL.adminPD(pemda: pemdaID).path, csrf: akun.csrf, attributes: [("class", "kartu filter")],
                [
                    .el("input", [("type", "hidden"), ("name", "aksi"), ("value", "pejabat")]),
                    .el("strong", [], "Tambah pejabat"),
                    Form.select(
                        "Unit kerja", name: "pejabat_unit", options: unitOptions, selected: isian.nilai["pejabat_unit"]),
                    Form.input(
                        "Nama", name: "pejabat_nama", value: value("pejabat_nama"), galat: isian.galat["pejabat_nama"]),
                    Form.input(
                        "NIP (18 angka)", name: "pejabat_nip", value: value("pejabat_nip"), galat: isian.galat["nip"]),
                    Form.input("Pangkat / golongan", name: "pejabat_pangkat", value: value("pejabat_pangkat")),
                    .el("button", [("type", "submit")], "Tambah"),
                ]),
        ]
    }

    func profil() -> [HTML] {
        return [
            .el("h2", [("id", "profil")], "Kop dokumen: alamat, logo dan kepala daerah"),
            Form.post(
                SiteURL.adminProfil(pemda: pemdaID).path, csrf: akun.csrf, attributes: [("class", "kartu filter")],
                multipart: true,
                [
                    model.profil.logoJenis == nil
                        ? .el("span", [("class", "muted")], "Belum ada logo.")
                        : .el(
                            "img",
                            [
                                ("src", SiteURL.logo(pemda: pemdaID).path), ("alt", "Logo \(model.pemda.nama)"),
                                ("style", "max-height:48px"),
                            ]),
                    Form.input("Alamat kantor", name: "alamat", value: model.profil.alamat),
                    Form.input(
                        "Nama \(PerjanjianKinerja.jabatanKepalaDaerah(model.pemda).lowercased().capitalized) (penanda "
                            + "tangan PK)", name: "kepala_daerah", value: model.profil.kepalaDaerah),
                    Form.input(
                        "Logo baru (PNG/JPEG, maks. 1 MB)", name: "logo", type: "file",
                        extra: [("accept", "image/png,image/jpeg")]),
                    Form.select(
                        "Logo lama", name: "hapus_logo", options: [("", "Biarkan"), ("1", "Hapus")], selected: ""),
                    .el("button", [("type", "submit")], "Simpan"),
                ]),
        ]
    }

    func periode() -> [HTML] {
        let periodRows = model.data.periode.map { periode in
            HTML.el(
                "li", [],
                periode.nama + (periode.perangkatDaerah.flatMap { pdByID[$0] }.map { " · " + $0.nama } ?? " · Pemda"))
        }
        return [
            .el("h2", [("id", "periode")], "Periode"),
            .el("ul", [], periodRows),
            Form.post(
                SiteURL.adminPeriode(pemda: pemdaID).path, csrf: akun.csrf, attributes: [("class", "kartu filter")],
                [
                    .el("strong", [], "Tambah periode"),
                    Form.select(
                        "Jenis", name: "jenis", options: [("rpjmd", "RPJMD"), ("renstra", "Renstra")],
                        selected: isian.nilai["jenis"]),
                    Form.select(
                        "Perangkat daerah (Renstra)", name: "perangkat_daerah", options: pdOptions,
                        selected: isian.nilai["periode_pd"]),
                    Form.input(
                        "Tahun awal", name: "tahun_awal", value: value("tahun_awal"), galat: isian.galat["tahun_awal"],
                        extra: [("inputmode", "numeric")]),
                    Form.input(
                        "Tahun akhir", name: "tahun_akhir", value: value("tahun_akhir"),
                        galat: isian.galat["tahun_akhir"], extra: [("inputmode", "numeric")]),
                    .el("button", [("type", "submit")], "Tambah"),
                ]),
        ]
    }

    func kategori() -> [HTML] {
        let bands = model.pemda.kebijakan.kategori.pita
        let bandRows = (0..<6).map { index -> HTML in
            let band = index < bands.count ? bands[index] : nil
            return .el(
                "tr", [],
                [
                    .el(
                        "td", [],
                        [
                            Form.input(
                                "Batas bawah (%)", name: "batas_\(index)",
                                value: band.map { IndonesianFormat.number($0.batasBawah) } ?? "")
                        ]),
                    .el("td", [], [Form.input("Label", name: "label_\(index)", value: band?.label ?? "")]),
                    .el(
                        "td", [], [Form.input("Warna", name: "warna_\(index)", value: band?.warna ?? "", type: "color")]
                    ),
                ])
        }
        return [
            .el("h2", [("id", "kategori")], "Kategori capaian dan kebijakan perhitungan"),
            Form.post(
                SiteURL.adminKategori(pemda: pemdaID).path, csrf: akun.csrf, attributes: [("class", "kartu")],
                [
                    .el("div", [("class", "box")], [.el("table", [], [.el("tbody", [], bandRows)])]),
                    .el(
                        "p", [("class", "muted")],
                        "Kosongkan baris yang tidak dipakai. Capaian di bawah batas terendah masuk kategori terendah."),
                    Form.select(
                        "Metode indikator turun", name: "metode_turun",
                        options: [("kebalikan", "T ÷ R × 100"), ("selisih", "(2T − R) ÷ T × 100")],
                        selected: model.pemda.kebijakan.metodeTurun.rawValue),
                    Form.input(
                        "Batas rasio (%)", name: "batas_rasio",
                        value: IndonesianFormat.number(model.pemda.kebijakan.batasRasio),
                        galat: isian.galat["batas_rasio"]),
                    .el("p", [], [.el("button", [("type", "submit")], "Simpan kebijakan")]),
                ]),
        ]
    }
}
