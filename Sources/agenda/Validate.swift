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

    func validate() throws {
        if files.isEmpty, notices.isEmpty { throw ValidationError("give a schedule file or URL, or --notices FILE") }
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
                print("\(Sanitizer.line(file)): ok: \(checked.notices.count) notices, \(checked.rooms.count) room statuses, "
                      + "\(warnings.count) warning\(warnings.count == 1 ? "" : "s")")
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
        let zone = schedule.conference.floating ? "none (times as published)" : schedule.timeZone.identifier
        let warnings = schedule.warnings.count
        print("\(Sanitizer.line(file)): ok: \(schedule.sessions.count) sessions, \(schedule.days.count) days, "
              + "\(Set(schedule.sessions.compactMap(\.room)).count) rooms, zone \(zone), "
              + "\(warnings) warning\(warnings == 1 ? "" : "s")")
    }

    private func printLine(_ text: String) {
        writeStandardError(text + "\n")
    }
}
