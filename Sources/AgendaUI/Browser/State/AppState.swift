import Foundation
import AgendaCanvas
import AgendaModel

public enum Pane: Sendable, Equatable { case list, detail }

/// How the sessions of a day are arranged; `v` cycles through them.
public enum ViewMode: Sendable, Equatable, CaseIterable {
    case chronological, byRoom, byTrack, timetable, nowNext
}

public enum Overlay: Sendable, Equatable { case none, help, picker, links }

/// What the list shows: one of these at a time, decided in one place (`AppState.list`).
public enum ListContent: Sendable, Equatable {
    /// The selected day, arranged by the view.
    case day(ViewMode)
    /// Search results across every day.
    case results
    case myAgenda
    /// New, changed and cancelled sessions since the previous version.
    case changes
}

/// The lists shown in place of the day (and of a search) until left.
public enum SpecialList: Sendable, Equatable { case myAgenda, changes }

/// How the browser was started: set once; only the glyphs change, once, when the terminal's
/// answer to the width probe arrives after the first frame (`.glyphsLearnt`).
public struct BrowserSettings: Sendable, Equatable {
    public var reminderLead: TimeInterval
    public var bell: Bool
    /// `ascii` on terminals that draw ambiguous-width characters two cells wide (`--glyphs`).
    public var glyphs: Glyphs
    /// `--screen-reader`: one pane at a time, rows in words with titles wrapped, and what each
    /// key did said in the status line.
    public var screenReader: Bool
    /// The schedule shown is the day read ahead of a large file (`FrabXMLReadAhead`) until
    /// `.wholeFileRead`: lists over other days say they are still being read.
    public var readingAhead: Bool

    public init(reminderLead: TimeInterval = 5 * 60, bell: Bool = true, glyphs: Glyphs = .unicode,
                screenReader: Bool = false, readingAhead: Bool = false) {
        self.reminderLead = reminderLead
        self.bell = bell
        self.glyphs = glyphs
        self.screenReader = screenReader
        self.readingAhead = readingAhead
    }
}

/// Side effects the run loop carries out after a reducer step: the reducer itself stays pure.
public enum Effect: Sendable, Equatable {
    /// A star added or removed: merge it into the favourites file.
    case favouriteChanged(key: String, starred: Bool)
    case bell
    /// Find where the favourites would be written, and answer with `Action.exportProposed`.
    case proposeExport
    /// Write the favourites as an iCalendar file (the loop says where in the status line).
    case exportFavourites
    /// The filter changed: keep it for this conference's next start.
    case filterChanged
    /// Draw the whole screen again, not only what changed (Ctrl-L).
    case redraw
    /// Open a web address (`http`, `https`) in the user's browser.
    case openURL(String)
    /// Put a web address on the terminal's clipboard (OSC 52).
    case copyURL(String)
    /// A desktop notification through the terminal (OSC 777, OSC 9): a reminder.
    case notify(title: String, body: String)
}

/// Everything the browser shows, as plain data: the reducer changes it, the views draw it.
public struct AppState: Sendable {
    public private(set) var schedule: Schedule
    public internal(set) var size: Size
    public internal(set) var now: Date
    public let measure: TextMeasure
    public let strings: Strings
    /// The zone of the machine, for the "local time" display.
    public let localZone: TimeZone

    // Where we are
    public internal(set) var day = 0
    public internal(set) var mode: ViewMode = .chronological
    /// My agenda or the changes, shown in place of the day until left.
    public internal(set) var special: SpecialList?
    /// Set while the schedule shown is a cached copy standing in for an unreachable source.
    public internal(set) var staleNote: StaleNote?
    /// Set while the schedule shown is the day read ahead of a large file (`FrabXMLReadAhead`):
    /// lists over other days say they are still being read.
    public internal(set) var readingRest = false
    /// Counts the schedules shown, so that a search index built for an earlier one is known.
    public internal(set) var scheduleVersion = 0
    /// The highlighted session (index into `schedule.sessions`): the one truth every view follows.
    public internal(set) var selected: Int?
    /// The session last selected, kept while the list shows none (a filter that empties the
    /// day), so that the list rebuilt returns to it or to the session nearest it in time.
    var place: Int?
    /// What the list shows, rebuilt whenever day, view, search, filter or favourites change.
    public internal(set) var rows: [Row] = []
    /// The texts of heading and note rows.
    public internal(set) var labels: [String] = []
    /// Indices of the rows that are not sessions (headings, gaps, notes), ascending.
    var labelRows: [Int] = []
    public internal(set) var cursor = 0
    public internal(set) var listTop = 0
    public internal(set) var detailTop = 0
    /// In screen-reader mode, the detail's line the cursor stands on: ↑ ↓ move it line by line,
    /// so each line is read even when the detail fits the pane.
    public internal(set) var detailLine = 0
    public internal(set) var focus: Pane = .list
    /// On narrow terminals (and in the timetable) the detail replaces the list while open.
    public internal(set) var detailOpen = false
    public internal(set) var overlay: Overlay = .none
    public internal(set) var helpTop = 0
    /// In screen-reader mode, the help's line the cursor stands on.
    public internal(set) var helpLine = 0
    /// The session's links to choose from (`o`, `y` on a session with several).
    public internal(set) var linkChooser = LinkChooser()
    /// What the venue says about its rooms (`--venue FILE`): maps, streams, interpretation.
    public internal(set) var venue = VenueRooms()
    public internal(set) var timetable = TimetablePosition()
    public internal(set) var shouldQuit = false

