import ArgumentParser
import Foundation
import AgendaModel

/// `--zone NAME`, shared by every command: the venue zone of a file that names none (older
/// pentabarf exports), or instead of a wrong one.
struct ZoneOption: ParsableArguments {
    @Option(help: ArgumentHelp("The venue's time zone (IANA, e.g. Europe/Brussels), for a file that names none or names a wrong one.",
                               valueName: "name"))
    var zone: String?

    func validate() throws {
        if let zone, TimeZone(identifier: zone) == nil {
            throw ValidationError("--zone \"\(Sanitizer.line(zone))\" is not an IANA time zone like Europe/Brussels")
        }
    }

    var timeZone: TimeZone? { zone.flatMap(TimeZone.init(identifier:)) }

    /// The schedule in the zone asked for; without one, unchanged. `viewerClock`: a floating
    /// schedule is read on this machine's clock (a screen shows "now"), still marked as published.
    func apply(_ schedule: Schedule, viewerClock: Bool = false) -> Schedule {
        if let timeZone { return schedule.assigningZone(timeZone) }
        if viewerClock, schedule.conference.floating { return schedule.assigningZone(.current, floating: true) }
        return schedule
    }
}
