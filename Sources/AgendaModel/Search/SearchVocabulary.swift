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

    /// The vocabulary in `VocabularyLayout`'s form. Each session's words are let go of once
    /// sorted into postings, before the vocabulary's bytes are laid out (the builder is spent).
    mutating func finish() -> [UInt8] {
        let count = hashes.count
        // Each word's sessions, ascending: a counting sort of the words of each session.
        var postingStarts = [Int](repeating: 0, count: count + 1)
        for word in wordsBySession { postingStarts[Int(word) + 1] += 1 }
        for word in 0..<count { postingStarts[word + 1] += postingStarts[word] }
        var cursor = postingStarts
        var postings = [UInt32](repeating: 0, count: wordsBySession.count)
        for session in 0..<(sessionStarts.count - 1) {
            for k in Int(sessionStarts[session])..<Int(sessionStarts[session + 1]) {
                let word = Int(wordsBySession[k])
                postings[cursor[word]] = UInt32(session)
                cursor[word] += 1
            }
        }
        wordsBySession = []
        sessionStarts = []
        cursor = []
        return wordBytes.withUnsafeBytes { words in
            let order = (0..<count).sorted { a, b in
                Self.compare(words, Int(firstAt[a]), Int(lengths[a]), words, Int(firstAt[b]), Int(lengths[b])) < 0
            }
            let layout = VocabularyLayout(at: 0, words: count, wordBytes: words.count, postings: postings.count)
            var tail = [UInt8](repeating: 0, count: layout.end)
            tail.withUnsafeMutableBytes { out in
                func store<T>(_ value: T, _ at: Int) { out.storeBytes(of: value, toByteOffset: at, as: T.self) }
                store(UInt64(count), 0)
                store(UInt64(words.count), 8)
                store(UInt64(postings.count), 16)
                var byteAt = 0, postingAt = 0
                for (rank, word) in order.enumerated() {
                    store(UInt32(byteAt), layout.wordStarts + 4 * rank)
                    store(UInt32(postingAt), layout.postingStarts + 4 * rank)
                    let length = Int(lengths[word])
                    (out.baseAddress! + layout.words + byteAt).copyMemory(from: words.baseAddress! + Int(firstAt[word]), byteCount: length)
                    byteAt += length
                    for k in postingStarts[word]..<postingStarts[word + 1] {
                        store(postings[k], layout.postings + 4 * postingAt)
                        postingAt += 1
                    }
                }
                store(UInt32(byteAt), layout.wordStarts + 4 * count)
                store(UInt32(postingAt), layout.postingStarts + 4 * count)
            }
            return tail
        }
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
