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
final class IndexBytes: Sendable {
    private let owned: (head: [UInt8], tail: [UInt8])?
    private let mapping: MappedFile?
    /// An index file read into memory (tests and the fuzz target).
    private let file: [UInt8]?

    init(head: [UInt8], tail: [UInt8]) { owned = (head, tail); mapping = nil; file = nil }

    init(_ mapping: MappedFile) { owned = nil; self.mapping = mapping; file = nil }

    init(file: [UInt8]) { owned = nil; mapping = nil; self.file = file }

    /// The whole file's bytes, when this is a file (mapped or read).
    func withFile<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R? {
        if let mapping { return body(mapping.bytes) }
        return file?.withUnsafeBytes(body)
    }

    /// The head and the vocabulary; nil when a file's corpus length does not fit it.
    func withHalves<R>(_ body: (_ head: UnsafeRawBufferPointer, _ tail: UnsafeRawBufferPointer) throws -> R) rethrows -> R? {
        if let owned {
            return try owned.head.withUnsafeBytes { head in try owned.tail.withUnsafeBytes { tail in try body(head, tail) } }
        }
        return try withFile { bytes in Self.halves(of: bytes) }.flatMap { halves in
            try halves.map { try body($0.head, $0.tail) }
        } ?? nil
    }

    /// A file's head and tail, from the corpus length its payload begins with.
    static func halves(of bytes: UnsafeRawBufferPointer) -> (head: UnsafeRawBufferPointer, tail: UnsafeRawBufferPointer)? {
        let header = IndexLayout.header
        guard bytes.count >= header + 16 else { return nil }
        let sessions = bytes.load(fromByteOffset: header, as: UInt64.self)
        let length = bytes.load(fromByteOffset: header + 8, as: UInt64.self)
        guard sessions < UInt64(bytes.count) / 64 else { return nil }
        let corpus = IndexLayout(sessions: Int(sessions)).corpus
        guard corpus <= bytes.count, length <= UInt64(bytes.count - corpus) else { return nil }
        let headEnd = corpus + Int(length), tailStart = (headEnd + 7) / 8 * 8
        guard tailStart <= bytes.count else { return nil }
        return (UnsafeRawBufferPointer(rebasing: bytes[..<headEnd]), UnsafeRawBufferPointer(rebasing: bytes[tailStart...]))
    }

    /// The parts of bytes built here or checked by `SearchIndexFile.check`.
    func withParts<R>(_ layout: IndexLayout, _ body: (IndexParts) -> R) -> R {
        withHalves { head, tail in body(IndexParts(head: head, tail: tail, layout: layout)!) }!
    }

    /// Gives back mapped pages once read (checking a file reads all of it).
    func release(_ range: Range<Int>) { mapping?.release(range) }
}

/// The tables read in place (raw loads: the same code reads an array and a mapping).
struct IndexParts {
    let raw: UnsafeRawPointer
    let layout: IndexLayout
    let corpus: UnsafeBufferPointer<UInt8>
    /// The vocabulary's bytes; `vocabulary` gives offsets into them.
    let words: UnsafeRawPointer
    let vocabulary: VocabularyLayout

    /// Nil when the head is shorter than its tables or the vocabulary's counts do not fit `tail`.
    init?(head: UnsafeRawBufferPointer, tail: UnsafeRawBufferPointer, layout: IndexLayout) {
        guard layout.corpus <= head.count, let vocabulary = VocabularyLayout.read(tail, at: 0),
              vocabulary.end == tail.count else { return nil }
        raw = head.baseAddress!
        self.layout = layout
        corpus = UnsafeBufferPointer(rebasing: head.bindMemory(to: UInt8.self)[layout.corpus...])
        words = tail.baseAddress!
        self.vocabulary = vocabulary
    }

    func wordStart(_ rank: Int) -> Int { Int(words.load(fromByteOffset: vocabulary.wordStarts + 4 * rank, as: UInt32.self)) }

    func postingStart(_ rank: Int) -> Int { Int(words.load(fromByteOffset: vocabulary.postingStarts + 4 * rank, as: UInt32.self)) }

    func posting(_ k: Int) -> Int { Int(words.load(fromByteOffset: vocabulary.postings + 4 * k, as: UInt32.self)) }

    /// How the word of rank `rank` compares with `query` as bytes; 0 when it begins with it.
    func compare(word rank: Int, prefix query: UnsafeRawBufferPointer) -> Int {
        let start = wordStart(rank), length = wordStart(rank + 1) - start
        let shared = min(length, query.count)
        let order = shared == 0 ? 0 : Int(memcmp(words + vocabulary.words + start, query.baseAddress!, shared))
        return order != 0 ? order : length < query.count ? -1 : 0
    }

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
