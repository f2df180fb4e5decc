import Foundation
import AgendaCanvas
import AgendaModel

/// Which language the board's own labels use; session text is shown as the schedule gives it.
public enum KioskLanguage: String, Sendable, CaseIterable {
    case en, zh
    case bilingual = "en+zh"
}

/// `--qr`: which QR code a door screen shows.
public enum KioskQR: String, Sendable, CaseIterable {
    /// The running (else the next) session's URL from the schedule.
    case talk
    case none
}

/// How a kiosk was asked to look: fixed for its whole run.
public struct KioskOptions: Sendable, Equatable {
    /// A door screen for these rooms, each a name (any case) or a room guid, as given on the
    /// command line; resolved against every new version of the schedule, so a renamed room
    /// keeps its screen. Empty: the whole venue.
    public var rooms: [String]
    public var language: KioskLanguage
    /// Dwell time of each venue page, in board-clock seconds.
    public var pageSeconds: Int
    /// ASCII-only drawing and English labels, for terminals outside a UTF-8 locale.
    public var ascii: Bool
    /// The Linux console's font (at most 512 glyphs): block and box drawing, but few other symbols.
    public var consoleFont: Bool
    /// `--glyphs`: not `unicode` on TERM=linux or a terminal that draws ambiguous-width
    /// characters two cells wide: ASCII lines, marks and clock; the labels' language stays.
    public var glyphs: Glyphs
    var asciiGlyphs: Bool { glyphs.folds }
    /// Moves the whole board by a cell every few minutes, so no pixel burns in.
    public var burnInShift: Bool
    /// `--timer`: the speaker's stage timer for the one room instead of the door screen.
    public var timer: Bool
    public var qr: KioskQR
    /// `--stream-url`: the QR code beside ROOM FULL when the room status names none.
    public var streamURL: String?
    /// `--closing`: the line after the last session of the conference.
    public var closing: String?
    /// `--on`: the board shows only within these daily windows; black outside them.
    public var onHours: [DailyWindow]
    /// `--horizon`: on the venue board, a room with nothing running and nothing starting
    /// within this collapses into the "Later" line.
    public var horizon: TimeInterval
    /// `--venue`: per-room extras (map, stream, interpretation, DECT, a note) for door screens.
    public var venue: VenueRooms
    /// Started by hand: how to leave, said on the first screen.
    public var leaveHint: LeaveHint?

    public init(room: String? = nil, rooms: [String] = [], language: KioskLanguage = .en, pageSeconds: Int = 10,
                ascii: Bool = false, consoleFont: Bool = false, glyphs: Glyphs = .unicode, burnInShift: Bool = true, timer: Bool = false,
                qr: KioskQR = .talk, streamURL: String? = nil, closing: String? = nil, onHours: [DailyWindow] = [],
                horizon: TimeInterval = 3 * 3600, venue: VenueRooms = VenueRooms(), leaveHint: LeaveHint? = nil) {
        self.rooms = (room.map { [$0] } ?? []) + rooms
        self.language = language
        self.pageSeconds = max(1, pageSeconds)
        self.ascii = ascii
        self.consoleFont = consoleFont
        self.glyphs = glyphs
        self.burnInShift = burnInShift
        self.timer = timer
        self.qr = qr
        self.streamURL = streamURL
        self.closing = closing
        self.onHours = onHours
        self.horizon = max(0, horizon)
        self.venue = venue
        self.leaveHint = leaveHint
    }
}

/// A daily window of wall-clock time in the venue zone, `07:30-22:00`; one that ends before it
/// starts runs overnight (`18:00-02:00`), its small hours counted to the day before.
public struct DailyWindow: Sendable, Equatable {
    /// Minutes after midnight.
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// `HH:MM-HH:MM` (either dash); nil when it does not read.
    public static func parse(_ text: String) -> DailyWindow? {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "–" }).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let start = minutes(parts[0]), let end = minutes(parts[1]), start != end else { return nil }
        return DailyWindow(start: start, end: end % 1440)
    }

    private static func minutes(_ text: String) -> Int? {
        let pieces = text.split(separator: ":")
        guard pieces.count == 2, pieces.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
              let hours = Int(pieces[0]), let minutes = Int(pieces[1]),
              (0...24).contains(hours), (0..<60).contains(minutes), hours * 60 + minutes <= 1440 else { return nil }
        return hours * 60 + minutes
    }

    /// Whether the wall-clock minute of the day `minute` lies inside.
    public func contains(minute: Int) -> Bool {
        start < end ? (start <= minute && minute < end) : (minute >= start || minute < end)
    }
}