    // Finding and choosing
    public internal(set) var search = SearchState()
    var searchIndex: SearchIndex?
    public internal(set) var filter = Filter()
    /// Per session, whether the filter shows it; empty when nothing is hidden. Kept beside the
    /// filter so a search or list rebuild asks a Bool, not the session's strings.
    private var admitted: [Bool] = []
    public internal(set) var picker = PickerState()
    public internal(set) var favourites: Set<String> = []
    /// Favourites as session indices in time order, and those that overlap another.
    public internal(set) var favouriteIndices: [Int] = []
    public internal(set) var clashes: Set<Int> = []
    /// The changes view shows starred sessions only (`C`).
    public internal(set) var changesStarredOnly = false
    /// Changes to starred sessions already said (`announceStarredChanges`).
    var announcedChanges: Set<String> = []
    /// A friend's list shown beside yours (`--with FILE`).
    public internal(set) var friend: FriendStars?

    // Time and reminders
    public internal(set) var showLocalTime = false
    public internal(set) var settings: BrowserSettings
    public var reminderLead: TimeInterval { settings.reminderLead }
    public var bellEnabled: Bool { settings.bell }
    public var glyphs: Glyphs { settings.glyphs }
    public var screenReader: Bool { settings.screenReader }
    /// In screen-reader mode, what the last key did, in words ("12 matches", "starred").
    public internal(set) var announcement: String?
    public internal(set) var banner: Banner?
    /// Where the favourites go when `e` is pressed again (its question is on the status line).
    public internal(set) var exportPending: String?
    var reminded: Set<String> = []
    public internal(set) var effects: [Effect] = []
    /// The detail pane's layout, kept while its session and all it shows stay the same.
    let detailLayout = DetailLayout()

    /// "Friday 27 December 2024 · Day 2" per day.
    private(set) var dayTitles: [String] = []
    /// "Fri 27" per day (the full date when there is one day).
    private(set) var dayTabLabels: [String] = []
    /// Rooms and tracks numbered in display order.
    private(set) var rooms = FacetIndex(count: 0, { _ in nil }, order: [])
    private(set) var tracks = FacetIndex(count: 0, { _ in nil })
    /// Cells of the longest room name, so the list gives short names no more than they need.
    public private(set) var longestRoom = 0
    /// Cells of the longest title, so room names can have what titles do not need.
    public private(set) var longestTitle = 0
    /// Cells of the longest title in the list as it is now (`rebuildRows`).
    public internal(set) var listLongestTitle = 0
    /// Tracks with a colour from the file, as tint numbers, and the colours in tint order.
    public private(set) var trackTints: [String: UInt8] = [:]
    public private(set) var tintColours: [String] = []

    public init(schedule: Schedule, size: Size, now: Date, measure: TextMeasure = .standard,
                strings: Strings = .for(.en), localZone: TimeZone = .current, favourites: Set<String> = [],
                settings: BrowserSettings = BrowserSettings()) {
        self.schedule = schedule
        self.size = size
        self.now = now
        self.measure = measure
        self.strings = strings
        self.localZone = localZone
        self.favourites = favourites
        self.settings = settings
        readingRest = settings.readingAhead
        deriveFromSchedule()
        refreshFavourites()
        showOpening()
        announceStarredChanges()
    }

    /// Where the browser opens: while the conference runs, today and what is on now; else day 1.
    mutating func showOpening() {
        day = 0
        rebuildRows(keepSelection: false)
        // Not through `apply`: where the browser opens is not announced as a key's doing.
        if isRunning { jumpToNow() }
    }

