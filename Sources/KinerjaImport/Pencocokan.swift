import Foundation
import KinerjaDomain

/// A row of an official table printed without any kode (numbered `I.`, `A`, `1.2`, or not at all), matched to one
/// of the PD's stored program, kegiatan and sub kegiatan by its name and its position; listed in the preview with
/// how sure the match is.
public struct Pencocokan: Sendable, Codable, Hashable {
    public var lembar: String
    public var baris: Int
    /// The row as printed: its number and uraian.
    public var tercetak: String
    /// The stored element it was matched to (kode and uraian).
    public var elemen: String
    /// 0-100.
    public var keyakinan: Int
    /// Why: "nama sama, letak sesuai", "nama mirip 86 %, letak berbeda".
    public var dasar: String

    public var description: String {
        "lembar \(lembar) baris \(baris) \"\(tercetak)\" → \(elemen) (keyakinan \(keyakinan) %: \(dasar))"
    }
}

/// Matches rows without kode to the stored plan. The name counts most (the words of the uraian, without the level
/// word "Program"/"Kegiatan" and punctuation); the position decides between equal names: a kegiatan or sub
/// kegiatan is expected under the element matched last or one of its ancestors. A row that matches nothing, or
/// two elements equally well, is an error naming the row and is not imported.
enum Pencocok {
    /// Below this a name is not the same element.
    static let batas = 60
    /// Matches below this are also listed as warnings, to be looked at before applying.
    static let batasPeringatan = 90

    static func kata(_ text: String) -> [String] {
        let folded = text.lowercased().folding(options: .diacriticInsensitive, locale: Locale(identifier: "id_ID"))
        var words = folded.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        while let first = words.first, ["program", "kegiatan", "sub", "subkegiatan"].contains(first) {
            words.removeFirst()
        }
        return words
    }

