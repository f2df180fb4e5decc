import ArgumentParser
import Foundation
import AgendaModel
import AgendaRemote
import AgendaTerminal
import AgendaUI

extension ThemeName: ExpressibleByArgument {}
extension Strings.Language: ExpressibleByArgument {}

struct Browse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Browse the schedule full screen (the default command).",
        discussion: """
            When standard output is not a terminal, prints the plain listing
            instead. Stars are kept in $XDG_STATE_HOME/agenda/favourites/
            (default ~/.local/state/agenda/).
            """)

    @OptionGroup var schedule: ScheduleOptions

    @Option(help: ArgumentHelp("Pretend it is this time (ISO 8601, e.g. 2021-10-22T10:00+08:00).", valueName: "time"))
    var now: String?

    @Option(help: "Colours: default, 256 or mono (NO_COLOR in the environment means mono).")
    var theme: ThemeName?

    @Option(help: "Language of the interface: en or zh (default: from LC_ALL, LC_MESSAGES or LANG).")
    var lang: Strings.Language?

    @Option(help: ArgumentHelp("Remind this many minutes before a favourite starts.", valueName: "minutes"))
    var remind: Int = 5

    @Flag(help: "Show reminders without ringing the terminal bell.")
    var noBell = false

    @Option(help: ArgumentHelp("Check the schedule (URL or file) for a new version every this many seconds.", valueName: "seconds"))
    var refresh: Int?

    @Option(help: GlyphsChoice.help)
    var glyphs: GlyphsChoice = .auto

    @Flag(help: "For screen readers and braille displays (also AGENDA_SCREEN_READER=1): the cursor shown on the selected row, marked with >; marks said in words; titles wrapped, not cut; one pane at a time; the status line says what each key did.")
    var screenReader = false

    func validate() throws {
        if let now, ISO8601.parse(now) == nil {
            throw ValidationError("--now \"\(Sanitizer.line(now))\" is not an ISO 8601 time like 2021-10-22T10:00+08:00")
        }
        if remind < 0 || remind > 24 * 60 { throw ValidationError("--remind must be between 0 and 1440 minutes") }
        if let refresh, refresh < 1 { throw ValidationError("--refresh must be at least 1 second") }
        // The browser swaps in a new version whole: one source (the kiosk watches several).
        if refresh != nil, schedule.paths.count > 1 { throw ValidationError("--refresh watches one schedule; `agenda kiosk` watches several") }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let language = lang ?? Strings.language(environment: environment)
        let sources = try schedule.loadSources(language: language)
        let read = ScheduleOptions.merged(sources)
        if isatty(1) == 0 {
            let loaded = schedule.zone.apply(read)
            for source in sources {
                if let stale = source.stale { printError(SourceLoading.warning(source.source, stale, zone: loaded.timeZone)) }
            }
            print(ScheduleListing.text(loaded), terminator: "")
            return
        }
        let loaded = schedule.zone.apply(read, viewerClock: true)
        let noColour = !(environment["NO_COLOR"] ?? "").isEmpty
        let settings = BrowserLoop.Settings(
            theme: noColour ? .mono : (theme ?? .standard),
            language: language,
            reminderLead: TimeInterval(remind * 60),
            bell: !noBell,
            glyphs: glyphs,
            screenReader: screenReader || ["1", "yes", "true"].contains(environment["AGENDA_SCREEN_READER"]?.lowercased() ?? ""))
        var loop = BrowserLoop(schedule: loaded, clock: SimulatedClock(start: now.flatMap(ISO8601.parse)),
                               settings: settings)
        loop.stale = sources.compactMap(\.stale).min { $0.asOf < $1.asOf }
        let zone = schedule.zone
        loop.adjust = { zone.apply($0, viewerClock: true) }
        if let source = sources.first, let refresh { loop.refresh = (source.source, TimeInterval(refresh)) }
        let status = loop.run()
        if status != 0 { throw ExitCode(status) }
    }
}
