import Foundation

/// A fingerprint of the inputs a value was computed from: 64 bits of one hash of them (Swift's SipHash, seeded per
/// process). A value computed again after a write can compare its inputs' fingerprint with its previous version's
/// and, when equal, be that version: the figures it shows did not change (a draft realisasi saved in a PD changes no
/// published page of it). Equal inputs always give equal fingerprints (a `Decimal` hashes its exact digits);
/// different inputs give equal ones with a probability of about 2⁻⁶⁴ per comparison, and a fingerprint is only
/// compared with its own page's previous version, within the process that made both.
///
/// One hash, not two with different salts (128 bits, until session 15): hashing a dashboard part's data twice was a
/// sixth of computing the part (perf on `kinerja bench --bagian halaman`).
struct SidikJari: Hashable, Sendable {
    let nilai: Int

    init(_ input: some Hashable) {
        var hasher = Hasher()
        hasher.combine(0x4B49_4E45)
        hasher.combine(input)
        nilai = hasher.finalize()
    }
}
