/// Every session's searchable text (title, subtitle, persons, abstract, description, room,
/// track), folded once into one contiguous buffer, and the words of that text.
///
/// A query of letters and digits is answered from the words (`VocabularyBuilder`): the
/// sessions holding a word it begins. Any other query scans the text, and two things keep that
/// far below a scan of the whole corpus: each session records which byte values its text holds
/// (a query with a byte it lacks is rejected without reading the text), and a result remembers
/// where each session first matched, so the next, longer query looks there first and, most
/// often, only compares the letter just typed.
public struct SearchIndex: Sendable {
    /// Header, tables and corpus in the layout of the file they are kept in (`SearchIndexFile`):
    /// built here, or mapped from that file, the same bytes either way.
    let bytes: IndexBytes
    let layout: IndexLayout

    public init(_ sessions: [Session]) {
        // Reserved to size once: growing by doubling would copy tens of megabytes on a big
        // schedule and briefly hold both copies (25 MB more at the peak at 20,000 sessions).
        // Folding can lengthen text (a Hangul syllable decomposes into three jamo, 3 bytes to 9):
        // an eighth more covers that; what is not touched costs no memory.
        let textBytes = sessions.reduce(0) { $0 + Self.byteCount(of: $1) }
        var builder = SearchIndexBuilder(sessions: sessions.count, capacity: IndexLayout(sessions: sessions.count).corpus + textBytes + textBytes / 8)
        Self.fold(sessions, into: &builder) { _ in }
        let (head, tail) = builder.finish()
        layout = builder.layout
        bytes = IndexBytes(head: head, tail: tail)
    }

    /// Folds every session into `builder`, calling `every` after each few dozen (to write out
    /// what was folded). Texts still in a mapping are read here once and given back as it goes.
    /// False when `stop` ended it early.
    @discardableResult
    static func fold(_ sessions: [Session], into builder: inout SearchIndexBuilder, until stop: () -> Bool = { false },
                     every: (inout SearchIndexBuilder) -> Void) -> Bool {
        SessionText.readingOnce(sessions, until: stop) { number, session in
            builder.add(session)
            if number % 64 == 63 { every(&builder) }
        }
    }

    /// The size of its file, for the cache's bound.
    public var fileSize: Int { bytes.fileSize }

    init(bytes: IndexBytes, layout: IndexLayout) {
        self.bytes = bytes
        self.layout = layout
    }

    /// About the bytes of `fields(of:)`, without making the long texts strings (which would
    /// read every page of a mapped snapshot just to count).
    private static func byteCount(of session: Session) -> Int {
        let short = [session.title, session.subtitle, session.room, session.track].reduce(8) { $0 + ($1?.utf8.count ?? 0) }
        let translations = session.translations.reduce(0) { total, t in
            [t.title, t.subtitle, t.room, t.abstract, t.description].reduce(total + 8) { $0 + ($1?.utf8.count ?? 0) }
                + t.persons.reduce(0) { $0 + $1.utf8.count + 2 }
        }
        return short + session.persons.reduce(0) { $0 + $1.utf8.count + 2 }
            + session.abstractText.byteCount + session.descriptionText.byteCount + translations
    }

    /// What is searched, in index order: what the index holds and what its file's key
    /// (`SearchIndexFile.key`) is a digest of, so that the two cannot disagree.
    static func fields(of session: Session) -> [SearchField] {
        var fields: [SearchField] = [.short(session.title), .short(session.subtitle), .short(session.room),
                                     .short(session.track), .short(session.persons.joined(separator: ", ")),
                                     .long(session.abstractText), .long(session.descriptionText)]
        // Another edition's texts (the Chinese page of an English one) are found too.
        for t in session.translations {
            fields += [t.title, t.subtitle, t.room, t.persons.joined(separator: ", "), t.abstract, t.description].map(SearchField.short)
        }
        return fields
    }

    /// `query` folded as the index's text is.
    public func fold(_ query: String) -> [UInt8] {
        var folding = SearchFolding()
        return folding.fold(query)
    }

