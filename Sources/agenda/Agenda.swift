import ArgumentParser
import AgendaModel

@main
struct Agenda: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda",
        abstract: "Browse a conference programme in the terminal.",
        discussion: """
            With no schedule, opens the bundled CACIE 2021 plenary.
            Exit status: 0 ok, 2 unusable terminal, 64 bad usage, 65 unreadable
            schedule, 66 missing file, 69 schedule URL unreachable and nothing
            cached, 128+N ended by signal N.
            """,
        version: "0.1.0",
        subcommands: [Browse.self, List.self, Validate.self, BenchParse.self, Kiosk.self],
        defaultSubcommand: Browse.self
    )
}

/// Options every command that reads a schedule shares.
struct ScheduleOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Schedule file or http(s) URL: frab/pentabarf XML, c3voc JSON, iCalendar or a CACIE page. Default: the bundled CACIE 2021 plenary.",
                                 valueName: "schedule"))
    var path: String?

    @OptionGroup var fetch: FetchOptions

    func load() throws -> Schedule { try loadSource()?.schedule ?? BundledSchedule.load() }

    /// The named file or URL (nil for the bundled schedule), with its cache and change marks.
    func loadSource() throws -> LoadedSource? {
        guard let path else { return nil }
        return try SourceLoading.load([path], settings: fetch.settings())[0]
    }
}
