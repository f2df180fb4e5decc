import ArgumentParser
import AgendaApp
import AgendaModel
import AgendaSources
import Foundation

/// `agenda favourites export|import`: stars that move between devices, apps and friends.
struct Favourites: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export the starred sessions, or import a list of them.",
        subcommands: [Export.self, Import.self])

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the starred sessions of a schedule.",
            discussion: """
                text: one session key (guid, else id) per line, a tab, then a comment
                      with the start and title. json: {"favourites": [{"key", "guid",
                      "id", "title", "start"}]}. ics: RFC 5545, UIDs are the keys.
                Each reads back with agenda favourites import.
                """)

        @OptionGroup var schedule: ScheduleOptions

        @Option(help: "Output format: text, json or ics.")
        var format: FavouritesTransfer.Format = .text

        @OptionGroup var alarm: AlarmOption

        func validate() throws {
            try alarm.check(writesICS: format == .ics)
        }

        func run() throws {
            let loaded = schedule.zone.apply(ScheduleOptions.merged(try schedule.loadSources()))
            print(FavouritesTransfer.write(loaded, favourites: Favourites.starred(loaded), format: format,
                                           alarm: alarm.lead), terminator: "")
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Star the sessions a list names (merged: no star is removed).",
            discussion: """
                FILE (- for standard input) is a text list (one guid, id or key per
                line), agenda's JSON, or an iCalendar file from agenda or another
                app: matched by guid, id or UID, then by title and start. Prints
                what matched; each entry that did not, with the nearest titles,
                on stderr. Importing the same list again changes nothing.
                """)

        @Argument(help: ArgumentHelp("The list to import: text, JSON or .ics; - reads standard input.", valueName: "file"))
        var file: String

        @OptionGroup var schedule: ScheduleOptions

        func run() throws {
            let loaded = schedule.zone.apply(ScheduleOptions.merged(try schedule.loadSources()))
            let entries = try Favourites.entries(file)
            let outcome = FavouritesTransfer.match(entries, in: loaded)
            let store = FavouritesStore(conference: loaded.conference)
            let before = Favourites.starred(loaded)
            let after = try store.merge(adding: Set(outcome.matched), removing: [])
            let added = outcome.matched.filter { !before.contains($0) }.count
            print("\(Sanitizer.line(file == "-" ? "standard input" : file)): \(outcome.matched.count) matched"
                  + " (\(added) newly starred, \(outcome.matched.count - added) already), \(outcome.unmatched.count) not found;"
                  + " \(after.count) starred in \(Sanitizer.line(store.file.path))")
            for (entry, nearest) in outcome.unmatched {
                let near = nearest.isEmpty ? "" : "; nearest: " + nearest.map { "\"\($0)\"" }.joined(separator: ", ")
                writeStandardError(terminalSafe("\(file == "-" ? "<stdin>" : file):\(entry.line): not in \(loaded.conference.title): \"\(entry.name)\"\(near)") + "\n")
            }
        }
    }

    /// The stars kept for the schedule's conference.
    static func starred(_ schedule: Schedule) -> Set<String> {
        let store = FavouritesStore(conference: schedule.conference)
        let stored = store.load()
        if let warning = stored.warning { printError("warning: \(warning)") }
        return FavouritesMigration.apply(store, stored: stored.keys, schedule: schedule)
    }

    /// The entries of a list file, or of standard input for `-`.
    static func entries(_ file: String) throws -> [FavouritesTransfer.Entry] {
        let limit = 16 << 20
        let data: Data
        if file == "-" {
            // Read in pieces up to the same bound as a file: `yes | agenda favourites import -` ends.
            var read = Data()
            while read.count <= limit, let piece = try? FileHandle.standardInput.read(upToCount: 1 << 16), !piece.isEmpty {
                read.append(piece)
            }
            guard read.count <= limit else {
                printError("cannot read <stdin>: more than \(limit >> 20) MB")
                throw ExitCode(ExitStatus.dataError)
            }
            data = read
        } else {
            do { data = try ScheduleFile.read(path: file, limit: limit, regularOnly: true) } catch {
                printError("cannot read \(file): \(error.message)")
                throw ExitCode(ExitStatus.noInput)
            }
        }
        do throws(ScheduleError) {
            return try FavouritesTransfer.read(data, file: file == "-" ? "<stdin>" : file)
        } catch {
            printError(error.description)
            throw ExitCode(ExitStatus.dataError)
        }
    }
}

extension FavouritesTransfer.Format: ExpressibleByArgument {}
