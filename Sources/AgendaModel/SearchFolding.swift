import Foundation

/// Case- and diacritic-insensitive text for search: "Café Ünïcode" and "cafe unicode" fold alike.
///
/// Folding works scalar by scalar (ASCII through a fast path, other scalars through a cache of
/// their canonical decomposition minus combining marks, lowercased), so an offset in the folded
/// bytes can be traced back to the scalar it came from, for highlighting.
public struct SearchFolding: Sendable {
    private var cache: [UInt32: [UInt8]] = [:]

    public init() {}

    /// The folded UTF-8 bytes of one scalar.
    public mutating func fold(_ scalar: Unicode.Scalar) -> [UInt8] {
        let value = scalar.value
        if value < 0x80 {
            let byte = UInt8(value)
            return [(byte >= 65 && byte <= 90) ? byte + 32 : byte]
        }
        if let cached = cache[value] { return cached }
        var folded: [UInt8] = []
        for part in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
        where part.properties.generalCategory != .nonspacingMark {
            folded.append(contentsOf: part.properties.lowercaseMapping.utf8)
        }
        cache[value] = folded
        return folded
    }

    /// Appends the folded form of `text` to `bytes`.
    public mutating func append(_ text: String, to bytes: inout [UInt8]) {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                let byte = UInt8(value)
                bytes.append((byte >= 65 && byte <= 90) ? byte + 32 : byte)
            } else {
                bytes.append(contentsOf: fold(scalar))
            }
        }
    }

    public mutating func fold(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        append(text, to: &bytes)
        return bytes
    }

    /// Where `query` occurs in `text`, as ranges of scalar offsets into `text` (for highlighting).
    public mutating func matches(of query: [UInt8], in text: String) -> [Range<Int>] {
        guard !query.isEmpty else { return [] }
        // ASCII text (most titles): folded byte i is scalar i, no table needed.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            let folded = text.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
            var ranges: [Range<Int>] = []
            var start = 0
            while let hit = ByteSearch.firstIndex(of: query, in: folded, from: start) {
                ranges.append(hit..<(hit + query.count))
                start = hit + query.count
            }
            return ranges
        }
        var folded: [UInt8] = []
        var owner: [Int] = []  // for each folded byte, the scalar offset it came from
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            if scalar.value < 0x80 {
                let byte = UInt8(scalar.value)
                folded.append((byte >= 65 && byte <= 90) ? byte + 32 : byte)
                owner.append(offset)
                continue
            }
            let bytes = fold(scalar)
            folded.append(contentsOf: bytes)
            owner.append(contentsOf: repeatElement(offset, count: bytes.count))
        }
        var ranges: [Range<Int>] = []
        var start = 0
        while let hit = ByteSearch.firstIndex(of: query, in: folded, from: start) {
            let end = hit + query.count
            ranges.append(owner[hit]..<(owner[end - 1] + 1))
            start = end
        }
        return ranges
    }
}

/// Substring search over bytes: memchr finds candidates for the first byte, then a compare.
enum ByteSearch {
    static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int, to end: Int? = nil) -> Int? {
        haystack.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pin in firstIndex(of: pin, in: hay, from: start, to: end ?? hay.count) }
        }
    }

    static func firstIndex(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>,
                           from start: Int, to end: Int) -> Int? {
        guard let first = needle.first, end - start >= needle.count,
              let base = haystack.baseAddress, let pinBase = needle.baseAddress else { return nil }
        var position = start
        let last = end - needle.count
        while position <= last {
            guard let found = memchr(base + position, Int32(first), last - position + 1) else { return nil }
            let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + index, pinBase, needle.count) == 0 { return index }
            position = index + 1
        }
        return nil
    }
}
