import Foundation

/// A Perjanjian Kinerja (PermenPAN-RB 53/2014) of one pejabat for a year: pihak pertama commits to the targets of
/// the lampiran, pihak kedua (his superior) supervises and evaluates. Built from the unit kerja tree and the
/// cascading: the Kepala PD (Eselon II) with the Bupati/Walikota/Gubernur on the PD's sasaran and programs; each
/// Eselon III with the Kepala PD, each Eselon IV with his Eselon III, on the elements assigned to their unit.
public struct PerjanjianKinerja: Sendable, Hashable {
    public struct Pihak: Sendable, Hashable {
        public var nama: String
        public var jabatan: String
        public var pangkat: String
        public var nip: String
    }

    /// A line of the lampiran: the sasaran (or program/kegiatan) with one of its indicators and the year's target.
    public struct Sasaran: Sendable, Hashable {
        public var nomor: Int
        public var uraian: String
        public var indikator: String
        public var target: String
    }

    /// A program (or kegiatan) with its pagu of the year.
    public struct Anggaran: Sendable, Hashable {
        public var uraian: String
        public var pagu: Rupiah?
        public var keterangan: String
    }

    public var tahun: Int
    public var pemda: String
    public var perangkatDaerah: String
    public var tempat: String
    public var eselon: Eselon
    public var pertama: Pihak
    /// nil for the Pemda's own PK, which its head signs alone.
    public var kedua: Pihak?
    public var sasaran: [Sasaran]
    public var anggaran: [Anggaran]

    public var jumlahPagu: Rupiah? {
        let values = anggaran.compactMap(\.pagu)
        return values.isEmpty ? nil : values.sum()
    }

    /// A PK Perubahan: the basis of the revision (SK and reason), printed under the title; the original values stay
    /// stored as murni.
    public var dasarPerubahan: String?

    public var judul: String {
        dasarPerubahan == nil ? "PERJANJIAN KINERJA TAHUN \(tahun)" : "PERJANJIAN KINERJA PERUBAHAN TAHUN \(tahun)"
    }

    /// "BUPATI BATU BARA", "WALIKOTA …", "GUBERNUR …".
    public static func jabatanKepalaDaerah(_ pemda: Pemda) -> String {
        let head =
            switch pemda.jenis {
            case .kabupaten: "BUPATI"
            case .kota: "WALIKOTA"
            case .provinsi: "GUBERNUR"
            }
        let place = pemda.nama.replacingOccurrences(of: "Kabupaten ", with: "")
            .replacingOccurrences(of: "Kota ", with: "").replacingOccurrences(of: "Provinsi ", with: "")
        return "\(head) \(place.uppercased())"
    }

    /// The statement of the official form (the Pemda's: its head alone commits to the RPJMD's targets).
    public var pernyataan: [String] {
        guard let kedua else {
            return [
                "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan, dan akuntabel serta "
                    + "berorientasi pada hasil, yang bertanda tangan di bawah ini:",
                "Nama: \(pertama.nama.isEmpty ? "…" : pertama.nama)\nJabatan: \(pertama.jabatan)",
                "berjanji akan mewujudkan target kinerja tahunan sesuai lampiran perjanjian ini dalam rangka mencapai "
                    + "target kinerja jangka menengah seperti yang telah ditetapkan dalam RPJMD.",
                "Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami.",
            ]
        }
        return [
            "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan, dan akuntabel serta berorientasi "
                + "pada hasil, kami yang bertanda tangan di bawah ini:",
            "Nama: \(pertama.nama.isEmpty ? "…" : pertama.nama)\nJabatan: \(pertama.jabatan)",
            "selanjutnya disebut pihak pertama,",
            "Nama: \(kedua.nama.isEmpty ? "…" : kedua.nama)\nJabatan: \(kedua.jabatan)",
            "selaku atasan pihak pertama, selanjutnya disebut pihak kedua.",
            "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, "
                + "dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen "
                + "perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami.",
            "Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap capaian kinerja "
                + "dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka pemberian penghargaan dan sanksi.",
        ]
    }

