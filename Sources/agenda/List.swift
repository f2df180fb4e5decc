import ArgumentParser
import AgendaModel

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the schedule for pipes and scripts.",
        discussion: """
            text: one session per line, tab-separated: date, start-end, room,
                  title.
            json: {"conference": {...}, "sessions": [...]}, ISO 8601 times in
                  the venue zone.
            ics:  RFC 5545, readable by calendars and by agenda itself.
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

    func validate() throws {
        if let day, day < 1 { throw ValidationError("--day counts from 1") }
    }

    func run() throws {
        let loaded = try schedule.load()
        let indices = ScheduleQuery(day: day, room: room, track: track, search: search).apply(to: loaded)
        switch format {
        case .text: print(ScheduleListing.text(loaded, sessions: indices), terminator: "")
        case .json: print(ScheduleJSONWriter.write(loaded, sessions: indices))
        case .ics: print(ICalendarWriter.write(loaded, sessions: indices), terminator: "")
        }
    }
}
