import Foundation

/// A fingerprint of the inputs a value was computed from: 128 bits from two hashes of them with different salts
/// (Swift's SipHash, seeded per process). A value computed again after a write can compare its inputs' fingerprint
/// with its previous version's and, when equal, be that version: the figures it shows did not change (a draft
/// realisasi saved in a PD changes no published page of it). Equal inputs always give equal fingerprints (a
/// `Decimal` hashes its exact digits); different inputs give equal ones with a probability of about 2⁻¹²⁸.
/// Only compared within the process that made them.
struct SidikJari: Hashable, Sendable {
    let a: Int
    let b: Int

    init(_ input: some Hashable) {
        var first = Hasher()
        first.combine(0x4B49_4E45)
        first.combine(input)
        var second = Hasher()
        second.combine(0x524A_4131)
        second.combine(input)
        a = first.finalize()
        b = second.finalize()
    }
}
