import Foundation

/// Reads what `SnapshotWriter` wrote. Every read is bounds-checked and every string index and
/// count validated: a damaged payload ends in `nil`, never in a trap or a huge allocation.
/// Strings are made when first asked for, and long texts (`text`) not at all: they stay bytes
/// of `buffer` until shown.
struct SnapshotReader {
    private let bytes: UnsafeRawBufferPointer
    private let buffer: TextBuffer
    /// Where `bytes` starts in `buffer`.
    private let base: Int
    private var offset = 0
    /// String `i` is item `i` of `stringTable`; long text `i` likewise of `textTable`.
    private var stringTable = Table()
    private var textTable = Table()
    /// Where the body starts, after the tables.
    private var bodyStart = 0
    private var made: [String?] = []
    /// Per string, once checked: 1 not UTF-8 or unsafe, 2 safe as multi-line text, 3 also as a line.
    private var checked: [UInt8] = []

    /// A region of bytes, and a table of where each of its items ends.
    private struct Table {
        var region = 0..<0
        var ends = 0
        var count = 0
    }

    /// Reads both tables' places; nil when they do not fit the bytes or their regions' lengths.
    init?(_ bytes: UnsafeRawBufferPointer, in buffer: TextBuffer, at base: Int) {
        self.bytes = bytes
        self.buffer = buffer
        self.base = base
        guard bytes.count < Int(UInt32.max), let textLength = i64(), textLength >= 0, textLength <= bytes.count - offset else { return nil }
        let textRegion = offset..<(offset + Int(textLength))
        offset = textRegion.upperBound
        guard let stringLength = i64(), stringLength >= 0, stringLength <= bytes.count - offset else { return nil }
        let stringRegion = offset..<(offset + Int(stringLength))
        offset = stringRegion.upperBound
        guard let texts = table(textRegion), let strings = table(stringRegion) else { return nil }
        textTable = texts
        stringTable = strings
        bodyStart = offset
        made = Array(repeating: nil, count: strings.count)
        checked = Array(repeating: 0, count: strings.count)
    }

    /// A count and that many ends, the last of which must be the region's length. Each item is
    /// checked when it is read (`item`): nothing is done here per item.
    private mutating func table(_ region: Range<Int>) -> Table? {
        guard let count = count(minimumSize: 4) else { return nil }
        let table = Table(region: region, ends: offset, count: count)
        offset += 4 * count
        let last = count == 0 ? 0 : Int(word(at: table.ends + 4 * (count - 1)))
        guard last == region.count else { return nil }
        return table
    }

    /// Item `i`'s bytes, nil when there is no such item or it does not lie within its region.
    private func item(_ i: Int, of table: Table) -> Range<Int>? {
        guard i >= 0, i < table.count else { return nil }
        let start = i == 0 ? 0 : Int(word(at: table.ends + 4 * (i - 1)))
        let end = Int(word(at: table.ends + 4 * i))
        guard start <= end, end <= table.region.count else { return nil }
        return (table.region.lowerBound + start)..<(table.region.lowerBound + end)
    }

    private func word(at position: Int) -> UInt32 {
        UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt32.self))
    }

    /// Where the next read is, from the start of the body (what `SnapshotWriter.bodyPosition` was).
    var bodyPosition: Int { offset - bodyStart }

    /// Reads on from `position` of the body (a place the writer recorded); nil when outside it.
    mutating func seek(body position: Int) -> Bool {
        guard position >= 0, position <= bytes.count - bodyStart else { return false }
        offset = bodyStart + position
        return true
    }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func u8() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func u32() -> UInt32? {
        guard bytes.count - offset >= 4 else { return nil }
        defer { offset += 4 }
        return UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    mutating func i64() -> Int64? {
        guard bytes.count - offset >= 8 else { return nil }
        defer { offset += 8 }
        return Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: Int64.self))
    }

    /// A time in the years a snapshot may hold (`SnapshotBounds.times`), in seconds since the
    /// reference date: anything else (1e300, NaN, an infinity) would trap made whole seconds.
    mutating func time() -> Double? {
        guard let bits = i64() else { return nil }
        let value = Double(bitPattern: UInt64(bitPattern: bits))
        return SnapshotBounds.times.contains(value) ? value : nil
    }

    /// A count of items each at least `minimumSize` bytes long: more than the rest of the
    /// payload can hold is damage (and must not size an allocation).
    mutating func count(minimumSize: Int) -> Int? {
        guard let value = u32().map(Int.init), value <= (bytes.count - offset) / max(1, minimumSize) else { return nil }
        return value
    }

    /// A string that may be nil; `multiline` allows line feeds, else one safe line.
    mutating func optional(multiline: Bool = false) -> String?? {
        guard let index = u32() else { return nil }
        if index == SnapshotWriter.none { return .some(nil) }
        guard let value = make(Int(index), multiline: multiline, unchecked: false) else { return nil }
        return .some(value)
    }

    /// A string that must be there.
    mutating func string(multiline: Bool = false, unchecked: Bool = false) -> String? {
        guard let index = u32() else { return nil }
        return make(Int(index), multiline: multiline, unchecked: unchecked)
    }

    /// A long text that may be nil, left as bytes (checked when it is made: `TextBuffer`).
    mutating func text() -> SessionText? {
        guard let index = u32() else { return nil }
        if index == SnapshotWriter.none { return SessionText(nil) }
        guard let range = item(Int(index), of: textTable) else { return nil }
        return SessionText(buffer, offset: base + range.lowerBound, length: range.count)
    }

    private mutating func make(_ i: Int, multiline: Bool, unchecked: Bool) -> String? {
        guard i >= 0, i < made.count else { return nil }
        if checked[i] == 0 {
            guard let range = item(i, of: stringTable) else { return nil }
            let raw = UnsafeRawBufferPointer(rebasing: bytes[range])
            if let string = String(validating: raw, as: UTF8.self) {
                made[i] = string
                let (line, text) = SnapshotTextCheck.safety(raw.assumingMemoryBound(to: UInt8.self))
                checked[i] = line ? 3 : text ? 2 : 1
            } else {
                return nil   // not UTF-8: damage, whatever the field
            }
        }
        guard unchecked || checked[i] >= (multiline ? 2 : 3) else { return nil }
        return made[i]
    }

    mutating func strings() -> [String]? {
        guard let count = count(minimumSize: 4) else { return nil }
        var out: [String] = []
        out.reserveCapacity(count)
        for _ in 0..<count {
            guard let value = string() else { return nil }
            out.append(value)
        }
        return out
    }
}