    /// Dice coefficient of the two word sets.
    static func kemiripan(_ a: Set<String>, _ b: Set<String>) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        return 2 * Double(a.intersection(b).count) / Double(a.count + b.count)
    }

    static func cocokkan(
        rencana: inout [RencanaBaris], realisasi: inout [RealisasiBaris], data: DataKinerja, pd: PerangkatDaerah
    ) -> (cocok: [Pencocokan], temuan: [Temuan]) {
        guard rencana.contains(where: \.tanpaKode) else { return ([], []) }
        let nodes = data.elemen.filter { $0.perangkatDaerah == pd.id && $0.kode != nil && $0.tingkat.hasAnggaran }
            .sorted { ($0.kode!.normal, $0.urutan) < ($1.kode!.normal, $1.urutan) }
        let byID = Dictionary(nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let words = nodes.map { Set(kata($0.uraian)) }
        var byWords: [[String]: [Int]] = [:]
        for (index, node) in nodes.enumerated() { byWords[kata(node.uraian), default: []].append(index) }
        var matches: [Pencocokan] = []
        var findings: [Temuan] = []
        var used: Set<Int> = []
        var last: ElemenRencana?
        var previous: (lembar: String, uraian: String, nomor: String, node: ElemenRencana?)?
        var matchedRow: [String: ElemenRencana] = [:]
        var dropped: Set<String> = []
        var kept: [RencanaBaris] = []
        for var row in rencana {
            guard row.tanpaKode else {
                kept.append(row)
                continue
            }
            let key = "\(row.lembar)|\(row.nomor)"
            // Another indicator row of the element just matched.
            if let previous, previous.lembar == row.lembar, previous.uraian == row.uraian,
                previous.nomor == row.nomorTercetak
            {
                guard let node = previous.node else {
                    dropped.insert(key)
                    continue
                }
                matchedRow[key] = node
                kept.append(Self.apply(node, to: row))
                continue
            }
            let printed = (row.nomorTercetak.isEmpty ? "" : row.nomorTercetak + " ") + row.uraian
            // The ancestors of the element matched last: where a kegiatan or sub kegiatan is expected.
            var chain: Set<TypedID<ElemenRencana>> = []
            var cursor = last
            while let node = cursor {
                chain.insert(node.id)
                cursor = node.induk.flatMap { byID[$0] }
            }
            func placed(_ node: ElemenRencana) -> Bool {
                node.tingkat == .program || node.induk.map(chain.contains) == true
            }
            let own = kata(row.uraian)
            let ownSet = Set(own)
            // Exact names first (a dictionary lookup); a similar name only when no exact one exists.
            var scored: [(index: Int, score: Double, exact: Bool)] = []
            if let exact = byWords[own] {
                scored = exact.map { ($0, 1, true) }
            } else {
                for (index, candidate) in words.enumerated() {
                    let similarity = kemiripan(ownSet, candidate)
                    if similarity >= Double(batas) / 100 - 0.15 { scored.append((index, similarity, false)) }
                }
            }
            func rank(_ item: (index: Int, score: Double, exact: Bool)) -> Double {
                item.score + (placed(nodes[item.index]) ? 0.2 : 0) - (used.contains(item.index) ? 0.05 : 0)
            }
            scored.sort { rank($0) > rank($1) }
            var confidence = 0
            var reason = ""
            if let best = scored.first {
                let node = nodes[best.index]
                let inPlace = placed(node)
                if best.exact {
                    confidence = inPlace ? 100 : 85
                    reason = inPlace ? "nama sama, letak sesuai" : "nama sama, letak di bawah induk lain"
                } else {
                    let percent = Int((best.score * 100).rounded())
                    confidence = percent - (inPlace ? 0 : 15)
                    reason = "nama mirip \(percent) %" + (inPlace ? ", letak sesuai" : ", letak berbeda")
                }
                if scored.count > 1, abs(rank(scored[1]) - rank(best)) < 0.000_001, confidence >= batas {
                    findings.append(
                        Temuan(
                            .galat, .tidakDitemukan, lembar: row.lembar, baris: row.nomor, kolom: "uraian",
                            pesan:
                                "\"\(printed)\" cocok sama baiknya dengan \(node.label) dan \(nodes[scored[1].index].label); "
                                + "tulis kodenya pada baris ini."))
                    previous = (row.lembar, row.uraian, row.nomorTercetak, nil)
                    dropped.insert(key)
                    continue
                }
            }
            guard confidence >= batas, let best = scored.first else {
                findings.append(
                    Temuan(
                        .galat, .tidakDitemukan, lembar: row.lembar, baris: row.nomor, kolom: "uraian",
                        pesan: nodes.isEmpty
                            ? "\"\(printed)\" tanpa kode, dan PD ini belum mempunyai program/kegiatan tersimpan untuk "
                                + "dicocokkan: impor dahulu Renja atau Renstra yang berkode, atau tulis kodenya."
                            : "\"\(printed)\" tanpa kode tidak cocok dengan program, kegiatan atau sub kegiatan "
                                + "tersimpan PD ini; tulis kodenya pada baris ini."))
                previous = (row.lembar, row.uraian, row.nomorTercetak, nil)
                dropped.insert(key)
                continue
            }
            let node = nodes[best.index]
            used.insert(best.index)
            last = node
            previous = (row.lembar, row.uraian, row.nomorTercetak, node)
            matchedRow[key] = node
            let match = Pencocokan(
                lembar: row.lembar, baris: row.nomor, tercetak: printed, elemen: node.label, keyakinan: confidence,
                dasar: reason)
            matches.append(match)
            if confidence < batasPeringatan {
                findings.append(
                    Temuan(
                        .peringatan, .tidakDitemukan, lembar: row.lembar, baris: row.nomor, kolom: "uraian",
                        pesan:
                            "Baris tanpa kode dicocokkan dengan \(node.label) (keyakinan \(confidence) %: \(reason)); "
                            + "periksa sebelum menerapkan."))
            }
            row = Self.apply(node, to: row)
            kept.append(row)
        }
        rencana = kept
        realisasi = realisasi.compactMap { item in
            let key = "\(item.lembar)|\(item.nomor)"
            if dropped.contains(key) { return nil }
            guard item.kode == nil, let node = matchedRow[key] else { return item }
            var result = item
            result.kode = node.kode
            result.uraian = node.uraian
            return result
        }
        return (matches, findings)
    }

    /// The row as if it had been printed with the element's kode and stored uraian.
    static func apply(_ node: ElemenRencana, to row: RencanaBaris) -> RencanaBaris {
        var result = row
        result.kode = node.kode
        result.tingkat = node.tingkat
        result.uraian = node.uraian
        return result
    }
}