    /// What the views need from a schedule that is costly to work out per frame.
    private mutating func deriveFromSchedule() {
        let sessions = schedule.sessions
        // The publisher's rooms, then the others as they first appear: what `Schedule.rooms` says.
        rooms = FacetIndex(count: sessions.count, { sessions[$0].room }, order: schedule.conference.rooms)
        tracks = FacetIndex(count: sessions.count, { sessions[$0].track })
        longestRoom = rooms.names.map(measure.cells).max() ?? 0
        let chinese = strings.language == .zh
        longestTitle = 0
        for i in sessions.indices {
            let title = sessions[i].leadTitle(chinese: chinese)
            // A character takes at least a byte for each of its cells: a shorter title cannot be longer.
            if title.utf8.count > longestTitle { longestTitle = max(longestTitle, measure.cells(title)) }
        }
        (trackTints, tintColours) = Self.tints(schedule.conference.trackColours)
        admitted = filter.mask(schedule.sessions)
        (dayTitles, dayTabLabels) = Self.dayLabels(schedule, strings)
    }

    /// The one place the filter changes: the per-session mask follows it.
    mutating func setFilter(_ new: Filter) {
        filter = new
        admitted = filter.mask(schedule.sessions)
    }

    /// Whether the filter shows session `index`.
    func admits(_ index: Int) -> Bool { admitted.isEmpty || admitted[index] }

    /// Numbers the distinct track colours (at most 64, the rest go uncoloured).
    static func tints(_ colours: [String: String]) -> ([String: UInt8], [String]) {
        let palette = Array(Set(colours.values)).sorted().prefix(64)
        let number = Dictionary(uniqueKeysWithValues: palette.enumerated().map { ($1, UInt8($0 + 1)) })
        return (colours.compactMapValues { number[$0] }, Array(palette))
    }

    /// The tint of a session's track, 0 when the file gives it no colour.
    func tint(of session: Session) -> UInt8 { session.track.flatMap { trackTints[$0] } ?? 0 }

    /// Between the first session's start and the last one's end.
    var isRunning: Bool {
        let sessions = schedule.sessions
        guard let first = sessions.first?.start, first <= now else { return false }
        return sessions.indices.contains { sessions[$0].end >= now }
    }

    public var layout: Layout {
        Layout(size: size, split: !showsTimetable && !screenReader,
               listWants: SessionListView.Columns.widthShowingWhole(longestTitle: longestTitle, longestRoom: longestRoom))
    }
    public var selectedSession: Session? { selected.map { schedule.sessions[$0] } }
    /// Whether the detail pane is on screen (always beside the list on wide terminals).
    public var detailVisible: Bool { layout.sideBySide || detailOpen }
    /// The timetable grid is on screen (not search results or my agenda in its place).
    public var showsTimetable: Bool { list == .day(.timetable) }

    /// What the list shows: my agenda or the changes while open, else the search results while
    /// there is a query, else the day in its view.
    public var list: ListContent {
        switch special {
        case .myAgenda?: .myAgenda
        case .changes?: .changes
        case nil: search.query.isEmpty ? .day(mode) : .results
        }
    }
    public var showingMyAgenda: Bool { special == .myAgenda }
    public var showingChanges: Bool { special == .changes }
    public var displayZone: TimeZone { showLocalTime ? localZone : schedule.timeZone }
    public var time: VenueTime { VenueTime(timeZone: displayZone) }

    /// Hands the pending side effects to the run loop.
    public mutating func takeEffects() -> [Effect] {
        defer { effects.removeAll() }
        return effects
    }

    /// Replaces the schedule (a reload) and keeps selection, day, view, search and favourites.
    mutating func replaceSchedule(_ newSchedule: Schedule) {
        let key = selectedSession?.key
        let date = schedule.days.indices.contains(day) ? schedule.days[day].date : nil
        schedule = newSchedule
        scheduleVersion += 1
        deriveFromSchedule()
        searchIndex = nil
        search.earlier = []  // their indices belong to the old schedule
        if !search.query.isEmpty { runSearch(narrowing: false) }
        refreshFavourites()
        // The same date when the new version has it (days may have been added before it).
        day = schedule.days.firstIndex { $0.date == date } ?? min(day, max(0, schedule.days.count - 1))
        selected = key.flatMap { k in schedule.sessions.firstIndex { $0.key == k } }
        place = selected  // the old index means another session in the new schedule
        search.origin = nil
        rebuildRows(keepSelection: true)
    }
}

