import Foundation
import Glibc

/// A file mapped read-only into memory, for snapshots (`ScheduleSnapshot`): a 30 MB snapshot
/// is used where it lies in the page cache instead of being copied, and pages of text that are
/// never shown are never read.
///
/// `ScheduleFile` never maps a schedule: someone else's file may be truncated while mapped,
/// and the next touch raises SIGBUS. A snapshot is different: this program writes it whole
/// under a temporary name and renames it into place, and never changes or truncates it
/// afterwards, so a mapping keeps the inode's bytes even when another process replaces or
/// prunes the file. Should someone still truncate it in place, the pages lost read as zeros
/// (`MappingFaults`) and the mapping says it is damaged. Its content is untrusted either way:
/// every offset and length is checked before use, as for any other input.
public final class MappedFile: @unchecked Sendable {
    let base: UnsafeRawPointer
    let count: Int
    /// Its place in `MappingFaults`, when it has one.
    private let slot: Int?

    /// Nil when the path is missing, a symlink (only files of the cache are mapped, and a link
    /// there was planted; `followLinks` for a schedule the user named), not a regular file,
    /// empty or larger than `limit`.
    public convenience init?(path: String, limit: Int, followLinks: Bool = false) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (followLinks ? 0 : O_NOFOLLOW))
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        self.init(descriptor: descriptor, limit: limit)
    }

    /// The file open on `descriptor` (left open), on the same terms.
    init?(descriptor: Int32, limit: Int) {
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
              info.st_size > 0, Int64(info.st_size) <= Int64(limit) else { return nil }
        let size = Int(info.st_size)
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), mapped != MAP_FAILED else { return nil }
        base = UnsafeRawPointer(mapped)
        count = size
        MappingFaults.install()
        slot = MappingFaults.register(base, count: size)
    }

    /// Whether a fault past a cut end is caught (`MappingFaults` had room for it).
    public var isGuarded: Bool { slot != nil }

    /// The file was cut short while mapped: what was read from the lost pages were zeros.
    public var isDamaged: Bool { slot.map(MappingFaults.isDamaged) ?? false }

    public var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    /// Gives back the whole pages inside `range` (read again from the page cache if touched):
    /// checking a file reads all of it, and what is not used should not stay resident for that.
    func release(_ range: Range<Int>) {
        guard let page = Self.pageSize else { return }
        let start = (range.lowerBound + page - 1) / page * page, end = min(range.upperBound, count) / page * page
        guard start < end else { return }
        madvise(UnsafeMutableRawPointer(mutating: base + start), end - start, MADV_DONTNEED)
    }

    private static let pageSize: Int? = { let size = sysconf(Int32(_SC_PAGESIZE)); return size > 0 ? size : nil }()

    deinit {
        if let slot { MappingFaults.unregister(slot) }
        munmap(UnsafeMutableRawPointer(mutating: base), count)
    }
}
