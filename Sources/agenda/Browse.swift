import ArgumentParser
import Foundation
import AgendaModel
import AgendaTerminal
import AgendaUI

struct Browse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Browse the schedule full screen (the default command).",
        discussion: "When standard output is not a terminal, prints the plain listing instead.")

    @OptionGroup var schedule: ScheduleOptions

    @Option(help: ArgumentHelp("Pretend it is this time (ISO 8601, e.g. 2021-10-22T10:00+08:00).", valueName: "time"))
    var now: String?

    func validate() throws {
        if let now, ISO8601.parse(now) == nil {
            throw ValidationError("--now \"\(Sanitizer.line(now))\" is not an ISO 8601 time like 2021-10-22T10:00+08:00")
        }
    }

    func run() throws {
        let loaded = try schedule.load()
        if isatty(1) == 0 {
            print(ScheduleListing.text(loaded), terminator: "")
            return
        }
        let clock = SimulatedClock(start: now.flatMap(ISO8601.parse))
        let status = BrowserLoop(schedule: loaded, clock: clock).run()
        if status != 0 { throw ExitCode(status) }
    }
}
