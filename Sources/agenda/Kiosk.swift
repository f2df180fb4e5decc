import ArgumentParser
import Foundation
import AgendaApp
import AgendaModel
import AgendaTerminal
import AgendaUI

struct Kiosk: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "An unattended now-and-next board for screens at the venue.",
        discussion: """
            Keys do nothing (the terminal is in raw mode, so Ctrl-C and Ctrl-Z
            too) unless --exit-key names one. SIGTERM or SIGHUP end it with the
            terminal restored. The schedule files are checked every 2 seconds;
            a version that cannot be read leaves the last good one on screen,
            marked "update failed at HH:MM".
            A schedule URL is fetched again every --refresh seconds (a 304
            costs nothing); while it cannot be reached the cached copy stays
            up, marked "offline, schedule as of HH:MM". Sessions that moved or
            were cancelled since the previous version say so.
            """)

    @Argument(help: ArgumentHelp("Schedule files or http(s) URLs, merged into one programme (an English and a Chinese CACIE page of the same sessions become one). Default: the bundled CACIE 2021 plenary.",
                                 valueName: "schedule"))
    var paths: [String] = []

    @Option(help: ArgumentHelp("A door screen for this room: its name (any case and accents, its start or words of it, as long as one room alone fits) or its guid (a renamed room keeps its screen). Give it twice for one screen for two rooms; without it the board shows the whole venue.", valueName: "name"))
    var room: [String] = []

    @Option(help: ArgumentHelp("Label language: en, zh or en+zh. Default: en+zh for CACIE, en otherwise and on the bare console.",
                               valueName: "lang"))
    var lang: String?

    @Option(help: ArgumentHelp("Seconds each venue page stays up when the rooms do not fit on one.", valueName: "n"))
    var pageSeconds: Int = 10

    @Option(help: ArgumentHelp("Start the clock at this time (ISO 8601, e.g. 2021-10-22T08:50+08:00; without an offset, venue time).", valueName: "time"))
    var now: String?

    @Option(help: ArgumentHelp("Run the clock this many times faster (60: a minute per second). For rehearsals and soak tests.",
                               valueName: "x"))
    var clockRate: Double = 1

    @Option(help: "Colours: default (eight, fine on the Linux console), 256 or mono (NO_COLOR in the environment means mono).")
    var theme: ThemeName?

    @Option(help: ArgumentHelp("A key that ends the kiosk: a character, esc, enter, tab, or ctrl-x.", valueName: "key"))
    var exitKey: String?

    @Option(help: ArgumentHelp("Seconds between checks of schedule URLs for a new version (files are watched continuously).",
                               valueName: "seconds"))
    var refresh: Int = 120

    @Option(help: ArgumentHelp("The line the board shows after the last session of the conference. Default: \"Thank you for coming\".",
                               valueName: "text"))
    var closing: String?

    @Option(help: ArgumentHelp("Notices and room status for the screens: a JSON file (checked every 2 s) or an http(s) URL (every --notices-poll seconds); a room-status feed as FOSDEM publishes it reads too. See docs/kiosk-and-venue.md.",
                               valueName: "file-or-URL"))
    var notices: String?

    @Option(help: ArgumentHelp("Room status as venues publish it, e.g. FOSDEM's [{\"roomname\": \"Janson\", \"state\": 1}] (0 open, 1 full, 2 evacuate), or a notices file: a file or an http(s) URL, read as well as --notices.",
                               valueName: "file|URL"))
    var roomStatus: String?

    @Option(help: ArgumentHelp("Per-room extras for door screens: a JSON file with a map URL template ({room}, {room_guid}) and each room's stream, interpretation, DECT number and note. See docs/kiosk-and-venue.md.",
                               valueName: "file"))
    var venue: String?

    @Option(help: ArgumentHelp("Seconds between fetches of --notices and --room-status URLs (files are checked every 2 s).",
                               valueName: "seconds"))
    var noticesPoll: Double = 10

    @Option(help: ArgumentHelp("Seconds after the last good answer from a notices or room-status source that cannot be read before the board marks its copy STALE. Default: three polls.",
                               valueName: "seconds"))
    var noticesStale: Double?

    @Option(help: ArgumentHelp("Show the board only between these times of day (venue time, e.g. 07:30-22:00; 18:00-02:00 runs overnight); black outside them. May be given more than once.",
                               valueName: "HH:MM-HH:MM"))
    var on: [String] = []

    @Option(help: ArgumentHelp("Hours ahead the venue board looks: a room with nothing running and nothing starting within them is only a mention on the \"Later\" line.",
                               valueName: "hours"))
    var horizon: Double = 3

    @Option(help: ArgumentHelp("QR code on a door screen: talk (the session's URL from the schedule) or none. Codes need libqrencode4 (loaded when the kiosk starts; without it the board says so and draws none).", valueName: "talk|none"))
    var qr: KioskQR = .talk

    @Option(help: ArgumentHelp("The URL of the QR code beside ROOM FULL (\"watch the stream\"), unless the room status gives one.",
                               valueName: "URL"))
    var streamURL: String?

    @Option(help: GlyphsChoice.help)
    var glyphs: GlyphsChoice = .auto

    @Flag(help: "The speaker's stage timer for the one --room: the talk, a huge time left (magenta under 5 min, dark gold with --theme 256; red under 2, then +m:ss flashing), -m:ss before the start, the next talk.")
    var timer = false

    @OptionGroup var fetch: FetchOptions
    @OptionGroup var zone: ZoneOption

    func validate() throws {
        if let now, GivenTime(now) == nil {
            throw ValidationError("--now \"\(Sanitizer.line(now))\" is not an ISO 8601 time like 2021-10-22T08:50+08:00 (or 2021-10-22T08:50, venue time)")
        }
        if let lang, KioskLanguage(rawValue: lang) == nil {
            throw ValidationError("--lang must be en, zh or en+zh, not \"\(Sanitizer.line(lang))\"")
        }
        guard pageSeconds >= 1 else { throw ValidationError("--page-seconds must be at least 1") }
        guard clockRate > 0, clockRate <= 1_000_000 else { throw ValidationError("--clock-rate must be above 0 (and at most 1000000)") }
        guard refresh >= 1 else { throw ValidationError("--refresh must be at least 1 second") }
        guard noticesPoll >= 1, noticesPoll <= 3600 else { throw ValidationError("--notices-poll must be between 1 and 3600 seconds") }
        if let noticesStale, noticesStale < 1 { throw ValidationError("--notices-stale must be at least 1 second") }
        guard horizon > 0, horizon <= 48 else { throw ValidationError("--horizon must be above 0 and at most 48 hours") }
        if timer, room.count != 1 { throw ValidationError("--timer needs exactly one --room") }
        for window in on where DailyWindow.parse(window) == nil {
            throw ValidationError("--on \"\(Sanitizer.line(window))\" is not a time window like 07:30-22:00")
        }
        if let exitKey, ExitKey.parse(exitKey) == nil {
            throw ValidationError("--exit-key \"\(Sanitizer.line(exitKey))\" is not a key; use a character, esc, enter, tab or ctrl-x")
        }
    }

    func run() throws {
        let live = paths.isEmpty ? nil : LiveSchedule(try SourceLoading.load(paths, settings: fetch.settings()),
                                                      refresh: TimeInterval(refresh))
        let schedule = zone.apply(live?.schedule ?? BundledSchedule.load(), viewerClock: true)
        // A room the schedule lacks is said on the board (and here, for the journal): the
        // screen stays up and shows the room once a version of the schedule has it.
        for given in room where schedule.kioskRoom(given) == nil {
            let names = schedule.rooms.compactMap { $0 }
            if let message = NameMatch(given, among: names).message("room", typed: given, names: names) {
                printError("warning: \(message)")
            }
        }
        var venueRooms = VenueRooms()
        if let venue {
            do {
                venueRooms = try VenueRooms.load(path: venue)
            } catch {
                printError(error.description)
                throw ExitCode(error.kind == .missing ? ExitStatus.noInput : ExitStatus.dataError)
            }
            for warning in venueRooms.warnings { printError(warning) }
        }
        let utf8 = TerminalLocale.setUp()
        let environment = ProcessInfo.processInfo.environment
        let options = KioskOptions(rooms: room, language: language(for: schedule, utf8: utf8, term: environment["TERM"]),
                                   pageSeconds: pageSeconds, ascii: !utf8, consoleFont: environment["TERM"] == "linux",
                                   timer: timer, qr: qr, streamURL: streamURL.map(Sanitizer.line), closing: closing,
                                   onHours: on.compactMap(DailyWindow.parse), horizon: horizon * 3600, venue: venueRooms,
                                   leaveHint: LeaveHint.forStart(stdinIsTerminal: isatty(0) == 1, environment: environment,
                                                                 exitKey: exitKey.map(Sanitizer.line), pid: getpid()))
        let sources = [notices, roomStatus].compactMap { $0 }
        let notices = sources.isEmpty ? nil
            : LiveNotices(sources, zone: schedule.timeZone, limits: fetch.settings(cache: false).limits,
                          poll: noticesPoll, staleAfter: noticesStale, warn: { printError($0) })
        let zone = self.zone
        let status = KioskStart(schedule: schedule, live: live, notices: notices, options: options,
                                theme: (environment["NO_COLOR"] ?? "").isEmpty ? (theme ?? .standard) : .mono,
                                clock: KioskClock(start: now.flatMap(GivenTime.init)?.date(in: schedule.timeZone), rate: clockRate),
                                exitKey: exitKey.flatMap(ExitKey.parse), glyphs: glyphs,
                                adjust: { zone.apply($0, viewerClock: true) }).run()
        if status != 0 { throw ExitCode(status) }
    }

    /// CACIE is bilingual; the bare console (TERM=linux) and non-UTF-8 locales have no CJK glyphs.
    private func language(for schedule: Schedule, utf8: Bool, term: String?) -> KioskLanguage {
        if let lang, let chosen = KioskLanguage(rawValue: lang) { return chosen }
        guard utf8, term != "linux" else { return .en }
        return (schedule.conference.shortTitle ?? "").hasPrefix("CACIE") ? .bilingual : .en
    }
}

extension KioskQR: ExpressibleByArgument {}
