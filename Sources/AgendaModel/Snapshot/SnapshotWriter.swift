import Foundation

/// The snapshot's byte layer: little-endian numbers, and strings as indices into two tables.
///
/// Long texts (abstracts, descriptions: `text`), made strings only when shown, and the other
/// strings, made when the snapshot is loaded, are kept in two regions, so that loading reads
/// none of the long texts' pages. The payload: the texts' bytes and the strings' bytes (each
/// region's length first), the two tables (a count and where each item ends, so that item `i`
/// is found without adding up the lengths before it), then the body,
/// which refers to them by index (`SnapshotWriter.none` is nil). Strings shorter than 64 bytes
/// are stored once however often they occur (a room name, not once per session). The texts go
/// straight into the output, which starts with room for the header: they are copied once.
/// Written to a file (`spill`), the output goes out every megabyte instead of being held whole.
struct SnapshotWriter {
    static let none = UInt32.max

    enum Check { case line, text, none }

    private var out: [UInt8]
    private var body: [UInt8] = []
    private var textLengths: [UInt32] = []
    private var strings: [UInt8] = []
    private var lengths: [UInt32] = []
    private var shared: [String: UInt32] = [:]
    /// A string, time or number held what the reader refuses (see `SnapshotTextCheck`,
    /// `SnapshotBounds`): nothing is written then.
    private(set) var refused = false
    private let checking: Bool
    /// The file the output goes to as it grows (nil: kept in memory), what went there, and
    /// whether every write succeeded.
    private let spill: Int32?
    private var spilled = 0
    private var spillFailed = false
    private static let spillEvery = 1 << 20

    /// Texts this long or longer (abstracts, descriptions) are not looked up: they rarely
    /// repeat, and hashing them would cost more than storing them.
    private static let sharedBelow = 64

    init(capacity: Int = 0, checking: Bool = true, spill: Int32? = nil) {
        self.checking = checking
        self.spill = spill
        out = Array(repeating: 0, count: ScheduleSnapshot.headerSize + 8)
        out.reserveCapacity(spill == nil ? capacity : Self.spillEvery + (64 << 10))
    }

    mutating func u8(_ value: UInt8) { body.append(value) }

    mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { body.append(contentsOf: $0) } }

    mutating func i64(_ value: Int64) { withUnsafeBytes(of: value.littleEndian) { body.append(contentsOf: $0) } }

    /// A time, refused (nothing written) outside what the reader takes (`SnapshotBounds.times`).
    mutating func time(_ date: Date) {
        let value = date.timeIntervalSinceReferenceDate
        if checking, !SnapshotBounds.times.contains(value) { refused = true }
        withUnsafeBytes(of: value.bitPattern.littleEndian) { body.append(contentsOf: $0) }
    }

    /// A calendar number, refused outside `range` (what the reader takes).
    mutating func number(_ value: Int, in range: ClosedRange<Int64>) {
        if checking, !range.contains(Int64(value)) { refused = true }
        i64(Int64(value))
    }

    mutating func count(_ value: Int) { u32(UInt32(value)) }

    /// Where the next byte of the body goes (what `SnapshotReader.seek(body:)` takes).
    var bodyPosition: Int { body.count }

    /// A number written at `position` of the body before what it says was known.
    mutating func patch(_ value: UInt32, at position: Int) {
        withUnsafeBytes(of: value.littleEndian) { body.replaceSubrange(position..<(position + 4), with: $0) }
    }

    /// `check`: what the reader will require of it (one safe line unless said otherwise).
    mutating func string(_ value: String?, check: Check = .line) {
        guard var value else { return u32(Self.none) }
        if check != .none, checking {
            let safety = value.withUTF8 { SnapshotTextCheck.safety($0) }
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
        if spill != nil, out.count >= Self.spillEvery { flush() }
    }

    /// Sends the output so far to the spill file.
    private mutating func flush() {
        guard let spill, !out.isEmpty else { return }
        if !spillFailed { spillFailed = !out.withUnsafeBytes { Descriptor.write(all: $0, to: spill) } }
        spilled += out.count
        out.removeAll(keepingCapacity: true)
    }

    mutating func strings(_ values: [String]) {
        count(values.count)
        for value in values { string(value) }
    }

    /// Room for the header, then the payload; nil when a value was refused. The output is
    /// extended in place and moved out (no closure captures it: a capture would copy it).
    mutating func finish() -> [UInt8]? {
        guard !refused else { return nil }
        let textLength = UInt64(out.count - ScheduleSnapshot.headerSize - 8)
        for k in 0..<8 { out[ScheduleSnapshot.headerSize + k] = UInt8(truncatingIfNeeded: textLength >> (8 * UInt64(k))) }
        return tail()
    }

    /// The rest of the payload written to the spill file after the texts, part by part (never
    /// copied into one buffer), and the texts' length written in its place: false when a value
    /// was refused or a write failed. The header is left for the caller (it needs the payload's digest).
    mutating func finishSpilling() -> Bool {
        guard let spill, !refused else { return false }
        let textLength = UInt64(spilled + out.count - ScheduleSnapshot.headerSize - 8)
        flush()
        let tables = tables()
        for part in [tables.strings, strings, tables.ends, body] where !spillFailed {
            spillFailed = !part.withUnsafeBytes { Descriptor.write(all: $0, to: spill) }
        }
        let length = withUnsafeBytes(of: textLength.littleEndian) { Array($0) }
        let placed = length.withUnsafeBytes { pwrite(spill, $0.baseAddress!, 8, off_t(ScheduleSnapshot.headerSize)) } == 8
        return placed && !spillFailed
    }

    /// The output after the texts: strings, tables and body.
    private mutating func tail() -> [UInt8] {
        let tables = tables()
        out.reserveCapacity(out.count + tables.strings.count + strings.count + tables.ends.count + body.count)
        for part in [tables.strings, strings, tables.ends, body] { out.append(contentsOf: part) }
        var result: [UInt8] = []
        swap(&result, &out)
        return result
    }

    /// What goes before the strings (their length), and the two tables that follow them (each
    /// a count and where each item ends).
    private func tables() -> (strings: [UInt8], ends: [UInt8]) {
        var length: [UInt8] = []
        Self.append(UInt32(truncatingIfNeeded: strings.count), to: &length)
        Self.append(UInt32(truncatingIfNeeded: strings.count >> 32), to: &length)
        var ends: [UInt8] = []
        ends.reserveCapacity(8 + (textLengths.count + lengths.count) * 4)
        for table in [textLengths, lengths] {
            Self.append(UInt32(table.count), to: &ends)
            var end: UInt32 = 0
            for length in table {
                end &+= length
                Self.append(end, to: &ends)
            }
        }
        return (length, ends)
    }

    private static func append(_ value: UInt32, to out: inout [UInt8]) {
        for k in 0..<4 { out.append(UInt8(truncatingIfNeeded: value >> (8 * UInt32(k)))) }
    }
}
