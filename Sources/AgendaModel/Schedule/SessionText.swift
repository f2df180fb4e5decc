import Foundation
import Glibc

/// A session's long text (abstract, description): a `String` as a reader made it, a range of
/// UTF-8 bytes in a loaded snapshot, or a range of the bytes a reader found in the file; made a
/// `String` only when it is read. A programme then holds its texts once, as bytes, instead of
/// as twenty thousand strings made at start (most of which are never shown), and a reader does
/// not spend its time making them readable before the first screen.
struct SessionText: Sendable, Equatable {
    private enum Storage: Sendable {
        case string(String?)
        /// Readable text (a snapshot's), checked again as it is made.
        case bytes(TextBuffer, offset: UInt32, length: UInt32)
        /// The text of an XML element as written (entities decoded, nothing else): dedented, its
        /// HTML made readable and sanitised as it is made (`FieldText`), as a reader would have.
        case found(TextBuffer, offset: UInt32, length: UInt32)
    }

    private var storage: Storage

    init(_ value: String?) { storage = .string(value) }

    init(_ buffer: TextBuffer, offset: Int, length: Int) {
        storage = .bytes(buffer, offset: UInt32(offset), length: UInt32(length))
    }

    init(found buffer: TextBuffer, offset: Int, length: Int) {
        storage = .found(buffer, offset: UInt32(offset), length: UInt32(length))
    }

    var value: String? {
        switch storage {
        case .string(let value): return value
        case .bytes(let buffer, let offset, let length): return buffer.text(at: Int(offset), length: Int(length))
        case .found(let buffer, let offset, let length): return buffer.readable(at: Int(offset), length: Int(length))
        }
    }

    /// Its UTF-8 (a snapshot's bytes are not made a string).
    func withUTF8<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        switch storage {
        case .bytes(let buffer, let offset, let length):
            return buffer.withBytes { body(UnsafeRawBufferPointer(rebasing: $0[Int(offset)..<(Int(offset) + Int(length))])) }
        case .string, .found:
            var value = value ?? ""
            return value.withUTF8 { body(UnsafeRawBufferPointer($0)) }
        }
    }

    /// About the length in UTF-8 bytes, without making a string (a text as found may shrink a
    /// little when made readable).
    var byteCount: Int {
        switch storage {
        case .string(let value): return value?.utf8.count ?? 0
        case .bytes(_, _, let length), .found(_, _, let length): return Int(length)
        }
    }

    /// Calls `body` with each of `sessions` (and its number) in turn, giving back the mapped
    /// pages of the texts read every few sessions (`release`): whoever reads every text once (a
    /// snapshot being written, a search index being built) does not keep them resident. Stops
    /// early when `stop` says so (checked as often): false then.
    @discardableResult
    static func readingOnce(_ sessions: [Session], until stop: () -> Bool = { false }, _ body: (Int, Session) -> Void) -> Bool {
        // Often: a page read from a mapping brings its neighbours in with it (the kernel maps
        // several at a fault), so a few dozen texts can hold megabytes.
        // Texts a reader found lie in the file's order, not the programme's: the pages brought
        // in around them may lie outside the span of the last few, so every few hundred
        // sessions the span of all read so far is given back.
        let every = 16, all = 256
        if stop() { return false }
        for (number, session) in sessions.enumerated() {
            body(number, session)
            if number % every == every - 1 {
                release(sessions[(number % all == all - 1 ? 0 : number - every + 1)...number])
                if stop() { return false }
            }
        }
        release(sessions[...])
        return true
    }

    /// Gives back the mapped pages the texts of `sessions` lie on, once they have been read
    /// (the search index reads every text once): they are read again if shown. Sessions are
    /// in snapshot order, so their texts are one run of bytes; texts a reader found are in the
    /// file's order, so a few sessions' texts may span much of it (pages of the span read
    /// later are read again).
    static func release(_ sessions: ArraySlice<Session>) {
        var buffer: TextBuffer?
        var low = Int.max, high = 0
        for session in sessions {
            for text in [session.abstractText, session.descriptionText] {
                let owner: TextBuffer, offset: UInt32, length: UInt32
                switch text.storage {
                case .bytes(let b, let o, let l), .found(let b, let o, let l): (owner, offset, length) = (b, o, l)
                case .string: continue
                }
                buffer = owner
                low = min(low, Int(offset))
                high = max(high, Int(offset) + Int(length))
            }
        }
        if let buffer, low < high { buffer.release(low..<high) }
    }

    static func == (a: SessionText, b: SessionText) -> Bool {
        // The same bytes are the same text, without making either readable.
        switch (a.storage, b.storage) {
        case (.bytes(let x, let xo, let xl), .bytes(let y, let yo, let yl)),
             (.found(let x, let xo, let xl), .found(let y, let yo, let yl)):
            if x === y, xo == yo, xl == yl { return true }
        default: break
        }
        return a.value == b.value
    }
}

/// Bytes a snapshot was loaded from (in memory, or mapped), or the texts a reader found, kept
/// for the texts that point into them.
final class TextBuffer: Sendable {
    private let data: Data?
    private let mapping: MappedFile?
    private let found: [UInt8]?

    init(_ bytes: Data) { data = bytes; mapping = nil; found = nil }

    init(_ mapping: MappedFile) { data = nil; self.mapping = mapping; found = nil }

    init(found bytes: [UInt8]) { data = nil; mapping = nil; found = bytes }

    /// Pages of `range` that are mapped are given back (they are read again from the page cache
    /// if a text there is shown): checking a snapshot reads all of it, and its texts should not
    /// stay resident for that.
    func release(_ range: Range<Int>) { mapping?.release(range) }

    func withBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        if let mapping { return body(mapping.bytes) }
        if let found { return found.withUnsafeBytes(body) }
        return data!.withUnsafeBytes(body)
    }

    /// A text as a reader found it, made readable as the reader would have made it then.
    func readable(at offset: Int, length: Int) -> String? {
        withBytes { all in
            FieldText.text(FieldText.dedented(String(decoding: all[offset..<(offset + length)], as: UTF8.self)))
        }
    }

    /// The text at a range checked when the snapshot was loaded. Checked again here, as it is
    /// made: text that is not UTF-8 or holds what the sanitiser removes (only a forged
    /// snapshot could) is repaired and sanitised, never shown as it is.
    func text(at offset: Int, length: Int) -> String {
        withBytes { all in
            let raw = UnsafeBufferPointer(rebasing: all.bindMemory(to: UInt8.self)[offset..<(offset + length)])
            if let text = String(validating: raw, as: UTF8.self), SnapshotTextCheck.safety(raw).text { return text }
            return Sanitizer.text(String(decoding: raw, as: UTF8.self))
        }
    }
}
