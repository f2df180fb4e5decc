import Foundation
import Synchronization

/// Case- and diacritic-insensitive text for search: "Café Ünïcode" and "cafe unicode" fold alike.
///
/// Folding works scalar by scalar (ASCII and CJK ideographs through fast paths, other scalars
/// through a cache of their canonical decomposition minus combining marks, lowercased), so an
/// offset in the folded bytes can be traced back to the scalar it came from, for highlighting.
/// The cache is the process's: highlighting a frame never decomposes a letter seen before.
public struct SearchFolding: Sendable {
    private static let cache = Mutex<[UInt32: [UInt8]]>([:])

    public init() {}

    /// The folded UTF-8 bytes of one scalar.
    public mutating func fold(_ scalar: Unicode.Scalar) -> [UInt8] {
        let value = scalar.value
        if value < 0x80 {
            let byte = UInt8(value)
            return [(byte >= 65 && byte <= 90) ? byte + 32 : byte]
        }
        // CJK ideographs fold to themselves: a Chinese text costs no look-up per character.
        if Self.isUnifiedIdeograph(value) { return Array(String(scalar).utf8) }
        if let cached = Self.cache.withLock({ $0[value] }) { return cached }
        let folded = Self.decomposedAndLowered(scalar)
        Self.cache.withLock { $0[value] = folded }
        return folded
    }

    /// CJK Unified Ideographs and Extension A: no decomposition, no case.
    @inline(__always)
    static func isUnifiedIdeograph(_ value: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value)
    }

    /// Canonical decomposition without combining marks, lower-cased.
    static func decomposedAndLowered(_ scalar: Unicode.Scalar) -> [UInt8] {
        var folded: [UInt8] = []
        for part in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
        where part.properties.generalCategory != .nonspacingMark {
            folded.append(contentsOf: part.properties.lowercaseMapping.utf8)
        }
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

    /// Where the words of `query` occur in `text` at word starts (anywhere for CJK), as
    /// ascending, non-overlapping ranges of scalar offsets into `text` (for highlighting).
    public mutating func matches(of query: [UInt8], in text: String) -> [Range<Int>] {
        matches(ofWords: WordStart.words(of: query), in: text)
    }

    /// `matches(of:in:)` for a query already split into its words (`WordStart.words`), as a
    /// frame that highlights many texts splits it once. ASCII text (most titles and names) is
    /// folded into scratch memory: a text without the words costs no allocation.
    public mutating func matches(ofWords words: [[UInt8]], in text: String) -> [Range<Int>] {
        guard !words.isEmpty, !text.isEmpty else { return [] }
        var text = text
        let ascii: [Range<Int>]? = text.withUTF8 { utf8 in
            guard !utf8.contains(where: { $0 >= 0x80 }) else { return nil }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: utf8.count) { folded in
                for (i, byte) in utf8.enumerated() { folded[i] = byte >= 65 && byte <= 90 ? byte + 32 : byte }
                return Self.find(words, in: UnsafeBufferPointer(folded), owner: nil)
            }
        }
        if let ascii { return ascii }
        var folded: [UInt8] = []
        var owner: [Int] = []  // for each folded byte, the scalar offset it came from
        folded.reserveCapacity(text.utf8.count)
        owner.reserveCapacity(text.utf8.count)
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            if scalar.value < 0x80 {
                let byte = UInt8(scalar.value)
                folded.append(byte >= 65 && byte <= 90 ? byte + 32 : byte)
                owner.append(offset)
            } else {
                let bytes = fold(scalar)
                folded.append(contentsOf: bytes)
                owner.append(contentsOf: repeatElement(offset, count: bytes.count))
            }
        }
        return folded.withUnsafeBufferPointer { Self.find(words, in: $0, owner: owner) }
    }

    /// The ranges of `words` in folded bytes: byte offsets, or through `owner` scalar offsets.
    private static func find(_ words: [[UInt8]], in folded: UnsafeBufferPointer<UInt8>, owner: [Int]?) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        for word in words {
            let anywhere = !WordStart.needsWordStart(word)
            word.withUnsafeBufferPointer { word in
                var start = 0
                while let hit = ByteSearch.firstIndex(of: word, in: folded, from: start, to: folded.count) {
                    start = hit + 1
                    guard anywhere || WordStart.isWordStart(folded, at: hit, from: 0) else { continue }
                    let end = hit + word.count
                    ranges.append(owner.map { $0[hit]..<($0[end - 1] + 1) } ?? hit..<end)
                    start = end
                }
            }
        }
        // One word's ranges are ascending and apart already; several words may interleave.
        guard words.count > 1, ranges.count > 1 else { return ranges }
        ranges.sort { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int>] = []
        for range in ranges {
            if let last = merged.last, range.lowerBound < last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
    }
}

/// Searches match at the start of a word ("rust" finds "Rustaceans", not "trust"), except
/// for scripts written without spaces (Chinese, Japanese, Korean), which match anywhere.
/// Works on folded UTF-8 bytes, so checking a hit costs a byte or two.
public enum WordStart {
    /// The space-separated words of a folded query.
    public static func words(of query: [UInt8]) -> [[UInt8]] {
        query.split(separator: 0x20).map(Array.init)
    }

    /// Whether a word starting with this byte must sit at a word start: a letter or digit of
    /// an alphabetic script. CJK (lead bytes E3 on), symbols and punctuation match anywhere.
    public static func needsWordStart(_ word: [UInt8]) -> Bool {
        guard let first = word.first else { return false }
        if first < 0x80 { return isASCIIWordByte(first) }
        return first >= 0xC3 && first <= 0xE1
    }

    /// Whether `bytes[position]` begins a word: the text (from `start`) begins there, or what
    /// precedes is neither an ASCII letter or digit nor a letter of an alphabetic script.
    @inline(__always)
    public static func isWordStart(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int, from start: Int) -> Bool {
        guard position > start else { return true }
        let previous = bytes[position - 1]
        if previous < 0x80 { return !isASCIIWordByte(previous) }
        // The lead byte of the scalar before: Latin, Greek, Cyrillic… (C3–E1) continue a word;
        // Latin-1 punctuation (C2), general punctuation, symbols and CJK (E2 on) end one.
        var lead = position - 1
        while lead > start, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
        let byte = bytes[lead]
        return byte == 0xC2 || byte >= 0xE2
    }

    public static func isWordStart(_ bytes: [UInt8], at position: Int, from start: Int) -> Bool {
        bytes.withUnsafeBufferPointer { isWordStart($0, at: position, from: start) }
    }

    /// A lead byte of a scalar that continues a word: Latin, Greek, Cyrillic… (C3–E1).
    @inline(__always)
    static func isWordLead(_ byte: UInt8) -> Bool { byte >= 0xC3 && byte <= 0xE1 }

    /// Whether a folded query is made only of word scalars (letters and digits of alphabetic
    /// scripts): then it matches exactly where a word begins with it (`VocabularyBuilder`).
    static func isWordOnly(_ query: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !query.isEmpty else { return false }
        var scalarIsWord = false
        for byte in query {
            if byte < 0x80 {
                guard isASCIIWordByte(byte) else { return false }
            } else if byte & 0xC0 == 0x80 {
                guard scalarIsWord else { return false }
            } else {
                scalarIsWord = isWordLead(byte)
                guard scalarIsWord else { return false }
            }
        }
        return query.first! & 0xC0 != 0x80
    }

    @inline(__always)
    static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
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
