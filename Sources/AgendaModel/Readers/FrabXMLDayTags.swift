import Foundation
import Glibc

/// Where each `<day>` element of a frab XML file starts and the date it states, found one after
/// the other by a byte search over the file read in blocks (no copy of the file is kept), so
/// that finding an early day does not read the whole file.
///
/// A search, not a parse: a `<day` inside a comment or a CDATA section is taken for a tag. What
/// uses it (`FrabXMLReadAhead`) only shows a first screen that the whole file's read replaces.
struct FrabXMLDayTags {
    struct Tag: Equatable {
        var offset: Int
        /// The `date` attribute (year, month, day), when it holds one.
        var date: DateComponents?
    }

    static let block = 1 << 20
    /// A start tag longer than this is not a `<day>` tag this search reads.
    static let longestTag = 1024

    private let descriptor: Int32
    /// The file's length when it was looked at: the search stops there, should the file grow.
    private let size: Int
    private var buffer = [UInt8](repeating: 0, count: block)
    /// File offset of the next block to read; nil at the end of the file (or after a failed read).
    private var position: Int? = 0
    private var pending: [Tag] = []
    private var nextPending = 0

    init(descriptor: Int32, size: Int) {
        self.descriptor = descriptor
        self.size = size
    }

    /// The next tag in the file; nil at its end, or when it cannot be read.
    mutating func next() -> Tag? {
        while nextPending == pending.count {
            guard let at = position, at < size else { return nil }
            let want = min(Self.block, size - at)
            let got = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress!, want, off_t(at)) }
            if got < 0, errno == EINTR { continue }
            guard got >= 0 else { position = nil; return nil }
            let last = got < Self.block || at + got >= size
            let (found, resume) = buffer.withUnsafeBytes { Self.search(UnsafeRawBufferPointer(rebasing: $0[..<got]), at: at, last: last) }
            pending = found
            nextPending = 0
            position = last ? nil : resume
        }
        defer { nextPending += 1 }
        return pending[nextPending]
    }

    /// Tags whose start lies in `bytes` (at file offset `position`), and where the next block
    /// must start so that a tag cut by this block's end is read whole next time.
    static func search(_ bytes: UnsafeRawBufferPointer, at position: Int, last: Bool) -> ([Tag], next: Int) {
        var found: [Tag] = []
        var from = 0
        while let at = index(of: "<day", in: bytes, from: from) {
            let after = at + 4
            guard after < bytes.count else { return (found, last ? position + bytes.count : position + at) }
            let next = bytes[after]
            guard next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D || next == UInt8(ascii: ">") || next == UInt8(ascii: "/") else {
                from = after
                continue
            }
            let limit = min(bytes.count, at + longestTag)
            guard let close = bytes[after..<limit].firstIndex(of: UInt8(ascii: ">")) else {
                // Cut by the block's end: read again from here (a tag longer than that is skipped).
                if limit == bytes.count, !last, at > 0 { return (found, position + at) }
                from = after
                continue
            }
            found.append(Tag(offset: position + at, date: date(in: UnsafeRawBufferPointer(rebasing: bytes[after..<close]))))
            from = close
        }
        // Keep the last few bytes: "<da" at the end is finished in the next block.
        return (found, position + max(from, bytes.count - 4))
    }

    /// Where `needle` first occurs in `bytes` at or after `from`: memchr finds each of its
    /// first byte (glibc's memmem, for a needle this short, is slower).
    static func index(of needle: StaticString, in bytes: UnsafeRawBufferPointer, from: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let pattern = UnsafeRawBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        var at = from
        while at + pattern.count <= bytes.count {
            guard let hit = memchr(base + at, Int32(pattern[0]), bytes.count - pattern.count + 1 - at) else { return nil }
            at = UnsafeRawPointer(hit) - base
            if memcmp(base + at, pattern.baseAddress!, pattern.count) == 0 { return at }
            at += 1
        }
        return nil
    }

    /// `date="YYYY-MM-DD…"` among a tag's attributes.
    static func date(in attributes: UnsafeRawBufferPointer) -> DateComponents? {
        var from = 0
        while let at = index(of: "date", in: attributes, from: from) {
            from = at + 4
            // Not the end of another name ("update="), and followed by = and a quote.
            if at > 0, !(attributes[at - 1] == 0x20 || attributes[at - 1] == 0x09 || attributes[at - 1] == 0x0A || attributes[at - 1] == 0x0D) { continue }
            var i = from
            while i < attributes.count, attributes[i] == 0x20 { i += 1 }
            guard i < attributes.count, attributes[i] == UInt8(ascii: "=") else { continue }
            i += 1
            while i < attributes.count, attributes[i] == 0x20 { i += 1 }
            guard i < attributes.count, attributes[i] == UInt8(ascii: "\"") || attributes[i] == UInt8(ascii: "'") else { continue }
            let value = attributes[(i + 1)..<min(attributes.count, i + 11)]
            guard value.count == 10, let text = String(bytes: value, encoding: .utf8),
                  case .date(let year, let month, let day)? = DaySpec(text) else { return nil }
            return DateComponents(year: year, month: month, day: day)
        }
        return nil
    }
}
