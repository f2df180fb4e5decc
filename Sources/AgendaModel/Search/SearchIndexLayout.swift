import Glibc

/// Where the parts of a search index lie in its bytes, the same in memory and in its file
/// (`SearchIndexFile`): a 64-byte file header, the session count and the corpus length
/// (`UInt64` each), each session's byte set and word-start byte set (32 bytes each), the
/// session bounds (`UInt32`, relative to the corpus), the folded corpus, then the vocabulary
/// (`VocabularyLayout`). The tables come first so that they are laid out before the corpus,
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
        presence = Self.header + 16
        wordStarts = presence + 32 * sessions
        bounds = wordStarts + 32 * sessions
        corpus = Self.aligned(bounds + 4 * (sessions + 1))
    }

    /// `offset` rounded up to a multiple of 8, where the corpus and the vocabulary begin.
    static func aligned(_ offset: Int) -> Int { (offset + 7) / 8 * 8 }

    /// Records session `number`'s byte sets and end, its folded text being `text` in `raw`, after
    /// `written` bytes of the corpus that are no longer in `raw` (`SearchIndexBuilder.flush`).
    /// One pass: a byte begins a word where `WordStart.isWordStart` says so, worked out from
    /// the byte before and the lead byte of the scalar before.
    func record(session number: Int, text: Range<Int>, in raw: UnsafeMutableRawBufferPointer, written: Int = 0) {
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
        raw.storeBytes(of: UInt32(written + text.upperBound - corpus), toByteOffset: bounds + 4 * (number + 1), as: UInt32.self)
    }

    /// Writes the session count and the corpus length (the tables were written by `record`).
    func seal(_ blob: inout [UInt8], corpusLength: Int) {
        blob.withUnsafeMutableBytes {
            $0.storeBytes(of: UInt64(sessions), toByteOffset: Self.header, as: UInt64.self)
            $0.storeBytes(of: UInt64(corpusLength), toByteOffset: Self.header + 8, as: UInt64.self)
        }
    }

}

/// A search index's bytes: built in memory, or a mapped file (read where it lies in the page
/// cache: pages of the corpus are read only when a search reaches them). Either way in two
/// halves: the head (header, tables, corpus) and the vocabulary, which the file has after the
/// head at the next multiple of 8 (built apart, so that adding it never copies the corpus).
///
/// Where the halves lie and the vocabulary's counts are taken once, when built or checked, and
/// never read from the bytes again; every offset read at search time is clamped to them
/// (`IndexParts`), so that a file rewritten in place under the mapping gives wrong hits, not a
/// read outside it.
final class IndexBytes: Sendable {
    private enum Storage {
        case built(head: [UInt8], tail: [UInt8])
        case mapped(MappedFile, head: Range<Int>, tail: Range<Int>)
        /// A file read into memory (tests and the fuzz target).
        case read([UInt8], head: Range<Int>, tail: Range<Int>)
    }

    private let storage: Storage
    let vocabulary: VocabularyLayout

    init(head: [UInt8], tail: [UInt8]) {
        storage = .built(head: head, tail: tail)
        vocabulary = tail.withUnsafeBytes { VocabularyLayout.read($0, at: 0)! }
    }

    init(_ mapping: MappedFile, _ checked: IndexFileShape) {
        storage = .mapped(mapping, head: checked.head, tail: checked.tail)
        vocabulary = checked.vocabulary
    }

    init(file: [UInt8], _ checked: IndexFileShape) {
        storage = .read(file, head: checked.head, tail: checked.tail)
        vocabulary = checked.vocabulary
    }

