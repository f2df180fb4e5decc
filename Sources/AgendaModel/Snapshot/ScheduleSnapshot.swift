import Foundation
import Synchronization

/// A parsed schedule as compact bytes, so that an unchanged file opened again is loaded
/// instead of parsed (at 20,000 sessions, 41 MB of XML: a fifth of the time to the first frame).
///
/// Layout: a 64-byte header (magic, format version, a hash of the build that wrote it, the
/// digest of the source bytes it was parsed from, the payload's length and digest), then the
/// payload (`SnapshotWriter`: long texts, strings, their tables, then conference, sessions and warnings).
///
/// A snapshot is never trusted: a wrong magic, version, build, source or length, a payload
/// whose digest differs (a flipped byte, a torn write), an index or count out of range, text
/// that is not UTF-8 or holds what the sanitiser would have removed, a time or date outside the
/// years 1–9999 (`SnapshotBounds`) or a session ending before it starts: each gives `nil`, and
/// the caller parses the source.
public enum ScheduleSnapshot {
    /// Raised whenever the layout or the meaning of a field changes.
    public static let formatVersion: UInt32 = 3
    static let magic: [UInt8] = [0x89, 0x41, 0x47, 0x53, 0x4E, 0x50, 0x0D, 0x0A]   // \x89AGSNP\r\n
    public static let headerSize = 64

    /// The snapshot of `schedule` as parsed from bytes with digest `source`, by the program
    /// `build` names. Nil when the schedule holds something the format cannot say exactly
    /// (change marks, unusual date components) or text a reader would not have produced.
    public static func encode(_ schedule: Schedule, source: ContentDigest, build: String) -> [UInt8]? {
        // What would be refused on loading is not written (it would be rewritten on every open).
        guard schedule.changes.isEmpty, var out = SnapshotCoding.encode(schedule) else { return nil }
        sealInPlace(&out, source: source, build: build)
        return out
    }

