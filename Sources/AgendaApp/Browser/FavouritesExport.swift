import Foundation
import AgendaModel
import AgendaSources

/// The starred sessions as RFC 5545: `agenda list --favourites --format ics` prints it, the
/// browser's `e` writes it to `$XDG_DATA_HOME/agenda/NAME.ics` (default ~/.local/share/agenda/).
/// UIDs are session keys, so importing a later export updates the calendar's entries.
public enum FavouritesExport {
    public static func indices(_ schedule: Schedule, favourites: Set<String>) -> [Int] {
        schedule.sessions.indices.filter { favourites.contains(schedule.sessions[$0].key) }
    }

    public static func file(for conference: Conference, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let directory = XDGFolder.data.url(environment).appendingPathComponent("agenda")
        let name = FavouritesStore(conference: conference, environment: environment).file.deletingPathExtension().lastPathComponent
        return directory.appendingPathComponent(name + ".ics")
    }

    /// Writes the file atomically; returns where, and how many sessions it holds.
    /// Each event carries an alarm `alarm` seconds before it starts (the browser's `--remind`).
    public static func write(_ schedule: Schedule, favourites: Set<String>, alarm: TimeInterval? = nil,
                             environment: [String: String] = ProcessInfo.processInfo.environment) throws -> (URL, Int) {
        let chosen = indices(schedule, favourites: favourites)
        let file = file(for: schedule.conference, environment: environment)
        try AtomicFile.write(Data(ICalendarWriter.write(schedule, sessions: chosen, alarm: alarm).utf8), to: file)
        return (file, chosen.count)
    }
}
