import Glibc

/// The words of a search index's folded corpus, sorted, each with the sessions that hold it:
/// a query made only of letters and digits matches exactly the sessions holding a word it
/// begins (matches are at word starts, and such a query cannot run past its word), so it is
/// answered from the few words it begins instead of by scanning every session's text. At
/// 20,000 sessions whose every text holds a word starting with "k", that is the difference
/// between reading 27 MB and reading a few posting lists.
///
/// A word is a longest run of word scalars (`WordStart.isWordScalar`); a run begins exactly
/// where `WordStart.isWordStart` is true before a word scalar.
struct VocabularyBuilder {
    /// Open addressing: word number + 1, 0 for an empty slot.
    private var slots = [UInt32](repeating: 0, count: 1 << 12)
    private var hashes: [UInt64] = []
    /// Each word's bytes, one after the other (the corpus may be written out as it is built,
    /// so words are not read back from it), and where each word's begin.
    private var wordBytes: [UInt8] = []
    private var firstAt: [UInt32] = []
    private var lengths: [UInt32] = []
    private var lastSession: [Int32] = []
    /// The words of each session, once each, in session order.
    private var wordsBySession: [UInt32] = []
    private var sessionStarts: [UInt32] = [0]

    /// Adds the words of session `session`, its folded text being `text` in `blob`.
    mutating func add(session: Int, text: Range<Int>, in blob: UnsafeRawBufferPointer) {
        var begin = -1, scalarIsWord = false
        for position in text {
            let byte = blob[position]
            let isWord: Bool
            if byte < 0x80 {
                isWord = WordStart.isASCIIWordByte(byte)
            } else if byte & 0xC0 == 0x80 {
                isWord = scalarIsWord
            } else {
                scalarIsWord = WordStart.isWordLead(byte)
                isWord = scalarIsWord
            }
            if isWord {
                if begin < 0 { begin = position }
            } else if begin >= 0 {
                addWord(begin..<position, session: session, in: blob)
                begin = -1
            }
        }
        if begin >= 0 { addWord(begin..<text.upperBound, session: session, in: blob) }
        sessionStarts.append(UInt32(wordsBySession.count))
    }

