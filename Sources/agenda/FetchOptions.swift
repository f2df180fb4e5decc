import ArgumentParser
import Foundation
import AgendaApp
import AgendaModel
import AgendaUI
import AgendaSources

/// How schedules named by an http(s) URL are fetched; shared by every command that reads one.
struct FetchOptions: ParsableArguments {
    @Option(help: ArgumentHelp("For URLs: seconds to wait for the connection and for each answer.", valueName: "seconds"))
    var connectTimeout: Double = 10

    @Option(help: ArgumentHelp("For URLs: seconds a whole fetch may take, redirects and body included.", valueName: "seconds"))
    var timeout: Double = 60

    @Option(help: ArgumentHelp("For URLs: refuse schedules larger than this many megabytes.", valueName: "MB"))
    var maxSize: Int = 64

    func validate() throws {
        guard connectTimeout > 0, timeout > 0 else { throw ValidationError("--connect-timeout and --timeout must be above 0") }
        guard maxSize >= 1, maxSize <= 4096 else { throw ValidationError("--max-size must be between 1 and 4096 (MB)") }
    }

    func settings(cache: Bool = true) -> SourceSettings {
        SourceSettings(limits: FetchLimits(connectTimeout: connectTimeout, totalTimeout: max(timeout, 0.1),
                                           maxBytes: maxSize * 1024 * 1024),
                       cache: cache ? ScheduleCache(folders: Snapshots.cache) : nil, snapshots: cache ? Snapshots.store() : nil,
                       copiesLater: true)
    }
}
