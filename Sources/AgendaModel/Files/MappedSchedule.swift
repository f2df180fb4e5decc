import Foundation

/// A large schedule file read through a mapping rather than copied, its pages given back as
/// they are read (`release`): a first open of a large programme then never holds the file
/// whole beside what is parsed from it.
///
/// `ScheduleFile` copies files because someone else's file may be cut short or rewritten while
/// it is read. Here a file cut short reads as zeros from the lost page on (`MappingFaults`),
/// and either change shows in `isIntact`, checked after the parse: a read that is not intact
/// is thrown away and the file read again as a copy, so what is parsed, kept and digested is
/// always one version of the file.
public final class MappedSchedule: @unchecked Sendable {
    /// Below this a copy costs little and a mapping saves nothing worth its checks.
    public static let minimumBytes = 4 << 20

    public let path: String
    /// The file's bytes, in place (no copy): valid while this lives.
    public let data: Data
    private let mapping: MappedFile
    private let fingerprint: ScheduleFile.Fingerprint

    /// Nil for a file that is missing, not regular, under `minimumBytes` or over
    /// `ScheduleFile.maxBytes`: those are read as `ScheduleFile` reads them.
    public init?(path: String, minimumBytes: Int = minimumBytes) {
        // Only a mapping whose faults are caught: a file cut short must not end the program.
        guard let before = ScheduleFile.fingerprint(path: path), before.size >= minimumBytes,
              let mapping = MappedFile(path: path, limit: ScheduleFile.maxBytes, followLinks: true),
              mapping.isGuarded, Int64(mapping.bytes.count) == before.size else { return nil }
        self.path = path
        self.mapping = mapping
        fingerprint = before
        // The bytes keep their mapping alive, wherever they are handed.
        data = Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: mapping.base), count: mapping.count,
                    deallocator: .custom { _, _ in _ = mapping })
    }

    /// Gives back the pages of `range` once read (read again from the page cache if touched).
    public func release(_ range: Range<Int>) { mapping.release(range) }

    /// The digest of the bytes, read a megabyte at a time and given back.
    public func digest() -> ContentDigest {
        data.withUnsafeBytes { ContentDigest($0, every: 1 << 20, then: release) }
    }

    /// Whether the bytes read were one version of the file: not cut short under the mapping,
    /// and the file not changed since it was mapped (size, times, inode).
    public var isIntact: Bool { !mapping.isDamaged && ScheduleFile.fingerprint(path: path) == fingerprint }

    /// What `parse` makes of the bytes (given them and `release`), or nil when they were not
    /// one version of the file by the end (`isIntact`): the caller reads it again as a copy.
    public func parsed<T>(_ parse: (Data, @escaping (Range<Int>) -> Void) throws(ScheduleError) -> T) -> Result<T, ScheduleError>? {
        let result = Result { () throws(ScheduleError) in try parse(data, release) }
        return isIntact ? result : nil
    }
}
