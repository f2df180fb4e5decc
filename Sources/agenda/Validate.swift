import ArgumentParser
import Foundation
import AgendaModel
import AgendaSources
import AgendaUI

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check schedule files: what was read, and what looked wrong.",
        discussion: """
            Prints a summary per file on stdout and warnings on stderr as FILE:LINE: warning: ...
            Exit status 0 when every file reads (warnings or not), 65 when a file cannot be read
            (FILE:LINE:COLUMN: error: ...), 66 when a file is missing, 69 when a URL cannot be fetched.
            """)

    @Argument(help: "Schedule files or http(s) URLs (XML, JSON, iCalendar or CACIE page).")
    var files: [String] = []

    @Option(help: ArgumentHelp("A kiosk notices file (agenda kiosk --notices) to check; its rooms are checked against the schedules given.",
                               valueName: "file"))
    var notices: [String] = []

    @Option(help: ArgumentHelp("A kiosk venue file (agenda kiosk --venue) to check; its rooms are checked against the schedules given.",
                               valueName: "file"))
    var venue: [String] = []

    func validate() throws {
        if files.isEmpty, notices.isEmpty, venue.isEmpty { throw ValidationError("give a schedule file or URL, --notices FILE or --venue FILE") }
    }

    @OptionGroup var fetch: FetchOptions
    @OptionGroup var zone: ZoneOption

    func run() throws {
        var status: Int32 = 0
        var read: [Schedule] = []
        for file in files {
            if ScheduleSource.isURL(file) {
                // A URL is checked as it is now: fetched, never a cached copy.
                do throws(SourceError) {
                    let (schedule, _) = try ScheduleSource(file, settings: fetch.settings(cache: false)).load()
                    report(file, schedule)
                    read.append(schedule)
                } catch {
                    printLine(error.description)
                    if status == 0 { status = error.exitStatus }
                }
                continue
            }
            do {
                let schedule = try ScheduleLoader.load(path: file)
                report(file, schedule)
                read.append(schedule)
            } catch {
                printLine(error.description)
                // A file that cannot be read outweighs one that is missing.
                let this = error.kind == .missing ? ExitStatus.noInput : ExitStatus.dataError
                status = status == ExitStatus.dataError ? status : this
            }
        }
        let programme = Schedule.merging(read)
        for file in notices {
            do {
                let checked = try VenueNotices.load(path: file, zone: programme?.timeZone ?? TimeZone(identifier: "UTC")!)
                // Room keys the schedule does not know never match a screen; two keys naming
                // one room show the most severe of their statuses.
                let warnings = checked.warnings + checked.roomWarnings(file: file, roomNames: programme?.rooms.compactMap { $0 } ?? [],
                                                                       room: { programme?.kioskRoom($0) })
                for warning in warnings { printLine(warning) }
                print("\(Sanitizer.line(file)): ok: \(Self.count(checked.notices.count, "notice")), "
                      + "\(Self.count(checked.rooms.count, "room status", "room statuses")), \(Self.count(warnings.count, "warning"))")
            } catch {
                printLine(error.description)
                let this = error.kind == .missing ? ExitStatus.noInput : ExitStatus.dataError
                status = status == ExitStatus.dataError ? status : this
            }
        }
        for file in venue {
            do {
                let checked = try VenueRooms.load(path: file)
                var warnings = checked.warnings
                if let programme {
                    for entry in checked.entries where programme.kioskRoom(entry.key) == nil {
                        warnings.append("\(Sanitizer.line(file)):\(entry.line): warning: \"\(entry.key)\" is not in the schedule")
                    }
                }
                for warning in warnings { printLine(warning) }
                print("\(Sanitizer.line(file)): ok: \(Self.count(checked.entries.count, "room")), "
                      + "map \(checked.mapTemplate == nil ? "none" : "template"), \(Self.count(warnings.count, "warning"))")
            } catch {
                printLine(error.description)
                let this = error.kind == .missing ? ExitStatus.noInput : ExitStatus.dataError
                status = status == ExitStatus.dataError ? status : this
            }
        }
        if status != 0 { throw ExitCode(status) }
    }

    private func report(_ file: String, _ read: Schedule) {
        let schedule = zone.apply(read)
        for warning in schedule.warnings { printLine(warning.description) }
        print("\(Sanitizer.line(file)): ok: \(Self.count(schedule.sessions.count, "session")), \(Self.count(schedule.days.count, "day")), "
              + "\(Self.count(Set(schedule.sessions.compactMap(\.room)).count, "room")), zone \(Self.zone(of: schedule.conference)), "
              + Self.count(schedule.warnings.count, "warning"))
    }

    /// `1 session`, `2 sessions`.
    static func count(_ n: Int, _ one: String, _ many: String? = nil) -> String {
        "\(n) \(n == 1 ? one : many ?? one + "s")"
    }

    /// What the venue's zone is: a name the file gives, or none (an offset the times carry, or
    /// the times as published).
    static func zone(of conference: Conference) -> String {
        if conference.floating { return "none (times as published)" }
        guard conference.zoneFromOffsets else { return conference.timeZone.identifier }
        let seconds = conference.timeZone.secondsFromGMT()
        let offset = (seconds < 0 ? "-" : "+") + String(format: "%02d:%02d", abs(seconds) / 3600, abs(seconds) % 3600 / 60)
        return "none named (times carry \(offset))"
    }

    private func printLine(_ text: String) {
        writeStandardError(text + "\n")
    }
}
