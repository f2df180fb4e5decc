import Foundation
import Glibc

/// Write-then-rename with fsync: readers see the old content or the new, never a torn file.
public enum AtomicFile {
    /// `durable: false` skips both fsyncs: for caches that check what they read and can be
    /// rebuilt, where a crash may lose the file but never leaves a torn one under its name.
    public static func write(_ data: some ContiguousBytes, to file: URL, durable: Bool = true) throws {
        try data.withUnsafeBytes { try write(parts: [$0], to: file, durable: durable) }
    }

    /// `parts` one after the other, as one file (a header and the bytes it describes, without
    /// copying them into one buffer first).
    public static func write(parts: [UnsafeRawBufferPointer], to file: URL, durable: Bool = true) throws {
        try replace(file, durable: durable) { descriptor, _ in
            parts.allSatisfy { Descriptor.write(all: $0, to: descriptor) }
        }
    }

    /// Copies the regular file at `path` to `file` in 1 MB blocks (never all of it in memory),
    /// keeping it only if `accept` says yes to the copy's bytes (mapped, given back as read).
    /// Not durable: for caches that check what they read.
    public static func copy(from path: String, to file: URL, limit: Int,
                            accept: (_ bytes: UnsafeRawBufferPointer, _ release: (Range<Int>) -> Void) -> Bool) throws {
        let source = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard source >= 0 else { throw CocoaError(.fileReadNoSuchFile) }
        defer { close(source) }
        var info = stat()
        guard fstat(source, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int64(info.st_size) <= Int64(limit) else {
            throw CocoaError(.fileReadUnknown)
        }
        try replace(file, durable: false) { descriptor, temporary in
            var block = [UInt8](repeating: 0, count: 1 << 20)
            var total = 0
            while true {
                let got = block.withUnsafeMutableBytes { Glibc.read(source, $0.baseAddress!, $0.count) }
                if got == 0 { break }
                total += max(got, 0)
                guard got > 0, total <= limit,
                      block.withUnsafeBytes({ Descriptor.write(all: UnsafeRawBufferPointer(rebasing: $0[..<got]), to: descriptor) })
                else { return false }
            }
            return MappedFile(path: temporary, limit: limit).map { accept($0.bytes, $0.release) && !$0.isDamaged } ?? false
        }
    }

    /// A temporary file beside `file`, filled by `fill` (false: given up), then renamed over it.
    static func replace(_ file: URL, durable: Bool, fill: (_ descriptor: Int32, _ temporary: String) -> Bool) throws {
        let directory = file.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        removeStaleTemporaries(of: file)
        var template = Array(directory.appendingPathComponent(".\(file.lastPathComponent).XXXXXX").path.utf8CString)
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var ok = fill(descriptor, temporary)
        ok = ok && (!durable || fsync(descriptor) == 0)
        close(descriptor)
        guard ok, rename(temporary, file.path) == 0 else {
            unlink(temporary)
            throw CocoaError(.fileWriteUnknown)
        }
        // Make the rename itself durable.
        guard durable else { return }
        let directoryDescriptor = open(directory.path, O_RDONLY)
        if directoryDescriptor >= 0 { fsync(directoryDescriptor); close(directoryDescriptor) }
    }

    /// A process killed between `mkstemp` and `rename` leaves its `.NAME.XXXXXX` behind. Any
    /// such file older than `age` seconds is dead (a live write takes a second or two at most): remove it,
    /// so that crashes do not litter the state directory.
    static func removeStaleTemporaries(of file: URL, olderThan age: TimeInterval = 60) {
        let prefix = ".\(file.lastPathComponent)."
        removeStaleTemporaries(in: file.deletingLastPathComponent(), olderThan: age) { $0.hasPrefix(prefix) && $0.count == prefix.count + 6 }
    }

    /// The same for the files of `directory` that `isTemporary` says its owner names: for caches
    /// whose names are per content, where no later write of the same name may come to clear
    /// what a killed one left.
    public static func removeStaleTemporaries(in directory: URL, olderThan age: TimeInterval = 60,
                                              where isTemporary: (String) -> Bool) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names where isTemporary(name) {
            let path = directory.appendingPathComponent(name).path
            var info = stat()
            guard lstat(path, &info) == 0, Date().timeIntervalSince1970 - Double(info.st_mtim.tv_sec) > age else { continue }
            unlink(path)
        }
    }

    /// `.NAME.XXXXXX`, as `write` names a file before renaming it.
    public static func isTemporaryName(_ name: String) -> Bool {
        guard name.hasPrefix("."), let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
        return name.distance(from: dot, to: name.endIndex) == 7
    }

    /// `NAME` when `name` is `.NAME.XXXXXX`: which file a temporary was to become, so that a
    /// folder's owner removes only the temporaries of names it writes.
    public static func temporaryTarget(_ name: String) -> Substring? {
        isTemporaryName(name) ? name.dropFirst().dropLast(7) : nil
    }
}
