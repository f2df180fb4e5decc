/// Where the parts of a search index lie in its bytes, the same in memory and in its file
/// (`SearchIndexFile`): a 64-byte file header, the session count, each session's byte set and
/// word-start byte set (32 bytes each), the session bounds (`UInt32`, relative to the corpus),
/// then the folded corpus. The tables come first so that they are laid out before the corpus,
/// whose length is known only once it is folded.
struct IndexLayout: Sendable {
    static let header = 64
    let sessions: Int
    let presence: Int
    let wordStarts: Int
    let bounds: Int
    let corpus: Int

    init(sessions: Int) {
        self.sessions = sessions
        presence = Self.header + 8
        wordStarts = presence + 32 * sessions
        bounds = wordStarts + 32 * sessions
        corpus = (bounds + 4 * (sessions + 1) + 7) / 8 * 8
    }

    /// Records session `number`'s byte sets and end, its folded text being `text` in `raw`.
    /// One pass: a byte begins a word where `WordStart.isWordStart` says so, worked out from
    /// the byte before and the lead byte of the scalar before.
    func record(session number: Int, text: Range<Int>, in raw: UnsafeMutableRawBufferPointer) {
        var present = ByteSet(), starts = ByteSet()
        var previous: UInt8 = 0, lead: UInt8 = 0
        for position in text {
            let byte = raw[position]
            present.insert(byte)
            if position == text.lowerBound
                || (previous < 0x80 ? !WordStart.isASCIIWordByte(previous) : lead == 0xC2 || lead >= 0xE2) {
                starts.insert(byte)
            }
            if byte & 0xC0 != 0x80 { lead = byte }
            previous = byte
        }
        raw.storeBytes(of: present, toByteOffset: presence + 32 * number, as: ByteSet.self)
        raw.storeBytes(of: starts, toByteOffset: wordStarts + 32 * number, as: ByteSet.self)
        raw.storeBytes(of: UInt32(text.upperBound - corpus), toByteOffset: bounds + 4 * (number + 1), as: UInt32.self)
    }

    /// Writes the session count (the tables were written by `record`).
    func seal(_ blob: inout [UInt8]) {
        blob.withUnsafeMutableBytes { $0.storeBytes(of: UInt64(sessions), toByteOffset: Self.header, as: UInt64.self) }
    }
}

/// A search index's bytes: built in memory, or a mapped file (read where it lies in the page
/// cache: pages of the corpus are read only when a search reaches them).
final class IndexBytes: Sendable {
    private let owned: [UInt8]?
    private let mapping: MappedFile?

    init(_ blob: [UInt8]) { owned = blob; mapping = nil }

    init(_ mapping: MappedFile) { owned = nil; self.mapping = mapping }

    func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        if let mapping { return try body(mapping.bytes) }
        return try owned!.withUnsafeBytes(body)
    }

    func withParts<R>(_ layout: IndexLayout, _ body: (IndexParts) -> R) -> R {
        withBytes { raw in
            body(IndexParts(raw: raw.baseAddress!, layout: layout,
                            corpus: UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self)[layout.corpus...])))
        }
    }

    /// Gives back mapped pages once read (checking a file reads all of it).
    func release(_ range: Range<Int>) { mapping?.release(range) }
}

/// The tables read in place (raw loads: the same code reads an array and a mapping).
struct IndexParts {
    let raw: UnsafeRawPointer
    let layout: IndexLayout
    let corpus: UnsafeBufferPointer<UInt8>

    /// Where session `index`'s text begins in `corpus` (`index == sessions`: the end).
    @inline(__always) func bound(_ index: Int) -> Int {
        Int(raw.load(fromByteOffset: layout.bounds + 4 * index, as: UInt32.self))
    }

    @inline(__always) func presence(_ session: Int) -> ByteSet {
        raw.load(fromByteOffset: layout.presence + 32 * session, as: ByteSet.self)
    }

    @inline(__always) func wordStarts(_ session: Int) -> ByteSet {
        raw.load(fromByteOffset: layout.wordStarts + 32 * session, as: ByteSet.self)
    }
}
