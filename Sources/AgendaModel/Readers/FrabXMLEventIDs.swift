import Foundation
import Glibc
import Synchronization

/// The guids and ids that more than one `<event>` of a frab XML file carries, found by a byte
/// search of the whole file (read in blocks, no copy kept) that reads only the events' start
/// tags. With them the day read ahead keys its sessions as the whole file's read does
/// (`SessionKeys`): a guid unique in its day may repeat on another (merged files such as 36C3's
/// do), and a star made before the rest arrives must name the session the whole file has.
///
/// A search, not a parse: comments, CDATA sections and processing instructions are skipped,
/// nothing else is checked. Gives nil when an event has no `id` attribute (its id may come from
/// its `<slug>`) or an event's tag does not read: the day is then not read ahead.
struct FrabXMLEventIDs: Equatable {
    var repeatedGuids: Set<String> = []
    var repeatedIDs: Set<String> = []

    static let block = 1 << 20

    /// The first `size` bytes of the file open as `descriptor`; nil too once `stopped` says so.
    static func scan(descriptor: Int32, size: Int, stopped: () -> Bool = { false }) -> FrabXMLEventIDs? {
        var search = Search()
        var buffer = [UInt8](repeating: 0, count: block)
        var position = 0
        while position < size {
            if stopped() { return nil }
            let want = min(block, size - position)
            let got = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress!, want, off_t(position)) }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { return nil }
            let last = position + got >= size
            guard let resume = buffer.withUnsafeBytes({ search.next(UnsafeRawBufferPointer(rebasing: $0[..<got]), at: position, last: last) }),
                  resume > position else { return nil }
            position = resume
        }
        return search.skipping == nil ? search.found : nil
    }

    /// The search on a thread of its own, so that it takes the other core while the day is
    /// found and read. `result()` or `stop()` must be called before the descriptor is closed.
    final class Background: Sendable {
        private let found = Mutex<FrabXMLEventIDs?>(nil)
        private let stopped = Atomic(false)
        private let done = DispatchSemaphore(value: 0)
        private let waited = Atomic(false)

        init(descriptor: Int32, size: Int) {
            Thread.detachNewThread { [self] in
                let result = FrabXMLEventIDs.scan(descriptor: descriptor, size: size) { stopped.load(ordering: .relaxed) }
                found.withLock { $0 = result }
                done.signal()
            }
        }

        /// Waits for the search: nil when it met an event it cannot read.
        func result() -> FrabXMLEventIDs? {
            wait()
            return found.withLock { $0 }
        }

        /// Ends the search at its next block, and waits for it (at most once).
        func stop() {
            stopped.store(true, ordering: .relaxed)
            wait()
        }

        private func wait() {
            if !waited.exchange(true, ordering: .relaxed) { done.wait() }
        }
    }

    /// The search's state from one block to the next.
    struct Search {
        var found = FrabXMLEventIDs()
        private var guids = Set<String>(), ids = Set<String>()
        /// The end of the comment, CDATA section or processing instruction the last block ended in.
        private(set) var skipping: StaticString?

        /// Reads the events' tags in `bytes` (at file offset `position`); gives the offset the
        /// next block starts at (a construct cut by this block's end is read again whole), or
        /// nil when an event is not one this search reads.
        mutating func next(_ bytes: UnsafeRawBufferPointer, at position: Int, last: Bool) -> Int? {
            var from = 0
            while true {
                if let end = skipping {
                    guard let at = FrabXMLDayTags.index(of: end, in: bytes, from: from) else {
                        // Keep the last bytes: "]]" at the end may be finished by the next block.
                        return position + (last ? bytes.count : max(from, bytes.count - end.utf8CodeUnitCount + 1))
                    }
                    from = at + end.utf8CodeUnitCount
                    skipping = nil
                }
                guard from < bytes.count, let hit = memchr(bytes.baseAddress! + from, Int32(UInt8(ascii: "<")), bytes.count - from) else {
                    return position + bytes.count
                }
                let at = UnsafeRawPointer(hit) - bytes.baseAddress!
                // "<![CDATA[" is the longest opening told apart here.
                if at + 9 > bytes.count, !last { return position + at }
                guard at + 1 < bytes.count else { return position + bytes.count }
                // Most tags are told apart by the byte after "<".
                switch bytes[at + 1] {
                case UInt8(ascii: "!") where Self.matches("<!--", bytes, at):
                    skipping = "-->"
                    from = at + 4
                case UInt8(ascii: "!") where Self.matches("<![CDATA[", bytes, at):
                    skipping = "]]>"
                    from = at + 9
                case UInt8(ascii: "?"):
                    skipping = "?>"
                    from = at + 2
                case UInt8(ascii: "e") where Self.matches("<event", bytes, at) && at + 6 < bytes.count
                    && [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ">"), UInt8(ascii: "/")].contains(bytes[at + 6]):
                    switch event(UnsafeRawBufferPointer(rebasing: bytes[at...])) {
                    case .read(let length): from = at + length
                    case .noID: return nil
                    // Perhaps cut by the block's end: read again from its start (there, it does not read).
                    case .unread: return !last && at > 0 ? position + at : nil
                    }
                default:
                    from = at + 1
                }
            }
        }

        enum Tag { case read(length: Int), unread, noID }

        /// Counts the guid and id of the event tag at the start of `bytes`.
        private mutating func event(_ bytes: UnsafeRawBufferPointer) -> Tag {
            var scanner = XMLScanner(bytes: bytes.assumingMemoryBound(to: UInt8.self), file: "")
            guard (try? scanner.next()) == .start else { return .unread }
            // As `FrabXMLReader` reads them.
            guard let id = FieldText.line(scanner.attribute("id")) else { return .noID }
            if !ids.insert(id).inserted { found.repeatedIDs.insert(id) }
            if let guid = FieldText.line(scanner.attribute("guid")), !guids.insert(guid).inserted { found.repeatedGuids.insert(guid) }
            return .read(length: scanner.position)
        }

        private static func matches(_ text: StaticString, _ bytes: UnsafeRawBufferPointer, _ at: Int) -> Bool {
            at + text.utf8CodeUnitCount <= bytes.count && memcmp(bytes.baseAddress! + at, text.utf8Start, text.utf8CodeUnitCount) == 0
        }
    }
}
