import Foundation

/// A search index kept beside the schedule's snapshot, so that opening the same programme
/// again maps it instead of folding every text anew (at 20,000 sessions: 30 MB of folded text
/// and about 0.4 s of a core, on every start). Its pages are read only when a search reaches
/// them; a browser that is never asked to search keeps none of it resident.
///
/// Layout (`IndexLayout`): a 64-byte header (magic, format version, a hash of the build that
/// wrote it, the key, the payload's length and digest), then the tables and the corpus.
/// The key is a digest of every searched field of every session, in order (`key(of:)`): an
/// index is found again only for sessions whose searched text is the same, whatever file,
/// merge or edition they came from.
///
/// Never trusted: a wrong magic, version, build, key, length or session count, a payload whose
/// digest differs, or bounds that are not ascending within the corpus give `nil`, and the index
/// is built again. What the corpus holds is never shown; it only decides which sessions match.
public enum SearchIndexFile {
    /// Raised whenever the layout or the folding changes.
    static let formatVersion: UInt32 = 1
    static let magic: [UInt8] = [0x89, 0x41, 0x47, 0x49, 0x44, 0x58, 0x0D, 0x0A]   // \x89AGIDX\r\n

    /// The digest of everything `SearchIndex` folds for `sessions`. Texts still in a mapped
    /// snapshot are read as bytes, and their pages given back as it goes.
    public static func key(of sessions: [Session]) -> ContentDigest {
        var stream = DigestStream()
        withUnsafeBytes(of: UInt64(sessions.count)) { stream.add($0) }
        SessionText.readingOnce(sessions) { _, session in
            // The number of fields first: where one session's fields end and the next's begin.
            let fields = SearchIndex.fields(of: session)
            withUnsafeBytes(of: UInt64(fields.count)) { stream.add($0) }
            for field in fields { field.withUTF8 { stream.add($0) } }
        }
        return stream.digest
    }

    /// Writes `index` to `file` (temporary file, then rename): header, head, vocabulary.
    public static func write(_ index: SearchIndex, key: ContentDigest, build: String, to file: URL) throws {
        try index.bytes.withHalves { head, tail in
            let payload = UnsafeRawBufferPointer(rebasing: head[IndexLayout.header...])
            let padding = [UInt8](repeating: 0, count: IndexLayout.aligned(head.count) - head.count)
            let digest = combined(ContentDigest(payload), ContentDigest(tail))
            let length = payload.count + padding.count + tail.count
            try self.header(length: length, digest: digest, key: key, build: build).withUnsafeBytes { header in
                try padding.withUnsafeBytes { padding in
                    // No fsync: a torn index fails its digest and is built again.
                    try AtomicFile.write(parts: [header, payload, padding, tail], to: file, durable: false)
                }
            }
        }
    }