    /// One PK for every pejabat of the PD's unit tree that has targets for the year (the Kepala PD always), in the
    /// tree's order. `tanggal` is printed under the place.
    public static func untukPD(
        _ indeks: IndeksKinerja, pd: PerangkatDaerah, tahun: Int, kepalaDaerah: String = "",
        dasarPerubahan: String? = nil
    ) -> [PerjanjianKinerja] {
        let data = indeks.data
        let units = data.unitKerja.filter { $0.perangkatDaerah == pd.id }
        let byID = Dictionary(units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func pihak(_ unit: UnitKerja?) -> Pihak {
            guard let unit else {
                return Pihak(nama: kepalaDaerah, jabatan: jabatanKepalaDaerah(data.pemda), pangkat: "", nip: "")
            }
            let official = data.pejabat.first { $0.unitKerja == unit.id }
            return Pihak(
                nama: official?.nama ?? "", jabatan: unit.jabatan.isEmpty ? unit.nama : unit.jabatan,
                pangkat: official?.pangkat ?? "", nip: official?.nipTercetak ?? "")
        }
        let nodes = data.elemen.filter { $0.perangkatDaerah == pd.id }.sorted(by: IndeksKinerja.urutanElemen)
        func lines(_ elements: [ElemenRencana]) -> [Sasaran] {
            var result: [Sasaran] = []
            for (index, node) in elements.enumerated() {
                for indikator in indeks.indikatorPerElemen[node.id] ?? [] {
                    guard let target = targetTeks(indeks, indikator, tahun) else { continue }
                    result.append(
                        Sasaran(nomor: index + 1, uraian: node.uraian, indikator: indikator.nama, target: target))
                }
            }
            // Numbers without gaps: an element without a target of the year takes none.
            var numbers: [String: Int] = [:]
            return result.map { line in
                var line = line
                line.nomor = numbers[line.uraian] ?? (numbers.count + 1)
                numbers[line.uraian] = line.nomor
                return line
            }
        }
        func money(_ elements: [ElemenRencana]) -> [Anggaran] {
            elements.map { node in
                Anggaran(
                    uraian: node.uraian, pagu: indeks.pagu(node.id, tahun: tahun),
                    keterangan: indeks.paguTercatat(node.id, tahun: tahun)?.sumberDana ?? "")
            }
        }
        var result: [PerjanjianKinerja] = []
        let ordered = units.sorted { ($0.eselon, $0.nama) < ($1.eselon, $1.nama) }
        for unit in ordered {
            // An element is a unit's when assigned to it, or when its penanggung jawab names the unit among others
            // ("Kabag Fasilitasi, pengawasan & penganggaran; Kabag Umum & Keuangan"): each signs for it.
            let assigned = nodes.filter { $0.unitKerja == unit.id || menyebut($0.penanggungJawab, unit.jabatan) }
            var goals: [ElemenRencana]
            var budget: [ElemenRencana]
            switch unit.eselon {
            case .ii:
                goals = nodes.filter { $0.tingkat == .sasaranPD }
                if goals.isEmpty { goals = assigned }
                budget = nodes.filter { $0.tingkat == .program }
            default:
                goals = assigned
                budget = assigned.filter(\.tingkat.hasAnggaran)
            }
            let sasaran = lines(goals)
            guard unit.eselon == .ii || !sasaran.isEmpty else { continue }
            let superior: UnitKerja? =
                unit.eselon == .ii ? nil : unit.induk.flatMap { byID[$0] } ?? units.first { $0.eselon == .ii }
            result.append(
                PerjanjianKinerja(
                    tahun: tahun, pemda: data.pemda.nama, perangkatDaerah: pd.nama, tempat: data.pemda.ibukota,
                    eselon: unit.eselon, pertama: pihak(unit), kedua: pihak(superior), sasaran: sasaran,
                    anggaran: money(budget), dasarPerubahan: dasarPerubahan))
        }
        return result
    }

    /// The Pemda's own PK: its head commits to the targets of the RPJMD's sasaran (their IKU where any is marked,
    /// else every indicator with a target of the year); the budget is each PD's total pagu.
    public static func untukPemda(_ indeks: IndeksKinerja, tahun: Int, kepalaDaerah: String = "") -> PerjanjianKinerja {
        let data = indeks.data
        let goals = data.elemen.filter { $0.perangkatDaerah == nil && $0.tingkat == .sasaran }
            .sorted(by: IndeksKinerja.urutanElemen)
        let anyIKU = goals.contains { (indeks.indikatorPerElemen[$0.id] ?? []).contains(where: \.isIKU) }
        var lines: [Sasaran] = []
        var number = 0
        for node in goals {
            var numbered = false
            for indikator in indeks.indikatorPerElemen[node.id] ?? [] where !anyIKU || indikator.isIKU {
                guard let target = targetTeks(indeks, indikator, tahun) else { continue }
                if !numbered { number += 1 }
                numbered = true
                lines.append(Sasaran(nomor: number, uraian: node.uraian, indikator: indikator.nama, target: target))
            }
        }
        let budget = data.perangkatDaerah.sorted { $0.kode < $1.kode }.compactMap { pd -> Anggaran? in
            let values = data.elemen.filter { $0.perangkatDaerah == pd.id && $0.tingkat == .program }
                .compactMap { indeks.pagu($0.id, tahun: tahun) }
            return values.isEmpty ? nil : Anggaran(uraian: pd.nama, pagu: values.sum(), keterangan: "")
        }
        return PerjanjianKinerja(
            tahun: tahun, pemda: data.pemda.nama, perangkatDaerah: data.pemda.nama, tempat: data.pemda.ibukota,
            eselon: .ii,
            pertama: Pihak(nama: kepalaDaerah, jabatan: jabatanKepalaDaerah(data.pemda), pangkat: "", nip: ""),
            kedua: nil, sasaran: lines, anggaran: budget)
    }

    /// Whether a penanggung jawab text names `jabatan` as a whole entry (between the start, the end and the
    /// separators: ";" where the text has one — names may hold commas, "Kabag Fasilitasi, pengawasan &
    /// penganggaran" —, else ","): "Kabag Umum" is not named by "Kabag Umum & Keuangan".
    public static func menyebut(_ teks: String, _ jabatan: String) -> Bool {
        let name = jabatan.lowercased().trimmedSpaces()
        guard !name.isEmpty else { return false }
        let text = teks.lowercased()
        let separators: [String] = text.contains(";") ? [";"] : [",", ";"]
        var start = text.startIndex
        while let range = text.range(of: name, range: start..<text.endIndex) {
            let before = text[text.startIndex..<range.lowerBound].trimmedSpaces()
            let after = text[range.upperBound...].trimmedSpaces()
            let openBefore = before.isEmpty || separators.contains { before.hasSuffix($0) }
            let closeAfter = after.isEmpty || separators.contains { after.hasPrefix($0) }
            if openBefore && closeAfter { return true }
            start = range.upperBound
        }
        return false
    }

    /// The target a PK commits to: the PK's own when there is one, else the year's target by the documents'
    /// priority (Renja Perubahan, Renja, prakiraan maju, Renstra).
    public static func targetTeks(_ indeks: IndeksKinerja, _ indikator: Indikator, _ tahun: Int) -> String? {
        let targets = (indeks.targetPerIndikator[indikator.id] ?? []).filter {
            $0.periode == PeriodeLaporan(tahun: tahun)
        }
        for dokumen in DokumenRencana.prioritasTahunan {
            if let target = targets.first(where: { $0.dokumen == dokumen }) {
                return target.teks.isEmpty ? target.nilai.teks : target.teks
            }
        }
        return nil
    }
}
