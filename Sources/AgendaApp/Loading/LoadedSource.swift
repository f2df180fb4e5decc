import AgendaModel
import AgendaSources

/// A schedule as first loaded: the source (to refresh it), the schedule, and whether it is a
/// cached copy standing in for an unreachable source.
public struct LoadedSource: Sendable {
    public let source: ScheduleSource
    public let schedule: Schedule
    public let stale: StaleNote?

    public init(source: ScheduleSource, schedule: Schedule, stale: StaleNote?) {
        self.source = source
        self.schedule = schedule
        self.stale = stale
    }

    public static func load(_ source: ScheduleSource) throws(SourceError) -> LoadedSource {
        let (schedule, stale) = try source.load()
        return LoadedSource(source: source, schedule: schedule, stale: stale)
    }
}