    /// The header around `payload`: what `encode` does after the payload, and what the fuzz
    /// target uses to reach the payload decoder with arbitrary bytes.
    public static func seal(_ payload: [UInt8], source: ContentDigest, build: String) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: headerSize) + payload
        sealInPlace(&out, source: source, build: build)
        return out
    }

    /// Fills the header at the start of `out`, before the payload.
    private static func sealInPlace(_ out: inout [UInt8], source: ContentDigest, build: String) {
        let digest = out.withUnsafeBytes { ContentDigest(UnsafeRawBufferPointer(rebasing: $0[headerSize...])) }
        out.replaceSubrange(0..<headerSize, with: header(source: source, build: build, payload: out.count - headerSize, digest: digest))
    }

    private static func header(source: ContentDigest, build: String, payload: Int, digest: ContentDigest) -> [UInt8] {
        var header = magic
        append(&header, formatVersion)
        append(&header, UInt32(0))
        append(&header, buildHash(build))
        append(&header, source.high); append(&header, source.low)
        append(&header, UInt64(payload))
        append(&header, digest.high); append(&header, digest.low)
        return header
    }

    /// `encode` written to `file` as it is made rather than held whole (the texts alone are
    /// most of a large programme), then read back through a mapping, a megabyte at a time,
    /// for the header's digest. False when nothing was written: what `encode` refuses, a
    /// snapshot over `limit` bytes, or a write that failed.
    public static func write(_ schedule: Schedule, source: ContentDigest, build: String, to file: URL, limit: Int) -> Bool {
        guard schedule.changes.isEmpty else { return false }
        return (try? AtomicFile.replace(file, durable: false) { descriptor, temporary in
            guard SnapshotCoding.encode(schedule, to: descriptor),
                  let written = MappedFile(path: temporary, limit: limit), written.bytes.count >= headerSize else { return false }
            let payload = UnsafeRawBufferPointer(rebasing: written.bytes[headerSize...])
            let digest = ContentDigest(payload, every: 1 << 20) { written.release(($0.lowerBound + headerSize)..<($0.upperBound + headerSize)) }
            let header = header(source: source, build: build, payload: payload.count, digest: digest)
            return header.withUnsafeBytes { pwrite(descriptor, $0.baseAddress!, headerSize, 0) } == headerSize && !written.isDamaged
        }) != nil
    }

    public static func decode(_ bytes: [UInt8], source: ContentDigest, build: String) -> Schedule? {
        decode(Data(bytes), source: source, build: build)
    }

    /// The schedule; its long texts stay in `data` (kept, not copied) until they are shown.
    public static func decode(_ data: Data, source: ContentDigest, build: String) -> Schedule? {
        decode(TextBuffer(data), source: source, build: build)
    }

    /// The schedule; its long texts stay in the mapping until they are shown. `digestChecked`:
    /// `openingDay` checked this mapping's digest already (the file is never changed in place).
    public static func decode(_ mapping: MappedFile, source: ContentDigest, build: String, digestChecked: Bool = false) -> Schedule? {
        decode(TextBuffer(mapping), source: source, build: build, digestChecked: digestChecked)
    }

    private static func decode(_ buffer: TextBuffer, source: ContentDigest, build: String, digestChecked: Bool = false) -> Schedule? {
        verified(buffer, source: source, build: build, digestChecked: digestChecked) { SnapshotCoding.schedule($0, in: buffer, at: headerSize) }
    }

    /// The day to show first (today's, else the first) with only its sessions: for the first
    /// screen of a large schedule, while the whole is decoded behind it. As checked as `decode`.
    public static func openingDay(_ mapping: MappedFile, source: ContentDigest, build: String, now: Date) -> OpeningDay? {
        openingDay(TextBuffer(mapping), source: source, build: build, now: now)
    }

    /// The same from bytes (tests, the fuzz target).
    public static func openingDay(_ bytes: [UInt8], source: ContentDigest, build: String, now: Date) -> OpeningDay? {
        openingDay(TextBuffer(Data(bytes)), source: source, build: build, now: now)
    }

    private static func openingDay(_ buffer: TextBuffer, source: ContentDigest, build: String, now: Date) -> OpeningDay? {
        verified(buffer, source: source, build: build) { SnapshotCoding.openingDay($0, in: buffer, at: headerSize, now: now) }
    }

    /// What `decode` makes of the payload, if the header is this build's and the payload's
    /// digest matches (checked on the other core meanwhile).
    private static func verified<T: Sendable>(_ buffer: TextBuffer, source: ContentDigest, build: String, digestChecked: Bool = false,
                                              _ decode: @escaping @Sendable (UnsafeRawBufferPointer) -> T?) -> T? {
        buffer.withBytes { bytes in
            defer {
                // What was decoded was copied out, and texts are read again where they lie when
                // shown: a mapping gives back every page the decoding and the digest read.
                buffer.release(0..<bytes.count)
            }
            return verified(bytes, buffer: buffer, source: source, build: build, digestChecked: digestChecked, decode)
        }
    }

    private static func verified<T: Sendable>(_ bytes: UnsafeRawBufferPointer, buffer: TextBuffer, source: ContentDigest, build: String,
                                              digestChecked: Bool, _ decode: @Sendable (UnsafeRawBufferPointer) -> T?) -> T? {
        guard bytes.count >= headerSize, bytes.prefix(8).elementsEqual(magic) else { return nil }
        func word(_ offset: Int) -> UInt64 { UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
        let version = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
        let reserved = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 12, as: UInt32.self))
        guard version == formatVersion, reserved == 0, word(16) == buildHash(build),
              word(24) == source.high, word(32) == source.low,
              word(40) == UInt64(bytes.count - headerSize) else { return nil }
        nonisolated(unsafe) let payload = UnsafeRawBufferPointer(rebasing: bytes[headerSize...])
        if digestChecked { return decode(payload) }
        let stated = ContentDigest(high: word(48), low: word(56))
        // The digest on the other core while the payload is decoded (the decoder checks every
        // offset and count itself): what was decoded is used only if the digest matches. Read in
        // 1 MB blocks, each given back once read if mapped: only what is used stays.
        let digest = Mutex<ContentDigest?>(nil), decoded = Mutex<T?>(nil)
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                let found = ContentDigest(payload, every: 1 << 20) { buffer.release(($0.lowerBound + headerSize)..<($0.upperBound + headerSize)) }
                digest.withLock { $0 = found }
            } else {
                let value = decode(payload)
                decoded.withLock { $0 = value }
            }
        }
        guard digest.withLock({ $0 }) == stated else { return nil }
        return decoded.withLock { $0 }
    }

    /// FNV-1a over the format version and the build's name: snapshots of another build or
    /// format are not read (a fixed reader must not be bypassed by an old snapshot).
    static func buildHash(_ build: String) -> UInt64 { CacheFileBytes.buildHash("\(formatVersion)\u{0}\(build)") }

    private static func append<T: FixedWidthInteger>(_ out: inout [UInt8], _ value: T) { CacheFileBytes.append(&out, value) }
}
