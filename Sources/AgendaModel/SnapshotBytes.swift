import Foundation

/// The snapshot's byte layer: little-endian numbers, and strings as indices into two tables.
///
/// Long texts (abstracts, descriptions: `text`), made strings only when shown, and the other
/// strings, made when the snapshot is loaded, are kept in two regions, so that loading reads
/// none of the long texts' pages. The payload: the texts' bytes and the strings' bytes (each
/// region's length first), the two tables (a count and each one's length), then the body,
/// which refers to them by index (`SnapshotWriter.none` is nil). Strings shorter than 64 bytes
/// are stored once however often they occur (a room name, not once per session). The texts go
/// straight into the output, which starts with room for the header: they are copied once.
struct SnapshotWriter {
    static let none = UInt32.max

    enum Check { case line, text, none }

    private var out: [UInt8]
    private var body: [UInt8] = []
    private var textLengths: [UInt32] = []
    private var strings: [UInt8] = []
    private var lengths: [UInt32] = []
    private var shared: [String: UInt32] = [:]
    /// A string held what the reader refuses (see `SnapshotText`): nothing is written then.
    private(set) var refused = false
    private let checking: Bool

    /// Texts this long or longer (abstracts, descriptions) are not looked up: they rarely
    /// repeat, and hashing them would cost more than storing them.
    private static let sharedBelow = 64

    init(capacity: Int = 0, checking: Bool = true) {
        self.checking = checking
        out = Array(repeating: 0, count: ScheduleSnapshot.headerSize + 8)
        out.reserveCapacity(capacity)
    }

    mutating func u8(_ value: UInt8) { body.append(value) }

    mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { body.append(contentsOf: $0) } }

    mutating func i64(_ value: Int64) { withUnsafeBytes(of: value.littleEndian) { body.append(contentsOf: $0) } }

    mutating func f64(_ value: Double) { withUnsafeBytes(of: value.bitPattern.littleEndian) { body.append(contentsOf: $0) } }

    mutating func count(_ value: Int) { u32(UInt32(value)) }

    /// `check`: what the reader will require of it (one safe line unless said otherwise).
    mutating func string(_ value: String?, check: Check = .line) {
        guard var value else { return u32(Self.none) }
        if check != .none, checking {
            let safety = value.withUTF8 { SnapshotText.safety($0) }
            if check == .line ? !safety.line : !safety.text { refused = true }
        }
        let count = value.utf8.count
        if count < Self.sharedBelow, let index = shared[value] { return u32(index) }
        let index = UInt32(lengths.count)
        lengths.append(UInt32(count))
        strings.append(contentsOf: value.utf8)
        if count < Self.sharedBelow { shared[value] = index }
        u32(index)
    }

    /// A long text: checked when it is shown (`TextBuffer`), not when loaded.
    mutating func text(_ value: String?) {
        guard let value else { return u32(Self.none) }
        u32(UInt32(textLengths.count))
        textLengths.append(UInt32(value.utf8.count))
        out.append(contentsOf: value.utf8)
    }

    mutating func strings(_ values: [String]) {
        count(values.count)
        for value in values { string(value) }
    }

    /// Room for the header, then the payload; nil when a string was refused. The output is
    /// extended in place and moved out (no closure captures it: a capture would copy it).
    mutating func finish() -> [UInt8]? {
        guard !refused else { return nil }
        let textLength = UInt64(out.count - ScheduleSnapshot.headerSize - 8)
        for k in 0..<8 { out[ScheduleSnapshot.headerSize + k] = UInt8(truncatingIfNeeded: textLength >> (8 * UInt64(k))) }
        out.reserveCapacity(out.count + 8 + strings.count + 8 + (textLengths.count + lengths.count) * 4 + body.count)
        Self.append(UInt32(truncatingIfNeeded: strings.count), to: &out)
        Self.append(UInt32(truncatingIfNeeded: strings.count >> 32), to: &out)
        out.append(contentsOf: strings)
        for table in [textLengths, lengths] {
            Self.append(UInt32(table.count), to: &out)
            for length in table { Self.append(length, to: &out) }
        }
        out.append(contentsOf: body)
        var result: [UInt8] = []
        swap(&result, &out)
        return result
    }

    private static func append(_ value: UInt32, to out: inout [UInt8]) {
        for k in 0..<4 { out.append(UInt8(truncatingIfNeeded: value >> (8 * UInt32(k)))) }
    }
}

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
    /// String `i` is `bytes[starts[i]..<starts[i + 1]]`; text `i` likewise in `textStarts`.
    private var starts: [UInt32] = []
    private var textStarts: [UInt32] = []
    private var made: [String?] = []
    /// Per string, once checked: 1 not UTF-8 or unsafe, 2 safe as multi-line text, 3 also as a line.
    private var checked: [UInt8] = []

    /// Reads both tables; nil when they do not fit the bytes or their regions' lengths.
    init?(_ bytes: UnsafeRawBufferPointer, in buffer: TextBuffer, at base: Int) {
        self.bytes = bytes
        self.buffer = buffer
        self.base = base
        guard bytes.count < Int(UInt32.max), let textLength = i64(), textLength >= 0, textLength <= bytes.count - offset else { return nil }
        let texts = offset..<(offset + Int(textLength))
        offset = texts.upperBound
        guard let stringLength = i64(), stringLength >= 0, stringLength <= bytes.count - offset else { return nil }
        let strings = offset..<(offset + Int(stringLength))
        offset = strings.upperBound
        guard let textStarts = table(texts), let starts = table(strings) else { return nil }
        self.textStarts = textStarts
        self.starts = starts
        made = Array(repeating: nil, count: starts.count - 1)
        checked = Array(repeating: 0, count: starts.count - 1)
    }

    /// A count and that many lengths, which must tile `region` exactly: where each item starts, and the end.
    private mutating func table(_ region: Range<Int>) -> [UInt32]? {
        guard let count = count(minimumSize: 4) else { return nil }
        var starts: [UInt32] = []
        starts.reserveCapacity(count + 1)
        var end = region.lowerBound
        for _ in 0..<count {
            guard let length = u32().map(Int.init), length <= region.upperBound - end else { return nil }
            starts.append(UInt32(end))
            end += length
        }
        guard end == region.upperBound else { return nil }
        starts.append(UInt32(end))
        return starts
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

    /// A finite time.
    mutating func f64() -> Double? {
        guard let bits = i64() else { return nil }
        let value = Double(bitPattern: UInt64(bitPattern: bits))
        return value.isFinite ? value : nil
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
        let i = Int(index)
        guard i < textStarts.count - 1 else { return nil }
        return SessionText(buffer, offset: base + Int(textStarts[i]), length: Int(textStarts[i + 1] - textStarts[i]))
    }

    private mutating func make(_ i: Int, multiline: Bool, unchecked: Bool) -> String? {
        guard i >= 0, i < made.count else { return nil }
        if checked[i] == 0 {
            let raw = UnsafeRawBufferPointer(rebasing: bytes[Int(starts[i])..<Int(starts[i + 1])])
            if let string = String(validating: raw, as: UTF8.self) {
                made[i] = string
                let (line, text) = SnapshotText.safety(raw.assumingMemoryBound(to: UInt8.self))
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

/// The check a snapshot's text must pass to be shown: what the readers' sanitiser lets
/// through. A snapshot is only ever written from sanitised text, so text that fails is
/// damage or forgery, and the whole snapshot is refused.
enum SnapshotText {
    /// (safe as a line, safe as multi-line text), of bytes already known to be UTF-8.
    /// Printable ASCII is passed 8 bytes at a time; other scalars are decoded where they are.
    static func safety(_ bytes: UnsafeBufferPointer<UInt8>) -> (line: Bool, text: Bool) {
        guard let base = bytes.baseAddress else { return (true, true) }
        var newline = false
        var i = 0
        let count = bytes.count
        while i < count {
            if i + 8 <= count {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                // No byte ≥ 0x80, none < 0x20 (adding 0x60 carries into bit 7 from 0x20 up), none 0x7F.
                let high = word & 0x8080_8080_8080_8080
                let lowControl = ~(word &+ 0x6060_6060_6060_6060) & 0x8080_8080_8080_8080
                let del = word ^ 0x7F7F_7F7F_7F7F_7F7F
                let hasDel = (del &- 0x0101_0101_0101_0101) & ~del & 0x8080_8080_8080_8080
                if high == 0, lowControl == 0, hasDel == 0 { i += 8; continue }
            }
            let byte = base[i]
            if byte < 0x80 {
                if byte == 0x0A { newline = true } else if byte < 0x20 || byte == 0x7F { return (false, false) }
                i += 1
                continue
            }
            // A lead byte: its length and value bits (the bytes were validated as UTF-8).
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            guard i + length <= count else { return (false, false) }
            var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for k in 1..<length { value = value << 6 | UInt32(base[i + k] & 0x3F) }
            if let scalar = Unicode.Scalar(value), Sanitizer.isInvisible(scalar) { return (false, false) }
            i += length
        }
        return (!newline, true)
    }
}