    private mutating func addWord(_ range: Range<Int>, session: Int, in blob: UnsafeRawBufferPointer) {
        var fnv = FNV1a()
        for position in range { fnv.add(blob[position]) }
        let hash = fnv.value
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        var word = -1
        while slots[slot] != 0 {
            let candidate = Int(slots[slot]) - 1
            if hashes[candidate] == hash, Int(lengths[candidate]) == range.count,
               wordBytes.withUnsafeBytes({ memcmp($0.baseAddress! + Int(firstAt[candidate]), blob.baseAddress! + range.lowerBound, range.count) }) == 0 {
                word = candidate
                break
            }
            slot = (slot + 1) & mask
        }
        if word < 0 {
            word = hashes.count
            hashes.append(hash)
            firstAt.append(UInt32(wordBytes.count))
            wordBytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: blob[range]))
            lengths.append(UInt32(range.count))
            lastSession.append(-1)
            slots[slot] = UInt32(word + 1)
            if hashes.count * 2 > slots.count { grow() }
        }
        if lastSession[word] != Int32(session) {
            lastSession[word] = Int32(session)
            wordsBySession.append(UInt32(word))
        }
    }

    private mutating func grow() {
        slots = [UInt32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (word, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = UInt32(word + 1)
        }
    }

    /// The size of the vocabulary `finish` writes.
    var size: Int { VocabularyLayout(at: 0, words: hashes.count, wordBytes: wordBytes.count, postings: wordsBySession.count).end }

    /// The vocabulary in `VocabularyLayout`'s form, handed to `write` in order, part by part:
    /// the postings are sorted out a bounded number at a time, each part a scan of the words
    /// of every session, so that they are never held twice over. The builder is spent.
    mutating func finish(_ write: (UnsafeRawBufferPointer) -> Void) {
        let count = hashes.count
        let order = wordBytes.withUnsafeBytes { words in
            (0..<count).sorted { a, b in
                Self.compare(words, Int(firstAt[a]), Int(lengths[a]), words, Int(firstAt[b]), Int(lengths[b])) < 0
            }
        }
        var rank = [Int32](repeating: 0, count: count)
        for (r, word) in order.enumerated() { rank[word] = Int32(r) }
        // Each rank's first posting: the counts of the words, in rank order.
        var postingStarts = [UInt32](repeating: 0, count: count + 1)
        for word in wordsBySession { postingStarts[Int(rank[Int(word)]) + 1] += 1 }
        for r in 0..<count { postingStarts[r + 1] += postingStarts[r] }
        let layout = VocabularyLayout(at: 0, words: count, wordBytes: wordBytes.count, postings: wordsBySession.count)
        var head: [UInt8] = []
        for value in [UInt64(count), UInt64(wordBytes.count), UInt64(wordsBySession.count)] { withUnsafeBytes(of: value) { head.append(contentsOf: $0) } }
        var wordStart: UInt32 = 0
        for word in order {
            withUnsafeBytes(of: wordStart) { head.append(contentsOf: $0) }
            wordStart += lengths[word]
        }
        withUnsafeBytes(of: wordStart) { head.append(contentsOf: $0) }
        postingStarts.withUnsafeBytes { head.append(contentsOf: $0) }
        head.withUnsafeBytes(write)
        assert(head.count == layout.postings)
        // The postings, ranks [low, high) at a time: each word's sessions ascend, as sessions are
        // scanned in order.
        let chunk = 1 << 18
        var low = 0
        var postings: [UInt32] = []
        while low < count {
            var high = low + 1
            while high < count, Int(postingStarts[high + 1] - postingStarts[low]) <= chunk { high += 1 }
            let base = Int(postingStarts[low])
            postings = [UInt32](repeating: 0, count: Int(postingStarts[high]) - base)
            var cursor = Array(postingStarts[low..<high]).map { Int($0) - base }
            for session in 0..<(sessionStarts.count - 1) {
                for k in Int(sessionStarts[session])..<Int(sessionStarts[session + 1]) {
                    let r = Int(rank[Int(wordsBySession[k])])
                    guard r >= low, r < high else { continue }
                    postings[cursor[r - low]] = UInt32(session)
                    cursor[r - low] += 1
                }
            }
            postings.withUnsafeBytes(write)
            low = high
        }
        postings = []
        wordsBySession = []
        sessionStarts = []
        var words: [UInt8] = []
        words.reserveCapacity(wordBytes.count)
        wordBytes.withUnsafeBytes { all in
            for word in order { words.append(contentsOf: UnsafeRawBufferPointer(rebasing: all[Int(firstAt[word])..<(Int(firstAt[word]) + Int(lengths[word]))])) }
        }
        words.withUnsafeBytes(write)
    }

    /// Bytes compared as unsigned, a prefix before what it begins.
    static func compare(_ a: UnsafeRawBufferPointer, _ aStart: Int, _ aCount: Int,
                        _ b: UnsafeRawBufferPointer, _ bStart: Int, _ bCount: Int) -> Int {
        let shared = min(aCount, bCount)
        if shared > 0 {
            let order = memcmp(a.baseAddress! + aStart, b.baseAddress! + bStart, shared)
            if order != 0 { return Int(order) }
        }
        return aCount - bCount
    }
}

/// Where the vocabulary lies (in the file, after the corpus, 8-aligned): its counts (words, bytes of words,
/// postings; `UInt64` each), each word's start in the word bytes and each word's first posting
/// (`UInt32`, one more than there are words), the postings (session numbers, `UInt32`), then
/// the words' bytes, sorted.
struct VocabularyLayout: Sendable {
    let start: Int
    let count: Int
    let wordStarts: Int
    let postingStarts: Int
    let postings: Int
    let words: Int
    let end: Int

    init(at start: Int, words count: Int, wordBytes: Int, postings postingCount: Int) {
        self.start = start
        self.count = count
        wordStarts = start + 24
        postingStarts = wordStarts + 4 * (count + 1)
        postings = postingStarts + 4 * (count + 1)
        words = postings + 4 * postingCount
        end = words + wordBytes
    }

    /// The layout the counts at `start` describe, when it fits in `size` bytes.
    static func read(_ raw: UnsafeRawBufferPointer, at start: Int) -> VocabularyLayout? {
        guard start >= 0, start + 24 <= raw.count else { return nil }
        let limit = UInt64(raw.count)
        let count = raw.load(fromByteOffset: start, as: UInt64.self), bytes = raw.load(fromByteOffset: start + 8, as: UInt64.self)
        let postings = raw.load(fromByteOffset: start + 16, as: UInt64.self)
        guard count < limit / 4, bytes <= limit, postings < limit / 4 else { return nil }
        let layout = VocabularyLayout(at: start, words: Int(count), wordBytes: Int(bytes), postings: Int(postings))
        return layout.end <= raw.count ? layout : nil
    }
}
