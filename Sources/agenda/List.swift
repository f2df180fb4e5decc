import ArgumentParser
import AgendaModel
import AgendaRemote
import Foundation

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the schedule for pipes and scripts.",
        discussion: """
            text: one session per line, tab-separated: date, start-end, room,
                  title.
            json: {"conference": {...}, "sessions": [...]}, ISO 8601 times in
                  the venue zone; "change" says new, changed or cancelled.
            ics:  RFC 5545, readable by calendars and by agenda itself; UIDs
                  are the sessions' keys.
            A URL that cannot be reached lists the cached copy, with a warning
            on stderr.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, ics }

    @OptionGroup var schedule: ScheduleOptions

    @Option(help: "Output format: text, json or ics.")
    var format: Format = .text

    @Option(help: ArgumentHelp("Only this conference day (1 is the first).", valueName: "n"))
    var day: Int?

    @Option(help: ArgumentHelp("Only sessions in this room (any case).", valueName: "name"))
    var room: String?

    @Option(help: ArgumentHelp("Only sessions in this track (any case).", valueName: "name"))
    var track: String?

    @Option(help: ArgumentHelp("Only sessions whose text contains this (any case, any accents).", valueName: "text"))
    var search: String?

    @Flag(help: "Only the starred sessions (favourites of this schedule), e.g. with --format ics for a calendar.")
    var favourites = false

    func validate() throws {
        if let day, day < 1 { throw ValidationError("--day counts from 1") }
    }

    func run() throws {
        let sources = try schedule.loadSources()
        let loaded = schedule.zone.apply(ScheduleOptions.merged(sources))
        for source in sources {
            if let stale = source.stale { printError(SourceLoading.warning(source.source, stale, zone: loaded.timeZone)) }
        }
        let query = ScheduleQuery(day: day, room: room, track: track, search: search)
        if let day, !loaded.days.indices.contains(day - 1) {
            printError("no day \(day) in \(Sanitizer.line(loaded.conference.title)): it has \(ScheduleQuery.dayRange(of: loaded))")
            throw ExitCode.validationFailure
        }
        // A room or track the schedule does not have lists nothing: say so, and what is near.
        for warning in query.unmatchedNameWarnings(in: loaded) { printError("warning: \(warning)") }
        var indices = query.apply(to: loaded)
        if favourites {
            let store = FavouritesStore(conference: loaded.conference)
            let stored = store.load()
            if let warning = stored.warning { printError("warning: \(warning)") }
            let keys = FavouritesMigration.apply(store, stored: stored.keys, schedule: loaded)
            let starred = Set(FavouritesExport.indices(loaded, favourites: keys))
            indices = indices.filter(starred.contains)
        }
        switch format {
        case .text: print(ScheduleListing.text(loaded, sessions: indices), terminator: "")
        case .json: print(ScheduleJSONWriter.write(loaded, sessions: indices))
        case .ics: print(ICalendarWriter.write(loaded, sessions: indices), terminator: "")
        }
    }
}
