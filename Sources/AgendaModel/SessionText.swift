import Foundation
import Glibc

/// A session's long text (abstract, description): a `String` as a reader made it, or a range
/// of UTF-8 bytes in a loaded snapshot, made a `String` only when it is read. A programme
/// loaded from its snapshot then holds its texts once, as the snapshot's bytes, instead of
/// as twenty thousand strings made at start (most of which are never shown).
struct SessionText: Sendable, Equatable {
    private enum Storage: Sendable {
        case string(String?)
        case bytes(TextBuffer, offset: UInt32, length: UInt32)
    }

    private var storage: Storage

    init(_ value: String?) { storage = .string(value) }

    init(_ buffer: TextBuffer, offset: Int, length: Int) {
        storage = .bytes(buffer, offset: UInt32(offset), length: UInt32(length))
    }

    var value: String? {
        switch storage {
        case .string(let value): return value
        case .bytes(let buffer, let offset, let length): return buffer.text(at: Int(offset), length: Int(length))
        }
    }

    /// Its UTF-8 as stored (a snapshot's bytes are not made a string).
    func withUTF8<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        switch storage {
        case .string(let value):
            var value = value ?? ""
            return value.withUTF8 { body(UnsafeRawBufferPointer($0)) }
        case .bytes(let buffer, let offset, let length):
            return buffer.withBytes { body(UnsafeRawBufferPointer(rebasing: $0[Int(offset)..<(Int(offset) + Int(length))])) }
        }
    }

    /// The length in UTF-8 bytes, without making a string.
    var byteCount: Int {
        switch storage {
        case .string(let value): return value?.utf8.count ?? 0
        case .bytes(_, _, let length): return Int(length)
        }
    }

    /// Gives back the mapped pages the texts of `sessions` lie on, once they have been read
    /// (the search index reads every text once): they are read again if shown. Sessions are
    /// in snapshot order, so their texts are one run of bytes.
    static func release(_ sessions: ArraySlice<Session>) {
        var buffer: TextBuffer?
        var low = Int.max, high = 0
        for session in sessions {
            for text in [session.abstractText, session.descriptionText] {
                guard case .bytes(let owner, let offset, let length) = text.storage else { continue }
                buffer = owner
                low = min(low, Int(offset))
                high = max(high, Int(offset) + Int(length))
            }
        }
        if let buffer, low < high { buffer.release(low..<high) }
    }

    static func == (a: SessionText, b: SessionText) -> Bool {
        if case .bytes(let x, let xo, let xl) = a.storage, case .bytes(let y, let yo, let yl) = b.storage,
           x === y, xo == yo, xl == yl { return true }
        return a.value == b.value
    }
}

/// Bytes a snapshot was loaded from (in memory, or mapped), kept for the texts that point into them.
final class TextBuffer: Sendable {
    private let data: Data?
    private let mapping: MappedFile?

    init(_ bytes: Data) { data = bytes; mapping = nil }

    init(_ mapping: MappedFile) { data = nil; self.mapping = mapping }

    /// Pages of `range` that are mapped are given back (they are read again from the page cache
    /// if a text there is shown): checking a snapshot reads all of it, and its texts should not
    /// stay resident for that.
    func release(_ range: Range<Int>) { mapping?.release(range) }

    func withBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        if let mapping { return body(mapping.bytes) }
        return data!.withUnsafeBytes(body)
    }

    /// The text at a range checked when the snapshot was loaded. Checked again here, as it is
    /// made: text that is not UTF-8 or holds what the sanitiser removes (only a forged
    /// snapshot could) is repaired and sanitised, never shown as it is.
    func text(at offset: Int, length: Int) -> String {
        withBytes { all in
            let raw = UnsafeBufferPointer(rebasing: all.bindMemory(to: UInt8.self)[offset..<(offset + length)])
            if let text = String(validating: raw, as: UTF8.self), SnapshotText.safety(raw).text { return text }
            return Sanitizer.text(String(decoding: raw, as: UTF8.self))
        }
    }
}
