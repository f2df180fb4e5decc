/// Builds a search index session by session: the header's room, the tables and the folded
/// corpus in `IndexLayout`'s form, and the vocabulary. Kept whole in memory (`SearchIndex`), or
/// written to its file as it is folded (`SearchIndexFile.build`, through `flush`), so that
/// the corpus (most of an index) is never held whole.
struct SearchIndexBuilder {
    let layout: IndexLayout
    /// The header's room and the tables, then the corpus folded since the last `flush`.
    private(set) var head: [UInt8]
    /// Corpus bytes handed to `flush`.
    private(set) var written = 0
    private var vocabulary = VocabularyBuilder()
    private var folding = SearchFolding()
    private var sessions = 0

    /// `capacity`: room for the head, so that it never moves while it grows.
    init(sessions count: Int, capacity: Int) {
        layout = IndexLayout(sessions: count)
        head = [UInt8](repeating: 0, count: layout.corpus)
        head.reserveCapacity(capacity)
    }

    /// Folds the next session's searched text (`SearchIndex.fields`) into the corpus.
    mutating func add(_ session: Session) {
        let start = head.count
        for field in SearchIndex.fields(of: session) {
            guard let text = field.text, !text.isEmpty else { continue }
            folding.append(text, to: &head)
            head.append(0)  // a field separator no query contains
        }
        let number = sessions, written = written
        head.withUnsafeMutableBytes { raw in
            layout.record(session: number, text: start..<raw.count, in: raw, written: written)
            vocabulary.add(session: number, text: start..<raw.count, in: UnsafeRawBufferPointer(raw))
        }
        sessions += 1
    }

    /// The corpus folded since the last call, if there is at least `minimum` of it, handed to
    /// `write` and let go of.
    mutating func flush(minimum: Int = 0, _ write: (UnsafeRawBufferPointer) -> Void) {
        let count = head.count - layout.corpus
        guard count > 0, count >= minimum else { return }
        head.withUnsafeBytes { write(UnsafeRawBufferPointer(rebasing: $0[layout.corpus...])) }
        head.removeSubrange(layout.corpus...)
        written += count
    }

    /// The head (its header left zero, the corpus that was not flushed after the tables); the
    /// vocabulary is handed to `write` part by part. The builder is spent.
    mutating func finish(vocabulary write: (UnsafeRawBufferPointer) -> Void) -> [UInt8] {
        let corpusLength = written + head.count - layout.corpus
        layout.seal(&head, corpusLength: corpusLength)
        vocabulary.finish(write)
        var out: [UInt8] = []
        swap(&out, &head)
        return out
    }

    /// The head and the vocabulary, in memory.
    mutating func finish() -> (head: [UInt8], tail: [UInt8]) {
        var tail: [UInt8] = []
        tail.reserveCapacity(vocabulary.size)
        let head = finish { tail.append(contentsOf: $0) }
        return (head, tail)
    }
}