    /// The head and the vocabulary.
    func withHalves<R>(_ body: (_ head: UnsafeRawBufferPointer, _ tail: UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        switch storage {
        case .built(let head, let tail):
            return try head.withUnsafeBytes { head in try tail.withUnsafeBytes { tail in try body(head, tail) } }
        case .mapped(let mapping, let head, let tail):
            return try body(UnsafeRawBufferPointer(rebasing: mapping.bytes[head]), UnsafeRawBufferPointer(rebasing: mapping.bytes[tail]))
        case .read(let file, let head, let tail):
            return try file.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[head]), UnsafeRawBufferPointer(rebasing: $0[tail])) }
        }
    }

    /// The length of its file: the head, zeros to the next multiple of 8, the vocabulary.
    var fileSize: Int { withHalves { head, tail in IndexLayout.aligned(head.count) + tail.count } }

    /// A file's head and tail, from the session count and corpus length its payload begins with.
    static func halves(of bytes: UnsafeRawBufferPointer) -> (head: Range<Int>, tail: Range<Int>)? {
        let header = IndexLayout.header
        guard bytes.count >= header + 16 else { return nil }
        let sessions = bytes.load(fromByteOffset: header, as: UInt64.self)
        let length = bytes.load(fromByteOffset: header + 8, as: UInt64.self)
        guard sessions < UInt64(bytes.count) / 64 else { return nil }
        let corpus = IndexLayout(sessions: Int(sessions)).corpus
        guard corpus <= bytes.count, length <= UInt64(bytes.count - corpus) else { return nil }
        let headEnd = corpus + Int(length), tailStart = IndexLayout.aligned(headEnd)
        guard tailStart <= bytes.count else { return nil }
        return (0..<headEnd, tailStart..<bytes.count)
    }

    /// The parts, for reading.
    func withParts<R>(_ layout: IndexLayout, _ body: (IndexParts) -> R) -> R {
        withHalves { head, tail in body(IndexParts(head: head, tail: tail, layout: layout, vocabulary: vocabulary)) }
    }
}

/// Where a checked index file's halves lie, and its vocabulary's counts.
struct IndexFileShape {
    let head: Range<Int>
    let tail: Range<Int>
    let vocabulary: VocabularyLayout
}

/// The tables read in place (raw loads: the same code reads an array and a mapping). Offsets
/// are clamped to the extents taken when the index was built or checked.
struct IndexParts {
    let raw: UnsafeRawPointer
    let layout: IndexLayout
    let corpus: UnsafeBufferPointer<UInt8>
    /// The vocabulary's bytes; `vocabulary` gives offsets into them.
    let words: UnsafeRawPointer
    let vocabulary: VocabularyLayout
    private let wordBytes: Int
    private let postingCount: Int

    /// `head` holds at least `layout`'s tables, `tail` all of `vocabulary`.
    init(head: UnsafeRawBufferPointer, tail: UnsafeRawBufferPointer, layout: IndexLayout, vocabulary: VocabularyLayout) {
        raw = head.baseAddress!
        self.layout = layout
        corpus = UnsafeBufferPointer(rebasing: head.bindMemory(to: UInt8.self)[layout.corpus...])
        words = tail.baseAddress!
        self.vocabulary = vocabulary
        wordBytes = vocabulary.end - vocabulary.words
        postingCount = (vocabulary.words - vocabulary.postings) / 4
    }

    func wordStart(_ rank: Int) -> Int {
        min(Int(words.load(fromByteOffset: vocabulary.wordStarts + 4 * rank, as: UInt32.self)), wordBytes)
    }

    func postingStart(_ rank: Int) -> Int {
        min(Int(words.load(fromByteOffset: vocabulary.postingStarts + 4 * rank, as: UInt32.self)), postingCount)
    }

    /// A session number as stored: the caller checks it against the session count.
    func posting(_ k: Int) -> Int { Int(words.load(fromByteOffset: vocabulary.postings + 4 * k, as: UInt32.self)) }

    /// How the word of rank `rank` compares with `query` as bytes; 0 when it begins with it.
    func compare(word rank: Int, prefix query: UnsafeRawBufferPointer) -> Int {
        let start = wordStart(rank), length = max(0, wordStart(rank + 1) - start)
        let shared = min(length, query.count)
        let order = shared == 0 ? 0 : Int(memcmp(words + vocabulary.words + start, query.baseAddress!, shared))
        return order != 0 ? order : length < query.count ? -1 : 0
    }

    /// Where session `index`'s text begins in `corpus` (`index == sessions`: the end).
    @inline(__always) func bound(_ index: Int) -> Int {
        min(Int(raw.load(fromByteOffset: layout.bounds + 4 * index, as: UInt32.self)), corpus.count)
    }

    @inline(__always) func presence(_ session: Int) -> ByteSet {
        raw.load(fromByteOffset: layout.presence + 32 * session, as: ByteSet.self)
    }

    @inline(__always) func wordStarts(_ session: Int) -> ByteSet {
        raw.load(fromByteOffset: layout.wordStarts + 32 * session, as: ByteSet.self)
    }
}