/// One line of the session list. Plain numbers, so that building, comparing and dropping a
/// list of 20,000 rows costs no reference counting: heading and note texts are in `labels`.
public enum Row: Sendable, Equatable {
    /// A heading: `labels[n]`.
    case heading(Int)
    case session(Int)
    /// Free time between two favourites in my agenda.
    case gap(minutes: Int)
    /// A line of explanation (nothing found, no favourites yet): `labels[n]`.
    case note(Int)

    var session: Int? { if case .session(let i) = self { i } else { nil } }
}

/// Rows and the texts of their headings and notes, built together.
struct RowList {
    var rows: [Row] = []
    var labels: [String] = []
    /// Indices of the rows that are not sessions, ascending.
    var labelRows: [Int] = []

    mutating func heading(_ text: String) {
        labelRows.append(rows.count)
        rows.append(.heading(labels.count))
        labels.append(text)
    }

    mutating func note(_ text: String) {
        labelRows.append(rows.count)
        rows.append(.note(labels.count))
        labels.append(text)
    }

    mutating func gap(minutes: Int) {
        labelRows.append(rows.count)
        rows.append(.gap(minutes: minutes))
    }

    /// `note` in place of nothing.
    func orNote(_ text: String) -> RowList {
        guard rows.isEmpty else { return self }
        var list = self
        list.note(text)
        return list
    }
}

public struct SearchState: Sendable, Equatable {
    public internal(set) var query = ""
    /// The search line has the keyboard.
    public internal(set) var editing = false
    public private(set) var folded: [UInt8] = []
    /// The words of `folded`, split once for the many texts a frame highlights.
    private(set) var words: [[UInt8]] = []
    var hits = SearchHits()
    /// The matching sessions, in index (time) order.
    public var matches: [Int] { hits.sessions }

    /// Sets the folded query and its words together.
    mutating func setFolded(_ query: [UInt8]) {
        folded = query
        words = WordStart.words(of: query)
    }
    /// Earlier (folded query, hits) pairs of this search, so Backspace costs nothing.
    var earlier: [([UInt8], SearchHits)] = []
    /// Where the list was when `/` was pressed: Esc while typing returns there.
    var origin: SearchOrigin?
    public var isActive: Bool { editing || !query.isEmpty }

    public static func == (a: SearchState, b: SearchState) -> Bool {
        a.query == b.query && a.editing == b.editing && a.folded == b.folded && a.hits == b.hits
    }
}

/// The list as it was before a search: its day, what it showed, the selection and the scroll.
struct SearchOrigin: Sendable, Equatable {
    var day: Int
    var special: SpecialList?
    var selected: Int?
    var listTop: Int
    var detailTop: Int
    var timetable: TimetablePosition
}

/// What the picker hides; empty sets hide nothing.
public struct Filter: Sendable, Equatable {
    /// The raw names are how a kept filter is written down.
    public enum Facet: String, Sendable, CaseIterable { case room, track, language, type }
    public internal(set) var hidden: [Facet: Set<String>] = [:]

    public init(hidden: [Facet: Set<String>] = [:]) { self.hidden = hidden }

    public var isActive: Bool { hidden.values.contains { !$0.isEmpty } }

    static func value(of session: Session, _ facet: Facet) -> String {
        switch facet {
        case .room: session.room ?? ""
        case .track: session.track ?? ""
        case .language: session.language ?? ""
        case .type: session.type ?? ""
        }
    }

    public func admits(_ session: Session) -> Bool {
        for (facet, values) in hidden where values.contains(Self.value(of: session, facet)) { return false }
        return true
    }

    /// `admits` for every session, or empty when the filter hides nothing.
    func mask(_ sessions: [Session]) -> [Bool] { isActive ? sessions.map(admits) : [] }
}

public struct PickerState: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        public var facet: Filter.Facet
        /// nil for a section heading.
        public var value: String?
        public var label: String
    }
    /// The choices shown: those whose label contains `query`, under their section headings.
    public internal(set) var items: [Item] = []
    /// Every choice, whatever the query.
    var all: [Item] = []
    public internal(set) var cursor = 0
    public internal(set) var top = 0
    /// Typed after `/` to narrow a long list of rooms to the few wanted.
    public internal(set) var query = ""
    public internal(set) var typing = false
}

public struct TimetablePosition: Sendable, Equatable {
    /// First room column shown (horizontal scrolling).
    public internal(set) var firstColumn = 0
    /// First time slot shown (vertical scrolling).
    public internal(set) var firstSlot = 0
}

public struct Banner: Sendable, Equatable {
    public var text: String
    public var until: Date
}
