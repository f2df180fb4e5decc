import ArgumentParser
import Foundation

/// `--alarm MINUTES`, for every command that writes iCalendar: a VALARM per event.
struct AlarmOption: ParsableArguments {
    @Option(help: ArgumentHelp("With --format ics: a calendar reminder this many minutes before each session (VALARM).", valueName: "minutes"))
    var alarm: Int?

    /// Only with iCalendar output, and no more than a week ahead.
    func check(writesICS: Bool) throws {
        guard let alarm else { return }
        guard writesICS else { throw ValidationError("--alarm needs --format ics") }
        guard (0...10080).contains(alarm) else { throw ValidationError("--alarm takes minutes from 0 to 10080 (a week)") }
    }

    /// The lead as the writer takes it.
    var lead: TimeInterval? { alarm.map { TimeInterval($0 * 60) } }
}
