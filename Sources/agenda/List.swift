import ArgumentParser
import AgendaApp
import AgendaModel
import AgendaSources
import Foundation

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the schedule for pipes and scripts.",
        discussion: """
            text: one session per line, five tab-separated fields: date
                  (YYYY-MM-DD), time (always HH:MM-HH:MM), room (- for none),
                  title, and the end date when the session ends on a later
                  date (- otherwise). Times are in the venue zone.
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

    @Option(help: ArgumentHelp("Only this conference day: a number (1 is the first), a date (2024-12-29), a weekday (sat, saturday, 周六, 星期六), today or tomorrow.",
                               valueName: "day"))
    var day: String?

    @Option(help: ArgumentHelp("Pretend it is this time, for today, tomorrow and weekdays (ISO 8601, e.g. 2024-12-28T14:00+01:00; without an offset, venue time).",
                               valueName: "time"))
    var now: String?

    @Option(help: ArgumentHelp("Only sessions in this room: its name in any case and accents, its start, or words that start words of it, as long as one room alone fits.", valueName: "name"))
    var room: String?

    @Option(help: ArgumentHelp("Only sessions in this track, named as --room is.", valueName: "name"))
    var track: String?

    @Option(help: ArgumentHelp("Only sessions whose text contains this (any case, any accents).", valueName: "text"))
    var search: String?

    @Flag(help: "Only the starred sessions (favourites of this schedule), e.g. with --format ics for a calendar.")
    var favourites = false

    @OptionGroup var alarm: AlarmOption

    func validate() throws {
        try alarm.check(writesICS: format == .ics)
        if let day {
            guard let spec = DaySpec(day) else {
                throw ValidationError("--day \"\(Sanitizer.line(day))\" is not a day number, a date like 2024-12-29, a weekday (sat, saturday, 周六), today or tomorrow")
            }
            if case .number(let n) = spec, n < 1 { throw ValidationError("--day counts from 1") }
        }
        if let now, GivenTime(now) == nil {
            throw ValidationError("--now \"\(Sanitizer.line(now))\" is not an ISO 8601 time like 2024-12-28T14:00+01:00 (or 2024-12-28T14:00, venue time)")
        }
    }

    func run() throws {
        let sources = try schedule.loadSources()
        let loaded = schedule.zone.apply(ScheduleOptions.merged(sources))
        for source in sources {
            if let stale = source.stale { printError(SourceLoading.warning(source.source, stale, zone: loaded.timeZone)) }
        }
        var dayNumber: Int?
        if let day, let spec = DaySpec(day) {
            guard let index = spec.dayIndex(in: loaded, now: now.flatMap(GivenTime.init)?.date(in: loaded.timeZone) ?? Date()) else {
                printError("no day \(Sanitizer.line(day)) in \(Sanitizer.line(loaded.conference.title)): it has \(ScheduleQuery.dayRange(of: loaded))")
                throw ExitCode.validationFailure
            }
            dayNumber = index + 1
        }
        let query = ScheduleQuery(day: dayNumber, room: room, track: track, search: search)
        // A name that fits several rooms or tracks is a question, not a filter: say which.
        let ambiguous = query.ambiguousNames(in: loaded)
        for message in ambiguous { printError("error: \(message); give more of the name") }
        if !ambiguous.isEmpty { throw ExitCode.validationFailure }
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
        case .ics: print(ICalendarWriter.write(loaded, sessions: indices, alarm: alarm.lead), terminator: "")
        }
    }
}
