import AgendaModel
import Foundation
import Glibc

/// Watches the schedule files by polling: a change of modification time, size, inode or
/// device means a new version (an editor's save, `cp`, an atomic `mv` over the old file).
/// Polling needs no inotify and also sees files on network mounts.
final class ScheduleWatcher {
    enum Outcome {
        case unchanged
        case reloaded(Schedule)
        case failed(ScheduleError)
    }

    private let paths: [String]
    private var stamps: [Stamp?]

    init(paths: [String]) {
        self.paths = paths
        stamps = paths.map(Stamp.init(path:))
    }

    /// Reads every file again if any of them changed since the last poll.
    func poll() -> Outcome {
        let current = paths.map(Stamp.init(path:))
        guard current != stamps else { return .unchanged }
        stamps = current
        do throws(ScheduleError) {
            return .reloaded(try Self.load(paths))
        } catch {
            return .failed(error)
        }
    }

    /// All files read and merged into one programme (a CACIE page holds one session).
    static func load(_ paths: [String]) throws(ScheduleError) -> Schedule {
        var schedules: [Schedule] = []
        for path in paths { schedules.append(try ScheduleLoader.load(path: path)) }
        guard let merged = Schedule.merging(schedules) else {
            throw ScheduleError(.missing, file: "", message: "no schedule file")
        }
        return merged
    }

    struct Stamp: Equatable {
        var device: UInt64, inode: UInt64, size: Int64, seconds: Int, nanoseconds: Int

        init?(path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
            size = Int64(info.st_size)
            seconds = Int(info.st_mtim.tv_sec)
            nanoseconds = Int(info.st_mtim.tv_nsec)
        }
    }
}
