import Foundation

/// The snapshot's byte layer: little-endian numbers, and strings as indices into one table.
///
/// Strings are written once each into a table (short ones shared: a room name is stored once,
/// not once per session) and referred to by index; `SnapshotBytes.none` is a nil string.
struct SnapshotWriter {
    static let none = UInt32.max

    private(set) var body: [UInt8] = []
    private var lengths: [UInt32] = []
    private var text: [UInt8] = []
    private var shared: [String: UInt32] = [:]

    /// Texts this long or longer (abstracts, descriptions) are not looked up: they rarely
    /// repeat, and hashing them would cost more than storing them.
    private static let sharedBelow = 64

    mutating func u8(_ value: UInt8) { body.append(value) }

    mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { body.append(contentsOf: $0) } }

    mutating func i64(_ value: Int64) { withUnsafeBytes(of: value.littleEndian) { body.append(contentsOf: $0) } }

    mutating func f64(_ value: Double) { withUnsafeBytes(of: value.bitPattern.littleEndian) { body.append(contentsOf: $0) } }

    mutating func count(_ value: Int) { u32(UInt32(value)) }

    mutating func string(_ value: String?) {
        guard let value else { return u32(Self.none) }
        let bytes = value.utf8
        if bytes.count < Self.sharedBelow, let index = shared[value] { return u32(index) }
        let index = UInt32(lengths.count)
        lengths.append(UInt32(bytes.count))
        text.append(contentsOf: bytes)
        if bytes.count < Self.sharedBelow { shared[value] = index }
        u32(index)
    }

    mutating func strings(_ values: [String]) {
        count(values.count)
        for value in values { string(value) }
    }

    /// The string table (count, lengths, bytes), then the body.
    func payload() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4 + lengths.count * 4 + text.count + body.count)
        withUnsafeBytes(of: UInt32(lengths.count).littleEndian) { out.append(contentsOf: $0) }
        for length in lengths { withUnsafeBytes(of: length.littleEndian) { out.append(contentsOf: $0) } }
        out.append(contentsOf: text)
        out.append(contentsOf: body)
        return out
    }
}

/// Reads what `SnapshotWriter` wrote. Every read is bounds-checked and every string index and
/// count validated: a damaged payload ends in `nil`, never in a trap or a huge allocation.
struct SnapshotReader {
    private let bytes: UnsafeRawBufferPointer
    private var offset = 0
    private var table: [String] = []
    /// Per string: whether it is safe on one line, and safe as multi-line text.
    private var safeLine: [Bool] = []
    private var safeText: [Bool] = []

    /// Reads the string table; nil when it does not fit the bytes or is not UTF-8.
    init?(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        guard let count = count(minimumSize: 4) else { return nil }
        var lengths: [Int] = []
        lengths.reserveCapacity(count)
        for _ in 0..<count {
            guard let length = u32() else { return nil }
            lengths.append(Int(length))
        }
        table.reserveCapacity(count)
        safeLine.reserveCapacity(count)
        safeText.reserveCapacity(count)
        for length in lengths {
            guard length <= bytes.count - offset else { return nil }
            let slice = UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + length)])
            guard let string = String(validating: slice, as: UTF8.self) else { return nil }
            let (line, text) = SnapshotText.safety(slice.assumingMemoryBound(to: UInt8.self), string)
            table.append(string)
            safeLine.append(line)
            safeText.append(text)
            offset += length
        }
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
        let i = Int(index)
        guard i < table.count, multiline ? safeText[i] : safeLine[i] else { return nil }
        return .some(table[i])
    }

    /// A string that must be there.
    mutating func string(multiline: Bool = false, unchecked: Bool = false) -> String? {
        guard let index = u32().map(Int.init), index < table.count else { return nil }
        guard unchecked || (multiline ? safeText[index] : safeLine[index]) else { return nil }
        return table[index]
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
    /// (safe as a line, safe as multi-line text). Printable ASCII is checked 8 bytes at a time.
    static func safety(_ bytes: UnsafeBufferPointer<UInt8>, _ string: String) -> (line: Bool, text: Bool) {
        var newline = false
        var i = 0
        let count = bytes.count
        var ascii = true
        while i < count {
            if i + 8 <= count, let base = bytes.baseAddress {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                // No byte ≥ 0x80, none < 0x20 (adding 0x60 carries into bit 7 from 0x20 up), none 0x7F.
                let high = word & 0x8080_8080_8080_8080
                let lowControl = ~(word &+ 0x6060_6060_6060_6060) & 0x8080_8080_8080_8080
                let del = (word ^ 0x7F7F_7F7F_7F7F_7F7F)
                let hasDel = (del &- 0x0101_0101_0101_0101) & ~del & 0x8080_8080_8080_8080
                if high == 0, lowControl == 0, hasDel == 0 { i += 8; continue }
            }
            let byte = bytes[i]
            if byte == 0x0A { newline = true }
            else if byte >= 0x80 { ascii = false }
            else if byte < 0x20 || byte == 0x7F { return (false, false) }
            i += 1
        }
        if !ascii {
            for scalar in string.unicodeScalars where scalar.value >= 0x80 {
                if Sanitizer.isInvisible(scalar) { return (false, false) }
            }
        }
        return (!newline, true)
    }
}
