import Foundation
import AgendaModel

/// What every fuzz target checks beyond "no crash, no hang, bounded memory" (libFuzzer and
/// the sanitizers watch those): whatever a reader returns or throws is safe to show.
public enum FuzzCheck {
    /// The fuzzer's bytes as `Data` (a copy: readers may keep slices of it).
    public static func data(_ start: UnsafeRawPointer?, _ count: Int) -> Data {
        guard let start, count > 0 else { return Data() }
        return Data(bytes: start, count: count)
    }

    /// Reads with `body`; a `ScheduleError` is a fine outcome, but its message must be safe too.
    /// A schedule that comes back has every text field sanitised and is written by every writer.
    public static func read(_ body: () throws(ScheduleError) -> Schedule) {
        let schedule: Schedule
        do {
            schedule = try body()
        } catch {
            require(error.kind == .malformed, "a read error that is not .malformed: \(error)")
            require(isSafeLine(error.description), "unsafe error message: \(debug(error.description))")
            return
        }
        check(schedule)
    }

    /// Every field of a schedule that reaches a terminal, and the writers over it.
    public static func check(_ schedule: Schedule) {
        let c = schedule.conference
        line(c.title, "conference title")
        line(c.shortTitle, "conference short title")
        line(c.url, "conference url")
        for s in schedule.sessions {
            line(s.id, "id"); line(s.guid, "guid"); line(s.title, "title"); line(s.subtitle, "subtitle")
            line(s.room, "room"); line(s.track, "track"); line(s.type, "type"); line(s.language, "language")
            line(s.url, "url")
            for p in s.persons { line(p, "person") }
            for l in s.links { line(l.title, "link title"); line(l.url, "link url") }
            text(s.abstract, "abstract"); text(s.description, "description")
            require(s.end >= s.start, "session ends before it starts: \(debug(s.title))")
            _ = s.key
        }
        for w in schedule.warnings { require(isSafeLine(w.description), "unsafe warning: \(debug(w.description))") }
        var covered = 0
        for day in schedule.days {
            require(day.sessionRange.lowerBound == covered, "days do not tile the sessions")
            covered = day.sessionRange.upperBound
        }
        require(covered == schedule.sessions.count, "days do not cover every session")
        _ = ScheduleJSONWriter.write(schedule)
        _ = ScheduleListing.text(schedule)
        _ = ICalendarWriter.write(schedule, stamp: Date(timeIntervalSince1970: 0))
    }

    /// A one-line field: no control, escape, bidi or other invisible scalar, no line break.
    public static func isSafeLine(_ text: String) -> Bool {
        !text.unicodeScalars.contains { Sanitizer.isInvisible($0) || isBidiControl($0) }
    }

    /// A multi-line field: as a line, but line feeds are allowed.
    public static func isSafeText(_ text: String) -> Bool {
        !text.unicodeScalars.contains { $0 != "\n" && (Sanitizer.isInvisible($0) || isBidiControl($0)) }
    }

    /// Stated apart from `Sanitizer.isInvisible`, so that a change there cannot hide a regression.
    static func isBidiControl(_ s: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(s.value) || (0x2066...0x2069).contains(s.value)
            || s.value == 0x1B || s.value < 0x20 && s != "\n" || (0x7F...0x9F).contains(s.value)
    }

    static func line(_ value: String?, _ what: String) {
        guard let value else { return }
        require(isSafeLine(value), "unsafe \(what): \(debug(value))")
    }

    static func text(_ value: String?, _ what: String) {
        guard let value else { return }
        require(isSafeText(value), "unsafe \(what): \(debug(value))")
    }

    /// The scalars, escaped, so the report itself is safe to print.
    public static func debug(_ text: String) -> String {
        text.unicodeScalars.prefix(200).map { $0.escaped(asASCII: true) }.joined()
    }

    /// Crashes (so libFuzzer saves the input) when the property does not hold.
    public static func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
        if !condition() { fatalError(message()) }
    }
}
