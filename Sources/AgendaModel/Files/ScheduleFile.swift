import Foundation
import Glibc

/// Reads a schedule file's bytes with a size limit, so that no file can exhaust the machine.
///
/// Real programmes are small: 38C3's XML, a thousand sessions, is 2.2 MB; the largest known
/// are a few times that. Parsing costs a multiple of the file's size in memory, so an
/// unbounded file (a million sessions, `/dev/zero`, a runaway generator) would take the
/// machine down instead of failing. Past `maxBytes` the file is refused with a clear error.
///
/// Files are copied into memory this process owns: a mapping of a file that someone else
/// truncates raises SIGBUS on the next touch, and an in-place `cp` changes what a mapping
/// shows. (A large schedule's first read maps it all the same, with both cases caught:
/// `MappedSchedule`.) Pipes and devices (`<(curl …)`) are read in chunks and refused as soon as they
/// pass the limit, so `/dev/zero` ends at once.
public enum ScheduleFile {
    /// 64 MiB, the same as the download limit for URLs: room for a 20,000-session programme
    /// (41 MB as frab XML, which must load), yet a million sessions (74 MB at their smallest)
    /// are refused before any parsing.
    public static let maxBytes = 64 << 20

    /// `regularOnly`: refuse pipes, sockets and devices without reading them (a watched path
    /// that became a FIFO must not block the program until a writer appears). `followLinks:
    /// false`: a symlink is not read (files of the cache, where a link is planted, never ours).
    public static func read(path: String, limit: Int = maxBytes, regularOnly: Bool = false,
                            followLinks: Bool = true) throws(ScheduleError) -> Data {
        // Non-blocking open: opening a FIFO with no writer would otherwise wait for one.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (followLinks ? 0 : O_NOFOLLOW))
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
            // The size is a hint: the file may grow or shrink while it is read.
            return try readAll(descriptor, path: path, limit: limit, expected: Int(info.st_size))
        default:
            if regularOnly {
                throw ScheduleError(.missing, file: path, message: "is not a regular file (a pipe, socket or device); not read")
            }
            // A pipe, socket or device: read it, blocking, up to one byte past the limit.
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
            return try readAll(descriptor, path: path, limit: limit, expected: 1 << 16)
        }
    }

    /// Reads to the end into one buffer sized for `expected` bytes (grown if there are more).
    private static func readAll(_ descriptor: Int32, path: String, limit: Int, expected: Int) throws(ScheduleError) -> Data {
        var data = Data(count: min(limit, expected) + 1)   // one more: a read of 0 ends it without a resize
        var count = 0
        while true {
            if count == data.count {
                if count > limit { throw tooLarge(path, bytes: nil, limit: limit) }
                data.count = min(limit + 1, max(count * 2, 1 << 16))
            }
            let capacity = data.count - count
            let got = data.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + count, capacity) }
            if got < 0, errno == EINTR { continue }
            if got < 0 {
                throw ScheduleError(.missing, file: path, message: "cannot be read (\(String(cString: strerror(errno))))")
            }
            if got == 0 { break }
            count += got
        }
        if count > limit { throw tooLarge(path, bytes: nil, limit: limit) }
        data.count = count
        return data
    }

    /// What identifies a version of a regular file without reading it: device, inode, size and
    /// modification time, as make and rsync use, and the inode's change time, which no program
    /// can set back (`cp -p` and `touch -d` restore a modification time, not this). Nil for
    /// pipes and devices (always read).
    public struct Fingerprint: Codable, Sendable, Equatable {
        public var device: UInt64
        public var inode: UInt64
        public var size: Int64
        public var modifiedSeconds: Int64
        public var modifiedNanoseconds: Int64
        /// Optional only so that fingerprints stored before it was kept still decode.
        public var changedSeconds: Int64?
        public var changedNanoseconds: Int64?

        /// Whether the file may have changed after this fingerprint was taken at `seen` without
        /// the fingerprint showing it: a write within the same tick of the file system's clock
        /// keeps size and times. Only a fingerprint taken well after the last change (two
        /// seconds, beyond any file system's granularity) vouches for the content, as git's
        /// index does for "racily clean" entries.
        public func isSettled(seenAt seen: Date) -> Bool {
            guard let changedSeconds, let changedNanoseconds else { return false }
            let changed = Double(changedSeconds) + Double(changedNanoseconds) / 1e9
            return changed < seen.timeIntervalSince1970 - 2
        }
    }

    public static func fingerprint(path: String) -> Fingerprint? {
        if case .regular(let fingerprint) = examine(path: path) { return fingerprint }
        return nil
    }

    /// What is at a path now, without opening it.
    public enum PathKind: Sendable, Equatable {
        case missing
        case regular(Fingerprint)
        /// A pipe, socket, device or directory: never re-read once the program runs.
        case other
    }

    public static func examine(path: String) -> PathKind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        guard info.st_mode & S_IFMT == S_IFREG else { return .other }
        return .regular(Fingerprint(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
                                    modifiedSeconds: Int64(info.st_mtim.tv_sec), modifiedNanoseconds: Int64(info.st_mtim.tv_nsec),
                                    changedSeconds: Int64(info.st_ctim.tv_sec), changedNanoseconds: Int64(info.st_ctim.tv_nsec)))
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
