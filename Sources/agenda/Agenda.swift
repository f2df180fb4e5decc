import ArgumentParser
import AgendaApp
import AgendaModel
import AgendaSources
import AgendaTerminal
import AgendaUI
import Foundation

@main
struct Agenda: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda",
        abstract: "Browse a conference programme in the terminal.",
        usage: """
            agenda [<browse options>] [<schedule> ...]
            agenda <subcommand> [<options>] [<schedule> ...]
            """,
        discussion: """
            With no schedule, opens the bundled CACIE 2021 plenary.
            Browsing is the default command. Its options, explained under
            `agenda help browse`: --now TIME, --lang en|zh, --theme
            default|256|mono, --screen-reader, --glyphs unicode|ascii|auto,
            --remind MINUTES, --no-bell, --refresh SECONDS, --zone NAME,
            --with FILE (a friend's stars), --venue FILE (rooms' extras), and
            for URLs --timeout, --connect-timeout and --max-size.
            Exit status: 0 ok, 2 unusable terminal, 64 bad usage, 65 unreadable
            schedule, 66 missing file, 69 schedule URL unreachable and nothing
            cached, 128+N ended by signal N.
            """,
        version: "0.1.0",
        subcommands: [Browse.self, List.self, Validate.self, Favourites.self, BenchParse.self, Kiosk.self],
        defaultSubcommand: Browse.self
    )

    /// ArgumentParser's own messages echo what was typed ("The value '…' is invalid for
    /// '--format'"), and arguments come from scripts, kiosk unit files and pasted commands:
    /// its messages go through the sanitiser like every other text the program prints.
    static func main() {
        // A closed stdout or stderr (`agenda list … | head -1`) is an error on that write, not a
        // signal: output stops, the program ends with its own status. The same before and after
        // libcurl, which needs SIGPIPE ignored, is loaded.
        signal(SIGPIPE, SIG_IGN)
        Heap.configure()
        // A mapped cache file cut short is survived; installed before `CrashGuard`, which asks it first.
        MappingFaults.install()
        Terminal.faultSurvivor = { signal, info in MappingFaults.survive(signal, info) }
        if let suggestion = CommandSuggestion.message(Array(CommandLine.arguments.dropFirst())) {
            writeStandardError(suggestion + "\n")
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
            // A snapshot still being written is finished, not left half-way (it would be rebuilt).
            CacheWrites.finish()
        } catch {
            CacheWrites.finish()
            let code = exitCode(for: error)
            let message = terminalSafe(fullMessage(for: error))
            if !message.isEmpty {
                if code == .success { print(message) } else { writeStandardError(message + "\n") }
            }
            Foundation.exit(code.rawValue)
        }
    }
}

/// Multi-line text with every control sequence removed; unchanged when it holds none.
func terminalSafe(_ text: String) -> String {
    text.unicodeScalars.contains { $0 != "\n" && Sanitizer.isInvisible($0) } ? Sanitizer.text(text) : text
}

/// Options every command that reads a schedule shares.
struct ScheduleOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Schedule files or http(s) URLs: frab/pentabarf XML, c3voc JSON, iCalendar or CACIE pages, merged into one programme (an English and a Chinese CACIE page of the same sessions become one). Default: the bundled CACIE 2021 plenary.",
                                 valueName: "schedule"))
    var paths: [String] = []

    @OptionGroup var fetch: FetchOptions
    @OptionGroup var zone: ZoneOption

    /// The named files or URLs (none for the bundled schedule), with their caches and change marks.
    func loadSources(language: Strings.Language = .en) throws -> [LoadedSource] {
        paths.isEmpty ? [] : try SourceLoading.load(paths, settings: fetch.settings(), language: language)
    }

    /// The sources as one programme, editions merged; the bundled plenary when there are none.
    static func merged(_ sources: [LoadedSource]) -> Schedule {
        Schedule.mergingTracked(sources.map(\.schedule)) ?? BundledSchedule.load()
    }
}
