import Foundation
import Glibc
import Synchronization

/// Reads a schedule file's bytes with a size limit, so that no file can exhaust the machine.
///
/// Real programmes are small: 38C3's XML, a thousand sessions, is 2.2 MB; the largest known
/// are a few times that. Parsing costs a multiple of the file's size in memory, so an
/// unbounded file (a million sessions, `/dev/zero`, a runaway generator) would take the
/// machine down instead of failing. Past `maxBytes` the file is refused with a clear error.
/// Regular files are mapped, not copied; pipes and devices (`<(curl …)`) are read in chunks
/// and refused as soon as they pass the limit, so `/dev/zero` ends at once.
public enum ScheduleFile {
    /// 64 MiB, the same as the download limit for URLs: room for a 20,000-session programme
    /// (41 MB as frab XML, which must load), yet a million sessions (74 MB at their smallest)
    /// are refused before any parsing.
    public static let maxBytes = 64 << 20

    public static func read(path: String, limit: Int = maxBytes) throws(ScheduleError) -> Data {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            let reason = errno == ENOENT || errno == ENOTDIR ? "no such file" : "cannot be read (\(String(cString: strerror(errno))))"
            throw ScheduleError(.missing, file: path, message: reason)
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw ScheduleError(.missing, file: path, message: "cannot be read (\(String(cString: strerror(errno))))")
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            throw ScheduleError(.missing, file: path, message: "is a directory, not a schedule file")
        case S_IFREG:
            if Int64(info.st_size) > Int64(limit) { throw tooLarge(path, bytes: Int64(info.st_size), limit: limit) }
            let size = Int(info.st_size)
            guard size > 0 else { return Data() }
            guard let data = map(descriptor, size: size) else {
                throw ScheduleError(.missing, file: path, message: "cannot be read (\(String(cString: strerror(errno))))")
            }
            return data
        default:
            // A pipe, socket or device: read it, blocking, up to one byte past the limit.
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
            var data = Data()
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                if count < 0 {
                    throw ScheduleError(.missing, file: path, message: "cannot be read (\(String(cString: strerror(errno))))")
                }
                if count == 0 { return data }
                data.append(contentsOf: chunk[0..<count])
                if data.count > limit { throw tooLarge(path, bytes: nil, limit: limit) }
            }
        }
    }

    // MARK: Mapping

    /// Regular files are mapped read-only and private, never copied. Base addresses of the
    /// mappings made here, so that `PageRelease` advises only those.
    private static let mappings = Mutex<Set<UInt>>([])

    private static func map(_ descriptor: Int32, size: Int) -> Data? {
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), base != MAP_FAILED else { return nil }
        _ = madvise(base, size, MADV_SEQUENTIAL)   // readers go front to back: read ahead, drop behind
        let address = UInt(bitPattern: base)
        mappings.withLock { _ = $0.insert(address) }
        return Data(bytesNoCopy: base, count: size, deallocator: .custom { pointer, count in
            mappings.withLock { _ = $0.remove(UInt(bitPattern: pointer)) }
            munmap(pointer, count)
        })
    }

    /// Hands back the pages of a mapped file that a reader is done with, as it goes: they are
    /// clean copies of the file (re-read should anything look back), so a 41 MB programme does
    /// not sit in memory beside the sessions made from it. Does nothing for other memory, where
    /// the same advice would discard data.
    struct PageRelease {
        private let base: UnsafeRawPointer?
        private var released = 0
        private static let step = 1 << 20

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            let address = UInt(bitPattern: bytes.baseAddress)
            base = address != 0 && ScheduleFile.mappings.withLock({ $0.contains(address) }) ? UnsafeRawPointer(bytes.baseAddress) : nil
        }

        /// Everything before `offset` is no longer needed.
        mutating func done(before offset: Int) {
            guard let base, offset - released >= Self.step else { return }
            let end = offset / Self.step * Self.step   // whole pages: the mapping starts on one
            _ = madvise(UnsafeMutableRawPointer(mutating: base + released), end - released, MADV_DONTNEED)
            released = end
        }
    }

    /// What identifies a version of a regular file without reading it: device, inode, size and
    /// modification time, as make and rsync use. Nil for pipes and devices (always read).
    public struct Fingerprint: Codable, Sendable, Equatable {
        public var device: UInt64
        public var inode: UInt64
        public var size: Int64
        public var modifiedSeconds: Int64
        public var modifiedNanoseconds: Int64
    }

    public static func fingerprint(path: String) -> Fingerprint? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return Fingerprint(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
                           modifiedSeconds: Int64(info.st_mtim.tv_sec), modifiedNanoseconds: Int64(info.st_mtim.tv_nsec))
    }

    private static func tooLarge(_ path: String, bytes: Int64?, limit: Int) -> ScheduleError {
        let size = bytes.map { "\(megabytes($0)) MB" } ?? "more than \(megabytes(Int64(limit))) MB"
        return ScheduleError(file: path, line: nil, message:
            "the file is too large to be a schedule (\(size); the limit is \(megabytes(Int64(limit))) MB)")
    }

    private static func megabytes(_ bytes: Int64) -> String {
        let value = Double(bytes) / 1_048_576
        return value < 10 ? String(format: "%.1f", value) : String(Int(value.rounded()))
    }
}
