import ArgumentParser
import AgendaModel

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the schedule, one session per line: day, start-end, room, title (tab-separated).")

    @OptionGroup var schedule: ScheduleOptions

    func run() throws {
        print(ScheduleListing.text(try schedule.load()), terminator: "")
    }
}