    /// Builds the index of `sessions` straight into `file`, the corpus written a megabyte at a
    /// time as it is folded (never held whole), and maps it. Nil when it could not be written
    /// or `stop` ended it; an index larger than `limit` is used from its mapping but not kept.
    public static func build(_ sessions: [Session], key: ContentDigest, build: String, to file: URL, limit: Int,
                             until stop: () -> Bool = { false }) -> SearchIndex? {
        var index: SearchIndex?
        _ = try? AtomicFile.replace(file, durable: false) { descriptor, temporary in
            var builder = SearchIndexBuilder(sessions: sessions.count, capacity: 0)
            let corpusStart = builder.layout.corpus
            var failed = lseek(descriptor, off_t(corpusStart), SEEK_SET) != off_t(corpusStart)
            let folded = SearchIndex.fold(sessions, into: &builder, until: stop) { builder in
                builder.flush(minimum: 1 << 20) { if !Descriptor.write(all: $0, to: descriptor) { failed = true } }
            }
            guard folded else { return false }
            builder.flush { if !Descriptor.write(all: $0, to: descriptor) { failed = true } }
            // Zeros to the next multiple of 8, the vocabulary, then the tables at the start.
            let headEnd = corpusStart + builder.written
            let padding = [UInt8](repeating: 0, count: IndexLayout.aligned(headEnd) - headEnd)
            if !padding.withUnsafeBytes({ Descriptor.write(all: $0, to: descriptor) }) { failed = true }
            let head = builder.finish { if !Descriptor.write(all: $0, to: descriptor) { failed = true } }
            failed = failed || head.withUnsafeBytes { pwrite(descriptor, $0.baseAddress!, $0.count, 0) } != head.count
            guard !failed, let written = MappedFile(path: temporary, limit: .max) else { return false }
            // The header's digest, read back a megabyte at a time.
            let bytes = written.bytes, tailStart = IndexLayout.aligned(headEnd)
            let headDigest = ContentDigest(UnsafeRawBufferPointer(rebasing: bytes[IndexLayout.header..<headEnd]), every: 1 << 20) {
                written.release(($0.lowerBound + IndexLayout.header)..<($0.upperBound + IndexLayout.header))
            }
            let tailDigest = ContentDigest(UnsafeRawBufferPointer(rebasing: bytes[tailStart...]), every: 1 << 20) {
                written.release(($0.lowerBound + tailStart)..<($0.upperBound + tailStart))
            }
            let header = self.header(length: bytes.count - IndexLayout.header, digest: combined(headDigest, tailDigest), key: key, build: build)
            guard header.withUnsafeBytes({ pwrite(descriptor, $0.baseAddress!, $0.count, 0) }) == header.count,
                  let vocabulary = VocabularyLayout.read(UnsafeRawBufferPointer(rebasing: bytes[tailStart...]), at: 0) else { return false }
            // Its shape is known: the mapping is used without checking again what was just written.
            let shape = IndexFileShape(head: 0..<headEnd, tail: tailStart..<bytes.count, vocabulary: vocabulary)
            index = SearchIndex(bytes: IndexBytes(written, shape), layout: builder.layout)
            return bytes.count <= limit
        }
        return index
    }

    /// The index in `mapping` when it is the one for `key` by this build, for `sessions` sessions.
    public static func load(_ mapping: MappedFile, key: ContentDigest, build: String, sessions: Int) -> SearchIndex? {
        guard let (layout, shape) = check(mapping.bytes, key: key, build: build, sessions: sessions, release: mapping.release)
        else { return nil }
        return SearchIndex(bytes: IndexBytes(mapping, shape), layout: layout)
    }

    /// The same for a file's bytes in memory (tests and the fuzz target).
    public static func load(_ bytes: [UInt8], key: ContentDigest, build: String, sessions: Int) -> SearchIndex? {
        guard let (layout, shape) = bytes.withUnsafeBytes({ check($0, key: key, build: build, sessions: sessions) })
        else { return nil }
        return SearchIndex(bytes: IndexBytes(file: bytes, shape), layout: layout)
    }

    /// `payload` behind a correct header: what the fuzz target uses to reach the checks behind the digest.
    public static func seal(_ payload: [UInt8], key: ContentDigest, build: String) -> [UInt8] {
        let whole = [UInt8](repeating: 0, count: IndexLayout.header) + payload
        let digest = whole.withUnsafeBytes { bytes in
            IndexBytes.halves(of: bytes).map {
                combined(ContentDigest(UnsafeRawBufferPointer(rebasing: bytes[IndexLayout.header..<$0.head.upperBound])),
                         ContentDigest(UnsafeRawBufferPointer(rebasing: bytes[$0.tail])))
            }
        } ?? ContentDigest(high: 0, low: 0)
        return header(length: payload.count, digest: digest, key: key, build: build) + payload
    }

    private static func header(length: Int, digest: ContentDigest, key: ContentDigest, build: String) -> [UInt8] {
        var header = magic
        append(&header, formatVersion)
        append(&header, UInt32(0))
        append(&header, buildHash(build))
        append(&header, key.high); append(&header, key.low)
        append(&header, UInt64(length))
        append(&header, digest.high); append(&header, digest.low)
        return header
    }

    /// The payload's digest: of the head after the header, then of the vocabulary (the padding
    /// between them is checked to be zeros).
    static func combined(_ head: ContentDigest, _ tail: ContentDigest) -> ContentDigest {
        var stream = DigestStream()
        stream.add(digest: head)
        stream.add(digest: tail)
        return stream.digest
    }

