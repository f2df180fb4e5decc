import ArgumentParser
import Foundation
import AgendaApp
import AgendaModel
import AgendaSources
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

    @Option(help: ArgumentHelp("Per-room extras from the venue (as the kiosk's --venue reads: a JSON file with a map URL template and each room's stream, interpretation, DECT number and note), shown in the detail; o offers the map and the stream.", valueName: "file"))
    var venue: String?

    @Option(name: .customLong("with"), help: ArgumentHelp("A friend's list of sessions (as agenda favourites import reads: text, JSON or .ics), shown beside your stars: theirs ☆, both of you ✦, and where you part.", valueName: "file"))
    var with: String?

    @Option(help: ArgumentHelp("Pretend it is this time (ISO 8601, e.g. 2021-10-22T10:00+08:00; without an offset, venue time).", valueName: "time"))
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
        if let now, GivenTime(now) == nil {
            throw ValidationError("--now \"\(Sanitizer.line(now))\" is not an ISO 8601 time like 2021-10-22T10:00+08:00 (or 2021-10-22T10:00, venue time)")
        }
        if remind < 0 || remind > 24 * 60 { throw ValidationError("--remind must be between 0 and 1440 minutes") }
        if let refresh, refresh < 1 { throw ValidationError("--refresh must be at least 1 second") }
        // The browser swaps in a new version whole: one source (the kiosk watches several).
        if refresh != nil, schedule.paths.count > 1 { throw ValidationError("--refresh watches one schedule; `agenda kiosk` watches several") }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let language = lang ?? Strings.language(environment: environment)
        let given = now.flatMap(GivenTime.init)
        // A time without an offset is the venue's; the day to open on is chosen before the file
        // says its zone, so on --zone's clock or UTC's (the clock itself waits for the zone).
        let guess = given?.date(in: schedule.zone.timeZone ?? TimeZone(identifier: "UTC")!)
        let opening = try open(now: guess ?? Date(), language: language)
        // Handed over, not kept here: the day read ahead is let go of once the whole is shown.
        guard case .whole(let sources) = opening, isatty(1) == 0 else { return try browse(consume opening, now: given, language: language) }
        let loaded = schedule.zone.apply(ScheduleOptions.merged(sources))
        for source in sources {
            if let stale = source.stale { printError(SourceLoading.warning(source.source, stale, zone: loaded.timeZone)) }
        }
        print(ScheduleListing.text(loaded), terminator: "")
    }

    enum Opening {
        case whole([LoadedSource])
        /// One large file: the day to show first, and the whole being read.
        case byDay(OpeningDay, WholeFileRead)
    }

    /// The named schedules; for one large file on a terminal, the day it opens on while the
    /// whole is read on another thread: from its snapshot when one is kept, else read ahead
    /// from frab XML.
    private func open(now: Date, language: Strings.Language) throws -> Opening {
        if isatty(1) != 0, schedule.paths.count == 1, let path = schedule.paths.first, !ScheduleSource.isURL(path) {
            let source = ScheduleSource(path, settings: schedule.fetch.settings())
            if source.opensFromSnapshot {
                // One day of a large snapshot first; the whole is decoded after it.
                if let day = source.openingDay(now: now) { return .byDay(day, WholeFileRead(source)) }
            } else {
                // The day is read on both cores; the whole file is read after it.
                let spill = { Snapshots.store()?.textSpill() }
                if let day = FrabXMLReadAhead.read(path: path, now: now, spill: spill) { return .byDay(day, WholeFileRead(source)) }
                do throws(SourceError) {
                    return .whole([try SourceLoading.load(source)])
                } catch {
                    throw SourceLoading.report(error, source, language: language)
                }
            }
        }
        return .whole(try schedule.loadSources(language: language))
    }

    private func browse(_ opening: consuming Opening, now given: GivenTime?, language: Strings.Language) throws {
        let environment = ProcessInfo.processInfo.environment
        let zone = schedule.zone
        let adjust: @Sendable (Schedule) -> Schedule = { zone.apply($0, viewerClock: true) }
        let readerMode = screenReader || ["1", "yes", "true"].contains(environment["AGENDA_SCREEN_READER"]?.lowercased() ?? "")
        var configuration = BrowserLoop.Configuration(
            language: language,
            settings: BrowserSettings(reminderLead: TimeInterval(remind * 60), bell: !noBell, screenReader: readerMode),
            environment: environment, snapshots: Snapshots.store(),
            refreshEvery: refresh.map(TimeInterval.init), adjust: adjust)
        let shown: Schedule
        var rest: (whole: WholeFileRead, isToday: Bool)?
        switch consume opening {
        case .whole(let sources):
            shown = adjust(ScheduleOptions.merged(sources))
            configuration.stale = sources.compactMap(\.stale).min { $0.asOf < $1.asOf }
            configuration.source = sources.first?.source
        case .byDay(let day, let whole):
            shown = adjust(day.schedule)
            rest = (whole, day.isToday)
        }
        // Read before the terminal starts: a list that cannot be read is said on a normal screen.
        if let with {
            // Standard input is the terminal the browser reads keys from.
            guard with != "-" else { throw ValidationError("--with takes a file: standard input is the terminal") }
            let entries = try Favourites.entries(with)
            let outcome = FavouritesTransfer.match(entries, in: shown)
            // On a day read ahead, an identifier not found yet may be a session of another day.
            let keys = Set(outcome.matched).union(rest == nil ? [] : outcome.unmatched.compactMap(\.entry.identifier))
            let name = URL(fileURLWithPath: with).deletingPathExtension().lastPathComponent
            configuration.friend = (Sanitizer.line(name), keys)
        }
        if let venue {
            do {
                let rooms = try VenueRooms.load(path: venue)
                for warning in rooms.warnings { printError(warning) }
                configuration.venue = rooms
            } catch {
                printError(error.description)
                throw ExitCode(error.kind == .missing ? ExitStatus.noInput : ExitStatus.dataError)
            }
        }
        let clock = SimulatedClock(start: given?.date(in: shown.timeZone))
        TerminalLocale.setUp()
        do {
            try Terminal.preflight(environment: environment)
        } catch {
            printError(error.message(chinese: language == .zh))
            throw ExitCode(ExitStatus.unusableTerminal)
        }
        let stars = BrowserLoop.stars(of: shown.conference, environment: environment)
        if let warning = stars.warning { printError(Strings.for(language).warning + warning) }
        // Before curses starts, so that ncurses does not install its own handlers for these.
        Signals.install()
        let glyphs = glyphs.resolve(environment: environment, screenReader: readerMode)
        configuration.settings.glyphs = glyphs.glyphs
        let noColour = !(environment["NO_COLOR"] ?? "").isEmpty
        let terminal: Terminal
        do {
            terminal = try Terminal(options: .init(theme: noColour ? .mono : (theme ?? .standard), showCursor: readerMode))
        } catch {
            printError(error.message(chinese: language == .zh))
            throw ExitCode(ExitStatus.unusableTerminal)
        }
        if glyphs.ask { terminal.askAmbiguousWidth() }
        let loop = BrowserLoop(schedule: shown, rest: rest, stars: stars, terminal: terminal, clock: clock,
                               configuration: configuration)
        let end = loop.run()
        for warning in loop.warnings { printError(warning) }
        switch end {
        case .quit, .inputClosed: return
        case .signal(let signal): throw ExitCode(128 + signal)
        case .wholeReadFailed(let error, let source): throw SourceLoading.report(error, source, language: language)
        }
    }
}