    /// The sessions whose text has every word of `query` (already folded) at a word start (CJK
    /// anywhere), in index order. `within` is the result for a prefix of `query`, which is what
    /// typing one more letter has at hand.
    public func search(_ query: [UInt8], within previous: SearchHits? = nil) -> SearchHits {
        if query.contains(0x20) { return searchWords(query, within: previous?.sessions) }
        guard let previous else { return search(query, candidates: nil, starts: nil, known: 0) }
        // Each previous hit is where the prefix first occurs in its session: the query can only
        // occur from there on, and at that very place only its new bytes need comparing.
        return search(query, candidates: previous.sessions, starts: previous.offsets, known: min(previous.length, query.count))
    }

    /// Indices of the sessions among `candidates` (all if nil) whose text contains `query`.
    public func matches(_ query: [UInt8], within candidates: [Int]? = nil) -> [Int] {
        guard !query.isEmpty else { return candidates ?? Array(0..<layout.sessions) }
        if query.contains(0x20) { return searchWords(query, within: candidates).sessions }
        return search(query, candidates: candidates, starts: nil, known: 0).sessions
    }

    /// Several words, in any order: each narrows the sessions the one before left. Their hits
    /// start at the session's text, as no one place holds the whole query.
    private func searchWords(_ query: [UInt8], within candidates: [Int]?) -> SearchHits {
        let words = WordStart.words(of: query)
        var sessions = candidates
        for word in words {
            sessions = search(word, candidates: sessions, starts: nil, known: 0).sessions
        }
        let found = sessions ?? Array(0..<layout.sessions)  // only spaces: nothing narrowed
        return SearchHits(sessions: found, offsets: bytes.withParts(layout) { parts in found.map(parts.bound) }, length: 0)
    }

    /// Searches `candidates` (every session if nil); `starts[k]`, when given, is where in the
    /// corpus candidate `k` can first contain `query`, and its first `known` bytes are known to
    /// be there. A keystroke at 20,000 sessions runs this loop 20,000 times: raw buffers, no appends.
    private func search(_ query: [UInt8], candidates: [Int]?, starts: [Int]?, known: Int) -> SearchHits {
        guard !query.isEmpty else { return SearchHits() }
        if query.withUnsafeBufferPointer(WordStart.isWordOnly) { return searchWords(beginning: query, within: candidates) }
        let needed = ByteSet(query)
        let wordStart = WordStart.needsWordStart(query)
        let firstByte = ByteSet(query.prefix(1))
        let count = candidates?.count ?? layout.sessions
        var found = 0
        var offsets: [Int] = []
        let sessions = [Int](unsafeUninitializedCapacity: count) { sessionsOut, sessionsCount in
            offsets = [Int](unsafeUninitializedCapacity: count) { offsetsOut, offsetsCount in
                bytes.withParts(layout) { parts in
                    query.withUnsafeBufferPointer { query in
                        let corpus = parts.corpus
                        @inline(__always) func check(_ session: Int, from start: Int, known: Int) {
                            guard parts.presence(session).contains(needed) else { return }
                            if wordStart, !parts.wordStarts(session).contains(firstByte) { return }
                            let end = parts.bound(session + 1)
                            var hit = Self.occurs(query, in: corpus, at: start, before: end, from: known) ? start
                                : ByteSearch.firstIndex(of: query, in: corpus, from: start + 1, to: end)
                            // "rust" inside "trust" is no hit: look further along.
                            while wordStart, let h = hit, !WordStart.isWordStart(corpus, at: h, from: parts.bound(session)) {
                                hit = ByteSearch.firstIndex(of: query, in: corpus, from: h + 1, to: end)
                            }
                            guard let hit else { return }
                            sessionsOut.initializeElement(at: found, to: session)
                            offsetsOut.initializeElement(at: found, to: hit)
                            found += 1
                        }
                        if let candidates, let starts {
                            for k in 0..<count { check(candidates[k], from: starts[k], known: known) }
                        } else if let candidates {
                            for k in 0..<count { check(candidates[k], from: parts.bound(candidates[k]), known: 0) }
                        } else {
                            for session in 0..<count { check(session, from: parts.bound(session), known: 0) }
                        }
                    }
                }
                offsetsCount = found
            }
            sessionsCount = found
        }
        return SearchHits(sessions: sessions, offsets: offsets, length: query.count)
    }