    /// The layout and shape of `bytes` when they are a good index for `key`; nil for anything
    /// else. The tables are checked first and the digest last: it reads every page and gives
    /// each back, so that checking leaves nothing resident.
    static func check(_ bytes: UnsafeRawBufferPointer, key: ContentDigest, build: String, sessions: Int,
                      release: (Range<Int>) -> Void = { _ in }) -> (IndexLayout, IndexFileShape)? {
        let header = IndexLayout.header
        guard bytes.count >= header + 16, bytes.prefix(8).elementsEqual(magic) else { return nil }
        func word(_ offset: Int) -> UInt64 { bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self) }
        guard bytes.loadUnaligned(fromByteOffset: 8, as: UInt32.self) == formatVersion,
              bytes.loadUnaligned(fromByteOffset: 12, as: UInt32.self) == 0, word(16) == buildHash(build),
              word(24) == key.high, word(32) == key.low, word(40) == UInt64(bytes.count - header),
              word(header) == UInt64(sessions), let (headRange, tailRange) = IndexBytes.halves(of: bytes) else { return nil }
        let layout = IndexLayout(sessions: sessions)
        let head = UnsafeRawBufferPointer(rebasing: bytes[headRange]), tail = UnsafeRawBufferPointer(rebasing: bytes[tailRange])
        guard bytes[headRange.upperBound..<tailRange.lowerBound].allSatisfy({ $0 == 0 }), layout.corpus <= head.count,
              let vocabulary = VocabularyLayout.read(tail, at: 0), vocabulary.end == tail.count else { return nil }
        let parts = IndexParts(head: head, tail: tail, layout: layout, vocabulary: vocabulary)
        guard parts.bound(0) == 0, parts.bound(sessions) == parts.corpus.count else { return nil }
        for session in 0..<sessions where parts.bound(session + 1) < parts.bound(session) { return nil }
        // The vocabulary: starts ascending to the end of the words and of the postings, every
        // posting a session. (Reads are clamped to those ends: the ends are compared raw.)
        func raw(_ offset: Int) -> Int { Int(tail.load(fromByteOffset: offset, as: UInt32.self)) }
        guard raw(vocabulary.wordStarts) == 0, raw(vocabulary.postingStarts) == 0,
              raw(vocabulary.wordStarts + 4 * vocabulary.count) == vocabulary.end - vocabulary.words,
              raw(vocabulary.postingStarts + 4 * vocabulary.count) == (vocabulary.words - vocabulary.postings) / 4 else { return nil }
        for rank in 0..<vocabulary.count
        where parts.wordStart(rank + 1) < parts.wordStart(rank) || parts.postingStart(rank + 1) < parts.postingStart(rank) {
            return nil
        }
        // The postings, most of the vocabulary, a megabyte at a time, each given back once read.
        let postings = parts.postingStart(vocabulary.count), block = (1 << 20) / 4
        for first in stride(from: 0, to: postings, by: block) {
            for k in first..<min(first + block, postings) where parts.posting(k) >= sessions { return nil }
            let start = tailRange.lowerBound + vocabulary.postings + 4 * first
            release(start..<(start + 4 * block))
        }
        // Read in 1 MB blocks, each given back once read: only what searches use stays.
        let headDigest = ContentDigest(UnsafeRawBufferPointer(rebasing: head[header...]), every: 1 << 20) {
            release(($0.lowerBound + header)..<($0.upperBound + header))
        }
        let tailStart = tailRange.lowerBound
        let tailDigest = ContentDigest(tail, every: 1 << 20) { release(($0.lowerBound + tailStart)..<($0.upperBound + tailStart)) }
        let digest = combined(headDigest, tailDigest)
        guard digest.high == word(48), digest.low == word(56) else { return nil }
        return (layout, IndexFileShape(head: headRange, tail: tailRange, vocabulary: vocabulary))
    }

    /// FNV-1a over the format version and the build's name: an index another build folded is not read.
    static func buildHash(_ build: String) -> UInt64 { CacheFileBytes.buildHash("index \(formatVersion)\u{0}\(build)") }

    private static func append<T: FixedWidthInteger>(_ out: inout [UInt8], _ value: T) { CacheFileBytes.append(&out, value) }
}

/// A digest of a sequence of byte strings: each part's digest (which covers its length) is
/// folded into the running one, so that ("ab", "c") and ("a", "bc") differ.
struct DigestStream {
    private(set) var digest = ContentDigest(high: 0, low: 0)

    mutating func add(_ bytes: UnsafeRawBufferPointer) { add(digest: ContentDigest(bytes)) }

    mutating func add(digest part: ContentDigest) {
        digest = withUnsafeBytes(of: (digest.high, digest.low, part.high, part.low)) { ContentDigest($0) }
    }
}
