import Foundation
import AgendaModel
import AgendaSources

/// Where this program keeps the snapshots of what it parsed, and the name of its build.
enum Snapshots {
    /// The cache's folders, one for the whole run: checked at first use (before a terminal is
    /// taken over), and off for the rest of the run, with one warning, at the first that fails.
    static let cache: PrivateCache = {
        let cache = PrivateCache()
        cache.checkAll()
        return cache
    }()

    /// The version and this very binary (size and modification time): a rebuilt reader, even
    /// of the same version, does not load what the one before it parsed.
    static let build: String = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return Agenda.configuration.version }
        return "\(Agenda.configuration.version) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }()

    static func store() -> SnapshotStore? { SnapshotStore.standard(build: build, folders: cache) }
}