    /// The sessions (among `candidates`) holding a word that begins with `query`, from the
    /// vocabulary: the words it begins are a run of the sorted words, and their sessions are
    /// gathered in a bit per session. Hits start at the session's text: a longer query that is
    /// not made of word scalars alone scans from there.
    private func searchWords(beginning query: [UInt8], within candidates: [Int]?) -> SearchHits {
        bytes.withParts(layout) { parts in
            query.withUnsafeBytes { query in
                var low = 0, high = parts.vocabulary.count
                while low < high {
                    let middle = (low + high) / 2
                    if parts.compare(word: middle, prefix: query) < 0 { low = middle + 1 } else { high = middle }
                }
                var bits = [UInt64](repeating: 0, count: (layout.sessions + 63) / 64)
                var rank = low
                while rank < parts.vocabulary.count, parts.compare(word: rank, prefix: query) == 0 {
                    let first = parts.postingStart(rank)
                    for k in first..<max(first, parts.postingStart(rank + 1)) {
                        let session = parts.posting(k)
                        guard session < layout.sessions else { continue }   // checked on loading; never trusted
                        bits[session >> 6] |= 1 << UInt64(session & 63)
                    }
                    rank += 1
                }
                var found: [Int] = []
                if let candidates {
                    // Narrowing the first letters' thousands of hits: no growing, no checks per hit.
                    found = bits.withUnsafeBufferPointer { bits in
                        [Int](unsafeUninitializedCapacity: candidates.count) { out, count in
                            for session in candidates where session < layout.sessions
                                && bits[session >> 6] & (1 << UInt64(session & 63)) != 0 {
                                out.initializeElement(at: count, to: session)
                                count += 1
                            }
                        }
                    }
                } else {
                    found.reserveCapacity(bits.reduce(0) { $0 + $1.nonzeroBitCount })
                    for (at, word) in bits.enumerated() {
                        var word = word
                        while word != 0 {
                            found.append(at << 6 | word.trailingZeroBitCount)
                            word &= word - 1
                        }
                    }
                }
                return SearchHits(sessions: found, offsets: found.map(parts.bound), length: 0)
            }
        }
    }

    /// Whether `query` is at `start` (its first `known` bytes are known to be).
    private static func occurs(_ query: UnsafeBufferPointer<UInt8>, in corpus: UnsafeBufferPointer<UInt8>,
                               at start: Int, before end: Int, from known: Int) -> Bool {
        guard end - start >= query.count else { return false }
        for k in known..<query.count where corpus[start + k] != query[k] { return false }
        return true
    }
}

/// One searched field: a string, or a long text that may still be bytes of a snapshot.
enum SearchField {
    case short(String?)
    case long(SessionText)

    var text: String? {
        switch self {
        case .short(let text): return text
        case .long(let text): return text.value
        }
    }

    /// Its UTF-8, without making a string of a snapshot's bytes.
    func withUTF8<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        switch self {
        case .short(let text):
            var text = text ?? ""
            return text.withUTF8 { body(UnsafeRawBufferPointer($0)) }
        case .long(let text): return text.withUTF8(body)
        }
    }
}

/// The result of a search: matching sessions, and where in the corpus each first matched.
public struct SearchHits: Sendable, Equatable {
    public fileprivate(set) var sessions: [Int] = []
    fileprivate var offsets: [Int] = []
    /// The length of the query these are hits of.
    fileprivate var length = 0

    public init() {}

    fileprivate init(sessions: [Int], offsets: [Int], length: Int) {
        self.sessions = sessions
        self.offsets = offsets
        self.length = length
    }
}

/// A set of byte values, 256 bits.
struct ByteSet: Sendable {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    init() {}

    @inline(__always)
    mutating func insert(_ byte: UInt8) {
        let bit = UInt64(1) << (byte & 63)
        switch byte >> 6 {
        case 0: words.0 |= bit
        case 1: words.1 |= bit
        case 2: words.2 |= bit
        default: words.3 |= bit
        }
    }

    init(_ bytes: some Sequence<UInt8>) {
        for byte in bytes { insert(byte) }
    }

    func contains(_ other: ByteSet) -> Bool {
        words.0 & other.words.0 == other.words.0 && words.1 & other.words.1 == other.words.1
            && words.2 & other.words.2 == other.words.2 && words.3 & other.words.3 == other.words.3
    }
}

extension SearchIndex: Equatable {
    /// The same index: built or mapped once, and handed around.
    public static func == (a: SearchIndex, b: SearchIndex) -> Bool { a.bytes === b.bytes }
}
