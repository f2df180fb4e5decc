import Foundation

/// A 128-bit fingerprint of a version's bytes, kept in memory so that the next version is
/// compared with what this process parsed and shows, not with a copy someone else may have
/// replaced (a shared cache) or changed (a file edited in place).
///
/// Not cryptographic: whoever can write the schedule can show anything anyway. Two independent
/// 64-bit multiply-rotate lanes over 8-byte words and the length make an accidental equality of
/// two versions negligible, at several GB/s (41 MB in about 20 ms).
public struct ContentDigest: Hashable, Sendable, CustomStringConvertible {
    public let high: UInt64
    public let low: UInt64

    public init(_ bytes: UnsafeRawBufferPointer) {
        self.init(bytes, every: bytes.count) { _ in }
    }

    /// The same digest, calling `done` with each range of about `block` bytes once it has been
    /// read (a mapped snapshot gives those pages back as it goes).
    public init(_ bytes: UnsafeRawBufferPointer, every block: Int, then done: (Range<Int>) -> Void) {
        var a: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        let words = bytes.count / 8
        if let base = bytes.baseAddress {
            let wordsPerBlock = max(1, block / 8)
            var first = 0
            while first < words {
                let end = first + min(wordsPerBlock, words - first)
                for i in first..<end {
                    let word = base.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)
                    a = ((a ^ word) &* 0xFF51_AFD7_ED55_8CCD).rotated(31)
                    b = ((b &+ word) &* 0xC4CE_B9FE_1A85_EC53).rotated(29) ^ a
                }
                done((first * 8)..<(end * 8))
                first = end
            }
            var tail: UInt64 = 0
            for i in (words * 8)..<bytes.count { tail = tail << 8 | UInt64(base.load(fromByteOffset: i, as: UInt8.self)) }
            a = ((a ^ tail) &* 0xFF51_AFD7_ED55_8CCD).rotated(31)
            b = ((b &+ tail) &* 0xC4CE_B9FE_1A85_EC53).rotated(29) ^ a
        }
        high = Self.finish(a)
        low = Self.finish(b ^ high)
    }

    public init<Bytes: ContiguousBytes>(of bytes: Bytes) {
        self = bytes.withUnsafeBytes { ContentDigest($0) }
    }

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// The digest `description` wrote (32 hex digits); nil for anything else.
    public init?(hex text: String) {
        guard text.utf8.count == 32, let high = UInt64(text.prefix(16), radix: 16),
              let low = UInt64(text.suffix(16), radix: 16) else { return nil }
        self.init(high: high, low: low)
    }

    /// 32 hex digits: usable as a file name.
    public var description: String { Self.hex(high) + Self.hex(low) }

    private static func hex(_ value: UInt64) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }

    /// The avalanche step of MurmurHash3: every input bit moves every output bit.
    private static func finish(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33; x = x &* 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33; x = x &* 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return x
    }
}

private extension UInt64 {
    func rotated(_ n: UInt64) -> UInt64 { self << n | self >> (64 - n) }
}
